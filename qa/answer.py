"""Answer a question from the store: from a table cell or a narrative amount when the question is numeric,
else from the best sentences; always with citations. When the evidence is weak, say so instead of guessing."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from qa.basis import basis_of, shared_words
from qa.between import compared, compares_items
from qa.citations import cite, distinct, locate
from qa.evidence import corroborating, structured
from qa.reasons import extractive, stated_definition, stated_reason
from qa.aggregate import aggregate, compares_with_another, follow_ups, is_aggregate
from qa.operation import operation
from qa.models import Answer, Basis
from qa.rank_year_change import ranked_by_year_change
from qa.rank_changes import asks_change_rank, ranked_by_change
from qa.several import several
from qa.threshold import across_documents
from qa.total_row import total_not_asked
from qa.parts import named_parts, parts_sentence, prints_parts, without_summed_parts
from qa.whole import whole_budget
from qa.english import is_english, translate
from qa.english_named import documents_of, units_named
from qa.bracketed import bracketed_name
from qa.offterm import off_term
from qa.specific import rare_words
from qa.items import better_than_cell, described_item, question_words, scored_items, verbatim_item
from qa.left_out import said_left_out
from qa.classified import other_classification
from qa.counts import held_or_bought_as_asked, stated_count, summed_count
from qa.change import change_of_level, changes_another
from qa.contraction import contracted_sum
from qa.change_reworded import change_reworded, rate_reworded
from qa.item_answer import count_answer, item_answer, stated_answer
from qa.item_head import better_or_head, head_of_listed
from qa.listed import in_narrative
from qa.rank_asks import nth
from qa.rank_named import listed_items, names_listed, ranked_named
from qa.rank_named_change import ranked_named_by_change
from qa.rank_columns import ranked
from qa.rank_follow_ups import ranking_follow_ups, top_item_share
from qa.question import FRAME, funds_in_full, intent, without_examples
from qa.kept import keeps_a_word
from qa.reword import reading, reword, subject_phrase, term_says_more
from qa.nearest_term import near_confidence, read_near, said_near
from qa.share import computed_share
from qa.split_rows import whole_of_parts
from qa.tie_sum import tie_answer
from qa.targets import names_better, says_far_more, stated_quantity
from qa.scope import own_office_asked, without_names
from qa.retrieve import Hit, Retriever, totals_of


TRANSLATED = 0.7  # …and of an answer to an English question, read through the dictionary: ~0.7 right on unseen ones
_NO_RANKING = "未能从表中读出可比较的各项，无法判断哪一项最多或最少，未作回答。以下为最接近的段落。"


def ask(question: str, store_dir: Path | str, k: int = 5, settings=None, retriever: Retriever | None = None,
        only: set[str] | None = None) -> Answer:
    """Answer a question from the store; `only` (manifest keys) narrows the documents searched."""
    retriever = retriever or Retriever(store_dir, "hybrid", settings.index if settings else None)
    from qa.llm import answer_failure

    retriever.only = only
    token = answer_failure.set(None)
    try:
        answer = _answer(funds_in_full(question), k, settings, retriever).model_copy(update={"question": question})
        if answer.mode != "llm" and settings is not None and settings.llm.configured:
            answer.llm_note = answer.llm_note or answer_failure.get()  # why the LLM's answer was not used
    finally:
        answer_failure.reset(token)
        retriever.only = None
    answer.citations = distinct(answer.citations)  # the answer's own passage is not cited twice
    locate(answer.citations)
    if answer.answered and answer.citations:
        # a figure is never answered from a document the question did not name (whatever path read it)
        sc = retriever.scope(question)
        if sc.named and answer.citations[0].source not in sc.keys:
            answer.answered = False
            answer.answer = f"证据不足：读出的数字出自问题未提及的文件，未作回答。{answer.answer}"
        # …nor, asked of a department's own office (X本级) from the department's document (汇总), from a total row
        # that does not say 本级: the department's total is not its own office's
        asked = answer.basis[0].text if is_english(question) and answer.basis else question
        total_row = len({r.source for r in answer.rows}) <= 1 and bool(re.search(r"总计|合计", answer.row or ""))
        if total_row and "本级" not in answer.citations[0].text and own_office_asked(
                asked, sc if asked == question else retriever.scope(asked), retriever.documents()):
            answer.answered = False
            answer.answer = f"证据不足：问的是本级，读出的数字所在段落未说是本级的，未作回答。{answer.answer}"
        # …nor from a row or clause that names what the question says it does not ask (不算基本建设那一块)
        if answer.answered and (excluded := said_left_out(asked, answer)):
            answer.answered = False
            answer.answer = f"证据不足：问题说不问“{'、'.join(excluded)}”，读出的数字正是它的，未作回答。{answer.answer}"
        if answer.answered and (why := other_classification(asked, answer)):  # (按经济分类 asked, 按功能分类 read)
            answer.answered, answer.answer = False, f"{why}{answer.answer}"
    if answer.answered and answer.confidence < (least := settings.qa.min_confidence if settings else 0.0):
        answer.answered, answer.answer = False, f"未作回答：置信度{answer.confidence:.2f}低于所设的{least:.2f}。{answer.answer}"
    return answer


def _abstain(question: str, reason: str, hits: list[Hit], k: int, basis: list[Basis] | None = None) -> Answer:
    return Answer(question=question, answer=reason, citations=[cite(h) for h in hits[:k]], mode="extractive",
                  answered=False, confidence=0.0, basis=basis or [])


def _missing(question: str, sc, docs: dict[str, dict], retriever: Retriever, k: int, settings) -> Answer:
    """The question names a unit, place or year the store does not hold: say so. A unit or place: the closest passages
    of the whole store, never a look-alike's figure. A year: the held year's documents' answer, marked as no answer."""
    if sc.unknown and (parent := retriever.reporting(sc)) is not None:
        return _asked_as(question, parent + question, k, settings, retriever)  # (a unit its department reports)
    if sc.unknown:
        what = "、".join(sc.unknown)
        hits = retriever.search(question, k, docs=set(docs))
        return _abstain(question, f"库中没有{what}的文件，无法回答（不以其他单位的数字代替）。以下为最接近的段落。", hits, k)
    asked = "、".join(f"{y}年" for y in sc.years)
    held = "、".join(f"{y}年" for y in sc.held)
    other = _answer(re.sub(r"20\d\d\s*年度?", "", question), k, settings, retriever)
    other.question, other.answered, other.confidence = question, False, 0.0
    other.answer = f"未找到{asked}的文件，以下依据{held}的文件：" + other.answer
    return other


def _asked_as(question: str, asked: str, k: int, settings, retriever: Retriever) -> Answer:
    """The answer to the question read as `asked` (in Chinese, in the documents' names), said as the question's."""
    answer = _answer(asked, k, settings, retriever)
    answer.question = question
    answer.basis.insert(0, Basis(part="term", text=asked, words=["read as"]))
    return answer


def _answer(question: str, k: int, settings, retriever: Retriever) -> Answer:
    if is_english(question):
        chinese = translate(question, retriever)
        if chinese is None:
            # (the closest passages of the units it names, when it names some: the figure is likely among them)
            units = units_named(question, retriever)
            keys = documents_of(units, retriever.documents())
            said = (f"No quantity of {'、'.join(dict.fromkeys(units))} clearly matches the question: not answered. "
                    "The closest passages of its documents:") if keys else \
                "No unit and quantity of the store clearly match the question: not answered."
            return _abstain(question, said, retriever.search(question, k, docs=keys or None), k)
        answer = _asked_as(question, chinese, k, settings, retriever)
        answer.confidence = min(answer.confidence, TRANSLATED)
        return answer
    docs = retriever.documents()
    sc = retriever.scope(question)
    named = bracketed_name(question, sc, retriever) if not sc.missing else None
    if named is not None:  # "…的那笔钱（增人增资）": asked by the name the documents print (qa/bracketed.py)
        return _asked_as(question, named, k, settings, retriever)
    if sc.missing:
        return _missing(question, sc, docs, retriever, k, settings)
    named = [Basis(part="entity", text=docs[key]["name"] or "", words=[alias]) for key, alias in sc.named.items()]
    whole = whole_budget(question, docs, sc, retriever.chunks()) if intent(question) in ("amount", "change") else None
    if whole is not None:  # 预算总额, 总预算, 预算盘子: the budget's total (qa/whole.py)
        return _asked_as(question, whole, k, settings, retriever)
    parts = follow_ups(question)
    # 哪一项涨得最多: by the changes stated (qa/rank_changes.py), or by a table's two years (qa/rank_year_change.py),
    # or the items the question lists, each one's change read (qa/rank_named_change.py)
    changed = ranked_by_change(question, sc, retriever, k) or ranked_by_year_change(question, sc, retriever, k) or \
        ranked_named_by_change(question, sc, k, lambda q: _answer(q, k, settings, retriever))
    if changed is not None:
        changed.basis = named + changed.basis
        return changed
    if asks_change_rank(question):  # (no item's level answers which rose most)
        return _abstain(question, "未能读出各项的增减变化，无法判断哪一项增减最多，未作回答。以下为最接近的段落。",
                        retriever.search(question, k), k, named)
    op_first = operation(parts[0]) if len(sc.keys) == 1 else None
    items_listed = listed_items(parts[0]) if op_first in ("max", "min") else []
    if items_listed and nth(parts[0]) == 1:
        # 拆成A、B、C…五块，哪一块最大: among the items the question lists, each read as asked (qa/rank_named.py)
        found = ranked_named(parts[0], sc, op_first, k, lambda q: _answer(q, k, settings, retriever),
                             rest="".join(parts[1:]))
        if found is not None:
            found.question, found.basis = question, named + found.basis
            return found
    later = ranking_follow_ups(question) if len(parts) >= 2 and len(sc.keys) == 1 else None
    top = top_item_share(question) if len(parts) == 1 and len(sc.keys) == 1 else None
    if later or top:
        # 哪一项最多？占…比例？/比第二名多多少？ (or 最大的一类占…比例): the ranking answers its follow-ups from its cells
        first, rest = (parts[0], "".join(later)) if later else top
        op = operation(first)
        found = ranked(question, sc, retriever, op, k, first=first, rest=rest)
        if found is not None and items_listed and found.rows and \
                not any(names_listed(found.rows[0].entity, item) for item in items_listed):
            # the question lists the items it ranks: a ranking of other items (退休费 within 对个人和家庭的补助, for
            # 在职人员经费、公用经费、…哪一块最大) answers another question
            found = None
        if found is not None:
            found.basis = named + found.basis
            return found
        if later and op in ("max", "min"):
            # the later questions ask about the item the ranking names (第二大项目…多少钱): no ranking, no item to
            # read them of
            return _abstain(question, _NO_RANKING, retriever.search(question, k), k, named)
    if len(parts) >= 2 and len(sc.named) < 2 and not sc.every:
        return several(question, parts, k, retriever, lambda q: _answer(q, k, settings, retriever))
    kind = intent(question)
    if len(sc.named) == 1 and (compares_with_another(question) or compares_items(question)):
        # Y a unit the document prints as a row (a department's subordinate unit), else an item of the same
        # document (项目支出是基本支出的几倍, qa/between.py): each read, then compared
        found = compared(question, sc, retriever, lambda q: _answer(q, k, settings, retriever))
        if found is not None:
            found.basis = named + found.basis
            return found
        # one figure (the other's unit not in the store, or the item not read) is no answer to a comparison
        return _abstain(question, "问题比较两个数字，未能各自读出两者，未作回答。以下为最接近的段落。",
                        retriever.search(question, k), k, named)
    if is_aggregate(question, sc, retriever):
        found = aggregate(question, sc, retriever, k, read_one=lambda q: _answer(q, k, settings, retriever))
        if found is not None:
            return found
    op = operation(question)
    if len(sc.keys) == 1 and op in ("max", "min") and "哪" in question:
        # "哪一项/哪家最多" that no table's items answer: a list the narrative prints, else a sentence that shares
        # its words names no largest item
        listed = in_narrative(question, sc, retriever, op, k, nth(question))
        if listed is not None:
            listed.basis = named + listed.basis
            return listed
        return _abstain(question, _NO_RANKING, retriever.search(question, k), k, named)
    # A deeper pool for reading facts than for citing: the cell that answers may rank below the top k.
    hits = retriever.search(question, max(k, 20))
    citations = distinct([cite(h) for h in hits], k)  # k passages, none repeating another
    if not hits:
        return _abstain(question, "未检索到相关内容，无法回答。", [], k)
    if settings is not None and getattr(settings, "llm", None) is not None and settings.llm.configured:
        llm = _llm_answer(question, hits[:k], settings)
        if llm is not None:
            return llm
    if kind == "list" and len(sc.keys) > 1:
        listed = across_documents(question, retriever, k)
        if listed is not None:
            return listed
    if kind in ("reason", "definition"):
        found = (stated_reason if kind == "reason" else stated_definition)(question, hits, retriever)
        term: list[Basis] = []
        mapped = reword(question, sc, retriever) if found is None and kind == "reason" else None
        if mapped is not None:
            # the reason for what the question names in other words (开会经费 → 会议费), asked in the term
            again = f"{mapped[0]}，原因是什么"
            found = stated_reason(again, retriever.search(again, max(k, 20), docs=sc.keys), retriever)
            term = mapped[1] if found is not None else []
        if found is not None:
            sentence, hit = found
            first = cite(hit, sentence)
            rest = [c for c in citations if (c.source, c.page, c.text) != (first.source, first.page, first.text)]
            return Answer(question=question, answer=sentence, citations=[first] + rest[: k - 1], mode="extractive",
                          confidence=1.0, basis=named + term + [Basis(part="sentence", text=sentence,
                                                                      words=shared_words(question, sentence))])
        if kind == "reason":
            # A "why" no clause of the documents answers for what the question names: not answered from a
            # sentence that only shares its words. (A definition falls back to the closest sentence below.)
            return _abstain(question, "证据不足：没有找到说明该项原因的句子，未作回答。以下为最接近的段落。", hits, k, named)
    elif kind in ("percent", "count", "change", "amount"):
        # Read with the unit's names out (深圳气象局 would leave 局 behind as a word of the question).
        asked = without_names(question, docs, sc, years=True) if sc.named else question
        asked = without_examples(asked)  # (小飞机、直升机这些, 含…等): no words of the thing's name
        read_as, pool = asked, hits + totals_of(hits[:5], retriever.chunks())
        # a target or output stated in the unit asked (多少吨, 多大面积: before any cell of money; 多少名, 几座: unless
        # a count or cell names its figure better), qa/targets.py
        stated = functools.cache(lambda: stated_quantity(question, sc, retriever))
        if kind == "count":
            # a count the narrative states, read by what is counted and whether it is held or bought (qa/counts.py):
            # the sentence sharing most words may state the other count
            # (a sum of the counts the question names, 两处加起来, before any one of them)
            if (summed := summed_count(question, sc, retriever)) is not None:
                return count_answer(question, summed, citations, k, named)
            counted = stated_count(question, sc, retriever)
            if counted is not None and not names_better(stated(), counted.value, counted.chunk, 1.0) and \
                    not says_far_more(stated(), counted.said):
                return count_answer(question, counted, citations, k, named)
        if kind == "amount" and stated() is not None:
            return count_answer(question, stated(), citations, k, named, share=stated().share)
        # (two columns added up, 基本支出和项目支出合计, ask the row's total: their names pull to neither column)
        cand = whole_of_parts(structured(without_summed_parts(read_as, retriever.vocabulary().columns), pool,
                                         retriever.terms()), retriever.chunks())
        subject = subject_phrase(question, docs, sc)
        if cand is not None and total_not_asked(subject, cand, retriever, sc.keys):
            cand = None  # a total read where the question names another row of its table, or a thing it leaves unsaid
        if cand is not None and kind == "amount" and (summed := contracted_sum(question, sc, retriever, k, cand.row or "")):
            summed.basis = named + summed.basis  # 电费 read inside 水电费: both items the word contracts are asked
            return summed
        framed = FRAME.match(read_as)
        if cand is None and framed and kind in ("percent", "count"):
            # 按照经济分类，…增长百分之几: the frame says which table to look in; a rate or count the narrative
            # states does not repeat it
            cand = structured(read_as[framed.end():], pool, retriever.terms())
        if cand is not None and kind == "count" and not held_or_bought_as_asked(read_as, cand.text, cand.value):
            cand = None  # (共有设备144台 is no answer to 打算新添几台)
        if kind == "count" and stated() is not None and (
                cand is None or names_better(stated(), cand.value, cand.hit.chunk, cand.cover)):
            return count_answer(question, stated(), citations, k, named, share=stated().share)
        term: list[Basis] = []
        # the question's rare words (qa/specific.py), read once for the item they name and the term they rule out
        rare = rare_words(question, sc, retriever) if cand is None and kind != "percent" else {}
        # the narrative items saying the question's words, and the one it describes (qa/items.py): read once at most
        words_once = functools.cache(lambda: question_words(question, sc, retriever))
        scored_once = functools.cache(lambda: scored_items(question, sc, retriever, words_once()))
        described_once = functools.cache(lambda: head_of_listed(question, sc, retriever, described_item(question, sc, retriever, scored_once())))
        read_once = functools.cache(lambda: reading(question, sc, retriever))  # (at most twice, tie and all)
        # a question adding up a table's columns (基本支出和项目支出加起来) asks a row of it, not a narrative item
        sums_columns = without_summed_parts(question, retriever.vocabulary().columns) != question
        if cand is None and kind == "amount":
            # Two items said as one word (水电: 水费 and 电费), or an item the narrative states in the question's
            # own rare words (巡逻船, 西九龙), before any rewording
            if (summed := contracted_sum(question, sc, retriever, k)) is not None:
                summed.basis = named + summed.basis
                return summed
            stated = None if sums_columns else stated_answer(question, sc, retriever, citations, k, named, rare, read_once)
            if stated is not None and not term_says_more(question, sc, retriever, stated.answer, read_once()[0]):
                return stated
        if cand is None and kind != "percent":  # (a share not printed is computed below, not reworded)
            # Asked in other words: the documents' own term for it (their labels and definitions, nearest by
            # abbreviation, definition or encoder), and the question asked again in that term.
            mapped = read_once()[0]
            if mapped is not None and kind == "change" and intent(mapped[0]) != "change":
                mapped = None  # reworded as the level's question ("…是多少"): a level is no answer to a change
            if mapped is not None and kind == "change" and mapped[1][0].text not in question:
                # the change asked again in the term (养公车的钱比上年少了多少 → 公务用车运行维护费比上年少了多少):
                # answered as such, by the sentence stating it or the table's two years
                changed = change_reworded(question, mapped, lambda q: _answer(q, k, settings, retriever), sc,
                                          retriever, rare)
                if changed is not None:
                    changed.basis = named + changed.basis
                    return changed
            if mapped is not None and kind == "amount" and not sums_columns and \
                    not keeps_a_word(subject, mapped[1][0].text):
                # a term that keeps no word of the question is a guess (the encoder's nearest, a shared sense):
                # an item of the narrative that says the question's own words comes first (qa/items.py)
                described = described_once()
                if described is not None:
                    return item_answer(question, described, citations, k, named)
            if mapped is not None:
                again, term = mapped
                # in the documents the question named: the reworded question keeps only some of its names (深汕
                # alone may name no unit)
                more = retriever.search(again, max(k, 20), docs=sc.keys)
                # read, like the question as asked, without the unit's names (they are not the figure's words)
                read_as = without_names(again, docs, sc, years=True) if sc.named else again
                pool = more + totals_of(more[:5], retriever.chunks())
                cand = whole_of_parts(structured(read_as, pool, retriever.terms()), retriever.chunks())
                if cand is not None and cand.hit.chunk.kind == "row" and not prints_parts(
                        question, cand.hit.chunk.facts or [], retriever.vocabulary().columns):
                    cand = None  # (a row of a table printing no column of the parts the question adds up)
                lost = off_term(question, term[0].text, f"{cand.table or ''}{cand.row or ''}{cand.column or ''}"
                                f"{cand.text}", sc, retriever, rare) if cand is not None else []
                if lost:
                    # the words the term leaves out are said elsewhere: by an item of the narrative or a project
                    # row that says them (qa/items.py), else the term's figure is declined
                    if (described := described_once()) is not None:
                        return item_answer(question, described, citations, k, named)
                    return _abstain(question, f"证据不足：问题所说的“{'、'.join(lost)}”在文件中另有所指，不在“{term[0].text}”"
                                              "所在的行或段落，未以该项的数字作答。以下为最接近的段落。", more, k, named)
                if cand is not None and kind == "amount":
                    # an item of the narrative saying a long run of the question's own words names what the
                    # term's figure only resembles (qa.items.verbatim_item)
                    verbatim = verbatim_item(subject, scored_once(), beats=cand.text, terms=retriever.terms())
                    if verbatim is not None:
                        return item_answer(question, verbatim[0], citations, k, named)
                if cand is not None:
                    hits, citations = more, [cite(h) for h in more[:k]]
        if cand is None and kind == "percent":
            computed = computed_share(question, sc, retriever, k,  # a share the documents do not print
                                      ask=lambda q: _answer(q, k, settings, retriever))
            if computed is not None:
                computed.basis = named + computed.basis
                return computed
            if (rate := stated_quantity(question, sc, retriever, "%")) is not None:  # a rate a target states
                return count_answer(question, rate, citations, k, named, share=rate.share)
            if (rate := rate_reworded(question, read_once, lambda q: _answer(q, k, settings, retriever), sc, retriever,
                                      rare)) is not None:
                return rate  # a rate of change asked in other words
        if kind == "change" and (cand is None or changes_another(question, cand.text, cand.value)) and \
                (beside := change_of_level(question, retriever, lambda q: _answer(q, k, settings, retriever))):
            beside.basis = named + beside.basis  # the level read as asked, its change stated beside its figure: before
            return beside  # a sentence stating another thing's change (三公经费…较年初预算增加 for 公用经费)
        if cand is not None and kind == "amount":
            # a sentence's figure or a cell's, when another item of the narrative says the question's words better
            # (the head of a list, an amount that includes the one asked, a word the cell leaves unsaid): the item's
            # (a cell read through a term the question was reworded into says the term, not the question's words)
            better = better_or_head(question, sc, retriever, cand, scored_once()) \
                if cand.hit.chunk.kind == "paragraph" else None if term else better_than_cell(
                    question, sc, retriever, f"{cand.table}{cand.hit.chunk.code or ''}{cand.row}{cand.column}",
                    cand.value, words_once(), scored_once)  # (the row's code is said by the cell too)
            if better is not None:
                return item_answer(question, better, citations, k, named)
        if cand is not None:
            first = cite(cand.hit, cand.text if cand.hit.chunk.kind == "paragraph" else None)
            also = corroborating(read_as, pool, cand, retriever.terms())
            firsts = [first] + ([cite(also.hit, also.text if also.hit.chunk.kind == "paragraph" else None)]
                                if also is not None else [])
            rest = [c for c in citations if all((c.source, c.page, c.text) != (f.source, f.page, f.text)
                                                for f in firsts)]
            # the parts the question names beside it (基本支出和项目支出合起来): the row's cells of each, said too
            said = cand.text + parts_sentence(named_parts(question, cand.hit.chunk.facts or [], cand.column,
                                                          kind == "amount") if cand.hit.chunk.kind == "row" else [])
            confidence = round(min(1.0, cand.cover), 3)
            if near := read_near(term):  # (the encoder's reading alone: near_confidence)
                if not cand.value:
                    # a zero says the guessed item has no money there: a guess at an absence is no answer
                    return _abstain(question, f"证据不足：问题所说只是近似文件中的“{term[0].text}”，而读到的这一项为0，"
                                              "未以近义推断的零作答。以下为最接近的段落。",
                                    [cand.hit] + [h for h in hits if h is not cand.hit], k, named)
                confidence = min(confidence, near_confidence(near))
                said = said_near(term[0].text, said)
            return Answer(question=question, answer=said, value=round(cand.value, 4), unit=cand.unit,
                          citations=(firsts + rest)[:k], mode="structured", table=cand.table, row=cand.row,
                          column=cand.column, confidence=confidence, basis=named + term + basis_of(question, cand))
        if kind == "amount" and (described := described_once()) is not None:
            return item_answer(question, described, citations, k, named)  # an item the narrative describes (qa/items)
        if tie := (read_once()[1] if cand is None and kind != "percent" else []):
            if found := tie_answer(question, tie, sc, retriever, functools.partial(_answer, k=k, settings=settings,
                                                                                   retriever=retriever)):
                return found  # (both named and added up, 用水用电…合起来; or both read one figure: qa/tie_sum.py)
            first = [h for t in tie for h in retriever.search(t, 1, docs=sc.keys)]  # (the two readings, cited first)
            rest = [h for h in hits if all(h.chunk.id != f.chunk.id for f in first)]
            return _abstain(question, f"证据不足：问题所说与文件中的“{tie[0]}”和“{tie[1]}”同样相近，无法判断指哪一项，"
                                      "未作回答。以下为两者及最接近的段落。", first + rest, k, named)
        return _abstain(question, "证据不足：没有哪一行、哪一列或哪一句话说的正是问题所问的数，未作回答。"
                                  "以下为最接近的段落。", hits, k, named)
    sentence, hit, shared = extractive(question, hits)
    if hit is None or shared < 2:
        return _abstain(question, "证据不足：检索到的段落与问题关系不大，未作回答。以下为最接近的段落。", hits, k, named)
    first = cite(hit, sentence)
    rest = [c for c in citations if (c.source, c.page) != (first.source, first.page) or c.text != first.text]
    words = shared_words(question, sentence)
    return Answer(question=question, answer=sentence, citations=[first] + rest[: k - 1], mode="extractive",
                  confidence=round(min(1.0, shared / max(len(question), 1)), 3),
                  basis=named + [Basis(part="sentence", text=sentence, words=words)])


def _llm_answer(question: str, hits: list[Hit], settings) -> Answer | None:
    """An answer generated from numbered passages; None (fall back) when the model fails or its answer does not
    pass the grounding check."""
    try:
        from qa.llm import answer_from_passages
    except ImportError:
        return None
    passages = [h.chunk.text for h in hits]
    result = answer_from_passages(question, passages, settings)
    if not result:
        return None
    text, cited = result
    # Passages were given as plain strings, so the model cites them by their 1-based number.
    cited_hits = [hits[i - 1] for i in cited if isinstance(i, int) and 1 <= i <= len(hits)] or hits[:1]
    return Answer(question=question, answer=text, citations=[cite(h) for h in cited_hits], mode="llm")


__all__ = ["ask"]
