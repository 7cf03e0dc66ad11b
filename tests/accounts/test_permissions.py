from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

import pytest

from gongkai.accounts.models import Role, RoleAssignment
from gongkai.accounts.permissions import (
    administered_agencies,
    agencies_for_user,
    audit_readable_agencies,
    get_for_user,
    has_role,
    require_role,
    visible_agencies,
)
from gongkai.organisations.models import Agency


def test_a_clerk_reaches_only_their_own_agency(lisi, gucheng):
    assert list(agencies_for_user(lisi)) == [gucheng]
    assert list(agencies_for_user(lisi, write=True)) == [gucheng]


def test_an_inspector_reads_the_whole_subtree_but_writes_nothing(qianqi, world):
    assert set(agencies_for_user(qianqi)) == set(world.district_agencies)
    assert not agencies_for_user(qianqi, write=True).exists()


def test_roles_in_several_agencies_add_up(lisi, gucheng, xiaoxia, world):
    RoleAssignment.objects.create(
        user=lisi, agency=xiaoxia, role=Role.PUBLICATION_REVIEWER
    )
    RoleAssignment.objects.create(
        user=lisi, agency=world.departments[0], role=Role.INSPECTOR
    )

    assert set(agencies_for_user(lisi)) == {gucheng, xiaoxia, world.departments[0]}
    assert set(agencies_for_user(lisi, write=True)) == {gucheng, xiaoxia}


def test_an_administrator_manages_the_subtree_but_sees_no_business_records(
    zhoujiu, world
):
    assert set(administered_agencies(zhoujiu)) == set(world.district_agencies)
    assert not agencies_for_user(zhoujiu).exists()
    assert set(visible_agencies(zhoujiu)) == set(world.district_agencies)


def test_the_audit_log_is_for_inspectors_and_administrators(
    lisi, qianqi, zhoujiu, world
):
    assert not audit_readable_agencies(lisi).exists()
    assert set(audit_readable_agencies(qianqi)) == set(world.district_agencies)
    assert set(audit_readable_agencies(zhoujiu)) == set(world.district_agencies)


def test_nobody_reaches_anything_signed_out_or_disabled(lisi, world):
    assert not agencies_for_user(AnonymousUser()).exists()
    lisi.is_active = False
    assert not agencies_for_user(lisi).exists()
    assert has_role(lisi, world.township, Role.HANDLER) is False


def test_a_superuser_reaches_every_agency(root_admin, world):
    assert agencies_for_user(root_admin).count() == Agency.objects.count()


def test_has_role_counts_subtree_roles_held_above(qianqi, world):
    assert has_role(qianqi, world.township, Role.INSPECTOR) is True
    assert has_role(qianqi, world.city, Role.INSPECTOR) is False


def test_has_role_counts_other_roles_only_on_the_agency_itself(wangwu, world):
    assert has_role(wangwu, world.township, Role.HEAD) is True
    assert has_role(wangwu, world.township, Role.HANDLER) is False
    assert has_role(wangwu, world.district, Role.HEAD) is False


def test_require_role_refuses_a_clerk_the_heads_duty(lisi, wangwu, gucheng):
    # 《条例》第三十三条第二款: only the head approves an extension.
    require_role(wangwu, gucheng, Role.HEAD)
    with pytest.raises(PermissionDenied):
        require_role(lisi, gucheng, Role.HEAD)


def test_the_fetcher_returns_objects_in_reach_and_404_otherwise(lisi, gucheng, xiaoxia):
    queryset = Agency.objects.all()
    assert get_for_user(queryset, lisi, gucheng.pk, agency_field="") == gucheng
    with pytest.raises(Http404):
        get_for_user(queryset, lisi, xiaoxia.pk, agency_field="")
    with pytest.raises(Http404):
        get_for_user(queryset, lisi, "not-a-number", agency_field="")


def test_the_fetcher_follows_the_agency_field_of_other_models(lisi, sunba, gucheng):
    # Role assignments belong to agencies, like cases and documents will.
    own = lisi.role_assignments.get()
    other = sunba.role_assignments.get()
    queryset = RoleAssignment.objects.all()

    assert get_for_user(queryset, lisi, own.pk) == own
    with pytest.raises(Http404):
        get_for_user(queryset, lisi, other.pk)


def test_rules_permissions_follow_the_roles(
    lisi, wangwu, zhoujiu, qianqi, gucheng, xiaoxia
):
    assert lisi.has_perm("organisations.view_agency", gucheng) is True
    assert lisi.has_perm("organisations.view_agency", xiaoxia) is False
    assert lisi.has_perm("organisations.change_agency", gucheng) is False
    assert wangwu.has_perm("organisations.change_agency", gucheng) is True
    assert zhoujiu.has_perm("organisations.manage_structure", gucheng) is True
    assert qianqi.has_perm("audit.view_auditentry", gucheng) is True
    assert lisi.has_perm("audit.view_auditentry", gucheng) is False
