"""Writing the audit log.

``record`` is called by every service inside its transaction, so the entry
is stored if and only if the change is.  ``record_personal_data_view`` is
for views that show an applicant's personal information (《个人信息保护法》
第五十一条: measures such as access control and audit of processing).
"""

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from .context import context_from_request, current
from .models import AuditEntry


def _target_fields(target: models.Model | None) -> dict[str, str]:
    if target is None:
        return {}
    return {
        "target_type": target._meta.label_lower,
        "target_id": str(target.pk),
        "target_repr": str(target)[:200],
    }


def _agency_of(target: models.Model | None):
    """Return the agency a record belongs to: itself if it is an agency,
    else its ``agency`` attribute, else None."""
    if target is None:
        return None
    if target._meta.label_lower == "organisations.agency":
        return target
    return getattr(target, "agency", None)


def _actor_fields(actor) -> dict[str, Any]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_name": ""}
    return {"actor": actor, "actor_name": f"{actor.get_full_name()} ({actor.username})"}


def record(
    actor,
    verb: str,
    *,
    target: models.Model | None = None,
    agency=None,
    data: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one entry and return it.

    ``agency`` defaults to the target's agency (or the target itself when it
    is an agency); it decides who may read the entry.  The client address
    and user agent come from ``request`` or else from the current request
    (``AuditContextMiddleware``); both are empty outside a request.
    """
    where = context_from_request(request) if request is not None else current()
    return AuditEntry.objects.create(
        verb=verb,
        agency=agency if agency is not None else _agency_of(target),
        data=data or {},
        ip_address=where.ip_address,
        user_agent=where.user_agent,
        **_actor_fields(actor),
        **_target_fields(target),
    )


def record_personal_data_view(
    request: HttpRequest, obj: models.Model, fields: Iterable[str]
) -> AuditEntry:
    """Record that ``request.user`` was shown the personal-data ``fields`` of
    ``obj`` (e.g. an applicant's name, ID number and address).

    Call it from any view or export that displays such fields.  Runs in its
    own transaction when none is open, so the record is kept even if the
    view then fails to render.
    """
    with transaction.atomic():
        return record(
            request.user,
            "audit.view_personal_data",
            target=obj,
            data={"fields": sorted(fields), "path": request.path},
            request=request,
        )
