"""Demo staff with known passwords, for ``make demo`` and the browser tests.

Never run this on a real installation: the passwords are printed.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.organisations.demo import DemoWorld, build_demo_world

from .models import Role, RoleAssignment

DEMO_PASSWORD = "Gongkai#2026demo"

# (username, full name, role, which agency of the demo world)
DEMO_STAFF = [
    ("lisi", "李四", Role.HANDLER, "township"),
    ("wangwu", "王五", Role.HEAD, "township"),
    ("zhaoliu", "赵六", Role.PUBLICATION_REVIEWER, "township"),
    ("qianqi", "钱七", Role.INSPECTOR, "district"),
    ("sunba", "孙八", Role.HANDLER, "xiaoxia"),
    ("zhoujiu", "周九", Role.ADMINISTRATOR, "district"),
]


def _agency(world: DemoWorld, key: str):
    if key == "xiaoxia":
        return world.sibling_townships[0]
    return getattr(world, key)


def _ensure_user(username: str, full_name: str, password: str, *, superuser=False):
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(
        username=username, defaults={"full_name": full_name}
    )
    user.full_name = full_name
    user.is_active = True
    user.is_superuser = user.is_staff = superuser
    user.set_password(password)
    user.save()
    return user


def create_demo_staff(
    world: DemoWorld | None = None,
) -> list[tuple[str, object, str, str]]:
    """Create (or reset) the demo accounts and return
    ``(role label, agency, username, password)`` for each, to print.

    Idempotent: existing accounts get their known password back.  Also
    creates ``admin``, a superuser (the installation's administrator).
    """
    world = world or build_demo_world()
    logins = []
    with transaction.atomic():
        for username, full_name, role, key in DEMO_STAFF:
            agency = _agency(world, key)
            user = _ensure_user(username, full_name, DEMO_PASSWORD)
            RoleAssignment.objects.get_or_create(user=user, agency=agency, role=role)
            logins.append((str(Role(role).label), agency, username, DEMO_PASSWORD))
        _ensure_user("admin", "系统管理员", DEMO_PASSWORD, superuser=True)
        logins.append(("超级管理员", None, "admin", DEMO_PASSWORD))
    return logins
