"""Tables 三 and 四 from case data (R61, R68), as ``AnnualReport`` parts.

The property test drives random case histories across several years
through the services and checks the tables against the report checks
(T3-BALANCE, T3-TOTAL, T3-ROWSUM, T4-TOTAL, X-CARRY) and against a count
made independently from the generated events.
"""

import itertools
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications import services
from gongkai.applications.outcomes import OUTCOME_KEYS, row_2019
from gongkai.applications.selectors import table_three
from gongkai.organisations.services import insert_agency
from gongkai.remedies.selectors import table_four
from gongkai.remedies.services import record_remedy, record_result
from gongkai.report.checks import check
from gongkai.report.model import AnnualReport, empty_report
from gongkai.report.schema import APPLICANT_COLUMNS, format_for_year, get_format

from .conftest import at, person, register

COLUMNS = [c.key for c in APPLICANT_COLUMNS[:-1]]
TODAY = date(2025, 6, 2)
FIRST_DAY = date(2020, 1, 1)
YEARS = range(2020, 2025)
DIRECT = [
    k
    for k in OUTCOME_KEYS
    if k not in ("other_1", "other_2", "not_processed_4", "unable_3")
]
REASONS = {"provided": "见附件", "legal_basis": "依据《条例》相关条款"}
COUNTER = itertools.count(1)


def report_for(agency, year) -> AnnualReport:
    fmt = format_for_year(year)
    report = empty_report(fmt, year, agency.name)
    report.applications = table_three(agency, year, fmt)
    for key, cells in table_four(agency, year).items():
        setattr(report.appeals, key, cells)
    return report


def close(actor, case, outcome, on):
    with at(TODAY):
        services.close_application(actor, case, outcome=outcome, on=on, **REASONS)


# -- worked examples ----------------------------------------------------------


@pytest.fixture
def history(lisi, gucheng):
    """Four cases of 古城回族乡 around the turn of 2024/2025."""
    a = register(lisi, gucheng, date(2024, 3, 4))
    b = register(
        lisi,
        gucheng,
        date(2024, 12, 16),
        applicant_type="commercial",
        applicant_name="某公司",
        id_kind="credit_code",
        id_number=_credit(),
        contact_person="王经理",
    )
    c = register(lisi, gucheng, date(2025, 1, 6))
    d = register(lisi, gucheng, date(2025, 2, 3))
    close(lisi, a, "disclosed", date(2024, 3, 20))
    close(lisi, b, "partially_disclosed", date(2025, 1, 10))
    close(lisi, c, "other_3", date(2025, 1, 20))
    return a, b, c, d


def _credit():
    from gongkai.organisations.codes import make_credit_code

    return make_credit_code("91630203", "31234567")


def test_2024_counts_new_outcomes_and_the_carry_forward(history, gucheng):
    table = table_three(gucheng, 2024)
    assert table["new"] == [1, 1, 0, 0, 0, 0, 2]
    assert table["carried_over"] == [0] * 7
    assert table["disclosed"] == [1, 0, 0, 0, 0, 0, 1]
    assert table["total"] == [1, 0, 0, 0, 0, 0, 1]
    assert table["carried_forward"] == [0, 1, 0, 0, 0, 0, 1]


def test_2025_carries_over_what_2024_carried_forward(history, gucheng):
    table = table_three(gucheng, 2025)
    assert table["carried_over"] == table_three(gucheng, 2024)["carried_forward"]
    assert table["new"] == [2, 0, 0, 0, 0, 0, 2]
    assert table["partially_disclosed"] == [0, 1, 0, 0, 0, 0, 1]
    assert table["other_3"] == [1, 0, 0, 0, 0, 0, 1]
    assert table["carried_forward"] == [1, 0, 0, 0, 0, 0, 1]


def test_the_2019_format_merges_the_other_rows(history, gucheng):
    table = table_three(gucheng, 2025, "2019")
    assert "other_3" not in table
    assert table["other"] == [1, 0, 0, 0, 0, 0, 1]
    assert list(table) == list(get_format("2019").row_keys)


def test_unconfirmed_online_applications_are_not_counted(gucheng):
    import uuid

    with at(date(2025, 3, 3)):
        services.submit_online_application(
            gucheng, person(), token=uuid.uuid4(), ip=None
        )
    assert table_three(gucheng, 2025)["new"][6] == 0


def test_another_agency_is_not_counted(history, xiaoxia):
    assert table_three(xiaoxia, 2024)["new"] == [0] * 7


def test_table_four_counts_results_by_decision_year_and_pending_at_year_end(
    history, lisi, gucheng
):
    a = history[0]
    with at(TODAY):
        first = record_remedy(
            lisi,
            a,
            route="reconsideration",
            body="平安区人民政府",
            case_number="复1",
            filed_on=date(2024, 4, 1),
        )
        first = record_result(
            lisi, first, result="upheld", decided_on=date(2025, 1, 15)
        )
        record_remedy(
            lisi,
            a,
            route="litigation_after_reconsideration",
            body="法院",
            case_number="诉1",
            filed_on=date(2025, 2, 1),
            follows=first,
        )
        record_remedy(
            lisi,
            a,
            route="litigation_direct",
            body="法院",
            case_number="诉2",
            filed_on=date(2024, 5, 1),
        )
    assert table_four(gucheng, 2024) == {
        "reconsideration": [0, 0, 0, 1, 1],
        "litigation_direct": [0, 0, 0, 1, 1],
        "litigation_after_reconsideration": [0, 0, 0, 0, 0],
    }
    assert table_four(gucheng, 2025) == {
        "reconsideration": [1, 0, 0, 0, 1],
        "litigation_direct": [0, 0, 0, 1, 1],
        "litigation_after_reconsideration": [0, 0, 0, 1, 1],
    }


def test_the_parts_make_a_valid_annual_report(history, gucheng):
    report = AnnualReport.from_json(report_for(gucheng, 2025).to_json())
    assert [f for f in check(report) if f.rule.startswith(("T3", "T4"))] == []


# -- the property -------------------------------------------------------------------

CASE = st.fixed_dictionaries(
    {
        "received": st.integers(
            min_value=0, max_value=(date(2024, 12, 31) - FIRST_DAY).days
        ),
        "column": st.sampled_from(COLUMNS),
        "closed_after": st.one_of(st.none(), st.integers(min_value=0, max_value=500)),
        "outcome": st.sampled_from([*DIRECT, "other_1"]),
        "remedy": st.one_of(
            st.none(),
            st.tuples(
                st.sampled_from(["reconsideration", "litigation_direct"]),
                st.integers(min_value=0, max_value=300),
                st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
                st.sampled_from(["upheld", "corrected", "other"]),
            ),
        ),
    }
)


def _fields(column: str) -> dict:
    if column == "natural_person":
        return person()
    return person(
        applicant_type=column,
        applicant_name="某组织",
        id_kind="credit_code",
        id_number=_credit(),
        contact_person="联系人",
    )


def _play(actor, agency, event) -> dict:
    """Run one case through the services; return the facts the independent
    count needs (receipt, close date or None, row, remedy dates)."""
    received = FIRST_DAY + timedelta(days=event["received"])
    with at(TODAY):
        case = services.register_application(
            actor,
            agency,
            channel="in_person",
            fields=_fields(event["column"]),
            receipt_date=received,
        )
    closed = None
    if (
        event["closed_after"] is not None
        and received + timedelta(days=event["closed_after"]) < TODAY
    ):
        closed = received + timedelta(
            days=max(event["closed_after"], 3 if event["outcome"] == "other_1" else 0)
        )
        closed = _close(actor, case, event["outcome"], received, min(closed, TODAY))
    return {
        "received": received,
        "closed": closed,
        "column": event["column"],
        "outcome": event["outcome"],
        "remedy": _remedy(actor, case, received, event["remedy"]),
    }


def _close(actor, case, outcome, received, on):
    with at(TODAY):
        if outcome == "other_1":
            services.request_correction(
                actor,
                case,
                items="补正",
                correct_by=received + timedelta(days=1),
                on=received,
            )
            services.close_as_abandoned(
                actor,
                case,
                reason="correction",
                on=max(on, received + timedelta(days=2)),
            )
            case.refresh_from_db()
            return case.closed_on
        services.close_application(actor, case, outcome=outcome, on=on, **REASONS)
    return on


def _remedy(actor, case, received, spec):
    if spec is None:
        return None
    route, filed_after, decided_after, result = spec
    filed = received + timedelta(days=filed_after)
    if filed >= TODAY:
        return None
    with at(TODAY):
        remedy = record_remedy(
            actor,
            case,
            route=route,
            body="机关",
            case_number=f"案{next(COUNTER)}",
            filed_on=filed,
        )
        decided = (
            None if decided_after is None else filed + timedelta(days=decided_after)
        )
        if decided is not None and decided < TODAY:
            record_result(actor, remedy, result=result, decided_on=decided)
        else:
            decided = None
    return route, filed, decided, result


def expected_rows(facts: list[dict], year: int) -> Counter:
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = Counter()
    for f in facts:
        if f["received"] > last or (f["closed"] is not None and f["closed"] < first):
            continue
        rows["new" if f["received"] >= first else "carried_over", f["column"]] += 1
        if f["closed"] is not None and f["closed"] <= last:
            rows[f["outcome"], f["column"]] += 1
        else:
            rows["carried_forward", f["column"]] += 1
    return rows


@pytest.fixture
def hypothesis_parent(world):
    return world.district


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(events=st.lists(CASE, min_size=1, max_size=10))
def test_any_case_history_gives_balanced_tables_that_carry_over(
    hypothesis_parent, root_admin, events
):
    agency = insert_agency(
        hypothesis_parent,
        {
            "name": f"测试乡{next(COUNTER)}人民政府",
            "level": "township",
            "kind": "government",
        },
    )
    facts = [_play(root_admin, agency, event) for event in events]
    previous = None
    for year in YEARS:
        report = report_for(agency, year)
        findings = check(report, previous=previous)
        assert [
            f.message
            for f in findings
            if f.rule in ("T3-BALANCE", "T3-TOTAL", "T3-ROWSUM", "T4-TOTAL")
        ] == []
        if previous is not None:
            assert (
                report.applications["carried_over"]
                == previous.applications["carried_forward"]
            )
            assert [
                f for f in findings if f.rule == "X-CARRY" and f.severity == "error"
            ] == []
        expected = expected_rows(facts, year)
        for (row, column), n in expected.items():
            key = (
                row_2019(row)
                if report.format == "2019" and row.startswith("other")
                else row
            )
            assert report.applications[key][COLUMNS.index(column)] == n, (
                year,
                row,
                column,
            )
        assert report.applications["total"][6] == sum(
            n
            for (row, _c), n in expected.items()
            if row not in ("new", "carried_over", "carried_forward")
        )
        previous = report
