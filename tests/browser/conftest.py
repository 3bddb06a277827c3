"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against
a live server of the demo city. Without Chromium they skip, unless REQUIRE_BROWSER=1 (CI)."""

import gc
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.demo_city import DemoCity
from tests.utils import uses_test_database

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these, Chromium keeps calling home on a closed network and hangs.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "var" / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _playwright():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message + "; REQUIRE_BROWSER=1 makes this a failure.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # beside one unless told that this (test) code is synchronous on purpose.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _media_root():
    """The live server serves the demo's images from where load_demo wrote them (the test
    settings' MEDIA_ROOT), not from the per-test folder database tests get."""


@pytest.fixture
def page(browser):
    """A phone-sized page that records every request it makes and every one that failed."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    page.requested_hosts = set()
    page.failed_requests = []
    page.on("request", lambda request: page.requested_hosts.add(urlsplit(request.url).hostname))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and page.failed_requests.append(f"{response.status} {response.url}")
        ),
    )
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def city_server(django_db_setup, django_db_blocker):
    """The demo city, loaded once per process (shared with the demo tests), served by a live
    server.

    Browser tests only read what the demo built (or add to it) through the browser, so they share
    one committed demo instead of rebuilding and flushing it for every test. They run after every
    other test (tests/demo_city.py).
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        # pytest-django creates the test database only when some collected test asks for one;
        # run on their own, browser tests ask for none, and must never touch the real database.
        own_database = None
        if not uses_test_database(connection):
            own_database = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        if not uses_test_database(connection):
            pytest.fail("Browser tests refuse to load the demo into a non-test database.")
    DemoCity.ensure(django_db_blocker)
    server = LiveServer("localhost")
    yield server
    server.stop()
    # A request thread that ended without closing its connection leaves it to the garbage
    # collector; collect now, or the run cannot drop the test database.
    gc.collect()
    if own_database is not None:
        with django_db_blocker.unblock():
            teardown_databases(own_database, verbosity=0)


@pytest.fixture
def city_db(city_server, django_db_blocker):
    """Database access for the live server (pytest-django's blocker is process-wide) and for a
    test that checks a page against the data."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def site_url(city_server, city_db):
    """The live server's URL for a neighbourhood's host name (Chromium resolves *.localhost)."""
    port = urlsplit(city_server.url).port

    def url(neighbourhood=None, path="/"):
        hostname = neighbourhood.site.hostname if neighbourhood is not None else "localhost"
        return f"http://{hostname}:{port}{path}"

    return url


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    def serious_violations(page):
        results = Axe().run(page)
        return [
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]

    return serious_violations


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
