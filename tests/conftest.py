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
