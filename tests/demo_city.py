"""The demo city, loaded once per test process for every test that reads it.

Loading the demo takes half a minute on SQLite and a minute or two on PostgreSQL, so the tests
that ask for `demo_city` and the browser tests (which serve it from a live server) share one load
per process: they run last, the demo tests before the browser tests, and the first of them commits
the demo into the test database. Each demo test still runs in its own transaction, as every
database test does, so what one test changes is rolled back before the next; the browser tests,
which run after all of them, may add to the city through the browser.

Should a process go on to a test that expects the bare baseline after all (an order this module
did not make), the database is first put back as it was before the demo, from a copy taken just
before it (PostgreSQL's CREATE DATABASE … TEMPLATE, SQLite's backup), in a second or two.

With pytest-xdist the whole block goes to one worker (DemoBlockScheduling below), so the demo
is loaded once per run while the other worker gets on with the rest; xdist's own `loadgroup`
cannot do this with pytest 9.2 and pytest-xdist 3.8 (its xdist_group marker renames
`item._nodeid`, which pytest 9 no longer reads). The worker that ran the block puts the baseline
back before the ordinary tests it takes afterwards.

tests/conftest.py calls the hooks here (pytest reads hooks from conftest files and plugins only).
"""

import io
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

FIXTURE = "demo_city"


def uses_demo(item):
    return FIXTURE in getattr(item, "fixturenames", ())


def is_browser_test(item):
    return item.get_closest_marker("browser") is not None


def uses_database(item):
    return bool(item.get_closest_marker("django_db")) or "db" in getattr(item, "fixturenames", ())


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


# --- One worker for the block ------------------------------------------------------------------

BLOCK_FILE = "WIJKINFO_DEMO_BLOCK"  # where the workers tell the controller which tests need it
BLOCK = "demo city"


def announce_block_file(config):
    """The xdist controller, before it starts its workers (they inherit the environment)."""
    if getattr(config, "workerinput", None) is None and config.getoption("numprocesses", None):
        folder = tempfile.mkdtemp(prefix="wijkinfo-demo-block-")
        os.environ[BLOCK_FILE] = folder
        config.add_cleanup(lambda: _remove_folder(folder))


def _remove_folder(folder):
    for path in Path(folder).iterdir():
        path.unlink()
    Path(folder).rmdir()
    os.environ.pop(BLOCK_FILE, None)


def announce_block(config, items):
    """A worker, after collecting: the node ids of the block (every worker collects the same)."""
    folder = os.environ.get(BLOCK_FILE)
    workerinput = getattr(config, "workerinput", None)
    if not folder or workerinput is None:
        return
    ids = [item.nodeid for item in items if uses_demo(item) or is_browser_test(item)]
    target = Path(folder) / workerinput["workerid"]
    partial = target.with_suffix(".partial")
    partial.write_text("\n".join(ids), encoding="utf-8")
    partial.replace(target)  # whole or not at all: the controller may read it at any moment


def make_scheduler(config, log):
    if config.getvalue("dist") != "load" or not os.environ.get(BLOCK_FILE):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class DemoBlockScheduling(LoadScopeScheduling):
        """xdist's `load` distribution, test by test, except that the demo block is one unit
        of work. Units go out largest first, so the block starts straight away on one worker."""

        block = None

        def _split_scope(self, nodeid):
            if self.block is None:
                self.block = _read_block()
            return BLOCK if nodeid in self.block else nodeid

    return DemoBlockScheduling(config, log)


def _read_block():
    for path in sorted(Path(os.environ[BLOCK_FILE]).iterdir()):
        if path.suffix != ".partial":
            return set(path.read_text(encoding="utf-8").split("\n"))
    return set()


@pytest.fixture(scope="session")
def _demo_city(django_db_setup, django_db_blocker):
    # Session-scoped, so it comes before any test's own transaction (pytest-django's `db`, which
    # a django_db marker requests first): the demo is committed outside of it.
    DemoCity.ensure(django_db_blocker)


@pytest.fixture
def demo_city(_demo_city, db):
    """The portal, Lunetten, Oost and Kanaleneiland with all their demo content (read it, or
    change it: the change is rolled back after the test)."""
