"""One self-contained HTML file (inline CSS, no external assets); every document string is escaped.

Per document: a header with the unit, year and counts by severity and kind, then one card per finding in reading
order (severity, page), repeated findings of one rule folded under their first (<details>, "同类 53 处")."""
from __future__ import annotations

from html import escape

from rules.findings import DocumentReport, Finding
from rules.report import SEVERITY_HEX, Options, counts, grouped, kind_counts, kind_label, location, rule_label, \
    severity_label, source_label, t, where_short

_CSS = """body{font-family:system-ui,"Noto Sans CJK SC","Source Han Sans SC",sans-serif;margin:2rem auto;max-width:64rem;
color:#222;line-height:1.5}h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:2px solid #ddd;padding-bottom:.3rem;
margin-top:2.5rem}table{border-collapse:collapse;margin:.6rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;
font-size:.9rem;vertical-align:top}th{background:#f3f3f3;text-align:left;white-space:nowrap}.n{text-align:right}
.meta{color:#555}.card{border-left:5px solid #999;background:#fafafa;margin:1rem 0;padding:.6rem 1rem}
.card h3{margin:.1rem 0 .4rem;font-size:1rem}.error{border-color:#cc1a1a}.warning{border-color:#e68c00}
.info{border-color:#2666cc}.sev{display:inline-block;color:#fff;border-radius:3px;padding:0 .4rem;margin-right:.4rem;
font-size:.8rem}.sev.error{background:#cc1a1a}.sev.warning{background:#e68c00}.sev.info{background:#2666cc}
.calc{font-family:ui-monospace,monospace;background:#fff;border:1px solid #e5e5e5;padding:.2rem .4rem}
.ev{color:#444;font-size:.88rem;margin:.3rem 0;padding-left:.6rem;border-left:2px solid #ddd}.where{color:#777}
.bad{color:#cc1a1a}details{margin-top:.5rem}summary{cursor:pointer;color:#555}.hidden{color:#555;font-style:italic}
.expl{color:#333;font-size:.9rem}.src{color:#888;font-size:.8rem}"""


def render(reports: list[DocumentReport], options: Options | None = None) -> str:
    o = options or Options()
    lang = o.lang
    html_lang = "zh-CN" if lang == "zh" else "en"
    parts = [f"<!DOCTYPE html><html lang='{html_lang}'><head><meta charset='utf-8'>",
             f"<title>DocQA {escape(t('report_of', lang))}</title><style>{_CSS}</style></head><body>",
             f"<h1>{escape(t('title', lang))}</h1>", _summary(reports, lang)]
    for r in reports:
        parts.append(f"<h2>{escape(r.entity or r.source)}</h2><p class='meta'>{escape(r.source)}</p>")
        if r.error:
            parts.append(f"<p class='bad'>{escape(t('parse_failed', lang))}：{escape(r.error)}</p>")
            continue
        parts.append(_header(r, lang))
        if o.hidden.get(r.source):
            parts.append(f"<p class='hidden'>{escape(t('hidden', lang).format(o.hidden[r.source]))}</p>")
        for fail in r.rule_failures:
            parts.append(f"<p class='bad'>{escape(t('rule_failed', lang))}：{escape(fail.rule)} "
                         f"{escape(fail.error)}</p>")
        if not r.findings:
            parts.append(f"<p>{escape(t('no_findings', lang))}</p>")
            continue
        for i, g in enumerate(grouped(r.findings), 1):
            card = _card(g.head, r, lang, i)
            if g.folded:
                rest = "".join(f"<div class='ev'><span class='where'>{escape(where_short(f, lang, r.pages))}</span> "
                               f"{escape(f.message)}</div>" for f in g.rest)
                card = card.replace("<!--rest-->", f"<details><summary>{escape(t('same_kind', lang).format(len(g.findings)))}"
                                    f"</summary>{rest}</details>")
            parts.append(card.replace("<!--rest-->", ""))
    parts.append("</body></html>")
    return "".join(parts)


def _header(r: DocumentReport, lang: str) -> str:
    c = counts(r)
    kind = t("kinds", lang).get(r.kind, r.kind)
    head = (f"<p>{escape(t('entity', lang))}：{escape(str(r.entity or '—'))} · {escape(t('year', lang))}："
            f"{escape(str(r.year or '—'))} · {escape(kind)} · {escape(t('n_pages', lang).format(r.pages))}</p>")
    if not r.findings:
        return head
    rows = "".join(f"<tr><td>{escape(kind_label(k, lang))}</td>"
                   + "".join(f"<td class='n'>{v[s] or ''}</td>" for s in ("error", "warning", "info")) + "</tr>"
                   for k, v in kind_counts(r).items())
    total = "".join(f"<th class='n'>{c[s]}</th>" for s in ("error", "warning", "info"))
    heads = "".join(f"<th>{escape(severity_label(s, lang))}</th>" for s in ("error", "warning", "info"))
    return (head + f"<table><tr><th>{escape(t('by_kind', lang))}</th>{heads}</tr>{rows}"
            f"<tr><th>{escape(t('total', lang))}</th>{total}</tr></table>")


def _card(f: Finding, r: DocumentReport, lang: str, number: int) -> str:
    ev = "".join(f"<div class='ev'><span class='where'>{escape(location(e, lang, r.pages))}"
                 f"{escape(' · ' + e.table) if e.table and e.table not in e.text else ''}</span><br>{escape(e.text)}</div>"
                 for e in f.evidence)
    expl = f"<p class='expl'>{escape(f.explanation)}</p>" if f.explanation else ""
    src = f"<p class='src'>{escape(t('source', lang))}：{escape(source_label(f, lang))}</p>" if f.explanation else ""
    calc = f"<div class='calc'>{escape(f.computation)}</div>" if f.computation else ""
    return (f"<div class='card {f.severity}' id='{escape(f.id)}'><h3>{number}. <span class='sev {f.severity}' "
            f"style='background:{SEVERITY_HEX[f.severity]}'>{escape(severity_label(f.severity, lang))}</span>"
            f"{escape(rule_label(f.rule, lang))} <span class='where'>· {escape(where_short(f, lang, r.pages))} · "
            f"{escape(kind_label(f.kind, lang))}</span></h3><p>{escape(f.message)}</p>{calc}{ev}{expl}{src}"
            f"<!--rest--></div>")


def _summary(reports: list[DocumentReport], lang: str) -> str:
    heads = "".join(f"<th>{escape(x)}</th>" for x in (
        t("document", lang), t("entity", lang), t("year", lang), severity_label("error", lang),
        severity_label("warning", lang), severity_label("info", lang), t("rule_failures", lang),
        t("parse_errors", lang)))
    rows = []
    for r in reports:
        c = counts(r)
        rows.append(f"<tr><td>{escape(r.source)}</td><td>{escape(str(r.entity or ''))}</td>"
                    f"<td>{escape(str(r.year or ''))}</td><td class='n'>{c['error']}</td>"
                    f"<td class='n'>{c['warning']}</td><td class='n'>{c['info']}</td>"
                    f"<td class='n'>{len(r.rule_failures)}</td><td>{'✗' if r.error else ''}</td></tr>")
    return f"<table><tr>{heads}</tr>{''.join(rows)}</table>"
