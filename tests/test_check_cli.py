"""`docqa check` end to end: JSON contract, reports in every format, bad inputs beside good ones."""
import json
from pathlib import Path

import pymupdf
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from docqa.cli import app
from tests.budgetdoc import EXPENDITURE, TITLE

runner = CliRunner()
SHARE_WRONG = "2024年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元，占40.00%。"


def write_doc(tmp_path: Path, name: str = "unit.txt", paragraph: str = SHARE_WRONG) -> Path:
    f = tmp_path / name
    f.write_text("\n\n".join([TITLE, paragraph, EXPENDITURE]), encoding="utf-8")
    return f


def write_pdf(path: Path, lines: list[str]) -> Path:
    pdf = pymupdf.open()
    page = pdf.new_page()
    for i, line in enumerate(lines):
        page.insert_text((50, 72 + 16 * i), line, fontname="china-s", fontsize=10)
    pdf.save(path)
    return path


def test_json_contract(tmp_path):
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["documents"][0]
    assert {"source", "kind", "year", "entity", "findings"} <= set(doc)
    share = next(f for f in doc["findings"] if f["rule"] == "percentage.share")
    assert share["severity"] == "error" and share["expected"] == 60.0 and share["actual"] == 70.0
    assert "60.00÷100.00" in share["computation"]
    assert share["explanation_source"] == "template" and share["explanation"]
    assert set(share) >= {"id", "rule", "kind", "severity", "message", "expected", "actual", "unit", "evidence",
                          "explanation", "explanation_source"}


def test_bad_file_is_reported_and_the_good_one_still_checked(tmp_path):
    good = write_doc(tmp_path)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not really a pdf")
    result = runner.invoke(app, ["check", str(good), str(bad), "--json", "--workers", "1"])
    assert result.exit_code == 2
    docs = json.loads(result.stdout)["documents"]
    assert docs[0]["findings"] and docs[1]["error"].startswith(str(bad))


def test_html_report_is_self_contained_and_escaped(tmp_path):
    f = write_doc(tmp_path, paragraph="<script>alert(1)</script>" + SHARE_WRONG)
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["check", str(f), "--format", "html", "--out", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "http" not in html.split("<body>")[0]  # no external stylesheet or script


def test_script_in_a_pdf_reaches_the_html_report_escaped(tmp_path):
    src = write_pdf(tmp_path / "hostile.pdf", [TITLE, "<script>alert(1)</script>" + SHARE_WRONG[:24], SHARE_WRONG[24:]])
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["check", str(src), "--json", "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert any("<script>" in e["text"] for f in findings for e in f["evidence"])  # the text did reach a finding
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_xlsx_and_markdown_reports(tmp_path):
    f = write_doc(tmp_path)
    xlsx, md = tmp_path / "r.xlsx", tmp_path / "r.md"
    assert runner.invoke(app, ["check", str(f), "--format", "xlsx", "--out", str(xlsx)]).exit_code == 0
    ws = load_workbook(xlsx)["问题清单"]
    assert [c.value for c in ws[1]][:3] == ["文件", "页码", "严重程度"] and ws.freeze_panes == "A2"
    assert any(row[2] == "错误" for row in ws.iter_rows(min_row=2, values_only=True))
    assert runner.invoke(app, ["check", str(f), "--format", "md", "--out", str(md)]).exit_code == 0
    assert "60.00÷100.00" in md.read_text(encoding="utf-8")


def test_pdf_report_highlights_the_evidence(tmp_path):
    src = write_pdf(tmp_path / "unit.pdf", [TITLE, SHARE_WRONG[:30], SHARE_WRONG[30:]])
    out = tmp_path / "checked.pdf"
    result = runner.invoke(app, ["check", str(src), "--format", "annotated-pdf", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert findings
    checked = pymupdf.open(out)
    annot = checked[0].first_annot
    assert annot is not None and "DocQA" in annot.info["title"]


def test_unknown_rule_pack_fails_cleanly(tmp_path):
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--rules", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2


CLEAN = "2024年支出预算100.00万元，其中：基本支出60.00万元，项目支出40.00万元。"


def test_fail_on_sets_exit_1_for_that_severity_or_worse(tmp_path):
    wrong, clean = write_doc(tmp_path), write_doc(tmp_path, "clean.txt", CLEAN)
    assert runner.invoke(app, ["check", str(wrong), "--json", "--fail-on", "error"]).exit_code == 1
    assert runner.invoke(app, ["check", str(wrong), "--json", "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["check", str(wrong), "--json"]).exit_code == 0
    clean_result = runner.invoke(app, ["check", str(clean), "--json", "--fail-on", "warning"])
    assert clean_result.exit_code == 0, json.loads(clean_result.stdout)
    assert runner.invoke(app, ["check", str(wrong), "--fail-on", "info"]).exit_code == 2


def test_each_unparseable_input_gets_one_stderr_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_doc(folder, "good.txt")
    (folder / "a.pdf").write_bytes(b"not a pdf")
    (folder / "b.pdf").write_bytes(b"")
    result = runner.invoke(app, ["check", str(folder), "--json", "--workers", "2"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 2 and str(folder / "a.pdf") in lines[0] and str(folder / "b.pdf") in lines[1]
    assert [d["error"] is None for d in json.loads(result.stdout)["documents"]] == [False, False, True]


def test_bad_options_fail_cleanly(tmp_path):
    f = str(write_doc(tmp_path))
    for args in (["--format", "html"], ["--out", str(tmp_path / "x.html")], ["--workers", "-1"],
                 ["--format", "md", "--out", str(tmp_path / "missing" / "r.md")]):
        result = runner.invoke(app, ["check", f, *args])
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, args


def test_several_pdfs_become_one_copy_each_in_the_out_folder(tmp_path):
    sources = [str(write_pdf(tmp_path / name, [TITLE, SHARE_WRONG[:30], SHARE_WRONG[30:]]))
               for name in ("one.pdf", "two.pdf")]
    text = str(write_doc(tmp_path))
    out = tmp_path / "checked"
    out.mkdir()
    result = runner.invoke(app, ["check", *sources, text, "--format", "annotated-pdf", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["01-one-annotated.pdf", "02-two-annotated.pdf"]
    assert "is not a PDF, so it has no annotated copy" in result.stderr


@pytest.fixture
def llm_configured(monkeypatch):
    """Settings that name an LLM (a closed port: any real request would fail, so tests replace the explainer)."""
    monkeypatch.setenv("DOCQA_LLM", "on")
    monkeypatch.setenv("DOCQA_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("DOCQA_LLM_MODEL", "m")


def test_configured_llm_rewrites_explanations_unless_no_llm(tmp_path, monkeypatch, llm_configured):
    import qa.explain

    calls = []

    def fake_explain(reports, settings):
        calls.append(settings.llm.model)
        for r in reports:
            for f in r.findings:
                f.explanation, f.explanation_source = "模型解释", "llm"
        return 1

    monkeypatch.setattr(qa.explain, "explain_reports", fake_explain)
    f = str(write_doc(tmp_path))
    finding = json.loads(runner.invoke(app, ["check", f, "--json"]).stdout)["documents"][0]["findings"][0]
    assert calls == ["m"] and finding["explanation_source"] == "llm"
    finding = json.loads(runner.invoke(app, ["check", f, "--json", "--no-llm"]).stdout)["documents"][0]["findings"][0]
    assert calls == ["m"] and finding["explanation_source"] == "template"


def test_without_the_explain_module_templates_stay(tmp_path, monkeypatch, llm_configured):
    monkeypatch.setitem(__import__("sys").modules, "qa.explain", None)  # import fails as if absent
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"][0]["findings"][0]["explanation_source"] == "template"
    assert "template explanations kept" in result.stderr


def test_a_failing_explainer_keeps_templates_and_findings(tmp_path, monkeypatch, llm_configured):
    import qa.explain

    def broken(reports, settings):
        raise ConnectionError("endpoint down")

    monkeypatch.setattr(qa.explain, "explain_reports", broken)
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--json"])
    assert result.exit_code == 0
    finding = json.loads(result.stdout)["documents"][0]["findings"][0]
    assert finding["explanation_source"] == "template" and finding["explanation"]
    assert "LLM explanations failed (ConnectionError)" in result.stderr
