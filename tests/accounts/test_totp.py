from datetime import UTC, datetime, timedelta

from django.urls import reverse

import pytest
import time_machine

from gongkai.accounts import services, totp
from gongkai.accounts.models import TotpDevice
from gongkai.audit.models import AuditEntry

PASSWORD = "Haidong#2026pa"
NOW = datetime(2026, 12, 1, 1, 0, 0, tzinfo=UTC)


@pytest.fixture
def wangwu_enrolled(wangwu):
    wangwu.set_password(PASSWORD)
    wangwu.save()
    device = services.start_totp_enrolment(wangwu)
    services.confirm_totp_enrolment(
        wangwu,
        totp.code_at(device.secret, NOW - timedelta(minutes=5)),
        now=NOW - timedelta(minutes=5),
    )
    device.refresh_from_db()
    return wangwu, device.secret


def test_enrolment_shows_a_qr_code_and_the_secret(client, wangwu):
    client.force_login(wangwu)

    response = client.get(reverse("totp_enrol"))

    secret = TotpDevice.objects.get(user=wangwu).secret
    page = response.content.decode()
    assert response.context["secret"] == secret
    assert f'<span class="secret" id="totp-secret">{secret}</span>' in page
    assert 'src="data:image/svg+xml' in page
    assert TotpDevice.objects.get(user=wangwu).is_confirmed is False


def test_enrolment_is_confirmed_by_a_code_from_the_app(client, wangwu):
    with time_machine.travel(NOW, tick=False):
        client.force_login(wangwu)
        client.get(reverse("totp_enrol"))
        secret = TotpDevice.objects.get(user=wangwu).secret
        response = client.post(
            reverse("totp_enrol"), {"code": totp.code_at(secret, NOW)}
        )

    assert response["Location"] == reverse("account_security")
    assert TotpDevice.objects.get(user=wangwu).is_confirmed is True
    assert AuditEntry.objects.filter(verb="accounts.enrol_totp", actor=wangwu).exists()


def test_enrolment_refuses_a_wrong_code(client, wangwu):
    with time_machine.travel(NOW, tick=False):
        client.force_login(wangwu)
        client.get(reverse("totp_enrol"))
        secret = TotpDevice.objects.get(user=wangwu).secret
        wrong = f"{(int(totp.code_at(secret, NOW)) + 1) % 1_000_000:06d}"
        response = client.post(reverse("totp_enrol"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert TotpDevice.objects.get(user=wangwu).is_confirmed is False


def test_login_asks_for_the_code_after_the_password(client, wangwu_enrolled):
    user, secret = wangwu_enrolled
    with time_machine.travel(NOW, tick=False):
        response = client.post(
            reverse("login"), {"username": "wangwu", "password": PASSWORD}
        )
        assert response["Location"] == reverse("login_otp")
        # The password alone does not sign in.
        assert "_auth_user_id" not in client.session
        assert client.get(reverse("organisations:agency_list")).status_code == 302

        response = client.post(
            reverse("login_otp"), {"code": totp.code_at(secret, NOW)}
        )

    assert response["Location"] == reverse("organisations:agency_list")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AuditEntry.objects.filter(verb="accounts.login", actor=user).count() == 1


def test_a_wrong_code_does_not_sign_in(client, wangwu_enrolled):
    user, secret = wangwu_enrolled
    with time_machine.travel(NOW, tick=False):
        client.post(reverse("login"), {"username": "wangwu", "password": PASSWORD})
        wrong = f"{(int(totp.code_at(secret, NOW)) + 7) % 1_000_000:06d}"
        response = client.post(reverse("login_otp"), {"code": wrong})

    assert response.status_code == 200
    assert "动态口令不正确" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_wrong_codes_lock_the_account(client, wangwu_enrolled):
    user, secret = wangwu_enrolled
    with time_machine.travel(NOW, tick=False):
        client.post(reverse("login"), {"username": "wangwu", "password": PASSWORD})
        wrong = f"{(int(totp.code_at(secret, NOW)) + 7) % 1_000_000:06d}"
        for _ in range(4):
            assert client.post(reverse("login_otp"), {"code": wrong}).status_code == 200
        # Wrong codes count as failed logins for django-axes.
        assert client.post(reverse("login_otp"), {"code": wrong}).status_code == 429
        # The right code is no use now: the password step is gone...
        response = client.post(
            reverse("login_otp"), {"code": totp.code_at(secret, NOW)}
        )
        assert response["Location"] == reverse("login")
        # ...and the password step is locked.
        response = client.post(
            reverse("login"), {"username": "wangwu", "password": PASSWORD}
        )
        assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_code_step_expires_after_five_minutes(client, wangwu_enrolled):
    user, secret = wangwu_enrolled
    with time_machine.travel(NOW, tick=False):
        client.post(reverse("login"), {"username": "wangwu", "password": PASSWORD})
    later = NOW + timedelta(minutes=6)
    with time_machine.travel(later, tick=False):
        response = client.post(
            reverse("login_otp"), {"code": totp.code_at(secret, later)}
        )
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_used_twice(wangwu_enrolled):
    user, secret = wangwu_enrolled
    code = totp.code_at(secret, NOW)

    assert services.verify_totp(user, code, now=NOW) is True
    assert services.verify_totp(user, code, now=NOW) is False


def test_codes_from_the_neighbouring_time_steps_are_accepted(wangwu_enrolled):
    user, secret = wangwu_enrolled
    assert services.verify_totp(
        user, totp.code_at(secret, NOW - timedelta(seconds=30)), now=NOW
    )
    assert not services.verify_totp(
        user, totp.code_at(secret, NOW - timedelta(seconds=90)), now=NOW
    )


def test_the_user_disables_the_factor_with_a_current_code(client, wangwu_enrolled):
    user, secret = wangwu_enrolled
    with time_machine.travel(NOW, tick=False):
        client.force_login(user)
        wrong = f"{(int(totp.code_at(secret, NOW)) + 7) % 1_000_000:06d}"
        client.post(reverse("totp_disable"), {"code": wrong})
        assert TotpDevice.objects.filter(user=user).exists()
        client.post(reverse("totp_disable"), {"code": totp.code_at(secret, NOW)})
    assert not TotpDevice.objects.filter(user=user).exists()
    assert AuditEntry.objects.filter(verb="accounts.disable_totp").count() == 1
