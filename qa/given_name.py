"""The asker's own name for the thing, given in brackets after describing it (路费住宿费（出差的钱）), and the
documents' term it reads as (qa/reword.py reads it before the description beside it)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.kept import bridged, keeps_a_morpheme
from qa.nearest_term import encoded as _encoded
from qa.vocab import norm

if TYPE_CHECKING:
    from qa.vocab import Vocabulary

# The asker's own name for the thing, in brackets after describing it (路费住宿费（出差的钱）); brackets that qualify
# (连水资源税一起, 不算…, 含…), say the scope (全部门, 本级) or name a column (一般公共预算) give no name.
_GIVEN_NAME = re.compile(r"\(([\u4e00-\u9fff]{2,8}?)(?:的钱|的费用|的经费|那笔钱|钱)?\)")
_LIST_OR_SUM = re.compile(r"[和与及、]|合计|合起来|加起来|一共|总共|在内")
_NOUN_GOES_ON = re.compile(r"(?![的那这是有为共花安预多占合一])[\u4e00-\u9fff]{2}")
_OF_A_KIND = re.compile(r"(?:那种|这种|那类|这类|之类|一类)$")  # a kind's word after a name (年终奖这类)
_QUALIFIES = re.compile(r"^(?:连|含|包|不|除|扣|排除|即|也|其中|主要|比如|例如|如|只|仅|按|全|本级|汇总|整个|部门|单位)")


def given_name(phrase: str, columns: set[str]) -> str | None:
    """The asker's own name for the thing, in brackets (路费住宿费（出差的钱）→ 出差), or None: brackets that qualify,
    leave out, list or add up, name a column, or describe a kind (代替公车的那种) give no name."""
    # (a bracket the noun goes on after glosses the word before it: 社保（医保）基金 names no thing 医保)
    found = [m.group(1) for m in _GIVEN_NAME.finditer(phrase) if not _NOUN_GOES_ON.match(phrase[m.end():])]
    if len(found) != 1 or _QUALIFIES.match(found[0]) or norm(found[0]) in columns or _LIST_OR_SUM.search(found[0]):
        return None  # (基本和专项合计: parts added up, not a name)
    name = _OF_A_KIND.sub("", found[0])  # 年终奖这类 names 年终奖 as of the kind…
    return None if name.endswith("的") or len(name) < 2 else name  # …代替公车的那种 describes it


def by_given_name(phrase: str, terms: list[str], vocab: Vocabulary) -> tuple[float, str, str] | None:
    """The term the name in brackets reads as, when it keeps or bridges a word of that name: the name says the thing
    more precisely than the description beside it (which may say words of other things, 住宿费 of 因公出国)."""
    name = given_name(phrase, vocab.columns)
    if name is None:
        return None
    read = _encoded(name, terms, vocab)
    if read is None or not (keeps_a_morpheme(name, read[1], read[0]) or bridged(name, read[1])):
        return None
    return read[0], read[1], f"{read[2]}（问题括号里的名称“{name}”）"
