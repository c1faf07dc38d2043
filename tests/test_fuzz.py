"""Property tests: number parsing, claim extraction, table building and text parsing never crash on any input,
and what they return keeps its invariants."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.document import Paragraph, ParseError
from index.grid import GridRow, build_table
from index.numbers import parse_number
from index.text import parse_text_string
from rules.claims import paragraph_claims
from rules.engine import check_document

CJK_TEXT = st.text(
    alphabet=st.sampled_from(list("收入支出合计预算决算增加减少增长下降占万元%.,，。：；（）0123456789 \t其中基本项目")),
    max_size=200,
)
CELL = st.one_of(
    st.sampled_from(["", "合计", "类", "款", "项", "201", "20101", "2010101", "—", "栏次", "项目"]),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(lambda d: f"{d:,}"),
    st.text(max_size=8),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=40))
def test_parse_number_never_raises(text):
    n = parse_number(text)
    assert n is None or isinstance(n.value, float)


@FAST
@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_formatted_amounts_round_trip(d):
    assert parse_number(f"{d:,}").value == float(d)


@FAST
@given(CJK_TEXT)
def test_claim_extraction_never_raises_and_points_into_its_text(text):
    for claim in paragraph_claims(Paragraph(id="p1", page=3, section=None, text=text)):
        assert claim.page == 3


@FAST
@given(st.lists(st.lists(CELL, min_size=1, max_size=8), min_size=1, max_size=12))
def test_table_building_keeps_values_aligned_with_header(grid):
    table = build_table(table_id="t1", title="表", unit="万元", grid=[GridRow(cells=r) for r in grid])
    for row in table.rows:
        assert len(row.values) == len(table.header)
        assert all(v is None or isinstance(v, float) for v in row.values)


@FAST
@given(st.lists(st.one_of(CJK_TEXT, st.lists(CELL, min_size=2, max_size=6).map("\t".join)), max_size=30))
def test_text_parsing_and_checking_either_work_or_fail_cleanly(lines):
    try:
        doc = parse_text_string("\n".join(lines), "fuzz.txt")
    except ParseError as exc:
        assert "\n" not in str(exc)
        return
    report = check_document(doc)
    assert report.rule_failures == [], report.rule_failures


def test_examples_hypothesis_found_stay_fixed():
    """Superscript digits are not column numbers (isdigit() accepts ¹), and a ragged row whose unit and name
    columns take turns keeps the row's own indent list."""
    from index.grid import is_column_numbers

    assert not is_column_numbers(["¹", "2", "3"])
    lines = ["4%万6（42下\t计合支万万4收0长2", "652.81\t4,784.41\t\x88\t91,224.44\t2010101\t76,814.31", "少合项",
             "\t34,969.31", "7,067,068.68\t20101\t\x88", "4.69\t\t\t×ö<äN÷", "", "", "下"]
    report = check_document(parse_text_string("\n".join(lines), "fuzz.txt"))
    assert report.rule_failures == []
