"""Rules as typed values: `@rule(...)` turns a check function into a frozen `Rule`; a `RuleSet` is an explicit list.

    class Options(Options):
        digits: float = Field(1.0, description="Tolerance in units of the last printed digit.")

    @rule("narrative.amount_vs_table", "narrative_vs_table", options=Options)
    def amount_vs_table(ctx: Analysis, rule: Rule, opts: Options):
        '''One line saying what the rule flags; the rest of the docstring is its documentation.'''
        yield rule.finding("error", message, evidence, computation, expected=..., actual=...)

Nothing is registered by importing: `RuleSet.default()` reads the rule modules listed in `BUILTIN_MODULES`, in
that order, plus the rules third-party packages declare in the entry-point group `docqa.rules` (an entry point
names a `Rule`, a module of rules, or a list of rules). The engine hands each check its rule and its options,
validated from the rule pack; nothing reaches a rule through global state.
"""
from __future__ import annotations

import hashlib
import importlib
import inspect
from functools import lru_cache
from dataclasses import dataclass
from importlib import metadata
from types import ModuleType
from typing import Any, Callable, Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from core.errors import PackError
from rules.findings import Certainty, Evidence, Finding, FindingKind, Severity

ENTRY_POINT_GROUP = "docqa.rules"
# The built-in rule modules, in the order their rules run (findings of equal rank keep this order in reports).
BUILTIN_MODULES = (
    "rules.checks.arithmetic", "rules.checks.completeness", "rules.checks.count", "rules.checks.cross_table",
    "rules.checks.overview", "rules.checks.percentage", "rules.checks.direction", "rules.checks.metadata",
    "rules.checks.narrative",
    "rules.checks.projects", "rules.checks.unit", "rules.checks.wording",
)


class Options(BaseModel):
    """A rule's tunable options (tolerances, thresholds). Subclass it with one `Field(default, description=...)`
    per option; unknown options are refused, so a typo in a rule pack cannot pass silently."""
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Rule:
    """One consistency rule: what it is called, what kind of finding it gives, how it is tuned, what it checks."""
    id: str
    kind: FindingKind
    severity: Severity                       # the severity of its findings when the evidence is certain
    options: type[Options]
    check: Callable[..., Iterable[Finding] | None]
    doc: str                                 # the check function's whole docstring

    @property
    def summary(self) -> str:
        return (self.doc.strip().splitlines() or [""])[0]

    @property
    def module(self) -> str:
        return getattr(self.check, "__module__", "")

    def run(self, ctx: Any, opts: Options | None = None) -> Iterable[Finding]:
        return self.check(ctx, self, opts if opts is not None else self.options()) or ()

    def finding(self, severity: Severity, message: str, evidence: list[Evidence], computation: str,
                expected=None, actual=None, unit: str | None = None, kind: FindingKind | None = None,
                doubts: Iterable[str] = (), basis: Iterable[str] = ()) -> Finding:
        """A finding of this rule; its id hashes the rule id and the evidence (stable across runs and versions).

        `doubts` are the links of the evidence chain that are not certain: an error with doubts is reported as a
        warning that names them. `basis` says what was established (kept in the finding's certainty)."""
        key = "|".join([self.id] + [f"{e.page}:{e.table or ''}:{e.text}" for e in evidence])
        fid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        doubts = list(dict.fromkeys(doubts))
        if doubts and severity == "error":
            severity = "warning"
        if doubts:
            message = f"{message}（存疑：{'；'.join(doubts)}）"
        certainty = Certainty(level="uncertain", reasons=doubts) if doubts else \
            Certainty(level="certain", reasons=list(dict.fromkeys(basis)))
        return Finding(id=fid, rule=self.id, kind=kind or self.kind, severity=severity, message=message,
                       expected=_num(expected), actual=_num(actual), unit=unit, evidence=evidence,
                       computation=computation, certainty=certainty)


def rule(rule_id: str, kind: FindingKind, *, severity: Severity = "error",
         options: type[Options] = Options) -> Callable[[Callable], Rule]:
    """Decorator: the function `check(ctx, rule, opts)` becomes a frozen `Rule`."""
    if not (isinstance(options, type) and issubclass(options, Options)):
        raise TypeError(f"{rule_id}: options must be a subclass of rules.registry.Options")

    def wrap(fn: Callable) -> Rule:
        return Rule(rule_id, kind, severity, options, fn, inspect.cleandoc(fn.__doc__ or ""))
    return wrap


def _num(x):
    return round(x, 4) if isinstance(x, float) else x


def rules_of(module: ModuleType) -> list[Rule]:
    """The rules a module defines, in definition order (rules it merely imports are not its own)."""
    return [v for v in vars(module).values() if isinstance(v, Rule) and v.module == module.__name__]


def _plugin_rules() -> list[Rule]:
    out: list[Rule] = []
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:
            raise PackError(f"rule plugin {ep.name} ({ep.value}): cannot load ({exc.__class__.__name__}: {exc})") \
                from exc
        found = [obj] if isinstance(obj, Rule) else rules_of(obj) if isinstance(obj, ModuleType) else \
            list(obj) if isinstance(obj, (list, tuple)) else None
        if not found or not all(isinstance(r, Rule) for r in found):
            raise PackError(f"rule plugin {ep.name} ({ep.value}): names no rules.registry.Rule")
        out += found
    return out


@lru_cache(maxsize=1)
def _default_set() -> "RuleSet":
    return RuleSet(list(RuleSet.builtin()) + _plugin_rules())


class RuleSet:
    """An ordered, immutable set of rules with unique ids."""

    def __init__(self, rules: Iterable[Rule]):
        self._rules: tuple[Rule, ...] = tuple(rules)
        self._by_id: dict[str, Rule] = {}
        for r in self._rules:
            if r.id in self._by_id:
                raise PackError(f"duplicate rule id {r.id} ({self._by_id[r.id].module} and {r.module})")
            self._by_id[r.id] = r

    @classmethod
    def builtin(cls) -> "RuleSet":
        return cls(r for name in BUILTIN_MODULES for r in rules_of(importlib.import_module(name)))

    @classmethod
    def default(cls) -> "RuleSet":
        """The built-in rules, then those of installed rule packages (entry-point group `docqa.rules`); read once
        per process (`rules.registry.reset_default()` after installing a plugin at run time)."""
        return _default_set()

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def __getitem__(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self._rules]

    def _match(self, selectors: Iterable[str] | str) -> set[str]:
        """Rule ids named by ids, kinds (`percentage`) or id prefixes (`narrative`); an unknown name is an error."""
        names = [s.strip() for s in ([selectors] if isinstance(selectors, str) else selectors)]
        names = [x for s in names for x in s.split(",") if x.strip()]
        out: set[str] = set()
        for name in (x.strip() for x in names):
            hit = {r.id for r in self._rules if name in (r.id, r.kind) or r.id.startswith(name + ".")}
            if not hit:
                raise PackError(f"unknown rule or kind: {name}")
            out |= hit
        return out

    def only(self, selectors: Iterable[str] | str) -> "RuleSet":
        keep = self._match(selectors)
        return RuleSet(r for r in self._rules if r.id in keep)

    def without(self, selectors: Iterable[str] | str) -> "RuleSet":
        drop = self._match(selectors)
        return RuleSet(r for r in self._rules if r.id not in drop)

    def select(self, select: Iterable[str] | str | None = None, ignore: Iterable[str] | str | None = None) -> "RuleSet":
        """`--select` then `--ignore` (either may be empty)."""
        out = self.only(select) if select else self
        return out.without(ignore) if ignore else out


def reset_default() -> None:
    """Forget the default rule set (and the default pack validated against it): re-read entry points next time."""
    _default_set.cache_clear()
