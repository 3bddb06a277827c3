"""Settings for pytest and CI (both use this module).

The database and cache still come from DATABASE_URL and REDIS_URL, so CI can run the same suite
on PostgreSQL with Redis and on the embedded SQLite with a local-memory cache.
"""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = "wijkinfo-test"  # noqa: F405
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# Serve static files straight from the finders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
