"""Properties of ``check`` on generated reports (tests/report/strategies.py)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report.checks import LEVELS, check
from gongkai.report.schema import N_COLUMNS
from tests.report.strategies import (
    consistent_year_pairs,
    replace_cells,
    table_cell_paths,
    valid_reports,
)

# Reports are large draws (some 200 values each).
REPORTS = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

formats = st.sampled_from(["2021", "2019"])
deltas = st.integers(-1000, 1000).filter(bool)


@REPORTS
@given(formats.flatmap(valid_reports))
def test_a_valid_report_has_no_findings(report):
    assert check(report) == []


@REPORTS
@given(
    st.sampled_from(sorted(LEVELS)).flatmap(
        lambda level: st.tuples(st.just(level), valid_reports(level=level))
    )
)
def test_a_valid_report_has_no_findings_at_its_level(case):
    level, report = case
    assert check(report, level=level) == []


@REPORTS
@given(report=formats.flatmap(valid_reports), data=st.data(), delta=deltas)
def test_changing_one_table_cell_is_an_error_on_that_cell(report, data, delta):
    path = data.draw(st.sampled_from(table_cell_paths(report.format)), label="path")
    changed = replace_cells(report, {path: report.cell(path) + delta})
    errors = [f for f in check(changed) if f.severity == "error"]
    assert any(path in f.cells for f in errors)


@REPORTS
@given(report=formats.flatmap(valid_reports), data=st.data())
def test_blanking_a_total_cell_never_makes_an_error(report, data):
    key = data.draw(st.sampled_from(list(report.applications)), label="row")
    path = f"applications.{key}[{N_COLUMNS - 1}]"
    findings = check(replace_cells(report, {path: None}))
    assert [f for f in findings if f.severity == "error"] == []
    # Either a missing figure (nonzero parts) or a blank read as 0, on that cell.
    assert [(f.rule, path in f.cells) for f in findings] in (
        [("T3-ROWSUM", True)],
        [("CELL-BLANK", True)],
    )


@REPORTS
@given(consistent_year_pairs())
def test_consecutive_consistent_reports_have_no_findings(pair):
    previous, report = pair
    assert check(report, previous) == []


@REPORTS
@given(pair=consistent_year_pairs(), column=st.integers(0, N_COLUMNS - 1), delta=deltas)
def test_altering_one_carried_over_cell_breaks_the_carry(pair, column, delta):
    previous, report = pair
    path = f"applications.carried_over[{column}]"
    value = report.cell(path) + delta
    changed = replace_cells(report, {path: value})
    carry = [f for f in check(changed, previous) if f.rule == "X-CARRY"]
    assert [(f.severity, f.cells) for f in carry] == [("error", [path])]
    assert f"为 {value}" in carry[0].message
