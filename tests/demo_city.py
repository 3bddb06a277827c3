"""The demo city, loaded once per test process that runs tests which read it, and in one process
only when pytest-xdist runs the suite (`make test` passes `--dist loadgroup`).

Loading the demo takes half a minute on SQLite and a minute or two on PostgreSQL, so the tests
that ask for `demo_city` and the browser tests (which serve it from a live server) share one load:
they form one block, the demo tests before the browser tests, and the first of them commits the
demo into the test database. Each demo test still runs in its own transaction, as every database
test does, so what one test changes is rolled back before the next; the browser tests, which run
after all of them, may add to the city through the browser.

Under xdist the block is one work unit (xdist_group "demo-city"), which xdist hands out first, as
its largest: one worker loads the demo while the other works through the rest. When that worker
goes on to a test that expects the bare baseline, the database is put back as it was before the
demo (a copy taken just before it; PostgreSQL's CREATE DATABASE … TEMPLATE, SQLite's backup),
in a second or two. Without xdist the block runs last, and nothing needs putting back.

tests/conftest.py calls the hooks here (pytest reads hooks from conftest files and plugins only).
"""

import io
import sqlite3

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

FIXTURE = "demo_city"
SERVER = "city_server"  # the browser tests' live server of the demo city (tests/browser)
GROUP = "demo-city"


def uses_demo(item):
    return FIXTURE in getattr(item, "fixturenames", ())


def is_browser_test(item):
    return item.get_closest_marker("browser") is not None


def uses_database(item):
    return bool(item.get_closest_marker("django_db")) or "db" in getattr(item, "fixturenames", ())


def mark(items):
    """The tests that read the demo city (the demo tests, and the browser tests through their
    live server) form one xdist group. Called before every other collection hook, pytest-xdist's
    and tests/browser's `browser` marker included, so it goes by the fixtures asked for."""
    for item in items:
        if {FIXTURE, SERVER} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group(GROUP))


def gather(items):
    """Every other test first (in its shuffled order), then the demo tests, then the browser
    tests (the same order on every worker)."""
    demo = [item for item in items if uses_demo(item) and not is_browser_test(item)]
    browser = [item for item in items if is_browser_test(item)]
    taken = {id(item) for item in demo + browser}
    items[:] = [item for item in items if id(item) not in taken] + demo + browser


def before_setup(item):
    """A test that expects the bare baseline, in a process that loaded the demo: put the
    baseline back first (it would see three neighbourhoods' worth of content)."""
    if DemoCity.loaded and not (uses_demo(item) or is_browser_test(item)) and uses_database(item):
        DemoCity.remove()


class Snapshot:
    """The test database as it is now, to put back later: a copy made by the database itself."""

    def __init__(self):
        self.vendor = connection.vendor
        self.name = connection.settings_dict["NAME"]
        self.copy = None
        if self.vendor == "postgresql":
            self.copy = f"{self.name}_baseline"[:63]
            self._pg_clone(self.name, self.copy)
        elif self.vendor == "sqlite":
            connection.ensure_connection()
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
        else:
            raise NotImplementedError(f"no snapshot for {self.vendor}")

    @staticmethod
    def _pg_clone(source, target):
        connection.close()
        with connection._nodb_cursor() as cursor:
            # CREATE DATABASE … TEMPLATE needs the source to itself: end any session left on it
            # (the live server's request threads close theirs, but one may linger).
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [source],
            )
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')

    def restore(self):
        if self.vendor == "postgresql":
            connection.close()
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE "{self.name}" WITH (FORCE)')
                cursor.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.copy}"')
        else:
            connection.ensure_connection()
            self.copy.backup(connection.connection)
        self.discard()

    def discard(self):
        if self.copy is None:
            return
        if self.vendor == "postgresql":
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.copy}" WITH (FORCE)')
        else:
            self.copy.close()
        self.copy = None


class DemoCity:
    """The demo city, committed into this process's test database the first time it is asked
    for (by the demo tests or the browser tests' live server), and taken out again when a test
    that expects the bare baseline follows."""

    loaded = False
    blocker = None
    snapshot = None

    @classmethod
    def ensure(cls, django_db_blocker):
        if cls.loaded:
            return
        cls.blocker = django_db_blocker
        with django_db_blocker.unblock():
            cls.snapshot = Snapshot()
            call_command("load_demo", port=80, stdout=io.StringIO())
        cache.clear()
        cls.loaded = True

    @classmethod
    def remove(cls):
        with cls.blocker.unblock():
            cls.snapshot.restore()
        cls.snapshot = None
        cache.clear()
        cls.loaded = False

    @classmethod
    def discard(cls):
        """At the end of the session: the copy goes (the test database goes with the run)."""
        if cls.snapshot is not None:
            with cls.blocker.unblock():
                cls.snapshot.discard()
            cls.snapshot = None


def finish():
    DemoCity.discard()


@pytest.fixture(scope="session")
def _demo_city(django_db_setup, django_db_blocker):
    # Session-scoped, so it comes before any test's own transaction (pytest-django's `db`, which
    # a django_db marker requests first): the demo is committed outside of it.
    DemoCity.ensure(django_db_blocker)


@pytest.fixture
def demo_city(_demo_city, db):
    """The portal, Lunetten, Oost and Kanaleneiland with all their demo content (read it, or
    change it: the change is rolled back after the test)."""
