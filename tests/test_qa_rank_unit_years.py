"""Which unit spends most, in a table that prints each unit's figures as lines of years under the unit."""
from qa.rank_unit_years import unit_year_lines
from tests.conftest import SANGONG_BY_UNIT as SANGONG



def test_the_lines_of_the_documents_year_are_the_units(tmp_path):
    from index.chunk import chunk_document
    from index.text import parse_text_string

    doc = parse_text_string(SANGONG, "sz-sangong.txt")
    doc.year = 2026
    rows = [c for c in chunk_document(doc) if c.kind == "row"]
    units = unit_year_lines(rows)
    assert [(u.label, u.facts[0]["value"]) for u in units] == [
        ("深圳市示例局", 84.0), ("深圳市示例局（本级）", 50.0), ("深圳市示例监测站", 26.0), ("深圳市示例执法支队", 8.0)]
    assert unit_year_lines([r for r in rows if r.label != "2026 年"]) == []  # (no line of the year: no units)


def test_which_subordinate_unit_spends_most_on_the_three_public_expenses(tmp_path):
    from qa.answer import ask
    from tests.conftest import store_of

    store_of(tmp_path, "sz-sangong.txt", SANGONG)
    a = ask("深圳市示例局2026年的下属单位（不算局本级）里，哪一家的财政拨款三公经费预算最高？多少？", tmp_path / "store")
    # the monitoring station's 2026 line: not the department's total, its own office, nor a column of the table
    assert a.answered and a.value == 26.0 and "监测站" in a.answer
