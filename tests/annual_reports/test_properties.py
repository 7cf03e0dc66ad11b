"""Properties: a report compiled from any history of cases, appeals and
documents has no error-level findings, and a roll-up is the sum of its
members."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual_reports import compile
from gongkai.applications.models import Application
from gongkai.applications.outcomes import OUTCOME_KEYS
from gongkai.applications.selectors import table_three
from gongkai.catalogue.models import Article20Figures, Document
from gongkai.remedies.models import Remedy
from gongkai.report.checks import check, check_rollup, rollup
from gongkai.report.checks.rollup import cell_paths
from gongkai.report.schema import APPLICANT_COLUMNS, TOTAL_COLUMN
from tests.report.strategies import valid_reports

from .records import case, document, figures, remedy

FIRST, LAST = date(2021, 1, 1), date(2024, 12, 31)
APPLICANTS = [c.key for c in APPLICANT_COLUMNS[:TOTAL_COLUMN]]
ROUTES = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"]
RESULTS = ["upheld", "corrected", "other", "pending"]
DB_SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

days = st.integers(0, (LAST - FIRST).days)
cases = st.lists(
    st.tuples(
        days,
        st.sampled_from(APPLICANTS),
        st.none() | st.integers(0, 400),  # days until closed, or still open
        st.sampled_from(OUTCOME_KEYS),
        st.none() | st.tuples(st.sampled_from(ROUTES), st.integers(1, 90), st.sampled_from(RESULTS), st.integers(1, 300)),
    ),
    max_size=25,
)  # fmt: skip
documents = st.lists(
    st.tuples(
        st.sampled_from(["normative", "other"]), days, st.none() | st.integers(1, 900)
    ),
    max_size=10,
)


def _clear() -> None:
    Remedy.objects.all().delete()
    Application.objects.all().delete()
    Document.objects.all().delete()
    Article20Figures.objects.all().delete()


def _build(agency, history, papers) -> None:
    for start, applicant, duration, outcome, appeal in history:
        received = FIRST + timedelta(days=start)
        closed = None if duration is None else received + timedelta(days=duration)
        made = case(
            agency, received, closed=closed, outcome=outcome, applicant=applicant
        )
        if appeal is not None and closed is not None:
            route, after, result, length = appeal
            filed = closed + timedelta(days=after)
            decided = None if result == "pending" else filed + timedelta(days=length)
            remedy(made, route, filed, result=result, decided=decided)
    for kind, start, life in papers:
        created = FIRST + timedelta(days=start)
        repealed = None if life is None else created + timedelta(days=life)
        document(agency, kind, created, repealed=repealed)
    for year in (2021, 2022, 2023, 2024):
        figures(agency, year)


@pytest.mark.django_db
@DB_SETTINGS
@given(history=cases, papers=documents)
def test_a_compiled_report_never_has_error_findings(world, history, papers):
    _clear()
    agency = world.township
    _build(agency, history, papers)

    previous = None
    for year in (2021, 2022, 2023, 2024):
        report = compile(agency, year)
        errors = [
            f for f in check(report, previous=previous, level="township")
            if f.severity == "error"
        ]  # fmt: skip
        assert errors == [], (year, errors)
        previous = report


@pytest.mark.django_db
@DB_SETTINGS
@given(first=cases, second=cases)
def test_the_roll_up_of_compiled_members_is_their_joint_count(world, first, second):
    _clear()
    members = world.sibling_townships
    _build(members[0], first, [])
    _build(members[1], second, [])

    total = rollup([compile(m, 2023) for m in members], agency="平安区", year=2023)

    # The applications app counts both agencies in one query: the same table.
    assert total.applications == table_three([m.pk for m in members], 2023)
    assert check_rollup(total, [compile(m, 2023) for m in members]) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(valid_reports(format="2021", year=2023), min_size=1, max_size=6))
def test_a_roll_up_is_the_sum_of_its_member_reports(members):
    total = rollup(members, agency="某市", year=2023)

    for path in cell_paths("2021"):
        expected = sum(m.cell(path) or 0 for m in members)
        assert total.cell(path) == pytest.approx(expected), path
    assert check_rollup(total, members) == []
    assert [f for f in check(total) if f.severity == "error"] == []
