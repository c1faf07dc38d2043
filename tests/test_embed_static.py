"""The default static model: a passage's vector says what the passage is about, not which numbers it prints."""
import numpy as np

from index.embed import _vocabulary, encode, load_query_encoder

PASSAGES = [
    "2024年“三公”经费预算27.60万元，较上年增加8.10万元。",
    "本单位主要职责是负责全市气象监测和天气预报。",
    "政府采购预算总额1,200.00万元，其中货物类500.00万元。",
    "公务用车运行维护费预算12.00万元，主要用于车辆燃油、维修和保险。",
    "机关运行经费预算安排120.00万元，比上年减少3.50万元。",
]


def test_digits_and_punctuation_weigh_as_little_as_the_most_frequent_word():
    vocab, prob = _vocabulary()
    words = [w for w in vocab if not w.isascii()]
    assert min(prob[w] for w in "0123456789.,%") >= max(prob[w] for w in words)


def test_a_question_finds_the_passage_of_its_subject():
    model = load_query_encoder()
    sims = encode(model, ["三公经费预算是多少", "政府采购有多少", "机关运行经费安排了多少"]) @ encode(model, PASSAGES).T
    assert list(np.argmax(sims, axis=1)) == [0, 2, 4], np.round(sims, 3)
