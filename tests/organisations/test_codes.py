from hypothesis import given
from hypothesis import strategies as st

from gongkai.organisations import codes

ALPHABET = codes.CREDIT_CODE_ALPHABET


def test_it_accepts_the_state_councils_organisation_code():
    # 国务院's code as printed in every 索引号 of gov.cn (000014349/2018-00222).
    assert codes.is_valid_organisation_code("000014349") is True


def test_it_rejects_an_organisation_code_with_a_wrong_check_digit():
    assert codes.is_valid_organisation_code("000014348") is False


def test_it_uses_x_when_the_organisation_check_value_is_ten():
    body = next(
        f"{n:08d}"
        for n in range(10_000)
        if codes.organisation_code_check_char(f"{n:08d}") == "X"
    )
    assert codes.is_valid_organisation_code(body + "X") is True
    assert codes.is_valid_organisation_code(body + "0") is False


def test_it_accepts_the_example_credit_code_of_gb_32100():
    # The worked example of GB 32100-2015 Annex B.
    assert codes.is_valid_credit_code("91350100M000100Y43") is True


def test_it_rejects_credit_codes_of_the_wrong_length_or_alphabet():
    assert codes.is_valid_credit_code("91350100M000100Y4") is False
    assert codes.is_valid_credit_code("91350100M000100Y4I") is False  # I is not used


def test_it_strips_the_hyphen_of_a_printed_organisation_code():
    assert codes.normalise_organisation_code(" 00001434-9 ") == "000014349"


def test_made_up_demo_codes_pass_both_checks():
    code = codes.make_credit_code("11630203", "01390004")
    assert codes.is_valid_credit_code(code) is True
    assert codes.is_valid_organisation_code(code[8:17]) is True


@given(
    body=st.text(alphabet=ALPHABET, min_size=17, max_size=17),
    position=st.integers(min_value=0, max_value=17),
    replacement=st.sampled_from(ALPHABET),
)
def test_every_single_character_typo_in_a_credit_code_is_caught(
    body, position, replacement
):
    code = body + codes.credit_code_check_char(body)
    typo = code[:position] + replacement + code[position + 1 :]
    assert codes.is_valid_credit_code(typo) is (typo == code)
