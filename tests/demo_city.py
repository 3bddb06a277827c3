"""The demo city, loaded once per test process for every test that reads it.

Loading the demo takes half a minute on SQLite and a minute on PostgreSQL, so the tests that ask for
`demo_city` and the browser tests (which serve it from a live server) share one load per process:
they run last, the demo tests before the browser tests, and the first of them commits the demo into
the test database. Each demo test still runs in its own transaction, as every database test does,
so what one test changes is rolled back before the next; the browser tests, which run after all of
them, may add to the city through the browser.

tests/conftest.py calls the hooks here (pytest reads hooks from conftest files and plugins only).
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

FIXTURE = "demo_city"


def uses_demo(item):
    return FIXTURE in getattr(item, "fixturenames", ())


def is_browser_test(item):
    return item.get_closest_marker("browser") is not None


def gather(items):
    """Every other test first (in its shuffled order), then the demo tests, then the browser
    tests: after the demo is committed, only tests that expect it run in that process.

    pytest-xdist hands each worker tests in this order, so the same holds on every worker.
    """
    demo = [item for item in items if uses_demo(item) and not is_browser_test(item)]
    browser = [item for item in items if is_browser_test(item)]
    taken = {id(item) for item in demo + browser}
    items[:] = [item for item in items if id(item) not in taken] + demo + browser


def before_setup(item):
    """A safety net for orders this module did not make: once the demo is committed, a test
    that expects the bare baseline would see three neighbourhoods' worth of content."""
    if not DemoCity.loaded or uses_demo(item) or is_browser_test(item):
        return
    if item.get_closest_marker("django_db") or "db" in getattr(item, "fixturenames", ()):
        pytest.fail(
            f"{item.nodeid} expects the session's baseline, but this process already loaded the "
            "demo city: run demo and browser tests after the others (tests/demo_city.py)."
        )


class DemoCity:
    """The demo city, committed into this process's test database the first time it is asked
    for (by the demo tests or the browser tests' live server)."""

    loaded = False

    @classmethod
    def ensure(cls, django_db_blocker):
        if cls.loaded:
            return
        with django_db_blocker.unblock():
            call_command("load_demo", port=80, stdout=io.StringIO())
        cache.clear()
        cls.loaded = True


@pytest.fixture(scope="session")
def _demo_city(django_db_setup, django_db_blocker):
    DemoCity.ensure(django_db_blocker)


@pytest.fixture
def demo_city(_demo_city, db):
    """The portal, Lunetten, Oost and Kanaleneiland with all their demo content (read it, or
    change it: the change is rolled back after the test)."""
