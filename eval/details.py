"""`docqa eval --details`: which questions and which expected findings failed, and what DocQA said instead.

Per question: the verdict (answer right, citation page right), the expected value, DocQA's answer and its first
citation. Per expected finding (hand-labelled corpus findings and mutation cases): found or missed, and the finding
DocQA reported of that kind nearest to the expected page (its message and pages), so a miss can be looked at."""
from __future__ import annotations

from pathlib import Path


def record_expected(items: list[dict], source: str, page: int, kind: str, numbers, found: bool, report,
                    what: str = "") -> None:
    """Keep one expected finding's verdict (called by eval/run.py as it scores)."""
    reported = [f for f in getattr(report, "findings", []) if f.kind == kind]

    def distance(f) -> int:
        pages = [e.page for e in f.evidence if e.page > 0] or [0]
        return min(abs(p - page) for p in pages)

    near = min(reported, key=distance) if reported else None
    items.append({
        "source": Path(source).name, "page": page, "kind": kind, "numbers": list(numbers or []),
        "expected": what, "verdict": "found" if found else "missed",
        "reported": near.message if near else None,
        "reported_pages": sorted({e.page for e in near.evidence}) if near else [],
    })


def question_details(results: list) -> list[dict]:
    """One row per question of one system's results (eval.run.QAResult)."""
    rows = []
    for r in results:
        q, p = r.question, r.prediction
        first = p.citations[0] if p.citations else None
        rows.append({
            "id": q.id, "question": q.question,
            "verdict": "right" if r.answer_ok and r.citation_ok else ("wrong page" if r.answer_ok else "wrong"),
            "expected": q.value if q.value is not None else "、".join(q.key_phrases),
            "expected_pages": sorted({pg for g in q.gold for pg in getattr(g, "pages", [])}),
            "answer": p.text[:200], "value": p.value,
            "citation": f"{Path(first.source).name} p{first.pages[0] if first.pages else '?'}" if first else None,
            "rank": r.rank,
        })
    return rows


def details(result, system: str = "docqa") -> dict:
    """The `details` block of `docqa eval --json --details`."""
    tally = result.rules
    return {"questions": question_details(result.qa.get(system, [])),
            "findings": list(getattr(tally, "items", []) if tally else [])}


def show(console, block: dict, failures_only: bool = False) -> None:
    """Two tables: questions, then expected findings; failures first."""
    from rich.markup import escape
    from rich.table import Table

    qs = sorted(block["questions"], key=lambda r: r["verdict"] == "right")
    t = Table(title=f"Questions ({sum(r['verdict'] != 'right' for r in qs)} of {len(qs)} not right)",
              show_lines=False, expand=True)
    for col, kw in (("", {"width": 3}), ("id", {"width": 10, "overflow": "fold"}), ("question", {"ratio": 3}),
                    ("expected", {"ratio": 1}), ("answer", {"ratio": 3}), ("citation", {"ratio": 1})):
        t.add_column(col, overflow=kw.pop("overflow", "fold"), **kw)
    for r in qs:
        if failures_only and r["verdict"] == "right":
            continue
        mark = {"right": "[green]✓", "wrong page": "[yellow]~", "wrong": "[red]✗"}[r["verdict"]]
        exp = f"{r['expected']} p{','.join(map(str, r['expected_pages']))}" if r["expected_pages"] else str(r["expected"])
        t.add_row(mark, escape(str(r["id"])), escape(r["question"]), escape(exp), escape(r["answer"]),
                  escape(r["citation"] or "—"))
    console.print(t)
    fs = sorted(block["findings"], key=lambda r: r["verdict"] == "found")
    f = Table(title=f"Expected findings ({sum(r['verdict'] == 'missed' for r in fs)} of {len(fs)} missed)",
              expand=True)
    for col, kw in (("", {"width": 3}), ("document", {"ratio": 2}), ("page", {"width": 5}), ("kind", {"ratio": 1}),
                    ("expected", {"ratio": 3}), ("nearest reported finding", {"ratio": 3})):
        f.add_column(col, overflow="fold", **kw)
    for r in fs:
        if failures_only and r["verdict"] == "found":
            continue
        mark = "[green]✓" if r["verdict"] == "found" else "[red]✗"
        exp = r["expected"] or " ".join(f"{n:g}" for n in r["numbers"])
        near = f"p{','.join(map(str, r['reported_pages']))} {r['reported']}" if r["reported"] else "—"
        f.add_row(mark, escape(r["source"]), str(r["page"]), escape(r["kind"]), escape(exp), escape(near))
    console.print(f)
