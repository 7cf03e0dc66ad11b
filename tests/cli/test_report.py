import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.report import AnnualReport


@pytest.fixture
def seed_path(tmp_path) -> Path:
    source = resources.files("gongkai.annual_reports").joinpath(
        "data", "seed-2023.json"
    )
    path = tmp_path / "seed.json"
    path.write_text(source.read_text("utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def broken_path(seed_path, tmp_path) -> Path:
    data = json.loads(seed_path.read_text(encoding="utf-8"))
    data["applications"]["new"][0] = 2
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_exits_zero_for_a_consistent_report(seed_path, capsys):
    assert main(["report", "check", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "海东市平安区古城回族乡" in out
    assert "错误 0" in out


def test_check_exits_one_and_shows_the_arithmetic(broken_path, capsys):
    assert main(["report", "check", str(broken_path)]) == 1
    out = capsys.readouterr().out
    assert "T3-BALANCE" in out and "自然人" in out


def test_check_json_output_lists_findings(broken_path, capsys):
    main(["report", "check", str(broken_path), "--json"])
    findings = json.loads(capsys.readouterr().out)
    assert any("applications.new[0]" in f["cells"] for f in findings)


def test_check_with_previous_year_runs_the_carry_rule(seed_path, tmp_path, capsys):
    data = json.loads(seed_path.read_text(encoding="utf-8"))
    data["year"] = 2022
    data["applications"]["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    last = tmp_path / "last.json"
    last.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["report", "check", str(seed_path), "--previous", str(last)]) == 1
    assert "X-CARRY" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "2021"}'])
def test_check_exits_two_on_unreadable_input(tmp_path, capsys, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["report", "check", str(path)]) == 2
    assert capsys.readouterr().err.startswith("gongkai: ")


def test_check_exits_two_for_a_missing_file(tmp_path, capsys):
    assert main(["report", "check", str(tmp_path / "nope.json")]) == 2
    assert "无法读取" in capsys.readouterr().err


def test_check_refuses_an_unknown_level(seed_path, capsys):
    assert main(["report", "check", str(seed_path), "--level", "galaxy"]) == 2
    assert "township" in capsys.readouterr().err


@pytest.mark.parametrize("to,magic", [("pdf", b"%PDF"), ("docx", b"PK"), ("md", b"#")])
def test_render_writes_the_file(seed_path, tmp_path, to, magic):
    out = tmp_path / f"out.{to}"
    assert main(["report", "render", str(seed_path), "--to", to, "-o", str(out)]) == 0
    assert out.read_bytes().lstrip().startswith(magic)


def test_render_json_round_trips(seed_path, tmp_path):
    out = tmp_path / "out.json"
    main(["report", "render", str(seed_path), "--to", "json", "-o", str(out)])
    original = AnnualReport.from_json_text(seed_path.read_bytes())
    assert AnnualReport.from_json_text(out.read_bytes()) == original


def test_schema_prints_a_json_schema(capsys):
    assert main(["report", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "applications" in schema["properties"]


def test_the_installed_command_runs(seed_path):
    gongkai = Path(sys.executable).parent / "gongkai"
    result = subprocess.run(
        [str(gongkai), "report", "check", str(seed_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


SEED_TEXT = (
    Path(__file__).parent.parent
    / "fixtures"
    / "reports"
    / "seed-000_b84d2fa2a12aa177.txt"
)


def test_parse_prints_a_summary_and_exits_zero(capsys):
    assert main(["report", "parse", str(SEED_TEXT)]) == 0
    out = capsys.readouterr().out
    assert "海东市平安区古城回族乡 2023" in out and "错误 0" in out


def test_parse_json_is_canonical_with_findings(capsys):
    assert main(["report", "parse", str(SEED_TEXT), "--json"]) == 0
    report = AnnualReport.from_json_text(capsys.readouterr().out)
    assert report.year == 2023
    assert {f.rule for f in report.findings} == {"LABELS"}


def test_parse_exits_two_on_an_unreadable_file(tmp_path, capsys):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"\x00\x01binary junk")
    assert main(["report", "parse", str(path)]) == 2
    assert capsys.readouterr().err.startswith("gongkai: ")


def test_check_accepts_a_published_document(capsys):
    assert main(["report", "check", str(SEED_TEXT)]) == 0
    assert "LABELS" in capsys.readouterr().out


def test_audit_writes_csv_and_json(tmp_path, capsys):
    out = tmp_path / "audit.json"
    reports = tmp_path / "each"
    assert (
        main(
            [
                "report",
                "audit",
                str(SEED_TEXT),
                "--out",
                str(out),
                "--jobs",
                "1",
                "--reports",
                str(reports),
            ]
        )
        == 0
    )
    [row] = json.loads(out.read_text(encoding="utf-8"))
    assert row["agency"] == "海东市平安区古城回族乡" and row["errors"] == 0
    assert len(list(reports.glob("*.json"))) == 1
    assert "共 1 个文件" in capsys.readouterr().err


def test_audit_with_nothing_to_read_exits_two(tmp_path, capsys):
    assert (
        main(["report", "audit", str(tmp_path), "--out", str(tmp_path / "x.csv")]) == 2
    )


def test_diff_reports_repeated_narrative(seed_path, capsys):
    assert (
        main(["report", "diff", str(seed_path), str(seed_path), "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["narrative"]["repeated_share"] == 1.0
