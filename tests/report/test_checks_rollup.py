import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report import AnnualReport, empty_report
from gongkai.report.checks import check, check_rollup, rollup
from gongkai.report.checks.rollup import cell_paths
from tests.report.strategies import valid_reports


@settings(max_examples=30, deadline=None)
@given(st.lists(valid_reports(format="2021"), min_size=1, max_size=4))
def test_rollup_of_members_equals_their_sum_and_passes_every_check(members):
    total = rollup(members, agency="平安区", year=2023)
    for path in cell_paths("2021"):
        assert total.cell(path) == pytest.approx(
            sum(m.cell(path) or 0 for m in members)
        )
    assert check_rollup(total, members) == []
    # Sums of consistent tables are consistent.
    assert [f for f in check(total) if f.severity == "error"] == []


@settings(max_examples=20, deadline=None)
@given(st.lists(valid_reports(format="2021"), min_size=2, max_size=3), st.data())
def test_a_changed_aggregate_cell_is_named(members, data):
    total = rollup(members).to_json()
    path = data.draw(
        st.sampled_from([p for p in cell_paths("2021") if "applications" in p])
    )
    name, index = path[len("applications.") :].rstrip("]").split("[")
    total["applications"][name][int(index)] += 1
    findings = check_rollup(AnnualReport.from_json(total), members)
    assert [f.cells for f in findings] == [[path]]
    assert findings[0].severity == "error"


def test_rollup_refuses_mixed_formats():
    with pytest.raises(ValueError, match="格式不一致"):
        rollup([empty_report("2021"), empty_report("2019")])


def test_blank_member_cells_count_as_zero():
    a = empty_report(fill=None)
    b = empty_report(fill=1)
    assert rollup([a, b]).cell("applications.new[0]") == 1
