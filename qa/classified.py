"""A figure read from a table of the other classification than the one the question names ("按经济分类的一般公共预算表里，
…哪一项最大" answered from the 一般公共预算支出表（按功能分类）): whichever path read it, it is no answer. The
question names the classification (按功能分类 / 功能科目 / 项级, 按经济分类 / 经济科目); the table's title says its own."""
from __future__ import annotations

from index.numbers import halfwidth
from qa.models import Answer
from qa.rank_codes import asked_classification


def other_classification(question: str, answer: Answer) -> str:
    """Why the answer is not given (its table is of the other classification than the question names), or ""."""
    asked = asked_classification(question)
    q, title = halfwidth(question), halfwidth(answer.table or "")
    if asked is None or ("功能" in q and "经济" in q):
        return ""  # (none named, or both: 按功能分类和经济分类…, no one table asked)
    printed = "功能" if "功能" in title else "经济" if "经济" in title else None
    if printed is None or asked.startswith(printed):
        return ""
    said = "功能分类" if asked == "功能" else "经济分类"
    return f"证据不足：问题问的是按{said}的表，读出的数字出自“{answer.table}”，未作回答。"
