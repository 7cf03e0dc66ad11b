"""The demo world and its people, shared by the organisations, accounts and
audit tests (each package's conftest imports these fixtures).

Personas:
- 李四 (lisi): 经办人 of 古城回族乡, the seed township.
- 王五 (wangwu): 负责人 of 古城回族乡.
- 孙八 (sunba): 经办人 of 小峡镇, the neighbouring township.
- 钱七 (qianqi): 督查 of 平安区 (reads the district's whole subtree).
- 周九 (zhoujiu): 系统管理员 of 平安区.
"""

from django.contrib.auth import get_user_model

import pytest

from gongkai.accounts.models import Role, RoleAssignment
from gongkai.organisations.demo import build_demo_world


def make_person(username: str, full_name: str, agency=None, *roles: str):
    """Create a user (no usable password) holding ``roles`` in ``agency``."""
    user = get_user_model().objects.create_user(username=username, full_name=full_name)
    for role in roles:
        RoleAssignment.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def world(db):
    return build_demo_world()


@pytest.fixture
def gucheng(world):
    return world.township


@pytest.fixture
def xiaoxia(world):
    return world.sibling_townships[0]


@pytest.fixture
def lisi(gucheng):
    return make_person("lisi", "李四", gucheng, Role.HANDLER)


@pytest.fixture
def wangwu(gucheng):
    return make_person("wangwu", "王五", gucheng, Role.HEAD)


@pytest.fixture
def sunba(xiaoxia):
    return make_person("sunba", "孙八", xiaoxia, Role.HANDLER)


@pytest.fixture
def qianqi(world):
    return make_person("qianqi", "钱七", world.district, Role.INSPECTOR)


@pytest.fixture
def zhoujiu(world):
    return make_person("zhoujiu", "周九", world.district, Role.ADMINISTRATOR)


@pytest.fixture
def root_admin(db):
    return get_user_model().objects.create_superuser(
        username="root", password=None, full_name="超级管理员"
    )
