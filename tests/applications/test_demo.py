"""The demo world's cases: a few dozen in every state, built once."""

from collections import Counter
from datetime import date

import pytest

from gongkai.applications.demo import build_demo_applications
from gongkai.applications.models import Application, RecordCorrection, Reply, Status
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


def test_it_shows_the_form_of_provision_help_and_record_corrections(demo, world):
    # R26: another form than asked for, with its reason, stated in the letter.
    changed = Reply.objects.exclude(form_change_reason="").get(
        application__agency=world.township
    )
    assert (changed.application.provision_form, changed.provided_form) == (
        "paper",
        "media",
    )
    assert "第四十条" in changed.application.letters.get(kind="reply").body
    # R28: one applicant flagged for help, with a note.
    helped = [case for case in demo if case.needs_assistance]
    assert len(helped) == 1 and "视力障碍" in helped[0].assistance_note
    # R27: two requests in the township, one corrected, one transferred to
    # the neighbouring township, where it waits.
    township = RecordCorrection.objects.filter(agency=world.township)
    assert sorted(township.values_list("result", flat=True)) == [
        "corrected",
        "transferred",
    ]
    assert all(r.notice_body for r in township)
    transfer = RecordCorrection.objects.get(agency=world.sibling_townships[0])
    assert transfer.status == "pending" and transfer.transferred_from in township


def test_running_it_again_adds_nothing(demo, world):
    count = Application.objects.count(), RecordCorrection.objects.count()
    with at(TODAY):
        again = build_demo_applications(world, TODAY)
    assert (Application.objects.count(), RecordCorrection.objects.count()) == count
    assert len(again) == len(demo)
