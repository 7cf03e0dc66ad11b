"""The flags: 第二十六条 overdue drafts, R50 missing 解读, 第十八条
re-evaluation, referred reviews, stale 指南 and quiet columns."""

from datetime import date

import pytest

from gongkai.catalogue import services
from gongkai.catalogue.models import Category, Document
from gongkai.catalogue.selectors import flags_for
from gongkai.organisations.models import Agency
from tests.catalogue.conftest import draft, publish


def test_the_publication_date_is_twenty_working_days_after_forming(lisi, gucheng):
    # 《条例》第二十六条; 2025-09-26 + 20 working days across 国庆 = 2025-10-30.
    document = draft(lisi, gucheng, created_on=date(2025, 9, 26))
    assert document.publication_due_on == date(2025, 10, 30)


def test_a_proactive_draft_past_its_date_is_flagged(lisi, gucheng):
    late = draft(lisi, gucheng, created_on=date(2025, 9, 26))
    draft(lisi, gucheng, title="刚形成", created_on=date(2025, 10, 28))
    withheld = draft(
        lisi,
        gucheng,
        title="内部",
        attribute="withheld",
        attribute_reason="内部事务",
        created_on=date(2025, 9, 1),
    )

    flags = flags_for(Agency.objects.filter(pk=gucheng.pk), date(2025, 10, 31))

    assert list(flags.overdue) == [late]
    assert withheld not in flags.overdue


def test_a_late_publication_is_recorded(lisi, zhaoliu, gucheng):
    document = publish(
        lisi, zhaoliu, gucheng, created_on=date(2025, 9, 26), today=date(2025, 11, 3)
    )

    assert list(Document.objects.published_late()) == [document]
    from gongkai.audit.models import AuditEntry

    assert (
        AuditEntry.objects.get(verb="catalogue.publish_document").data["late"] is True
    )


@pytest.fixture
def district_team(world):
    from gongkai.accounts.models import Role
    from tests.organisations.world import make_person

    return (
        make_person("dclerk", "区经办", world.district, Role.HANDLER),
        make_person("dreviewer", "区审核", world.district, Role.PUBLICATION_REVIEWER),
    )


def _normative(district_team, world, today):
    clerk, reviewer = district_team
    return publish(
        clerk,
        reviewer,
        world.district,
        today=today,
        kind="normative",
        title="平安区城市道路占用挖掘管理办法",
        document_number="平政办〔2025〕21号",
        category=Category.objects.get(code="art20-01"),
        created_on=today,
    )


def _interpretation(district_team, world, policy, today):
    clerk, reviewer = district_team
    return publish(
        clerk,
        reviewer,
        world.district,
        today=today,
        kind="interpretation",
        title="《平安区城市道路占用挖掘管理办法》政策解读",
        interpreting_unit="平安区住建局",
        category=Category.objects.get(code="interpretation"),
        interprets=[policy],
    )


def test_a_normative_document_without_interpretation_after_three_working_days_is_flagged(
    world, district_team
):
    policy = _normative(district_team, world, date(2025, 9, 26))
    # Three working days after Friday 26 September 2025 (国庆 from 1 October).
    assert policy.interpretation_due_on == date(2025, 9, 30)

    district = Agency.objects.filter(pk=world.district.pk)
    assert list(flags_for(district, date(2025, 9, 30)).missing_interpretation) == []
    assert list(flags_for(district, date(2025, 10, 9)).missing_interpretation) == [
        policy
    ]

    _interpretation(district_team, world, policy, date(2025, 10, 9))
    assert list(flags_for(district, date(2025, 10, 9)).missing_interpretation) == []


def test_an_interpretation_needs_its_document_published_first(world, district_team):
    clerk, reviewer = district_team
    policy = draft(
        clerk,
        world.district,
        kind="normative",
        title="未发布的办法",
        category=Category.objects.get(code="art20-01"),
    )
    interpretation = draft(
        clerk,
        world.district,
        kind="interpretation",
        title="解读",
        interpreting_unit="区政府办",
        category=Category.objects.get(code="interpretation"),
        interprets=[policy],
    )
    services.record_review(reviewer, interpretation, conclusion="approved")
    with pytest.raises(Exception, match="被解读的文件须先发布"):
        services.publish_document(reviewer, interpretation)


def test_only_an_interpretation_links_documents(world, district_team, lisi, gucheng):
    other = draft(lisi, gucheng)
    with pytest.raises(Exception, match="只有政策解读"):
        draft(lisi, gucheng, title="普通通知", interprets=[other])


def test_withheld_items_come_up_for_re_evaluation(lisi, zhaoliu, gucheng):
    document = draft(
        lisi, gucheng, attribute="on_request", attribute_reason="涉及个人信息。"
    )
    services.file_document(zhaoliu, document, today=date(2024, 5, 6))
    agencies = Agency.objects.filter(pk=gucheng.pk)

    assert list(flags_for(agencies, date(2025, 5, 5)).reevaluation_due) == []
    assert list(flags_for(agencies, date(2025, 5, 6)).reevaluation_due) == [document]

    services.reevaluate_document(
        zhaoliu, document, disclose=False, reason="情况未变化。", today=date(2025, 5, 6)
    )
    document.refresh_from_db()
    assert document.review_due_on == date(2026, 5, 6)


def test_re_evaluation_can_turn_an_item_proactive(lisi, zhaoliu, gucheng):
    document = draft(
        lisi, gucheng, attribute="withheld", attribute_reason="过程性信息。"
    )
    services.file_document(zhaoliu, document, today=date(2024, 5, 6))

    services.reevaluate_document(
        zhaoliu,
        document,
        disclose=True,
        reason="方案已定稿，可以公开。",
        today=date(2025, 3, 3),
    )

    document.refresh_from_db()
    assert (document.status, document.attribute) == ("draft", "proactive")
    assert document.formed_on == date(2025, 3, 3)
    # It still needs a 保密审查 of this version before it goes out.
    with pytest.raises(Exception, match="保密审查"):
        services.publish_document(zhaoliu, document)


def test_a_referred_review_is_listed(lisi, zhaoliu, gucheng):
    document = draft(lisi, gucheng)
    services.record_review(
        zhaoliu,
        document,
        conclusion="referred",
        notes="是否涉密不能确定。",
        referral_to="平安区保密局",
    )
    flags = flags_for(Agency.objects.filter(pk=gucheng.pk), date(2023, 3, 10))
    assert list(flags.referred) == [document]


def test_a_change_of_contacts_makes_the_guide_stale(wangwu, zhaoliu, gucheng):
    from gongkai.organisations.services import update_agency

    services.update_guide(zhaoliu, gucheng, on_request="当面、信函或网上申请。")
    agencies = Agency.objects.filter(pk=gucheng.pk)
    assert flags_for(agencies, date(2025, 1, 1)).stale_guides == []

    update_agency(wangwu, gucheng, ogi_body_telephone="0972-8690188")

    agencies = Agency.objects.filter(pk=gucheng.pk)
    assert flags_for(agencies, date(2025, 1, 1)).stale_guides == [gucheng]


def test_a_column_without_recent_publication_is_quiet(lisi, zhaoliu, gucheng):
    publish(lisi, zhaoliu, gucheng, today=date(2025, 1, 6))
    agencies = Agency.objects.filter(pk=gucheng.pk)
    assert flags_for(agencies, date(2025, 3, 1)).quiet_agencies == []
    assert flags_for(agencies, date(2025, 6, 1)).quiet_agencies == [
        (gucheng, date(2025, 1, 6))
    ]


def test_without_the_calendar_the_date_stays_unknown_until_the_year_is_added(
    lisi, gucheng, django_capture_on_commit_callbacks
):
    """A date that needs 2027 is not guessed; adding 2027 fills it in
    (through the ``calendar_year_added`` signal)."""
    from gongkai.workcalendar.services import add_calendar_year

    document = draft(lisi, gucheng, created_on=date(2026, 12, 20))
    assert document.publication_due_on is None
    flags = flags_for(Agency.objects.filter(pk=gucheng.pk), date(2027, 3, 1))
    assert list(flags.deadline_unknown) == [document]

    with django_capture_on_commit_callbacks(execute=True):
        add_calendar_year(None, 2027, {date(2027, 1, 1): "元旦"}, {}, "测试用安排")

    document.refresh_from_db()
    # 20 working days after Sunday 20 December 2026, 1 January 2027 off.
    assert document.publication_due_on == date(2027, 1, 18)
