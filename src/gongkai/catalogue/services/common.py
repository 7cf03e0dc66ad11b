"""Permission checks and small helpers the catalogue services share."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.accounts.models import Role
from gongkai.accounts.permissions import agencies_for_user, has_role

from ..models import Document

# 《条例》第十七条: publication follows the agency's review mechanism; the
# 发布审核 role and the head (负责人) may publish and decide on withholding.
PUBLISHER_ROLES = (Role.PUBLICATION_REVIEWER, Role.HEAD)


def require_writer(actor, agency) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` may change ``agency``'s
    catalogue (经办人, 负责人 or 发布审核 of that agency)."""
    if not agencies_for_user(actor, write=True).filter(pk=agency.pk).exists():
        raise PermissionDenied


def require_any_role(actor, agency, *roles: str) -> None:
    if not any(has_role(actor, agency, role) for role in roles):
        raise PermissionDenied


def require_publisher(actor, agency) -> None:
    require_any_role(actor, agency, *PUBLISHER_ROLES)


def locked(document: Document) -> Document:
    """Return a fresh copy of ``document``, locked for the transaction."""
    return Document.objects.select_for_update().get(pk=document.pk)


def refuse(message, field: str | None = None, code: str = "invalid"):
    """Return a ``ValidationError`` for ``field`` (or the whole form)."""
    error = ValidationError(message, code=code)
    return ValidationError({field: [error]}) if field else error


def require_status(document: Document, *statuses: str, message) -> None:
    if document.status not in statuses:
        raise refuse(message, code="wrong_status")


def today_or(day):
    return day or timezone.localdate()
