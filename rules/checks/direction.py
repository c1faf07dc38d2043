"""Direction words (增加/减少, 大于/小于, 持平) against the numbers they describe."""
from __future__ import annotations

import re

from pydantic import Field

from rules.analysis import Analysis, n, pct, rate_tolerance, said
from rules.claims import amounts_in
from rules.registry import Options, Rule, rule

_WORDS = {"大于": 1, "高于": 1, "小于": -1, "低于": -1, "等于": 0}


class SignOptions(Options):
    digits: float = Field(0.5, description="Units of the rate's last printed digit a recomputed rate may differ by "
                                           "(besides what the rounding of its amounts carries into the ratio).")


@rule("direction.change_sign", "direction", options=SignOptions)
def change_sign(ctx: Analysis, rule: Rule, opts: SignOptions):
    """增加/减少 contradicts the amounts: the stated rate only fits the opposite direction."""
    for c in ctx.of("change"):
        if c.direction == "0" or c.value is None or c.value == 0:
            continue
        stated = c.value if c.direction == "+" else -c.value
        cands = ctx.change_candidates(c)
        finite = [x for x in cands if x[0] != float("inf")]
        if not finite and c.change is None:
            continue
        if c.direction == "+" and len(finite) < len(cands) and c.value == 100:
            continue  # 增加A from a zero base, 增长100%: the convention (percentage.change_rate notes the zero base)
        fits = [abs(r - stated) <= rate_tolerance(r, c.decimals, p, opts.digits) + 1e-9
                for r, _, p, _ in finite]
        if any(fits):
            continue
        if c.change is not None:
            # Re-read with the opposite direction word: 增加A ⇄ 减少A.
            a = c.change
            sign = -1 if a.change == "+" else 1
            for cur in c.others[:4]:
                base = cur.value - sign * a.value
                if sign > 0 and abs(base) <= a.half + cur.half and c.value == 100:
                    r = 100.0  # 增加A from a zero base: the conventional 增长100%, here written as a fall
                elif base <= 0:
                    continue
                else:
                    r = sign * a.value / base * 100
                if abs(abs(r) - c.value) <= rate_tolerance(r, c.decimals, [(a.value, a.half), (base, cur.half)],
                                                           opts.digits) + 1e-9:
                    word = "增加" if a.change == "+" else "减少"
                    yield rule.finding(
                        "error", f"文中称{word}{n(a.printed, a.decimals)}{a.unit}，但变动率只与相反方向相符", [said(c)],
                        f"{n(a.value)}÷({n(cur.value)}{'＋' if sign < 0 else '−'}{n(a.value)})={pct(abs(r))}"
                        f"，与文中{pct(c.value, c.decimals)}相符，方向应为{'减少' if word == '增加' else '增加'}",
                        expected="减少" if word == "增加" else "增加", actual=word, unit=None)
                    break
        else:
            r = finite[0][0]
            if r * stated < 0 and abs(abs(r) - c.value) <= rate_tolerance(r, c.decimals, finite[0][2],
                                                                           opts.digits) + 1e-9:
                word = "增加" if stated > 0 else "减少"
                yield rule.finding(
                    "error", f"文中称{word}{pct(c.value, c.decimals)}，但数字显示{'减少' if r < 0 else '增加'}",
                    [said(c)], f"{finite[0][3]}={pct(r)}，文中为{word}{pct(c.value, c.decimals)}",
                    expected="减少" if r < 0 else "增加", actual=word, unit=None)


@rule("direction.reason", "direction", severity="warning")
def reason(ctx: Analysis, rule: Rule, opts: Options):
    """The reason given for a change points only the other way (减少2.98%。主要原因是：…经费增加)."""
    up, down = ctx.pack.reason_words.get("up", []), ctx.pack.reason_words.get("down", [])
    for c in ctx.of("change"):
        if c.direction not in ("+", "-") or not c.value:
            continue
        p = ctx.paragraph(c.paragraph)
        text = p.text.replace("％", "%") if p else ""
        at = text.find(c.sentence)
        if at < 0:
            continue
        # The reason is in the sentence itself or the one right after it.
        m = re.search(r"原因(?:主要)?(?:是|为)[：:]?([^。]{0,60})", text[at:at + len(c.sentence) + 80])
        if not m:
            continue
        why = m.group(1)
        says_up, says_down = any(w in why for w in up), any(w in why for w in down)
        if says_up == says_down or says_up == (c.direction == "+"):
            continue
        word = "减少" if c.direction == "-" else "增加"
        yield rule.finding(
            "warning", f"文中称{word}{pct(c.value, c.decimals)}，所述原因却是{'增加' if says_up else '减少'}",
            [said(c)], f"变动方向：{word}；原因：{why.strip()[:40]}", expected=word,
            actual="增加" if says_up else "减少", unit=None)


class FlatOptions(Options):
    basic_flat_share: float = Field(
        0.05, ge=0, description="基本持平 (roughly flat) allows a change up to this share of the amount it describes; "
                                "beyond it the finding is a warning (a judgement word), 持平 alone allows none.")


@rule("direction.flat_with_change", "direction", options=FlatOptions)
def flat_with_change(ctx: Analysis, rule: Rule, opts: FlatOptions):
    """持平 next to a non-zero change amount (基本持平 allows a small change)."""
    for c in ctx.of("change"):
        if c.direction == "0" and c.change is not None and c.change.value > 0:
            roughly = "基本持平" in c.sentence
            if roughly:
                at = c.sentence.find(c.change.text)
                base = [a for a in amounts_in(c.sentence[:at] if at > 0 else c.sentence) if not a.change and a.value]
                if base and c.change.value <= opts.basic_flat_share * base[-1].value:
                    continue
            yield rule.finding(
                "warning" if roughly else "error",
                f"文中称{'基本' if roughly else ''}持平，却同时写有变动{n(c.change.printed, c.change.decimals)}{c.change.unit}",
                [said(c)], f"持平意味着变动为0，文中变动为{n(c.change.value)}万元", expected=0.0,
                actual=round(c.change.value, 4), unit="万元")


@rule("direction.comparison", "direction")
def comparison(ctx: Analysis, rule: Rule, opts: Options):
    """决算数大于/小于/等于预算数 contradicts the two amounts."""
    for c in ctx.of("comparison"):
        final, budget = c.amount, c.whole
        word = c.direction or ""
        want = next((v for k, v in _WORDS.items() if k in word), 0 if "持平" in word else None)
        if want is None:
            continue
        tol = final.half + budget.half
        diff = final.value - budget.value
        actual = 0 if abs(diff) <= tol else (1 if diff > 0 else -1)
        if actual != want:
            yield rule.finding(
                "error", f"文中称决算数{word}预算数，但决算{n(final.value)}万元、预算{n(budget.value)}万元",
                [said(c)], f"{n(final.value)}−{n(budget.value)}={n(diff)}万元",
                expected={1: "大于", -1: "小于", 0: "等于"}[actual], actual=word, unit=None)
