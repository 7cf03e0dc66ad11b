"""The pure text helpers of search: terms, bigram tokens, highlighting."""

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.catalogue.search.text import (
    bigram_tokens,
    highlight,
    like_pattern,
    parse_query,
    snippet,
    tsquery_operand,
)


def test_queries_split_on_punctuation_and_by_length():
    terms = parse_query("平政〔2023〕5号　复议，征收补偿")
    assert terms.long == ("2023", "征收补偿")
    assert terms.short == ("平政", "5号", "复议")


def test_full_width_letters_and_case_are_folded():
    assert parse_query("ＡＢＣ公开").long == ("abc公开",)


def test_queries_are_bounded():
    terms = parse_query(" ".join(f"词{i}" for i in range(30)))
    assert len(terms.all) == 8


def test_bigram_tokens_give_every_character_a_token_start():
    assert bigram_tokens("复议申请") == ["复议", "议申", "申请", "请"]
    assert bigram_tokens("国办发〔2019〕") == [
        "国办",
        "办发",
        "发",
        "20",
        "01",
        "19",
        "9",
    ]


# No deadline: a loaded machine (the suite runs on two shared cores) must
# not turn a slow example into a failure.
@settings(deadline=None)
@given(
    st.text(alphabet="政府信息公开复议申请2019ab", min_size=1, max_size=30), st.data()
)
def test_every_substring_of_up_to_two_characters_has_a_token(text, data):
    """What the short-query index relies on: a 1–2 character run of the text
    is a token (two characters) or a token prefix (one character)."""
    start = data.draw(st.integers(0, len(text) - 1))
    piece = text[start : start + data.draw(st.integers(1, 2))]
    tokens = bigram_tokens(text)
    if len(piece) == 2:
        assert piece in tokens
    else:
        assert any(t.startswith(piece) for t in tokens)


def test_highlight_marks_every_match_and_escapes_html():
    assert (
        str(highlight("<复议>复议", ("复议",)))
        == "&lt;<mark>复议</mark>&gt;<mark>复议</mark>"
    )


def test_overlapping_terms_are_merged():
    assert str(highlight("征收补偿", ("征收", "收补"))) == "<mark>征收补</mark>偿"


def test_a_snippet_is_cut_around_the_first_match():
    text = "甲" * 200 + "行政复议" + "乙" * 200
    excerpt = str(snippet(text, ("复议",), radius=10))
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert "<mark>复议</mark>" in excerpt


def test_like_and_tsquery_values_are_escaped():
    assert like_pattern("100%_\\") == "%100\\%\\_\\\\%"
    assert tsquery_operand("复") == "'复':*"
    assert tsquery_operand("复'议") == "'复''议'"
