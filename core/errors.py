"""One error hierarchy. Every failure a user can cause or meet is a `DocQAError` whose message is one line;
the CLI prints it and exits 2 (a traceback only with --debug). Callers sort errors by class, never by message."""
from __future__ import annotations


class DocQAError(Exception):
    """Base of every expected failure; the message is one line, fit for stderr."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


class ConfigError(DocQAError):
    """Settings that cannot be used: an unknown key, a value of the wrong type, an unreadable TOML file."""


class ParseError(DocQAError):
    """A document that cannot be read: corrupt, encrypted, empty, scanned, of a type we do not read, too large."""


class StoreError(DocQAError):
    """A store that cannot be used: unreadable manifest, a path that is a file, vectors of another model."""


class PackError(DocQAError):
    """A rule pack that does not validate: an unknown rule id or option, a value of the wrong type."""


class LabelError(DocQAError):
    """A labelled evaluation set that does not validate."""


class LLMError(DocQAError):
    """The LLM failed. `retryable` says whether the same call may succeed later (timeouts, 5xx, rate limits)
    or never will (bad key, unknown model, refused request)."""

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


class ClusterError(DocQAError):
    """The cluster cannot be used: a bad --cluster address, an unreachable scheduler, Dask not installed."""
