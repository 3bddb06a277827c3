import pytest
from django.core.cache import cache
from django.test.utils import override_settings
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Site

from home.neighbourhoods import create_neighbourhood, ensure_portal
from infopoint.models import Neighbourhood
from tests import clock
from tests import demo_city as demo_block
from tests.clock import _frozen_clock  # noqa: F401 - an autouse fixture
from tests.demo_city import _demo_city, demo_city  # noqa: F401 - shared fixtures
from tests.utils import uses_test_database
from tests.venues.factories import VenueFactory

# --- How the suite runs: the clock, the order, the demo block -------------------------------


def pytest_addoption(parser):
    clock.add_option(parser)


def pytest_configure(config):
    clock.configure(config)
    demo_block.announce_block_file(config)


def pytest_report_header(config):
    return clock.report_header(config)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    result = yield
    # After pytest-randomly's shuffle and pytest-django's database-first sort.
    demo_block.gather(items)
    demo_block.announce_block(config, items)
    return result


def pytest_xdist_make_scheduler(config, log):
    return demo_block.make_scheduler(config, log)


def pytest_runtest_setup(item):
    demo_block.before_setup(item)


def pytest_sessionfinish(session):
    demo_block.finish()


# --- Shared fixtures -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Caches (Redis on CI) outlive a test; nothing cached by one test may leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Dutch: the test client leaves the language of a test's last request
    active in this thread, and the next test must not inherit it."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def session_media_root(tmp_path_factory):
    """Where the session's shared data (the demo city's images) keeps its files."""
    root = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=root):
        yield root


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path, session_media_root):
    # A test of its own writes into a folder of its own; a demo test reads the demo's pictures.
    settings.MEDIA_ROOT = (
        session_media_root if demo_block.uses_demo(request.node) else tmp_path / "media"
    )


BASELINE = [("Lunetten", "lunetten"), ("Oost", "oost")]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, session_media_root):
    """The portal, Lunetten and Oost, built once per session in the test database.

    Building a neighbourhood in four languages takes seconds; every test rolls back to this
    baseline and looks it up instead of rebuilding it.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        if uses_test_database(connection):
            _build_baseline()


def _build_baseline():
    site = ensure_portal("Wijkinfo Utrecht", hostname="localhost", port=80)
    for name, slug in BASELINE:
        create_neighbourhood(name, hostname=f"{slug}.localhost", port=80, slug=slug)
    return site


@pytest.fixture
def portal(db):
    """The city portal's site (with Lunetten and Oost beside it, as the session built them)."""
    baseline = Neighbourhood.objects.filter(slug__in=[slug for _name, slug in BASELINE])
    if baseline.count() < len(BASELINE):  # a test before this one removed part of it
        return _build_baseline()
    return Site.objects.select_related("root_page").get(is_default_site=True)


@pytest.fixture
def make_neighbourhood(portal):
    def make(name, port=80, **kwargs):
        slug = kwargs.pop("slug", None) or name.lower()
        if port == 80 and not kwargs:
            existing = Neighbourhood.objects.select_related("site").filter(slug=slug).first()
            if existing is not None and existing.site.hostname == f"{slug}.localhost":
                return existing
        neighbourhood, _created = create_neighbourhood(
            name, hostname=f"{slug}.localhost", port=port, slug=slug, **kwargs
        )
        return neighbourhood

    return make


@pytest.fixture
def lunetten(make_neighbourhood):
    return make_neighbourhood("Lunetten")


@pytest.fixture
def oost(make_neighbourhood):
    return make_neighbourhood("Oost")


@pytest.fixture
def make_venue(lunetten):
    """The one way tests make a venue: Dutch, in Lunetten unless told otherwise, through
    tests.venues.factories.VenueFactory. `make_venue("Buurthuis De Brug", neighbourhood=oost,
    features=[step_free], house_number="4")`; `facilities=[…]` sets the facilities."""

    def make(name=None, *, neighbourhood=None, features=(), **fields):
        if name is not None:
            fields["name"] = name
            fields.setdefault("slug", slugify(name))
        if features:
            fields["accessibility"] = list(features)
        return VenueFactory(neighbourhood=neighbourhood or lunetten, **fields)

    return make
