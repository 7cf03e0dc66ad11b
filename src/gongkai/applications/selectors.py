"""Reads: permission-checked fetchers, the work lists, and table 三.

``table_three(agency, year)`` is one SQL ``COUNT … GROUP BY`` (R61): every
case received by the end of the year and not closed before it falls in
exactly one group of (applicant type, outcome, received this year?,
closed this year?), and the 4 × 22 × 6 cells of the table are sums of
those groups.  So 一 + 二 = 三（七）+ 四 holds in every column by construction.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Count, Q, Sum
from django.http import Http404

from gongkai.accounts.permissions import agencies_for_user, get_for_user
from gongkai.report.schema import APPLICANT_COLUMNS, TOTAL_COLUMN, get_format
from gongkai.workcalendar.selectors import get_calendar
from gongkai.workdays import CalendarMissing

from . import deadlines, outcomes
from .models import (
    Application,
    Attachment,
    Consultation,
    FeeNotice,
    Letter,
    RecordCorrection,
    RecordCorrectionFile,
    Status,
)

COLUMN_INDEX = {column.key: i for i, column in enumerate(APPLICANT_COLUMNS)}

# -- fetchers -------------------------------------------------------------


def get_application_for_user(user, pk, *, write: bool = False) -> Application:
    """Return case ``pk`` if its agency is within the user's reach (with
    ``write``, reach to change it); else raise ``Http404``."""
    queryset = Application.objects.select_related("agency", "agency__parent")
    return get_for_user(queryset, user, pk, write=write)


def get_letter_for_user(user, pk, *, write: bool = False) -> Letter:
    queryset = Letter.objects.select_related("application__agency")
    return get_for_user(
        queryset, user, pk, write=write, agency_field="application__agency"
    )


def get_attachment_for_user(user, pk) -> Attachment:
    queryset = Attachment.objects.select_related("application__agency")
    return get_for_user(queryset, user, pk, agency_field="application__agency")


def get_consultation_for_user(
    user, application: Application, pk, *, write=False
) -> Consultation:
    found = get_for_user(
        Consultation.objects.select_related("application__agency"),
        user,
        pk,
        write=write,
        agency_field="application__agency",
    )
    if found.application_id != application.pk:
        raise Http404
    return found


def find_by_query_code(number: str, query_code: str) -> Application | None:
    """Return the case with this number and query code (the applicant's
    access without an account), or None."""
    if not number or not query_code:
        return None
    return (
        Application.objects.select_related("agency")
        .filter(number=number.strip(), query_code=query_code)
        .first()
    )


def get_record_correction_for_user(
    user, pk, *, write: bool = False
) -> RecordCorrection:
    """Return correction request ``pk`` (第四十一条) if its agency is within
    the user's reach; else raise ``Http404``."""
    queryset = RecordCorrection.objects.select_related(
        "agency", "agency__parent", "competent_agency", "transferred_from__agency"
    )
    return get_for_user(queryset, user, pk, write=write)


def get_record_file_for_user(user, pk) -> RecordCorrectionFile:
    queryset = RecordCorrectionFile.objects.select_related("record__agency")
    return get_for_user(queryset, user, pk, agency_field="record__agency")


def record_corrections_for_user(user) -> models.QuerySet:
    """Return the correction requests of the agencies within reach."""
    return RecordCorrection.objects.filter(
        agency__in=agencies_for_user(user)
    ).select_related("agency")


def find_record_correction(number: str, query_code: str) -> RecordCorrection | None:
    """Return the correction request with this number and query code (the
    requester's access without an account), or None."""
    if not number or not query_code:
        return None
    return (
        RecordCorrection.objects.select_related("agency")
        .filter(number=number.strip(), query_code=query_code)
        .first()
    )


# -- work lists -------------------------------------------------------------


def cases_for_user(user, *, write: bool = False) -> models.QuerySet:
    return Application.objects.filter(
        agency__in=agencies_for_user(user, write=write)
    ).select_related("agency")


def soon_threshold(today: date) -> date | None:
    """Return the last due date counted as 即将到期 on ``today``, or None
    when the calendar does not reach that far."""
    try:
        return deadlines.soon_threshold(get_calendar(), today)
    except CalendarMissing:
        return None


@dataclass
class DueSummary:
    agency_id: int
    agency_name: str
    overdue: int
    soon: int
    pending_receipt: int
    waiting_for_calendar: int


def due_summary(user, today: date) -> list[DueSummary]:
    """Return per agency within reach the number of overdue, soon-due,
    unconfirmed and calendar-waiting cases (督查 sees the subtree)."""
    last = soon_threshold(today) or today
    rows = (
        cases_for_user(user)
        .open()
        .values("agency_id", "agency__name")
        .annotate(
            overdue=Count(
                "pk", filter=Q(status=Status.IN_PROGRESS, due_date__lt=today)
            ),
            soon=Count(
                "pk",
                filter=Q(
                    status=Status.IN_PROGRESS, due_date__gte=today, due_date__lte=last
                ),
            ),
            pending_receipt=Count("pk", filter=Q(status=Status.PENDING_RECEIPT)),
            waiting=Count("pk", filter=Q(calendar_missing_year__isnull=False)),
        )
        .order_by("agency__path")
    )
    return [
        DueSummary(
            r["agency_id"],
            r["agency__name"],
            r["overdue"],
            r["soon"],
            r["pending_receipt"],
            r["waiting"],
        )
        for r in rows
        if r["overdue"] or r["soon"] or r["pending_receipt"] or r["waiting"]
    ]


# -- table 三 ----------------------------------------------------------------


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def table_three_groups(agency_ids: list[int], year: int) -> models.QuerySet:
    """Return the grouped counts behind table 三: one row per
    (applicant type, outcome) with ``n`` cases in scope, ``new`` of them
    received in the year and ``done`` of them closed in it.

    In scope: received by 31 December and not closed before 1 January.
    The grouping is the bare ``COUNT … GROUP BY`` of the two columns, which
    the covering index ``applications_table3_groups`` serves in order.
    """
    first, last = year_bounds(year)
    return (
        Application.objects.filter(agency_id__in=agency_ids, receipt_date__lte=last)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=first))
        .values("applicant_type", "outcome")
        .annotate(
            # COUNT(receipt_date): never null in scope, and in the index.
            n=Count("*"),
            new=Count("receipt_date", filter=Q(receipt_date__gte=first)),
            done=Count("receipt_date", filter=Q(closed_on__lte=last)),
        )
        .order_by()
    )


def table_three(agency, year: int, format: str = "2021") -> dict[str, list[int]]:
    """Return table 三 of ``agency`` (or of a list of agency ids) for
    ``year`` as the ``applications`` part of an ``AnnualReport`` (row key →
    7 cells).

    一 = received in the year; 二 = received before and open on 1 January;
    outcome rows = closed in the year; 四 = open on 31 December (R61).  In
    the 2019 format the three 其他处理 rows are one (R22).  Since every case
    in scope is either new or carried over, and either closed in the year or
    carried forward, 一 + 二 = 三（七）+ 四 in every column.
    """
    fmt = get_format(format)
    table = {key: [0] * len(APPLICANT_COLUMNS) for key in fmt.row_keys}
    agency_ids = [agency.pk] if hasattr(agency, "pk") else list(agency)
    for group in table_three_groups(agency_ids, year):
        _add(table, group, format)
    for cells in table.values():
        cells[TOTAL_COLUMN] = sum(cells[:TOTAL_COLUMN])
    return table


def _add(table: dict[str, list[int]], group: dict, format: str) -> None:
    column = COLUMN_INDEX[group["applicant_type"]]
    n, new, done = group["n"], group["new"], group["done"]
    table["new"][column] += new
    table["carried_over"][column] += n - new
    table["carried_forward"][column] += n - done
    if done:
        outcome = group["outcome"]
        key = outcomes.row_2019(outcome) if format == "2019" else outcome
        table[key][column] += done
        table["total"][column] += done


def fee_summary(agency, year: int) -> tuple[int, int]:
    """Return (cases, 元) of 信息处理费 paid in ``year`` to ``agency``, for
    section 六 of the annual report (R39, R62).  Waived fees are not
    collected and are not counted."""
    first, last = year_bounds(year)
    figures = FeeNotice.objects.filter(
        application__agency=agency, paid_on__gte=first, paid_on__lte=last
    ).aggregate(cases=Count("pk"), amount=Sum("amount"))
    return figures["cases"], figures["amount"] or 0
