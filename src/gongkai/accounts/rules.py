"""Object permissions as ``rules`` predicates, for ``user.has_perm(name, agency)``
and the ``{% has_perm %}`` template tag.  They are thin wrappers over
``gongkai.accounts.permissions``, which stays the source of truth.
"""

import rules

from .models import Role
from .permissions import has_role, visible_agencies


@rules.predicate
def can_see_agency(user, agency) -> bool:
    return agency is not None and visible_agencies(user).filter(pk=agency.pk).exists()


@rules.predicate
def is_head(user, agency) -> bool:
    return agency is not None and has_role(user, agency, Role.HEAD)


@rules.predicate
def is_administrator(user, agency) -> bool:
    return agency is not None and has_role(user, agency, Role.ADMINISTRATOR)


@rules.predicate
def is_inspector(user, agency) -> bool:
    return agency is not None and has_role(user, agency, Role.INSPECTOR)


rules.add_perm("organisations.view_agency", can_see_agency)
# The OGI working body's contacts are kept by its head (《条例》第十二条).
rules.add_perm("organisations.change_agency", is_head | is_administrator)
rules.add_perm("organisations.manage_structure", is_administrator)
rules.add_perm("accounts.manage_people", is_administrator)
rules.add_perm("audit.view_auditentry", is_inspector | is_administrator)
