"""Settings: defaults < one TOML file (``docqa.toml`` or ``$DOCQA_CONFIG``) < ``DOCQA_*`` env vars < flags."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path


@dataclass
class LLMSettings:
    enabled: bool = True
    base_url: str | None = None
    model: str | None = None
    api_key: str | None = None
    timeout: float = 30.0
    max_tokens: int = 512
    concurrency: int = 4
    cache_dir: str = ".docqa/llm-cache"

    @property
    def configured(self) -> bool:
        return self.enabled and bool(self.base_url and self.model)


@dataclass
class IndexSettings:
    store: str = ".docqa"
    embedding_model: str = "static-e5"  # see index/embed.py for the names it understands
    chroma_url: str | None = None
    batch_size: int = 64


@dataclass
class CheckSettings:
    rule_pack: str | None = None  # path to a YAML rule pack; None = the shipped pack
    workers: int = 0  # 0 = one per core
    doc_timeout: float = 120.0


@dataclass
class Settings:
    llm: LLMSettings = field(default_factory=LLMSettings)
    index: IndexSettings = field(default_factory=IndexSettings)
    check: CheckSettings = field(default_factory=CheckSettings)


_ENV = {
    ("llm", "base_url"): "DOCQA_LLM_BASE_URL",
    ("llm", "model"): "DOCQA_LLM_MODEL",
    ("llm", "api_key"): "DOCQA_LLM_API_KEY",
    ("llm", "timeout"): "DOCQA_LLM_TIMEOUT",
    ("llm", "max_tokens"): "DOCQA_LLM_MAX_TOKENS",
    ("llm", "concurrency"): "DOCQA_LLM_CONCURRENCY",
    ("llm", "cache_dir"): "DOCQA_LLM_CACHE",
    ("index", "store"): "DOCQA_STORE",
    ("index", "embedding_model"): "DOCQA_EMBEDDING_MODEL",
    ("index", "chroma_url"): "DOCQA_CHROMA_URL",
    ("check", "rule_pack"): "DOCQA_RULE_PACK",
    ("check", "workers"): "DOCQA_WORKERS",
    ("check", "doc_timeout"): "DOCQA_DOC_TIMEOUT",
}


def _coerce(current, raw):
    if isinstance(current, bool):
        return str(raw).lower() not in ("0", "false", "no", "none", "off")
    if isinstance(current, int):
        return int(raw)
    if isinstance(current, float):
        return float(raw)
    return raw


def config_path() -> Path | None:
    explicit = os.environ.get("DOCQA_CONFIG")
    if explicit:
        return Path(explicit)
    local = Path("docqa.toml")
    return local if local.exists() else None


def load_settings(path: Path | None = None) -> Settings:
    settings = Settings()
    path = path or config_path()
    if path and path.exists():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for section in ("llm", "index", "check"):
            target = getattr(settings, section)
            names = {f.name for f in fields(target)}
            for key, value in (data.get(section) or {}).items():
                if key in names:
                    setattr(target, key, _coerce(getattr(target, key), value))
    for (section, key), env in _ENV.items():
        if env in os.environ and os.environ[env] != "":
            target = getattr(settings, section)
            setattr(target, key, _coerce(getattr(target, key), os.environ[env]))
    if os.environ.get("DOCQA_LLM", "").lower() in ("none", "off", "0", "false"):
        settings.llm.enabled = False
    return settings
