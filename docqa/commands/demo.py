"""`docqa demo`: generate a sample disclosure and run the whole pipeline on it (no network, no LLM)."""
from __future__ import annotations

import tempfile
from pathlib import Path

import typer
from rich.table import Table as RichTable

from docqa.console import console, print_json


def _inject(text: str, facts: dict) -> tuple[str, list[str]]:
    """Three contradictions a reviewer should catch: a share, a narrative amount and a table total."""
    injected = []
    total, basic = facts["total"], facts["basic"]
    share = f"占{basic / total * 100:.2f}%"
    if share in text:
        text = text.replace(share, f"占{basic / total * 100 + 3:.2f}%", 1)
        injected.append(f"基本支出占比 {share} → 多写3个百分点")
    sg = f"“三公”经费预算{facts['sangong']:.2f}万元"
    if sg in text:
        text = text.replace(sg, f"“三公”经费预算{facts['sangong'] + 5:.2f}万元", 1)
        injected.append("“三公”经费叙述金额多写5万元")
    marker = f"\t合计\t{facts['total']:,.2f}\t{facts['basic']:,.2f}\t"
    if marker in text:
        text = text.replace(marker, f"\t合计\t{facts['total'] + 100:,.2f}\t{facts['basic']:,.2f}\t", 1)
        injected.append("支出总表合计行多写100万元")
    return text, injected


def command(
    out: Path | None = typer.Option(None, "--out", help="Keep the generated files in this folder."),
    seed: int = typer.Option(7, "--seed", help="Seed of the generated sample."),
    as_json: bool = typer.Option(False, "--json", help="Print the demo's results as JSON."),
) -> None:
    """Generate a sample budget disclosure, then parse, check, ingest and ask."""
    from eval.generate import Spec, build, render_pdf, render_text
    from index.ingest import ingest_paths
    from index.pdf import parse_pdf
    from index.text import parse_text_string
    from qa.answer import ask
    from rules.engine import check_document

    folder = out or Path(tempfile.mkdtemp(prefix="docqa-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    sample = build(Spec(seed=seed))
    text = render_text(sample)
    (folder / "sample.txt").write_text(text, encoding="utf-8")
    pdf = render_pdf(sample, folder / "sample.pdf")
    result: dict = {"folder": str(folder)}

    doc = parse_pdf(pdf)
    result["parse"] = {"pages": doc.pages, "tables": len(doc.tables), "paragraphs": len(doc.paragraphs),
                       "kind": doc.kind, "year": doc.year, "entity": doc.entity}
    clean = check_document(doc)
    broken_text, injected = _inject(text, sample.facts)
    (folder / "sample-with-errors.txt").write_text(broken_text, encoding="utf-8")
    broken = check_document(parse_text_string(broken_text, str(folder / "sample-with-errors.txt")))
    result["check"] = {
        "clean_errors": sum(f.severity == "error" for f in clean.findings),
        "injected": injected,
        "found": [{"rule": f.rule, "message": f.message, "computation": f.computation}
                  for f in broken.findings if f.severity == "error"],
    }
    store = folder / "store"
    ingest_paths([pdf], store, progress=not as_json)
    answers = [ask(q["question"], store) for q in sample.qa]
    result["ask"] = [{"question": a.question, "answer": a.answer, "value": a.value, "expected": q["value"],
                      "page": a.citations[0].page if a.citations else None, "expected_page": q["page"]}
                     for a, q in zip(answers, sample.qa)]
    if as_json:
        print_json(result)
        return
    _show(result, doc)


def _show(result: dict, doc) -> None:
    p = result["parse"]
    console.rule("[bold]1. parse")
    console.print(f"{p['entity']} · {p['year']} · {p['kind']} · {p['pages']} 页 · {p['tables']} 张表 · "
                  f"{p['paragraphs']} 段", highlight=False)
    t = RichTable()
    for col in ("表", "单位", "页", "行"):
        t.add_column(col)
    for tb in doc.tables:
        t.add_row(tb.title, tb.unit or "-", ",".join(map(str, tb.pages)), str(len(tb.rows)))
    console.print(t)
    c = result["check"]
    console.rule("[bold]2. check")
    console.print(f"干净样本的错误数：{c['clean_errors']}", highlight=False)
    console.print("注入的矛盾：" + "；".join(c["injected"]), highlight=False)
    for f in c["found"]:
        console.print(f"[red]发现[/] {f['message']}  [dim]{f['computation']}", highlight=False)
    console.rule("[bold]3. ask")
    for a in result["ask"]:
        ok = "[green]✓" if a["value"] is not None and abs(a["value"] - a["expected"]) < 0.01 else "[red]✗"
        console.print(f"{ok}[/] {a['question']}\n   {a['answer']}  [dim](第 {a['page']} 页)", highlight=False)
    console.print(f"[dim]files in {result['folder']}", highlight=False)
