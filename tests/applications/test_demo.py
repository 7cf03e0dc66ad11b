"""The demo world's cases: a few dozen in every state, built once."""

from collections import Counter
from datetime import date

import pytest

from gongkai.applications.demo import build_demo_applications
from gongkai.applications.models import Application, Status
from gongkai.remedies.models import Remedy

from .conftest import at

TODAY = date(2026, 11, 27)  # a Friday late in the year: 2027 is not covered


@pytest.fixture
def demo(world):
    with at(TODAY):
        return build_demo_applications(world, TODAY)


def test_it_builds_a_few_dozen_cases_in_the_township_and_its_siblings(demo, world):
    agencies = Counter(case.agency_id for case in demo)
    assert 30 <= len(demo) <= 80
    assert agencies[world.township.pk] >= 25
    assert all(agencies[s.pk] >= 5 for s in world.sibling_townships)


def test_every_state_is_present(demo):
    statuses = Counter(case.status for case in demo)
    assert set(statuses) == set(Status.values)
    outcomes = {case.outcome for case in demo if case.outcome}
    assert {
        "disclosed",
        "partially_disclosed",
        "withheld_4",
        "other_1",
        "other_2",
        "not_processed_4",
    } <= outcomes
    assert any(case.overdue_since for case in demo)
    assert any(case.archived_on for case in demo)
    assert any(case.calendar_missing_year == 2027 for case in demo)
    assert Remedy.objects.filter(result="pending").exists()
    assert Remedy.objects.exclude(result="pending").exists()


def test_running_it_again_adds_nothing(demo, world):
    count = Application.objects.count()
    with at(TODAY):
        again = build_demo_applications(world, TODAY)
    assert Application.objects.count() == count
    assert len(again) == len(demo)
