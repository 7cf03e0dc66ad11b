"""The cases of the daily-job concurrency tests, and helper processes for
the run on an SQLite file (``test_daily_job_concurrency.py``).

``prepare`` builds the cases and prints their numbers as JSON;
``run START`` waits until the epoch time START, runs the daily job for
:data:`TODAY` with Django's in-memory mail backend and prints what it did
and the e-mails it sent as JSON.  Run with ``DATABASE_URL`` naming the
migrated file."""

import json
import sys
import time
from datetime import date

RECEIVED = date(2025, 9, 26)  # reply due 2025-10-30 (国庆 counted)
TODAY = date(2025, 11, 10)  # every case below is past its deadline
OVERDUE = 16
ABANDONED = 3  # of each kind: correction not made, fee not paid
CLERK_EMAIL = "lisi@gucheng.example"
HEAD_EMAIL = "wangwu@gucheng.example"


def build_cases() -> dict[str, list[str]]:
    """Create 古城回族乡 with its clerk and head (both with e-mail) and the
    cases the job must handle on :data:`TODAY`: overdue ones, and ones whose
    correction or fee deadline passed.  Return their numbers by kind."""
    from gongkai.accounts.models import Role
    from gongkai.applications import services
    from gongkai.organisations.demo import build_demo_world
    from tests.applications.conftest import person
    from tests.organisations.world import make_person

    township = build_demo_world().township
    clerk = make_person("lisi", "李四", township, Role.HANDLER)
    head = make_person("wangwu", "王五", township, Role.HEAD)
    for user, email in ((clerk, CLERK_EMAIL), (head, HEAD_EMAIL)):
        user.email = email
        user.save(update_fields=["email"])

    def register(name: str):
        return services.register_application(
            clerk,
            township,
            channel="in_person",
            fields=person(applicant_name=name),
            receipt_date=RECEIVED,
        )

    numbers: dict[str, list[str]] = {"overdue": [], "correction": [], "fee": []}
    for i in range(OVERDUE):
        numbers["overdue"].append(register(f"逾期{i}").number)
    for i in range(ABANDONED):
        case = register(f"未补正{i}")
        services.request_correction(
            clerk,
            case,
            items="请写明文件名称",
            correct_by=date(2025, 10, 10),
            on=date(2025, 9, 29),
        )
        numbers["correction"].append(case.number)
    for i in range(ABANDONED):
        case = register(f"未缴费{i}")
        services.issue_fee_notice(
            clerk,
            case,
            basis="per_page",
            quantity=40,
            justification="需提供纸质复印件40页",
            on=date(2025, 9, 29),
        )
        numbers["fee"].append(case.number)
    return numbers


def outcome(report) -> dict:
    return {
        "overdue": report.overdue,
        "reminded": report.reminded,
        "abandoned_correction": report.abandoned_correction,
        "abandoned_fee": report.abandoned_fee,
    }


def _run(start: float) -> None:
    from django.core import mail
    from django.test.utils import setup_test_environment

    from gongkai.applications.services import run_daily_jobs

    setup_test_environment()  # the in-memory mail backend: mail.outbox
    time.sleep(max(0.0, start - time.time()))
    report = run_daily_jobs(TODAY)
    emails = [{"subject": m.subject, "to": m.to, "body": m.body} for m in mail.outbox]
    print(json.dumps(outcome(report) | {"emails": emails}, ensure_ascii=False))


if __name__ == "__main__":
    import django

    django.setup()
    if sys.argv[1] == "prepare":
        print(json.dumps(build_cases()))
    else:
        _run(float(sys.argv[2]))
