"""《条例》第四十四条: information several applicants asked for is suggested
for proactive disclosure; staff accept (a draft) or dismiss (a reason)."""

from datetime import date

import pytest

from gongkai.catalogue import services
from gongkai.catalogue.models import Category, ProactiveSuggestion
from gongkai.catalogue.suggestions import (
    RequestedInfo,
    candidates,
    signature,
    similarity,
)

ASKED = [
    RequestedInfo("A-1", "张三", "申请公开古城村2023年征地补偿标准及分配方案"),
    RequestedInfo("A-2", "李华", "请提供古城村2023年征地补偿标准和分配方案的复印件"),
    RequestedInfo("A-3", "张三", "古城村征地补偿标准及分配方案（2023年）"),
    RequestedInfo("A-4", "王芳", "关于2023年低保名单"),
    RequestedInfo(
        "A-5", "赵强", "古城村2023年征地补偿标准及分配方案", disclosable=False
    ),
]


def test_the_same_information_in_other_words_is_grouped():
    a, b = signature(ASKED[0].description), signature(ASKED[1].description)
    assert similarity(a, b) >= 0.6
    assert similarity(a, signature("2023年低保名单")) < 0.2


def test_a_group_needs_two_applicants_and_disclosable_answers():
    [group] = candidates(ASKED)
    assert group.references == ["A-1", "A-2", "A-3"]
    # 张三 asked twice: two applicants, not three.
    assert group.applicant_count == 2


def test_one_applicant_asking_repeatedly_is_not_several_applicants():
    repeated = [
        RequestedInfo(f"B-{i}", "张三", "古城村2023年征地补偿标准") for i in range(5)
    ]
    assert candidates(repeated) == []


def test_suggestions_are_kept_and_a_dismissed_one_does_not_return(lisi, gucheng):
    [suggestion] = services.refresh_suggestions(gucheng, ASKED)
    assert suggestion.applicant_count == 2

    services.dismiss_suggestion(lisi, suggestion, reason="仅涉及申请人自身利益。")
    assert services.refresh_suggestions(gucheng, ASKED) == []
    assert ProactiveSuggestion.objects.get().status == "dismissed"


def test_accepting_creates_a_proactive_draft_with_the_clock_running(lisi, gucheng):
    [suggestion] = services.refresh_suggestions(gucheng, ASKED)

    document = services.accept_suggestion(
        lisi,
        suggestion,
        category=Category.objects.get(code="art21t-05"),
        today=date(2025, 3, 3),
    )

    assert document.status == "draft" and document.attribute == "proactive"
    assert document.formed_on == date(2025, 3, 3)
    assert document.publication_due_on == date(2025, 3, 31)
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.document == document
    with pytest.raises(Exception, match="已经处理过"):
        services.dismiss_suggestion(lisi, suggestion, reason="重复")


def test_a_dismissal_needs_a_reason(lisi, gucheng):
    [suggestion] = services.refresh_suggestions(gucheng, ASKED)
    with pytest.raises(Exception, match="理由"):
        services.dismiss_suggestion(lisi, suggestion, reason=" ")


def test_the_command_reads_the_applications_when_installed(gucheng):
    from django.core.management import call_command

    call_command("suggest_proactive", verbosity=0)
    assert not ProactiveSuggestion.objects.exists()
