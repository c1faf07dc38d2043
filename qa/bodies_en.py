"""The standard English names of the bodies of a Chinese city's government and Party committee, and the reading of
an English phrase as one of them.

Why a list at all: the bodies a city sets up follow the State Council's and the Party's institutional reforms, each
with an official English name (医疗保障局, Healthcare Security Administration; 信访局, Letters and Visits Bureau;
安全生产监督管理局, Work Safety Supervision Administration), and neither reader of the project reaches some of them
from plain English: CC-CEDICT glosses 医疗 "medical treatment" and 保障 "to guarantee" (no healthcare, no security),
and reads "work safety" as 公安 (public security) before 安全生产; the multilingual encoder scores every such pair
near 0.8. So each standard body type gets its official name(s) here, as GLOSSARY does for the budget's standard
rows (qa/budget_en.py): the name, not the ways a question might put it, and every body type of a city, not only
those the store holds (a body the store lacks, named by its standard name, is no other body of the store).

A phrase is read as a body only when its content words are exactly those of one standard name (in any order:
Bureau of Justice, Justice Bureau), leaving out the words that say the place's rank or the Party (Municipal, CPC,
Committee), which the documents' own names carry as 市 and 中共…市委."""
from __future__ import annotations

import functools

# Chinese name of the body (as the documents print it, without place or 中共…委) -> its official English names.
BODIES: dict[str, tuple[str, ...]] = {
    # the government's general offices
    "人民政府办公厅": ("General Office of the People's Government", "Government General Office"),
    "人民政府办公室": ("General Office of the People's Government", "Government General Office"),
    "人民政府口岸办公室": ("Port Office", "Ports Office"),
    "机关事务管理局": ("Government Offices Administration", "Government Offices Administration Bureau"),
    # the government's departments
    "发展和改革委员会": ("Development and Reform Commission",),
    "教育局": ("Education Bureau",),
    "教育委员会": ("Education Commission",),
    "科学技术局": ("Science and Technology Bureau",),
    "科技创新局": ("Science, Technology and Innovation Bureau",),
    "工业和信息化局": ("Industry and Information Technology Bureau",),
    "经济和信息化委员会": ("Economy and Information Technology Commission", "Economic and Information Technology Commission"),
    "公安局": ("Public Security Bureau",),
    "民政局": ("Civil Affairs Bureau",),
    "司法局": ("Justice Bureau",),
    "财政局": ("Finance Bureau",),
    "人力资源和社会保障局": ("Human Resources and Social Security Bureau",),
    "规划和自然资源局": ("Planning and Natural Resources Bureau",),
    "自然资源和规划局": ("Natural Resources and Planning Bureau",),
    "生态环境局": ("Ecology and Environment Bureau", "Ecological Environment Bureau"),
    "住房和城乡建设局": ("Housing and Urban-Rural Development Bureau",),
    "住房和建设局": ("Housing and Construction Bureau",),
    "交通运输局": ("Transport Bureau", "Transportation Bureau"),
    "水务局": ("Water Affairs Bureau",),
    "水利局": ("Water Resources Bureau",),
    "农业农村局": ("Agriculture and Rural Affairs Bureau",),
    "商务局": ("Commerce Bureau",),
    "商务委员会": ("Commerce Commission",),
    "文化广电旅游体育局": ("Culture, Radio, Television, Tourism and Sports Bureau",),
    "文化和旅游局": ("Culture and Tourism Bureau",),
    "卫生健康委员会": ("Health Commission",),
    "退役军人事务局": ("Veterans Affairs Bureau",),
    "应急管理局": ("Emergency Management Bureau",),
    "审计局": ("Audit Bureau",),
    "国有资产监督管理委员会": ("State-owned Assets Supervision and Administration Commission",),
    "市场监督管理局": ("Market Supervision Administration", "Administration for Market Regulation",
                "Market Regulation Administration"),
    "体育局": ("Sports Bureau",),
    "统计局": ("Statistics Bureau",),
    "医疗保障局": ("Healthcare Security Administration", "Healthcare Security Bureau", "Medical Security Bureau",
              "Medical Insurance Bureau"),
    "城市管理和综合执法局": ("Urban Management and Law Enforcement Bureau",),
    "林业局": ("Forestry Bureau",),
    "信访局": ("Letters and Visits Bureau", "Petition Bureau", "Petitions Bureau"),
    "政务服务数据管理局": ("Government Services and Data Management Bureau",),
    "行政审批服务局": ("Administrative Approval Service Bureau",),
    "安全生产监督管理局": ("Work Safety Supervision Administration", "Work Safety Administration",
                  "Work Safety Supervision Bureau"),
    "粮食和物资储备局": ("Food and Strategic Reserves Bureau",),
    "地方金融监督管理局": ("Local Financial Supervision and Administration Bureau",),
    "气象局": ("Meteorological Bureau",),
    # the Party committee's departments
    "宣传部": ("Publicity Department", "Propaganda Department"),
    "组织部": ("Organization Department",),
    "统一战线工作部": ("United Front Work Department",),
}

# Words that say the place's rank or the Party (市, 中共…市委), which the names above leave out.
_NOT_NAME = "municipal city cpc communist party china chinese committee people government's"


@functools.lru_cache(maxsize=1)
def _names() -> tuple[tuple[frozenset[str], str], ...]:
    from qa.gloss import stems

    drop = stems(_NOT_NAME)
    return tuple((frozenset(stems(en) - drop), zh) for zh, names in BODIES.items() for en in names)


def standard_body(phrase: str) -> str | None:
    """The body whose standard English name the phrase says, word for word in any order (Bureau of Justice: 司法局),
    the place's rank and the Party left out; None when it says no standard name, or several bodies'."""
    from qa.gloss import stems

    said = frozenset(stems(phrase) - stems(_NOT_NAME))
    found = {zh for words, zh in _names() if words and words == said}
    return found.pop() if len(found) == 1 else None
