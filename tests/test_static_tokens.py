"""The static model's tokenizer reads Chinese text as words of its vocabulary, the same after a save and a reload,
and the same on every build."""
from tokenizers import Tokenizer

from index.static_tokens import UNK, build_tokenizer, vocabulary_of

VOCAB = ["一般公共预算", "预算", "财政拨款", "支出", "三公", "经费", "公务用车", "运行", "维护", "是", "多少"] + \
    list("一般公共预算财政拨款支出三公经费务用车运行维护是多少年费") + list("0123456789abc%.")


def _tokens(tok: Tokenizer, text: str) -> list[str]:
    return tok.encode(text, add_special_tokens=False).tokens


def test_longest_match_inside_a_run_of_chinese_text(tmp_path):
    tok = build_tokenizer(VOCAB)
    expected = ["2", "0", "2", "4", "年", "一般公共预算", "财政拨款", "支出"]
    assert _tokens(tok, "2024年一般公共预算财政拨款支出") == expected
    path = tmp_path / "tokenizer.json"
    tok.save(str(path))
    again = Tokenizer.from_file(str(path))
    assert _tokens(again, "2024年一般公共预算财政拨款支出") == expected  # nothing lost in the file
    assert _tokens(again, "公务用车运行维护费是多少？") == ["公务用车", "运行", "维护", "费", "是", "多少", UNK]
    assert len(vocabulary_of(again)) == len(set(VOCAB)) + 1


def test_an_unknown_character_is_one_unk_not_the_whole_run():
    assert _tokens(build_tokenizer(VOCAB), "三公经费√预算") == ["三公", "经费", UNK, "预算"]


def test_two_builds_are_the_same_file():
    assert build_tokenizer(VOCAB).to_str() == build_tokenizer(list(VOCAB)).to_str()
