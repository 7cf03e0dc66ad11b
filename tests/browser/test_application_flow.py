"""The whole life of an application in Debian chromium: a citizen applies
on the public form, the clerk asks for a correction, the corrected
application arrives online, the head extends the deadline, the clerk
replies 部分公开 with a generated letter, and the citizen reads the result
with the query code.  Also: a double click makes one case, and the form
fits a phone screen.

The flow runs on today's date.  Years without an official holiday
arrangement (this year or next, when the test runs late in a year or in a
year nobody entered yet) get a made-up one marked as test data, so the
deadlines can be computed whatever the date.
"""

from datetime import date, timedelta

from django.utils import timezone

import pytest

from gongkai.accounts.demo import DEMO_PASSWORD, create_demo_staff
from gongkai.applications.identity import make_resident_id
from gongkai.applications.models import Application
from gongkai.organisations.demo import build_demo_world
from gongkai.workcalendar.selectors import clear_calendar_cache, covered_years
from gongkai.workcalendar.services import add_calendar_year, seed_from_package
from gongkai.workdays import package_arrangements

pytestmark = [
    pytest.mark.browser,
    # The flush after a live-server test would empty the calendar tables that
    # the data migration filled; serialized rollback puts them back.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
APPLICANT_ID = make_resident_id("63210219850612001")


@pytest.fixture
def demo(transactional_db):
    world = build_demo_world()
    create_demo_staff(world)
    _calendar_for_the_coming_months()
    return world


def _calendar_for_the_coming_months():
    seed_from_package(package_arrangements())
    today = timezone.localdate()
    for year in (today.year, (today + timedelta(days=120)).year):
        if year not in covered_years():
            add_calendar_year(
                None,
                year,
                {date(year, 1, 1): "元旦"},
                {},
                f"{year} 年安排（浏览器测试用的假设数据）",
            )
    clear_calendar_cache()


def _apply(page, base_url, agency):
    page.goto(f"{base_url}/apply/{agency.pk}/")
    page.check('input[name="applicant_type"][value="natural_person"]')
    page.fill("#id_applicant_name", "马明")
    page.select_option("#id_id_kind", "resident_id")
    page.fill("#id_id_number", APPLICANT_ID)
    page.fill("#id_phone", "13809720001")
    page.fill("#id_email", "maming@example.com")
    page.fill("#id_info_description", "古城村2025年高标准农田建设项目的验收报告")
    page.check('input[name="provision_form"][value="electronic"]')
    page.check('input[name="delivery"][value="online"]')
    page.check("#id_truthful")


def _log_in(browser, base_url, username, next_path):
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(f"{base_url}/accounts/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{base_url}{next_path}")
    return page


def _step(page, link_text, fields=()):
    page.click(f".case-actions >> text={link_text}")
    for selector, value in fields:
        page.fill(selector, value)
    page.click("#action-form button[type=submit]")
    page.wait_for_selector(".message")


def test_a_citizen_applies_and_reads_the_reply(page, browser, live_server, demo):
    base = live_server.url
    today = timezone.localdate()
    _apply(page, base, demo.township)
    page.click("#apply-form button[type=submit]")
    page.wait_for_url(f"{base}/apply/submitted/")
    number = page.inner_text("#application-number").strip()
    code = page.inner_text("#query-code").strip()
    case = Application.objects.get(number=number)
    detail = f"/staff/applications/{case.pk}/"

    clerk = _log_in(browser, base, "lisi", detail)
    _step(clerk, "确认收到申请")
    assert clerk.inner_text("#case-stage") == "办理中"
    correct_by = (today + timedelta(days=10)).isoformat()
    _step(
        clerk,
        "告知补正",
        [("#id_items", "请写明验收报告所属的项目名称"), ("#id_correct_by", correct_by)],
    )
    assert clerk.inner_text("#case-stage") == "待补正"

    citizen = browser.new_context(locale="zh-CN").new_page()
    citizen.goto(f"{base}/apply/track/")
    citizen.fill("#id_number", number)
    citizen.fill("#id_query_code", code)
    citizen.click("#track-form button[type=submit]")
    assert "请写明验收报告所属的项目名称" in citizen.inner_text("#correction")
    citizen.fill("#id_text", "项目名称：古城村2025年高标准农田建设项目")
    citizen.click("#correction button[type=submit]")
    citizen.wait_for_selector(".message")

    clerk.reload()
    assert "项目名称：古城村2025年高标准农田建设项目" in clerk.inner_text("main")
    _step(clerk, "收到补正申请")
    assert clerk.inner_text("#case-stage") == "办理中"

    head = _log_in(browser, base, "wangwu", detail)
    _step(
        head,
        "批准延期",
        [("#id_days", "10"), ("#id_reason", "验收报告存于县档案馆，需要调阅")],
    )
    case.refresh_from_db()
    assert case.extension.days == 10 and case.extension.approved_by.username == "wangwu"

    clerk.reload()
    clerk.click(".case-actions >> text=答复并办结")
    clerk.select_option("#id_outcome", "partially_disclosed")
    clerk.fill("#id_provided", "验收报告正文（见附件电子文件）")
    clerk.fill(
        "#id_legal_basis",
        "报告中施工单位人员的身份证号码属于个人隐私，依据《条例》第十五条不予公开。",
    )
    clerk.click("#action-form button[type=submit]")
    clerk.wait_for_selector(".message")
    assert "部分公开" in clerk.inner_text("#case-outcome")
    clerk.click("#letters >> text=政府信息公开申请答复书")
    letter = clerk.inner_text("#letter-body")
    assert "不予公开的部分及理由：报告中施工单位人员的身份证号码属于个人隐私" in letter
    assert (
        "应当自收到本答复之日起六十日内先向海东市平安区人民政府申请行政复议" in letter
    )
    with clerk.expect_download() as download:
        clerk.click(".downloads >> text=PDF")
    assert open(download.value.path(), "rb").read(4) == b"%PDF"

    citizen.reload()
    assert citizen.inner_text("#case-stage") == "已办结"
    assert "部分公开" in citizen.inner_text("#case-outcome")
    assert "政府信息公开申请答复书" in citizen.inner_text("#letters")
    assert "马明" not in citizen.content()  # the public page masks the name


def test_a_double_click_makes_one_application(page, live_server, demo):
    _apply(page, live_server.url, demo.township)
    page.dblclick("#apply-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/apply/submitted/")
    assert Application.objects.filter(id_number=APPLICANT_ID).count() == 1


def test_the_form_fits_a_phone_screen(browser, live_server, demo):
    phone = browser.new_context(
        viewport={"width": 375, "height": 740}, locale="zh-CN"
    ).new_page()
    phone.goto(f"{live_server.url}/apply/{demo.township.pk}/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    box = phone.locator("#id_info_description").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    phone.keyboard.press("Tab")  # the skip link comes first for keyboard users
    assert phone.evaluate("document.activeElement.className") == "skip-link"
