"""Year and unit name the same throughout."""
from __future__ import annotations

import re
from collections import Counter

from pydantic import Field

from index.captions import entity_field
from rules.analysis import YEAR, Analysis
from rules.findings import Evidence
from rules.registry import Options, Rule, rule

class YearOptions(Options):
    min_votes: int = Field(2, ge=1, description="Places (titles, headings, up to 3 narrative paragraphs) that must "
                                               "name the document's year before another year is flagged; 3 or more "
                                               "make it an error, fewer a warning.")


# A line standing alone as the title of the tables' part or of a table (2026年部门综合预算公开报表): short, no
# sentence punctuation, naming a year and the budget or accounts, ending as a title of tables ends.
_TITLE_LINE = re.compile(r"^(?:附件\s*\d*\s*[：:])?[^，。；,;：:]{0,20}20\d\d\s*年度?[^，。；,;：:]{0,20}(?:预算|决算)[^，。；,;：:]{0,12}(?:报表|表|公开)$")


@rule("metadata.year", "metadata", options=YearOptions)
def year(ctx: Analysis, rule: Rule, opts: YearOptions):
    """A table title or heading names another year than the document."""
    doc = ctx.doc
    if doc.year is None:
        return
    places = [(t.title, t.page, t.title) for t in doc.tables if t.title] + \
             [(s.title, s.page, None) for s in doc.sections if re.search(r"预算|决算", s.title)] + \
             [(p.text.strip(), p.page, None) for p in doc.paragraphs if _TITLE_LINE.match(p.text.strip())] + \
             _listed_titles(doc)
    votes = Counter(int(y) for title, _, _ in places for y in YEAR.findall(title))
    # Titles that print no year (单位收支总体情况表) leave the narrative to say which year the document is about:
    # any paragraph naming the document's year (2026年审计工作重点…, 2026 年 as PDFs space it) says so.
    this_year = re.compile(rf"{doc.year}\s*年")
    said = sum(1 for p in doc.paragraphs[:200] if this_year.search(p.text))
    # The document's own title on its cover (its first line, a title, not a sentence) says it once more than a
    # sentence does.
    cover = doc.paragraphs[0].text if doc.paragraphs and doc.paragraphs[0].page == 1 else ""
    own_title = bool(this_year.search(cover)) and not re.search(r"[，。；,;]", cover) and bool(re.search(r"预算|决算", cover))
    votes[doc.year] += min(said, 3) + own_title
    if votes[doc.year] < opts.min_votes:
        return
    for title, page, table in places:
        # A year in brackets belongs to a name inside the title (…（2021年医疗卫生机构能力提升补助资金）项目绩效自评表).
        years = {int(y) for y in YEAR.findall(re.sub(r"[（(][^（）()]*[）)]", "", title))}
        if years and doc.year not in years and not re.search(r"上年|对比|比较|20\d\d\s*[-—至~]", title):
            other = sorted(years)[0]
            yield rule.finding(
                "warning" if votes[doc.year] < 3 else "error",
                f"“{title}”写为{other}年，全文为{doc.year}年", [Evidence(page=page, text=title, table=table)],
                f"标题年份{other}，文档年份{doc.year}（{votes[doc.year]}处）", expected=float(doc.year),
                actual=float(other), unit="年")


# A table's name printed in a cell, as the contents (目录) list the tables: a year, then a name ending in 表.
_TITLE_CELL = re.compile(r"[^，。；,;：:]{0,12}20\d\d\s*年度?[^，。；,;：:]{2,40}表")


def _listed_titles(doc) -> list[tuple[str, int, str | None]]:
    """Table names printed in table cells (a contents grid: 表1 | 2026年部门综合预算收支总表 | 是否空表 …)."""
    out = []
    for t in doc.tables:
        pages: dict[str, int] = {}
        for w, page in [(c, r.page) for r in t.rows for c in [r.label, *r.cells]] + \
                [(c, t.page) for row in t.grid for c in row]:  # the grid keeps header and label cells too
            if _TITLE_CELL.fullmatch((w or "").strip()):
                pages.setdefault(w.strip(), page)
        out += [(w, page, None) for w, page in pages.items()]
    return out


def _elsewhere(name: str, text: str) -> str | None:
    """The same unit under another place name, printed more often than this one (洛阳市气象局 once, 西安市气象局 on
    every page): the place names are the first 2 or 3 characters, the rest (市气象局) must be at least 4."""
    name = re.sub(r"[（(][^（）()]*[）)]$", "", name)  # （汇总）/（本级） is not part of the name
    for split in (2, 3):
        place, rest = name[:split], name[split:]
        if len(rest) < 4 or not rest.startswith(("市", "省", "区", "县")):
            continue
        seen = Counter(m.group(1) for m in re.finditer(rf"([\u4e00-\u9fff]{{{split}}}){re.escape(rest)}", text))
        best = max((p for p in seen if p != place), key=seen.get, default=None)
        if best and seen[best] >= 2 and seen[best] > 2 * seen[place]:
            return best + rest
    return None


def _common_suffix(a: str, b: str) -> int:
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


@rule("metadata.entity", "metadata")
def entity(ctx: Analysis, rule: Rule, opts: Options):
    """A 部门名称/编制单位 line names a unit of the same kind in another place (洛阳市…局 in a 南阳市…局 document)."""
    name = ctx.doc.entity
    if not name:
        return
    seen = set()
    for page, text in enumerate(ctx.doc.page_texts, start=1):
        for line in text.splitlines():
            value = entity_field(line)
            if not value or value in seen:
                continue
            seen.add(value)
            v = value.replace(" ", "")
            other = _elsewhere(v, "\n".join(ctx.doc.page_texts))
            if other:
                yield rule.finding(
                    "error", f"单位名称“{v}”与正文多处的“{other}”不一致", [Evidence(page=page, text=line.strip()[:200])],
                    f"此处：{v}；正文中多处为：{other}", expected=other, actual=v)
                continue
            if v in name or name in v:
                continue
            k = _common_suffix(v, name)
            if k >= 3 and v[:2] != name[:2]:
                yield rule.finding(
                    "error", f"单位名称“{v}”与文档单位“{name}”不一致", [Evidence(page=page, text=line.strip()[:200])],
                    f"文档单位：{name}；此处：{v}", expected=name, actual=v)
