"""One markdown report for all documents, findings in reading order, repeated ones folded (<details>)."""
from __future__ import annotations

from rules.findings import DocumentReport, Finding
from rules.report import Options, counts, evidence_text, grouped, kind_label, pages_of, rule_label, \
    severity_label, source_label, t, where_short


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", "<br>")


def render(reports: list[DocumentReport], options: Options | None = None) -> str:
    o = options or Options()
    lang = o.lang
    lines = [f"# {t('title', lang)}", ""]
    for r in reports:
        lines += [f"## {r.source}", ""]
        if r.error:
            lines += [f"**{t('parse_failed', lang)}**{'：' if lang == 'zh' else ': '}{r.error}", ""]
            continue
        c = counts(r)
        kind = t("kinds", lang).get(r.kind, r.kind)
        lines += [f"{t('entity', lang)} {r.entity or '—'} · {t('year', lang)} {r.year or '—'} · {kind} · "
                  + " · ".join(f"{severity_label(s, lang)} {c[s]}" for s in ("error", "warning", "info")), ""]
        if o.hidden.get(r.source):
            lines += [f"> {t('hidden', lang).format(o.hidden[r.source])}", ""]
        for fail in r.rule_failures:
            lines.append(f"- {t('rule_failed', lang)}：`{fail.rule}` {fail.error}")
        if not r.findings:
            lines += [t("no_findings", lang), ""]
            continue
        heads = [t(k, lang) for k in ("severity", "location", "rule", "message", "computation", "evidence",
                                      "explanation", "source")]
        lines += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        for g in grouped(r.findings):
            row = _row(g.head, r, lang)
            if g.folded:
                rest = "".join(f"<br>{_cell(where_short(f, lang, r.pages))}: {_cell(f.message)}" for f in g.rest)
                row[3] += (f"<details><summary>{t('same_kind', lang).format(len(g.findings))}</summary>"
                           f"{rest}</details>")
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    return "\n".join(lines)


def _row(f: Finding, r: DocumentReport, lang: str) -> list[str]:
    return [_cell(x) for x in (severity_label(f.severity, lang), where_short(f, lang, r.pages),
                               (f"{rule_label(f.rule, lang)}（{kind_label(f.kind, lang)}）" if lang == "zh"
                                else f"{rule_label(f.rule, lang)} ({kind_label(f.kind, lang)})"), f.message, f.computation,
                               evidence_text(f, lang, r.pages), f.explanation, source_label(f, lang))]
