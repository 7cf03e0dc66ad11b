"""Publishing: the gates of R44/R45 and what publication sets."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.catalogue import services
from gongkai.catalogue.models import Document, Status
from tests.catalogue.conftest import draft, publish


def test_a_reviewed_draft_is_published_with_an_index_number(lisi, zhaoliu, gucheng):
    document = publish(lisi, zhaoliu, gucheng, today=date(2023, 3, 6))

    assert document.status == Status.PUBLISHED
    assert document.index_number == f"{gucheng.organisation_code}/2023-00001"
    assert document.published_on == date(2023, 3, 6)
    assert document.publisher_name == "海东市平安区古城回族乡人民政府"
    assert Document.objects.public().filter(pk=document.pk).exists()
    entry = AuditEntry.objects.get(verb="catalogue.publish_document")
    assert entry.actor == zhaoliu
    assert entry.data["index_number"] == document.index_number


def test_publication_needs_a_confidentiality_review(lisi, zhaoliu, gucheng):
    document = draft(lisi, gucheng)

    with pytest.raises(ValidationError) as raised:
        services.publish_document(zhaoliu, document, today=date(2023, 3, 6))

    assert "保密审查" in str(raised.value)
    document.refresh_from_db()
    assert document.status == Status.DRAFT
    assert document.index_number is None


def test_an_edit_after_the_review_needs_a_new_review(lisi, zhaoliu, gucheng):
    document = draft(lisi, gucheng)
    services.record_review(zhaoliu, document, conclusion="approved")
    services.update_document(lisi, document, title="古城回族乡2023年部门预算（修订）")

    with pytest.raises(ValidationError, match="当前版本"):
        services.publish_document(zhaoliu, document)


def test_a_referred_review_blocks_publication(lisi, zhaoliu, gucheng):
    document = draft(lisi, gucheng)
    services.record_review(
        zhaoliu,
        document,
        conclusion="referred",
        notes="涉及征地补偿标准，是否涉密不能确定。",
        referral_to="海东市平安区国家保密局",
    )

    with pytest.raises(ValidationError, match="报请"):
        services.publish_document(zhaoliu, document)


def test_the_drafter_may_not_review_their_own_draft(zhaoliu, gucheng):
    document = draft(zhaoliu, gucheng)
    with pytest.raises(ValidationError, match="起草人"):
        services.record_review(zhaoliu, document, conclusion="approved")


def test_a_clerk_may_not_publish(lisi, zhaoliu, gucheng):
    document = draft(lisi, gucheng)
    services.record_review(zhaoliu, document, conclusion="approved")
    with pytest.raises(PermissionDenied):
        services.publish_document(lisi, document)


def test_a_withheld_document_needs_a_reason(lisi, gucheng):
    with pytest.raises(ValidationError) as raised:
        draft(lisi, gucheng, attribute="withheld", attribute_reason="")
    assert "attribute_reason" in raised.value.message_dict


def test_a_withheld_document_is_filed_not_published(lisi, zhaoliu, gucheng):
    document = draft(
        lisi, gucheng, attribute="withheld", attribute_reason="属于内部人事管理信息。"
    )
    services.record_review(zhaoliu, document, conclusion="approved")

    with pytest.raises(ValidationError, match="登记"):
        services.publish_document(zhaoliu, document)
    filed = services.file_document(zhaoliu, document, today=date(2023, 3, 6))

    assert filed.status == Status.FILED
    assert filed.review_due_on == date(2024, 3, 6)
    assert not Document.objects.public().filter(pk=document.pk).exists()


def test_a_neighbouring_clerk_may_not_draft_for_the_township(sunba, gucheng):
    with pytest.raises(PermissionDenied):
        draft(sunba, gucheng)
