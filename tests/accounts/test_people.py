from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

import pytest

from gongkai.accounts import services
from gongkai.accounts.models import Role, RoleAssignment
from gongkai.audit.models import AuditEntry

User = get_user_model()


def _new_person_data(agency, **overrides):
    return {
        "username": "majing",
        "full_name": "马静",
        "phone": "0972-8690102",
        "password1": "Gucheng#2026xx",
        "password2": "Gucheng#2026xx",
        "agency": agency.pk,
        "role": Role.HANDLER,
    } | overrides


def test_an_administrator_creates_a_staff_member_with_a_role(client, zhoujiu, gucheng):
    client.force_login(zhoujiu)

    response = client.post(reverse("people:person_create"), _new_person_data(gucheng))

    person = User.objects.get(username="majing")
    assert response["Location"] == reverse("people:person_detail", args=[person.pk])
    assert person.check_password("Gucheng#2026xx")
    assert list(person.role_assignments.values_list("agency", "role")) == [
        (gucheng.pk, Role.HANDLER)
    ]
    entry = AuditEntry.objects.get(verb="accounts.create_user")
    assert (entry.actor, entry.agency) == (zhoujiu, gucheng)


def test_the_new_password_must_follow_the_rules(client, zhoujiu, gucheng):
    client.force_login(zhoujiu)
    data = _new_person_data(gucheng, password1="majing2026aa", password2="majing2026aa")

    response = client.post(reverse("people:person_create"), data)

    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    assert not User.objects.filter(username="majing").exists()


def test_the_people_list_shows_only_people_of_the_administered_subtree(
    client, zhoujiu, lisi, world
):
    outsider = get_user_model().objects.create_user(
        username="ledu", full_name="乐都某人"
    )
    RoleAssignment.objects.create(user=outsider, agency=world.city, role=Role.HANDLER)
    client.force_login(zhoujiu)

    page = client.get(reverse("people:person_list")).content.decode()

    assert "李四" in page
    assert "乐都某人" not in page
    response = client.get(reverse("people:person_detail", args=[outsider.pk]))
    assert response.status_code == 404


def test_people_pages_are_403_for_staff_without_an_administrator_role(client, wangwu):
    client.force_login(wangwu)
    assert client.get(reverse("people:person_list")).status_code == 403


def test_an_administrator_grants_and_revokes_roles(client, zhoujiu, lisi, world):
    client.force_login(zhoujiu)
    detail = reverse("people:person_detail", args=[lisi.pk])

    client.post(
        reverse("people:role_grant", args=[lisi.pk]),
        {"agency": world.departments[0].pk, "role": Role.PUBLICATION_REVIEWER},
    )
    assignment = lisi.role_assignments.get(agency=world.departments[0])
    assert assignment.role == Role.PUBLICATION_REVIEWER
    assert "平安区教育局" in client.get(detail).content.decode()

    client.post(reverse("people:role_revoke", args=[lisi.pk, assignment.pk]))
    assert not lisi.role_assignments.filter(agency=world.departments[0]).exists()
    assert [e.verb for e in AuditEntry.objects.order_by("pk")] == [
        "accounts.grant_role",
        "accounts.revoke_role",
    ]


def test_an_administrator_cannot_take_over_someone_with_roles_elsewhere(
    zhoujiu, lisi, world
):
    RoleAssignment.objects.create(user=lisi, agency=world.city, role=Role.INSPECTOR)

    assert services.can_manage_user(zhoujiu, lisi) is False
    with pytest.raises(PermissionDenied):
        services.reset_password(zhoujiu, lisi, "Another#2026pw")
    with pytest.raises(PermissionDenied):
        services.grant_role(zhoujiu, lisi, world.township, Role.HEAD)


def test_an_administrator_disables_an_account(client, zhoujiu, lisi):
    client.force_login(zhoujiu)

    client.post(reverse("people:person_set_active", args=[lisi.pk]), {"active": "0"})

    lisi.refresh_from_db()
    assert lisi.is_active is False
    assert AuditEntry.objects.get(verb="accounts.set_user_active").data == {
        "active": False
    }


def test_an_administrator_resets_a_password(client, zhoujiu, lisi):
    client.force_login(zhoujiu)

    client.post(
        reverse("people:person_reset_password", args=[lisi.pk]),
        {"password1": "Reset#2026pwd", "password2": "Reset#2026pwd"},
    )

    lisi.refresh_from_db()
    assert lisi.check_password("Reset#2026pwd")


def test_an_administrator_cannot_remove_their_own_administrator_role(zhoujiu):
    assignment = zhoujiu.role_assignments.get()
    with pytest.raises(PermissionDenied):
        services.revoke_role(zhoujiu, assignment)
