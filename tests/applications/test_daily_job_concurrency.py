"""The daily job run twice AT THE SAME TIME (two cron entries, two hosts,
a rerun while the first is still busy): every overdue case is marked and
announced exactly once, every abandoned case is closed exactly once.

- PostgreSQL: two threads, each with its own connection, released
  together by a barrier, over the same committed cases (a transactional
  test, so both connections see them).
- SQLite: the test database is in memory with a shared cache, where a
  second writer fails at once with "database table is locked" instead of
  waiting (the busy timeout does not apply to shared-cache locks), so
  threads cannot share it.  The production shape is a file in WAL mode
  with IMMEDIATE transactions; two processes run the job against such a
  file at the same instant.
"""

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from django.core import mail
from django.db import connection

import pytest

from gongkai.applications import services
from gongkai.applications.models import Application, LetterKind, Reply, Status
from gongkai.audit.models import AuditEntry

from .daily_job_worker import (
    ABANDONED,
    CLERK_EMAIL,
    HEAD_EMAIL,
    OVERDUE,
    TODAY,
    build_cases,
    outcome,
)

ROOT = Path(__file__).resolve().parents[2]


def check_exactly_once(numbers: dict[str, list[str]], runs: list[dict]) -> None:
    """Both runs together did each piece of work once, and so did the
    database and the mail."""
    for key, expected in (
        ("overdue", numbers["overdue"]),
        ("abandoned_correction", numbers["correction"]),
        ("abandoned_fee", numbers["fee"]),
    ):
        done = Counter(n for run in runs for n in run[key])
        assert sorted(done) == sorted(expected), key
        assert set(done.values()) == {1}, f"{key} done twice: {done}"
    assert all(run["reminded"] == [] for run in runs)

    emails = [e for run in runs for e in run["emails"]]
    assert len(emails) == OVERDUE
    assert all(e["subject"] == "政府信息公开申请已逾期" for e in emails)
    assert all(sorted(e["to"]) == [CLERK_EMAIL, HEAD_EMAIL] for e in emails)
    announced = Counter(
        number for e in emails for number in numbers["overdue"] if number in e["body"]
    )
    assert announced == Counter(numbers["overdue"])


def check_database(numbers: dict[str, list[str]]) -> None:
    overdue = Application.objects.filter(number__in=numbers["overdue"])
    assert {c.overdue_since for c in overdue} == {TODAY}
    marks = Counter(
        AuditEntry.objects.filter(verb="applications.mark_overdue").values_list(
            "target_id", flat=True
        )
    )
    assert sorted(marks) == sorted(str(c.pk) for c in overdue)
    assert set(marks.values()) == {1}

    abandoned = Application.objects.filter(
        number__in=numbers["correction"] + numbers["fee"]
    )
    assert {(c.status, c.outcome) for c in abandoned} == {
        (Status.CLOSED, "other_1"),
        (Status.CLOSED, "other_2"),
    }
    assert Reply.objects.filter(application__in=abandoned).count() == 2 * ABANDONED
    letters = Counter(
        abandoned.filter(letters__kind=LetterKind.REPLY).values_list("pk", flat=True)
    )
    assert set(letters.values()) == {1} and len(letters) == 2 * ABANDONED
    closes = Counter(
        AuditEntry.objects.filter(verb="applications.close_as_abandoned").values_list(
            "target_id", flat=True
        )
    )
    assert len(closes) == 2 * ABANDONED and set(closes.values()) == {1}


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database refuses concurrent writers outright "
    "(shared cache); the multi-process test below covers SQLite on a file",
)
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_on_postgresql_each_case_once():
    numbers = build_cases()
    barrier = threading.Barrier(2)
    runs: list[dict] = []
    errors: list[BaseException] = []

    def run_job():
        try:
            barrier.wait(timeout=30)
            report = services.run_daily_jobs(TODAY)
            runs.append(outcome(report))
        except BaseException as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run_job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert errors == []
    assert len(runs) == 2
    # Both threads send through Django's in-memory backend: one outbox.
    emails = [{"subject": m.subject, "to": m.to, "body": m.body} for m in mail.outbox]
    runs[0]["emails"], runs[1]["emails"] = emails, []
    check_exactly_once(numbers, runs)
    check_database(numbers)
    # Run again later that day: nothing is left to do.
    again = services.run_daily_jobs(TODAY)
    assert outcome(again) == {
        "overdue": [],
        "reminded": [],
        "abandoned_correction": [],
        "abandoned_fee": [],
    }
    assert len(mail.outbox) == OVERDUE


def _process(args: list[str], database_url: str) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=database_url, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _output(process: subprocess.Popen, timeout: int) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err[-3000:]
    return out


def test_two_processes_at_once_on_an_sqlite_file_each_case_once(tmp_path):
    """Independent of the test database: a migrated SQLite file (WAL,
    IMMEDIATE transactions, as deployed), two processes released at the
    same instant."""
    url = f"sqlite:///{tmp_path / 'daily-job.sqlite3'}"
    _output(_process(["manage.py", "migrate", "-v", "0"], url), 300)
    worker = "tests.applications.daily_job_worker"
    numbers = json.loads(_output(_process(["-m", worker, "prepare"], url), 300))
    assert len(numbers["overdue"]) == OVERDUE

    start = time.time() + 5  # both processes are loaded and waiting by then
    processes = [_process(["-m", worker, "run", str(start)], url) for _ in range(2)]
    runs = [json.loads(_output(p, 300)) for p in processes]

    check_exactly_once(numbers, runs)
    audit = _output(
        _process(
            [
                "-c",
                "import django, json; django.setup(); "
                "from collections import Counter; "
                "from gongkai.audit.models import AuditEntry; "
                "print(json.dumps(Counter(AuditEntry.objects.filter(verb__in=["
                "'applications.mark_overdue', 'applications.close_as_abandoned'])"
                ".values_list('target_id', flat=True))))",
            ],
            url,
        ),
        120,
    )
    counts = json.loads(audit)
    assert len(counts) == OVERDUE + 2 * ABANDONED
    assert set(counts.values()) == {1}
