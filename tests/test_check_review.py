"""`docqa check` as a reviewer uses it: a baseline hides accepted findings, labels in the reader's language, --out
refusing what it cannot hold, the LLM fallback said once, --quiet, text locations by section and line."""
import json
from pathlib import Path

import pymupdf
from typer.testing import CliRunner

from docqa.cli import app
from tests.budgetdoc import EXPENDITURE, TITLE

runner = CliRunner()
WRONG = "2024年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元，占45.00%。"


def doc(tmp_path: Path, name: str = "unit.txt") -> Path:
    f = tmp_path / name
    f.write_text("\n\n".join([TITLE, "一、收支预算总体情况", WRONG, EXPENDITURE]), encoding="utf-8")
    return f


def test_baseline_hides_accepted_findings_and_shows_only_new_ones(tmp_path):
    f = doc(tmp_path)
    first = runner.invoke(app, ["check", str(f), "--json"])
    findings = json.loads(first.stdout)["documents"][0]["findings"]
    assert findings
    other = tmp_path / "other.txt"
    other.write_text("# reviewed last year\n0123456789ab\n", encoding="utf-8")
    kept = runner.invoke(app, ["check", str(f), "--json", "--baseline", str(other)])
    assert [x["id"] for x in json.loads(kept.stdout)["documents"][0]["findings"]] == [x["id"] for x in findings]
    accepted = tmp_path / "accepted.txt"
    accepted.write_text(f"# reviewed\n{findings[0]['id']}\n", encoding="utf-8")
    again = runner.invoke(app, ["check", str(f), "--json", "--baseline", str(accepted)])
    ids = [x["id"] for x in json.loads(again.stdout)["documents"][0]["findings"]]
    assert findings[0]["id"] not in ids and len(ids) == len(findings) - 1
    saved = tmp_path / "saved.json"
    saved.write_text(first.stdout, encoding="utf-8")
    none_new = runner.invoke(app, ["check", str(f), "--baseline", str(saved)])
    assert none_new.exit_code == 0 and "已按基线隐藏" in none_new.stdout and "未发现问题" in none_new.stdout
    assert runner.invoke(app, ["check", str(f), "--baseline", str(tmp_path / "nope")]).exit_code == 2


def test_report_labels_in_english_on_request(tmp_path):
    out = tmp_path / "r.md"
    result = runner.invoke(app, ["check", str(doc(tmp_path)), "--format", "md", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    assert "share miscalculated (percentage)" in md and "percentage.share" not in md
    zh = runner.invoke(app, ["check", str(doc(tmp_path))])
    assert "占比计算不符" in zh.stdout and "percentage.share" not in zh.stdout


def test_text_evidence_carries_section_and_line(tmp_path):
    data = json.loads(runner.invoke(app, ["check", str(doc(tmp_path)), "--json"]).stdout)
    share = next(f for f in data["documents"][0]["findings"] if f["rule"] == "percentage.share")
    ev = share["evidence"][0]
    assert ev["line"] == 5 and ev["section"] == "一、收支预算总体情况"  # TITLE, blank, heading, blank, sentence


def test_out_with_several_documents_must_be_a_folder(tmp_path):
    a, b = doc(tmp_path, "a.txt"), doc(tmp_path, "b.txt")
    refused = runner.invoke(app, ["check", str(a), str(b), "--format", "pdf", "--out", str(tmp_path / "x.pdf")])
    assert refused.exit_code == 2 and "must be an existing folder" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
    folder = tmp_path / "reports"
    folder.mkdir()
    ok = runner.invoke(app, ["check", str(a), str(b), "--format", "pdf", "--out", str(folder), "--quiet"])
    assert ok.exit_code == 0, ok.output
    assert sorted(p.name for p in folder.iterdir()) == ["01-a-report.pdf", "02-b-report.pdf"]
    assert "错误" in pymupdf.open(folder / "01-a-report.pdf")[0].get_text()
    assert ok.stderr == ""  # --quiet: no notes
    one_file = runner.invoke(app, ["check", str(a), "--format", "html", "--out", str(folder)])
    assert one_file.exit_code == 2 and "is a folder" in one_file.stderr


def test_an_unreachable_llm_is_said_once(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCQA_LLM", "on")
    monkeypatch.setenv("DOCQA_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("DOCQA_LLM_MODEL", "m")
    monkeypatch.setenv("DOCQA_LLM_TIMEOUT", "3")
    monkeypatch.setenv("DOCQA_LLM_CACHE", "")
    result = runner.invoke(app, ["check", str(doc(tmp_path))])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("LLM unreachable at http://127.0.0.1:9/v1") == 1
    assert "deterministic explanations used" in result.stderr
