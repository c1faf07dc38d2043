"""The real path end to end against llama.cpp's server running Gemma 3 270M.

The model is tiny and writes poor Chinese: these tests assert on structure, limits and the grounding check,
never on wording.
"""
import time

from qa.explain import _figures, explain_reports
from qa.grounding import check_answer, ungrounded_numbers
from qa.llm import LLMError, answer_from_passages, complete, make_chat
from rules.engine import check_document
from tests.budgetdoc import make_doc

PARAGRAPHS = ("2024年一般行政管理事务预算为45.00万元。", "2024年行政运行预算为65.00万元。")


def test_max_tokens_is_honoured(llm_server):
    s = llm_server.settings(max_tokens=8)
    reply = complete([("human", "请写一篇很长的文章，介绍部门预算的编制流程。")], s, make_chat(s, json_mode=False))
    assert reply.completion_tokens is not None and 1 <= reply.completion_tokens <= 8


def test_explanations_end_to_end_then_served_from_cache(llm_server, tmp_path):
    first = [check_document(make_doc(*PARAGRAPHS))]
    served = llm_server.completions_served()
    assert explain_reports(first, llm_server.settings(cache_dir=tmp_path)) == 2
    assert llm_server.completions_served(at_least=served + 2) - served == 2
    for f in first[0].findings:
        assert f.explanation and f.explanation_source in ("llm", "template")
        if f.explanation_source == "llm":  # kept: it must pass the check it was kept by
            assert f.llm_note is None and ungrounded_numbers(f.explanation, _figures(f)) == []
        else:
            assert f.llm_note  # and the reason is recorded
    second = [check_document(make_doc(*PARAGRAPHS))]
    served = llm_server.completions_served()
    assert explain_reports(second, llm_server.settings(cache_dir=tmp_path)) == 0
    assert llm_server.completions_served() == served
    assert [f.model_dump() for f in second[0].findings] == [f.model_dump() for f in first[0].findings]


def test_answers_are_grounded_or_declined(llm_server, tmp_path):
    passages = ["2024年一般公共预算支出合计100.00万元。", "其中基本支出60.00万元，项目支出40.00万元。"]
    result = answer_from_passages("2024年基本支出是多少？", passages, llm_server.settings(cache_dir=tmp_path))
    if result is not None:
        text, cited = result
        assert check_answer(text, passages) is None and cited and set(cited) <= {1, 2}


def test_timeout_against_the_real_server_falls_back_in_time(llm_server, tmp_path):
    # Last in this module: the server keeps generating for the abandoned request for a few seconds.
    report = check_document(make_doc(PARAGRAPHS[0]))
    start = time.monotonic()
    explain_reports([report], llm_server.settings(cache_dir=tmp_path, timeout=0.3, max_tokens=48))
    elapsed = time.monotonic() - start
    (f,) = report.findings
    assert f.explanation_source == "template" and f.llm_note == "timeout"
    assert elapsed < 0.3 + 0.7, elapsed
    try:
        complete([("human", "你好")], llm_server.settings(timeout=0.01))
    except LLMError as exc:
        assert str(exc) == "timeout"
