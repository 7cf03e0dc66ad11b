"""信息处理费 schedules of 国办函〔2020〕109号, with the worked examples of
spec R33/R34 and the spec's §3 examples as fixed points."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.fees import (
    PER_APPLICATION,
    PER_PAGE,
    FeeError,
    application_fee,
    application_rate,
    fee_for,
    page_fee,
)


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (0, 0),
        (1, 0),
        (30, 0),
        (31, 10),
        (100, 700),
        (101, 720),
        (150, 1700),
        (200, 2700),
        (201, 2740),
        (250, 4700),
    ],
)
def test_it_charges_pages_progressively_as_r34_says(pages, amount):
    assert page_fee(pages).amount == amount


def test_the_150_page_example_adds_up_band_by_band():
    fee = page_fee(150)
    assert [(b.first, b.last, b.rate, b.subtotal) for b in fee.bands] == [
        (1, 30, 0, 0),
        (31, 100, 10, 700),
        (101, 150, 20, 1000),
    ]
    assert fee.lines()[-1] == "合计：1700 元"
    assert "第 31–100 页：70 页 × 10 元 = 700 元" in fee.lines()


@pytest.mark.parametrize(
    ("position", "rate"),
    [
        (1, 0),
        (10, 0),
        (11, 100),
        (12, 100),
        (30, 100),
        (31, 200),
        (40, 200),
        (41, 300),
        (50, 300),
        (51, 400),
        (61, 500),
    ],
)
def test_the_kth_application_of_a_month_costs_what_r33_says(position, rate):
    assert application_rate(position) == rate
    assert application_fee(position).amount == rate


def test_an_application_split_into_several_units_sums_their_positions():
    # "一事一申请": units 29, 30, 31, 32 of the month → 100 + 100 + 200 + 200.
    fee = application_fee(29, 4)
    assert fee.amount == 600
    assert [(b.first, b.last, b.rate) for b in fee.bands] == [
        (29, 30, 100),
        (31, 32, 200),
    ]


def test_one_basis_per_application():
    assert fee_for(PER_PAGE, 150).amount == 1700
    assert fee_for(PER_APPLICATION, 1, 12).amount == 100
    with pytest.raises(FeeError, match="未知的计费方式"):
        fee_for("both", 150)


@pytest.mark.parametrize("bad", [-1, 1.5, "3", True])
def test_it_refuses_quantities_that_are_not_counts(bad):
    with pytest.raises(FeeError):
        page_fee(bad)


def test_application_positions_start_at_one():
    with pytest.raises(FeeError, match="件次不能小于 1"):
        application_fee(0)


@given(st.integers(min_value=0, max_value=5000))
def test_one_more_page_costs_the_rate_of_its_band(pages):
    step = page_fee(pages + 1).amount - page_fee(pages).amount
    page = pages + 1
    expected = 0 if page <= 30 else 10 if page <= 100 else 20 if page <= 200 else 40
    assert step == expected


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=50))
def test_a_run_of_units_costs_the_sum_of_single_units(first, count):
    total = sum(application_fee(k).amount for k in range(first, first + count))
    assert application_fee(first, count).amount == total
