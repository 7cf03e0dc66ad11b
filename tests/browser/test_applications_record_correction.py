"""R26, R27, R28 in Debian chromium.

- A citizen asks online for a record about her to be corrected (第四十一条)
  with a double click, the clerk verifies and corrects it, and the citizen
  follows it with the number and query code and downloads the notice.
- An applicant with a visual impairment says so on the application form
  (第四十三条); the clerk sees the marker in the list and the note on the
  case, and replies with an electronic copy instead of paper: refused
  without a reason, then stated in the letter with 第四十条.

Runs on today's date; years without an official holiday arrangement get a
made-up one marked as test data (as in test_application_flow.py).
"""

from datetime import date, timedelta

from django.utils import timezone

import pytest

from gongkai.accounts.demo import DEMO_PASSWORD, create_demo_staff
from gongkai.applications.identity import make_resident_id
from gongkai.applications.models import Application, RecordCorrection
from gongkai.organisations.demo import build_demo_world
from gongkai.workcalendar.selectors import clear_calendar_cache, covered_years
from gongkai.workcalendar.services import add_calendar_year, seed_from_package
from gongkai.workdays import package_arrangements

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
HANMEI_ID = make_resident_id("63210219920318002")


@pytest.fixture
def demo(transactional_db):
    world = build_demo_world()
    create_demo_staff(world)
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
    return world


def _log_in(browser, base_url, username, next_path):
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(f"{base_url}/accounts/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{base_url}{next_path}")
    return page


def _identity(page, name):
    page.check('input[name$="_type"][value="natural_person"]')
    page.fill('input[name$="_name"]', name)
    page.select_option("#id_id_kind", "resident_id")
    page.fill("#id_id_number", HANMEI_ID)
    page.fill("#id_phone", "13809720002")


def test_a_citizen_asks_for_a_correction_and_reads_the_notice(
    page, browser, live_server, demo
):
    base = live_server.url
    page.goto(f"{base}/apply/")
    choice = page.locator("#agency-choice li", has_text=demo.township.name).first
    choice.get_by_text("申请更正政府信息记录").click()
    page.wait_for_url(f"{base}/apply/{demo.township.pk}/record-correction/")
    _identity(page, "韩梅")
    page.fill("#id_record_description", "本乡2024年度农村低保对象名单中本人家庭的记录")
    page.fill("#id_requested_change", "家庭人口记为3人，实为4人")
    page.fill("#id_evidence", "户口簿、出生医学证明")
    page.check("#id_truthful")
    page.dblclick("#record-form button[type=submit]")
    page.wait_for_url(f"{base}/apply/record-correction/submitted/")
    number = page.inner_text("#record-number").strip()
    code = page.inner_text("#query-code").strip()
    assert RecordCorrection.objects.filter(id_number=HANMEI_ID).count() == 1
    found = RecordCorrection.objects.get(number=number)

    clerk = _log_in(browser, base, "lisi", "/staff/applications/record-corrections/")
    assert number in clerk.inner_text("#record-list")
    clerk.click(f"#record-list >> text={number}")
    clerk.click(".case-actions >> text=核实并处理")
    clerk.check('input[name="result"][value="corrected"]')
    clerk.fill("#id_findings", "经调阅低保档案和户籍信息，申请人家庭人口确为4人。")
    clerk.click("#action-form button[type=submit]")
    # Correcting without saying what was corrected is refused on the form.
    assert "请写明更正的内容" in clerk.inner_text("#action-form")
    clerk.fill("#id_correction_made", "家庭人口由3人更正为4人")
    clerk.click("#action-form button[type=submit]")
    clerk.wait_for_selector(".message")
    assert "审核属实，予以更正" in clerk.inner_text("#record-status")
    assert "更正内容：家庭人口由3人更正为4人" in clerk.inner_text("#notice-body")

    citizen = browser.new_context(locale="zh-CN").new_page()
    citizen.goto(f"{base}/apply/track/")
    citizen.fill("#id_number", number)
    citizen.fill("#id_query_code", code)
    citizen.click("#track-form button[type=submit]")
    citizen.wait_for_url(f"{base}/apply/track/record-correction/")
    assert citizen.inner_text("#record-result") == "审核属实，予以更正"
    with citizen.expect_download() as download:
        citizen.click("#letters >> text=PDF")
    assert open(download.value.path(), "rb").read(4) == b"%PDF"
    assert "韩梅" not in citizen.content()  # the public page masks the name
    found.refresh_from_db()
    assert found.result == "corrected"


def test_an_assisted_applicant_gets_another_form_with_its_reason(
    page, browser, live_server, demo
):
    base = live_server.url
    page.goto(f"{base}/apply/{demo.township.pk}/")
    _identity(page, "韩梅")
    page.fill("#id_info_description", "古城村2025年高标准农田建设项目的验收报告")
    page.check('input[name="provision_form"][value="paper"]')
    page.check('input[name="delivery"][value="pickup"]')
    # The help is asked for with the keyboard, through its label.
    page.get_by_label("我有阅读困难或视听障碍，需要必要的帮助（第四十三条）").check()
    page.fill("#id_assistance_note", "视力障碍，请电话告知办理结果")
    page.check("#id_truthful")
    page.click("#apply-form button[type=submit]")
    page.wait_for_url(f"{base}/apply/submitted/")
    case = Application.objects.get(id_number=HANMEI_ID)
    assert case.needs_assistance

    clerk = _log_in(browser, base, "lisi", "/staff/applications/?assistance=1")
    row = clerk.locator("#case-list tr", has_text=case.number)
    assert "需帮助" in row.inner_text()
    row.locator("a").first.click()
    assert "视力障碍，请电话告知办理结果" in clerk.inner_text("#assistance-note")
    clerk.click(".case-actions >> text=确认收到申请")
    clerk.click("#action-form button[type=submit]")
    clerk.wait_for_selector(".message")

    clerk.click(".case-actions >> text=答复并办结")
    clerk.select_option("#id_outcome", "disclosed")
    clerk.fill("#id_provided", "验收报告全文")
    assert clerk.input_value("#id_provided_form") == "paper"
    clerk.select_option("#id_provided_form", "electronic")
    clerk.click("#action-form button[type=submit]")
    assert "须说明理由" in clerk.inner_text("#action-form")
    clerk.select_option("#id_form_change_reason", "cost")
    clerk.fill("#id_form_change_note", "全文共480页")
    clerk.click("#action-form button[type=submit]")
    clerk.wait_for_selector(".message")
    assert "电子文件" in clerk.inner_text("#provided-form")
    clerk.click("#letters >> text=政府信息公开申请答复书")
    letter = clerk.inner_text("#letter-body")
    assert "按照该形式提供公开成本过高（全文共480页）" in letter
    assert "第四十条的规定，本机关改以“电子文件”形式向您提供" in letter
