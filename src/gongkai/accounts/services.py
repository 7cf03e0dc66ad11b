"""Changing people, roles and second factors.  Each function runs in one
durable transaction and writes one audit entry."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.audit.services import record
from gongkai.organisations.models import Agency

from . import totp
from .models import Role, RoleAssignment, TotpDevice
from .permissions import administered_agencies, has_role

User = get_user_model()


def home_agency(user) -> Agency | None:
    """Return the highest agency where ``user`` holds a role: entries about
    a person are filed there, so that agency's 督查 can read them."""
    assignment = (
        RoleAssignment.objects.filter(user=user).select_related("agency").first()
    )
    return assignment.agency if assignment else None


def _require_admin_of(actor, agency: Agency) -> None:
    if not has_role(actor, agency, Role.ADMINISTRATOR):
        raise PermissionDenied


def can_manage_user(actor, user) -> bool:
    """Return whether ``actor`` may change ``user``: a superuser may change
    anyone; an administrator may change people whose every role lies within
    the agencies they administer (so one district cannot take over another
    district's staff by granting them a role)."""
    if actor.is_superuser:
        return True
    if user.is_superuser or user.pk == actor.pk:
        return False
    reach = administered_agencies(actor)
    roles = RoleAssignment.objects.filter(user=user)
    return roles.exists() and not roles.exclude(agency__in=reach).exists()


def _require_can_manage(actor, user) -> None:
    if not can_manage_user(actor, user):
        raise PermissionDenied


def create_user(
    actor,
    *,
    username: str,
    password: str,
    full_name: str,
    agency: Agency,
    role: str,
    phone: str = "",
):
    """Create a staff member with a first role in ``agency`` and return them.

    The actor must administer ``agency``.  Raises ``ValidationError`` if the
    password breaks the password rules or the username is taken.
    """
    _require_admin_of(actor, agency)
    user = User(username=username, full_name=full_name, phone=phone)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    with transaction.atomic(durable=True):
        user.save()
        RoleAssignment.objects.create(
            user=user, agency=agency, role=role, created_by=actor
        )
        record(
            actor,
            "accounts.create_user",
            target=user,
            agency=agency,
            data={"username": username, "role": role},
        )
    return user


def set_user_active(actor, user, active: bool):
    """Enable or disable an account (people are disabled, never deleted, so
    the audit log keeps pointing at them)."""
    _require_can_manage(actor, user)
    with transaction.atomic(durable=True):
        User.objects.filter(pk=user.pk).update(is_active=active)
        user.is_active = active
        record(
            actor,
            "accounts.set_user_active",
            target=user,
            agency=home_agency(user),
            data={"active": active},
        )
    return user


def reset_password(actor, user, password: str):
    """Set a new password chosen by an administrator."""
    _require_can_manage(actor, user)
    validate_password(password, user)
    with transaction.atomic(durable=True):
        user.set_password(password)
        user.save(update_fields=["password"])
        record(actor, "accounts.reset_password", target=user, agency=home_agency(user))
    return user


def record_password_change(user) -> None:
    """Audit a password the user changed themselves (Django's view saves it)."""
    with transaction.atomic(durable=True):
        record(user, "accounts.change_password", target=user, agency=home_agency(user))


def grant_role(actor, user, agency: Agency, role: str) -> RoleAssignment:
    """Give ``user`` ``role`` in ``agency`` and return the assignment.

    The actor must administer ``agency``; granting an existing role raises
    ``ValidationError``.  Only a superuser grants roles to someone whose
    other roles lie outside the actor's reach.
    """
    _require_admin_of(actor, agency)
    if RoleAssignment.objects.filter(user=user).exists():
        _require_can_manage(actor, user)
    if role not in Role.values:
        raise ValidationError(_("未知的角色。"))
    if RoleAssignment.objects.filter(user=user, agency=agency, role=role).exists():
        raise ValidationError(_("该用户已有此角色。"))
    with transaction.atomic(durable=True):
        assignment = RoleAssignment.objects.create(
            user=user, agency=agency, role=role, created_by=actor
        )
        record(
            actor,
            "accounts.grant_role",
            target=user,
            agency=agency,
            data={"role": role, "assignment": assignment.pk},
        )
    return assignment


def revoke_role(actor, assignment: RoleAssignment) -> None:
    """Take a role away.  An administrator cannot revoke their own
    administrator role (someone else must)."""
    _require_admin_of(actor, assignment.agency)
    if assignment.user_id == actor.pk and assignment.role == Role.ADMINISTRATOR:
        raise PermissionDenied
    with transaction.atomic(durable=True):
        record(
            actor,
            "accounts.revoke_role",
            target=assignment.user,
            agency=assignment.agency,
            data={"role": assignment.role, "assignment": assignment.pk},
        )
        assignment.delete()


def start_totp_enrolment(user) -> TotpDevice:
    """Return the user's unconfirmed device with a fresh secret (replacing an
    earlier unconfirmed one).  Raises ``ValidationError`` if one is active."""
    device = TotpDevice.objects.filter(user=user).first()
    if device is not None and device.is_confirmed:
        raise ValidationError(_("动态口令已启用。"))
    with transaction.atomic(durable=True):
        device, _created = TotpDevice.objects.update_or_create(
            user=user, defaults={"secret": totp.new_secret(), "confirmed_at": None}
        )
    return device


def confirm_totp_enrolment(user, code: str, *, now=None) -> TotpDevice:
    """Switch the second factor on once the user types a valid code from
    their app.  Raises ``ValidationError`` for a wrong code."""
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        device = TotpDevice.objects.select_for_update().get(
            user=user, confirmed_at=None
        )
        step = totp.matching_step(device.secret, code, now)
        if step is None:
            raise ValidationError(_("动态口令不正确，请核对手机时间后重试。"))
        device.confirmed_at = now
        device.last_step = step
        device.save()
        record(user, "accounts.enrol_totp", target=user, agency=home_agency(user))
    return device


def verify_totp(user, code: str, *, now=None) -> bool:
    """Return whether ``code`` is valid for the user's confirmed device, and
    use it up: the same code is refused afterwards (replay)."""
    now = now or timezone.now()
    with transaction.atomic():
        device = (
            TotpDevice.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=False)
            .first()
        )
        if device is None:
            return False
        step = totp.matching_step(device.secret, code, now)
        if step is None or step <= device.last_step:
            return False
        TotpDevice.objects.filter(pk=device.pk).update(last_step=step)
    return True


def disable_totp(actor, user) -> None:
    """Remove the second factor: by the user themselves, or by an
    administrator for a staff member who lost their phone."""
    if actor.pk != user.pk:
        _require_can_manage(actor, user)
    with transaction.atomic(durable=True):
        TotpDevice.objects.filter(user=user).delete()
        record(actor, "accounts.disable_totp", target=user, agency=home_agency(user))


def record_login(user, request) -> None:
    """Audit a completed login (password, and the code where enrolled)."""
    with transaction.atomic():
        record(
            user,
            "accounts.login",
            target=user,
            agency=home_agency(user),
            request=request,
        )


def record_logout(user, request) -> None:
    with transaction.atomic():
        record(
            user,
            "accounts.logout",
            target=user,
            agency=home_agency(user),
            request=request,
        )
