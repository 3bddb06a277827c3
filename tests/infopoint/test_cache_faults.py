"""A Redis that is down or hangs: pages still answer 200, quickly, from the database."""

import socket
import time

import pytest
from django.test.utils import override_settings

from config.settings.base import redis_cache
from infopoint.cache import ResilientRedisClient
from tests.utils import get

pytestmark = pytest.mark.django_db

PATHS = ["/nl/", "/nl/agenda/", "/nl/ontmoetingsplekken/", "/nl/zoeken/?q=koffie", "/robots.txt"]


@pytest.fixture
def closed_port():
    """A port on this machine that nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_port():
    """A port that accepts connections but never answers (a hanging Redis)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    yield listener.getsockname()[1]
    listener.close()


@pytest.fixture(autouse=True)
def _redis_marked_up():
    ResilientRedisClient.down_until = 0.0
    yield
    ResilientRedisClient.down_until = 0.0


@pytest.mark.parametrize("port_fixture", ["closed_port", "silent_port"])
def test_pages_are_served_without_a_working_redis(
    client, lunetten, request, port_fixture, caplog, settings
):
    port = request.getfixturevalue(port_fixture)
    settings.PAGE_CACHE_SECONDS = 300  # whole pages go through the cache too
    with override_settings(CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}):
        started = time.monotonic()
        for path in PATHS:
            response = get(client, lunetten, path)
            assert response.status_code == 200, path
        login = client.get("/admin/login/", HTTP_HOST="lunetten.localhost")
        assert login.status_code == 200
        elapsed = time.monotonic() - started
    # One socket timeout (0.25 s) at most, then Redis is left alone: not one per cache call.
    assert elapsed < 5, elapsed
    assert "Redis is unreachable" in caplog.text


@pytest.mark.parametrize(
    ("port_fixture", "left_alone"),
    [("closed_port", "REDIS_REFUSED_RETRY_SECONDS"), ("silent_port", "REDIS_RETRY_SECONDS")],
)
def test_a_restarting_redis_is_tried_again_sooner_than_a_hanging_one(
    request, port_fixture, left_alone, settings
):
    """A refused connection costs nothing to try again, so a Redis that restarts serves the
    cache again within a second (under a burst, ten seconds of every worker rendering every page
    queued residents' requests past their timeout); a hanging one costs a timeout per try."""
    from django.core.cache import caches

    settings.REDIS_RETRY_SECONDS = 10
    settings.REDIS_REFUSED_RETRY_SECONDS = 1
    port = request.getfixturevalue(port_fixture)
    with override_settings(CACHES={"default": redis_cache(f"redis://127.0.0.1:{port}/0")}):
        assert caches["default"].get("anything") is None
        left = ResilientRedisClient.down_until - time.monotonic()
    assert getattr(settings, left_alone) - 1 < left <= getattr(settings, left_alone)
