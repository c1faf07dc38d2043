"""Template leftovers: placeholders (XX, XXX) and alternatives left unchosen (增长（下降）)."""
from __future__ import annotations

import re

from rules.analysis import Analysis
from rules.findings import Evidence
from rules.registry import Options, Rule, rule


@rule("wording.placeholder", "wording", severity="warning")
def placeholder(ctx: Analysis, rule: Rule, opts: Options):
    """A template placeholder or an unchosen alternative is left in the text."""
    if not ctx.pack.placeholders:
        return  # an empty list would compile to a pattern that matches everywhere
    pattern = re.compile("|".join(f"(?:{p})" for p in ctx.pack.placeholders))
    # Text in table cells too: a form's targets and a project's description are written like the narrative.
    places = [(p.page, p.text, None) for p in ctx.doc.paragraphs] + \
             [(t.page, t.title, t.title) for t in ctx.doc.tables if t.title] + \
             [(s.page, s.title, None) for s in ctx.doc.sections] + \
             [(r.page, c, t.title or None) for t in ctx.doc.tables for r in t.rows for c in r.cells if len(c) > 1] + \
             [(t.page, w, t.title or None) for t in ctx.doc.tables for path in t.header for w in dict.fromkeys(path)]
    for page, text, table in places:
        hits = list(pattern.finditer(text))
        if not hits:
            continue  # one finding per paragraph or title, listing what was left
        words = list(dict.fromkeys(m.group(0) for m in hits))
        a, b = max(0, hits[0].start() - 30), min(len(text), hits[0].end() + 30)
        yield rule.finding(
            "warning", f"文中留有模板占位或未选定的表述“{'”“'.join(words[:5])}”",
            [Evidence(page=page, text=text[a:b], table=table)], f"共{len(hits)}处：{'、'.join(words[:5])}",
            expected=None, actual="、".join(words[:5]))
