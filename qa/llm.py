"""The LLM provider: langchain-openai's ChatOpenAI against any OpenAI-compatible endpoint.

DeepSeek, Qwen, vLLM, Ollama's /v1 and llama.cpp's server all speak this protocol. Every failure becomes an
``LLMError`` with a short reason ("timeout", "connection refused", "HTTP 429 rate limited", "invalid JSON") so
callers fall back and say why; nothing here decides anything about a document.
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass

from core.errors import LLMError
from core.settings import LLMSettings, Settings
from prompts import CLOSE, OPEN, fence_safe, load
from qa.grounding import check_answer, citations
from qa.llm_cache import LLMCache, cache_key

# One short retry for transient statuses, and only when it fits well inside the timeout budget.
_RETRY_STATUSES = {429, 502, 503}
_RETRY_PAUSE = 0.5

# Why the last LLM answer of this context was not used ("timeout", "connection refused", "grounding failed: …"):
# `qa.answer.ask` copies it into `Answer.llm_note` so the CLI can say once that it fell back.
answer_failure: ContextVar[str | None] = ContextVar("answer_failure", default=None)


def endpoint_down(note: str) -> str | None:
    """How the CLI words a fallback note that says the endpoint itself failed ("unreachable": timeout, refused,
    connection; "unavailable": it answered HTTP 429 or 5xx), or None when the model answered and its reply was not
    used (grounding check, reply format)."""
    if note.startswith(("timeout", "connection", "skipped: endpoint unavailable")):
        return "unreachable"
    return "unavailable" if re.match(r"HTTP (?:429|5\d\d)\b", note) else None


def _within(seconds: float, call):
    """Run `call()` and return its result, or raise TimeoutError once `seconds` have passed.

    The HTTP client's own timeout applies per read: a server that accepts the connection and then trickles bytes
    (or sends headers and never a token) can keep a call alive far longer. Here the whole call, connect + first
    token + reply, is bounded; a call still running past its deadline finishes in a daemon thread and is ignored."""
    box: dict = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="docqa-llm-call", daemon=True).start()
    if not done.wait(max(0.0, seconds)):
        raise TimeoutError(f"no complete reply within {seconds:.1f} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


@dataclass
class Reply:
    text: str
    completion_tokens: int | None = None
    seconds: float = 0.0
    truncated: bool = False  # generation stopped at max_tokens


def _cut_reply(exc: BaseException) -> Reply | None:
    """The partial reply inside openai's LengthFinishReasonError (raised in JSON mode when max_tokens is hit)."""
    import openai

    for e in _chain(exc):
        if isinstance(e, openai.LengthFinishReasonError) and e.completion is not None:
            try:
                text = e.completion.choices[0].message.content or ""
                tokens = e.completion.usage.completion_tokens if e.completion.usage else None
            except (AttributeError, IndexError):
                return None
            return Reply(text, tokens, truncated=True)
    return None


def _redact(text: str, settings: LLMSettings) -> str:
    if settings.api_key:
        text = text.replace(settings.api_key.get_secret_value(), "***")
    return re.sub(r"\bsk-[A-Za-z0-9_-]{6,}", "sk-***", text)


def make_chat(settings: LLMSettings, json_mode: bool = True):
    """A ChatOpenAI client. The token limit goes in the body as ``max_tokens``: langchain would otherwise send
    ``max_completion_tokens``, which llama.cpp's server ignores (it would then generate to the context end)."""
    import httpx  # noqa: F401 - see below
    from langchain_openai import ChatOpenAI

    # httpx is imported here, before any client exists, and not first in `_reason` on a worker thread's first
    # failure: openai (httpx2-based) looks httpx up in sys.modules on every request, and a request built in
    # another thread while that import was half done failed as "invalid response" (AttributeError on httpx).
    kwargs = {"response_format": {"type": "json_object"}} if json_mode else {}
    return ChatOpenAI(
        base_url=settings.base_url,
        model=settings.model,
        # Local servers need no key, but the client insists on one; a placeholder is not a secret.
        api_key=settings.api_key.get_secret_value() if settings.api_key else "not-needed",
        timeout=settings.timeout,
        max_retries=0,  # retries are ours (below), so the timeout bounds the whole call
        temperature=0,
        extra_body={"max_tokens": settings.max_tokens},
        model_kwargs=kwargs,
    )


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    while exc is not None and exc not in out:
        out.append(exc)
        exc = exc.__cause__ or exc.__context__
    return out


def _reason(exc: BaseException) -> tuple[str, int | None, bool]:
    """A short, secret-free reason for a failed call, its HTTP status when there was one, and whether the same
    call may succeed later. Walks the cause chain by type: langchain wraps openai's errors, which wrap httpx's,
    which wrap the socket's."""
    import httpx
    import openai

    chain = _chain(exc)
    for e in chain:
        if isinstance(e, openai.APIStatusError):
            status = e.status_code
            label = {429: "rate limited", 401: "unauthorised", 403: "forbidden", 404: "not found"}.get(status, "error")
            return f"HTTP {status} {label}", status, status in _RETRY_STATUSES or status >= 500
    if any(isinstance(e, (openai.APITimeoutError, httpx.TimeoutException, TimeoutError)) for e in chain):
        return "timeout", None, True
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return "connection refused", None, True
    if any(isinstance(e, (openai.APIConnectionError, httpx.TransportError, ConnectionError)) for e in chain):
        return "connection error", None, True
    if any(isinstance(e, openai.LengthFinishReasonError) for e in chain):
        return "reply cut off at max_tokens", None, False
    # A 200 whose body is not a chat completion surfaces as a parse error, or as the client tripping over a str.
    if any(isinstance(e, (ValueError, openai.APIResponseValidationError, AttributeError, TypeError, KeyError))
           for e in chain):
        return "invalid response (not an OpenAI-style JSON body)", None, False
    return type(exc).__name__, None, False


def complete(messages: Sequence[tuple[str, str]], settings: LLMSettings, chat=None) -> Reply:
    """One chat completion; raises LLMError with the reason on any failure."""
    if not settings.configured:
        raise LLMError("LLM not configured")
    chat = chat or make_chat(settings)
    start = time.monotonic()
    for attempt in (0, 1):
        try:
            msg = _within(settings.timeout - (time.monotonic() - start), lambda: chat.invoke(list(messages)))
        except Exception as exc:  # every provider failure becomes a reason, never a crash
            cut = _cut_reply(exc)
            if cut is not None:
                cut.seconds = time.monotonic() - start
                return cut
            reason, status, retryable = _reason(exc)
            spent = time.monotonic() - start
            if attempt == 0 and status in _RETRY_STATUSES and spent + _RETRY_PAUSE < settings.timeout / 2:
                time.sleep(_RETRY_PAUSE)
                continue
            raise LLMError(_redact(reason, settings), retryable=retryable) from None
        text = msg.content if isinstance(msg.content, str) else json.dumps(msg.content, ensure_ascii=False)
        usage = getattr(msg, "usage_metadata", None) or {}
        return Reply(text, usage.get("output_tokens"), time.monotonic() - start)
    raise LLMError("unreachable")  # pragma: no cover - the loop always returns or raises


def parse_json_reply(text: str) -> dict:
    """The JSON object in a reply: tolerates ```json fences and prose around it; raises LLMError otherwise."""
    s = text.strip()
    fenced = re.search(r"```(?:json)?\s*(.*?)```", s, re.S)
    if fenced:
        s = fenced.group(1).strip()
    candidates = [s]
    if "{" in s and "}" in s:
        candidates.append(s[s.index("{"): s.rindex("}") + 1])
    for c in candidates:
        try:
            value = json.loads(c)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise LLMError("invalid JSON" if s else "empty reply")


def messages_for(prompt_name: str, **values: object) -> list[tuple[str, str]]:
    return [("system", load("system").text), ("human", load(prompt_name).render(**values))]


def prompt_version(prompt_name: str) -> str:
    return f"system:{load('system').version}+{prompt_name}:{load(prompt_name).version}"


# ---------------------------------------------------------------------------------------------------- answers


def _passage_text(p: object) -> str:
    if isinstance(p, str):
        return p
    if isinstance(p, dict):
        return str(p.get("text", ""))
    return str(getattr(p, "text", ""))


def _passage_id(p: object, number: int) -> object:
    if isinstance(p, dict):
        return p.get("id", number)
    return getattr(p, "id", number) if not isinstance(p, str) else number


def _passage_label(p: object, number: int) -> str:
    page = p.get("page") if isinstance(p, dict) else getattr(p, "page", None)
    head = f"[{number}]" + (f"（第{page}页）" if page else "")
    return f"{head} {fence_safe(_passage_text(p))}"


def answer_from_passages(question: str, passages: Sequence[object], settings: Settings | LLMSettings,
                         chat=None) -> tuple[str, list[object]] | None:
    """A grounded answer from the LLM, or None (not configured, failed, or failed the check) so the caller falls
    back to its extractive answer.

    ``passages`` are strings, dicts or objects with ``text`` (and optionally ``id`` and ``page``); they are shown
    to the model as [1]..[n]. Returns the answer text (with its [n] markers) and the ids of the cited passages
    (``passage.id`` when it has one, else its 1-based number).
    """
    llm = settings.llm if isinstance(settings, Settings) else settings
    if not llm.configured or not passages:
        return None
    texts = [_passage_text(p) for p in passages]
    body = "\n\n".join(_passage_label(p, i) for i, p in enumerate(passages, 1))
    version = prompt_version("answer_question")
    cache = LLMCache(llm.cache_dir)
    key = cache_key("answer", question, texts, llm.model, llm.base_url, version)
    raw = cache.get(key)
    try:
        if raw is None:
            got = complete(messages_for("answer_question", question=fence_safe(question), passages=body), llm, chat)
            raw = got.text
            cache.put(key, raw, truncated=got.truncated, model=llm.model, prompt=version)
        reply = parse_json_reply(raw)
    except LLMError as exc:
        answer_failure.set(str(exc))
        return None
    answer = reply.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        answer_failure.set("reply has no answer")
        return None
    problem = check_answer(answer, texts)
    if problem is not None:
        answer_failure.set(str(problem))
        return None
    cited = sorted(set(citations(answer)))
    return answer.strip(), [_passage_id(passages[n - 1], n) for n in cited]


__all__ = ["LLMError", "Reply", "make_chat", "complete", "parse_json_reply", "answer_from_passages",
           "messages_for", "prompt_version", "OPEN", "CLOSE"]
