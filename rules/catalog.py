"""The rule catalogue behind `docqa rules`: every rule with its kind, severity, options and documentation."""
from __future__ import annotations

import textwrap
from typing import Any

from pydantic import BaseModel, Field

from rules.pack import RulePack
from rules.registry import Rule, RuleSet


class OptionInfo(BaseModel):
    name: str = Field(description="Option name, as written under the rule's id in a rule pack.")
    type: str = Field(description="Value type (float, int, bool ...).")
    default: Any = Field(description="The rule's own default.")
    value: Any = Field(description="The value in force with the pack given (the default unless the pack sets it).")
    description: str = Field(description="What the option controls.")


class RuleInfo(BaseModel):
    id: str = Field(description="Rule id, used by --select/--ignore and in a pack's `rules:`.")
    kind: str = Field(description="Finding kind (also accepted by --select/--ignore).")
    severity: str = Field(description="Severity of the rule's certain findings, or the pack's override.")
    enabled: bool = Field(description="False when the pack switches the rule off.")
    module: str = Field(description="Python module that defines the rule (a plugin's rules show their package).")
    summary: str = Field(description="First line of the documentation.")
    doc: str = Field(description="The rule's full documentation (its docstring).")
    options: list[OptionInfo] = Field(default_factory=list, description="The rule's options.")


def _type_name(annotation: Any) -> str:
    return getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")


def describe(r: Rule, pack: RulePack) -> RuleInfo:
    values = pack.options_for(r)
    options = [OptionInfo(name=name, type=_type_name(f.annotation), default=f.default, value=getattr(values, name),
                          description=f.description or "") for name, f in r.options.model_fields.items()]
    return RuleInfo(id=r.id, kind=r.kind, severity=pack.severity_for(r) or r.severity, enabled=pack.enabled(r),
                    module=r.module, summary=r.summary, doc=r.doc, options=options)


def catalog(rules: RuleSet, pack: RulePack) -> list[RuleInfo]:
    return [describe(r, pack) for r in rules]


def _paragraphs(doc: str) -> list[str]:
    """A docstring's paragraphs, each on one line (a line break inside Chinese text joins without a space)."""
    out = []
    for block in doc.strip().split("\n\n"):
        text = ""
        for line in (ln.strip() for ln in block.splitlines()):
            cjk = text and line and ord(text[-1]) > 0x2E80 and ord(line[0]) > 0x2E80
            text = text + line if (cjk or not text) else f"{text} {line}"
        if text:
            out.append(text)
    return out


def render(infos: list[RuleInfo], width: int = 100) -> str:
    """Plain text: one block per rule (id, kind, severity; options with value and meaning; documentation)."""
    out: list[str] = []
    for i in infos:
        state = "" if i.enabled else "  [disabled]"
        out.append(f"{i.id}  ({i.kind}, {i.severity}){state}")
        for para in _paragraphs(i.doc or i.summary):
            out += textwrap.wrap(para, width - 4, initial_indent="    ", subsequent_indent="    ")
        for o in i.options:
            changed = "" if o.value == o.default else f" (default {o.default})"
            out += textwrap.wrap(f"{o.name}: {o.type} = {o.value}{changed} — {o.description}", width - 4,
                                 initial_indent="    - ", subsequent_indent="      ")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
