"""Login (password, then the TOTP code where enrolled), logout, and the
staff member's own security settings."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from . import services, totp
from .forms import OtpForm
from .models import TotpDevice

PENDING_KEY = "gongkai_pending_login"
# The password step is valid for this long while the code is asked for.
PENDING_SECONDS = 300
MAX_CODE_TRIES = 5


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _complete_login(request: HttpRequest, user, next_url: str) -> HttpResponse:
    login(request, user)
    services.record_login(user, request)
    return redirect(next_url)


def _has_second_factor(user) -> bool:
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


@sensitive_post_parameters()
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request)
    if request.user.is_authenticated:
        return redirect(next_url)
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if not _has_second_factor(user):
            return _complete_login(request, user, next_url)
        request.session[PENDING_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "since": time.time(),
            "next": next_url,
            "tries": 0,
        }
        return redirect("login_otp")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def _pending_user(request: HttpRequest):
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


def _wrong_code(request: HttpRequest, user, pending) -> bool:
    """Count a wrong code; return True when the pending login is given up."""
    # django-axes counts this as a failed login of the account too.
    user_login_failed.send(
        sender=__name__, credentials={"username": user.username}, request=request
    )
    pending["tries"] += 1
    request.session[PENDING_KEY] = pending
    if pending["tries"] >= MAX_CODE_TRIES:
        request.session.pop(PENDING_KEY, None)
        return True
    return False


@sensitive_post_parameters()
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_otp(request: HttpRequest) -> HttpResponse:
    user, pending = _pending_user(request)
    if user is None:
        messages.error(request, _("登录已超时，请重新输入用户名和密码。"))
        return redirect("login")
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify_totp(user, form.cleaned_data["code"]):
            request.session.pop(PENDING_KEY, None)
            user.backend = pending["backend"]
            return _complete_login(request, user, pending["next"])
        if _wrong_code(request, user, pending):
            messages.error(request, _("动态口令错误次数过多，请重新登录。"))
            return redirect("login")
        form.add_error("code", _("动态口令不正确。"))
    return render(request, "accounts/login_otp.html", {"form": form})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        services.record_logout(request.user, request)
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@never_cache
@login_required
def security(request: HttpRequest) -> HttpResponse:
    device = TotpDevice.objects.filter(user=request.user).first()
    return render(request, "accounts/security.html", {"device": device})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def totp_enrol(request: HttpRequest) -> HttpResponse:
    """Show a new secret as QR code and text; switch the factor on once the
    person types a code their app shows."""
    device = TotpDevice.objects.filter(user=request.user).first()
    if device is not None and device.is_confirmed:
        return redirect("account_security")
    if device is None or request.method == "GET":
        device = services.start_totp_enrolment(request.user)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.confirm_totp_enrolment(request.user, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            messages.success(request, _("已启用动态口令，下次登录时需要输入。"))
            return redirect("account_security")
    uri = totp.provisioning_uri(
        device.secret, request.user.username, settings.SITE_NAME
    )
    context = {"form": form, "secret": device.secret, "qr": totp.qr_data_uri(uri)}
    return render(request, "accounts/totp_enrol.html", context)


@login_required
@require_POST
def totp_disable(request: HttpRequest) -> HttpResponse:
    """Switch the second factor off; asks for a current code first."""
    form = OtpForm(request.POST)
    if form.is_valid() and services.verify_totp(
        request.user, form.cleaned_data["code"]
    ):
        services.disable_totp(request.user, request.user)
        messages.success(request, _("已停用动态口令。"))
    else:
        messages.error(request, _("动态口令不正确，未停用。"))
    return redirect("account_security")


@sensitive_post_parameters()
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        services.record_password_change(user)
        messages.success(request, _("密码已修改。"))
        return redirect("account_security")
    return render(request, "accounts/password_change.html", {"form": form})
