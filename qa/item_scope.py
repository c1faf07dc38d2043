"""What each item of the national economic classification pays for (政府收支分类科目, 部门预算支出经济分类: the 301–310
items every department's tables print), in plain words: a question that describes an item by what it buys
(给职工存的公积金, 请临时工的报酬) is read against the item's scope as well as its name, as a term a document defines
in its 名词解释 is read with its definition (qa/vocab.py).

Why a table at all: the documents print these labels bare (办公费, 劳务费, 专用材料费) and define only the few terms the
disclosure rules ask them to (机关运行经费, 三公经费); an encoder comparing a described thing with a bare label and with a
defined term prefers the defined one for its words alone (measured on the dev questions: 托外面单位代办事情 nearest to
two defined terms, not to 委托业务费). The scopes are the classification's, written for this table, one per item —
not ways a question might put it."""
from __future__ import annotations

from qa.vocab import money_stem, norm

SCOPES: dict[str, str] = {
    # 301 工资福利支出: pay and the contributions an employer makes for its staff
    "工资福利支出": "在职职工和编制外长期聘用人员的各类劳动报酬，以及单位为其缴纳的各项社会保险费、住房公积金",
    "基本工资": "按国家规定发给在职人员的基本工资，如职务工资、级别工资、岗位工资、薪级工资",
    "津贴补贴": "按规定发给在职人员的各种津贴和补贴，如岗位津贴、生活性补贴、地区附加津贴、艰苦边远地区津贴",
    "奖金": "按规定发给在职人员的奖金，如年终一次性奖金、考核奖励",
    "伙食补助费": "发给职工的伙食补助，如误餐补助",
    "绩效工资": "事业单位工作人员按考核发放的绩效工资",
    "机关事业单位基本养老保险缴费": "单位为职工缴纳的基本养老保险费",
    "职业年金缴费": "单位为职工缴纳的职业年金，基本养老保险之外的补充养老",
    "职工基本医疗保险缴费": "单位为职工缴纳的基本医疗保险费",
    "公务员医疗补助缴费": "单位为公务员缴纳的医疗补助，基本医保之外的补充医疗",
    "其他社会保障缴费": "单位为职工缴纳的失业、工伤、生育、大病医疗等其他社会保险费",
    "住房公积金": "单位按职工工资的比例为职工缴存的住房公积金",
    "医疗费": "单位按规定负担的职工看病医疗的费用",
    "其他工资福利支出": "上述以外的劳动报酬，如编制外聘用人员、临时工的工资",
    # 302 商品和服务支出: what an office buys to run and to do its work
    "商品和服务支出": "单位购买商品和服务的支出，如办公、印刷、水电、邮电、物业、差旅、会议、培训、维修、租赁",
    "办公费": "购买文具纸张、书报杂志等日常办公用品的支出，够不上固定资产的零星物品",
    "印刷费": "印刷、复印、装订资料和材料的支出",
    "咨询费": "请咨询机构或专家出主意、提供咨询服务的支出",
    "手续费": "支付给银行等机构的各种手续费",
    "水费": "单位用水的水费和污水处理费",
    "电费": "单位用电的电费",
    "邮电费": "邮寄、电话、网络通信、宽带的费用",
    "取暖费": "冬季取暖、供暖的费用",
    "物业管理费": "办公楼的物业管理费用，如保洁、保安、绿化、电梯和设施维护",
    "差旅费": "本单位工作人员到外地出差的车船机票和住宿费用",
    "因公出国（境）费用": "工作人员因公出国、出境的国际旅费、境外食宿等费用",
    "维修（护）费": "日常维修维护办公房屋、设备、网络设施的费用，不含公车",
    "租赁费": "租用房屋、场地、设备和车辆的租金",
    "会议费": "召开会议发生的住宿、伙食、会场、资料等费用",
    "培训费": "举办或参加培训发生的师资、住宿、伙食、场地、资料等费用",
    "公务接待费": "招待来访的外单位公务人员和客人的费用",
    "专用材料费": "业务工作专门需要的材料、器材、药品、耗材的支出",
    "被装购置费": "购置制服和被装的费用",
    "专用燃料费": "专用设备、船舶、飞机等使用的燃料费用",
    "劳务费": "支付给单位和个人的劳务报酬，如临时聘用人员、钟点工、讲课、评审专家的报酬",
    "委托业务费": "委托其他单位或机构代为办理业务的费用，如委托调查、研究、评审、审计",
    "工会经费": "按工资总额的比例拨交给工会的经费",
    "福利费": "按规定提取和使用的职工福利费，如集体福利、职工困难补助",
    "公务用车运行维护费": "公务用车的燃料、维修、保险、过路过桥等费用",
    "其他交通费用": "公务交通补贴等公车以外的交通费用",
    "税金及附加费用": "单位缴纳的税金及附加",
    "其他商品和服务支出": "上述以外的商品和服务支出",
    # 303 对个人和家庭的补助: money paid to people, not for work done
    "对个人和家庭的补助": "发给个人和家庭的补助，如离退休费、抚恤金、生活补助、助学金、奖励金",
    "离休费": "离休干部的离休费和各项补贴",
    "退休费": "退休人员的退休费和各项补贴",
    "退职（役）费": "退职人员的生活费和退役人员的费用",
    "抚恤金": "发给伤残人员、牺牲病故人员家属的抚恤金",
    "生活补助": "按规定发给个人的生活补助，如遗属生活补助",
    "救济费": "对城乡困难居民的救济",
    "医疗费补助": "发给个人的医疗费补助，如离退休人员的医疗费",
    "助学金": "学生的助学金、奖学金和生活补助",
    "奖励金": "发给个人的奖励，如独生子女父母奖励",
    "其他对个人和家庭的补助": "上述以外发给个人和家庭的补助，如住房补贴、提租补贴、购房补贴",
    # 310 资本性支出: things bought to keep
    "资本性支出": "购建房屋、设施，购置设备、车辆、软件等形成资产的支出",
    "房屋建筑物购建": "购买、建造房屋和建筑物的支出",
    "办公设备购置": "购置办公家具、电脑、打印机等办公设备的支出",
    "专用设备购置": "购置业务专用设备和仪器的支出",
    "基础设施建设": "道路、桥梁、水利等基础设施的建设支出",
    "大型修缮": "对房屋和设施进行大型维修改造的支出",
    "信息网络及软件购置更新": "购置和更新信息网络设备、软件和信息系统的支出",
    "公务用车购置": "购买公务用车的支出",
    "其他资本性支出": "上述以外的资本性支出",
    # the parts of basic expenditure the tables' columns name
    "人员经费": "保障人员的支出：在职人员的工资福利和离退休人员等个人和家庭的补助",
    "公用经费": "保障单位日常运转的支出，如办公、水电、差旅、会议、物业、公车",
}

_BY_NORM = {norm(k): v for k, v in SCOPES.items()}
_BY_STEM = {money_stem(k): v for k, v in SCOPES.items() if len(money_stem(k)) >= 2}


def scope(term: str) -> str | None:
    """The classification's scope of a printed label (its wording as printed: 因公出国（境）费 for 因公出国（境）费用),
    or None for a label that is no item of it."""
    t = norm(term)
    return _BY_NORM.get(t) or _BY_STEM.get(money_stem(t))
