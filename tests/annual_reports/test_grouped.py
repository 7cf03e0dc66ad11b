"""compile_many and sum_reports give what compile and rollup give, for
every agency, in a few queries."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual_reports import compile
from gongkai.annual_reports.compiling import CompileError
from gongkai.annual_reports.grouped import compile_many, sum_reports
from gongkai.report.checks import rollup
from tests.report.strategies import valid_reports

from .records import case, document, figures, remedy, township_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(world):
    township_history(world.township)
    xiaoxia = world.sibling_townships[0]
    late = case(
        xiaoxia, date(2023, 11, 1), closed=date(2024, 1, 5), outcome="withheld_4"
    )
    remedy(late, "litigation_after_reconsideration", date(2023, 12, 1))
    document(xiaoxia, "regulation", date(2023, 2, 1))
    document(xiaoxia, "normative", date(2019, 2, 1), repealed=date(2024, 1, 1))
    figures(world.district, 2023, licensing=12, fees="99.99")
    return world


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_compile_many_equals_compiling_each_agency(district, year):
    agencies = district.district_agencies

    many = compile_many(agencies, year)

    for agency in agencies:
        assert many[agency.pk] == compile(agency, year), agency.name


def test_compile_many_takes_a_few_queries_for_any_number_of_agencies(district):
    with CaptureQueriesContext(connection) as queries:
        compile_many(district.district_agencies, 2023)

    assert len(queries) <= 5


def test_compile_many_refuses_a_trial_format_year(district):
    with pytest.raises(CompileError):
        compile_many(district.district_agencies, 2020)


@settings(max_examples=30, deadline=None)
@given(st.lists(valid_reports(format="2021", year=2023), min_size=1, max_size=8))
def test_sum_reports_equals_the_cores_rollup(members):
    assert sum_reports(members, agency="某市", year=2023) == rollup(
        members, agency="某市", year=2023
    )
