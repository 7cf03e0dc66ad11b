"""Personas of the annual-report tests (see tests/organisations/world.py):
李四 经办人, 王五 负责人 and 赵六 发布审核 of 古城回族乡; 孙八 经办人 of 小峡镇;
钱七 督查 of 平安区; 周九 系统管理员 of 平安区."""

import pytest

from gongkai.accounts.models import Role
from tests.organisations.world import (  # noqa: F401  (pytest fixtures)
    gucheng,
    lisi,
    make_person,
    qianqi,
    sunba,
    wangwu,
    world,
    xiaoxia,
    zhoujiu,
)


@pytest.fixture
def zhaoliu(gucheng):  # noqa: F811
    return make_person("zhaoliu", "赵六", gucheng, Role.PUBLICATION_REVIEWER)


@pytest.fixture
def history(gucheng):  # noqa: F811
    from .records import township_history

    return township_history(gucheng)
