"""Changing the agency tree.  Every function runs in one durable transaction
and writes one audit entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.models import Role
from gongkai.accounts.permissions import has_role
from gongkai.audit.services import record

from .models import LEVEL_RANK, PATH_SEPARATOR, Agency, Kind

# Fields the head (负责人) of an agency keeps up to date: the 指南 contacts
# (《条例》第十二条).  Everything else is for administrators.
OGI_BODY_FIELDS = (
    "ogi_body_name",
    "ogi_body_address",
    "ogi_body_postcode",
    "ogi_body_hours",
    "ogi_body_telephone",
    "ogi_body_fax",
    "ogi_body_web",
)
IDENTITY_FIELDS = (
    "name",
    "short_name",
    "level",
    "kind",
    "credit_code",
    "organisation_code",
    "sort_order",
)
EDITABLE_FIELDS = IDENTITY_FIELDS + OGI_BODY_FIELDS


def require_administrator(actor, agency: Agency | None) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` administers ``agency``
    (a root position, ``None``, needs a superuser)."""
    if agency is None:
        allowed = bool(actor and actor.is_active and actor.is_superuser)
    else:
        allowed = has_role(actor, agency, Role.ADMINISTRATOR)
    if not allowed:
        raise PermissionDenied


def parent_problems(level: str, kind: str, parent: Agency | None) -> list[str]:
    """Return why an agency of ``level``/``kind`` cannot sit under ``parent``
    (empty when it can)."""
    if parent is None:
        return []
    problems = []
    if parent.kind == Kind.DEPARTMENT and kind == Kind.GOVERNMENT:
        problems.append(_("人民政府不能隶属于政府部门。"))
    if LEVEL_RANK[level] < LEVEL_RANK[parent.level]:
        problems.append(_("下级机关的层级不能高于上级机关。"))
    elif kind == Kind.GOVERNMENT == parent.kind and level == parent.level:
        problems.append(_("下级人民政府的层级应低于上级人民政府。"))
    return [str(p) for p in problems]


def _check_parent(level: str, kind: str, parent: Agency | None) -> None:
    problems = parent_problems(level, kind, parent)
    if problems:
        raise ValidationError({"parent": problems})


def insert_agency(parent: Agency | None, fields: dict) -> Agency:
    """Validate and store one agency with its materialised path.

    For use inside a service's transaction; checks no permission and writes
    no audit entry.
    """
    agency = Agency(parent=parent, **fields)
    agency.full_clean(exclude=["path", "parent"])
    _check_parent(agency.level, agency.kind, parent)
    agency.save()
    agency.path = (
        f"{parent.path if parent else PATH_SEPARATOR}{agency.pk}{PATH_SEPARATOR}"
    )
    Agency.objects.filter(pk=agency.pk).update(path=agency.path)
    return agency


def create_agency(actor, *, parent: Agency | None, **fields) -> Agency:
    """Create an agency under ``parent`` and return it.

    Raises ``PermissionDenied`` unless ``actor`` administers ``parent`` and
    ``ValidationError`` for bad codes, a duplicate name or an impossible
    place in the tree (e.g. a province under a county).
    """
    require_administrator(actor, parent)
    with transaction.atomic(durable=True):
        agency = insert_agency(parent, fields)
        record(
            actor,
            "organisations.create_agency",
            target=agency,
            data={"parent": parent.pk if parent else None, **fields},
        )
    return agency


def update_agency(actor, agency: Agency, **changes) -> Agency:
    """Change an agency's own fields and return it.

    The head (负责人) may change the OGI working body's contacts; the other
    fields need an administrator.  The audit entry holds old and new values.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    if set(changes) - set(OGI_BODY_FIELDS):
        require_administrator(actor, agency)
    elif not (
        has_role(actor, agency, Role.HEAD)
        or has_role(actor, agency, Role.ADMINISTRATOR)
    ):
        raise PermissionDenied
    with transaction.atomic(durable=True):
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        diff = _apply(agency, changes)
        agency.full_clean(exclude=["path", "parent"])
        _check_parent(agency.level, agency.kind, agency.parent)
        agency.save()
        record(
            actor, "organisations.update_agency", target=agency, data={"changes": diff}
        )
    return agency


def _apply(agency: Agency, changes: dict) -> dict[str, list]:
    diff = {}
    for field, value in changes.items():
        old = getattr(agency, field)
        if old != value:
            diff[field] = [old, value]
            setattr(agency, field, value)
    return diff


def move_agency(actor, agency: Agency, new_parent: Agency | None) -> Agency:
    """Put ``agency`` (with its whole subtree) under ``new_parent``.

    The actor must administer the agency and the new parent.  Raises
    ``ValidationError`` if the move would create a cycle (the new parent is
    the agency or below it) or break the level order.
    """
    require_administrator(actor, agency)
    require_administrator(actor, new_parent)
    with transaction.atomic(durable=True):
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        if new_parent is not None:
            new_parent = Agency.objects.get(pk=new_parent.pk)
        _check_move(agency, new_parent)
        old_parent_id = agency.parent_id
        _rewrite_subtree_paths(agency, new_parent)
        agency.refresh_from_db()
        record(
            actor,
            "organisations.move_agency",
            target=agency,
            data={"from_parent": old_parent_id, "to_parent": agency.parent_id},
        )
    return agency


def _check_move(agency: Agency, new_parent: Agency | None) -> None:
    if new_parent is not None and new_parent.is_in_subtree_of(agency):
        raise ValidationError(
            {
                "parent": ValidationError(
                    _("不能把机关移到它自己或它的下级机关之下。"), code="cycle"
                )
            }
        )
    _check_parent(agency.level, agency.kind, new_parent)


def _rewrite_subtree_paths(agency: Agency, new_parent: Agency | None) -> None:
    old_path = agency.path
    prefix = new_parent.path if new_parent else PATH_SEPARATOR
    new_path = f"{prefix}{agency.pk}{PATH_SEPARATOR}"
    Agency.objects.filter(pk=agency.pk).update(parent=new_parent)
    Agency.objects.filter(path__startswith=old_path).update(
        path=Concat(
            models.Value(new_path),
            Substr("path", len(old_path) + 1),
            output_field=models.CharField(),
        )
    )
