"""Tables 三 and 四 of an agency with 1,000,000 cases, against the floor.

Target (issue 4): the two tables within 2x of a bare
``SELECT … COUNT(*) … GROUP BY`` over the same rows, and under 1 s, on
SQLite and on PostgreSQL.  The aggregation is SQL: ``table_three`` is one
``COUNT … GROUP BY`` whose groups add two flags (received this year?
closed this year?) to the floor's two columns; ``table_four`` another over
the remedies.  Python only adds up the ≤ 264 groups.

Data: one agency with 1,000,000 cases received from 2023-12-01 to
2024-12-31 (fixed seed; applicant types and outcomes drawn with realistic
weights; 85 % closed in 2024, 5 % closed in 2025, 10 % open), so almost
every row is in scope for the 2024 tables; 10,000 reconsideration and
litigation records; two other agencies with 1,000 cases each.  Rows are
inserted with raw SQL (COPY on PostgreSQL) once and kept in
``bench/out/applications.sqlite3`` and the PostgreSQL database
``gongkai_bench_applications`` for later runs.  Timings are the best of 5
after one warm-up; ``floor`` is the bare query over the same WHERE clause,
``table 三`` is ``table_three(agency, 2024)``, ``三 + 四`` adds
``table_four``.

Figures on the development machine (Intel Xeon, 2 cores shared with other
engineers' test runs, Python 3.13.0, SQLite 3.40.1, PostgreSQL 15), 2026-11-29,
best of 5, 973,964 rows in scope (SQLite) / 973,945 (PostgreSQL):

| run (load average) | backend | floor | table 三 | 三 + 四 | ratio |
|---|---|---|---|---|---|
| 1 (≈ 3) | SQLite | 570 ms | 848 ms | 757 ms | 1.33× |
| 2 (≈ 13) | SQLite | 675 ms | 1171 ms | 1157 ms | 1.71× (over 1 s) |
| 3 (≈ 13) | SQLite | 517 ms | 797 ms | 836 ms | 1.62× |
| 1 | PostgreSQL | 305 ms | 404 ms | 372 ms | 1.22× |
| 2 | PostgreSQL | 386 ms | 382 ms | 394 ms | 1.02× |
| 3 | PostgreSQL | 400 ms | 312 ms | 308 ms | 0.77× |

Within 2× of the floor every time; under 1 s except one SQLite run on a
machine loaded 6× over its cores.  SQLite pays mostly for copying pages
through its small page cache: ``PRAGMA mmap_size=1073741824`` halved the
floor (715 → 315 ms) and took ours from 980 to 660 ms in a side test.
The project's SQLite settings now set it (``SQLITE_MMAP_BYTES``, 1 GiB):
2026-11-30, load average 1.2–1.3, three runs: floor 245–252 ms, table 三
392–464 ms, 三 + 四 389–419 ms, 1.59–1.70× the floor.  The first load takes about
9 minutes on SQLite (row inserts with five indexes) and 5 on PostgreSQL
(COPY); later runs reuse the data.

Run: ``.venv/bin/python bench/bench_applications.py [sqlite|postgres]`` or
``bench/run.py applications``.  PostgreSQL is reached at
``BENCH_POSTGRES_URL`` (default ``postgres://postgres@localhost:5432/``
``gongkai_bench_applications``, created when missing); without a server
that row says so.
"""

import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
CASES = 1_000_000
REMEDIES = 10_000
YEAR = 2024
RUNS = 5
TARGET_SECONDS = 1.0
TARGET_RATIO = 2.0
POSTGRES_URL = os.getenv(
    "BENCH_POSTGRES_URL",
    "postgres://postgres@localhost:5432/gongkai_bench_applications",
)
FLOOR_SQL = (
    "SELECT applicant_type, outcome, COUNT(*) FROM applications_application "
    "WHERE agency_id = %s AND receipt_date <= %s AND (closed_on IS NULL OR closed_on >= %s) "
    "GROUP BY applicant_type, outcome"
)
TYPES = (
    ("natural_person", 80),
    ("commercial", 10),
    ("research", 2),
    ("public_interest", 2),
    ("legal_services", 3),
    ("other_org", 3),
)
COLUMNS = (
    "agency_id", "number", "query_code", "status", "channel", "filled_by_staff",
    "applicant_type", "applicant_name", "id_kind", "id_number", "contact_person",
    "phone", "email", "address", "postcode", "needs_assistance", "assistance_note",
    "info_title", "document_number", "info_description", "provision_form", "delivery",
    "submitted_at", "receipt_date", "receipt_note", "reviewed_on", "due_date",
    "calendar_missing_year", "overdue_since", "reminded_on", "outcome", "closed_on",
    "archived_on", "submission_token", "client_ip", "registered_by_id",
    "receipt_confirmed_by_id",
)  # fmt: skip


def main(backends: list[str] | None = None) -> None:
    print(
        f"{'backend':<11}{'rows in scope':>14}{'floor':>10}{'table 三':>11}"
        f"{'三 + 四':>10}{'ratio':>8}  target: ≤ {TARGET_RATIO:.0f}× floor, < {TARGET_SECONDS:.0f} s"
    )
    for backend in backends or ["sqlite", "postgres"]:
        result = subprocess.run(
            [sys.executable, __file__, "--child", backend],
            capture_output=True,
            text=True,
            env=os.environ
            | {"DATABASE_URL": _url(backend), "PYTHONPATH": str(ROOT / "src")},
            cwd=ROOT,
            check=False,
        )
        print(
            result.stdout.rstrip()
            or f"{backend:<11}failed: {result.stderr.strip().splitlines()[-1:]}"
        )


def _url(backend: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{OUT / 'applications.sqlite3'}"
    return POSTGRES_URL


# -- the child process: one backend --------------------------------------------


def child(backend: str) -> None:
    if backend == "postgres" and not _ensure_postgres():
        print(f"{'postgres':<11}skipped: no server at {POSTGRES_URL}")
        return
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    agency = _load()
    _measure(backend, agency)


def _ensure_postgres() -> bool:
    name = POSTGRES_URL.rsplit("/", 1)[1]
    base = POSTGRES_URL.rsplit("/", 1)[0] + "/postgres"
    try:
        import psycopg

        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                conn.execute(
                    f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
                )
    except Exception:  # noqa: BLE001  any failure means: no server to measure
        return False
    return True


def _load():
    from django.db import connection, transaction

    from gongkai.applications.models import Application
    from gongkai.organisations.models import Agency
    from gongkai.organisations.services import insert_agency
    from gongkai.remedies.models import Remedy

    agency = Agency.objects.filter(name="基准测试乡人民政府").first()
    if (
        agency is not None
        and Application.objects.filter(agency=agency).count() == CASES
        and Remedy.objects.filter(agency=agency).count() == REMEDIES
    ):
        return agency
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM remedies_remedy")
        cursor.execute("DELETE FROM applications_application")
        Agency.objects.filter(name__startswith="基准测试").delete()
        agencies = [
            insert_agency(
                None, {"name": name, "level": "township", "kind": "government"}
            )
            for name in (
                "基准测试乡人民政府",
                "基准测试镇人民政府",
                "基准测试街道办事处",
            )
        ]
    started = time.perf_counter()
    rows = (
        list(_rows(agencies[0].pk, CASES, 0))
        + list(_rows(agencies[1].pk, 1000, CASES))
        + list(_rows(agencies[2].pk, 1000, CASES + 1000))
    )
    _insert(connection, rows)
    _insert_remedies(connection, agencies[0].pk)
    _analyse(connection)
    print(
        f"# loaded {len(rows):,} cases in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return agencies[0]


def _rows(agency_id: int, count: int, offset: int):
    rng = random.Random(20261129 + agency_id)
    types = [t for t, weight in TYPES for _n in range(weight)]
    outcomes = _outcome_pool()
    first = date(2023, 12, 1)
    for i in range(count):
        received = first + timedelta(days=rng.randint(0, 396))
        closed = _closing(rng, received)
        outcome, status = (
            (rng.choice(outcomes), "closed") if closed else ("", "in_progress")
        )
        n = offset + i
        yield (
            agency_id, f"B-{n:08d}", f"Q{n:09d}", status, "online", False,
            rng.choice(types), "申请人", "resident_id", "63210219900101001X", "", "13800000000",
            "", "", "", False, "", "", "", "基准测试数据", "electronic", "email",
            f"{received.isoformat()} 10:00:00+08:00", received, "", None,
            None if closed else received + timedelta(days=28), None, None, None,
            outcome, closed, None, None, None, None, None,
        )  # fmt: skip


def _closing(rng: random.Random, received: date) -> date | None:
    """85 % close within 40 days, 5 % in 2025, 10 % stay open."""
    roll = rng.random()
    if roll < 0.85:
        return received + timedelta(days=rng.randint(0, 40))
    if roll < 0.90:
        return max(received, date(2025, 1, 1)) + timedelta(days=rng.randint(0, 60))
    return None


def _outcome_pool() -> list[str]:
    from gongkai.applications.outcomes import OUTCOME_KEYS

    weights = {
        "disclosed": 40,
        "partially_disclosed": 8,
        "unable_1": 20,
        "not_processed_1": 5,
    }
    return [k for k in OUTCOME_KEYS for _n in range(weights.get(k, 1))]


def _insert(connection, rows) -> None:
    table = "applications_application"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(
                f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 50_000):
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({marks})",
                rows[start : start + 50_000],
            )


def _insert_remedies(connection, agency_id: int) -> None:
    rng = random.Random(7)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, receipt_date FROM applications_application WHERE agency_id = %s ORDER BY id LIMIT %s",
            [agency_id, REMEDIES],
        )
        cases = cursor.fetchall()
        rows = []
        for i, (pk, received) in enumerate(cases):
            received = (
                received if isinstance(received, date) else date.fromisoformat(received)
            )
            filed = received + timedelta(days=rng.randint(30, 90))
            decided = (
                filed + timedelta(days=rng.randint(30, 200))
                if rng.random() < 0.7
                else None
            )
            result = (
                rng.choice(["upheld", "corrected", "other"]) if decided else "pending"
            )
            route = rng.choice(["reconsideration", "litigation_direct"])
            rows.append(
                (
                    agency_id,
                    pk,
                    route,
                    "机关",
                    f"案{i}",
                    filed,
                    result,
                    decided,
                    "",
                    "2026-01-01 00:00:00+00:00",
                )
            )
        cursor.executemany(
            "INSERT INTO remedies_remedy (agency_id, application_id, route, body, case_number, filed_on, result, decided_on, note, created_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            rows,
        )


def _analyse(connection) -> None:
    # PostgreSQL: VACUUM sets the visibility map, so the covering index
    # serves an index-only scan (Django runs in autocommit here).
    statement = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(statement)


def _best(function) -> float:
    function()
    times = []
    for _run in range(RUNS):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def _measure(backend: str, agency) -> None:
    from django.db import connection

    from gongkai.applications.selectors import table_three
    from gongkai.remedies.selectors import table_four

    first, last = date(YEAR, 1, 1), date(YEAR, 12, 31)

    def floor():
        with connection.cursor() as cursor:
            cursor.execute(FLOOR_SQL, [agency.pk, last, first])
            return cursor.fetchall()

    in_scope = sum(row[2] for row in floor())
    floor_s = _best(floor)
    three_s = _best(lambda: table_three(agency, YEAR))
    both_s = _best(lambda: (table_three(agency, YEAR), table_four(agency, YEAR)))
    table = table_three(agency, YEAR)
    assert table["total"][6] + table["carried_forward"][6] == in_scope, (
        "tables disagree with the floor"
    )
    verdict = (
        "ok"
        if both_s <= TARGET_RATIO * floor_s and both_s < TARGET_SECONDS
        else "MISSED"
    )
    print(
        f"{backend:<11}{in_scope:>14,}{floor_s * 1000:>8.0f}ms{three_s * 1000:>9.0f}ms"
        f"{both_s * 1000:>8.0f}ms{both_s / floor_s:>7.2f}×  {verdict}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main(sys.argv[1:] or None)
