from django.urls import reverse

import pytest

from gongkai.accounts.validators import CharacterClassesValidator, character_classes
from gongkai.audit.models import AuditEntry

PASSWORD = "Haidong#2026pa"


@pytest.fixture
def lisi_with_password(lisi):
    lisi.set_password(PASSWORD)
    lisi.save()
    return lisi


def _login(client, password, username="lisi"):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_the_login_page_is_in_chinese(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "工作人员登录" in page
    assert "密码" in page


def test_it_logs_in_and_records_the_login(client, lisi_with_password):
    response = _login(client, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:agency_list")
    entry = AuditEntry.objects.get(verb="accounts.login")
    assert entry.actor == lisi_with_password
    assert entry.ip_address == "127.0.0.1"
    assert entry.agency.short_name == "古城回族乡"


def test_it_follows_a_safe_next_url_only(client, lisi_with_password):
    response = client.post(
        reverse("login") + "?next=https://evil.example/",
        {"username": "lisi", "password": PASSWORD},
    )
    assert response["Location"] == reverse("organisations:agency_list")


def test_it_locks_the_account_after_five_wrong_passwords(client, lisi_with_password):
    for _ in range(4):
        assert _login(client, "wrong-password").status_code == 200

    locked = _login(client, "wrong-password")
    assert locked.status_code == 429
    assert "账号已暂时锁定" in locked.content.decode()

    # While locked, even the right password does not get in.
    again = _login(client, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_after_the_cool_off(client, lisi_with_password, settings):
    import time_machine

    with time_machine.travel("2026-12-01 09:00 +0800", tick=False):
        for _ in range(5):
            _login(client, "wrong-password")
        assert _login(client, PASSWORD).status_code == 429
    with time_machine.travel("2026-12-01 09:31 +0800", tick=False):
        assert _login(client, PASSWORD).status_code == 302


def test_logout_is_a_post_and_is_recorded(client, lisi_with_password):
    _login(client, PASSWORD)

    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))

    assert response["Location"] == reverse("login")
    assert AuditEntry.objects.filter(verb="accounts.logout").count() == 1


def test_the_admin_login_goes_through_the_staff_login(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/admin/"


@pytest.mark.parametrize(
    ("password", "classes"),
    [
        ("haidongpingan", 1),
        ("haidong2026pa", 2),
        ("Haidong2026pa", 3),
        ("Haidong#2026pa", 4),
    ],
)
def test_it_counts_character_classes(password, classes):
    assert character_classes(password) == classes


def test_passwords_need_three_character_classes():
    from django.core.exceptions import ValidationError

    validator = CharacterClassesValidator(min_classes=3)
    validator.validate("Haidong2026pa")
    with pytest.raises(ValidationError):
        validator.validate("haidong2026pa")


def test_the_configured_validators_refuse_a_simple_password(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_password("pinganqu2026")
    assert "至少 3 类" in " ".join(error.value.messages)
