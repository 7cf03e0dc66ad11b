import os
from pathlib import Path

from django.utils import translation

import pytest

# pytest-playwright runs an event loop in the test thread; ORM calls in
# browser tests would otherwise raise SynchronousOnlyOperation.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _default_language():
    """Leave Chinese on after each test: a request in English activates English
    for the rest of the worker process."""
    yield
    translation.deactivate()


def _flushes_the_database(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _calendar_survives_flush(request):
    """Put the statutory calendar back after a transactional test.

    Such tests end by emptying every table, including the holiday
    arrangements that a data migration seeds; the tests after them on the
    same worker expect those rows, as every real database has them.
    """
    yield
    if not _flushes_the_database(request):
        return
    import importlib

    from django.apps import apps

    from gongkai.workcalendar.selectors import clear_calendar_cache

    # The data migration itself: the same rows, no audit entries, no signals.
    migration = importlib.import_module(
        "gongkai.workcalendar.migrations.0002_seed_from_package"
    )
    with request.getfixturevalue("django_db_blocker").unblock():
        migration.seed(apps, None)
        clear_calendar_cache()
