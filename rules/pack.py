"""The rule pack: per-rule settings, table types and vocabularies, read from YAML and validated.

`rules/pack.yaml` is the default pack. A user pack (`docqa check --rules my.yaml`) extends it: mappings are merged
key by key, anything else (a list, a number) replaces the default. Every key is checked: an unknown top-level key,
an unknown rule id, an option the rule does not declare or a value of the wrong type raises `PackError` with one
line naming the key. Under `rules:` each rule id takes its options (see `docqa rules`), plus `enabled: false` to
switch it off and `severity: warning` to report its findings at another severity.
"""
from __future__ import annotations

import copy
import difflib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from core.errors import PackError
from rules.findings import Severity

if TYPE_CHECKING:
    from rules.registry import Options, Rule, RuleSet

DEFAULT_PACK = Path(__file__).with_name("pack.yaml")
_STRICT = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class TableType(BaseModel):
    """A canonical table type: a title naming one alias, every `require` word and no `not` word is of this type."""
    model_config = _STRICT
    type: str = Field(description="Canonical type name used by the rules (overview, income, sangong ...).")
    aliases: list[str] = Field(min_length=1, description="Title fragments that name the type (first match wins).")
    require: list[str] = Field(default_factory=list, description="Words the title must also contain.")
    exclude: list[str] = Field(default_factory=list, alias="not", description="Words the title must not contain.")


class RuleConfig(BaseModel):
    """One rule's entry under `rules:`: its options, and whether and how severely it reports."""
    model_config = _STRICT
    enabled: bool = Field(True, description="False switches the rule off.")
    severity: Severity | None = Field(None, description="Report every finding of the rule at this severity.")
    options: dict[str, Any] = Field(default_factory=dict, description="The rule's options (validated by the rule).")

    @model_validator(mode="before")
    @classmethod
    def _flat(cls, data: Any) -> Any:
        """`{digits: 0.5, severity: warning}` in YAML: everything but enabled/severity is an option."""
        if data is None:
            return {}
        if not isinstance(data, dict) or "options" in data:
            return data
        return {**{k: v for k, v in data.items() if k in ("enabled", "severity")},
                "options": {k: v for k, v in data.items() if k not in ("enabled", "severity")}}


class RulePack(BaseModel):
    """Thresholds, table types and vocabularies that drive the consistency rules."""
    model_config = _STRICT
    name: str = Field("custom", description="Name shown in reports.")
    version: int = Field(1, description="Pack format version.")
    rules: dict[str, RuleConfig] = Field(default_factory=dict, description="Per-rule options, enabled, severity.")
    table_types: list[TableType] = Field(default_factory=list, description="Table types, matched in order.")
    required_tables: dict[str, list[list[str]]] = Field(
        default_factory=dict, description="Per document kind: groups of table types, one of each group required.")
    empty_note_words: list[str] = Field(default_factory=list, description="Words of a note explaining an empty table.")
    sangong_items: list[str] = Field(default_factory=list, description="Economic items that require a 三公 table.")
    subject_noise: list[str] = Field(default_factory=list, description="Words peeled off a narrative subject.")
    other_basis_words: list[str] = Field(
        default_factory=list, description="Words marking a subject of another year or basis (never compared).")
    min_label_chars: int = Field(4, ge=1, description="Shortest table label a narrative subject may match.")
    placeholders: list[str] = Field(default_factory=list, description="Regexes of template leftovers.")
    context_labels: list[str] = Field(default_factory=list, description="Funding-source labels read in context only.")
    scope_words: list[str] = Field(default_factory=list, description="Words that narrow a sentence's scope.")
    total_subjects: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict, description="Bare subjects naming the grand totals: rows and table types.")
    reason_words: dict[str, list[str]] = Field(default_factory=dict, description="up/down words of a reason.")
    _options: dict[str, "Options"] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _known_types(self) -> "RulePack":
        known = {t.type for t in self.table_types}
        for kind, groups in self.required_tables.items():
            for t in (t for g in groups for t in g):
                if t not in known:
                    raise ValueError(f"required_tables.{kind}: unknown table type {t!r}")
        for subject, spec in self.total_subjects.items():
            for t in spec.get("tables", []):
                if t not in known:
                    raise ValueError(f"total_subjects.{subject}.tables: unknown table type {t!r}")
        return self

    # --- per-rule settings -------------------------------------------------------------------------------------
    def enabled(self, r: "Rule") -> bool:
        cfg = self.rules.get(r.id)
        return cfg.enabled if cfg else True

    def severity_for(self, r: "Rule") -> Severity | None:
        cfg = self.rules.get(r.id)
        return cfg.severity if cfg else None

    def options_for(self, r: "Rule") -> "Options":
        """The rule's options: its defaults overridden by this pack (validated once, then cached)."""
        opts = self._options.get(r.id)
        if opts is None or not isinstance(opts, r.options):
            cfg = self.rules.get(r.id)
            opts = r.options.model_validate(cfg.options if cfg else {})
            self._options[r.id] = opts
        return opts

    def with_options(self, rule_id: str, **options: Any) -> "RulePack":
        """A copy of this pack with some options of one rule changed (how tests and callers tune a rule)."""
        data = self.model_dump(by_alias=True)
        entry = data["rules"].setdefault(rule_id, {"enabled": True, "severity": None, "options": {}})
        entry["options"] = {**entry["options"], **options}
        return RulePack.model_validate(data)

    def validate_rules(self, ruleset: "RuleSet", source: str = "rule pack") -> "RulePack":
        """Check every rule id and option against the rules that will run; raise PackError naming the key."""
        for rule_id, cfg in self.rules.items():
            if rule_id not in ruleset:
                near = difflib.get_close_matches(rule_id, ruleset.ids, n=1)
                hint = f" (did you mean {near[0]}?)" if near else ""
                raise PackError(f"{source}: rules.{rule_id}: unknown rule{hint}")
            r = ruleset[rule_id]
            try:
                self._options[rule_id] = r.options.model_validate(cfg.options)
            except ValidationError as exc:
                raise PackError(f"{source}: {_first_error(exc, f'rules.{rule_id}', list(r.options.model_fields))}") \
                    from None
        return self


def _first_error(exc: ValidationError, prefix: str = "", known: list[str] | None = None) -> str:
    errors = exc.errors()
    # A typo shows as an unknown key and a missing one: name the unknown key, it is what the user wrote.
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = ".".join(str(x) for x in err["loc"] if x != "options")
    where = ".".join(x for x in (prefix, loc) if x) or "pack"
    if err["type"] == "extra_forbidden":
        word = str(err["loc"][-1])
        near = difflib.get_close_matches(word, known or [], n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        return f"{where}: unknown key{hint}"
    msg = err["msg"].removeprefix("Value error, ")
    return f"{where}: {msg}"


def _merge(base: Any, over: Any) -> Any:
    """`over` on top of `base`: mappings merged key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = _merge(base.get(k), v) if k in base else v
        return out
    return copy.deepcopy(over)


def _validate(data: dict, source: str, known: list[str]) -> RulePack:
    try:
        return RulePack.model_validate(data)
    except ValidationError as exc:
        raise PackError(f"{source}: {_first_error(exc, known=known)}") from None


def load_pack(path: Path | str | None = None, rules: "RuleSet | None" = None) -> RulePack:
    """The default pack, or a user pack on top of it, validated against `rules` (default: every installed rule).
    A bad file raises PackError with one line naming the file and the key."""
    if path is None:
        return _default() if rules is None else _default().model_copy(deep=True).validate_rules(rules, "default pack")
    from rules.registry import RuleSet

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"{p}: cannot read rule pack ({exc.__class__.__name__})") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PackError(f"{p}: a rule pack must be a YAML mapping")
    pack = _validate(_merge(_default_data(), data), str(p), list(RulePack.model_fields))
    return pack.validate_rules(rules or RuleSet.default(), str(p))


@lru_cache(maxsize=1)
def _default_data() -> dict:
    return yaml.safe_load(DEFAULT_PACK.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _default() -> RulePack:
    from rules.registry import RuleSet

    pack = _validate(copy.deepcopy(_default_data()), str(DEFAULT_PACK), list(RulePack.model_fields))
    return pack.validate_rules(RuleSet.default(), str(DEFAULT_PACK))
