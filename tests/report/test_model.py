import json

import pytest

from gongkai.report import AnnualReport, ReportError, empty_report
from gongkai.report.schema import FORMAT_2019, FORMAT_2021, SCHEMA_ID
from tests.report_fixtures import expected_canonical, fixture_names


@pytest.mark.parametrize("name", fixture_names(with_expected=True))
def test_fixture_round_trips_losslessly(name):
    data = expected_canonical(name)
    assert AnnualReport.from_json(data).to_json() == data


@pytest.mark.parametrize("format", ["2021", "2019"])
def test_empty_report_round_trips_through_text(format):
    report = empty_report(format, 2023, "某某乡人民政府")
    again = AnnualReport.from_json_text(report.to_json_text())
    assert again == report
    assert again.to_json()["schema"] == SCHEMA_ID


def test_table_three_has_the_official_row_counts():
    # 2021: 2 + 21 leaves + （七）总计 + 四 = 25 rows; 2019: （六） is one row.
    assert len(FORMAT_2021.rows) == 25
    assert len(FORMAT_2019.rows) == 23
    assert len(FORMAT_2021.outcome_keys) == 21
    assert len(FORMAT_2019.outcome_keys) == 19


def test_labels_keep_full_width_brackets_and_chinese_quotes():
    assert FORMAT_2021.row("withheld_3").label == "3.危及“三安全一稳定”"
    assert FORMAT_2021.row("partially_disclosed").label.startswith("（二）部分公开（")


def test_fee_amount_is_kept_as_printed():
    data = empty_report().to_json()
    data["proactive"]["fees_10k_yuan"] = 24252.311082
    assert (
        AnnualReport.from_json(data).to_json()["proactive"]["fees_10k_yuan"]
        == 24252.311082
    )


def test_missing_row_is_refused_with_a_chinese_message():
    data = empty_report().to_json()
    del data["applications"]["other_2"]
    with pytest.raises(ReportError, match="缺少 \\['other_2'\\]"):
        AnnualReport.from_json(data)


def test_wrong_cell_count_is_refused():
    data = empty_report().to_json()
    data["applications"]["new"] = [1, 2, 3]
    with pytest.raises(ReportError, match="7 个单元格"):
        AnnualReport.from_json(data)


def test_2019_proactive_in_a_2021_report_is_refused():
    data = empty_report("2021").to_json()
    data["proactive"] = empty_report("2019").to_json()["proactive"]
    with pytest.raises(ReportError):
        AnnualReport.from_json(data)


@pytest.mark.parametrize("text", ["", "[]", "{", b"\xff\xfe\x00", '{"format": "1999"}'])
def test_unreadable_input_raises_report_error(text):
    with pytest.raises(ReportError):
        AnnualReport.from_json_text(text)


def test_cell_paths_resolve():
    report = empty_report(fill=3)
    assert report.cell("applications.new[6]") == 3
    assert report.cell("appeals.litigation_direct[0]") == 3
    assert report.cell("proactive.regulations.in_force") == 3
    with pytest.raises(KeyError):
        report.cell("applications.nope[0]")


def test_json_schema_describes_the_top_level_keys():
    schema = AnnualReport.json_schema()
    assert {"schema", "format", "applications", "appeals", "proactive"} <= set(
        schema["properties"]
    )
    json.dumps(schema)
