"""A question reworded into a table's term must still be about what the question asked: words the named document
uses for something else, beside no mention of the term, stop the term's figure from being given as the answer."""
import pytest

from index.ingest import ingest_paths
from qa.answer import ask
from qa.offterm import MIN_DOCUMENTS, off_term
from qa.retrieve import Retriever

DOC = """深圳市{unit}
2026年部门预算

一、部门职责
负责全市{unit}相关工作。

二、项目支出情况
{project}

三、“三公”经费预算情况说明
2026年公务用车运行维护费{car}万元，主要用于车辆加油、维修和保险。

一般公共预算支出表（按经济分类）
单位：万元
科目编码\t科目名称\t支出总计
\t合计\t{total}
30102\t津贴补贴\t{allowance}
30231\t公务用车运行维护费\t{car}
"""
UNITS = ["口岸办公室", "气象局", "统计局", "审计局", "司法局", "民政局", "水务局", "财政局", "商务局", "科技创新局", "信访局"]


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    root = tmp_path_factory.mktemp("offterm")
    paths = []
    for i, unit in enumerate(UNITS):
        project = ("口岸通关保障项目9.42万元，用于派驻西九龙站工作人员的驻港补贴。" if i == 0
                   else f"业务运行保障项目{100 + i}.00万元，用于日常业务。")
        path = root / f"unit-{i:02d}.txt"
        path.write_text(DOC.format(unit=unit, project=project, car=f"{10 + i}.00", allowance=f"{500 + i}.00",
                                   total=f"{2000 + i}.00"), encoding="utf-8")
        paths.append(path)
    assert len(paths) >= MIN_DOCUMENTS
    report = ingest_paths(paths, root / "store")
    assert not report.errors
    return Retriever(root / "store")


def test_a_specific_word_used_elsewhere_in_the_document_keeps_the_term_from_answering(city):
    question = "深圳市口岸办公室2026年给派到西九龙站干活的人发补贴，预算多少？"
    sc = city.scope(question)
    lost = off_term(question, "津贴补贴", "一般公共预算支出表（按经济分类）津贴补贴支出总计", sc, city)
    assert lost and all(w in question for w in lost) and any("西九龙" in w or w in "西九龙站" for w in lost)
    a = ask(question, city.store.root, retriever=city)
    assert a.value != 501.0 and a.value != 500.0  # never the economic-class row of every allowance


def test_words_said_beside_the_term_or_abbreviating_it_do_not(city):
    # 加油 is said in the sentence that names 公务用车运行维护费; 公车 abbreviates it
    question = "深圳市气象局2026年给公车加油的钱预算多少？"
    assert off_term(question, "公务用车运行维护费", "公务用车运行维护费", city.scope(question), city) == []
    # a word every document uses says nothing about what the question is about
    common = "深圳市统计局2026年日常业务的补贴是多少？"
    assert off_term(common, "津贴补贴", "津贴补贴", city.scope(common), city) == []
