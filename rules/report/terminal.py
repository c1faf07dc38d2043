"""The rich view: per document its findings in reading order (severity, then page), repeated ones folded, then
a summary table."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rules.findings import DocumentReport
from rules.report import Options, counts, grouped, kind_label, location, pages_of, rule_label, severity_label, t, \
    where_short

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_FOLD_SHOWN = 5  # members of a folded group listed by page before "…"


def show(console: Console, reports: list[DocumentReport], options: Options | None = None) -> None:
    o = options or Options()
    lang = o.lang
    for r in reports:
        console.rule(f"[bold]{escape(r.source)}")
        if r.error:
            console.print(f"[red]{t('parse_failed', lang)}：{escape(r.error)}", highlight=False)
            continue
        kind = t("kinds", lang).get(r.kind, r.kind)
        meta = (f"{r.entity or '—'} · {r.year or '—'} · {kind} · {t('n_pages', lang).format(r.pages)} · {r.seconds:.2f} s")
        console.print(escape(meta), highlight=False)
        for fail in r.rule_failures:
            console.print(f"[red]{t('rule_failed', lang)} {escape(fail.rule)}: {escape(fail.error)}",
                          highlight=False)
        if o.hidden.get(r.source):
            console.print(f"[dim]{t('hidden', lang).format(o.hidden[r.source])}", highlight=False)
        if not r.findings:
            console.print(f"[green]{t('no_findings', lang)}")
            continue
        for n, g in enumerate(grouped(r.findings), 1):
            _block(console, n, g, r, lang)
    _summary(console, reports, lang)


def _block(console: Console, n: int, g, r: DocumentReport, lang: str) -> None:
    """One finding as a short block that reads at any width: severity and issue, where, what, the computation."""
    f = g.head
    where = "；".join(dict.fromkeys(location(e, lang, r.pages) for e in f.evidence)) or pages_of(f, lang)
    console.print(f"[{_STYLE[f.severity]}]{n}. {severity_label(f.severity, lang)}[/] [bold]{escape(rule_label(f.rule, lang))}"
                  f"[/]  [dim]{escape(where)}[/]", highlight=False)
    console.print(f"   {escape(f.message)}", highlight=False)
    if f.computation:
        console.print(f"   [dim]{escape(t('computation', lang))}：{escape(f.computation)}[/]", highlight=False)
    if g.folded:
        pages = list(dict.fromkeys(where_short(x, lang, r.pages) for x in g.rest))
        shown = "；".join(pages[:_FOLD_SHOWN * 2]) + (" …" if len(pages) > _FOLD_SHOWN * 2 else "")
        where = f"（{shown}）" if lang == "zh" else f" ({shown})"
        console.print(f"   [dim]{t('same_kind', lang).format(len(g.findings))}{escape(where)}[/]", highlight=False)


def _summary(console: Console, reports: list[DocumentReport], lang: str) -> None:
    summary = Table(title=t("summary", lang), show_footer=len(reports) > 1)
    totals = {"error": 0, "warning": 0, "info": 0}
    for r in reports:
        for k, v in counts(r).items():
            totals[k] += v
    footer = [t("files", lang).format(len(reports)), str(totals["error"]), str(totals["warning"]),
              str(totals["info"]), str(sum(len(r.rule_failures) for r in reports)),
              str(sum(1 for r in reports if r.error))]
    heads = (t("document", lang), severity_label("error", lang), severity_label("warning", lang),
             severity_label("info", lang), t("rule_failures", lang), t("parse_errors", lang))
    for col, foot in zip(heads, footer):
        summary.add_column(col, footer=foot, overflow="fold")
    for r in reports:
        c = counts(r)
        summary.add_row(escape(r.source), str(c["error"]), str(c["warning"]), str(c["info"]),
                        str(len(r.rule_failures)), "✗" if r.error else "")
    console.print(summary)


__all__ = ["show", "kind_label"]
