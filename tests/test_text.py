"""Text documents (.txt/.md): headings, paragraphs, tab-separated tables with their captions and notes."""
from pathlib import Path

import pytest

from index.document import ParseError
from index.load import load
from index.text import parse_text_string

SAMPLE = "\n".join([
    "示例区测试局",
    "2025年部门预算公开",
    "",
    "第一部分 部门概况",
    "一、主要职责",
    "负责本区的测试工作。",
    "第二部分 情况说明",
    "一、收支预算总体情况说明",
    "2025年收入预算310.00万元，其中：一般公共预算300.00万元。",
    "",
    "收支总表",
    "单位名称：示例区测试局",
    "单位：万元",
    "收入\t\t支出\t",
    "项目\t金额\t项目\t金额",
    "一、一般公共预算\t300.00\t一、一般公共服务\t310.00",
    "二、上年结转\t10.00\t\t",
    "收入总计\t310.00\t支出总计\t310.00",
    "注：本表无数据的项目以空白列示。",
    "",
    "政府性基金预算支出表",
    "单位：万元",
    "科目编码\t科目名称\t合计",
    "注：本单位没有政府性基金预算支出，故本表无数据。",
])


def test_document_facts_from_the_cover():
    doc = parse_text_string(SAMPLE, "sample.txt")
    assert (doc.kind, doc.year, doc.entity) == ("budget", 2025, "示例区测试局")


def test_tables_get_title_unit_and_notes():
    doc = parse_text_string(SAMPLE, "sample.txt")
    assert [t.title for t in doc.tables] == ["收支总表", "政府性基金预算支出表"]
    assert all(t.unit == "万元" for t in doc.tables)
    assert "故本表无数据" in doc.tables[1].notes[0]
    total = next(r for r in doc.tables[0].rows if r.label == "收入总计")
    assert total.values[0] == 310.0


def test_paragraphs_carry_their_section_path():
    doc = parse_text_string(SAMPLE, "sample.txt")
    para = next(p for p in doc.paragraphs if "收入预算" in p.text)
    assert para.section == "第二部分情况说明 / 一、收支预算总体情况说明"
    # captions and notes are not paragraphs
    assert not any(p.text.startswith(("单位：", "收支总表", "注：")) for p in doc.paragraphs)


def test_form_feeds_are_pages():
    doc = parse_text_string(SAMPLE.replace("第二部分", "\f第二部分"), "sample.txt")
    assert doc.pages == 2
    assert next(p for p in doc.paragraphs if "收入预算" in p.text).page == 2


def test_gbk_text_is_decoded(tmp_path: Path):
    f = tmp_path / "gbk.txt"
    f.write_bytes(SAMPLE.encode("gbk"))
    assert load(f).entity == "示例区测试局"


@pytest.mark.parametrize("content,message", [(b"", "empty"), (b"\x00\x01\x02binary", "not a text file")])
def test_bad_text_files_fail_with_one_line(tmp_path: Path, content: bytes, message: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(ParseError, match=message):
        load(f)


def test_unsupported_suffix(tmp_path: Path):
    f = tmp_path / "report.docx"
    f.write_bytes(b"PK\x03\x04")
    with pytest.raises(ParseError, match="unsupported file type"):
        load(f)


def test_real_seeds_parse_with_their_facts(seed_paths):
    facts = {load(p).entity: load(p) for p in seed_paths}
    assert set(facts) == {"南阳市医疗保障局本级", "泗县医疗保障局", "济源产城融合示范区医疗保障局", "新乡县医疗保障局"}
    final = facts["新乡县医疗保障局"]
    assert (final.kind, final.year) == ("final", 2024)
    total = final.tables[0]
    assert total.title == "收入支出决算总表" and total.unit == "万元"
    assert next(r for r in total.rows if r.label == "本年收入合计").values[0] == 719.68


def test_a_sentence_broken_over_two_paragraphs_is_read_whole():
    doc = parse_text_string("某某局2024年部门预算\n\n2024年，本单位纳入预算绩效管理的项目支出合计为二百一十六万元，即项目支\n\n"
                            "出216.20万元，涉及项目15个。\n\n本单位纳入绩效管理的项目情况详见下列各表，表中列示全部项目\n\n"
                            "项目支出绩效目标表\n\n单位：万元\n\n项目名称\t金额\n甲项目\t216.20\n", "t.txt")
    texts = [p.text for p in doc.paragraphs]
    assert any(t.endswith("即项目支出216.20万元，涉及项目15个。") for t in texts)
    # A table's title is never the end of a sentence.
    assert doc.tables[0].title == "项目支出绩效目标表"


def test_a_sentence_cut_before_a_rate_or_an_amount_is_read_whole_and_an_ordinal_still_opens_an_item():
    # (the line after the cut starts with a figure, 17.89%: a decimal point is no item's ordinal, as 2. is)
    doc = parse_text_string("某某局2026年部门预算\n\n本部门当年一般公共预算培训费预算支出140.26万元，较上年减少30.56万元，下降\n\n"
                            "17.89%，下降的主要原因是压减培训费预算。\n\n"
                            "本部门当年一般公共预算会议费预算支出46.18万元，较上年减少5.2万元，即增长了\n\n"
                            "-5.2万元。\n\n"
                            "本部门其他说明如下，详见各表所列的全部数据，这些数据均为四舍五入的结果，说明\n\n"
                            "2.2026 年部门预算中所有数据保留两位小数。\n", "t.txt")
    texts = [p.text for p in doc.paragraphs]
    assert any(t.endswith("下降17.89%，下降的主要原因是压减培训费预算。") for t in texts)
    assert any(t.endswith("增长了-5.2万元。") for t in texts)
    assert "2.2026 年部门预算中所有数据保留两位小数。" in texts
