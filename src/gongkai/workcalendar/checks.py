"""System check: warn from 1 November while next year's calendar is missing.

The State Council publishes next year's arrangement in October–December;
until an administrator loads it, deadlines that reach into that year cannot
be computed.  The warning appears in ``manage.py check``, ``runserver`` and
``migrate``.
"""

from datetime import date

from django.core import checks
from django.db import DatabaseError
from django.utils import timezone
from django.utils.translation import gettext as _

WARNING_FROM = (11, 1)  # month, day


def missing_next_year(today: date, covered: set[int]) -> int | None:
    """Return next year if it should be loaded by ``today`` and is not."""
    next_year = today.year + 1
    if (today.month, today.day) >= WARNING_FROM and next_year not in covered:
        return next_year
    return None


@checks.register("workcalendar")
def check_next_year_covered(app_configs=None, **kwargs):
    from .selectors import covered_years

    try:
        covered = set(covered_years())
    except DatabaseError:
        return []  # Not migrated yet, or no database: nothing to say.
    year = missing_next_year(timezone.localdate(), covered)
    if year is None:
        return []
    return [
        checks.Warning(
            _("尚未录入 %(year)s 年的法定节假日安排") % {"year": year},
            hint=_(
                "国务院办公厅通常在 10 月至 12 月发布下一年的节假日安排通知；"
                "请在管理后台“已覆盖年份”中录入，否则涉及 %(year)s 年的期限无法计算。"
            )
            % {"year": year},
            id="workcalendar.W001",
        )
    ]
