"""`docqa check --rules/--select/--ignore` and `docqa rules`: bad packs and unknown rules end in one line, exit 2."""
import json
from pathlib import Path

from typer.testing import CliRunner

from docqa.cli import app
from tests.budgetdoc import EXPENDITURE, TITLE

runner = CliRunner()
SHARE_WRONG = "2024年支出预算100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元，占40.00%。"
TYPO_PACK = "tolerence:\n  narative.amount_vs_table: {digits: 1.0}\n"


def write_doc(tmp_path: Path, paragraph: str = SHARE_WRONG) -> Path:
    f = tmp_path / "unit.txt"
    f.write_text("\n\n".join([TITLE, paragraph, EXPENDITURE]), encoding="utf-8")
    return f


def _rules(result) -> set[str]:
    return {f["rule"] for f in json.loads(result.stdout)["documents"][0]["findings"]}


def test_the_typo_pack_is_one_line_and_exit_2(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(TYPO_PACK, encoding="utf-8")
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--rules", str(pack), "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "tolerence" in lines[0] and "Traceback" not in result.stderr, result.stderr


def test_a_pack_can_switch_a_rule_off(tmp_path):
    pack = tmp_path / "off.yaml"
    pack.write_text("rules:\n  percentage.share: {enabled: false}\n", encoding="utf-8")
    doc = write_doc(tmp_path)
    assert "percentage.share" in _rules(runner.invoke(app, ["check", str(doc), "--json"]))
    assert "percentage.share" not in _rules(runner.invoke(app, ["check", str(doc), "--json", "--rules", str(pack)]))


def test_select_and_ignore(tmp_path):
    doc = write_doc(tmp_path)
    every = _rules(runner.invoke(app, ["check", str(doc), "--json"]))
    assert "percentage.share" in every
    only = runner.invoke(app, ["check", str(doc), "--json", "--select", "percentage"])
    assert only.exit_code == 0 and _rules(only) == {r for r in every if r.startswith("percentage.")}
    rest = runner.invoke(app, ["check", str(doc), "--json", "--ignore", "percentage.share"])
    assert _rules(rest) == every - {"percentage.share"}
    both = runner.invoke(app, ["check", str(doc), "--json", "--select", "percentage,wording", "--ignore", "percentage.share"])
    assert "percentage.share" not in _rules(both)


def test_an_unknown_rule_is_one_line_and_exit_2(tmp_path):
    result = runner.invoke(app, ["check", str(write_doc(tmp_path)), "--select", "percentage.shares"])
    assert result.exit_code == 2 and "unknown rule or kind: percentage.shares" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_rules_command_lists_kind_severity_options_and_documentation():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    assert "percentage.share  (percentage, error)" in result.stdout
    assert "digits: float = 0.5" in result.stdout
    data = json.loads(runner.invoke(app, ["rules", "--json"]).stdout)["rules"]
    share = next(r for r in data if r["id"] == "percentage.share")
    assert share["kind"] == "percentage" and share["doc"] and share["options"][0]["name"] == "digits"
    assert share["options"][0]["description"]
    assert len(data) >= 31 and all(r["summary"] for r in data)


def test_rules_command_shows_a_packs_values(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  percentage.share: {digits: 2, severity: warning}\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["rules", "--json", "--rules", str(pack), "--select", "percentage.share"]).stdout)
    (share,) = data["rules"]
    assert share["severity"] == "warning" and share["options"][0]["value"] == 2.0
    bad = runner.invoke(app, ["rules", "--rules", str(pack), "--select", "nope"])
    assert bad.exit_code == 2 and "unknown rule or kind: nope" in bad.stderr
