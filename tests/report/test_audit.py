import csv
import json
import shutil

import pytest

from gongkai.report import audit
from gongkai.report.model import empty_report
from tests.report_fixtures import REPORTS


@pytest.fixture
def corpus(tmp_path):
    for name in ("seed-000_b84d2fa2a12aa177.txt", "001.txt", "017.txt"):
        shutil.copy(REPORTS / name, tmp_path / name)
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4 truncated")
    (tmp_path / "notes.md").write_text("not a report")
    return tmp_path


def year_report(year: int, carried_forward: int, carried_over: int):
    data = empty_report(year=year, agency="某乡").to_json()
    data["applications"]["new"] = [carried_forward, 0, 0, 0, 0, 0, carried_forward]
    data["applications"]["carried_forward"] = [
        carried_forward,
        0,
        0,
        0,
        0,
        0,
        carried_forward,
    ]
    data["applications"]["carried_over"] = [carried_over, 0, 0, 0, 0, 0, carried_over]
    data["applications"]["disclosed"] = [carried_over, 0, 0, 0, 0, 0, carried_over]
    data["applications"]["total"] = [carried_over, 0, 0, 0, 0, 0, carried_over]
    return data


def test_every_report_file_gets_a_row_and_bad_files_are_reported(corpus):
    rows = audit.audit([corpus], jobs=2)
    names = [r.file.rsplit("/", 1)[1] for r in rows]
    assert (
        names
        == sorted(names)
        == [
            "001.txt",
            "017.txt",
            "junk.pdf",
            "seed-000_b84d2fa2a12aa177.txt",
        ]
    )
    by_name = {r.file.rsplit("/", 1)[1]: r for r in rows}
    assert by_name["junk.pdf"].status == "unreadable" and by_name["junk.pdf"].message
    seed = by_name["seed-000_b84d2fa2a12aa177.txt"]
    assert (seed.agency, seed.year, seed.counts()["error"]) == (
        "海东市平安区古城回族乡",
        2023,
        0,
    )
    assert "TABLE-MISSING" in {f["rule"] for f in by_name["017.txt"].findings}


def test_parallel_and_serial_runs_agree(corpus):
    serial = [r.as_record() for r in audit.audit([corpus], jobs=1)]
    parallel = [r.as_record() for r in audit.audit([corpus], jobs=2)]
    assert serial == parallel


def test_consecutive_years_of_one_agency_are_paired(tmp_path):
    (tmp_path / "a2022.json").write_text(json.dumps(year_report(2022, 3, 0)))
    (tmp_path / "a2023.json").write_text(json.dumps(year_report(2023, 0, 2)))
    rows = audit.audit([tmp_path], jobs=1)
    later = next(r for r in rows if r.year == 2023)
    assert later.previous_file.endswith("a2022.json")
    assert "X-CARRY" in {f["rule"] for f in later.findings}


def test_csv_has_one_line_per_file(corpus, tmp_path):
    rows = audit.audit([corpus], jobs=1)
    out = tmp_path / "out.csv"
    with open(out, "w", encoding="utf-8-sig", newline="") as stream:
        audit.write_csv(rows, stream)
    records = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    assert len(records) == 4
    assert set(audit.CSV_FIELDS) == set(records[0])


def test_summary_counts_read_and_unreadable(corpus):
    text = audit.summary(audit.audit([corpus], jobs=1), 1.0)
    assert "共 4 个文件：读取 3，无法读取 1" in text
