"""Responses to public concerns (回应关切, 48-hour timeliness), the
agency's websites and 政务新媒体 accounts (R69: flagged after 14 days
without update), and the yearly counts the annual report reads
(政策解读, 回应关切)."""

from datetime import date, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.catalogue import services
from gongkai.catalogue.models import (
    Category,
    ConcernResponse,
    Platform,
    Timeliness,
)
from gongkai.catalogue.selectors import (
    active_platforms,
    concern_response_count,
    flags_for,
    interpretation_count,
    stale_platforms,
)
from gongkai.organisations.models import Agency
from tests.catalogue.conftest import publish

pytestmark = pytest.mark.django_db
TODAY = date(2023, 12, 20)


def respond(actor, agency, today=TODAY, **fields):
    defaults = {
        "topic": "古城村冬季自来水管冻裂停水",
        "noticed_on": date(2023, 12, 1),
        "noticed_time": time(9, 0),
        "responded_on": date(2023, 12, 2),
        "responded_time": time(10, 0),
        "channel": "new_media",
        "document": None,
        "note": "",
    }
    return services.save_concern_response(
        actor, agency, today=today, **(defaults | fields)
    )


def platform(actor, agency, **fields):
    defaults = {
        "kind": "wechat",
        "name": "古城回族乡发布",
        "url": "",
        "last_updated_on": date(2023, 12, 18),
        "is_active": True,
    }
    return services.save_platform(actor, agency, today=TODAY, **(defaults | fields))


# The yearly counts --------------------------------------------------------


def _policy_and_interpretation(lisi, zhaoliu, gucheng, day, n):
    policy = publish(
        lisi,
        zhaoliu,
        gucheng,
        today=day,
        kind="normative",
        title=f"古城回族乡村规民约备案管理办法（第{n}号）",
        document_number=f"古政〔{day.year}〕{n}号",
        category=Category.objects.get(code="art20-01"),
        created_on=day,
    )
    return publish(
        lisi,
        zhaoliu,
        gucheng,
        today=day,
        kind="interpretation",
        title=f"《古城回族乡村规民约备案管理办法（第{n}号）》政策解读",
        interpreting_unit="古城回族乡党政综合办公室",
        category=Category.objects.get(code="interpretation"),
        interprets=[policy],
        created_on=day,
    )


def test_interpretations_are_counted_by_the_year_they_were_published(
    lisi, zhaoliu, gucheng, xiaoxia
):
    _policy_and_interpretation(lisi, zhaoliu, gucheng, date(2023, 3, 6), 1)
    _policy_and_interpretation(lisi, zhaoliu, gucheng, date(2023, 11, 6), 2)
    _policy_and_interpretation(lisi, zhaoliu, gucheng, date(2024, 1, 8), 3)

    assert interpretation_count(gucheng, 2023) == 2  # the policies do not count
    assert interpretation_count(gucheng, 2024) == 1
    assert interpretation_count(gucheng, 2022) == 0
    assert interpretation_count(xiaoxia, 2023) == 0


def test_concern_responses_are_counted_by_the_year_of_the_response(
    lisi, sunba, gucheng, xiaoxia
):
    respond(
        lisi, gucheng, responded_on=date(2023, 1, 5), noticed_on=None, noticed_time=None
    )
    respond(lisi, gucheng, responded_on=date(2023, 12, 2))
    # Noticed in 2023, answered in 2024: the 2024 report counts it.
    respond(
        lisi,
        gucheng,
        noticed_on=date(2023, 12, 31),
        responded_on=date(2024, 1, 1),
        today=date(2024, 1, 2),
    )
    respond(sunba, xiaoxia, topic="小峡镇班车")

    assert concern_response_count(gucheng, 2023) == 2
    assert concern_response_count(gucheng, 2024) == 1
    assert concern_response_count(xiaoxia, 2023) == 1
    assert concern_response_count(xiaoxia, 2022) == 0


# 48 hours (国务院办公厅关于在政务公开工作中进一步做好政务舆情回应的通知) ------


def _timeliness(noticed_on, noticed_time, responded_on, responded_time) -> str:
    return ConcernResponse(
        noticed_on=noticed_on,
        noticed_time=noticed_time,
        responded_on=responded_on,
        responded_time=responded_time,
    ).timeliness


def test_a_response_more_than_48_hours_after_noticing_is_late():
    day, later = date(2023, 6, 1), date(2023, 6, 3)
    assert _timeliness(day, time(9, 0), later, time(9, 0)) == Timeliness.IN_TIME
    assert _timeliness(day, time(9, 0), later, time(9, 1)) == Timeliness.LATE
    # Two calendar days apart, yet 47 hours.
    assert _timeliness(day, time(23, 0), later, time(22, 0)) == Timeliness.IN_TIME


def test_without_the_hours_only_clear_cases_are_decided():
    day = date(2023, 6, 1)
    assert _timeliness(day, None, date(2023, 6, 2), None) == Timeliness.IN_TIME
    assert _timeliness(day, None, date(2023, 6, 3), time(8, 0)) == Timeliness.UNKNOWN
    assert _timeliness(day, time(20, 0), date(2023, 6, 4), None) == Timeliness.LATE
    assert _timeliness(None, None, day, time(8, 0)) == Timeliness.NOT_NOTICED


def test_a_late_response_is_flagged_in_the_list(client, lisi, gucheng):
    respond(lisi, gucheng, topic="按时回应的事项")
    respond(
        lisi,
        gucheng,
        topic="灌溉渠道渗漏影响春灌",
        noticed_on=date(2023, 4, 8),
        noticed_time=time(17, 0),
        responded_on=date(2023, 4, 11),
        responded_time=time(15, 10),
    )
    client.force_login(lisi)

    page = client.get(reverse("catalogue:concern_list"), {"year": 2023})

    text = page.content.decode()
    assert page.status_code == 200
    assert "共 2 次回应" in text and "1 次超过 48 小时" in text
    late_row = text[text.index("灌溉渠道渗漏") :].split("</tr>")[0]
    assert "超过48小时" in late_row
    on_time_row = text[text.index("按时回应的事项") :].split("</tr>")[0]
    assert "超过48小时" not in on_time_row and "48小时内" in on_time_row


# Services: audit, bad input, permissions ----------------------------------


def test_recording_a_response_is_audited_with_its_timeliness(lisi, gucheng):
    response = respond(
        lisi,
        gucheng,
        noticed_on=date(2023, 12, 1),
        noticed_time=time(9, 0),
        responded_on=date(2023, 12, 4),
        responded_time=time(9, 0),
    )

    entry = AuditEntry.objects.get(verb="catalogue.save_concern_response")
    assert entry.agency_id == gucheng.pk and entry.target_id == str(response.pk)
    assert entry.data["timeliness"] == "late"

    services.save_concern_response(
        lisi,
        gucheng,
        response,
        today=TODAY,
        topic="古城村冬季自来水管冻裂停水",
        noticed_on=date(2023, 12, 1),
        noticed_time=time(9, 0),
        responded_on=date(2023, 12, 2),
        responded_time=time(9, 0),
        channel="website",
        document=None,
        note="",
    )
    change = AuditEntry.objects.filter(verb="catalogue.save_concern_response")[0]
    assert change.data["changes"] == {
        "responded_on": ["2023-12-04", "2023-12-02"],
        "channel": ["new_media", "website"],
    }
    assert change.data["timeliness"] == "in_time"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"topic": "  "}, "topic", "请填写关切事项"),
        ({"responded_on": date(2023, 12, 21)}, "responded_on", "不能晚于今天"),
        ({"noticed_on": date(2023, 12, 3)}, "noticed_on", "不能晚于回应时间"),
        (
            {"noticed_on": date(2023, 12, 2), "noticed_time": time(11, 0)},
            "noticed_on",
            "不能晚于回应时间",
        ),
        ({"noticed_on": None, "noticed_time": time(8, 0)}, "noticed_on", "发现日期"),
        ({"channel": "telegram"}, "channel", "回应渠道无效"),
        (
            {
                "responded_on": date(2007, 5, 1),
                "noticed_on": None,
                "noticed_time": None,
            },
            "responded_on",
            "2008",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(
    lisi, gucheng, fields, field, message
):
    with pytest.raises(ValidationError) as refused:
        respond(lisi, gucheng, **fields)

    assert message in " ".join(refused.value.message_dict[field])
    assert not ConcernResponse.objects.exists()
    assert not AuditEntry.objects.filter(verb__startswith="catalogue.save_").exists()


def test_only_a_published_document_of_the_agency_can_be_linked(
    lisi, zhaoliu, gucheng, sunba, xiaoxia
):
    from gongkai.accounts.models import Role
    from tests.catalogue.conftest import draft
    from tests.organisations.world import make_person

    own_draft = draft(lisi, gucheng)
    xiaoxia_reviewer = make_person(
        "xreviewer", "小峡审核", xiaoxia, Role.PUBLICATION_REVIEWER
    )
    neighbours = publish(sunba, xiaoxia_reviewer, xiaoxia, title="小峡镇停水通知")
    published = publish(lisi, zhaoliu, gucheng, title="古城回族乡停水通知")

    for wrong in (own_draft, neighbours):
        with pytest.raises(ValidationError) as refused:
            respond(lisi, gucheng, document=wrong)
        assert "本机关已公开的信息" in refused.value.message_dict["document"][0]
    response = respond(lisi, gucheng, document=published)

    assert response.document == published
    assert ConcernResponse.objects.count() == 1


def test_staff_of_another_agency_and_inspectors_cannot_record(sunba, qianqi, gucheng):
    for outsider in (sunba, qianqi):
        with pytest.raises(PermissionDenied):
            respond(outsider, gucheng)
    assert not ConcernResponse.objects.exists()


# Staff pages of 回应关切 ----------------------------------------------------


def _form(**fields):
    data = {
        "topic": "降雪天气村道除雪",
        "noticed_on": "2023-11-13",
        "noticed_time": "19:30",
        "responded_on": "2023-11-14",
        "responded_time": "10:40",
        "channel": "new_media",
        "index_number": "",
        "note": "",
    }
    return data | fields


def test_staff_add_edit_and_delete_a_response(client, lisi, gucheng):
    client.force_login(lisi)

    added = client.post(reverse("catalogue:concern_create"), _form())

    response = ConcernResponse.objects.get()
    assert added.status_code == 302 and added["Location"].endswith("?year=2023")
    assert (response.agency, response.created_by, response.timeliness) == (
        gucheng,
        lisi,
        Timeliness.IN_TIME,
    )

    edit = reverse("catalogue:concern_edit", args=[response.pk])
    assert "降雪天气村道除雪" in client.get(edit).content.decode()
    client.post(edit, _form(responded_on="2023-11-17", channel="website"))
    response.refresh_from_db()
    assert response.responded_on == date(2023, 11, 17) and response.is_late

    client.post(reverse("catalogue:concern_delete", args=[response.pk]))
    assert not ConcernResponse.objects.exists()
    verbs = set(AuditEntry.objects.values_list("verb", flat=True))
    assert {
        "catalogue.save_concern_response",
        "catalogue.delete_concern_response",
    } <= verbs


@pytest.mark.parametrize(
    "bad",
    [
        {"topic": ""},
        {"responded_on": "2023-13-01"},
        {"responded_on": "2999-01-01"},
        {"noticed_on": "2023-11-15"},
        {"channel": "fax"},
        {"index_number": "不存在的索引号"},
    ],
)
def test_a_bad_form_stores_nothing(client, lisi, gucheng, bad):
    client.force_login(lisi)

    page = client.post(reverse("catalogue:concern_create"), _form(**bad))

    assert page.status_code == 400
    assert 'class="errorlist' in page.content.decode()
    assert not ConcernResponse.objects.exists()


def test_a_bad_edit_changes_nothing(client, lisi, gucheng):
    response = respond(lisi, gucheng)
    client.force_login(lisi)

    page = client.post(
        reverse("catalogue:concern_edit", args=[response.pk]),
        _form(topic="改了", noticed_on="2024-01-01"),
    )

    assert page.status_code == 400
    response.refresh_from_db()
    assert response.topic == "古城村冬季自来水管冻裂停水"


def test_another_agencys_staff_get_404_and_do_not_see_the_records(
    client, lisi, sunba, gucheng
):
    response = respond(lisi, gucheng, topic="古城回族乡独有的关切事项")
    client.force_login(sunba)

    edit = client.get(reverse("catalogue:concern_edit", args=[response.pk]))
    delete = client.post(reverse("catalogue:concern_delete", args=[response.pk]))
    listing = client.get(reverse("catalogue:concern_list"), {"year": 2023})

    assert edit.status_code == delete.status_code == 404
    assert ConcernResponse.objects.filter(pk=response.pk).exists()
    assert "古城回族乡独有的关切事项" not in listing.content.decode()


def test_the_inspector_reads_but_cannot_change(client, lisi, qianqi, gucheng):
    response = respond(lisi, gucheng, topic="督查可见的关切事项")
    client.force_login(qianqi)

    listing = client.get(reverse("catalogue:concern_list"), {"year": 2023})
    edit = client.get(reverse("catalogue:concern_edit", args=[response.pk]))

    assert "督查可见的关切事项" in listing.content.decode()
    assert edit.status_code == 404


def test_a_bad_year_says_so_and_shows_this_year(client, lisi):
    client.force_login(lisi)

    page = client.get(reverse("catalogue:concern_list"), {"year": "20x3"})

    assert page.status_code == 200
    assert "年度应在 2008 年至今年之间" in page.content.decode()


# Platforms (R69) ------------------------------------------------------------


def test_a_platform_is_stale_after_more_than_14_days(lisi, gucheng):
    fresh = platform(lisi, gucheng, last_updated_on=date(2023, 12, 6))  # 14 days
    stale = platform(
        lisi,
        gucheng,
        name="古城回族乡微博",
        kind="weibo",
        last_updated_on=date(2023, 12, 5),
    )
    platform(
        lisi,
        gucheng,
        name="已关停的旧公众号",
        last_updated_on=date(2022, 1, 1),
        is_active=False,
    )
    agencies = Agency.objects.filter(pk=gucheng.pk)

    assert list(stale_platforms(agencies, TODAY)) == [stale]
    assert list(flags_for(agencies, TODAY).stale_platforms) == [stale]
    assert fresh not in flags_for(agencies, TODAY).stale_platforms


def test_the_period_is_a_setting(settings, lisi, gucheng):
    settings.CATALOGUE_PLATFORM_STALE_DAYS = 30
    platform(lisi, gucheng, last_updated_on=date(2023, 11, 25))  # 25 days
    agencies = Agency.objects.filter(pk=gucheng.pk)

    flags = flags_for(agencies, TODAY)

    assert list(flags.stale_platforms) == [] and flags.platform_days == 30


def test_recording_an_update_clears_the_flag(lisi, gucheng):
    account = platform(lisi, gucheng, last_updated_on=date(2023, 11, 1))
    agencies = Agency.objects.filter(pk=gucheng.pk)
    assert list(stale_platforms(agencies, TODAY)) == [account]

    services.record_platform_update(lisi, account, date(2023, 12, 19), today=TODAY)

    assert list(stale_platforms(agencies, TODAY)) == []
    entry = AuditEntry.objects.get(verb="catalogue.record_platform_update")
    assert entry.data == {
        "platform": account.pk,
        "from": "2023-11-01",
        "to": "2023-12-19",
    }


@pytest.mark.parametrize(
    ("day", "message"),
    [(date(2023, 12, 21), "不能晚于今天"), (date(2023, 12, 17), "不能早于")],
)
def test_an_update_date_in_the_future_or_before_the_last_is_refused(
    lisi, gucheng, day, message
):
    account = platform(lisi, gucheng)

    with pytest.raises(ValidationError, match=message):
        services.record_platform_update(lisi, account, day, today=TODAY)

    account.refresh_from_db()
    assert account.last_updated_on == date(2023, 12, 18)
    assert not AuditEntry.objects.filter(
        verb="catalogue.record_platform_update"
    ).exists()


def test_a_duplicate_platform_is_refused(lisi, gucheng):
    platform(lisi, gucheng)

    with pytest.raises(ValidationError, match="同名称"):
        platform(lisi, gucheng, url="https://example.org/")

    assert Platform.objects.count() == 1


def test_the_flags_page_shows_a_stale_account(client, lisi, gucheng):
    platform(lisi, gucheng, name="长期未更新的公众号", last_updated_on=date(2020, 1, 1))
    client.force_login(lisi)

    page = client.get(reverse("catalogue:flags")).content.decode()

    section = page[page.index('id="platform-title"') :]
    assert "长期未更新的公众号" in section and "2020-01-01" in section


def test_staff_record_an_account_and_its_update(client, lisi, gucheng):
    client.force_login(lisi)

    added = client.post(
        reverse("catalogue:platform_create"),
        {
            "kind": "wechat",
            "name": "古城回族乡发布",
            "url": "",
            "last_updated_on": "2023-01-02",
            "is_active": "on",
        },
    )
    account = Platform.objects.get()
    bumped = client.post(
        reverse("catalogue:platform_update", args=[account.pk]), {"day": "2023-06-01"}
    )

    assert added.status_code == bumped.status_code == 302
    account.refresh_from_db()
    assert (account.agency, account.last_updated_on) == (gucheng, date(2023, 6, 1))
    listing = client.get(reverse("catalogue:platform_list")).content.decode()
    assert "古城回族乡发布" in listing and "2023-06-01" in listing
    assert active_platforms(gucheng) == [account]


def test_a_bad_platform_form_stores_nothing(client, lisi, gucheng):
    client.force_login(lisi)

    page = client.post(
        reverse("catalogue:platform_create"),
        {"kind": "wechat", "name": "古城回族乡发布", "last_updated_on": "2999-01-01"},
    )

    assert page.status_code == 400
    assert "最近更新日期不能晚于今天" in page.content.decode()
    assert not Platform.objects.exists()


def test_another_agencys_staff_cannot_touch_a_platform(client, lisi, sunba, gucheng):
    account = platform(lisi, gucheng, name="古城回族乡独有公众号")
    client.force_login(sunba)

    edit = client.get(reverse("catalogue:platform_edit", args=[account.pk]))
    bump = client.post(
        reverse("catalogue:platform_update", args=[account.pk]), {"day": "2023-12-19"}
    )
    listing = client.get(reverse("catalogue:platform_list")).content.decode()

    assert edit.status_code == bump.status_code == 404
    account.refresh_from_db()
    assert account.last_updated_on == date(2023, 12, 18)
    assert "古城回族乡独有公众号" not in listing
