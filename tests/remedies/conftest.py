from tests.applications.conftest import (  # noqa: F401  (pytest fixtures)
    case,
    empty_cache,
    fresh_calendar_cache,
    gucheng,
    lisi,
    media_root,
    qianqi,
    sunba,
    wangwu,
    world,
    xiaoxia,
)
