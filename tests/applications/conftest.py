"""Personas and case builders for the applications tests.

张三 applies; 李四 (经办人) and 王五 (负责人) of 古城回族乡 handle the case;
孙八 is the clerk of the neighbouring 小峡镇; 钱七 inspects the district.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.applications import services
from gongkai.applications.identity import make_resident_id
from gongkai.workcalendar.selectors import clear_calendar_cache
from tests.organisations.world import (  # noqa: F401  (pytest fixtures)
    gucheng,
    lisi,
    qianqi,
    root_admin,
    sunba,
    wangwu,
    world,
    xiaoxia,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
ZHANGSAN_ID = make_resident_id("63210219900307123")


def person(**changes) -> dict:
    """Return the intake fields of 张三, a natural person."""
    fields = {
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_kind": "resident_id",
        "id_number": ZHANGSAN_ID,
        "phone": "13800000000",
        "email": "zhangsan@example.com",
        "address": "青海省海东市平安区古城村1号",
        "postcode": "810600",
        "info_description": "2025年古城村高标准农田建设项目的招标文件和验收报告",
        "provision_form": "electronic",
        "delivery": "email",
    }
    return fields | changes


def company(**changes) -> dict:
    from gongkai.organisations.codes import make_credit_code

    return (
        person(
            applicant_type="commercial",
            applicant_name="海东市某某农业发展有限公司",
            id_kind="credit_code",
            id_number=make_credit_code("91630203", "31234567"),
            contact_person="王经理",
        )
        | changes
    )


def at(day: date, hour: int = 10):
    """Travel to ``day`` at ``hour`` o'clock in Shanghai, time frozen."""
    return time_machine.travel(
        datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI), tick=False
    )


@pytest.fixture(autouse=True)
def fresh_calendar_cache():
    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture(autouse=True)
def empty_cache():
    # The lookup throttle counts in the cache, which outlives a test.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def register(actor, agency, received: date, channel="in_person", **changes):
    """Register 张三's application, received on ``received`` (travels there)."""
    with at(received):
        return services.register_application(
            actor,
            agency,
            channel=channel,
            fields=person(**changes),
            receipt_date=received,
        )


@pytest.fixture
def case(lisi, gucheng):  # noqa: F811  (fixtures)
    """张三's application to 古城回族乡, received in person on Fri 2025-09-26
    (reply due Thu 2025-10-30 across 国庆, see the deadline fixtures)."""
    return register(lisi, gucheng, date(2025, 9, 26))
