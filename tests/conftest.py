import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from infopoint.neighbourhoods import create_neighbourhood, ensure_portal
from tests.utils import uses_test_database


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Caches (Redis on CI) outlive a test; nothing cached by one test may leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


BASELINE = [("Lunetten", "lunetten"), ("Oost", "oost")]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The portal, Lunetten and Oost, built once per session in the test database.

    Building a neighbourhood in four languages takes seconds; every test rolls back to this
    baseline instead of rebuilding it. (Tests that flush the database build what they need again:
    the fixtures below get or create.)
    """
    from django.db import connection

    with django_db_blocker.unblock():
        if uses_test_database(connection):
            _baseline()


def _baseline():
    site = ensure_portal("Wijkinfo Utrecht", hostname="localhost", port=80)
    for name, slug in BASELINE:
        create_neighbourhood(name, hostname=f"{slug}.localhost", port=80, slug=slug)
    return site


@pytest.fixture
def portal(db):
    return _baseline()


@pytest.fixture
def make_neighbourhood(portal):
    def make(name, port=80, **kwargs):
        slug = kwargs.pop("slug", None) or name.lower()
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
def demo_city(db):
    call_command("load_demo", port=80, stdout=io.StringIO())
