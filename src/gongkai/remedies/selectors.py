"""Reads of remedies: the permission-checked fetcher and table 四.

Table 四 for a year (R68, open question 7 of the spec read the common way):
a record decided in the year counts under its result; a record filed by
31 December and not decided by then counts as 尚未审结.  One SQL
``COUNT … GROUP BY``.
"""

from datetime import date

from django.db import models
from django.db.models import Case, Count, Q, Value, When

from gongkai.accounts.permissions import agencies_for_user, get_for_user
from gongkai.report.schema import APPEAL_COLUMNS, APPEAL_GROUPS

from .models import Remedy, Result

RESULT_INDEX = {column.key: i for i, column in enumerate(APPEAL_COLUMNS)}
TOTAL = RESULT_INDEX["total"]


def get_remedy_for_user(user, pk, *, write: bool = False) -> Remedy:
    queryset = Remedy.objects.select_related("agency", "application")
    return get_for_user(queryset, user, pk, write=write)


def remedies_for_user(user) -> models.QuerySet:
    return Remedy.objects.filter(agency__in=agencies_for_user(user)).select_related(
        "agency", "application"
    )


def table_four_groups(agency_ids: list[int], year: int) -> models.QuerySet:
    first, last = date(year, 1, 1), date(year, 12, 31)
    return (
        Remedy.objects.filter(agency_id__in=agency_ids, filed_on__lte=last)
        .filter(Q(decided_on__isnull=True) | Q(decided_on__gte=first))
        .annotate(
            column=Case(
                When(decided_on__lte=last, then="result"),
                default=Value(Result.PENDING),
                output_field=models.CharField(),
            )
        )
        .values("route", "column")
        .annotate(n=Count("*"))
        .order_by()
    )


def table_four(agency, year: int) -> dict[str, list[int]]:
    """Return table 四 of ``agency`` for ``year`` as the ``appeals`` part of
    an ``AnnualReport``: group key → 维持, 纠正, 其他, 尚未审结, 总计."""
    table = {group.key: [0] * len(APPEAL_COLUMNS) for group in APPEAL_GROUPS}
    agency_ids = [agency.pk] if hasattr(agency, "pk") else list(agency)
    for group in table_four_groups(agency_ids, year):
        cells = table[group["route"]]
        cells[RESULT_INDEX[group["column"]]] += group["n"]
        cells[TOTAL] += group["n"]
    return table
