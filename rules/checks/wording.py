"""Template leftovers: placeholders (XX, XXX) and alternatives left unchosen (增长（下降）)."""
from __future__ import annotations

import re

from rules.findings import Evidence
from rules.registry import Context, rule


@rule("wording.placeholder", "wording")
def placeholder(ctx: Context):
    """A template placeholder or an unchosen alternative is left in the text."""
    pattern = re.compile("|".join(f"(?:{p})" for p in ctx.pack.placeholders))
    places = [(p.page, p.text, None) for p in ctx.doc.paragraphs] + \
             [(t.page, t.title, t.title) for t in ctx.doc.tables if t.title] + \
             [(s.page, s.title, None) for s in ctx.doc.sections]
    for page, text, table in places:
        for m in pattern.finditer(text):
            a, b = max(0, m.start() - 30), min(len(text), m.end() + 30)
            yield ctx.finding(
                "warning", f"文中留有模板占位或未选定的表述“{m.group(0)}”",
                [Evidence(page=page, text=text[a:b], table=table)], f"匹配“{m.group(0)}”", expected=None,
                actual=m.group(0))
