"""The audit log as JSON for 督查, administrators and external audit tools."""

from datetime import date

from django.http import HttpRequest

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from gongkai.accounts.permissions import audit_readable_agencies

from .forms import end_of_day, start_of_day
from .schemas import AuditEntryOut, ErrorOut
from .selectors import entries_for_user

router = Router(tags=["audit"], auth=django_auth)
MAX_ENTRIES = 500


class EntryFilter(Schema):
    verb: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@router.get(
    "/entries", response={200: list[AuditEntryOut], 401: ErrorOut, 403: ErrorOut}
)
def list_entries(request: HttpRequest, filters: Query[EntryFilter]):
    """The newest entries (at most 500) the user may read."""
    if not (
        request.user.is_superuser or audit_readable_agencies(request.user).exists()
    ):
        raise HttpError(403, "Forbidden")
    entries = entries_for_user(request.user)
    if filters.verb:
        entries = entries.filter(verb=filters.verb)
    if filters.date_from:
        entries = entries.filter(created_at__gte=start_of_day(filters.date_from))
    if filters.date_to:
        entries = entries.filter(created_at__lte=end_of_day(filters.date_to))
    return list(entries[:MAX_ENTRIES])
