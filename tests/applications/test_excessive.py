"""第三十五条: reasons for an excessive volume or frequency of applications."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import LetterKind, Status

from .conftest import at


def ask(clerk, case):
    with at(date(2025, 9, 29)):
        return services.ask_for_reasons(
            clerk,
            case,
            grounds="一个月内提出40件申请",
            reasons_due=date(2025, 10, 15),
            on=date(2025, 9, 29),
        )


def test_unreasonable_reasons_close_the_case_as_not_processed(case, lisi):
    review = ask(lisi, case)
    assert case.letters.filter(kind=LetterKind.REASONS).exists()
    with at(date(2025, 10, 16)):
        services.decide_on_reasons(
            lisi,
            review,
            decision="unreasonable",
            reasons="未说明正当理由",
            on=date(2025, 10, 16),
        )
    case.refresh_from_db()
    assert (case.status, case.outcome) == (Status.CLOSED, "not_processed_4")
    assert "第三十五条" in case.letters.get(kind=LetterKind.REPLY).body


def test_reasonable_reasons_set_a_delayed_reply_date(case, lisi):
    review = ask(lisi, case)
    with at(date(2025, 10, 16)):
        services.decide_on_reasons(
            lisi,
            review,
            decision="reasonable",
            reasons="用于学术研究，需要整理多年数据",
            on=date(2025, 10, 16),
            delayed_due=date(2025, 12, 31),
        )
    case.refresh_from_db()
    assert case.due_date == date(2025, 12, 31)
    assert "第三十五条" in case.deadline(None).basis
    assert case.letters.filter(kind=LetterKind.DELAYED).exists()


def test_a_reasonable_decision_needs_a_later_date(case, lisi):
    review = ask(lisi, case)
    with at(date(2025, 10, 16)), pytest.raises(ValidationError, match="延迟答复期限"):
        services.decide_on_reasons(
            lisi, review, decision="reasonable", reasons="合理", on=date(2025, 10, 16)
        )


def test_not_processed_4_is_only_reached_through_the_reasons(case, lisi):
    with at(date(2025, 9, 29)), pytest.raises(ValidationError, match="第三十五条"):
        services.close_application(
            lisi, case, outcome="not_processed_4", on=date(2025, 9, 29)
        )
