"""Public pages: apply without an account, follow the case with the query
code, correct online, download letters, compute a fee."""

import re
import uuid
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from gongkai.applications import services
from gongkai.applications.models import Application

from .conftest import at, person

DAY = date(2025, 3, 3)


@pytest.fixture(autouse=True)
def on_a_monday():
    with at(DAY):
        yield


def form_data(**changes) -> dict:
    return person(**changes) | {
        "token": str(uuid.uuid4()),
        "truthful": "on",
        "website": "",
    }


def post(client, agency, data, **extra):
    return client.post(reverse("apply:form", args=[agency.pk]), data, **extra)


def test_the_form_is_labelled_and_works_without_javascript(client, gucheng):
    page = client.get(reverse("apply:form", args=[gucheng.pk])).content.decode()
    for field in (
        "applicant_name",
        "id_number",
        "phone",
        "info_description",
        "attachments",
    ):
        assert f'<label for="id_{field}"' in page
    assert 'name="token"' in page and "data-once" in page
    assert "<script>" not in page and 'style="' not in page
    assert 'name="viewport"' in page


def test_an_application_gets_a_number_and_a_query_code(client, gucheng):
    response = post(client, gucheng, form_data())
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    case = Application.objects.get()
    assert case.number in page and case.query_code in page
    assert case.client_ip == "127.0.0.1"


def test_errors_are_shown_on_their_fields_and_nothing_is_stored(client, gucheng):
    response = post(
        client, gucheng, form_data(id_number="110105194912310021", phone="")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "校验码不正确" in page
    assert 'aria-invalid="true"' in page and 'id="id_id_number_error"' in page
    assert Application.objects.count() == 0


def test_a_resent_form_makes_one_case(client, gucheng):
    data = form_data()
    post(client, gucheng, data)
    post(client, gucheng, data)
    assert Application.objects.count() == 1


def test_a_filled_honeypot_is_refused(client, gucheng):
    response = post(client, gucheng, form_data() | {"website": "http://spam.example"})
    assert response.status_code == 200 and Application.objects.count() == 0


def test_the_rate_limit_shows_a_chinese_message(client, gucheng, settings):
    settings.GONGKAI_APPLY_RATE_LIMIT = 1
    post(client, gucheng, form_data())
    page = post(client, gucheng, form_data()).content.decode()
    assert "一小时内提交的申请过多" in page
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("scan.exe", b"MZ\x90", "类型不支持"),
        ("scan.pdf", b"GIF89a", "内容与扩展名不符"),
        ("big.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024), "超过 10 MB"),
    ],
)
def test_bad_attachments_are_refused(client, gucheng, name, content, words):
    upload = SimpleUploadedFile(name, content)
    page = post(
        client, gucheng, form_data() | {"attachments": [upload]}
    ).content.decode()
    assert words in page
    assert Application.objects.count() == 0


def test_a_good_attachment_is_kept(client, gucheng):
    upload = SimpleUploadedFile("身份证.png", b"\x89PNG\r\n\x1a\n....")
    post(client, gucheng, form_data() | {"attachments": [upload]})
    assert Application.objects.get().attachments.get().content_type == "image/png"


@pytest.fixture
def submitted(gucheng):
    return services.submit_online_application(
        gucheng, person(), token=uuid.uuid4(), ip=None
    )


def test_the_case_is_found_with_number_and_code_only(client, submitted):
    track = reverse("apply:track")
    wrong = client.post(track, {"number": submitted.number, "query_code": "AAAAAAAAAA"})
    assert "申请编号或查询码不正确" in wrong.content.decode()
    right = client.post(
        track, {"number": submitted.number, "query_code": submitted.query_code.lower()}
    )
    assert right.status_code == 302
    page = client.get(right["Location"]).content.decode()
    assert "待确认收到" in page and "张*" in page
    assert submitted.id_number not in page and "张三" not in page


def test_guessing_query_codes_is_throttled(client, submitted):
    for _n in range(20):
        client.post(
            reverse("apply:track"),
            {"number": submitted.number, "query_code": "WRONGWRONG"},
        )
    page = client.post(
        reverse("apply:track"),
        {"number": submitted.number, "query_code": submitted.query_code},
    ).content.decode()
    assert "查询过于频繁" in page


def test_without_a_found_case_the_case_page_is_404(client, db):
    assert client.get(reverse("apply:track_case")).status_code == 404


def test_the_applicant_corrects_online_and_downloads_the_letters(
    client, submitted, lisi
):
    services.confirm_receipt(lisi, submitted, on=DAY)
    services.request_correction(
        lisi, submitted, items="请写明年份", correct_by=date(2025, 3, 20), on=DAY
    )
    client.post(
        reverse("apply:track"),
        {"number": submitted.number, "query_code": submitted.query_code},
    )
    page = client.get(reverse("apply:track_case")).content.decode()
    assert "请写明年份" in page and 'action="/apply/track/correction/"' in page
    response = client.post(reverse("apply:track_correction"), {"text": "2025年"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.correction.submitted_text == "2025年"
    letters = re.findall(
        r'href="(/apply/track/letters/\d+\.pdf)"',
        client.get(reverse("apply:track_case")).content.decode(),
    )
    assert len(letters) == 2  # the receipt and the correction notice
    pdf = client.get(letters[1])
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_another_cases_letter_is_not_downloadable(client, submitted, case):
    client.post(
        reverse("apply:track"),
        {"number": submitted.number, "query_code": submitted.query_code},
    )
    other = case.letters.first()
    assert (
        client.get(reverse("apply:track_letter", args=[other.pk, "pdf"])).status_code
        == 404
    )


def test_the_fee_calculator_shows_amount_and_breakdown(client):
    page = client.get(
        reverse("apply:fees"), {"basis": "per_page", "n": "250"}
    ).content.decode()
    assert "4700 元" in page and "第 201–250 页：50 页 × 40 元 = 2000 元" in page
    page = client.get(
        reverse("apply:fees"), {"basis": "per_application", "n": "31"}
    ).content.decode()
    assert "200 元" in page


def test_the_fee_calculator_refuses_nonsense(client):
    page = client.get(
        reverse("apply:fees"), {"basis": "per_page", "n": "-3"}
    ).content.decode()
    assert 'id="fee-result"' not in page and "errorlist" in page


def test_the_calculator_partial_renders_alone(rf):
    from django.template.loader import render_to_string

    from gongkai.applications.fees import page_fee
    from gongkai.applications.forms import FeeCalculatorForm

    html = render_to_string(
        "applications/public/fees.html#calculator",
        {"form": FeeCalculatorForm(), "fee": page_fee(31)},
    )
    assert 'id="fee-calculator"' in html and "10 元" in html and "<html" not in html


def test_an_overlong_description_is_refused(client, gucheng):
    page = post(
        client, gucheng, form_data(info_description="字" * 5001)
    ).content.decode()
    assert "不超过 5000 字符 (目前字符数 5001)" in page
    assert Application.objects.count() == 0
