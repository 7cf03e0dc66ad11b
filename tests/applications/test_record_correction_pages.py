"""R27 pages: the public form of a correction-of-record request with the
protections of the application form, following it with the query code,
and the staff pages and JSON API with the reach of the case pages."""

import re
import uuid
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from gongkai.applications import services
from gongkai.applications.models import RecordCorrection
from gongkai.audit.models import AuditEntry

from .conftest import at
from .test_record_corrections import fields

DAY = date(2025, 10, 9)


@pytest.fixture(autouse=True)
def on_day():
    with at(DAY):
        yield


def form_data(**changes) -> dict:
    return fields(**changes) | {
        "token": str(uuid.uuid4()),
        "truthful": "on",
        "website": "",
    }


def submit(client, agency, data):
    return client.post(reverse("apply:record_form", args=[agency.pk]), data)


@pytest.fixture
def mine(lisi, gucheng):
    return services.register_record_correction(
        lisi,
        gucheng,
        channel="post",
        fields=fields(),
        received_on=DAY,
        uploads=(services.Upload("证明.pdf", b"%PDF-1.4", "application/pdf"),),
    )


@pytest.fixture
def theirs(sunba, xiaoxia):
    return services.register_record_correction(
        sunba,
        xiaoxia,
        channel="post",
        fields=fields(requester_name="韩梅"),
        received_on=DAY,
        uploads=(services.Upload("韩梅证明.pdf", b"%PDF-1.4", "application/pdf"),),
    )


# -- public ------------------------------------------------------------------


def test_the_public_form_is_labelled_and_protected(client, gucheng):
    html = client.get(reverse("apply:record_form", args=[gucheng.pk])).content.decode()
    for field in ("requester_name", "id_number", "record_description", "evidence"):
        assert f'<label for="id_{field}"' in html
    assert 'name="token"' in html and "data-once" in html
    assert 'class="honeypot"' in html and "第四十一条" in html
    assert "<script>" not in html and 'style="' not in html
    index = client.get(reverse("apply:index")).content.decode()
    assert reverse("apply:record_form", args=[gucheng.pk]) in index


def test_a_request_gets_a_number_and_a_query_code_once(client, gucheng):
    data = form_data()
    upload = SimpleUploadedFile("户口簿.png", b"\x89PNG\r\n\x1a\n....")
    response = submit(client, gucheng, data | {"files": [upload]})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    found = RecordCorrection.objects.get()
    assert found.number in page and found.query_code in page
    assert (found.channel, found.client_ip) == ("online", "127.0.0.1")
    assert found.files.get().content_type == "image/png"
    submit(client, gucheng, data)  # sent again: the same request
    assert RecordCorrection.objects.count() == 1


def test_errors_are_shown_on_their_fields_and_nothing_is_stored(client, gucheng):
    response = submit(client, gucheng, form_data(evidence="", id_number="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_evidence_error"' in html and 'id="id_id_number_error"' in html
    assert not RecordCorrection.objects.exists()


def test_a_filled_honeypot_and_the_rate_limit_are_refused(client, gucheng, settings):
    submit(client, gucheng, form_data() | {"website": "http://spam.example"})
    assert not RecordCorrection.objects.exists()
    settings.GONGKAI_APPLY_RATE_LIMIT = 1
    submit(client, gucheng, form_data())
    html = submit(client, gucheng, form_data()).content.decode()
    assert "一小时内提交的申请过多" in html
    assert RecordCorrection.objects.count() == 1


def test_the_requester_follows_it_with_number_and_query_code(client, mine, lisi):
    track = reverse("apply:track")
    wrong = client.post(track, {"number": mine.number, "query_code": "AAAAAAAAAA"})
    assert "申请编号或查询码不正确" in wrong.content.decode()
    response = client.post(
        track, {"number": mine.number.lower(), "query_code": mine.query_code.lower()}
    )
    assert response["Location"] == reverse("apply:record_track")
    html = client.get(response["Location"]).content.decode()
    assert "待核实处理" in html and "张*" in html and "暂无" in html
    notice = reverse("apply:record_track_notice", args=["pdf"])
    assert client.get(notice).status_code == 404  # not decided yet
    services.decide_record_correction(
        lisi,
        mine,
        result="corrected",
        findings="属实",
        correction_made="4人",
        on=DAY,
    )
    html = client.get(reverse("apply:record_track")).content.decode()
    assert 'id="record-result">审核属实，予以更正' in html
    pdf = client.get(notice)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("apply:record_track_notice", args=["docx"]))
    assert docx.content.startswith(b"PK")


def test_without_the_code_nobody_follows_it(client, mine):
    assert client.get(reverse("apply:record_track")).status_code == 404


# -- staff -------------------------------------------------------------------


def test_the_list_shows_a_clerk_only_the_township(client, mine, theirs, lisi):
    client.force_login(lisi)
    html = client.get(reverse("applications:record_corrections")).content.decode()
    assert mine.number in html and theirs.number not in html
    assert "不计入年度报告表三" in html
    assert "2025-11-05" in html  # the internal target date
    closed = client.get(
        reverse("applications:record_corrections"), {"show": "closed"}
    ).content.decode()
    assert mine.number not in closed
    listing = client.get(reverse("applications:list")).content.decode()
    assert reverse("applications:record_corrections") in listing


def test_the_inspector_reads_the_district_but_cannot_decide(
    client, mine, theirs, qianqi
):
    client.force_login(qianqi)
    html = client.get(reverse("applications:record_corrections")).content.decode()
    assert mine.number in html and theirs.number in html
    assert "登记更正申请" not in html
    detail = client.get(mine.get_absolute_url()).content.decode()
    assert "您只能查看此更正申请" in detail
    decide = reverse("applications:record_correction_decide", args=[mine.pk])
    assert client.get(decide).status_code == 404


def test_every_page_of_a_neighbours_request_is_404(client, theirs, lisi):
    client.force_login(lisi)
    evidence = theirs.files.get()
    urls = [
        theirs.get_absolute_url(),
        reverse("applications:record_correction_decide", args=[theirs.pk]),
        reverse("applications:record_correction_delivery", args=[theirs.pk]),
        reverse("applications:record_correction_notice", args=[theirs.pk, "pdf"]),
        reverse("applications:record_correction_file", args=[evidence.pk]),
        f"/api/applications/record-corrections/{theirs.pk}",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    rows = client.get("/api/applications/record-corrections/").json()
    assert rows == []


def test_staff_register_through_the_page(client, gucheng, lisi):
    client.force_login(lisi)
    url = reverse("applications:record_correction_register")
    bad = client.post(
        url,
        fields(evidence="")
        | {"agency": gucheng.pk, "channel": "oral", "received_on": "2025-10-09"},
    )
    assert bad.status_code == 400 and not RecordCorrection.objects.exists()
    response = client.post(
        url,
        fields()
        | {"agency": gucheng.pk, "channel": "oral", "received_on": "2025-10-09"},
    )
    assert response.status_code == 302
    found = RecordCorrection.objects.get()
    assert found.channel == "oral" and found.registered_by == lisi
    assert response["Location"] == found.get_absolute_url()


def test_the_detail_page_shows_the_request_and_audits_the_viewing(client, mine, lisi):
    client.force_login(lisi)
    html = client.get(mine.get_absolute_url()).content.decode()
    assert "家庭人口记为3人，实为4人" in html and "证明.pdf" in html
    assert 'id="record-target">2025-11-05' in html
    assert "登记更正申请" in html  # the history
    entry = AuditEntry.objects.filter(verb="audit.view_personal_data").latest("pk")
    assert entry.target_type == "applications.recordcorrection"
    assert entry.target_id == str(mine.pk)
    evidence = mine.files.get()
    download = client.get(
        reverse("applications:record_correction_file", args=[evidence.pk])
    )
    assert download.status_code == 200
    assert AuditEntry.objects.filter(
        verb="applications.view_record_evidence", target_id=str(mine.pk)
    ).exists()


def test_deciding_through_the_page(client, mine, lisi, xiaoxia):
    client.force_login(lisi)
    url = reverse("applications:record_correction_decide", args=[mine.pk])
    html = client.get(url).content.decode()
    assert "第四十一条" in html
    assert re.search(rf'<option value="{xiaoxia.pk}">', html)
    refused = client.post(
        url, {"result": "transferred", "findings": "小峡镇制作", "on": "2025-10-09"}
    )
    assert refused.status_code == 400
    assert "请选择本平台上有权更正的机关，或填写其名称" in refused.content.decode()
    mine.refresh_from_db()
    assert mine.status == "pending"
    done = client.post(
        url,
        {
            "result": "transferred",
            "findings": "该名单由小峡镇制作。",
            "competent_agency": xiaoxia.pk,
            "on": "2025-10-09",
        },
    )
    assert done.status_code == 302
    detail = client.get(mine.get_absolute_url()).content.decode()
    transfer = RecordCorrection.objects.get(agency=xiaoxia)
    assert transfer.number in detail and 'id="notice-body"' in detail
    assert "记录告知书送达" in detail
    delivery = reverse("applications:record_correction_delivery", args=[mine.pk])
    assert (
        client.post(
            delivery, {"method": "EMS", "delivered_on": "2025-10-09", "note": ""}
        ).status_code
        == 302
    )
    pdf = client.get(
        reverse("applications:record_correction_notice", args=[mine.pk, "pdf"])
    )
    assert pdf.content.startswith(b"%PDF")


def test_the_transferred_request_is_the_competent_agencys(
    client, mine, lisi, sunba, xiaoxia
):
    services.decide_record_correction(
        lisi,
        mine,
        result="transferred",
        findings="小峡镇制作",
        competent_agency=xiaoxia,
        on=DAY,
    )
    transfer = RecordCorrection.objects.get(agency=xiaoxia)
    client.force_login(sunba)
    html = client.get(transfer.get_absolute_url()).content.decode()
    assert "由海东市平安区古城回族乡人民政府转送" in html and mine.number in html
    assert client.get(mine.get_absolute_url()).status_code == 404
    client.force_login(lisi)
    assert client.get(transfer.get_absolute_url()).status_code == 404


def test_the_api_reads_with_the_pages_reach(client, mine, theirs, lisi, qianqi):
    assert client.get("/api/applications/record-corrections/").status_code == 401
    client.force_login(lisi)
    rows = client.get("/api/applications/record-corrections/").json()
    assert [r["number"] for r in rows] == [mine.number]
    assert rows[0]["target_date"] == "2025-11-05" and rows[0]["status"] == "pending"
    services.decide_record_correction(
        lisi,
        mine,
        result="rejected",
        rejection_ground="insufficient",
        findings="仅有本人陈述，无证明材料。",
        on=DAY,
    )
    body = client.get(f"/api/applications/record-corrections/{mine.pk}").json()
    assert (body["result"], body["rejection_ground"]) == ("rejected", "insufficient")
    assert body["target_date"] is None
    assert body["notice"]["number"] == f"{mine.number}-01"
    assert "您提供的证据不足以证明该记录不准确" in body["notice"]["body"]
    assert [f["original_name"] for f in body["files"]] == ["证明.pdf"]
    pending = client.get(
        "/api/applications/record-corrections/", {"status": "pending"}
    ).json()
    assert pending == []
    client.force_login(qianqi)
    numbers = {
        r["number"] for r in client.get("/api/applications/record-corrections/").json()
    }
    assert numbers == {mine.number, theirs.number}
