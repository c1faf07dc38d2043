"""The rule pack: thresholds, table aliases and vocabularies read from YAML (rules/pack.yaml by default)."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_PACK = Path(__file__).with_name("pack.yaml")


@dataclass
class TableType:
    type: str
    aliases: list[str]
    require: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


@dataclass
class RulePack:
    name: str
    tolerances: dict[str, dict[str, float]]
    table_types: list[TableType]
    required_tables: dict[str, list[list[str]]]
    empty_note_words: list[str]
    sangong_items: list[str]
    subject_noise: list[str]
    other_basis_words: list[str]
    min_label_chars: int
    placeholders: list[str]
    context_labels: list[str] = field(default_factory=list)
    scope_words: list[str] = field(default_factory=list)
    total_subjects: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    reason_words: dict[str, list[str]] = field(default_factory=dict)

    def tol(self, rule: str, key: str, default: float) -> float:
        return float(self.tolerances.get(rule, {}).get(key, default))

    def with_tolerance(self, rule: str, key: str, value: float) -> "RulePack":
        """A copy of this pack with one tolerance changed (how tests and callers tune a rule)."""
        other = copy.deepcopy(self)
        other.tolerances.setdefault(rule, {})[key] = value
        return other

    @classmethod
    def from_dict(cls, data: dict) -> "RulePack":
        types = [TableType(t["type"], list(t["aliases"]), list(t.get("require", [])), list(t.get("not", [])))
                 for t in data.get("table_types", [])]
        return cls(
            name=str(data.get("name", "custom")),
            tolerances={k: dict(v) for k, v in (data.get("tolerances") or {}).items()},
            table_types=types,
            required_tables={k: [list(g) for g in v] for k, v in (data.get("required_tables") or {}).items()},
            empty_note_words=list(data.get("empty_note_words", [])),
            sangong_items=list(data.get("sangong_items", [])),
            subject_noise=list(data.get("subject_noise", [])),
            other_basis_words=list(data.get("other_basis_words", [])),
            min_label_chars=int(data.get("min_label_chars", 4)),
            placeholders=list(data.get("placeholders", [])),
            context_labels=list(data.get("context_labels", [])),
            scope_words=list(data.get("scope_words", [])),
            total_subjects={k: {part: list(names) for part, names in v.items()}
                            for k, v in (data.get("total_subjects") or {}).items()},
            reason_words={k: list(v) for k, v in (data.get("reason_words") or {}).items()},
        )


def load_pack(path: Path | str | None = None) -> RulePack:
    """Read a pack; a bad file raises ValueError with one clear line."""
    if path is None:
        return copy.deepcopy(_default())
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{p}: cannot read rule pack ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{p}: a rule pack must be a YAML mapping")
    return RulePack.from_dict(data)


@lru_cache(maxsize=1)
def _default() -> RulePack:
    return RulePack.from_dict(yaml.safe_load(DEFAULT_PACK.read_text(encoding="utf-8")))
