"""The PDF report: what an auditor files. A cover page (document, unit, year, what was checked, counts by severity
and by kind, the list of findings), then one section per finding in reading order (severity, then page) with its
computation, its evidence and, for a PDF source, a picture of the cited page region with the evidence boxed in the
severity's colour. Repeated findings of one rule are folded into the section of the first ("同类 53 处").

Laid out by pymupdf's Story (HTML + CSS, CJK by MuPDF's fallback fonts); page numbers are stamped afterwards."""
from __future__ import annotations

import datetime as dt
import os
from html import escape
from pathlib import Path

import pymupdf

from rules.findings import DocumentReport, Evidence, Finding
from rules.report import SEVERITY_HEX, Options, counts, grouped, kind_counts, kind_label, location, \
    rule_label, severity_label, source_label, t, where_short
from rules.report.annotated import Written, safe_name
from rules.report.locate import evidence_boxes, region

_CSS = """
body {font-family: sans-serif; font-size: 9.5pt; color: #222; line-height: 1.35}
h1 {font-size: 17pt; margin: 0 0 6pt 0}
h2 {font-size: 12.5pt; margin: 14pt 0 4pt 0}
p {margin: 3pt 0}
table {border-collapse: collapse; margin: 4pt 0}
td, th {border: 0.6pt solid #bbb; padding: 2pt 5pt; font-size: 9pt; vertical-align: top}
th {background-color: #eee; text-align: left}
.k {color: #666; width: 70pt}
.calc {font-family: monospace; background-color: #f4f4f4; padding: 3pt}
.ev {color: #333; margin: 2pt 0 2pt 8pt}
.where {color: #777}
.muted {color: #777}
.big {font-size: 15pt; font-weight: bold}
"""
_DPI = 150
_EDGE = 3  # pixels of a box outline in the page picture


def write(report: DocumentReport, out: Path, options: Options | None = None, rules: int = 0) -> Written:
    """Write the PDF report of one document to `out`. `rules`: how many rules were run (for the cover)."""
    o = options or Options()
    archive = pymupdf.Archive()
    source = _open_source(report.source)
    written = Written(0, 0, 0)
    try:
        html = [_cover(report, o, rules)]
        for i, g in enumerate(grouped(report.findings), 1):
            html.append(_section(i, g.head, g.rest, report, o.lang, source, archive, written))
    finally:
        if source is not None:
            source.close()
    writer = pymupdf.DocumentWriter(str(out))
    media = pymupdf.paper_rect("a4")
    where = media + (48, 48, -48, -56)
    if source is None:  # no page pictures: the findings flow one after another after the cover
        html = html[:1] + ["".join(html[1:])] if len(html) > 1 else html
    for part in html:  # the cover, then each finding from the top of a new page (a picture is never cut)
        story = pymupdf.Story(html=part, archive=archive, user_css=_CSS)
        more = 1
        while more:
            device = writer.begin_page(media)
            more, _ = story.place(where)
            story.draw(device)
            writer.end_page()
    writer.close()
    _stamp_pages(out, report, o.lang)
    return written


def _open_source(path: str):
    if not path.lower().endswith(".pdf"):
        return None
    try:
        return pymupdf.open(path)
    except Exception:  # the report is still written, without page pictures
        return None


def _cover(r: DocumentReport, o: Options, rules: int) -> str:
    lang = o.lang
    kind = t("kinds", lang).get(r.kind, r.kind)
    kinds = len(kind_counts(r)) if r.findings else 0
    rows = [(t("document", lang), Path(r.source).name), (t("entity", lang), r.entity or "—"),
            (t("year", lang), str(r.year or "—")), (t("kind", lang), kind), (t("pages", lang), str(r.pages)),
            (t("checked", lang), t("checked_text", lang).format(rules or "—", kind) if rules else
             t("checked_text", lang).split("：", 1)[-1].split(": ", 1)[-1]),
            (t("generated", lang), dt.datetime.now().strftime("%Y-%m-%d %H:%M"))]
    meta = "".join(f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
    c = counts(r)
    big = " &#160; ".join(f"<span class='big' style='color:{SEVERITY_HEX[s]}'>{c[s]}</span> "
                          f"{escape(severity_label(s, lang))}" for s in ("error", "warning", "info"))
    parts = [f"<h1>{escape(t('title', lang))}</h1><table>{meta}</table>", f"<h2>{escape(t('findings', lang))}</h2>",
             f"<p>{big}</p>"]
    if o.hidden.get(r.source):
        parts.append(f"<p class='muted'>{escape(t('hidden', lang).format(o.hidden[r.source]))}</p>")
    if r.error:
        parts.append(f"<p style='color:#cc1a1a'>{escape(t('parse_failed', lang))}：{escape(r.error)}</p>")
    for fail in r.rule_failures:
        parts.append(f"<p style='color:#cc1a1a'>{escape(t('rule_failed', lang))}：{escape(fail.rule)}</p>")
    if kinds:
        heads = "".join(f"<th>{escape(severity_label(s, lang))}</th>" for s in ("error", "warning", "info"))
        body = "".join(f"<tr><td>{escape(kind_label(k, lang))}</td>"
                       + "".join(f"<td>{v[s] or ''}</td>" for s in ("error", "warning", "info")) + "</tr>"
                       for k, v in kind_counts(r).items())
        parts.append(f"<table><tr><th>{escape(t('by_kind', lang))}</th>{heads}</tr>{body}</table>")
        parts.append(f"<h2>{escape(t('contents', lang))}</h2><table><tr><th>#</th><th>{escape(t('severity', lang))}"
                     f"</th><th>{escape(t('location', lang))}</th><th>{escape(t('rule', lang))}</th></tr>")
        for i, g in enumerate(grouped(r.findings), 1):
            f = g.head
            extra = f"（{t('same_kind', lang).format(len(g.findings))}）" if g.folded else ""
            parts.append(f"<tr><td>{i}</td><td style='color:{SEVERITY_HEX[f.severity]}'>"
                         f"{escape(severity_label(f.severity, lang))}</td><td>{escape(where_short(f, lang, r.pages))}</td>"
                         f"<td>{escape(rule_label(f.rule, lang) + extra)}</td></tr>")
        parts.append("</table>")
    elif not r.error:
        parts.append(f"<p>{escape(t('no_findings', lang))}</p>")
    return "".join(parts)


def _section(i: int, f: Finding, rest: list[Finding], r: DocumentReport, lang: str, source, archive,
             written: Written) -> str:
    colour = SEVERITY_HEX[f.severity]
    head = (f"<h2 style='color:{colour}'>{escape(t('finding_no', lang).format(i))} · "
            f"{escape(severity_label(f.severity, lang))} · {escape(rule_label(f.rule, lang))}</h2>"
            f"<p class='muted'>{escape(where_short(f, lang, r.pages))} · {escape(kind_label(f.kind, lang))} · "
            f"{escape(f.id)}</p>")
    parts = [head, f"<p>{escape(f.message)}</p>"]
    if f.computation:
        parts.append(f"<p class='calc'>{escape(f.computation)}</p>")
    parts.append(f"<p><b>{escape(t('evidence', lang))}</b></p>")
    for e in f.evidence:
        where = location(e, lang, r.pages) + (f" · {e.table}" if e.table and e.table not in e.text else "")
        parts.append(f"<p class='ev'><span class='where'>{escape(where)}</span><br/>{escape(e.text)}</p>")
    if f.explanation:
        parts.append(f"<p><b>{escape(t('explanation', lang))}</b>（{escape(source_label(f, lang))}）："
                     f"{escape(f.explanation)}</p>")
    if source is not None:
        for n, e in enumerate(e for e in f.evidence if 1 <= e.page <= source.page_count):
            name = f"f{i}-{n}.png"
            png = _picture(source, f, e)
            if png is None:
                written.missed += 1
                parts.append(f"<p class='muted'>{escape(location(e, lang))} {escape(t('not_found_on_page', lang))}</p>")
                continue
            archive.add(png, name)
            written.highlights += 1
            parts.append(f"<p class='muted'>{escape(t('region', lang))} · {escape(location(e, lang))}</p>"
                         f"<img src='{name}' width='500'/>")
    if not any(e.page > 0 for e in f.evidence):
        written.notes += 1
    if rest:
        parts.append(f"<p><b>{escape(t('same_kind', lang).format(len(rest) + 1))}</b></p><table>")
        for x in rest:
            parts.append(f"<tr><td>{escape(where_short(x, lang, r.pages))}</td><td>{escape(x.message)}</td>"
                         f"<td class='muted'>{escape(x.id)}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def _picture(source, f: Finding, e: Evidence) -> bytes | None:
    """The cited region of the page as PNG, the finding's words boxed in the severity's colour."""
    page = source[e.page - 1]
    boxes, lines = evidence_boxes(page, f, e)
    if not boxes:
        return None
    clip = region(page, lines + boxes)
    pix = page.get_pixmap(dpi=_DPI, clip=clip)
    scale = _DPI / 72
    rgb = tuple(int(SEVERITY_HEX[f.severity][k:k + 2], 16) for k in (1, 3, 5))
    for b in boxes:  # a pixmap's pixel coordinates are the page's scaled ones (its irect need not start at 0, 0)
        x0, y0, x1, y1 = (b.x0 - 2) * scale, (b.y0 - 2) * scale, (b.x1 + 2) * scale, (b.y1 + 2) * scale
        for edge in ((x0 - _EDGE, y0 - _EDGE, x1 + _EDGE, y0), (x0 - _EDGE, y1, x1 + _EDGE, y1 + _EDGE),
                     (x0 - _EDGE, y0, x0, y1), (x1, y0, x1 + _EDGE, y1)):
            rect = pymupdf.IRect(*(int(round(v)) for v in edge)) & pix.irect
            if not rect.is_empty:
                pix.set_rect(rect, rgb)
    return pix.tobytes("png")


def _stamp_pages(out: Path, r: DocumentReport, lang: str) -> None:
    doc = pymupdf.open(out)
    try:
        name = Path(r.source).name
        for n, page in enumerate(doc, 1):
            label = f"DocQA - {name} - {n}/{doc.page_count}"
            font = "helv" if label.isascii() else "china-s"  # china-s spaces Latin letters far apart
            page.insert_text((48, page.rect.height - 28), label, fontname=font, fontsize=7.5,
                             color=(0.45, 0.45, 0.45))
        # Fonts subset and streams deflated: the Story stores page pictures uncompressed (1.3 MB each) and whole
        # CJK fonts, 11 MB for a report of five findings; 0.5 MB this way.
        doc.subset_fonts()
        tmp = out.with_name(out.name + ".tmp")
        doc.save(tmp, garbage=3, deflate=True, deflate_images=True, deflate_fonts=True)
    finally:
        doc.close()
    os.replace(tmp, out)


__all__ = ["write", "safe_name", "Written"]
