"""What a question computes over the figures it asks (the largest, the smallest, a ranking, a sum, a ratio, a
difference), by the words that ask each; None when it asks one figure."""
from __future__ import annotations

import re

from index.numbers import halfwidth
from qa.rank_asks import nth

MAX_WORDS = r"最多|最高|最大|最贵|大头|更多|更高|更大|多一些|高一些|[涨增升降减]得(?:更)?多|largest|highest|most|biggest|more|higher|" \
    r"larger"
MIN_WORDS = r"最少|最低|最小|更少|更低|更小|少一些|低一些|smallest|lowest|least|fewer|less|lower"
RANK_WORDS = r"排名|排序|排列|从高到低|从大到小|从多到少|从低到高|从小到大|从少到多|前[一二三四五六七八九十\d]+|rank|top\s*\d+"
SUM_WORDS = (r"合计|总共|一共|加起来|加在一起|合在一起|总和|合起来|共计|之和|总计|加总|相加|汇总起来|加上|(?<!公)共(?:有|是)?(?:多少|几)|"
             r"in total|combined|sum|altogether")
RATIO_WORDS = r"几倍|多少倍|倍数|之比|比值|比例是|times|ratio"
# (…or said around the verb: A比B多安排了多少; not a change over a year, 比上年多了多少)
DIFF_WORDS = (r"相差|差多少|差额|差距|多多少|少多少|高多少|低多少|多出|高出|低出|少出|多几|少几|difference|how much more|how much less|"
              r"比(?!上年|去年|前年|上一年|20\d\d|年初)[^，,。？?]{1,30}?[多少高低](?:安排|花|拨|用|列|投入|支出|出)了?多少")
# (in this order: a question saying two, 最多的比最少的多多少, asks the first)
OPERATIONS = (("ratio", RATIO_WORDS), ("diff", DIFF_WORDS), ("max", MAX_WORDS), ("min", MIN_WORDS), ("rank", RANK_WORDS),
              ("sum", SUM_WORDS))


def operation(question: str) -> str | None:
    """max | min | rank | sum | ratio | diff, or None; a place asked (第二多, 倒数第三) is a max or a min."""
    q = halfwidth(question).lower()
    if nth(q) > 1:
        return "min" if re.search(r"倒数|第\s*[二三四五六七八九十\d]+\s*(?:少|小|低)", q) else "max"
    for name, rx in OPERATIONS:
        if re.search(rx, q):
            return name
    return None
