"""`docqa demo` runs the whole pipeline on a generated sample: clean sample has no errors, injected ones are found,
and the three questions are answered with the generator's values."""
import json

from typer.testing import CliRunner

from docqa.cli import app


def test_demo_runs_end_to_end(tmp_path):
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["parse"]["tables"] >= 9 and data["parse"]["kind"] == "budget"
    assert data["check"]["clean_errors"] == 0
    assert len(data["check"]["injected"]) == 3 and len(data["check"]["found"]) >= 3
    for a in data["ask"]:
        assert a["value"] is not None and abs(a["value"] - a["expected"]) < 0.01, a
