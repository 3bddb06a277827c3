"""The demo city, loaded once per test process for all the tests that read it.

Loading the demo takes half a minute, so the tests that ask for `demo_city` share one load: they run
as one block (first, and on one xdist worker), inside an outer transaction that holds the city.
Each test still runs in its own savepoint, as every database test does, so what one test changes
is gone before the next; after the block's last test the outer transaction is rolled back and the
database is the session's baseline again for every other test. This is what Django's TestCase does
for setUpTestData, stretched over a block of tests.

tests/conftest.py calls the hooks here (pytest reads hooks from conftest files and plugins only).
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

FIXTURE = "demo_city"
XDIST_GROUP = "demo-city"


def uses_demo(item):
    return FIXTURE in getattr(item, "fixturenames", ())


def mark_group(items):
    """One xdist worker runs every demo test, so the city is built once per run."""
    for item in items:
        if uses_demo(item):
            item.add_marker(pytest.mark.xdist_group(XDIST_GROUP))


def gather(items):
    """The demo tests first, in one block; every other test keeps its (shuffled) place."""
    items[:] = [item for item in items if uses_demo(item)] + [
        item for item in items if not uses_demo(item)
    ]


class DemoCity:
    """The demo city in an outer transaction that is rolled back, never committed."""

    current = None

    def __init__(self, django_db_blocker):
        self.blocker = django_db_blocker
        self.atomic = None

    @property
    def is_open(self):
        return self.atomic is not None

    def open(self):
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            call_command("load_demo", port=80, stdout=io.StringIO())
        cache.clear()

    def close(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None
        cache.clear()


def before_setup(item):
    """A demo test after the block closed (an order this module did not make) loads it again."""
    city = DemoCity.current
    if city is not None and uses_demo(item) and not city.is_open:
        city.open()


def after_teardown(item, nextitem):
    """Leaving the block: roll the city back before a test that expects the bare baseline."""
    city = DemoCity.current
    if city is not None and city.is_open and (nextitem is None or not uses_demo(nextitem)):
        city.close()


@pytest.fixture(scope="session")
def _demo_city(django_db_setup, django_db_blocker):
    city = DemoCity(django_db_blocker)
    city.open()
    DemoCity.current = city
    yield city
    city.close()
    DemoCity.current = None


@pytest.fixture
def demo_city(_demo_city, db):
    """The portal, Lunetten, Oost and Kanaleneiland with all their demo content (read it, or
    change it: the change is rolled back after the test)."""
    return _demo_city
