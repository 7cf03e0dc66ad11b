"""R64: when a report must be published, and local rules that bring it forward."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
import time_machine

from gongkai.annual_reports.deadlines import Rule, deadline_for, is_valid_day
from gongkai.annual_reports.selectors import deadline_of
from gongkai.annual_reports.services import add_deadline_rule, remove_deadline_rule


def test_departments_publish_by_31_january_and_governments_by_31_march():
    department = deadline_for("department", "county", 2023, [])
    government = deadline_for("government", "county", 2023, [])
    township = deadline_for("government", "township", 2023, [])

    assert department.day == date(2024, 1, 31) and "1月31日" in department.basis
    assert government.day == date(2024, 3, 31) and "3月31日" in government.basis
    assert township.day == date(2024, 3, 31)


def test_an_earlier_local_rule_binds_only_the_agencies_it_names():
    townships = Rule("townships", 2, 20, "区通知")

    assert deadline_for("government", "township", 2023, [townships]).day == date(
        2024, 2, 20
    )
    assert deadline_for("government", "county", 2023, [townships]).day == date(
        2024, 3, 31
    )
    assert deadline_for("department", "county", 2023, [townships]).day == date(
        2024, 1, 31
    )


def test_a_local_rule_can_bring_a_deadline_forward_but_never_back():
    later = Rule("all", 3, 20, "晚于法定期限的规定")
    earlier = Rule("all", 1, 26, "市直单位")

    result = deadline_for("department", "city", 2023, [later, earlier])

    assert result.day == date(2024, 1, 26) and result.basis == "市直单位"
    assert deadline_for("department", "city", 2023, [later]).day == date(2024, 1, 31)


def test_a_rule_for_one_year_leaves_the_other_years_alone():
    only_2023 = Rule("all", 2, 1, "2023 年度通知", year=2023)

    assert deadline_for("government", "township", 2023, [only_2023]).day == date(
        2024, 2, 1
    )
    assert deadline_for("government", "township", 2024, [only_2023]).day == date(
        2025, 3, 31
    )


def test_29_february_is_not_a_day_every_year_has():
    assert is_valid_day(2, 28) and not is_valid_day(2, 29) and not is_valid_day(2, 30)


@pytest.mark.django_db
def test_a_district_rule_reaches_its_townships_and_is_audited(world, zhoujiu):
    rule = add_deadline_rule(
        zhoujiu, world.district, applies_to="townships", month=2, day=20, basis="区通知"
    )

    assert deadline_of(world.township, 2023).day == date(2024, 2, 20)
    assert deadline_of(world.departments[0], 2023).day == date(2024, 1, 31)
    assert deadline_of(world.city, 2023).day == date(2024, 3, 31)
    from gongkai.audit.models import AuditEntry

    assert (
        AuditEntry.objects.filter(verb="annual_reports.add_deadline_rule").count() == 1
    )
    remove_deadline_rule(zhoujiu, rule)
    assert deadline_of(world.township, 2023).day == date(2024, 3, 31)


@pytest.mark.django_db
def test_only_an_administrator_or_the_head_sets_a_deadline(
    world, lisi, wangwu, zhoujiu
):
    with pytest.raises(PermissionDenied):
        add_deadline_rule(
            lisi, world.township, applies_to="all", month=2, day=1, basis="x"
        )
    add_deadline_rule(
        wangwu, world.township, applies_to="all", month=2, day=1, basis="乡规定"
    )
    with pytest.raises(ValidationError):
        add_deadline_rule(
            zhoujiu, world.district, applies_to="all", month=2, day=30, basis="x"
        )
    with pytest.raises(ValidationError):
        add_deadline_rule(
            zhoujiu, world.district, applies_to="all", month=4, day=1, basis="x"
        )
    with pytest.raises(ValidationError):
        add_deadline_rule(
            zhoujiu, world.district, applies_to="all", month=2, day=1, basis=" "
        )


@pytest.mark.django_db
def test_the_deadlines_page_shows_the_binding_rules_and_takes_new_ones(
    client, world, zhoujiu, lisi
):
    client.force_login(zhoujiu)
    response = client.post(
        "/staff/reports/deadlines/",
        {
            "agency": world.district.pk,
            "applies_to": "townships",
            "month": 2,
            "day": 20,
            "basis": "区通知",
        },
    )
    assert response.status_code == 302
    bad = client.post(
        "/staff/reports/deadlines/",
        {
            "agency": world.district.pk,
            "applies_to": "all",
            "month": 2,
            "day": 30,
            "basis": "x",
        },
    )
    assert "请填写次年1月至3月中的有效日期" in bad.content.decode()

    client.force_login(lisi)
    with time_machine.travel(date(2024, 1, 10), tick=False):
        page = client.get("/staff/reports/deadlines/").content.decode()
    assert "区通知" in page and "上级机关" in page
    assert "海东市平安区古城回族乡人民政府：2024年2月20日（区通知）" in page
    assert "海东市平安区人民政府" not in page  # the district is outside 李四's reach
