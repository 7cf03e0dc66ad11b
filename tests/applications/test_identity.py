"""Resident ID numbers checked by their GB 11643-1999 check character."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.identity import (
    id_check_character,
    is_valid_resident_id,
    make_resident_id,
    mask_id_number,
    mask_name,
    normalise_id_number,
    resident_id_problem,
)

# The worked example of GB 11643-1999 (a Beijing number, check digit X).
STANDARD_EXAMPLE = "11010519491231002X"


def test_the_standard_example_is_valid():
    assert id_check_character(STANDARD_EXAMPLE[:17]) == "X"
    assert is_valid_resident_id(STANDARD_EXAMPLE)


def test_a_lower_case_x_and_full_width_digits_are_accepted():
    assert normalise_id_number(" 110105１９49123１002x ") == STANDARD_EXAMPLE
    assert is_valid_resident_id("11010519491231002x")


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("110105194912310021", "校验码不正确"),
        ("11010519491231002", "应为18位"),
        ("99010519491231002X", "省级行政区划"),
        ("110105194902300025", "出生日期"),
    ],
)
def test_it_says_what_is_wrong_with_a_bad_number(number, words):
    assert words in resident_id_problem(number)


def test_a_birth_date_after_today_is_refused():
    number = make_resident_id("63210220300101001")
    assert "出生日期" in resident_id_problem(number, today=date(2026, 1, 1))


@given(
    st.text(alphabet="0123456789", min_size=3, max_size=3),
    st.integers(min_value=0, max_value=16),
    st.integers(min_value=1, max_value=9),
)
def test_changing_any_one_digit_changes_the_check_character(serial, position, delta):
    number = make_resident_id("63210219900307" + serial)
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    assert is_valid_resident_id(number)
    assert id_check_character("".join(digits[:17])) != number[17]


def test_masks_hide_all_but_a_few_characters():
    assert mask_id_number(STANDARD_EXAMPLE) == "110*************2X"
    assert mask_name("张三丰") == "张**"
