"""Whose block of a department's table a row group is in: the unit row above it, coded before its name or in a
code column of its own."""
from __future__ import annotations

from index.chunk import Chunk
from qa.rank_codes import coded_groups
from qa.rank_owner import blocks, owner, unit_projects, units_item, whose

TABLE = "2022年部门综合预算专项业务经费支出表"


def _row(label: str, text: str, code: str | None = None) -> Chunk:
    return Chunk(id=label + text, source="x.pdf", kind="row", pages=[57], text=f"{TABLE}（元）｜{label}：{text}",
                 table=TABLE, unit="元", label=label, code=code)


def test_a_unit_row_coded_in_a_column_of_its_own_owns_the_rows_below_it():
    rows = [_row("西安市科学技术局", "单位编码=204001；项目金额=880,000.00"), _row("其他履职尽责专项业务费", "项目金额=80.00"),
            _row("西安市社会科学院", "单位编码=204004；项目金额=4,600,000.00"), _row("其他履职尽责专项业务费", "项目金额=46.00"),
            _row("西安社科规划基金", "项目金额=26.00")]
    assert owner(rows[1], rows) == "西安市科学技术局" and owner(rows[3], rows) == "西安市社会科学院"
    # the question naming the unit below the department tells the two same-named groups apart
    assert whose([rows[1], rows[3]], rows, "社会科学院的专项业务经费里哪个项目最多", "西安市科学技术局") is rows[3]


def test_a_row_that_only_sounds_like_a_unit_owns_nothing():
    rows = [_row("西安市硬科技产业发展服务中心", "项目金额=3.00"), _row("专用项目", "项目金额=3.00")]
    assert owner(rows[1], rows) is None  # (a project named after a centre, no unit code: no block)


def test_each_units_block_of_codes_is_a_list_of_its_own():
    # a table by unit prints each unit's row (its code and name), then its own 301, 30101 …; 津贴补贴 is coded
    # 3010201 under a 30102 the table does not print
    rows = [_row("西安市安全生产监督管理局", "合计=1071.87", "125001"), _row("工资福利支出", "合计=970.84", "301"),
            _row("基本工资", "合计=237.03", "30101"), _row("津贴补贴", "合计=317.69", "3010201"),
            _row("西安市安全生产宣传教育中心", "合计=276.60", "125002"), _row("工资福利支出", "合计=248.49", "301"),
            _row("基本工资", "合计=68.47", "30101")]
    parts = blocks(rows)
    assert [len(p) for p in parts] == [4, 3]
    lists = [[c.label for c in kids] for part in parts for _, _, _, kids in coded_groups(part)]
    assert lists == [["基本工资", "津贴补贴"], ["基本工资"]]  # never the other unit's 基本工资
    assert owner(coded_groups(parts[1])[0][2], rows) == "西安市安全生产宣传教育中心"
    assert blocks(rows[1:4]) == [rows[1:4]]  # one unit's rows: the table whole
    # a table of units alone (the department's row, then its units coded below it) repeats no code: one list
    units = [_row("西安市住房和城乡建设局", "合计=52.55", "253"), _row("西安市住房和城乡建设局", "合计=2.00", "253001"),
             _row("西安市城建档案馆", "合计=9.02", "253007")]
    assert blocks(units) == [units]


def test_blocks_headed_by_a_units_name_alone_are_the_runs_of_the_budget_unit_the_parser_read():
    # 一般公共预算支出表（按经济分类） of a department by unit: each unit's name uncoded, then its own 302, 30201 …
    def row(label, text, code, unit):
        return _row(label, text, code).model_copy(update={"budget_unit": unit})
    office, centre = "深圳市建筑工务署（本级）", "深圳市建筑工务署工程管理中心"
    rows = [row(office, "支出总计=900.00", None, office), row("商品和服务支出", "支出总计=300.00", "302", office),
            row("办公费", "支出总计=100.00", "30201", office), row("劳务费", "支出总计=200.00", "30226", office),
            row(centre, "支出总计=1846.19", None, centre), row("商品和服务支出", "支出总计=1000.00", "302", centre),
            row("办公费", "支出总计=180.17", "30201", centre), row("劳务费", "支出总计=819.83", "30226", centre)]
    parts = blocks(rows)
    assert [len(p) for p in parts] == [4, 4]
    heads = [coded_groups(part)[0][2] for part in parts]
    assert [owner(h, rows) for h in heads] == ["深圳市建筑工务署本级", centre]  # (as read: no brackets)
    # the question names the centre by its whole name, which says the department's name too
    assert whose(heads, rows, "深圳市建筑工务署工程管理中心商品和服务支出里哪一项最多", "深圳市建筑工务署") is heads[1]


def test_a_unit_named_by_the_part_of_its_name_after_the_department_is_told_apart():
    rows = [_row("西安市安全生产监督管理局", "合计=1071.87", "125001"), _row("工资福利支出", "合计=970.84", "301"),
            _row("基本工资", "合计=237.03", "30101"),
            _row("西安市安全生产执法监察支队", "合计=499.88", "125003"), _row("工资福利支出", "合计=499.88", "301"),
            _row("基本工资", "合计=68.47", "30101")]
    heads = [rows[1], rows[4]]
    # (the department said by its short name, the unit by the words of its own after the shared 安全生产)
    assert whose(heads, rows, "西安安监局执法监察支队的工资福利支出里哪一项最多", "西安市安全生产监督管理局") is rows[4]
    # the department alone named: neither unit's list
    assert whose(heads, rows, "西安市安全生产监督管理局的工资福利支出里哪一项最多", "西安市安全生产监督管理局") is None


def test_each_coded_unit_owns_the_projects_its_amount_adds_up():
    # a unit coded before its name, then its projects, perhaps under 通用项目 / 专用项目 and a group's name: its own
    # projects are the rows with none under them, read from the sums
    rows = [_row("西安市示例局", "项目金额=40.00", "253001"), _row("项目甲", "项目金额=25.00"), _row("项目乙", "项目金额=15.00"),
            _row("西安市散装水泥发展服务中心", "项目金额=53.70", "253002"), _row("通用项目", "项目金额=31.30"),
            _row("购买服务", "项目金额=31.30"), _row("行业管理检查", "项目金额=31.30"), _row("专用项目", "项目金额=22.40"),
            _row("安全生产管理", "项目金额=22.40"),
            _row("西安市城建档案馆", "项目金额=9.00", "253003"), _row("档案整理", "项目金额=5.00"), _row("设备购置", "项目金额=3.00")]
    amount = lambda c: float(c.text.rsplit("=", 1)[1])  # noqa: E731
    found = {head.label: [k.label for k in kids] for _, _, head, kids in unit_projects(rows, amount)}
    # (the archive's projects add up to 8.00, not its 9.00: a block read wrong is left out)
    assert found == {"西安市示例局": ["项目甲", "项目乙"], "西安市散装水泥发展服务中心": ["行业管理检查", "安全生产管理"]}


def test_a_block_too_long_to_read_for_nesting_is_left_out():
    from qa.rank_owner import MAX_BLOCK

    def block(n: int) -> list:
        items = [_row(f"项目{i}", f"项目金额={2 * n - i}") for i in range(n)]
        total = sum(2 * n - i for i in range(n))
        return [_row("西安市示例局", f"项目金额={total}", "253001")] + items

    amount = lambda c: float(c.text.rsplit("=", 1)[1])  # noqa: E731
    # the reading recurses a level per row a run of ever smaller amounts nests: a block longer than MAX_BLOCK is not
    # read (its unit's projects are not ranked), a shorter one is
    assert len(unit_projects(block(10), amount)[0][3]) == 10
    assert unit_projects(block(MAX_BLOCK + 5), amount) == []


def test_units_are_ranked_by_the_item_of_their_blocks_the_question_names():
    rows = [_row("西安市示例局", "合计=2080.32", "125001"), _row("住房公积金", "合计=87.86", "2210201"),
            _row("行政运行", "合计=853.04", "2240101"),
            _row("西安市示例中心", "合计=461.80", "125002"), _row("住房公积金", "合计=19.80", "2210201"),
            _row("西安市示例支队", "合计=830.27", "125003"), _row("住房公积金", "合计=40.39", "2210201")]
    amount = lambda c: float(c.text.rsplit("=", 1)[1])  # noqa: E731
    units = [rows[3], rows[5]]  # (the office left out)
    label, items = units_item("三家下属单位，哪家的住房公积金最多", units, rows, amount)
    # each unit stands for its own 住房公积金 row: its name, the row's amount
    assert label == "住房公积金" and [(c.label, amount(c)) for c in items] == [("西安市示例中心", 19.8), ("西安市示例支队", 40.39)]
    assert units_item("哪个下属单位的钱最多", units, rows, amount) is None  # no item named: the units' own amounts


def test_units_are_ranked_by_an_uncoded_project_each_ones_block_prints():
    # a 专项业务经费支出表: each coded unit over its projects, which print no codes (食堂包厨 under each unit)
    rows = [_row("西安市示例局", "合计=300.00", "153001"), _row("食堂包厨", "合计=14.66"), _row("办案经费", "合计=285.34"),
            _row("西安市示例支队", "合计=351.37", "153002"), _row("食堂包厨", "合计=25.67"), _row("执勤经费", "合计=325.70"),
            _row("西安市示例中心", "合计=15.27", "153006"), _row("食堂包厨", "合计=0.31"), _row("培训经费", "合计=14.96")]
    amount = lambda c: float(c.text.rsplit("=", 1)[1])  # noqa: E731
    label, items = units_item("各单位的食堂包厨哪家最多", [rows[0], rows[3], rows[6]], rows, amount)
    assert label == "食堂包厨" and max(items, key=amount).label == "西安市示例支队" and len(items) == 3
