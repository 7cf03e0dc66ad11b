"""``check`` on the hand-checked published reports of tests/fixtures/reports.

The expected findings follow each fixture's ``consistency_notes``.  The
fixtures carry no narrative text, so every one gets the three SECTIONS
warnings.
"""

import pytest

from gongkai.report import AnnualReport
from gongkai.report.checks import check
from tests.report_fixtures import expected_canonical, fixture_expected, fixture_names

NARRATIVE_PATHS = ["sections.overview", "sections.problems", "sections.other"]


def fixture_report(name: str) -> AnnualReport:
    return AnnualReport.from_json(expected_canonical(name))


def fixture_findings(name: str):
    return check(fixture_report(name), level=fixture_expected(name)["level"])


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def null_cells(report: AnnualReport) -> set[str]:
    paths = {
        f"applications.{key}[{i}]"
        for key, row in report.applications.items()
        for i, value in enumerate(row)
        if value is None
    }
    for key, row in report.appeals.model_dump().items():
        paths |= {f"appeals.{key}[{i}]" for i, value in enumerate(row) if value is None}
    return paths


@pytest.mark.parametrize("name", fixture_names(with_expected=True))
def test_published_reports_have_no_errors(name):
    findings = fixture_findings(name)
    assert [f for f in findings if f.severity == "error"] == []
    assert [f.cells for f in by_rule(findings, "SECTIONS")] == [
        [path] for path in NARRATIVE_PATHS
    ]


@pytest.mark.parametrize("name", ["seed-000_b84d2fa2a12aa177", "004"])
def test_complete_consistent_reports_get_only_the_sections_warnings(name):
    # seed: all tables zero; 004: "all sums then check" (consistency_notes).
    assert {f.rule for f in fixture_findings(name)} == {"SECTIONS"}


def test_shanghai_2019_blank_totals_are_missing_figures_that_add_up():
    """Blank 总计 on the result rows: warnings with the sums the row gives."""
    findings = fixture_findings("001")
    assert {f.rule for f in findings} == {"SECTIONS", "T3-ROWSUM", "CELL-BLANK"}
    row_sums = by_rule(findings, "T3-ROWSUM")
    assert {f.severity for f in row_sums} == {"warning"}
    expected = {
        "disclosed": 272,  # "予以公开 should total 272"
        "partially_disclosed": 3,
        "withheld_1": 14,
        "withheld_5": 5,
        "withheld_6": 4,
        "withheld_8": 12,
        "unable_1": 265,
        "unable_2": 47,
        "unable_3": 25,
        "not_processed_1": 149,
        "not_processed_2": 9,
    }
    found = {}
    for f in row_sums:
        key = f.cells[0].removeprefix("applications.").removesuffix("[0]")
        found[key] = int(f.message.rsplit("总计应为 ", 1)[1])
        assert "总计单元格空白" in f.message
    assert found == expected
    # The missing totals add up to the printed （七）总计.
    assert sum(found.values()) == 805


def test_shanghai_2019_reports_every_other_blank_cell_as_zero():
    report = fixture_report("001")
    findings = check(report, level="province")
    blank = [path for f in by_rule(findings, "CELL-BLANK") for path in f.cells]
    assert len(blank) == len(set(blank))
    missing_totals = {f.cells[6] for f in by_rule(findings, "T3-ROWSUM")}
    assert set(blank) == null_cells(report) - missing_totals
    # One finding per row (or appeals group) with blanks, never one per cell.
    rows = {path.split("[")[0] for path in blank}
    assert len(by_rule(findings, "CELL-BLANK")) == len(rows)


def test_township_reporting_rules_gets_a_level_warning():
    (found,) = by_rule(fixture_findings("010"), "LEVEL")
    assert found.severity == "warning"
    assert found.cells == ["proactive.regulations.in_force"]
    assert "乡镇（街道）不能制定规章" in found.message
    assert "立法法" in found.message and "现行有效件数 6" in found.message


def test_level_is_only_judged_when_the_level_is_known():
    assert by_rule(check(fixture_report("010")), "LEVEL") == []


@pytest.mark.parametrize(
    ("name", "first_missing"),
    [
        ("009", "withheld_7"),
        ("010", "withheld_6"),
        ("024", "disclosed"),
        ("025", "withheld_8"),
    ],
)
def test_truncated_excerpts_report_the_rows_cut_off(name, first_missing):
    raw = fixture_expected(name)
    findings = fixture_findings(name)
    missing_rows, missing_appeals = by_rule(findings, "TABLE-MISSING")
    cut = raw["rows_not_in_stored_text"]
    assert cut[0] == first_missing
    assert f"缺少最后 {len(cut)} 行" in missing_rows.message
    assert {
        p.split("[")[0].removeprefix("applications.") for p in missing_rows.cells
    } == set(cut)
    assert "行政复议、行政诉讼" in missing_appeals.message
    assert by_rule(findings, "T3-TOTAL") == by_rule(findings, "T3-BALANCE") == []


def test_daying_blank_total_of_disclosed_is_a_missing_figure():
    # "the 总计 column of row 三(一) is blank although 自然人 = 4"
    row_sums = by_rule(fixture_findings("009"), "T3-ROWSUM")
    disclosed = [f for f in row_sums if f.cells[0] == "applications.disclosed[0]"]
    assert len(disclosed) == 1
    assert disclosed[0].severity == "warning"
    assert disclosed[0].message.endswith("总计应为 4")


def test_hanyang_blank_rules_in_force_is_a_blank_cell():
    blank = by_rule(fixture_findings("024"), "CELL-BLANK")
    assert [f.cells for f in blank] == [["proactive.regulations.in_force"]]
    assert "规章" in blank[0].message and "现行有效件数" in blank[0].message
