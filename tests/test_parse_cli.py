"""`docqa parse`: the JSON contract on a generated PDF, and a folder of good and bad files (exit 2)."""
import json

import pytest
from typer.testing import CliRunner

from docqa.cli import app
from eval.generate import Spec, build, render_pdf

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    sample = build(Spec(entity="示例市数据管理局", year=2025, kind="budget", unit="元", seed=3))
    return render_pdf(sample, tmp_path_factory.mktemp("pdf") / "sample.pdf")


def test_json_contract(sample_pdf):
    result = runner.invoke(app, ["parse", str(sample_pdf), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["kind"], data["year"], data["entity"]) == ("budget", 2025, "示例市数据管理局")
    assert data["source"] == str(sample_pdf) and data["pages"] >= 2
    table = data["tables"][0]
    assert set(table) >= {"id", "title", "unit", "pages", "header", "rows"}
    assert table["unit"] == "元" and all(isinstance(path, list) for path in table["header"])
    row = table["rows"][0]
    assert set(row) >= {"label", "code", "values", "page"}
    assert all(v is None or isinstance(v, (int, float)) for v in row["values"])
    assert {"id", "page", "section", "text"} <= set(data["paragraphs"][0])


def test_summary_names_the_tables(sample_pdf):
    result = runner.invoke(app, ["parse", str(sample_pdf)])
    assert result.exit_code == 0
    assert "示例市数据管理局" in result.stdout and "2025年部门支出预算总表" in result.stdout
    assert "7,8" in result.stdout  # the expenditure table is continued over two pages


def test_folder_parses_good_files_and_reports_bad_ones(sample_pdf, tmp_path):
    (tmp_path / "good.pdf").write_bytes(sample_pdf.read_bytes())
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "text.pdf").write_bytes("不是PDF".encode())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00" * 500)
    result = runner.invoke(app, ["parse", str(tmp_path), "--json"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3 and len(result.stderr.strip().splitlines()) == 3
    data = json.loads(result.stdout)
    assert [d["source"] for d in data["documents"]] == [str(tmp_path / "good.pdf")]
    assert sorted(e["source"].rsplit("/", 1)[-1] for e in data["errors"]) == ["broken.pdf", "empty.pdf", "text.pdf"]


def test_missing_file_is_one_line(tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
