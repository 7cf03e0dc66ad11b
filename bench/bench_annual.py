"""Compile and roll up the annual reports of a province: 10,000 agencies and
1,000,000 cases, on SQLite and on PostgreSQL.

Target (issue 6): compiling every agency's 2023 report and rolling the
reports up county → city → province in under 10 s, with the share of the
time spent in SQL.  Every agency is compiled by ``compile_many`` (a few
grouped queries for all of them); the province-wide table 三 counted in
one SQL query (the applications app's selector over every agency id) is
shown beside it as the floor, and ``compile_report`` one agency at a time
(about ten ORM queries each) for comparison.  The run checks that the sums
equal that joint count and the core's ``rollup``.

The data go into a database of their own, built once and reused:
``var/bench/annual.sqlite3`` and, when PostgreSQL answers, the database
``gongkai_bench_annual`` (``BENCH_PG_URL`` to point elsewhere).  Each
backend runs in a child process (Django is configured once per process).

Usage: ``.venv/bin/python bench/bench_annual.py [--agencies N] [--cases N]
[--backend sqlite|postgres]`` or ``bench/run.py annual``.
"""

import argparse
import os
import random
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_S = 10.0
YEAR = 2023
PG_URL = os.getenv(
    "BENCH_PG_URL", "postgres://postgres@localhost:5432/gongkai_bench_annual"
)
SHANGHAI = ZoneInfo("Asia/Shanghai")
OUTCOMES = (
    ["disclosed"] * 40
    + ["partially_disclosed"] * 10
    + ["unable_1"] * 15
    + ["not_processed_1"] * 5
    + ["withheld_4", "withheld_6", "unable_2", "not_processed_2", "other_1", "other_3"]
)
APPLICANTS = ["natural_person"] * 20 + [
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other_org",
]


# -- the tree -------------------------------------------------------------------


def tree_shape(agencies: int) -> tuple[int, int, int]:
    """Return (cities, counties per city, agencies per county) giving about
    ``agencies`` agencies: a province of 8 cities of 8 counties each."""
    cities, counties = 8, 8
    per_county = max(1, round((agencies - 1 - cities) / (cities * counties)) - 1)
    return cities, counties, per_county


def build_tree(agencies: int) -> list:
    from gongkai.organisations.models import Agency, Kind, Level

    cities, counties, per_county = tree_shape(agencies)
    now = datetime(2023, 1, 1, tzinfo=SHANGHAI)
    rows, pk = [], 0

    def add(parent, name, level, kind):
        nonlocal pk
        pk += 1
        path = (parent.path if parent else "/") + f"{pk}/"
        agency = Agency(
            pk=pk, parent=parent, path=path, name=name, level=level, kind=kind,
            created_at=now, updated_at=now,
        )  # fmt: skip
        rows.append(agency)
        return agency

    province = add(None, "基准省人民政府", Level.PROVINCE, Kind.GOVERNMENT)
    for c in range(cities):
        city = add(province, f"基准省第{c}市人民政府", Level.CITY, Kind.GOVERNMENT)
        for k in range(counties):
            county = add(
                city, f"基准省第{c}市第{k}县人民政府", Level.COUNTY, Kind.GOVERNMENT
            )
            for i in range(per_county):
                level, kind, what = (
                    (Level.TOWNSHIP, Kind.GOVERNMENT, "乡人民政府")
                    if i % 3
                    else (Level.COUNTY, Kind.DEPARTMENT, "局")
                )
                add(county, f"基准省第{c}市第{k}县第{i}{what}", level, kind)
    Agency.objects.bulk_create(rows, batch_size=2000)
    return rows


# -- the records --------------------------------------------------------------------


def _case(n: int, agency_id: int, rng: random.Random):
    from gongkai.applications.models import Application

    received = date(2021, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    closed = received + timedelta(days=rng.randrange(1, 60))
    is_open = rng.random() < 0.03 or closed > date(2023, 12, 31) and rng.random() < 0.3
    return Application(
        agency_id=agency_id, number=f"B{n:09d}", query_code=f"Q{n:011d}",
        status="in_progress" if is_open else "closed", channel="online",
        applicant_type=rng.choice(APPLICANTS), applicant_name="某申请人",
        id_kind="other", id_number=str(n), phone="0", info_description="某信息",
        provision_form="electronic", delivery="email",
        submitted_at=datetime(received.year, received.month, received.day, tzinfo=SHANGHAI),
        receipt_date=received, outcome="" if is_open else rng.choice(OUTCOMES),
        closed_on=None if is_open else closed,
    )  # fmt: skip


def build_cases(agency_ids: list[int], cases: int, rng: random.Random) -> None:
    from gongkai.applications.models import Application

    batch = []
    for n in range(cases):
        batch.append(_case(n, rng.choice(agency_ids), rng))
        if len(batch) == 20_000:
            Application.objects.bulk_create(batch)
            batch = []
    Application.objects.bulk_create(batch)


def build_appeals(rng: random.Random) -> None:
    from gongkai.applications.models import Application
    from gongkai.remedies.models import Remedy

    refused = Application.objects.filter(
        outcome__in=["withheld_4", "withheld_6", "unable_1"]
    ).values_list("pk", "closed_on", "agency_id")
    rows = []
    for pk, closed, agency_id in refused.iterator():
        if rng.random() > 0.1:
            continue
        filed = closed + timedelta(days=rng.randrange(1, 60))
        decided = filed + timedelta(days=rng.randrange(30, 200))
        result = rng.choice(["upheld", "upheld", "corrected", "other"])
        rows.append(
            Remedy(
                application_id=pk,
                agency_id=agency_id,
                route=rng.choice(["reconsideration", "litigation_direct"]),
                body="某复议机关",
                case_number=f"复{pk}",
                filed_on=filed,
                result=result,
                decided_on=decided,
            )  # fmt: skip
        )
    Remedy.objects.bulk_create(rows, batch_size=5000)


def build_catalogue(agencies: list, rng: random.Random) -> None:
    from decimal import Decimal

    from gongkai.catalogue.models import Article20Figures, Category, Document

    category = Category.objects.order_by("pk").first()
    documents, figures = [], []
    for agency in agencies:
        for i in range(3):
            created = date(2018, 1, 1) + timedelta(days=rng.randrange(6 * 365))
            repealed = (
                created + timedelta(days=rng.randrange(300, 2000)) if i == 0 else None
            )
            documents.append(
                Document(
                    agency_id=agency.pk,
                    category=category,
                    kind="normative",
                    title=f"规范性文件{agency.pk}-{i}",
                    created_on=created,
                    formed_on=created,
                    status="published",
                    published_on=created,
                    repealed_on=repealed,
                )  # fmt: skip
            )
        figures.append(
            Article20Figures(
                agency_id=agency.pk,
                year=YEAR,
                licensing=rng.randrange(500),
                penalty=rng.randrange(50),
                enforcement=rng.randrange(5),
                fees_yuan=Decimal(rng.randrange(10_000_000)) / 100,
            )  # fmt: skip
        )
    Document.objects.bulk_create(documents, batch_size=5000)
    Article20Figures.objects.bulk_create(figures, batch_size=5000)


def _clear() -> None:
    """Empty the tables this benchmark fills (the migrations' categories and
    calendar stay)."""
    from django.db import connection

    from gongkai.applications.models import Application
    from gongkai.catalogue.models import Article20Figures, Document
    from gongkai.organisations.models import Agency
    from gongkai.remedies.models import Remedy

    with connection.cursor() as cursor:
        for model in (Remedy, Application, Article20Figures, Document, Agency):
            cursor.execute(
                f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}"
            )


def ensure_data(agencies: int, cases: int) -> float:
    """Build what the database does not hold yet (tree and cases, appeals,
    catalogue); return the seconds spent building (0 when all reused)."""
    from gongkai.applications.models import Application
    from gongkai.catalogue.models import Article20Figures
    from gongkai.organisations.models import Agency
    from gongkai.remedies.models import Remedy

    started = time.perf_counter()
    rng = random.Random(6)
    have = Agency.objects.count()
    if not (have >= agencies * 0.95 and Application.objects.count() == cases):
        _clear()
        tree = build_tree(agencies)
        build_cases([a.pk for a in tree], cases, rng)
    if not Remedy.objects.exists():
        build_appeals(rng)
    if Article20Figures.objects.count() != Agency.objects.count():
        _clear_catalogue()
        build_catalogue(list(Agency.objects.all()), rng)
    return time.perf_counter() - started


def _clear_catalogue() -> None:
    from gongkai.catalogue.models import Article20Figures, Document

    Article20Figures.objects.all().delete()
    Document.objects.all().delete()


# -- measuring -------------------------------------------------------------------------


class SqlClock:
    """Counts the queries (``connection.execute_wrapper``).  Their time is
    measured around the fetching of the parts instead: SQLite does most of
    its work while the rows are fetched, after ``execute`` returns."""

    def __init__(self):
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1


def roll_up_tree(reports: dict, tree: list):
    """Sum the reports county → city → province; return the province's
    report and the cities' (to check against the core's ``rollup``)."""
    from gongkai.annual_reports.grouped import (
        add_vectors,
        report_from_vector,
        report_vector,
    )

    children: dict = {}
    for agency in tree:
        children.setdefault(agency.parent_id, []).append(agency)
    sums: dict = {}

    def total(agency) -> list:
        own = report_vector(reports[agency.pk])
        sums[agency.pk] = add_vectors(
            [own, *(total(c) for c in children.get(agency.pk, []))]
        )
        return sums[agency.pk]

    root = next(a for a in tree if a.parent_id is None)
    total(root)
    cities = [
        report_from_vector(sums[c.pk], agency=c.name, year=YEAR)
        for c in children[root.pk]
    ]
    province = report_from_vector(sums[root.pk], agency=root.name, year=YEAR)
    return province, [reports[root.pk], *cities]


def measure() -> dict:
    from django.db import connection

    from gongkai.annual_reports.compiling import compile_report
    from gongkai.annual_reports.grouped import build_reports, fetch_parts
    from gongkai.applications.selectors import table_three
    from gongkai.organisations.models import Agency
    from gongkai.report.checks import check, rollup

    tree = list(Agency.objects.order_by("path"))
    clock = SqlClock()
    with connection.execute_wrapper(clock):
        started = time.perf_counter()
        parts = fetch_parts([a.pk for a in tree], YEAR)
        fetched = time.perf_counter() - started
        reports = build_reports(tree, YEAR, parts)
        compiled = time.perf_counter() - started
    started = time.perf_counter()
    province, parts = roll_up_tree(reports, tree)
    rolled = time.perf_counter() - started
    started = time.perf_counter()
    joint = table_three([a.pk for a in tree], YEAR)
    floor = time.perf_counter() - started
    # The sums agree with the applications app's joint count and the core's rollup.
    assert joint == province.applications, "the roll-up differs from the joint count"
    assert rollup(parts, agency=province.agency, year=YEAR) == province
    assert not [f for f in check(province) if f.severity == "error"]
    sample = tree[:: max(1, len(tree) // 100)][:100]
    started = time.perf_counter()
    for agency in sample:
        assert compile_report(agency, YEAR) == reports[agency.pk]
    one_by_one = (time.perf_counter() - started) / len(sample)
    return {
        "agencies": len(tree),
        "compile": compiled,
        "sql": fetched,
        "queries": clock.queries,
        "rollup": rolled,
        "floor": floor,
        "one_by_one": one_by_one,
    }


def run_backend(backend: str, agencies: int, cases: int) -> None:
    """Child process: configure Django for one backend and print one row."""
    if backend == "sqlite":
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'annual.sqlite3'}"
    else:
        os.environ["DATABASE_URL"] = PG_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    built = ensure_data(agencies, cases)
    result = measure()
    total = result["compile"] + result["rollup"]
    share = result["sql"] / total
    verdict = "ok" if total < TARGET_S else "over target"
    print(
        f"| {backend} | {result['agencies']:,} | {cases:,} | {result['compile']:.2f} s "
        f"| {result['rollup']:.2f} s | **{total:.2f} s** ({verdict}) | {share:.0%} "
        f"({result['queries']:,} queries, rows fetched) | {result['floor']:.2f} s "
        f"| {result['one_by_one'] * 1000:.1f} ms | {built:.0f} s |"
    )


def _postgres_ready() -> bool:
    from urllib.parse import urlparse

    parsed = urlparse(PG_URL)
    name = parsed.path.lstrip("/")
    base = ["-h", parsed.hostname or "localhost", "-U", parsed.username or "postgres"]
    check = subprocess.run(["psql", *base, "-lqt"], capture_output=True, text=True)
    if check.returncode != 0:
        return False
    if not any(
        line.split("|")[0].strip() == name for line in check.stdout.splitlines()
    ):
        made = subprocess.run(
            ["createdb", *base, "-T", "template0", "-E", "UTF8", "--lc-collate=C.UTF-8", "--lc-ctype=C.UTF-8", name],
            capture_output=True,
        )  # fmt: skip
        return made.returncode == 0
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgres"))
    args = parser.parse_args(argv if argv is not None else [])
    if args.backend:
        run_backend(args.backend, args.agencies, args.cases)
        return
    print(
        f"Target: compile every agency's {YEAR} report and roll up in < {TARGET_S:.0f} s.\n"
    )
    print(
        "| database | agencies | cases | compile all | roll up | total "
        "| share in SQL | one-query table 三 (floor) | compile_report per agency "
        "| data built in |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    backends = ["sqlite"] + (["postgres"] if _postgres_ready() else [])
    for backend in backends:
        command = [sys.executable, __file__, "--backend", backend]
        command += ["--agencies", str(args.agencies), "--cases", str(args.cases)]
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        subprocess.run(command, check=True, env=env, cwd=ROOT)
    if "postgres" not in backends:
        print("\n(PostgreSQL not reachable: only SQLite measured.)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main(sys.argv[1:])
