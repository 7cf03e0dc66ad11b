"""Reconsideration and litigation records linked to a case (R68)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.remedies.models import Remedy, Result
from gongkai.remedies.services import record_remedy, record_result
from tests.applications.conftest import at

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def later():
    with at(TODAY):
        yield


def reconsider(clerk, case, filed_on=date(2025, 11, 20)):
    return record_remedy(
        clerk,
        case,
        route="reconsideration",
        body="海东市平安区人民政府",
        case_number="平政复〔2025〕3号",
        filed_on=filed_on,
    )


def test_a_reconsideration_starts_pending_and_is_audited(case, lisi):
    remedy = reconsider(lisi, case)
    assert (remedy.result, remedy.decided_on, remedy.agency) == (
        Result.PENDING,
        None,
        case.agency,
    )
    assert AuditEntry.objects.filter(
        verb="remedies.record_remedy", agency=case.agency
    ).exists()


def test_the_result_is_recorded_once_with_its_date(case, lisi):
    remedy = record_result(
        lisi,
        reconsider(lisi, case),
        result="corrected",
        decided_on=date(2026, 1, 15),
        note="责令重新答复",
    )
    assert (remedy.result, remedy.decided_on) == ("corrected", date(2026, 1, 15))
    with pytest.raises(ValidationError, match="已记录结果"):
        record_result(lisi, remedy, result="upheld", decided_on=date(2026, 1, 16))


def test_a_decision_before_the_filing_is_refused(case, lisi):
    with pytest.raises(ValidationError, match="不能早于"):
        record_result(
            lisi, reconsider(lisi, case), result="upheld", decided_on=date(2025, 11, 1)
        )


def test_pending_is_not_a_result(case, lisi):
    with pytest.raises(ValidationError, match="维持、纠正或其他"):
        record_result(
            lisi, reconsider(lisi, case), result="pending", decided_on=date(2026, 1, 1)
        )


def test_a_lawsuit_after_reconsideration_follows_a_decided_one(case, lisi):
    first = reconsider(lisi, case)
    with pytest.raises(ValidationError, match="作出决定之后"):
        record_remedy(
            lisi,
            case,
            route="litigation_after_reconsideration",
            body="法院",
            case_number="行初1",
            filed_on=date(2026, 1, 20),
            follows=first,
        )
    first = record_result(lisi, first, result="upheld", decided_on=date(2026, 1, 15))
    lawsuit = record_remedy(
        lisi,
        case,
        route="litigation_after_reconsideration",
        body="法院",
        case_number="行初1",
        filed_on=date(2026, 1, 20),
        follows=first,
    )
    assert lawsuit.follows == first and list(first.lawsuits.all()) == [lawsuit]


def test_a_direct_lawsuit_names_no_reconsideration(case, lisi):
    first = reconsider(lisi, case)
    with pytest.raises(ValidationError, match="只有复议后起诉"):
        record_remedy(
            lisi,
            case,
            route="litigation_direct",
            body="法院",
            case_number="行初2",
            filed_on=date(2026, 1, 20),
            follows=first,
        )


def test_filing_before_the_application_arrived_is_refused(case, lisi):
    with pytest.raises(ValidationError, match="不能早于 2025-09-26"):
        reconsider(lisi, case, filed_on=date(2025, 9, 1))


def test_the_neighbouring_clerk_cannot_record(case, sunba):
    with pytest.raises(PermissionDenied):
        reconsider(sunba, case)
    assert not Remedy.objects.exists()
