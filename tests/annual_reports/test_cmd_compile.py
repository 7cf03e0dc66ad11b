"""gongkai report compile --agency NAME_OR_ID --year YEAR --to FORMAT -o OUT."""

import json

import pytest

from gongkai.annual_reports import compile, services
from gongkai.cli import main
from gongkai.report import AnnualReport

pytestmark = pytest.mark.django_db


def test_it_writes_the_compiled_report(tmp_path, capsys, gucheng, history):
    out = tmp_path / "report.json"

    code = main(
        [
            "report",
            "compile",
            "--agency",
            "古城回族乡",
            "--year",
            "2023",
            "--to",
            "json",
            "-o",
            str(out),
        ]
    )

    written = AnnualReport.from_json_text(out.read_bytes())
    expected = compile(gucheng, 2023)
    assert code == 0
    assert written.applications == expected.applications
    assert written.appeals == expected.appeals
    assert written.proactive == expected.proactive
    assert "海东市平安区古城回族乡人民政府 2023 年度：错误 0" in capsys.readouterr().err


def test_it_takes_the_text_of_the_report_on_the_platform(
    tmp_path, gucheng, lisi, history
):
    report = services.start_report(lisi, gucheng, 2023)
    services.save_narrative(
        lisi, report, overview="（一）主动公开。", problems="（一）问题。", other="",
        agency_name="海东市平安区古城回族乡", responsible_leader="",
    )  # fmt: skip
    out = tmp_path / "report.md"

    main(
        [
            "report",
            "compile",
            "--agency",
            str(gucheng.pk),
            "--year",
            "2023",
            "--to",
            "md",
            "-o",
            str(out),
        ]
    )

    text = out.read_text("utf-8")
    assert text.startswith("# 海东市平安区古城回族乡")
    assert "（一）主动公开。" in text


def test_the_findings_are_marked_in_the_output(tmp_path, xiaoxia):
    out = tmp_path / "report.json"

    main(
        [
            "report",
            "compile",
            "--agency",
            "小峡镇",
            "--year",
            "2023",
            "--to",
            "json",
            "-o",
            str(out),
        ]
    )

    findings = json.loads(out.read_text("utf-8"))["findings"]
    assert "CELL-BLANK" in {f["rule"] for f in findings}  # no 第二十条 figures


@pytest.mark.parametrize(
    "agency, message",
    [
        ("9999", "没有找到机关：9999"),
        ("镇", "“镇”对应多个机关，请写全称或编号"),
    ],
)
def test_an_unknown_or_ambiguous_agency_exits_with_2(
    world, capsys, tmp_path, agency, message
):
    code = main(
        [
            "report",
            "compile",
            "--agency",
            agency,
            "--year",
            "2023",
            "--to",
            "json",
            "-o",
            str(tmp_path / "x"),
        ]
    )

    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_a_trial_format_year_exits_with_2(world, capsys, tmp_path):
    code = main(
        [
            "report",
            "compile",
            "--agency",
            "古城回族乡",
            "--year",
            "2020",
            "--to",
            "pdf",
            "-o",
            str(tmp_path / "x"),
        ]
    )

    assert code == 2 and "2019 年试行格式" in capsys.readouterr().err
