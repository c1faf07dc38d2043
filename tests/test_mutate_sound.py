"""eval/mutate_sound.py: an injected change must be one a reader can see on the page."""
from eval.mutate_sound import flip_shows, rate_basis


def test_a_flip_shows_only_when_the_rate_tells_the_directions_apart():
    # 4.97 of 793.48: 0.63% up, 0.62% down, both 0.6%; 69.10 of 840.10: 8.96% up, 7.60% down.
    assert not flip_shows("预算793.48 万元，较2025 年年初预算", 4.97, "0.6%。")
    assert flip_shows("预算840.10万元，较上年", 69.1, "7.6%")
    assert flip_shows("较2025 年年初预算", 69.1, "7.6%")  # no current amount in the line: kept


def test_a_rate_needs_its_change_or_its_base_in_the_sentence():
    assert rate_basis("预算847.01万元，较2025年年初预算增加74.52万元，")
    assert rate_basis("2023年执行数为50.00万元，2024年预算安排40.00万元，比2023年执行数")
    assert not rate_basis("全社会固定资产投资")
    assert not rate_basis("收缴国有资本收益43500万元，")
