"""index.grid turns a physical grid into a logical table: header paths, codes, side-by-side halves."""
from index.grid import GridRow, build_table, header_paths


def rows(*lines: str, page: int = 1) -> list[GridRow]:
    return [GridRow(cells=line.split("\t"), page=page) for line in lines]


def test_merged_header_cells_become_paths_without_crossing_parent_spans():
    paths = header_paths(
        [
            ["科目编码", "", "", "科目名称", "合计", "基本支出", "", "", "项目支出"],
            ["类", "款", "项", "", "", "小计", "人员经费", "公用经费", ""],
        ],
        filled=False,
    )
    assert paths[0] == ["科目编码", "类"]
    assert paths[4] == ["合计"]
    assert paths[6] == ["基本支出", "人员经费"]
    assert paths[8] == ["项目支出"]


def test_code_columns_are_joined_and_values_follow_the_header():
    t = build_table(
        table_id="t1", title="一般公共预算支出表", unit="万元",
        grid=rows(
            "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出",
            "类\t款\t项\t\t\t\t",
            "\t\t\t合计\t120.50\t100.00\t20.50",
            "208\t\t\t社会保障和就业支出\t120.50\t100.00\t20.50",
            "208\t05\t\t行政事业单位养老支出\t120.50\t100.00\t20.50",
            "208\t05\t01\t行政单位离退休\t120.50\t100.00\t20.50",
        ),
    )
    assert [h for h in t.header] == [["合计"], ["基本支出"], ["项目支出"]]
    assert [r.code for r in t.rows] == [None, "208", "20805", "2080501"]
    assert t.rows[3].label == "行政单位离退休"
    assert t.rows[3].values == [120.5, 100.0, 20.5]
    assert t.label_header == "科目名称"


def test_side_by_side_income_and_expenditure_become_one_list():
    t = build_table(
        table_id="t1", title="收支总表", unit="万元",
        grid=rows(
            "收入\t\t支出\t",
            "项目\t金额\t项目\t金额",
            "一、一般公共预算\t300.00\t一、一般公共服务\t250.00",
            "二、上年结转\t10.00\t二、教育\t60.00",
            "收入总计\t310.00\t支出总计\t310.00",
        ),
    )
    assert t.header == [["收入", "金额"], ["支出", "金额"]]
    labels = [r.label for r in t.rows]
    assert labels == ["一、一般公共预算", "二、上年结转", "收入总计", "一、一般公共服务", "二、教育", "支出总计"]
    assert t.rows[2].values == [310.0, None] and t.rows[5].values == [None, 310.0]


def test_halves_that_name_their_items_keep_their_heading():
    # a 收支总表 printing its spending by function and by economic class beside its income: every half's amounts are
    # headed 支出/预算数, only the label column's heading tells the halves apart
    t = build_table(
        table_id="t1", title="收支总表", unit="万元",
        grid=rows(
            "收入\t\t支出\t\t\t",
            "项目\t预算数\t支出功能分类科目（按大类）\t预算数\t政府预算支出经济分类科目（按大类）\t预算数",
            "一、财政拨款\t300.00\t1、一般公共服务支出\t250.00\t1、机关工资福利支出\t200.00",
            "二、事业收入\t10.00\t2、住房保障支出\t60.00\t2、机关商品和服务支出\t110.00",
        ),
    )
    assert [(r.label, r.block) for r in t.rows] == [
        ("一、财政拨款", None), ("二、事业收入", None),
        ("1、一般公共服务支出", "支出功能分类科目（按大类）"), ("2、住房保障支出", "支出功能分类科目（按大类）"),
        ("1、机关工资福利支出", "政府预算支出经济分类科目（按大类）"),
        ("2、机关商品和服务支出", "政府预算支出经济分类科目（按大类）")]


def test_line_number_columns_are_dropped():
    t = build_table(
        table_id="t1", title="收入支出决算总表", unit="万元",
        grid=rows(
            "项目\t行次\t决算数",
            "栏次\t\t1",
            "一、财政拨款收入\t1\t719.68",
            "本年收入合计\t2\t719.68",
        ),
    )
    assert t.header == [["决算数"]]
    assert [(r.label, r.values) for r in t.rows] == [("一、财政拨款收入", [719.68]), ("本年收入合计", [719.68])]


def test_empty_table_keeps_its_header():
    t = build_table(
        table_id="t1", title="政府性基金预算支出表", unit="万元",
        grid=rows("科目编码\t科目名称\t合计\t基本支出\t项目支出"),
    )
    assert t.rows == [] and t.header == [["合计"], ["基本支出"], ["项目支出"]]
    assert t.is_empty


def test_a_group_name_that_slid_left_goes_back_over_its_subtotal():
    # The source lost a blank before 项目支出: its 小计 (column 5) has nothing above it.
    paths = header_paths(
        [
            ["科目名称", "合计", "基本支出", "", "项目支出", "", ""],
            ["", "", "小计", "人员经费", "公用经费", "小计", "特定目标类"],
        ],
        filled=False,
    )
    assert paths[4] == ["基本支出", "公用经费"]
    assert paths[5] == ["项目支出", "小计"] and paths[6] == ["项目支出", "特定目标类"]


def test_words_packed_under_the_code_columns_are_the_leaves_of_twin_columns():
    paths = header_paths(
        [
            ["科目编码", "", "", "单位代码", "单位名称", "合计", "人员经费", "", "公用经费"],
            ["类", "款", "项", "工资福利支出", "对个人和家庭的补助", "", "", "", ""],
        ],
        filled=False,
    )
    assert paths[3] == ["单位代码"] and paths[4] == ["单位名称"]
    assert paths[6] == ["人员经费", "工资福利支出"] and paths[7] == ["人员经费", "对个人和家庭的补助"]


def test_a_project_list_is_labelled_by_its_project_name_column():
    t = build_table(
        table_id="t1", title="项目支出表", unit="万元",
        grid=rows(
            "类型\t项目名称\t项目单位\t合计",
            "特定目标类\t甲项目\t某某局\t30.00",
            "其他运转类\t乙项目\t某某局\t10.00",
            "\t\t合计\t40.00",
        ),
    )
    assert [r.label for r in t.rows] == ["甲项目", "乙项目", "合计"]
    assert t.label_header == "项目名称"


def test_a_department_table_printed_per_unit_says_each_row_s_unit():
    # the department's line, its own office (本级) and a subordinate unit, each unit's items under its line
    t = build_table(
        table_id="t1", title="一般公共预算支出表（按经济分类）", unit="万元",
        grid=rows(
            "预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出",
            "深圳市某某局\t\t\t300.00\t200.00\t100.00",
            "深圳市某某局（本级）\t\t\t200.00\t150.00\t50.00",
            "\t301\t工资福利支出\t150.00\t150.00\t0.00",
            "\t30101\t基本工资\t150.00\t150.00\t0.00",
            "深圳市某某中心\t\t\t100.00\t50.00\t50.00",
            "\t301\t工资福利支出\t50.00\t50.00\t0.00",
            "\t30101\t基本工资\t50.00\t50.00\t0.00",
        ),
    )
    units = {(r.label, r.values[0]): r.unit for r in t.rows}
    assert units[("基本工资", 150.0)] == "深圳市某某局（本级）"
    assert units[("基本工资", 50.0)] == "深圳市某某中心"
    assert units[("深圳市某某局", 300.0)] == "深圳市某某局"


def test_units_named_in_the_label_column_are_found_by_the_items_printed_again_under_each():
    # one name column, nested by indentation: the unit's line, its classes, their items; again for each unit
    lines = [("支出项目类别\t总计\t一般公共预算拨款", 0), ("深圳市某某局\t300.00\t300.00", 0),
             ("深圳市某某局（本级）\t200.00\t200.00", 1), ("工资福利支出\t150.00\t150.00", 2),
             ("基本工资\t100.00\t100.00", 3), ("商品和服务支出\t50.00\t50.00", 2), ("办公费\t50.00\t50.00", 3),
             ("深圳市某某中心\t100.00\t100.00", 1), ("工资福利支出\t60.00\t60.00", 2),
             ("基本工资\t60.00\t60.00", 3), ("商品和服务支出\t40.00\t40.00", 2), ("办公费\t40.00\t40.00", 3)]
    grid = [GridRow(cells=text.split("\t"), page=1, indents=[indent, 0.0, 0.0]) for text, indent in lines]
    t = build_table(table_id="t1", title="基本支出总表", unit="万元", grid=grid)
    assert [(r.values[0], r.unit) for r in t.rows if r.label == "办公费"] == [
        (50.0, "深圳市某某局（本级）"), (40.0, "深圳市某某中心")]
    # the department's own line heads no block of items: its figures are the department's
    assert t.rows[0].unit is None


def test_units_numbered_in_the_code_column_of_a_flat_table_head_the_lines_printed_after_them():
    # each unit's number and name in the code and name columns, its items after it with their class codes and no
    # nesting: a unit's items are the lines up to the next unit's
    t = build_table(
        table_id="t1", title="一般公共预算支出明细表（按支出经济分类科目）", unit="万元",
        grid=rows(
            "科目编码\t科目名称\t合计\t人员经费支出\t公用经费支出",
            "\t合计\t130.00\t100.00\t30.00",
            "125001\t西安市某某局\t80.00\t60.00\t20.00",
            "301\t工资福利支出\t60.00\t60.00\t",
            "30229\t福利费\t20.00\t\t20.00",
            "125002\t西安市某某宣传教育中心\t50.00\t40.00\t10.00",
            "301\t工资福利支出\t40.00\t40.00\t",
            "30229\t福利费\t10.00\t\t10.00",
        ),
    )
    assert [(r.values[0], r.unit) for r in t.rows if r.label == "福利费"] == [
        (20.0, "西安市某某局"), (10.0, "西安市某某宣传教育中心")]
    assert t.rows[0].unit is None  # the department's total, above every unit


def test_class_items_named_like_organisations_head_no_unit_blocks():
    # 精神病医院 and 综合医院 end like organisations' names, but their class codes say they are items
    t = build_table(
        table_id="t1", title="一般公共预算支出表", unit="万元",
        grid=rows(
            "科目编码\t科目名称\t合计",
            "2100205\t精神病医院\t20.00",
            "30101\t基本工资\t10.00",
            "30201\t办公费\t10.00",
            "2100201\t综合医院\t30.00",
            "30101\t基本工资\t20.00",
            "30201\t办公费\t10.00",
        ),
    )
    assert all(r.unit is None for r in t.rows)


def test_a_table_of_one_unit_names_no_unit_on_its_rows():
    t = build_table(
        table_id="t1", title="一般公共预算支出表（按经济分类）", unit="万元",
        grid=rows(
            "预算单位\t科目编码\t科目名称\t支出总计",
            "深圳市某某局\t\t\t150.00",
            "深圳市某某局（本级）\t\t\t150.00",
            "\t301\t工资福利支出\t150.00",
            "\t30101\t基本工资\t150.00",
        ),
    )
    assert all(r.unit is None for r in t.rows)


def test_lines_the_label_column_leaves_blank_are_named_by_their_name_column():
    # a performance form: 年度主要任务 merged down the first column, each task named in the 任务名称 column
    t = build_table(
        table_id="t9", title="部门整体支出绩效目标表", unit="万元",
        grid=rows(
            "部门（单位）名称\t\t示例区民政局\t\t\t",
            "年度主要任务\t任务名称\t主要内容\t预算金额\t\t",
            "\t\t\t总额\t财政拨款\t其他资金",
            "\t民政管理事务\t行政运行、社区建设等\t3,386.08\t3,386.08\t0.00",
            "\t社会福利\t儿童福利、养老服务等\t35,398.08\t18,571.74\t16,826.34",
            "年度总体目标\t保障民政事业正常运转，提升救助水平\t\t\t\t",
        ),
        header_rows=3,
    )
    assert [r.label for r in t.rows[:2]] == ["民政管理事务", "社会福利"]
    assert t.rows[1].values[-3:] == [35398.08, 18571.74, 16826.34]
    # (a paragraph written in the name column is not a name: the line keeps its own label)
    assert t.rows[-1].label == "年度总体目标"
