import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.cli import main
from tests.workdays.deadlines import CASES

GONGKAI = Path(sys.executable).parent / "gongkai"


def run(capsys, *argv):
    status = main(["calendar", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def check_case(capsys, case, *options):
    status, out, err = run(
        capsys, "add-workdays", case.start.isoformat(), str(case.n), *options
    )
    if case.due is None:
        assert (status, out) == (3, "")
        assert err.strip() == (
            f"缺少 {case.missing_year} 年的法定节假日安排数据"
            f"（calendar data missing for {case.missing_year}）"
        )
    else:
        assert (status, err) == (0, "")
        assert out.splitlines()[0] == case.due.isoformat()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_add_workdays_prints_the_fixture_due_date_from_package_data(capsys, case):
    check_case(capsys, case, "--source", "package")


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_add_workdays_prints_the_fixture_due_date_from_the_database(capsys, case):
    check_case(capsys, case, "--source", "db")


@pytest.mark.django_db
def test_auto_source_uses_the_database_so_admin_added_years_count(capsys):
    from gongkai.workcalendar.services import add_calendar_year
    from tests.workcalendar.conftest import HOLIDAYS_2027, SOURCE_2027, WORKDAYS_2027

    add_calendar_year(None, 2027, HOLIDAYS_2027, WORKDAYS_2027, SOURCE_2027)
    status, out, _ = run(capsys, "add-workdays", "2026-12-01", "40", "--proof")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "2027-01-27"
    assert lines[1] == "日历数据：数据库（2004–2027 年，共 24 年）"
    assert f"依据：{SOURCE_2027}" in lines
    # The package data still lack 2027.
    assert (
        run(capsys, "add-workdays", "2026-12-01", "40", "--source", "package")[0] == 3
    )


def test_the_proof_follows_the_due_date(capsys):
    status, out, _ = run(
        capsys, "add-workdays", "2025-03-01", "20", "--proof", "--source", "package"
    )
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == "2025-03-28"  # not find_workday's 2025-03-31
    assert lines[1].startswith("日历数据：chinesecalendar 1.11.0")
    assert "2025-03-01（周六）后第 20 个工作日为 2025-03-28（周五）" in lines
    assert "2025-03-02 周日  不计：周末" in lines
    assert "2025-03-28 周五  第 20 个工作日" in lines


def test_a_pause_extends_the_deadline(capsys):
    argv = ["add-workdays", "2025-03-03", "20", "--source", "package"]
    assert run(capsys, *argv)[1] == "2025-03-31\n"
    assert run(capsys, *argv, "--pause", "2025-03-10..2025-03-14")[1] == "2025-04-08\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["2025-02-30", "20"],
            "用法错误：日期“2025-02-30”无效，应为 YYYY-MM-DD 格式的真实日期",
        ),
        (
            ["25/09/26", "20"],
            "用法错误：日期“25/09/26”无效，应为 YYYY-MM-DD 格式的真实日期",
        ),
        (["2025-09-26", "二十"], "用法错误：工作日数“二十”无效，应为正整数"),
        (["2025-09-26", "0"], "用法错误：工作日数“0”无效，应为正整数"),
        (["2025-09-26", "-3"], "用法错误：工作日数“-3”无效，应为正整数"),
        (
            ["2025-09-26", "5", "--pause", "2025-10-09"],
            "用法错误：中止期间“2025-10-09”无效",
        ),
    ],
)
def test_malformed_input_is_a_usage_error(capsys, argv, message):
    status, out, err = run(capsys, "add-workdays", *argv, "--source", "package")
    assert (status, out) == (2, "")
    assert err.startswith(message)


def test_years_lists_the_covered_years_with_their_notice(capsys):
    status, out, _ = run(capsys, "years", "--source", "package")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 1 + 23
    assert lines[-1].startswith("2026\t国务院办公厅关于2026年部分节假日安排的通知")


def subprocess_env() -> dict:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "GONGKAI_HOME")
    }
    return env | {"DJANGO_SETTINGS_MODULE": "gongkai.config.settings"}


def test_the_installed_command_works_on_a_fresh_checkout(tmp_path):
    # No database file in the working directory: the package data are used.
    done = subprocess.run(
        [GONGKAI, "calendar", "add-workdays", "2025-09-26", "20"],
        cwd=tmp_path,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "2025-10-30\n", "")
    assert not (tmp_path / "var" / "gongkai.sqlite3").exists()


def test_the_installed_command_exits_3_naming_the_missing_year(tmp_path):
    done = subprocess.run(
        [GONGKAI, "calendar", "add-workdays", "2026-12-01", "40"],
        cwd=tmp_path,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (3, "")
    assert "calendar data missing for 2027" in done.stderr
