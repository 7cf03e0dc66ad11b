from tests.organisations.world import (  # noqa: F401  (pytest fixtures)
    gucheng,
    lisi,
    qianqi,
    root_admin,
    sunba,
    wangwu,
    world,
    xiaoxia,
    zhoujiu,
)
