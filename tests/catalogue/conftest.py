"""Catalogue personas on top of the demo world (``tests/organisations/world.py``):

- 李四 (lisi): 经办人 of 古城回族乡, drafts documents.
- 赵六 (zhaoliu): 发布审核 of 古城回族乡, reviews and publishes.
- 王五 (wangwu): 负责人 of 古城回族乡.
- 孙八 (sunba): 经办人 of 小峡镇, the neighbouring township.
- 钱七 (qianqi): 督查 of 平安区.
"""

from datetime import date

import pytest

from gongkai.accounts.models import Role
from gongkai.catalogue import services
from gongkai.catalogue.models import Category
from tests.organisations.world import (  # noqa: F401  (pytest fixtures)
    gucheng,
    lisi,
    make_person,
    qianqi,
    root_admin,
    sunba,
    wangwu,
    world,
    xiaoxia,
    zhoujiu,
)


@pytest.fixture
def zhaoliu(world):  # noqa: F811  (the imported fixture)
    return make_person("zhaoliu", "赵六", world.township, Role.PUBLICATION_REVIEWER)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Attachments go to a temporary directory, not ``var/media``."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def category(db):
    """第二十条第（七）项: 财政预算、决算."""
    return Category.objects.get(code="art20-07")


def draft(actor, agency, **fields):
    """Draft a document with plausible defaults for the fields not given."""
    defaults = {
        "category": Category.objects.get(code="art20-07"),
        "title": "古城回族乡2023年部门预算公开",
        "summary": "公开古城回族乡2023年一般公共预算收支情况。",
        "body": "根据预算法规定，现将古城回族乡2023年部门预算予以公开。",
        "created_on": date(2023, 3, 1),
    }
    return services.draft_document(actor, agency, **(defaults | fields))


def publish(drafter, reviewer, agency, *, today=date(2023, 3, 6), **fields):
    """Draft, review and publish one document; return it."""
    document = draft(drafter, agency, **fields)
    services.record_review(reviewer, document, conclusion="approved")
    return services.publish_document(reviewer, document, today=today)
