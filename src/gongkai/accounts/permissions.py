"""Who may see and change what: the one place other apps ask.

Isolation is by agency.  A record of an agency the user has no role over
does not exist for that user: fetchers raise ``Http404``, never 403, so
pages, API and exports do not even confirm that it exists.

- ``agencies_for_user(user)``: agencies whose business records the user may
  read (经办人/负责人/发布审核: their own agency; 督查: the whole subtree).
- ``agencies_for_user(user, write=True)``: agencies whose records the user
  may change (经办人/负责人/发布审核 of that agency; 督查 never writes).
- ``administered_agencies(user)``: agencies whose structure and people the
  user manages (系统管理员: the subtree).
- ``get_for_user(queryset, user, pk, write=...)``: the fetcher pattern.
- ``has_role`` / ``require_role``: a specific duty such as 负责人 approving
  an extension (《条例》第三十三条第二款).

A superuser (the installation's administrator) reaches every agency.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from gongkai.organisations.models import Agency

from .models import BUSINESS_ROLES, SUBTREE_ROLES, WRITE_ROLES, Role, RoleAssignment


def _is_active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _reach(user, roles: Iterable[str]) -> models.QuerySet:
    """Return the agencies the user reaches through any of ``roles``."""
    if not _is_active(user):
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    assignments = list(
        RoleAssignment.objects.filter(user=user, role__in=list(roles)).values_list(
            "role", "agency_id", "agency__path"
        )
    )
    own = [agency_id for role, agency_id, _ in assignments if role not in SUBTREE_ROLES]
    subtrees = [path for role, _, path in assignments if role in SUBTREE_ROLES]
    condition = models.Q(pk__in=own)
    for path in subtrees:
        condition |= models.Q(path__startswith=path)
    if not own and not subtrees:
        return Agency.objects.none()
    return Agency.objects.filter(condition)


def agencies_for_user(user, *, write: bool = False) -> models.QuerySet:
    """Return the agencies whose business records ``user`` may read, or with
    ``write=True`` change."""
    return _reach(user, WRITE_ROLES if write else BUSINESS_ROLES)


def administered_agencies(user) -> models.QuerySet:
    """Return the agencies whose structure and staff ``user`` manages."""
    return _reach(user, [Role.ADMINISTRATOR])


def visible_agencies(user) -> models.QuerySet:
    """Return every agency the user may see in the agency pages: those with
    business access and those the user administers."""
    return _reach(user, list(Role))


def audit_readable_agencies(user) -> models.QuerySet:
    """Return the agencies whose audit log the user may search (督查 and
    系统管理员, over their subtrees)."""
    return _reach(user, [Role.INSPECTOR, Role.ADMINISTRATOR])


def has_role(user, agency: Agency, role: str) -> bool:
    """Return whether ``user`` holds ``role`` for ``agency``.

    A subtree role (督查, 系统管理员) held on an ancestor counts; the other
    roles count only on the agency itself.  Superusers hold 系统管理员
    everywhere but no business role they were not given.
    """
    if not _is_active(user):
        return False
    if user.is_superuser and role == Role.ADMINISTRATOR:
        return True
    assignments = RoleAssignment.objects.filter(user=user, role=role)
    if role in SUBTREE_ROLES:
        return assignments.filter(
            agency_id__in=agency.ancestor_ids() + [agency.pk]
        ).exists()
    return assignments.filter(agency=agency).exists()


def require_role(user, agency: Agency, *roles: str) -> None:
    """Raise ``PermissionDenied`` (403) unless the user holds one of ``roles``
    for ``agency``.

    Use it after a fetcher: the fetcher has already turned "no access to
    this agency at all" into 404, so 403 here only says "you can see this,
    but this duty is someone else's".
    """
    if not any(has_role(user, agency, role) for role in roles):
        raise PermissionDenied


def get_for_user(
    queryset: models.QuerySet,
    user,
    pk,
    *,
    write: bool = False,
    agency_field: str = "agency",
    agencies: models.QuerySet | None = None,
):
    """Return the object ``pk`` of ``queryset`` if its agency is within reach,
    else raise ``Http404``.

    ``agency_field`` is the lookup from the model to its agency
    (``"agency"``, ``"application__agency"``; ``""`` for agencies
    themselves).  ``agencies`` overrides the reach, e.g. with
    ``administered_agencies(user)``.
    """
    reach = agencies if agencies is not None else agencies_for_user(user, write=write)
    lookup = f"{agency_field}__in" if agency_field else "pk__in"
    try:
        return queryset.filter(**{lookup: reach}).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def filter_for_user(
    queryset: models.QuerySet,
    user,
    *,
    write: bool = False,
    agency_field: str = "agency",
) -> models.QuerySet:
    """Return ``queryset`` restricted to the agencies within the user's reach
    (for lists and exports)."""
    lookup = f"{agency_field}__in" if agency_field else "pk__in"
    return queryset.filter(**{lookup: agencies_for_user(user, write=write)})
