"""R26, 《条例》第四十条: the information is provided in the form the
applicant asked for; another form (电子数据, 安排查阅、抄录) only with a
recorded reason, which the reply letter states citing the article."""

from datetime import date

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from gongkai.applications import services
from gongkai.applications.models import Letter, LetterKind, Reply, Status

from .conftest import at, register

ON = date(2025, 10, 20)


@pytest.fixture
def paper_case(lisi, gucheng):
    """张三 asks for paper copies (纸质文本) by post."""
    return register(
        lisi, gucheng, date(2025, 9, 26), provision_form="paper", delivery="post"
    )


def close(clerk, case, outcome="disclosed", **reasons):
    reasons.setdefault("provided", "项目验收报告全文共 480 页")
    with at(ON):
        return services.close_application(
            clerk, case, outcome=outcome, on=ON, **reasons
        )


def reply_letter(case) -> Letter:
    return case.letters.get(kind=LetterKind.REPLY)


def test_the_requested_form_needs_no_reason_and_is_recorded(paper_case, lisi):
    reply = close(lisi, paper_case)
    assert (reply.provided_form, reply.form_change_reason) == ("paper", "")
    assert not reply.form_changed
    assert "第四十条" not in reply_letter(paper_case).body


def test_naming_the_requested_form_explicitly_is_the_same(paper_case, lisi):
    reply = close(lisi, paper_case, provided_form="paper")
    assert reply.provided_form == "paper" and reply.form_change_reason == ""


def test_another_form_without_a_reason_is_refused_and_nothing_is_stored(
    paper_case, lisi
):
    with pytest.raises(ValidationError) as refused:
        close(lisi, paper_case, provided_form="electronic")
    message = refused.value.message_dict["form_change_reason"][0]
    assert "申请人要求以“纸质文本”形式获取，改以“电子文件”提供的" in message
    assert "第四十条" in message
    paper_case.refresh_from_db()
    assert paper_case.status == Status.IN_PROGRESS and paper_case.outcome == ""
    assert not Reply.objects.exists()
    assert not paper_case.letters.filter(kind=LetterKind.REPLY).exists()


def test_other_needs_its_own_words(paper_case, lisi):
    with pytest.raises(ValidationError) as refused:
        close(lisi, paper_case, provided_form="electronic", form_change_reason="other")
    assert "form_change_note" in refused.value.message_dict
    assert not Reply.objects.exists()


def test_an_unknown_reason_is_refused(paper_case, lisi):
    with pytest.raises(ValidationError) as refused:
        close(lisi, paper_case, provided_form="electronic", form_change_reason="whim")
    assert "form_change_reason" in refused.value.message_dict


def test_a_reason_without_a_change_is_refused(paper_case, lisi):
    with pytest.raises(ValidationError, match="无需填写改变形式的理由"):
        close(lisi, paper_case, provided_form="paper", form_change_reason="cost")


def test_a_refusal_provides_nothing_so_has_no_form(paper_case, lisi):
    with pytest.raises(ValidationError) as refused:
        close(
            lisi,
            paper_case,
            outcome="withheld_5",
            legal_basis="内部事务信息",
            provided_form="inspect",
            form_change_reason="cost",
        )
    assert "provided_form" in refused.value.message_dict
    # The page posts the requested form with every outcome: that is accepted.
    reply = close(
        lisi,
        paper_case,
        outcome="withheld_5",
        legal_basis="内部事务信息",
        provided_form="paper",
    )
    assert (reply.provided_form, reply.form_change_reason) == ("", "")


def test_an_electronic_copy_for_cost_is_stored_and_stated_with_the_article(
    paper_case, lisi
):
    reply = close(
        lisi,
        paper_case,
        provided_form="electronic",
        form_change_reason="cost",
        form_change_note="全文共 480 页，复印成本过高",
    )
    reply.refresh_from_db()
    assert (reply.provided_form, reply.form_change_reason) == ("electronic", "cost")
    body = reply_letter(paper_case).body
    assert (
        "您要求以“纸质文本”形式获取政府信息。按照该形式提供公开成本过高"
        "（全文共 480 页，复印成本过高），根据《中华人民共和国政府信息公开条例》"
        "第四十条的规定，本机关改以“电子文件”形式向您提供。"
    ) in body
    # The statement comes before the remedy paragraph.
    assert body.index("第四十条") < body.index("申请行政复议")


def test_inspection_for_the_carrier_is_arranged_in_the_letter(paper_case, lisi):
    close(
        lisi,
        paper_case,
        outcome="partially_disclosed",
        legal_basis="涉及个人隐私的部分，第十五条",
        provided_form="inspect",
        form_change_reason="carrier",
    )
    body = reply_letter(paper_case).body
    assert "按照该形式提供可能危及政府信息载体安全" in body
    assert "本机关安排您查阅、抄录相关政府信息" in body


def test_an_agency_template_without_the_paragraph_still_states_it(
    paper_case, lisi, gucheng
):
    services.save_letter_template(
        lisi,
        gucheng,
        kind="reply",
        outcome="disclosed",
        title="答复书",
        body="{{ applicant_name }}：\n\n{{ provided }}\n\n{{ remedy_notice }}\n\n{{ agency_name }}",
    )
    close(
        lisi,
        paper_case,
        provided_form="electronic",
        form_change_reason="other",
        form_change_note="本机关仅保存该信息的电子文本",
    )
    body = reply_letter(paper_case).body
    assert (
        "因本机关仅保存该信息的电子文本，根据《中华人民共和国政府信息公开条例》第四十条"
        in body
    )
    assert body.index("第四十条") < body.index("申请行政复议")


def test_the_case_page_and_the_api_show_the_form_and_reason(client, paper_case, lisi):
    close(
        lisi,
        paper_case,
        provided_form="electronic",
        form_change_reason="cost",
        form_change_note="480 页",
    )
    client.force_login(lisi)
    with at(ON):
        html = client.get(paper_case.get_absolute_url()).content.decode()
        body = client.get(f"/api/applications/{paper_case.pk}").json()
    assert 'id="provided-form">电子文件' in html
    assert "按申请人要求的形式提供公开成本过高：480 页" in html
    assert "（申请人要求：纸质文本）" in html
    assert {
        k: body["reply"][k]
        for k in (
            "requested_form",
            "provided_form",
            "form_changed",
            "form_change_reason",
            "form_change_note",
        )
    } == {
        "requested_form": "paper",
        "provided_form": "electronic",
        "form_changed": True,
        "form_change_reason": "cost",
        "form_change_note": "480 页",
    }
    assert (
        body["reply"]["form_change_reason_label"]
        == "按申请人要求的形式提供公开成本过高"
    )


def test_the_close_page_defaults_to_the_requested_form_and_refuses_on_the_form(
    client, paper_case, lisi
):
    client.force_login(lisi)
    url = reverse("applications:close", args=[paper_case.pk])
    with at(ON):
        html = client.get(url).content.decode()
        assert '<option value="paper" selected>' in html
        assert "申请人要求的形式：纸质文本" in html
        response = client.post(
            url,
            {
                "outcome": "disclosed",
                "provided": "全文",
                "provided_form": "electronic",
                "on": ON.isoformat(),
            },
        )
    assert response.status_code == 400
    assert "须说明理由" in response.content.decode()
    assert not Reply.objects.exists()


def test_the_api_refuses_a_change_without_reason(client, paper_case, lisi):
    client.force_login(lisi)
    with at(ON):
        response = client.post(
            f"/api/applications/{paper_case.pk}/close",
            {
                "outcome": "disclosed",
                "on": ON.isoformat(),
                "provided": "全文",
                "provided_form": "inspect",
            },
            content_type="application/json",
        )
    assert response.status_code == 400
    assert "form_change_reason" in response.json()["errors"]
    assert not Reply.objects.exists()
