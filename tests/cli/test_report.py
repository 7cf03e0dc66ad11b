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
    source = resources.files("gongkai.annual_reports").joinpath("data", "seed-2023.json")
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
