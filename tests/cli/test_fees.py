"""``gongkai fees``: the fee in 元 on the first line, the breakdown after."""

import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.cli import main

GONGKAI = Path(sys.executable).parent / "gongkai"


def run(capsys, *argv):
    status = main(["fees", *argv])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


@pytest.mark.parametrize(
    ("pages", "amount"),
    [("30", 0), ("31", 10), ("100", 700), ("150", 1700), ("200", 2700), ("250", 4700)],
)
def test_pages_prints_the_r34_examples(capsys, pages, amount):
    status, lines, err = run(capsys, "pages", pages)
    assert (status, err) == (0, "")
    assert lines[0] == str(amount)
    assert lines[-1] == f"合计：{amount} 元"


def test_pages_shows_each_band(capsys):
    _status, lines, _err = run(capsys, "pages", "150")
    assert lines[1:] == [
        "计费方式：按量计收（国办函〔2020〕109号第五条）",
        "第 1–30 页：免费（30 页）",
        "第 31–100 页：70 页 × 10 元 = 700 元",
        "第 101–150 页：50 页 × 20 元 = 1000 元",
        "合计：1700 元",
    ]


@pytest.mark.parametrize(
    ("k", "amount"),
    [("1", 0), ("10", 0), ("12", 100), ("30", 100), ("31", 200), ("41", 300)],
)
def test_applications_prints_the_r33_examples(capsys, k, amount):
    status, lines, _err = run(capsys, "applications", k)
    assert status == 0
    assert lines[0] == str(amount)
    assert f"第 {k} 件" in lines[2]


@pytest.mark.parametrize(
    ("command", "value", "words"),
    [
        ("pages", "abc", "页数应为整数"),
        ("pages", "-1", "页数不能小于 0"),
        ("applications", "0", "件次不能小于 1"),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(capsys, command, value, words):
    status, lines, err = run(capsys, command, value)
    assert (status, lines) == (2, [])
    assert words in err


def test_the_installed_command_runs_without_django_settings():
    result = subprocess.run(
        [str(GONGKAI), "fees", "pages", "31"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "10"
