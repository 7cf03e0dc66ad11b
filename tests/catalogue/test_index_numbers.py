"""索引号 (R42): generated at publication from the publication date,
unique per prefix and period, safe under concurrent publishing, and never
changed afterwards."""

import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

from django.db import DatabaseError, close_old_connections, connection

import pytest

from gongkai.catalogue import services
from gongkai.catalogue.models import Document, IndexSerial, PrefixSource
from gongkai.catalogue.numbers import format_index_number
from tests.catalogue.conftest import draft, publish


def test_serials_count_up_per_period_and_restart_each_year(lisi, zhaoliu, gucheng):
    first = publish(lisi, zhaoliu, gucheng, today=date(2023, 12, 29))
    second = publish(lisi, zhaoliu, gucheng, today=date(2023, 12, 29), title="第二条")
    next_year = publish(lisi, zhaoliu, gucheng, today=date(2024, 1, 2), title="第三条")

    code = gucheng.organisation_code
    assert [first.index_number, second.index_number, next_year.index_number] == [
        f"{code}/2023-00001",
        f"{code}/2023-00002",
        f"{code}/2024-00001",
    ]
    # 9-character code + "/" + 4-digit year + "-" + 5 digits = 20 characters.
    assert len(first.index_number) == 20


def test_the_scheme_can_use_the_credit_code_and_months(wangwu, lisi, zhaoliu, gucheng):
    services.update_index_scheme(
        wangwu,
        gucheng,
        prefix_source=PrefixSource.CREDIT_CODE,
        custom_prefix="",
        period="month",
    )

    document = publish(lisi, zhaoliu, gucheng, today=date(2025, 4, 7))

    assert document.index_number == f"{gucheng.credit_code}/202504-00001"


def test_a_custom_prefix_must_be_code_characters(wangwu, gucheng):
    with pytest.raises(Exception, match="前段码只能"):
        services.update_index_scheme(
            wangwu,
            gucheng,
            prefix_source=PrefixSource.CUSTOM,
            custom_prefix="古城/乡",
            period="year",
        )


def test_agencies_sharing_a_prefix_never_share_a_number(world, lisi, zhaoliu, sunba):
    """Two agencies configured with the same custom prefix draw from one
    serial, so numbers stay globally unique."""
    from gongkai.accounts.models import Role
    from tests.organisations.world import make_person

    xiaoxia = world.sibling_townships[0]
    head_g = make_person("head-g", "头甲", world.township, Role.HEAD)
    head_x = make_person("head-x", "头乙", xiaoxia, Role.HEAD)
    reviewer_x = make_person("rev-x", "审乙", xiaoxia, Role.PUBLICATION_REVIEWER)
    for head, agency in ((head_g, world.township), (head_x, xiaoxia)):
        services.update_index_scheme(
            head, agency, prefix_source="custom", custom_prefix="PAQ", period="year"
        )

    a = publish(lisi, zhaoliu, world.township, today=date(2023, 5, 5))
    b = publish(sunba, reviewer_x, xiaoxia, today=date(2023, 5, 5))

    assert {a.index_number, b.index_number} == {"PAQ/2023-00001", "PAQ/2023-00002"}


def test_the_index_number_survives_withdrawal_and_is_not_reused(lisi, zhaoliu, gucheng):
    first = publish(lisi, zhaoliu, gucheng, today=date(2023, 3, 6))
    services.withdraw_document(zhaoliu, first, reason="误发，撤回更正。")
    second = publish(lisi, zhaoliu, gucheng, today=date(2023, 3, 7), title="更正后")

    first.refresh_from_db()
    assert first.index_number.endswith("2023-00001")
    assert first.listing_key is None
    assert second.index_number.endswith("2023-00002")


def test_the_database_refuses_to_change_an_index_number(lisi, zhaoliu, gucheng):
    document = publish(lisi, zhaoliu, gucheng)
    with pytest.raises(DatabaseError, match="index numbers never change"):
        Document.objects.filter(pk=document.pk).update(index_number="X/2023-99999")


def test_an_agency_without_any_code_gets_a_clear_message(lisi, zhaoliu, gucheng):
    type(gucheng).objects.filter(pk=gucheng.pk).update(
        organisation_code="", credit_code=""
    )
    document = draft(lisi, gucheng)
    services.record_review(zhaoliu, document, conclusion="approved")
    with pytest.raises(Exception, match="组织机构代码"):
        services.publish_document(zhaoliu, document)


def test_format_pads_the_serial_to_five_digits():
    assert format_index_number("013900040", "2023", 7) == "013900040/2023-00007"
    assert format_index_number("013900040", "2023", 123456) == "013900040/2023-123456"


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database refuses concurrent writers outright "
    "(shared cache); the multi-process test below covers SQLite on a file",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_publishing_gives_distinct_consecutive_numbers(world):
    """Eight reviewers of eight agencies with one shared prefix publish at
    the same moment; every number is distinct and the serials are 1..8."""
    from gongkai.accounts.models import Role
    from tests.organisations.world import make_person

    agencies = world.district_agencies + [world.city, world.province]
    documents, reviewers = [], []
    for i, agency in enumerate(agencies):
        head = make_person(f"h{i}", f"负责人{i}", agency, Role.HEAD)
        clerk = make_person(f"c{i}", f"经办人{i}", agency, Role.HANDLER)
        reviewer = make_person(f"r{i}", f"审核人{i}", agency, Role.PUBLICATION_REVIEWER)
        services.update_index_scheme(
            head, agency, prefix_source="custom", custom_prefix="SHARED", period="year"
        )
        document = draft(clerk, agency, title=f"并发发布{i}")
        services.record_review(reviewer, document, conclusion="approved")
        documents.append(document)
        reviewers.append(reviewer)

    barrier = threading.Barrier(len(documents))
    errors = []

    def publish_one(reviewer, document):
        try:
            barrier.wait(timeout=10)
            services.publish_document(reviewer, document, today=date(2023, 6, 1))
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=publish_one, args=pair)
        for pair in zip(reviewers, documents, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(
        Document.objects.filter(pk__in=[d.pk for d in documents]).values_list(
            "index_number", flat=True
        )
    )
    assert numbers == [f"SHARED/2023-{n:05d}" for n in range(1, len(documents) + 1)]
    assert IndexSerial.objects.get(prefix="SHARED", period="2023").last == len(
        documents
    )


ROOT = Path(__file__).resolve().parents[2]


def _run(args, database_url):
    env = dict(os.environ, DATABASE_URL=database_url, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the thread test above covers PostgreSQL's row locks",
)
def test_concurrent_publishing_from_several_processes_on_an_sqlite_file(tmp_path):
    """Six processes (like gunicorn workers) publish into one SQLite file at
    the same instant; the numbers are distinct and consecutive."""
    url = f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"
    migrate = _run(["manage.py", "migrate", "-v", "0"], url)
    assert migrate.wait(timeout=300) == 0
    prepare = _run(["-m", "tests.catalogue.concurrency_worker", "prepare", "6"], url)
    pairs = [line.split(":") for line in prepare.communicate(timeout=300)[0].split()]
    assert prepare.returncode == 0 and len(pairs) == 6

    start = time.time() + 4
    workers = [
        _run(
            [
                "-m",
                "tests.catalogue.concurrency_worker",
                "publish",
                doc,
                rev,
                str(start),
            ],
            url,
        )
        for doc, rev in pairs
    ]
    assert [w.wait(timeout=120) for w in workers] == [0] * 6

    check = _run(
        [
            "-c",
            "import django; django.setup(); "
            "from gongkai.catalogue.models import Document; "
            "print(' '.join(sorted(Document.objects.exclude(index_number=None)"
            ".values_list('index_number', flat=True))))",
        ],
        url,
    )
    numbers = check.communicate(timeout=120)[0].split()
    assert numbers == [f"SHARED/2023-{n:05d}" for n in range(1, 7)]
