"""qa.unit_row tells a department's own figures from those its tables print for each of its units."""
from index.chunk import Chunk
from qa.unit_row import other_unit, row_unit


def row(text: str, entity: str = "深圳市人力资源和社会保障局", budget_unit: str | None = None) -> Chunk:
    return Chunk(id="c", source="d.pdf", kind="row", pages=[1], text=text, entity=entity, budget_unit=budget_unit)


def test_a_row_of_a_subordinate_units_block_is_not_the_departments_figure():
    office = row("一般公共预算支出表（按经济分类）（万元）｜公务接待费 30217（商品和服务支出）（预算单位：深圳市考试院）：支出总计=0.32",
                 budget_unit="深圳市考试院")
    assert row_unit(office) == "深圳市考试院"
    assert other_unit(office, "深圳市人社局2026年公务接待费是多少") == "深圳市考试院"
    # …unless the question names that unit, in full or without its place
    assert other_unit(office, "深圳市考试院2026年公务接待费是多少") is None
    assert other_unit(office, "考试院2026年公务接待费是多少") is None


def test_a_units_line_of_a_three_public_expenses_table_says_whose_it_is_in_its_cell():
    line = "财政拨款“三公”经费支出表（万元）｜2026 年：预算单位={}；总计/一般公共预算=24.23；公务接待费/一般公共预算=24.23"
    assert other_unit(row(line.format("深圳市人力资源和社会保障局")), "深圳人社局2026年公务接待费") is None
    assert other_unit(row(line.format("深圳技师学院")), "深圳人社局2026年公务接待费") == "深圳技师学院"
    # a cell cut short by a wrapped line (深圳市人力资源和社会保障) is the department's own
    assert other_unit(row(line.format("深圳市人力资源和社会保障")), "深圳人社局2026年公务接待费") is None


def test_the_departments_own_office_answers_only_when_the_question_says_so():
    own = row("收支总表（万元）｜办公费 30201（商品和服务支出）（预算单位：深圳市人力资源和社会保障局（本级））：支出总计=112.71",
              budget_unit="深圳市人力资源和社会保障局（本级）")
    assert other_unit(own, "深圳人社局2026年办公费是多少") == "深圳市人力资源和社会保障局（本级）"
    assert other_unit(own, "深圳人社局本级2026年办公费是多少") is None
    # a document of the own office alone: its 本级 rows are the unit asked
    assert other_unit(row(own.text, entity="深圳市人力资源和社会保障局(本级)",
                          budget_unit="深圳市人力资源和社会保障局（本级）"), "深圳人社局2026年办公费是多少") is None


def test_a_row_printed_for_no_unit_is_the_documents():
    assert other_unit(row("收支总表（万元）｜办公费：支出总计=112.71"), "深圳人社局2026年办公费是多少") is None
