"""Chinese words read through their English senses (CC-CEDICT): how an English question names a unit or a term,
and how two Chinese words with no character in common share a meaning."""
from __future__ import annotations

from qa.gloss import best, said_by, senses, stems, translations, words

UNITS = ["公安局", "司法局", "生态环境局", "交通运输局", "统计局", "气象局", "人民政府办公厅", "财政局", "审计局"]
TERMS = ["因公出国（境）费", "公务接待费", "会议费", "培训费", "公务用车运行维护费", "公务用车购置费", "“三公”经费",
         "机关运行经费", "差旅费", "住房公积金"]


def test_english_words_are_stemmed_without_grammar_words():
    assert stems("the Meteorological Bureau's budget") == {"meteorolog", "bureau", "budget"}


def test_a_word_has_the_senses_of_every_entry_and_of_its_parts():
    assert {"public", "secur"} <= senses("公安")
    assert "ecolog" in senses("生态环境")  # from 生态, a part of the compound
    assert words("生态环境局") == ("生态环境", "局")
    assert "public" in senses("宣传部")  # 宣传 "to publicize", a part of the three-character word


def test_an_english_unit_name_picks_the_unit_whose_words_it_says():
    for english, chinese in [("Public Security", "公安局"), ("Justice", "司法局"), ("Ecology and Environment", "生态环境局"),
                             ("Transport", "交通运输局"), ("Statistics", "统计局"), ("Meteorological", "气象局"),
                             ("General Office of the People's Government", "人民政府办公厅")]:
        assert best(stems(english), UNITS)[0].text == chinese, english


def test_an_english_quantity_picks_the_term_and_a_rare_sense_outweighs_a_common_one():
    assert best(stems("meeting expenses"), TERMS)[0].text == "会议费"
    assert best(stems("three public expenses"), TERMS)[0].text == "“三公”经费"
    top = best(stems("outbound official visits"), TERMS)
    assert not top or top[0].query_share < 0.5  # "official" alone is no reading of the question


def test_two_chinese_words_with_one_sense_are_near():
    assert {"entertain", "guest"} <= senses("招待") & senses("接待")  # 招待 / 接待: to entertain guests
    assert "meet" in senses("开会") & senses("会议")
    assert not senses("开会") & senses("接待")


def test_two_words_sharing_only_a_common_sense_do_not_mean_one_thing():
    from qa.gloss import share_a_sense

    assert share_a_sense("招待", "接待")  # entertain, guest: few words say them
    assert senses("出门") & senses("出国") and not share_a_sense("出门", "出国")  # go, leave: hundreds do


def test_the_dictionary_read_a_word_at_a_time_is_the_file_parsed_whole():
    import random

    from index.wordtable import WordTable
    from qa.gloss import _dictionary, _parse

    table, whole = _dictionary(), _parse()
    assert isinstance(table, WordTable)  # a new process reads the words it needs, not the 120,000 entries
    sample = random.Random(1).sample(sorted(whole), 3000) + UNITS + ["生态环境", "公安"]
    assert all(w in table and table[w] == whole[w] for w in sample if w in whole)
    assert "不是一个词语" not in table and table.get("不是一个词语", ()) == ()


def test_an_english_word_is_bridged_to_a_chinese_word_through_its_translations():
    assert "接待室" in translations("recept")  # reception room: a short definition holding the word
    assert said_by("接待", frozenset({"recept"})) == (0.5, frozenset({"recept"}))  # 接待室 holds 接待
    assert said_by("会议", frozenset({"meet"}))[0] == 1.0  # said outright
    assert said_by("费", frozenset({"recept"}))[0] == 0.0  # a single character bridges nothing


def test_a_single_character_left_unsaid_is_no_evidence_against_a_term():
    top = best(stems("training"), ["培训费", "培训中心建设"])
    assert top[0].text == "培训费" and top[0].word_share == 1.0


def test_a_term_said_by_one_sense_of_single_characters_is_a_chance_reading():
    chance = {m.text: m.chance for m in best(stems("three public expenses"), ["“三公”经费", "被装购置费", "公共安全支出"])}
    assert chance["“三公”经费"] is False  # 三 and 公 say two words of the question
    assert all(m.chance for m in best(stems("trips"), ["被装购置费"]))  # 被 lists "trip" among its senses
    # one character's sense borne out by two longer words the query's translations hold is no chance: dog → 犬
    # beside stray → 流浪 and shelter → 收容
    [dogs] = best(stems("stray dogs taken in by shelters"), ["流浪犬只社会化收容数量"])
    assert dogs.chance is False and {"流浪", "犬", "收容"} <= set(dogs.said), dogs


def test_a_word_is_not_what_its_definitions_examples_are():
    # 资源: "natural resource (such as water or minerals)"
    assert "water" in senses("自然资源")
    assert said_by("自然资源", frozenset({"water"}))[0] < 1.0  # at most bridged (水资源: water resources)
    assert said_by("自然资源", frozenset({"resourc"}))[0] == 1.0


def test_a_word_that_spells_a_chinese_proper_name_names_it():
    from qa.gloss import proper_names

    assert proper_names("Hangzhou") == ("杭州",)
    assert "西安" in proper_names("Xian")
    # English words, and pinyin of one syllable (a surname), are no names
    assert proper_names("Bureau") == proper_names("Human") == proper_names("Long") == ()


def test_a_word_is_not_the_phrase_its_definition_quotes_as_a_use():
    # 劳务: 'services (as in "goods and services")': goods is said by the quoted use, not by 劳务
    assert said_by("劳务", frozenset({"good"}))[0] < 1.0
    assert said_by("劳务", frozenset({"servic"}))[0] == 1.0
    assert said_by("货物", frozenset({"good"}))[0] == 1.0
