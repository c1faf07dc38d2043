"""元/万元 slips: a narrative amount that is a table cell × or ÷ 10,000."""
from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from index.document import UNIT_TO_WANYUAN
from rules.analysis import Analysis, cell_ev, n, said
from rules.registry import Options, Rule, rule
from rules.semantics import Cell, norm_label


class SlipOptions(Options):
    factor: float = Field(10000, gt=1, description="The ratio a unit slip produces (元 written as 万元: 10,000).")
    digits: float = Field(1.0, description="Rounding allowance, in units of the last printed digit, after scaling.")


def _shares_words(label: str, sentence: str, k: int = 4) -> bool:
    """The sentence repeats `k` consecutive characters of the row label."""
    s, lab = norm_label(sentence), norm_label(label)
    return any(lab[i:i + k] in s for i in range(len(lab) - k + 1))


def _scaled_half(a, factor: float) -> float:
    """Half a unit of the last significant digit of the amount ÷ factor, in 万元: a 万元 figure rounded to 78.29 and
    written ×10,000 as 782,900.00 carries the rounding of 78.29 (its trailing zeros say nothing), while a 元 figure
    written as 万元 (782,855.28) keeps all its digits and must match to them."""
    scaled = Decimal(str(a.printed)).normalize() / Decimal(str(factor))
    decimals = max(0, -scaled.normalize().as_tuple().exponent)
    return 0.5 * 10 ** -decimals * UNIT_TO_WANYUAN[a.unit]


@rule("unit.wan_yuan_slip", "unit", options=SlipOptions)
def wan_yuan_slip(ctx: Analysis, rule: Rule, opts: SlipOptions):
    """A narrative amount is off from the cell it names by exactly a factor of 10,000 (元 written as 万元)."""
    factor = opts.factor
    cells = [x for cs in ctx.sem.labels.values() for x in cs]
    largest = max((x.value for x in cells), default=0.0)
    printed: dict[float, list[Cell]] = {}
    for x in cells:
        printed.setdefault(round(x.value, 2), []).append(x)
    evaluations = ctx.self_evaluations
    for c in ctx.of("amount"):
        hit = ctx.subject_cells(c)
        if not hit and c.amount.value and c.paragraph in evaluations:
            # A self-evaluation's figure is read against the project's performance form.
            figure = ctx.form_figure(c)
            if figure and abs(c.amount.value / factor - figure[2]) <= opts.digits * 0.01 + 1e-9:
                a, (name, key, value, ev) = c.amount, figure
                yield rule.finding(
                    "error", f"“{name}”自评说明中{key}{a.text}与绩效自评表{n(value)}万元相差一万倍，疑为元/万元单位错写",
                    [said(c), ev], f"{n(a.value)}÷{int(factor)}＝{n(a.value / factor, 4)}，自评表中为{n(value)}万元",
                    expected=round(value, 4), actual=round(a.value, 4), unit="万元")
                continue
        if not hit and c.amount.value > 10 * largest > 0 and not c.amount.bound:
            # No label to go by, but the amount dwarfs every table figure and ÷10,000 is one of them: one whose row
            # the sentence names (购置公务用车… 公务用车更新配备) is a slip of that row; any other is only a guess.
            same = printed.get(round(c.amount.value / factor, 2), [])
            named = next((y for y in same if _shares_words(y.row.label, c.sentence)), None)
            x = named or (same[0] if same and c.amount.value > 100 * largest else None)
            if x is not None and x.table.unit:
                a = c.amount
                yield rule.finding(
                    "error", f"文中“{a.subject}”{a.text}远超表中任何金额，÷10000后与表中{n(x.value)}万元相同，疑为元/万元单位错写",
                    [said(c), cell_ev(x)], f"{n(a.value)}÷{int(factor)}＝{n(a.value / factor)}，表中为{n(x.value)}万元",
                    expected=round(x.value, 4), actual=round(a.value, 4), unit="万元",
                    doubts=[] if named else ["文中主语与该表格行无对应，仅数值相同"],
                    basis=["文中语句提及该行名称", "÷10000后与表中数值在末位舍入内相同"])
            continue
        if not hit or c.amount.value == 0:
            continue
        a = c.amount
        key, cells, by_path = hit
        tol = lambda x: opts.digits * max(2 * a.half, 10 ** -x.decimals * x.table.scale()) + 1e-9
        if any(abs(x.value - a.value) <= tol(x) for x in cells):
            continue
        for x in cells:
            if not x.value or not x.table.unit:
                continue  # a table with no printed unit may well be in 元: the factor would be its unit, not a slip
            half_x = 0.5 * 10 ** -x.decimals * x.table.scale()
            # The narrative figure is the cell's value written in the other unit and rounded as printed: 元 written
            # as 万元 (a = x·10000, within the cell's rounding) or 万元 as 元 (a = x÷10000, within the amount's).
            for scaled, word, slack in ((a.value / factor, "大了一万倍", opts.digits * (half_x + _scaled_half(a, factor))),
                                        (a.value * factor, "小了一万倍", opts.digits * (half_x + a.half * factor))):
                if abs(scaled - x.value) <= slack + 1e-9:
                    yield rule.finding(
                        "error", f"文中“{a.subject}”{a.text}与表中{n(x.value)}万元相差一万倍，疑为元/万元单位错写",
                        [said(c), cell_ev(x)],
                        f"{n(a.value)}÷{int(factor)}＝{n(a.value / factor, 4)}，表中为{n(x.value)}万元（{word}）",
                        expected=round(x.value, 4), actual=round(a.value, 4), unit="万元",
                        doubts=ctx.binding_doubts(key, cells, by_path, c),
                        basis=["主语对应表中单元格", "换算后在末位舍入内相同"])
                    break
            else:
                continue
            break
