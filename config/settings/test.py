"""Settings for pytest and CI (both use this module).

The database and cache still come from DATABASE_URL and REDIS_URL, so CI can run the same suite
on PostgreSQL with Redis and on the embedded SQLite with a local-memory cache.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = "wijkinfo-test"  # noqa: F405
    # pytest-xdist runs a process per core, each with a test database of its own; each gets a
    # Redis database of its own too (REDIS_URL's plus the worker's number), since a cached route
    # names rows of one test database and cache.clear() empties a whole Redis database.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # gw0, gw1, …
    if _worker.startswith("gw"):
        _redis = urlsplit(REDIS_URL)  # noqa: F405
        _database = int(_redis.path.lstrip("/") or 0) + int(_worker.removeprefix("gw"))
        CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{_database}"))  # noqa: F405
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# Tests see every request served afresh (query budgets measure the work of a page); the page
# cache's own tests turn it on.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)  # noqa: F405
# Serve static files straight from the finders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The browser tests' live server answers in request threads that outlive a test; a connection
# kept open between requests would still hold the test database when the run drops it.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
