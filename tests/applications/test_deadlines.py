"""The reply clock on the deadline fixtures (tests/fixtures/deadlines.tsv),
from the package calendar: no database."""

from datetime import date

import pytest

from gongkai.applications import deadlines
from gongkai.workdays import CalendarMissing, package_calendar
from tests.workdays.deadlines import CASES

CALENDAR = package_calendar()
BY_START = {(c.start, c.n): c for c in CASES}
STARTS = sorted({c.start for c in CASES})


def fixture(start, n):
    return BY_START[(start, n)]


@pytest.mark.parametrize("start", STARTS, ids=str)
def test_the_reply_is_due_20_working_days_after_receipt(start):
    case = fixture(start, 20)
    clock = deadlines.Clock(receipt_date=start)
    if case.due is None:
        with pytest.raises(CalendarMissing) as missing:
            deadlines.reply_deadline(CALENDAR, clock)
        assert missing.value.year == case.missing_year
    else:
        assert deadlines.reply_deadline(CALENDAR, clock).due == case.due


@pytest.mark.parametrize("start", STARTS, ids=str)
def test_a_full_extension_gives_the_40_working_day_date(start):
    case = fixture(start, 40)
    clock = deadlines.Clock(receipt_date=start, extension_days=20)
    if case.due is None:
        with pytest.raises(CalendarMissing):
            deadlines.reply_deadline(CALENDAR, clock)
    else:
        assert deadlines.reply_deadline(CALENDAR, clock).due == case.due


@pytest.mark.parametrize("start", STARTS, ids=str)
def test_the_correction_notice_limit_is_the_7th_working_day(start):
    assert deadlines.correction_notice_limit(CALENDAR, start) == fixture(start, 7).due


@pytest.mark.parametrize("start", STARTS, ids=str)
def test_a_consultation_is_answered_within_15_working_days(start):
    assert deadlines.consultation_due(CALENDAR, start) == fixture(start, 15).due


def test_the_clock_restarts_from_the_corrected_application():
    # Corrected application received Fri 2025-09-26: due as a fresh receipt.
    clock = deadlines.Clock(
        receipt_date=date(2025, 9, 1), correction_received_on=date(2025, 9, 26)
    )
    assert deadlines.reply_deadline(CALENDAR, clock).due == date(2025, 10, 30)


def test_no_deadline_runs_while_a_correction_is_awaited_or_receipt_unconfirmed():
    assert (
        deadlines.reply_deadline(CALENDAR, deadlines.Clock(receipt_date=None)) is None
    )
    awaiting = deadlines.Clock(receipt_date=date(2025, 9, 26), correction_pending=True)
    assert deadlines.reply_deadline(CALENDAR, awaiting) is None


def test_consultation_days_are_added_back():
    # Received Mon 2025-01-20 (due 2025-02-21); a consultation from Wed 01-22
    # to Fri 01-24 covers 3 working days, so the due date moves 3 working
    # days on: Mon 02-24, Tue 02-25, Wed 02-26.
    pause = deadlines.consultation_pause(date(2025, 1, 22), date(2025, 1, 24))
    clock = deadlines.Clock(receipt_date=date(2025, 1, 20), pauses=(pause,))
    deadline = deadlines.reply_deadline(CALENDAR, clock)
    assert deadline.due == date(2025, 2, 26)
    assert "征求第三方或其他机关意见，不计入期限" in deadline.proof.to_text()


def test_the_extension_counts_from_the_original_due_date():
    clock = deadlines.Clock(receipt_date=date(2025, 1, 20), extension_days=5)
    assert deadlines.original_due(CALENDAR, clock) == date(2025, 2, 21)
    assert deadlines.reply_deadline(CALENDAR, clock).due == date(2025, 2, 28)


def test_a_delayed_reply_date_under_article_35_replaces_the_ordinary_one():
    clock = deadlines.Clock(
        receipt_date=date(2025, 1, 20), delayed_due=date(2025, 4, 30)
    )
    deadline = deadlines.reply_deadline(CALENDAR, clock)
    assert deadline.due == date(2025, 4, 30)
    assert deadline.proof is None
    assert "第三十五条" in deadline.basis


def test_the_fee_is_due_20_working_days_after_the_notice_arrives():
    assert deadlines.fee_payment_due(CALENDAR, date(2025, 9, 26)) == date(2025, 10, 30)


def test_the_proof_names_every_rule_used():
    clock = deadlines.Clock(
        receipt_date=date(2025, 1, 2),
        correction_received_on=date(2025, 1, 20),
        extension_days=10,
        pauses=(deadlines.consultation_pause(date(2025, 2, 3), date(2025, 2, 5)),),
    )
    basis = deadlines.reply_deadline(CALENDAR, clock).basis
    for words in ("第三十三条第一款", "第三十条", "延长 10 个工作日", "不计算在期限内"):
        assert words in basis
