"""Definitions and reasons the documents state (qa/reasons.py)."""


def test_a_definition_asked_of_the_whole_store_is_read_in_the_documents_the_hits_come_from(tmp_path):
    from qa.hit import Hit
    from qa.reasons import stated_definition
    from tests.conftest import city_of

    defined = "机关运行经费：是指为保障行政单位运行用于购买货物和服务的各项资金。"
    units = [(u, "文物保护项目700.00万元。") for u in ("统计局", "审计局", "司法局", "民政局")] + [("气象局", defined)]
    city = city_of(tmp_path, units)
    key = next(k for k in city.documents() if k.endswith("unit-04.txt"))  # the last in reading order
    other = next(c for c in city.chunks().of_doc(key).values() if "是指" not in c.text)
    city.chunks()._loaded.clear()
    # the hit comes from the weather bureau's document, but is not its definition: that document is read for it…
    found = stated_definition("什么是机关运行经费", [Hit(other, 1.0)], city)
    assert found is not None and found[0].startswith("机关运行经费：是指")
    assert list(city.chunks()._loaded) == [key]  # …and no other document of the store
