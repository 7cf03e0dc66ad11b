"""The annual report end to end in Debian's chromium: the township clerk
compiles 2023, writes section 五 and submits; the 负责人 publishes; the
report is on the public site; the district's inspector sees it on the
dashboard beside the township's siblings, charts drawn by the vendored
ECharts under the strict CSP."""

import re

import pytest

from gongkai.accounts.demo import DEMO_PASSWORD, create_demo_staff
from gongkai.annual_reports.models import ReportVersion
from gongkai.organisations.demo import build_demo_world
from tests.annual_reports.records import case, figures

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback: the calendar and the categories come from migrations.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PROBLEMS = (
    "（一）存在的主要问题。政策解读的形式比较单一。\n"
    "（二）改进情况。涉及群众切身利益的文件同步发布图解。"
)


@pytest.fixture
def demo(transactional_db):
    world = build_demo_world()
    create_demo_staff(world)
    figures(world.township, 2023)
    from datetime import date

    case(
        world.township, date(2023, 4, 3), closed=date(2023, 4, 20), outcome="disclosed"
    )
    return world


def watch_for_errors(page) -> list[str]:
    """Collect script errors, CSP refusals and missing static files (the
    test server serves the source files: see ``tests/conftest.py``)."""
    errors = []

    def on_console(message):
        if message.type == "error":
            errors.append(message.text)

    def on_response(response):
        if response.status >= 400 and "/static/" in response.url:
            errors.append(response.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", on_response)
    return errors


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/staff/agencies/")


def compile_and_write(page, base_url):
    page.goto(f"{base_url}/staff/reports/")
    page.select_option("#id_year", "2023")
    page.click("#start-form button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/reports/\d+/$"))
    # Every number of the tables links to its records.
    page.click('a.gk-drill[href*="applications.new%5B6%5D"]')
    assert page.locator("#cell-value").inner_text() == "1"
    assert page.locator("#cell-records tbody tr").count() == 1
    page.go_back()
    # Section 一 from the platform's facts, section 五 by hand.
    page.click("#fact-applications button")
    page.wait_for_load_state()
    page.fill("#id_problems", PROBLEMS)
    page.click("#save-narrative")
    page.wait_for_load_state()
    assert "全年新收政府信息公开申请1件" in page.input_value("#id_overview")
    assert page.input_value("#id_problems") == PROBLEMS
    page.click("#submit-button")
    assert page.locator("#report-status").inner_text() == "待审核"
    return page.url


def test_a_clerk_compiles_writes_and_the_head_publishes(page, live_server, demo):
    base = live_server.url
    errors = watch_for_errors(page)
    log_in(page, base, "lisi")
    report_url = compile_and_write(page, base)

    log_in(page, base, "wangwu")
    page.goto(report_url)
    page.click("#publish-button")
    assert page.locator("#report-status").inner_text() == "已发布"

    # The public page, without logging in.
    page.context.clear_cookies()
    version = ReportVersion.objects.get()
    page.goto(f"{base}/annual-reports/{version.pk}/")
    assert "海东市平安区古城回族乡人民政府" in page.locator("h1.gk-title").inner_text()
    assert "政策解读的形式比较单一" in page.content()
    pdf = page.request.get(f"{base}/annual-reports/{version.pk}/download.pdf")
    assert pdf.ok and pdf.body()[:4] == b"%PDF"

    log_in(page, base, "qianqi")
    page.goto(f"{base}/staff/reports/dashboard/?year=2023")
    rows = page.locator("#dashboard-table tbody tr")
    names = rows.locator("th").all_inner_texts()
    assert {
        "海东市平安区古城回族乡人民政府",
        "海东市平安区小峡镇人民政府",
        "海东市平安区三合镇人民政府",
    } <= {n.strip() for n in names}
    township = page.locator(f'#dashboard-table tr[data-agency="{demo.township.pk}"]')
    # Published today, long after 31 March 2024: flagged as late (R64).
    assert "逾期发布" in township.inner_text()
    page.wait_for_selector("#chart-status svg")
    page.wait_for_selector("#chart-applications svg")
    assert errors == []  # ECharts loaded, no CSP refusal, no script error


def test_the_dashboard_works_on_a_phone(browser, live_server, demo):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN"
    )
    page = context.new_page()
    log_in(page, live_server.url, "qianqi")

    page.goto(f"{live_server.url}/staff/reports/dashboard/?year=2023")

    page.wait_for_selector("#chart-status svg")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # the wide table scrolls inside its own box
    context.close()


def test_the_published_report_is_in_the_portal_column(page, live_server, demo):
    from django.contrib.auth import get_user_model

    from gongkai.annual_reports.services import (
        publish_report,
        save_narrative,
        start_report,
        submit_report,
    )

    users = get_user_model().objects
    lisi, wangwu = users.get(username="lisi"), users.get(username="wangwu")
    report = start_report(lisi, demo.township, 2023)
    report = save_narrative(
        lisi, report, overview="（一）主动公开。", problems=PROBLEMS, other="",
        agency_name="海东市平安区古城回族乡", responsible_leader="",
    )  # fmt: skip
    version = publish_report(wangwu, submit_report(lisi, report))

    page.goto(f"{live_server.url}/agencies/{demo.township.pk}/reports/")

    assert page.locator(f'a[href="/annual-reports/{version.pk}/"]').count() == 1
