"""What the isolation crawl needs to know about each app.

The crawl test (``tests/accounts/test_isolation_crawl.py``) signs in as the
staff of one agency and requests every URL pattern and every API operation
with the primary keys of a neighbouring agency's records; it expects 404
(or a refusal), never the neighbour's data.  To fill URL parameters it asks
this registry, which each app feeds from its own ``isolation.py`` module
(found by ``autodiscover``).  A URL parameter nobody registered fails the
crawl, so a new app cannot slip past it.

Example, in ``gongkai/applications/isolation.py``::

    from gongkai.accounts.isolation import registry

    registry.register(
        Application,
        build=lambda agency: make_application(agency),   # one record of agency
        marker=lambda obj: obj.number,                   # text unique to it
        params=("application_pk", "application_id"),
        namespaces=("applications",),                    # there ``pk`` is one
        api_prefixes=("/api/applications",),             # there ``{id}`` is one
    )
    registry.register_public("portal")   # public pages: the crawl skips them
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.module_loading import autodiscover_modules

GENERIC_PARAMS = ("pk", "id")


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    build: Callable  # (agency) -> one record belonging to that agency
    marker: Callable  # (record) -> text that only a page showing it contains
    params: tuple[str, ...] = ()
    namespaces: tuple[str, ...] = ()
    api_prefixes: tuple[str, ...] = ()


@dataclass
class Registry:
    registrations: list[Registration] = field(default_factory=list)
    public_namespaces: set[str] = field(default_factory=set)
    public_url_names: set[str] = field(default_factory=set)
    public_api_prefixes: set[str] = field(default_factory=set)
    # Namespaces open only to a role no agency staff has (the Django admin):
    # parameters get a dummy value, and any answer but a refusal fails.
    gated_namespaces: set[str] = field(default_factory=set)
    # URL parameters that are not record keys (a year, a format): fixed values.
    fixed_params: dict[str, object] = field(default_factory=dict)

    def register(
        self, model, *, build, marker=str, params=(), namespaces=(), api_prefixes=()
    ):
        if any(r.model is model for r in self.registrations):
            return
        self.registrations.append(
            Registration(
                model,
                build,
                marker,
                tuple(params),
                tuple(namespaces),
                tuple(api_prefixes),
            )
        )

    def register_public(self, *namespaces: str, url_names=(), api_prefixes=()) -> None:
        """Declare pages meant for everyone (the public portal): the crawl
        does not expect them to hide anything."""
        self.public_namespaces.update(namespaces)
        self.public_url_names.update(url_names)
        self.public_api_prefixes.update(api_prefixes)

    def register_gated(self, *namespaces: str) -> None:
        self.gated_namespaces.update(namespaces)

    def register_param(self, name: str, value) -> None:
        self.fixed_params[name] = value

    def for_param(self, name: str, *, namespace: str = "", api_path: str = ""):
        """Return the registration whose records fill URL parameter ``name``,
        or None."""
        for registration in self.registrations:
            if name in registration.params:
                return registration
        if name not in GENERIC_PARAMS:
            return None
        for registration in self.registrations:
            if namespace and namespace in registration.namespaces:
                return registration
            if api_path and any(
                api_path.startswith(p) for p in registration.api_prefixes
            ):
                return registration
        return None

    def is_public(
        self, *, namespace: str = "", url_name: str = "", api_path: str = ""
    ) -> bool:
        if namespace and namespace.split(":")[0] in self.public_namespaces:
            return True
        if url_name and url_name in self.public_url_names:
            return True
        return bool(api_path) and any(
            api_path.startswith(p) for p in self.public_api_prefixes
        )


registry = Registry()


def autodiscover() -> Registry:
    """Import every installed app's ``isolation`` module and return the registry."""
    autodiscover_modules("isolation")
    return registry


def _person_of(agency):
    from django.contrib.auth import get_user_model

    from .models import Role, RoleAssignment

    user, _created = get_user_model().objects.get_or_create(
        username=f"crawl-{agency.pk}", defaults={"full_name": f"人员{agency.name}"}
    )
    RoleAssignment.objects.get_or_create(user=user, agency=agency, role=Role.HANDLER)
    return user


def _role_of(agency):
    from .models import RoleAssignment

    return (
        RoleAssignment.objects.filter(agency=agency).first()
        or _person_of(agency).role_assignments.get()
    )


def _agency_itself(agency):
    return agency


def _register_own_models() -> None:
    from django.contrib.auth import get_user_model

    from gongkai.organisations.models import Agency

    from .models import RoleAssignment

    registry.register(
        Agency,
        build=_agency_itself,
        marker=lambda agency: agency.name,
        params=("agency_pk", "agency_id"),
        namespaces=("organisations",),
        api_prefixes=("/api/agencies",),
    )
    registry.register(
        get_user_model(),
        build=_person_of,
        marker=lambda user: user.full_name,
        params=("user_pk", "user_id"),
    )
    registry.register(
        RoleAssignment,
        build=_role_of,
        marker=lambda role: f"{role.user.full_name}",
        params=("role_pk", "role_id"),
    )
    # The Django admin is for superusers only: staff are sent to the login.
    registry.register_gated("admin")


_register_own_models()
