"""Cell accuracy of the PDF parser against ground truth: each real seed text is rendered into a PDF with ruled
tables (merged header cells included), parsed back, and every cell compared with the text parse."""
import pytest

from eval.generate.from_document import render_document
from index.pdf import parse_pdf
from index.text import parse_text


def cells(table) -> list:
    out = [("header", i, tuple(p)) for i, p in enumerate(table.header)]
    for n, r in enumerate(table.rows):
        out += [("label", n, r.label), ("code", n, r.code)] + [("value", n, i, v) for i, v in enumerate(r.values)]
    return out


def accuracy(text_doc, pdf_doc, titled_only: bool = False) -> tuple[int, int]:
    right = total = 0
    pdf_tables = list(pdf_doc.tables)
    for t in text_doc.tables:
        if not t.grid or (titled_only and not t.title):
            continue
        truth = cells(t)
        match = next((p for p in pdf_tables if p.title == t.title and len(p.header) == len(t.header)), None)
        got = set(cells(match)) if match else set()
        if match:
            pdf_tables.remove(match)
        total += len(truth)
        right += sum(c in got for c in truth)
    return right, total


def test_seed_tables_survive_rendering_and_parsing(seed_paths, tmp_path):
    right = total = titled_right = titled_total = 0
    for path in seed_paths:
        text_doc = parse_text(path)
        pdf_doc = parse_pdf(render_document(text_doc, tmp_path / (path.stem + ".pdf")))
        r, t = accuracy(text_doc, pdf_doc)
        tr, tt = accuracy(text_doc, pdf_doc, titled_only=True)
        print(f"{path.name}: all tables {r}/{t} = {r / t:.4f}; titled tables {tr}/{tt} = {tr / tt:.4f}")
        right, total, titled_right, titled_total = right + r, total + t, titled_right + tr, titled_total + tt
    print(f"all seeds: all tables {right / total:.4f}, titled tables {titled_right / titled_total:.4f}")
    # Untitled tables count too: 绩效自评 forms printed back to back share their first row and must stay apart.
    assert titled_right / titled_total >= 0.99
    assert right / total >= 0.99
