import pytest

from gongkai.workdays import (
    CalendarMissing,
    add_workdays,
    add_workdays_with_proof,
    package_calendar,
)
from tests.workdays.deadlines import CASES


def test_the_fixture_file_has_all_rows():
    # 10 start dates × 4 periods; one row must refuse for lack of 2027 data.
    assert len(CASES) == 40
    assert [c.missing_year for c in CASES if c.missing_year] == [2027]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_package_calendar_gives_the_statutory_due_date(case):
    calendar = package_calendar()
    if case.due is None:
        with pytest.raises(CalendarMissing) as raised:
            add_workdays(calendar, case.start, case.n)
        assert raised.value.year == case.missing_year
        assert str(raised.value) == (
            f"缺少 {case.missing_year} 年的法定节假日安排数据"
            f"（calendar data missing for {case.missing_year}）"
        )
    else:
        assert add_workdays(calendar, case.start, case.n) == case.due


@pytest.mark.parametrize("case", [c for c in CASES if c.due], ids=lambda c: c.id)
def test_the_proof_agrees_with_the_fast_path(case):
    proof = add_workdays_with_proof(package_calendar(), case.start, case.n)
    assert proof.due == case.due
    assert len(proof.counted) == case.n
    assert proof.counted[-1] == case.due
