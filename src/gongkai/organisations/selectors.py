"""Permission-checked reads of agencies (the fetchers other code uses)."""

from dataclasses import dataclass

from django.db import models

from gongkai.accounts.permissions import (
    administered_agencies,
    agencies_for_user,
    get_for_user,
    visible_agencies,
)

from .models import Agency


def get_agency_for_user(user, pk, *, write: bool = False) -> Agency:
    """Return agency ``pk`` if the user may see it (or, with ``write``,
    change its business records); else raise ``Http404``."""
    reach = agencies_for_user(user, write=True) if write else visible_agencies(user)
    return get_for_user(Agency.objects.all(), user, pk, agency_field="", agencies=reach)


def get_administered_agency_for_user(user, pk) -> Agency:
    """Return agency ``pk`` if the user administers it, else raise ``Http404``."""
    return get_for_user(
        Agency.objects.all(),
        user,
        pk,
        agency_field="",
        agencies=administered_agencies(user),
    )


@dataclass
class TreeRow:
    agency: Agency
    depth: int

    @property
    def indent(self) -> str:
        return "　" * self.depth


def tree_rows(agencies: models.QuerySet) -> list[TreeRow]:
    """Return ``agencies`` in tree order (parents before children, siblings
    by sort order and name), indented relative to the shallowest one.

    An agency whose parent is not in the set is shown as a top-level row.
    """
    items = list(agencies.order_by("sort_order", "name"))
    ids = {a.pk for a in items}
    children: dict[int | None, list[Agency]] = {}
    for agency in items:
        parent = agency.parent_id if agency.parent_id in ids else None
        children.setdefault(parent, []).append(agency)
    rows: list[TreeRow] = []

    def walk(parent_id, depth):
        for agency in children.get(parent_id, []):
            rows.append(TreeRow(agency, depth))
            walk(agency.pk, depth + 1)

    walk(None, 0)
    return rows
