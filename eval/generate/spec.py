"""A sample budget disclosure built from a seed: numbers consistent by construction, our own sentences.

`build(spec)` returns a `Sample`: pages of blocks (headings, paragraphs, tables with merged header cells), and the
facts behind them (gold question/answer pairs with pages). `render_text` and `render_pdf` write it out.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

# (类, 类名, 款, 款名, 项, 项名, kind): kind b = basic expenditure only, p = project only, m = both
FUNCTIONAL = [
    ("201", "一般公共服务支出", "20103", "政府办公厅（室）及相关机构事务", "2010301", "行政运行", "b"),
    ("201", "一般公共服务支出", "20103", "政府办公厅（室）及相关机构事务", "2010302", "一般行政管理事务", "p"),
    ("201", "一般公共服务支出", "20103", "政府办公厅（室）及相关机构事务", "2010350", "事业运行", "m"),
    ("208", "社会保障和就业支出", "20805", "行政事业单位养老支出", "2080501", "行政单位离退休", "b"),
    ("208", "社会保障和就业支出", "20805", "行政事业单位养老支出", "2080505", "机关事业单位基本养老保险缴费支出", "b"),
    ("210", "卫生健康支出", "21011", "行政事业单位医疗", "2101101", "行政单位医疗", "b"),
    ("221", "住房保障支出", "22102", "住房改革支出", "2210201", "住房公积金", "b"),
]
PERSONNEL = [("30101", "基本工资", 0.38), ("30102", "津贴补贴", 0.27), ("30108", "机关事业单位基本养老保险缴费", 0.15),
             ("30113", "住房公积金", 0.12), ("30199", "其他工资福利支出", 0.08)]
PUBLIC = [("30201", "办公费", 0.3), ("30211", "差旅费", 0.2), ("30217", "公务接待费", 0.1), ("30231", "公务用车运行维护费", 0.15),
          ("30299", "其他商品和服务支出", 0.25)]
NUMERALS = "一二三四五六七八九十"
PROJECT_NAMES = ["政务信息系统运行维护", "档案数字化整理", "基层业务培训", "公共服务能力提升", "办公设施维修改造",
                 "专项督查调研", "宣传资料编印", "应急保障物资储备"]


def r2(x: float) -> float:
    return round(x + 1e-9, 2)


@dataclass
class Spec:
    entity: str = "示例市数据管理局"
    year: int = 2025
    kind: str = "budget"  # budget | final
    unit: str = "万元"  # unit of the tables: 万元 or 元 (the narrative is always in 万元)
    seed: int = 7


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class TableBlock:
    title: str
    header: list[list[Cell]]  # merged header cells with their spans
    rows: list[list[str]]
    unit: str
    note: str = ""
    split_at: int | None = None  # body row where the table continues on the next page


@dataclass
class Sample:
    spec: Spec
    pages: list[list[object]]  # each page: str (paragraph), ("h", text) heading, or TableBlock
    qa: list[dict] = field(default_factory=list)  # {"question", "value" (万元), "unit", "page"}
    facts: dict = field(default_factory=dict)


def _money(v: float, unit: str) -> str:
    return f"{v * (10000 if unit == '元' else 1):,.2f}" if v else ""


def build(spec: Spec) -> Sample:
    rnd = random.Random(spec.seed)
    final = spec.kind == "final"
    word = "决算" if final else "预算"
    items = []
    for cls, cname, kuan, kname, xiang, xname, kind in FUNCTIONAL:
        basic = r2(rnd.uniform(20, 900)) if kind in "bm" else 0.0
        project = r2(rnd.uniform(10, 400)) if kind in "pm" else 0.0
        items.append((cls, cname, kuan, kname, xiang, xname, basic, project))
    basic = r2(sum(i[6] for i in items))
    project = r2(sum(i[7] for i in items))
    total = r2(basic + project)
    carry = r2(rnd.uniform(0.02, 0.08) * total)
    gpb = r2(total - carry)
    public = r2(basic * rnd.uniform(0.12, 0.22))
    personnel = r2(basic - public)
    prior = r2(total / (1 + rnd.uniform(-0.12, 0.15)))
    delta = r2(total - prior)
    reception = r2(rnd.uniform(0.5, 6))
    car_buy = r2(rnd.choice([0.0, rnd.uniform(15, 30)]))
    car_run = r2(rnd.uniform(2, 12))
    car = r2(car_buy + car_run)
    sangong = r2(reception + car)
    n_projects = sum(1 for i in items if i[7])
    projects = []
    for i, it in enumerate([i for i in items if i[7]]):
        projects.append((PROJECT_NAMES[(spec.seed + i) % len(PROJECT_NAMES)], it[5], it[7]))
    u = spec.unit
    m = lambda v: _money(v, u)  # noqa: E731
    pct = lambda a, b: f"{a / b * 100:.2f}"  # noqa: E731
    title = f"{spec.entity}{spec.year}年{'部门决算' if final else '部门预算'}"

    # -- tables --------------------------------------------------------------------------------------------
    overview = TableBlock(
        f"{spec.year}年部门收支{word}总表", [[Cell("收入", 2), Cell("支出", 2)],
                                       [Cell("项目"), Cell(f"{word}数"), Cell("项目"), Cell(f"{word}数")]],
        [["一、一般公共预算拨款收入", m(gpb), "一、基本支出", m(basic)],
         ["二、上年结转", m(carry), "二、项目支出", m(project)],
         ["收入总计", m(total), "支出总计", m(total)]], u)
    # 类 totals: (code, name, amount); all the money is 一般公共预算, so they are the 财政拨款 spending too.
    classes = [(cls, ci[0][1], r2(sum(i[6] + i[7] for i in ci)))
               for cls in dict.fromkeys(i[0] for i in items) for ci in [[i for i in items if i[0] == cls]]]
    hier: list[list[str]] = [["", "", "", "合计", m(total), m(basic), m(project)]]
    for cls, cname, ctotal in classes:
        ci = [i for i in items if i[0] == cls]
        hier.append([cls, "", "", cname, m(ctotal), m(r2(sum(i[6] for i in ci))), m(r2(sum(i[7] for i in ci)))])
        for kuan in dict.fromkeys(i[2] for i in ci):
            ki = [i for i in ci if i[2] == kuan]
            hier.append([cls, kuan[3:], "", ki[0][3], m(r2(sum(i[6] + i[7] for i in ki))),
                         m(r2(sum(i[6] for i in ki))), m(r2(sum(i[7] for i in ki)))])
            for i in ki:
                hier.append([cls, kuan[3:], i[4][5:], i[5], m(r2(i[6] + i[7])), m(i[6]), m(i[7])])
    func_header = [[Cell("科目编码", 3), Cell("科目名称", 1, 2), Cell("合计", 1, 2), Cell(f"{word}数", 2)],
                   [Cell("类"), Cell("款"), Cell("项"), Cell("基本支出"), Cell("项目支出")]]
    expenditure = TableBlock(f"{spec.year}年部门支出{word}总表", func_header, hier, u, split_at=len(hier) // 2)
    income = TableBlock(
        f"{spec.year}年部门收入{word}总表",
        [[Cell("单位名称", 1, 2), Cell("合计", 1, 2), Cell("本年收入", 1), Cell("上年结转", 1, 2)],
         [Cell("一般公共预算拨款")]],
        [["合计", m(total), m(gpb), m(carry)], [spec.entity, m(total), m(gpb), m(carry)]], u)
    # 财政拨款收支总表: this year's grant and last year's carry-over, all 一般公共预算; spending by 类.
    sources = ["（一）一般公共预算拨款", "（二）政府性基金预算拨款", "（三）国有资本经营预算拨款"]
    left = [["一、本年收入", m(gpb)], [sources[0], m(gpb)], [sources[1], ""], [sources[2], ""],
            ["二、上年结转", m(carry)], [sources[0], m(carry)], [sources[1], ""], [sources[2], ""]]
    right = [["一、本年支出", m(total), m(total), "", ""]]
    right += [[f"（{NUMERALS[k]}）{cname}", m(v), m(v), "", ""] for k, (_, cname, v) in enumerate(classes)]
    right += [["二、年终结转结余", "", "", "", ""]]
    right += [["", "", "", "", ""]] * (len(left) - len(right))
    fiscal = TableBlock(
        f"{spec.year}年财政拨款收入支出决算总表" if final else f"{spec.year}年财政拨款收支总表",
        [[Cell("收入", 2), Cell("支出", 5)],
         [Cell("项目"), Cell(f"{word}数"), Cell("项目"), Cell("合计"), Cell("一般公共预算"), Cell("政府性基金预算"),
          Cell("国有资本经营预算")]],
        [a + b for a, b in zip(left, right)] + [["收入总计", m(total), "支出总计", m(total), m(total), "", ""]], u)
    gpb_table = TableBlock(f"{spec.year}年一般公共预算支出{word}表", func_header, [list(r) for r in hier], u)
    econ = [["", "合计", m(basic), m(personnel), m(public)],
            ["301", "工资福利支出", m(personnel), m(personnel), ""]]
    # Items that also have a functional 项 carry the same amount in both classifications.
    same = {"30108": next(i[6] for i in items if i[4] == "2080505"), "30113": next(i[6] for i in items if i[4] == "2210201")}
    left = personnel
    for k, (code, name, share) in enumerate(PERSONNEL):
        v = r2(left if k == len(PERSONNEL) - 1 else same.get(code, personnel * share))
        left = r2(left - v)
        econ.append([code, name, m(v), m(v), ""])
    econ.append(["302", "商品和服务支出", m(public), "", m(public)])
    left = public
    for k, (code, name, share) in enumerate(PUBLIC):
        v = r2(left if k == len(PUBLIC) - 1 else public * share)
        left = r2(left - v)
        econ.append([code, name, m(v), "", m(v)])
    basic_table = TableBlock(f"{spec.year}年一般公共预算基本支出{word}表",
                             [[Cell("经济分类科目编码", 1, 2), Cell("科目名称", 1, 2), Cell(f"{word}数", 3)],
                              [Cell("合计"), Cell("人员经费"), Cell("公用经费")]], econ, u)
    sangong_t = TableBlock(
        f"{spec.year}年“三公”经费支出{word}表",
        [[Cell("合计", 1, 2), Cell("因公出国（境）费", 1, 2), Cell("公务用车购置及运行费", 3), Cell("公务接待费", 1, 2)],
         [Cell("小计"), Cell("公务用车购置费"), Cell("公务用车运行费")]],
        [[_money(sangong, "万元"), "0.00", _money(car, "万元"), _money(car_buy, "万元") or "0.00",
          _money(car_run, "万元"), _money(reception, "万元")]], "万元")
    fund = TableBlock(f"{spec.year}年政府性基金预算支出{word}表", func_header, [["", "", "", "合计", "", "", ""]], u,
                      note=f"注：本单位{spec.year}年没有政府性基金预算拨款安排的支出，故本表无数据。")
    capital = TableBlock(f"{spec.year}年国有资本经营预算支出{word}表", func_header, [["", "", "", "合计", "", "", ""]],
                         u, note=f"注：本单位{spec.year}年没有国有资本经营预算拨款安排的支出，故本表无数据。")
    project_t = TableBlock(f"{spec.year}年项目支出{word}表", [[Cell("项目名称"), Cell("支出科目"), Cell("金额")]],
                           [[name, subj, m(v)] for name, subj, v in projects] + [["合计", "", m(project)]], u)

    # -- narrative -----------------------------------------------------------------------------------------
    rate = pct(abs(delta), prior)
    verb = ("增加", "增长") if delta >= 0 else ("减少", "下降")
    intro = [("h", "第一部分 部门概况"), ("h", "一、主要职责"),
             f"{spec.entity}负责本地区数据资源的统筹管理、公共数据开放和数字基础设施的规划建设。",
             ("h", "二、机构设置"), f"纳入本{word}编制范围的单位共{rnd.randint(1, 4)}个，均为行政或参公管理单位。"]
    story = [("h", f"第二部分 {spec.year}年{word}情况说明"), ("h", "一、收支总体情况"),
             f"{spec.year}年收支总{word}{total:.2f}万元，比上年{verb[0]}{abs(delta):.2f}万元，{verb[1]}{rate}%。"
             f"主要原因是数据平台建设任务调整。",
             ("h", "二、收入情况"),
             f"收入{word}{total:.2f}万元，其中：一般公共预算拨款收入{gpb:.2f}万元，占{pct(gpb, total)}%；"
             f"上年结转{carry:.2f}万元，占{pct(carry, total)}%。",
             ("h", "三、支出情况"),
             f"支出{word}{total:.2f}万元，其中：基本支出{basic:.2f}万元，占{pct(basic, total)}%；"
             f"项目支出{project:.2f}万元，占{pct(project, total)}%。",
             ("h", "四、财政拨款收支总体情况"),
             f"{spec.year}年财政拨款收支总{word}{total:.2f}万元。收入包括一般公共预算拨款收入{gpb:.2f}万元、"
             f"上年结转{carry:.2f}万元；支出按功能分类，"
             + "，".join(f"{cname}{v:.2f}万元" for _, cname, v in classes) + "。",
             ("h", "五、一般公共预算基本支出情况"),
             f"一般公共预算基本支出{basic:.2f}万元，其中：人员经费{personnel:.2f}万元，公用经费{public:.2f}万元。"]
    detail = [("h", "六、一般公共预算支出主要科目")]
    for n, i in enumerate(items, 1):
        detail.append(f"{n}.“{i[1]}（类）{i[3]}（款）{i[5]}（项）”{r2(i[6] + i[7]):.2f}万元，主要用于保障单位日常运转和业务工作。")
    sg = [("h", "七、“三公”经费情况"),
          f"{spec.year}年“三公”经费{word}{sangong:.2f}万元，其中：因公出国（境）费0.00万元，"
          f"公务用车购置及运行费{car:.2f}万元，公务接待费{reception:.2f}万元。",
          ("h", "八、项目支出情况"),
          f"项目支出{word}{project:.2f}万元，涉及项目{n_projects}个。"]
    if final:
        planned = r2(total * 1.04)
        completion = pct(total, planned)
        sg.append(f"本年支出年初预算为{planned:.2f}万元，支出决算为{total:.2f}万元，完成年初预算的{completion}%，"
                  "决算数小于预算数。")
    terms = [("h", "第三部分 名词解释"),
             "一般公共预算拨款收入：指本级财政当年拨付的资金。",
             "“三公”经费：指因公出国（境）费、公务用车购置及运行费和公务接待费。",
             "机关运行经费：指行政单位用于购买货物和服务的各项资金。"]
    cover = [("h", spec.entity), ("h", f"{spec.year}年{'部门决算' if final else '部门预算'}")]
    pages: list[list[object]] = [cover, intro + story, detail + sg, terms,
                                 [("h", "第四部分 " + f"{spec.year}年{word}表"), overview], [income],
                                 [expenditure], [fiscal], [gpb_table], [basic_table], [sangong_t], [fund, capital], [project_t]]
    table_page = {}
    page_no = 0
    for p in pages:
        page_no += 1
        for b in p:
            if isinstance(b, TableBlock):
                table_page[b.title] = page_no
        if any(isinstance(b, TableBlock) and b.split_at for b in p):
            page_no += 1  # the continued table takes a second page
    sample = Sample(spec, pages)
    short = spec.entity
    sample.qa = [
        {"question": f"{short}{spec.year}年“三公”经费{word}是多少？", "value": sangong, "unit": "万元",
         "page": table_page[sangong_t.title]},
        {"question": f"{short}{spec.year}年基本支出{word}是多少？", "value": basic, "unit": "万元",
         "page": table_page[overview.title]},
        {"question": f"{short}{spec.year}年公务接待费是多少？", "value": reception, "unit": "万元",
         "page": table_page[sangong_t.title]},
    ]
    sample.facts = {"total": total, "basic": basic, "project": project, "gpb": gpb, "carry": carry,
                    "personnel": personnel, "public": public, "sangong": sangong, "reception": reception,
                    "projects": n_projects, "title": title}
    return sample
