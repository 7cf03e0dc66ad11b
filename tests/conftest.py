import os
from pathlib import Path

from django.test import override_settings
from django.utils import translation

import pytest

# pytest-playwright runs an event loop in the test thread; ORM calls in
# browser tests would otherwise raise SynchronousOnlyOperation.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True, scope="session")
def _static_as_in_a_fresh_checkout(tmp_path_factory):
    """Pages name static files as in a checkout without ``collectstatic``:
    the hashed copies a developer's ``make demo`` collected into var/static
    are not what the test server serves (it serves the source files)."""
    with override_settings(STATIC_ROOT=str(tmp_path_factory.mktemp("static"))):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Forget cached answers after each test: the database rolls back and
    reuses ids, so a value cached for one test's agency 3 (e.g. whether it
    has a standard catalogue) would otherwise hold for the next test's."""
    yield
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Leave Chinese on after each test: a request in English activates English
    for the rest of the worker process."""
    yield
    translation.deactivate()


def _uses_the_database(request) -> bool:
    if request.node.get_closest_marker("django_db") is not None:
        return True
    names = {"db", "transactional_db", "live_server", "django_db_setup"}
    return bool(names & set(request.fixturenames))


# Rows that data migrations seed in every real database: (migration module,
# a model whose emptiness shows the rows were flushed).
SEEDED_BY_MIGRATIONS = (
    (
        "gongkai.workcalendar.migrations.0002_seed_from_package",
        "workcalendar.CalendarYear",
    ),
    ("gongkai.catalogue.migrations.0003_statutory_categories", "catalogue.Category"),
)


@pytest.fixture(autouse=True)
def _seeded_rows_survive_flush(request):
    """Put back the rows that data migrations seed when a transactional test
    emptied them.

    Transactional tests end by emptying every table, including the holiday
    arrangements and the statutory catalogue categories that data migrations
    seed; a test after them on the same worker expects those rows, as every
    real database has them.  Checked before each database test, so the
    order of fixture teardowns does not matter.
    """
    if _uses_the_database(request):
        import importlib

        from django.apps import apps

        from gongkai.workcalendar.selectors import clear_calendar_cache

        with request.getfixturevalue("django_db_blocker").unblock():
            for module, label in SEEDED_BY_MIGRATIONS:
                if not apps.get_model(label).objects.exists():
                    # The migration itself: the same rows, no audit, no signals.
                    importlib.import_module(module).seed(apps, None)
            clear_calendar_cache()
    yield
