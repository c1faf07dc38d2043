"""qa.unit_row tells a department's own figures from those its tables print for each of its units."""
from index.chunk import Chunk
from qa.unit_row import OWN_OFFICE, in_other_section, other_sections, other_unit, own_office_alone, row_unit, units_named


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


def test_a_subordinate_unit_is_named_by_what_tells_it_from_its_department():
    squad = row("一般公共预算支出明细表（万元）｜租赁费 30214（商品和服务支出）（预算单位：西安市安全生产执法监察支队）：合计=107.00",
                entity="西安市安全生产监督管理局", budget_unit="西安市安全生产执法监察支队")
    assert other_unit(squad, "西安安监局下面那支执法监察队伍的租赁费是多少") is None
    assert other_unit(squad, "西安安监局2019年租赁费是多少") == "西安市安全生产执法监察支队"
    # the words the unit shares with its department (安全生产) name no unit
    assert other_unit(squad, "西安安监局安全生产方面的租赁费是多少") == "西安市安全生产执法监察支队"


def test_the_own_office_is_asked_in_words_as_well_as_by_本级():
    assert OWN_OFFICE.search("西安安监局机关本身（不算下属单位）的福利费")
    assert OWN_OFFICE.search("不含下属单位的人员经费")
    assert OWN_OFFICE.search("深圳人社局本级的办公费")
    assert not OWN_OFFICE.search("深圳人社局2026年机关运行经费是多少")


class _Store:
    """The chunks of one document, as qa.retrieve's lazy chunks give them."""

    def __init__(self, chunks):
        self.chunks = {f"c{i}": c for i, c in enumerate(chunks)}

    def of_doc(self, key):
        return self.chunks


def test_the_units_a_question_names_are_those_of_the_documents_blocks_it_says():
    entity = "西安市安全生产监督管理局"
    store = _Store([row("表｜租赁费：合计=107.00", entity, "西安市安全生产执法监察支队"),
                    row("表｜租赁费：合计=5.00", entity, "西安市安全生产宣传教育中心"),
                    row("表｜福利费：合计=10.00", entity, entity)])
    assert units_named("西安安监局执法监察队伍的租房钱", ["d"], store) == ["西安市安全生产执法监察支队"]
    assert units_named("西安安监局的租房钱", ["d"], store) == []


def test_a_unit_named_whole_is_asked_not_its_siblings_that_share_its_words():
    entity = "深圳市水务局"
    store = _Store([row("表｜电费：合计=976.31", entity, "深圳市北部水源工程管理处"),
                    row("表｜电费：合计=1,200.00", entity, "深圳市东江水源工程管理处")])
    # 水源工程 is the eastern office's own words too, but the question names the northern one whole
    assert units_named("深圳水务局下面的北部水源工程管理处的电费", ["d"], store) == ["深圳市北部水源工程管理处"]
    assert units_named("深圳水务局下面两个水源工程管理处的电费", ["d"], store) == [
        "深圳市北部水源工程管理处", "深圳市东江水源工程管理处"]


def test_words_a_unit_shares_with_its_department_anywhere_in_its_name_name_no_unit():
    station = row("支出总表（万元）｜项目：支出总计=13,579.67", "深圳市生态环境局", "广东省深圳生态环境监测中心站")
    assert other_unit(station, "深圳市生态环境局（本级）2026年支出总计是多少") == "广东省深圳生态环境监测中心站"
    assert other_unit(station, "深圳生态环境局下面的环境监测站支出总计是多少") is None
    # 深圳生态 runs across its place and the department's word: no word of its own
    assert other_unit(station, "深圳生态环境局本级做碳排放核查安排了多少钱") == "广东省深圳生态环境监测中心站"


def test_the_own_office_asked_alone_is_not_the_office_compared_with_other_units():
    assert own_office_alone("西安安监局机关本身（不算下属单位）的福利费是多少")
    # 哪一块 chooses among the office's own items; 哪家 among units, the office one of them
    assert own_office_alone("深圳司法局（本级）预算拆成人员、公用、项目三块，哪一块最大")
    assert not own_office_alone("深圳司法局本级预算里，哪家单位的办公费最多")
    assert not own_office_alone("深圳工务署署本级和下面三个中心这四家预算单位，谁的物业管理费最多")
    assert not own_office_alone("深圳人社局2026年办公费是多少")


def test_a_paragraph_in_a_sibling_units_section_is_not_the_named_units():
    entity = "深圳市水务局"
    store = _Store([row("表｜电费：合计=976.31", entity, "深圳市西部水源管理中心"),
                    row("表｜电费：合计=1,200.00", entity, "深圳市东江水源工程管理处")])
    east = Chunk(id="p1", source="d.pdf", kind="paragraph", pages=[18], entity=entity,
                 section="第三部分部门预算支出具体情况 / 三、深圳市东江水源工程管理处",
                 text="3.水资源管理与保护21,595.43 万元，主要包括：水源保护管理与水政执法247.43 万元")
    store.chunks["p1"] = east
    asked_west = frozenset(units_named("深圳水务局西部水源管理中心的水政执法花多少钱", ["d"], store))
    assert asked_west == {"深圳市西部水源管理中心"}
    assert in_other_section(east, asked_west, ["d"], store)
    assert other_sections("深圳水务局西部水源管理中心的水政执法花多少钱", ["d"], store) == {"p1"}
    own = Chunk(id="p0", source="d.pdf", kind="paragraph", pages=[14], entity=entity,
                section="第三部分部门预算支出具体情况 / 一、深圳市水务局（本级）", text="编外人员401.64 万元")
    assert in_other_section(own, asked_west, ["d"], store)  # (the department's own office is another unit too)
    # the eastern office's own question, or the department's, reads it
    assert not in_other_section(east, frozenset({"深圳市东江水源工程管理处"}), ["d"], store)
    assert other_sections("深圳水务局的水政执法花多少钱", ["d"], store) == set()


def test_a_subordinate_unit_said_short_without_the_words_joining_its_parts():
    centre = row("一般公共预算支出表（按经济分类）（万元）｜委托业务费 30227（商品和服务支出）"
                 "（预算单位：深圳市建筑工务署文体和水务工程管理中心）：支出总计=383.36",
                 entity="深圳市建筑工务署", budget_unit="深圳市建筑工务署文体和水务工程管理中心")
    assert other_unit(centre, "深圳工务署文体水务中心2026年委托业务费一共多少") is None
    assert other_unit(centre, "深圳工务署2026年委托业务费一共多少") == "深圳市建筑工务署文体和水务工程管理中心"
    # (two characters left of its words, 文体, are no name of it)
    assert other_unit(centre, "深圳工务署文体方面的委托业务费一共多少") == "深圳市建筑工务署文体和水务工程管理中心"
