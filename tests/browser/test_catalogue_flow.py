"""The catalogue end to end in Debian's chromium: a clerk drafts a normative
document, the reviewer records the 保密审查 and publishes it, it appears in
the column, search finds it by a two-character word, the feed lists it,
and axe-core finds no WCAG 2.1 A/AA violation on any portal page type, in
normal and in 适老化 mode, on a desktop and on a phone.

axe-core comes from npm into ``.cache/npm`` (git-ignored) the first time;
the file is injected with Playwright's ``add_script_tag``.  The pages' strict
CSP would refuse an injected script, so these contexts bypass CSP.
"""

import fcntl
import json
import re
import shutil
import subprocess
from pathlib import Path

from django.urls import reverse

import pytest

from gongkai.accounts.demo import DEMO_PASSWORD, create_demo_staff
from gongkai.catalogue.demo import build_demo_catalogue
from gongkai.catalogue.models import Document
from gongkai.organisations.demo import build_demo_world

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback: the calendar and the categories come from migrations.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
NPM_PREFIX = ROOT / ".cache" / "npm"
AXE = NPM_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
AXE_PACKAGE = "axe-core@4"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TITLE = "古城回族乡农村人居环境卫生保洁管理办法"


def install_axe() -> Path:
    """Return axe.min.js, installing axe-core with npm once (a file lock
    keeps parallel test workers from installing twice)."""
    if AXE.exists():
        return AXE
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("axe-core needs npm (Debian: apt-get install npm)")
    NPM_PREFIX.mkdir(parents=True, exist_ok=True)
    with open(NPM_PREFIX / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not AXE.exists():
            subprocess.run(
                [
                    npm,
                    "install",
                    "--prefix",
                    str(NPM_PREFIX),
                    "--no-audit",
                    "--no-fund",
                    "--silent",
                    AXE_PACKAGE,
                ],
                check=True,
                timeout=600,
            )
    return AXE


@pytest.fixture(scope="session")
def axe_script() -> Path:
    return install_axe()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The injected axe script would be refused by the pages' strict CSP.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def demo(transactional_db):
    world = build_demo_world()
    create_demo_staff(world)
    build_demo_catalogue(world)
    return world


def violations(page, axe_script) -> list[str]:
    """Run axe on the page; return "rule: target" for each violation."""
    page.add_script_tag(path=str(axe_script))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map("
        "n => n.target.join(' ')).join(', ')))",
        WCAG_TAGS,
    )
    return found


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/staff/.*"))


def draft_normative_document(page, base_url):
    page.goto(f"{base_url}/staff/catalogue/new/")
    page.select_option("#id_category", label="行政法规、规章和规范性文件")
    page.select_option("#id_kind", value="normative")
    page.fill("#id_title", TITLE)
    page.fill("#id_document_number", "古政[2026]1号")
    page.fill("#id_summary", "规范全乡村庄保洁、垃圾清运和考核。")
    page.fill("#id_body", "第一条 为改善农村人居环境，做好村庄保洁工作，制定本办法。")
    page.select_option("#id_genre", value="notice")
    page.click("form.catalogue-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/staff/catalogue/\d+/$"))
    assert "草稿已保存" in page.content()
    return page.url


def review_and_publish(page, detail_url):
    page.goto(detail_url)
    page.select_option("#id_conclusion", value="approved")
    page.click("text=保存审查结论")
    assert "已记录保密审查" in page.content()
    page.click("form[action$='/publish/'] button")
    assert "已发布" in page.content()


def test_a_normative_document_goes_from_draft_to_search_and_feed(
    page, live_server, demo
):
    base = live_server.url
    log_in(page, base, "lisi")
    detail_url = draft_normative_document(page, base)
    log_in(page, base, "zhaoliu")
    review_and_publish(page, detail_url)

    document = Document.objects.get(title=TITLE)
    assert document.document_number == "古政〔2026〕1号"
    assert document.index_number.startswith(demo.township.organisation_code + "/")

    page.context.clear_cookies()
    page.goto(f"{base}/agencies/{demo.township.pk}/proactive/art20-01/")
    page.click(f"text={TITLE}")
    box = page.locator("table.meta-box").inner_text()
    assert document.index_number in box and "古政〔2026〕1号" in box

    page.goto(f"{base}/search/?q=保洁")
    assert page.locator("a.hit-title").first.inner_text() == TITLE
    assert page.locator("a.hit-title mark").first.inner_text() == "保洁"

    feed = page.request.get(f"{base}/agencies/{demo.township.pk}/feed.atom")
    assert feed.ok and TITLE in feed.text()


def portal_pages(demo) -> dict[str, str]:
    township = demo.township
    document = Document.objects.public().filter(agency=township).first()
    policy = Document.objects.public().filter(kind="normative").first()
    from gongkai.annual_reports.models import ImportedReport

    pages = {
        "home": "/",
        "column": f"/agencies/{township.pk}/",
        "guide": f"/agencies/{township.pk}/guide/",
        "system": f"/agencies/{township.pk}/system/",
        "proactive": f"/agencies/{township.pk}/proactive/",
        "category": f"/agencies/{township.pk}/proactive/art21t-08/",
        "reports": f"/agencies/{township.pk}/reports/",
        "standard": f"/agencies/{township.pk}/standard/",
        "document": document.get_absolute_url(),
        "policy": policy.get_absolute_url(),
        "search": "/search/?q=公示&year=2023",
        "search-empty": "/search/?q=不存在的词语",
        "search-error": "/search/?q=公示&year=abc",
    }
    seed = ROOT / "src/gongkai/annual_reports/data/seed-2023.json"
    report = ImportedReport.objects.create(
        agency=township,
        agency_name="海东市平安区古城回族乡",
        year=2023,
        format="2021",
        data=json.loads(seed.read_text(encoding="utf-8")),
        source_kind="json",
    )
    pages["reports-with-one"] = f"/agencies/{township.pk}/reports/"
    pages["report"] = reverse("portal:report_detail", args=[report.pk])
    return pages


def test_axe_finds_no_violations_on_any_portal_page_type(
    page, live_server, demo, axe_script
):
    found = {}
    for name, path in portal_pages(demo).items():
        page.goto(live_server.url + path)
        found[name] = violations(page, axe_script)
    assert found == {name: [] for name in found}
    # The check itself can fail: an image without alt text is reported.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x.png>')")
    assert any(v.startswith("image-alt") for v in violations(page, axe_script))


def test_care_mode_persists_and_stays_accessible(page, live_server, demo, axe_script):
    column = f"{live_server.url}/agencies/{demo.township.pk}/"
    page.goto(column)
    normal = page.evaluate("getComputedStyle(document.body).fontSize")
    page.click("text=适老化模式")
    page.wait_for_url(column)

    assert page.evaluate("document.documentElement.classList.contains('care')")
    larger = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(larger.removesuffix("px")) > float(normal.removesuffix("px"))
    page.goto(f"{live_server.url}/agencies/{demo.township.pk}/guide/")
    assert page.evaluate("document.documentElement.classList.contains('care')")
    assert violations(page, axe_script) == []


def test_the_column_works_with_the_keyboard_alone(page, live_server, demo):
    page.goto(f"{live_server.url}/agencies/{demo.township.pk}/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "column-q":
            break
    else:
        pytest.fail("the column search box is not reachable with Tab")
    page.keyboard.type("救助")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/search/\?.*"))
    assert page.locator("a.hit-title").count() > 0
    # The first result opens with Enter after tabbing to it.
    page.locator("a.hit-title").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/documents/\d+/$"))
    assert page.locator("table.meta-box").is_visible()


def test_document_pages_fit_a_phone_screen(page, live_server, demo):
    page.set_viewport_size({"width": 375, "height": 740})
    document = Document.objects.public().filter(agency=demo.township).first()
    for path in (
        document.get_absolute_url(),
        f"/agencies/{demo.township.pk}/",
        "/search/?q=公示",
    ):
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
