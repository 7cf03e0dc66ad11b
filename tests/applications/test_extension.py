"""Extension (第三十三条第二款): once, at most 20 working days, approved by
the 负责人 before the original deadline, with a notice to the applicant."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.applications import services
from gongkai.applications.models import LetterKind

from .conftest import at


def extend(head, case, days=20, on=date(2025, 10, 20)):
    with at(on):
        return services.extend_deadline(
            head, case, days=days, reason="需要检索多年档案", on=on
        )


def test_the_head_extends_by_20_working_days(case, wangwu):
    extension = extend(wangwu, case)
    case.refresh_from_db()
    # The fixture: 2025-09-26 + 40 working days = 2025-11-27.
    assert case.due_date == date(2025, 11, 27)
    assert (extension.original_due, extension.approved_by) == (
        date(2025, 10, 30),
        wangwu,
    )
    letter = case.letters.get(kind=LetterKind.EXTENSION)
    assert "延长20个工作日，至2025年11月27日" in letter.body


def test_a_clerk_cannot_extend(case, lisi):
    with pytest.raises(PermissionDenied):
        extend(lisi, case)


def test_only_once(case, wangwu):
    extend(wangwu, case, days=5)
    with pytest.raises(ValidationError, match="只能延长一次"):
        extend(wangwu, case, days=5, on=date(2025, 10, 21))


@pytest.mark.parametrize("days", [0, 21])
def test_at_most_20_working_days(case, wangwu, days):
    with pytest.raises(ValidationError, match="最长不得超过20个工作日"):
        extend(wangwu, case, days=days)


def test_it_must_come_before_the_original_deadline_expires(case, wangwu):
    extend(wangwu, case, days=3, on=date(2025, 10, 30))  # the last day is still in time
    assert case.extension.days == 3


def test_after_the_original_deadline_it_is_too_late(case, wangwu):
    with pytest.raises(ValidationError, match="原答复期限（2025-10-30）届满前"):
        extend(wangwu, case, on=date(2025, 10, 31))
