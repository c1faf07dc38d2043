"""The encoder's reading of a question's words as a documents' term says how clearly the term led the next, and a
figure read through it alone is as confident as that lead."""
from qa.nearest_term import NEAR_READING, lead_of, near_confidence


def test_the_reading_says_the_terms_lead_and_the_confidence_follows_it():
    why = "近义（0.91，比次近的“差旅费”近0.03）→公务接待费"
    assert lead_of(why) == 0.03
    assert near_confidence([why]) == 0.6
    # a bare lead is barely a reading; a clear one is still a guess (never above 0.7)
    assert near_confidence(["近义（0.90，比次近的“培训费”近0.00）→会议费"]) == 0.3
    assert near_confidence(["近义（0.93，比次近的“培训费”近0.09）→会议费"]) == 0.7
    # a reading that does not say its lead (a lexical one) keeps the flat confidence
    assert lead_of("近义（0.90）→办公费") is None and near_confidence(["近义（0.90）→办公费"]) == NEAR_READING
