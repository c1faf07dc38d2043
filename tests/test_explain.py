"""Explaining findings: a reply is kept only when grounded; every failure falls back per finding and says why."""
import json
import threading
import time

from core.settings import LLMSettings, Settings
from qa.explain import explain_reports, judge_reply
from rules.engine import check_document
from tests.budgetdoc import make_doc
from tests.llm_server import HTTPEndpoint, Response, chat_body, closed_port

# Two narrative amounts that contradict the expenditure table (45 vs 40, 65 vs 60).
PARAGRAPHS = ("2024年一般行政管理事务预算为45.00万元。", "2024年行政运行预算为65.00万元。")


def reports():
    report = check_document(make_doc(*PARAGRAPHS))
    assert len(report.findings) == 2 and all(f.explanation_source == "template" for f in report.findings)
    return [report]


def reply(explanation, cause="文字笔误", quotes=()):
    return json.dumps({"explanation": explanation, "likely_cause": cause, "quotes": list(quotes)}, ensure_ascii=False)


GOOD = reply("文中写45.00万元，表中为40.00万元，相差5.00万元。", quotes=["一般行政管理事务预算为45.00万元"])


def skipped(reason: str) -> str:
    """The note of a finding not sent once the endpoint failed: the failure's own reason, behind the skip."""
    return f"skipped: endpoint unavailable (an earlier request failed: {reason})"


def by_amount(good_for_45: str, other: str):
    """Answer the 45-vs-40 finding with one reply and the other finding with another."""
    def respond(req):
        content = req["messages"][-1]["content"]
        return Response(body=chat_body(good_for_45 if "45.00" in content else other))
    return respond


def test_without_llm_every_finding_keeps_its_template():
    rs = reports()
    before = [f.explanation for f in rs[0].findings]
    assert explain_reports(rs, Settings(llm=LLMSettings(enabled=False, base_url="http://x/v1", model="m"))) == 0
    assert [f.explanation for f in rs[0].findings] == before
    assert all(f.explanation_source == "template" and f.llm_note is None for f in rs[0].findings)


def test_grounded_reply_is_kept_and_ungrounded_one_is_discarded_with_the_reason():
    rs = reports()
    with HTTPEndpoint(by_amount(GOOD, reply("文中65.00万元比表中多12.3万元。"))) as ep:
        assert explain_reports(rs, ep.settings()) == 2
    kept, dropped = sorted(rs[0].findings, key=lambda f: f.actual)
    assert kept.explanation_source == "llm" and kept.llm_note is None
    assert kept.explanation.startswith("文中写45.00万元") and "可能原因：文字笔误" in kept.explanation
    assert "“一般行政管理事务预算为45.00万元”" in kept.explanation
    assert dropped.explanation_source == "template"
    assert dropped.llm_note == "grounding failed: number 12.3万元 not in evidence"
    assert dropped.explanation.startswith("文中“2024年行政运行预算为”")


def test_judge_reply_reasons():
    f = reports()[0].findings[0]
    own = f"文中为{f.actual:.2f}万元，表中为{f.expected:.2f}万元。"
    assert judge_reply(f, "不是JSON")[1] == "invalid JSON"
    assert judge_reply(f, "{}")[1] == "reply has no explanation"
    assert judge_reply(f, json.dumps({"explanation": own, "quotes": "x"}))[1] == "reply does not follow the JSON shape"
    assert judge_reply(f, reply(own, quotes=["表中根本没有这句话"]))[1].startswith("grounding failed: quote")
    assert judge_reply(f, reply("文字与表格不一致。"))[1] == \
        "grounding failed: explanation restates none of the finding's figures"
    assert judge_reply(f, reply(own))[1] is None


def test_cache_serves_the_second_run_without_requests(tmp_path):
    with HTTPEndpoint(by_amount(GOOD, "不是JSON")) as ep:
        first = reports()
        assert explain_reports(first, ep.settings(cache_dir=str(tmp_path))) == 2
        second = reports()
        assert explain_reports(second, ep.settings(cache_dir=str(tmp_path))) == 0
        assert len(ep.requests) == 2
        assert [f.model_dump() for f in first[0].findings] == [f.model_dump() for f in second[0].findings]
        # Another model is another key: asked again.
        assert explain_reports(reports(), ep.settings(cache_dir=str(tmp_path), model="other")) == 2


def test_closed_port_falls_back_fast():
    rs = reports()
    s = LLMSettings(base_url=f"http://127.0.0.1:{closed_port()}/v1", model="m", timeout=5.0)
    start = time.monotonic()
    explain_reports(rs, s)
    assert time.monotonic() - start < 2.0
    assert all(f.explanation_source == "template" for f in rs[0].findings)
    assert {f.llm_note for f in rs[0].findings} <= {"connection refused", skipped("connection refused")}
    assert "connection refused" in {f.llm_note for f in rs[0].findings}


def test_slow_server_falls_back_within_the_timeout_and_stops_asking():
    # Six findings, two at a time, a server slower than the timeout: two time out, the rest are skipped.
    rs = reports() + reports() + reports()
    with HTTPEndpoint(lambda req: Response(body=chat_body(GOOD), delay=3.0)) as ep:
        start = time.monotonic()
        explain_reports(rs, ep.settings(timeout=0.5, concurrency=2))
        elapsed = time.monotonic() - start
    notes = [f.llm_note for r in rs for f in r.findings]
    # Waiting for any reply would take 3 s, asking all six 9 s; the margin over 0.5 s absorbs a loaded machine.
    assert elapsed < 2.5, elapsed
    assert notes.count("timeout") == 2 and len(ep.requests) == 2
    assert notes.count(skipped("timeout")) == 4
    assert all(f.explanation_source == "template" for r in rs for f in r.findings)


ENDPOINT_FAILURES = {  # failures that say the endpoint is down or overloaded: they open the breaker
    "HTTP 429 rate limited": Response(429, b'{"error": {"message": "slow down"}}'),
    "HTTP 500 error": Response(500, b"oops"),
}
BAD_REPLIES = {  # failures of one reply: every finding is asked
    "invalid response (not an OpenAI-style JSON body)": Response(body=b"<html>junk</html>", content_type="text/html"),
    "invalid JSON": Response(body=chat_body("解释：金额不一致")),
}


def test_rate_limit_junk_and_invalid_json_fall_back_and_say_so():
    # Two findings, two at a time. A bad reply is the reply's fault: both findings are asked and both say why.
    # An endpoint failure opens the breaker: the second finding either was already in flight (and fails the
    # same way) or, when the first failure lands before it starts, is skipped saying which failure that was;
    # which of the two is timing, and both tell the reason.
    for note, response in {**ENDPOINT_FAILURES, **BAD_REPLIES}.items():
        rs = reports()
        with HTTPEndpoint(lambda req, r=response: r) as ep:
            explain_reports(rs, ep.settings())
        assert all(f.explanation_source == "template" for f in rs[0].findings), note
        notes = sorted(f.llm_note for f in rs[0].findings)
        allowed = ([note, note], [note, skipped(note)]) if note in ENDPOINT_FAILURES else ([note, note],)
        assert notes in allowed, (note, notes)


def test_findings_after_an_endpoint_failure_are_skipped_and_say_which_failure():
    # One at a time, so the order is fixed: the first finding's request fails, the second is not sent.
    for note, response in ENDPOINT_FAILURES.items():
        rs = reports()
        with HTTPEndpoint(lambda req, r=response: r) as ep:
            assert explain_reports(rs, ep.settings(concurrency=1)) == 1
        assert [(f.explanation_source, f.llm_note) for f in rs[0].findings] == \
            [("template", note), ("template", skipped(note))], note


def test_requests_run_concurrently_within_the_limit():
    lock, live, peak = threading.Lock(), [0], [0]

    def respond(req):
        with lock:
            live[0] += 1
            peak[0] = max(peak[0], live[0])
        time.sleep(0.2)
        with lock:
            live[0] -= 1
        return Response(body=chat_body("{}"))

    rs = reports() + reports() + reports()
    with HTTPEndpoint(respond) as ep:
        explain_reports(rs, ep.settings(concurrency=2))
    assert peak[0] == 2 and len(ep.requests) == 6


def test_reply_cut_at_max_tokens_is_reported_and_cached(tmp_path):
    cut = Response(body=chat_body('{"explanation": "文中写45.00万元，表中', finish="length"))
    with HTTPEndpoint(lambda req: cut) as ep:
        for _ in range(2):
            rs = reports()
            explain_reports(rs, ep.settings(cache_dir=str(tmp_path)))
            assert [f.llm_note for f in rs[0].findings] == ["reply cut off at max_tokens"] * 2
    assert len(ep.requests) == 2  # the second pass was served from the cache


def test_secrets_stay_out_of_reports():
    key = "sk-docqa-secret-999"
    rs = reports()
    with HTTPEndpoint(lambda req: Response(401, f'{{"error": {{"message": "invalid key {key}"}}}}'.encode())) as ep:
        explain_reports(rs, ep.settings(api_key=key))
    dumped = rs[0].model_dump_json()
    assert key not in dumped and "HTTP 401 unauthorised" in dumped
