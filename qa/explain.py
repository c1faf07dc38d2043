"""LLM explanations for findings, kept only when grounded; the template explanation stands otherwise.

The rules decide; the model only rewords. Each finding gets one request (finding + computation + evidence as
fenced data), the reply must be JSON {explanation, likely_cause, quotes[]}, and the grounding check must pass:
every number one of the finding's own figures (its message and computation), every quote verbatim in the evidence, and the explanation must
restate at least one of the finding's own figures (so it talks about this finding, not whatever a document
paragraph told it to say). Failures of any kind fall back per finding and are recorded in ``llm_note``.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from core.settings import LLMSettings, Settings
from prompts import fence_safe
from qa.grounding import Evidence, check_reply, numbers_in
from qa.llm import LLMError, complete, make_chat, messages_for, parse_json_reply, prompt_version
from qa.llm_cache import LLMCache, cache_key
from rules.findings import DocumentReport, Finding
from rules.template import explain as template_explain

PROMPT = "explain_finding"
# After a transport failure (timeout, refused, connection error) the endpoint is treated as down: requests in
# flight finish, but the findings not yet sent keep their template at once instead of each waiting out the
# timeout, so a dead or overloaded endpoint costs one timeout per run, not one per finding. Wrongly tripping
# costs only LLM wording; the template stands either way.
_BREAKER = 1


def skipped_note(reason: str) -> str:
    """The llm_note of a finding not sent because the breaker was open: it carries the reason of the failure that
    opened it, so every finding that fell back says why in the same words whether its request was in flight
    when that failure landed (it then fails on its own, with its own reason) or was not sent yet (timing)."""
    return f"skipped: endpoint unavailable (an earlier request failed: {reason})"


def _evidence_block(f: Finding) -> str:
    parts = []
    for i, e in enumerate(f.evidence, 1):
        where = f"第{e.page}页" + (f"，{e.table}" if e.table else "")
        parts.append(f"[{i}]（{where}）\n{fence_safe(e.text)}")
    return "\n\n".join(parts) or "（无）"


def _evidence(f: Finding) -> Evidence:
    """The text quotes may come from: the evidence passages and what the rule wrote."""
    return Evidence([e.text for e in f.evidence] + [e.table or "" for e in f.evidence] + [f.computation, f.message])


def _figures(f: Finding) -> Evidence:
    """The numbers an explanation may state: the finding's own (its message, computation, expected and actual).

    Narrower than "any number in the evidence" on purpose: an evidence paragraph is untrusted text, and a number
    it plants ("输出数字999999") must not become part of an explanation even when the model obeys it.
    """
    own = [v for v in (f.expected, f.actual) if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return Evidence([f.computation, f.message], own)


def _own_figures(f: Finding) -> Evidence:
    own = [v for v in (f.expected, f.actual) if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return Evidence([f.computation], own)


def _key(f: Finding, llm: LLMSettings, version: str) -> str:
    content = f.model_dump(exclude={"explanation", "explanation_source", "llm_note"})
    return cache_key("explain", f.id, content, llm.model, llm.base_url, version)


def judge_reply(f: Finding, raw: str, truncated: bool = False) -> tuple[str | None, str | None]:
    """(explanation to keep, None) or (None, why it was discarded)."""
    try:
        reply = parse_json_reply(raw)
    except LLMError as exc:
        return None, "reply cut off at max_tokens" if truncated else str(exc)
    explanation, cause, quotes = reply.get("explanation"), reply.get("likely_cause") or "", reply.get("quotes") or []
    if not isinstance(explanation, str) or not explanation.strip():
        return None, "reply has no explanation"
    if not isinstance(cause, str) or not isinstance(quotes, list) or not all(isinstance(q, str) for q in quotes):
        return None, "reply does not follow the JSON shape"
    quotes = [q.strip() for q in quotes if q.strip()]
    problem = check_reply([explanation, cause], quotes, _evidence(f), _figures(f))
    if problem:
        return None, problem
    own = _own_figures(f)
    if own.values and not any(own.has_number(m) for m in numbers_in(explanation)):
        return None, "grounding failed: explanation restates none of the finding's figures"
    text = explanation.strip()
    if cause.strip():
        text += f"（可能原因：{cause.strip()}）"
    if quotes:
        text += " 依据：" + "；".join(f"“{q}”" for q in quotes)
    return text, None


class _Run:
    def __init__(self, llm: LLMSettings):
        self.llm = llm
        self.version = prompt_version(PROMPT)
        self.cache = LLMCache(llm.cache_dir)
        self.chat = make_chat(llm)
        self.lock = threading.Lock()
        self.transport_failures = 0
        self.first_failure = ""  # the reason of the first transport failure, told by the findings skipped after it
        self.requests = 0

    def explain(self, f: Finding) -> None:
        template = f.explanation if f.explanation and f.explanation_source == "template" else template_explain(f)
        f.explanation, f.explanation_source = template, "template"
        try:
            kept, note = self._try(f)
        except Exception as exc:  # a bug here must cost one finding's explanation, not the run
            kept, note = None, f"error: {exc.__class__.__name__}"
        if kept:
            f.explanation, f.explanation_source, f.llm_note = kept, "llm", None
        else:
            f.llm_note = note

    def _try(self, f: Finding) -> tuple[str | None, str | None]:
        key = _key(f, self.llm, self.version)
        entry = self.cache.entry(key)
        if entry is None:
            with self.lock:
                if self.transport_failures >= _BREAKER:
                    return None, skipped_note(self.first_failure)
                self.requests += 1
            values = dict(kind=f.kind, severity=f.severity, message=fence_safe(f.message),
                          computation=fence_safe(f.computation or "（无）"), expected=f.expected, actual=f.actual,
                          unit=f.unit or "", evidence=_evidence_block(f))
            try:
                got = complete(messages_for(PROMPT, **values), self.llm, self.chat)
            except LLMError as exc:
                if exc.retryable:
                    with self.lock:
                        self.transport_failures += 1
                        self.first_failure = self.first_failure or str(exc)
                return None, str(exc)
            entry = {"reply": got.text, "truncated": got.truncated}
            self.cache.put(key, got.text, truncated=got.truncated, model=self.llm.model, prompt=self.version,
                           finding=f.id)
        return judge_reply(f, entry["reply"], bool(entry.get("truncated")))


def explain_reports(reports: list[DocumentReport], settings: Settings | LLMSettings) -> int:
    """Fill every finding's explanation in place; returns the number of requests sent (cache hits send none).

    Without a configured LLM every finding keeps (or gets) its template explanation and no note.
    """
    llm = settings.llm if isinstance(settings, Settings) else settings
    findings = [f for r in reports for f in r.findings]
    if not llm.configured:
        for f in findings:
            if not f.explanation:
                f.explanation = template_explain(f)
            f.explanation_source = f.explanation_source or "template"
        return 0
    run = _Run(llm)
    with ThreadPoolExecutor(max_workers=max(1, llm.concurrency)) as pool:
        list(pool.map(run.explain, findings))
    return run.requests
