"""The rule pack: validated against the rules, extending the default pack, one-line errors naming the key."""
import pytest

from core.errors import DocQAError, PackError
from rules.pack import load_pack
from rules.registry import RuleSet

# The probe of issue 12: two typos that used to load, drop every table type and cry wolf.
TYPO_PACK = "name: mine\ntolerence:\n  narative.amount_vs_table: {digits: 1.0}\n"


def _pack(tmp_path, text: str):
    p = tmp_path / "pack.yaml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("text, key", [
    (TYPO_PACK, "tolerence: unknown key"),
    ("rules:\n  narative.amount_vs_table: {digits: 1.0}\n",
     "rules.narative.amount_vs_table: unknown rule (did you mean narrative.amount_vs_table?)"),
    ("rules:\n  percentage.share: {digts: 1.0}\n", "rules.percentage.share.digts: unknown key (did you mean digits?)"),
    ("rules:\n  percentage.share: {digits: lots}\n", "rules.percentage.share.digits: Input should be a valid number"),
    ("rules:\n  percentage.share: {severity: fatal}\n", "rules.percentage.share.severity: Input should be"),
    ("rules:\n  metadata.year: {min_votes: 0}\n", "rules.metadata.year.min_votes: Input should be greater than"),
    ("table_types:\n  - {type: x, alias: [y]}\n", "table_types.0.alias: unknown key"),
    ("required_tables:\n  budget: [[overvew]]\n", "required_tables.budget: unknown table type 'overvew'"),
    ("- just\n- a list\n", "a rule pack must be a YAML mapping"),
    ("rules: [oops\n", "cannot read rule pack"),
])
def test_a_bad_pack_is_one_line_naming_the_key(tmp_path, text, key):
    path = _pack(tmp_path, text)
    with pytest.raises(PackError) as info:
        load_pack(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path)) and key in message, message
    assert isinstance(info.value, DocQAError)


def test_a_user_pack_extends_the_default_pack(tmp_path):
    default = load_pack()
    mine = load_pack(_pack(tmp_path, "name: mine\nrules:\n  percentage.share: {digits: 2}\n"
                                     "reason_words:\n  up: [增加]\n"))
    assert mine.name == "mine" and mine.table_types == default.table_types and mine.placeholders
    assert mine.options_for(RuleSet.default()["percentage.share"]).digits == 2.0
    assert default.options_for(RuleSet.default()["percentage.share"]).digits == 0.5
    assert mine.reason_words["up"] == ["增加"] and mine.reason_words["down"] == default.reason_words["down"]


def test_every_default_option_is_valid_and_typed():
    pack = load_pack()
    for r in RuleSet.default():
        opts = pack.options_for(r)
        assert isinstance(opts, r.options)


def test_an_empty_pack_is_the_default_pack(tmp_path):
    assert load_pack(_pack(tmp_path, "")).model_dump() == load_pack().model_dump()


def test_the_typo_pack_no_longer_changes_findings_silently(tmp_path):
    from rules.engine import check_document
    from tests.budgetdoc import make_doc

    doc = make_doc("2024年支出预算100.00万元，其中：基本支出60.00万元，项目支出40.00万元。")
    assert not [f for f in check_document(doc).findings if f.severity == "error"]
    with pytest.raises(PackError):
        load_pack(_pack(tmp_path, TYPO_PACK))
