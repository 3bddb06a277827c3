"""Settings shared by every environment. Nothing secret and no DEBUG here."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import wagtail_2fa
from django.conf.locale import LANG_INFO

from .env import env, env_bool, env_int, env_list, env_rate

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
WAGTAIL_2FA_DIR = Path(wagtail_2fa.__file__).parent

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "api",
    "home",
    "infopoint",
    "venues",
    "events",
    "services",
    "submissions",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # django-ninja's vendored API docs assets (api.v1: no third-party request).
    "ninja",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # wagtail-2fa is used as a library, not an app: its wagtail_hooks module imports
    # wagtail.users.widgets, which Wagtail 8 no longer has. infopoint.twofactor registers its
    # views, account menu item and user-listing button instead; its templates and Dutch
    # catalogue are found through TEMPLATES["DIRS"] and LOCALE_PATHS below.
]

MIDDLEWARE = [
    # Outermost, so every answer carries it (the early 413 too).
    "infopoint.headers.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Early: a body above REQUEST_MAX_BYTES is refused (413) before anything reads it.
    "infopoint.requestsize.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "infopoint.routing.LocaleMiddleware",
    "infopoint.routing.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The JSON API's own: per-address limit, CORS, caching headers and ETags, problem details.
    "api.http.ApiMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Right after authentication: the admin asks for the authenticator code (see "Accounts").
    "infopoint.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # wagtail-localize's views, kept to the objects the editor may change where they live.
    "infopoint.scoped_localize.LocalizeScopeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the admin's own policy (ADMIN_CONTENT_SECURITY_POLICY) for the admin.
    "infopoint.headers.CSPMiddleware",
    # Inside everything that adds headers or the CSRF cookie, so a remembered page gets them too.
    "infopoint.pagecache.PageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers a locked-out login (see "Accounts" below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# Public forms draw every field with one template (infopoint/templates/infopoint/forms/field.html).
FORM_RENDERER = "infopoint.forms.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates", WAGTAIL_2FA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "infopoint.context_processors.neighbourhood",
            ],
        },
    },
]

# The embedded default is a SQLite file under var/ (ignored by git); production sets
# DATABASE_URL=postgres://…
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'wijkinfo.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that hangs fails a request in seconds instead of holding the worker until
    # gunicorn kills it: connecting and every statement have a limit (0 turns either off).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=env_int("DATABASE_CONNECT_TIMEOUT", 5),
        options=f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_MS', 20_000)}",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared Redis cache when REDIS_URL is set (needed once there is more than one app server),
# local memory otherwise.
REDIS_URL = env("REDIS_URL")


def redis_cache(url):
    """The Redis cache at `url`. A Redis that is down or hangs costs a fraction of a second,
    logged, and the page comes from the database (infopoint.cache.ResilientRedisClient)."""
    timeout = env_int("REDIS_TIMEOUT_MS", 250) / 1000
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "wijkinfo"),
        "OPTIONS": {
            "CLIENT_CLASS": "infopoint.cache.ResilientRedisClient",
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
            "IGNORE_EXCEPTIONS": True,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a worker leaves a failing Redis alone before trying it again: after a timeout (a
# hanging Redis costs one each time), and after a refused or dropped connection (costs nothing).
REDIS_RETRY_SECONDS = env_int("REDIS_RETRY_SECONDS", 10)
REDIS_REFUSED_RETRY_SECONDS = env_int("REDIS_REFUSED_RETRY_SECONDS", 1)

# --- Accounts: passwords and login throttling (django-axes) ---------------------------------
# Signing in to the admin goes through authenticate(), where axes refuses an account, or an
# address, that failed LOGIN_FAILURE_LIMIT times, until LOGIN_COOLOFF_MINUTES have passed since
# the failure that locked it: a real user waits it out, a password guesser gets a handful of
# tries per quarter hour. Failures are kept in the database (shared by every app server); a
# successful login clears them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
# Two separate counts: per account (from any address) and per address (for any account).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Trying again while locked out does not start the wait anew: the message's minutes hold.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Attempts older than the cool-off no longer count (apply_retention deletes them later).
AXES_USE_ATTEMPT_EXPIRATION = True
# Successful logins are not logged with their address (editors' personal data).
AXES_DISABLE_ACCESS_LOG = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "infopoint/login_locked.html"
# The same client address as the public forms' rate limits (behind TRUSTED_PROXY_COUNT proxies).
AXES_CLIENT_IP_CALLABLE = "infopoint.antispam.client_address"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Two-factor sign-in (wagtail-2fa, django-otp): every editor may add an authenticator app
# (account menu, "Beheer je 2FA apparaten"); whoever has one is asked for its code at every
# sign-in. Superusers must add one before anything else in the admin when
# TWO_FACTOR_REQUIRED_FOR_SUPERUSERS is on. Nobody without a device loses their menu
# (infopoint.twofactor.TwoFactorMiddleware decides; wagtail-2fa's own "required" switch is on
# so that its views and the middleware act at all).
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = env_bool("TWO_FACTOR_REQUIRED_FOR_SUPERUSERS", False)
WAGTAIL_2FA_REQUIRED = True
# The name an authenticator app shows beside the code (wagtail-2fa's app would set it).
OTP_TOTP_ISSUER = env("WAGTAIL_SITE_NAME", "Wijkinfo")
# --- end of Accounts -----------------------------------------------------------------------

# Internationalisation: Dutch first; every public URL carries its language (/nl/…, /en/…).
# Add a language by listing its code in WIJKINFO_LANGUAGES (Django must know it); Dutch stays first.
# Each language is named in itself, as the language switcher shows it.
LANGUAGE_CODE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "ar": "العربية", "tr": "Türkçe"}
LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code) or LANG_INFO[code]["name_local"])
    for code in dict.fromkeys([LANGUAGE_CODE, *env_list("WIJKINFO_LANGUAGES", LANGUAGE_NAMES)])
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Ours first: a message in both catalogues reads as ours.
LOCALE_PATHS = [BASE_DIR / "locale", WAGTAIL_2FA_DIR / "locale"]
# Our own date formats per language (SHORT_DAY_MONTH_FORMAT: "di 1 dec"), beside Django's.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# Static files: site-wide assets live in site/static, served by WhiteNoise.
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Optional S3-compatible media (pip install .[s3]); static files stay with WhiteNoise.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# --- Request size ------------------------------------------------------------------------------
# The largest request body (bytes) accepted at all, judged from Content-Length before the body is
# read (infopoint.requestsize). 0: the largest upload any form takes (documents, images, a
# resident's picture) plus 1 MiB for the other fields.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", 0)
# --- end of request size -----------------------------------------------------------------------

# E-mail: console in development, SMTP from the environment in production.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "wijkinfo@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers that hold everywhere. (Wagtail's preview view allows its own framing.)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Public pages load nothing from third parties and run no inline script. Wagtail's admin has a
# policy of its own (ADMIN_CONTENT_SECURITY_POLICY below).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # OpenStreetMap tiles for the venue finder's map, fetched only after "Show map".
        "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# --- Admin headers -----------------------------------------------------------------------------
# The admin's Content-Security-Policy (infopoint.headers.CSPMiddleware): what Wagtail's admin
# needs and nothing more. Its templates write inline scripts (inline panels, date pickers) and
# inline styles; its page preview frames the admin itself; the venue editor shows OpenStreetMap
# tiles after "Show map". Nothing else leaves the site.
ADMIN_CSP_PREFIXES = ["/admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https://tile.openstreetmap.org"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Browser features no page of ours uses; the Permissions-Policy header denies them to every page
# and frame (infopoint.headers.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
# --- end of admin headers ----------------------------------------------------------------------

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Wijkinfo")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "infopoint.CustomImage"
# Wagtail's background work (search and reference index) runs at once, in the request; bulk
# writers wrap themselves in infopoint.tasks.batched() to run each update once (see there).
TASKS = {"default": {"BACKEND": "infopoint.tasks.BatchingImmediateBackend"}}
# On PostgreSQL the "dutch" text-search configuration stems words ("bijeenkomsten" finds
# "bijeenkomst"); SQLite ignores it and matches whole words.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
# Site search and the finder's text: longer text is cut, further words are ignored.
SEARCH_MAX_LENGTH = env_int("SEARCH_MAX_LENGTH", 100)
SEARCH_MAX_WORDS = env_int("SEARCH_MAX_WORDS", 8)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com (a third party learning who edits): Wagtail shows its own default
# avatar, or the picture a volunteer uploads in their account.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TAGGIT_CASE_INSENSITIVE = True

# Wijkinfo's own tunables, read where they are used, at call time (so override_settings reaches
# them); the README's configuration table lists them.
# --- Client addresses behind reverse proxies --------------------------------------------------
# How many reverse proxies (load balancer, CDN) stand in front of the app servers and append to
# X-Forwarded-For. Rate limits and login throttling count the client address that many entries
# from the right; 0 (the default) ignores X-Forwarded-For, so it cannot be spoofed.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# --- end of client addresses -------------------------------------------------------------------
# How many messages one address may send in a window, as (count, seconds), per form and page.
CONTACT_RATE_LIMIT = env_rate("CONTACT_RATE_LIMIT", (5, 60 * 60))
SUBMISSION_RATE_LIMIT = env_rate("SUBMISSION_RATE_LIMIT", (5, 60 * 60))
REPORT_RATE_LIMIT = env_rate("REPORT_RATE_LIMIT", (5, 60 * 60))
# Requests one address may make to the JSON API (/api/v1/) per number of seconds.
API_RATE_LIMIT = env_rate("API_RATE_LIMIT", (300, 60))
# How long a client or CDN may reuse an API answer (seconds); ETags make a re-check cheap.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
# --- Retention ---------------------------------------------------------------------------------
# How long residents' data is kept (days); `manage.py apply_retention`, run daily, deletes what
# is older (0 keeps it). The demo's privacy statement promises these periods.
CONTACT_RETENTION_DAYS = env_int("CONTACT_RETENTION_DAYS", 365)
SUBMISSION_RETENTION_DAYS = env_int("SUBMISSION_RETENTION_DAYS", 180)
LOGIN_ATTEMPT_RETENTION_DAYS = env_int("LOGIN_ATTEMPT_RETENTION_DAYS", 30)
REPORT_RETENTION_DAYS = env_int("REPORT_RETENTION_DAYS", 180)
# --- end of retention --------------------------------------------------------------------------
# The largest picture a resident may send with an event (bytes).
SUBMISSION_IMAGE_MAX_BYTES = env_int("SUBMISSION_IMAGE_MAX_BYTES", 5 * 1024 * 1024)
# How far ahead the dates of recurring events are written (days).
EVENTS_HORIZON_DAYS = env_int("EVENTS_HORIZON_DAYS", 548)
# How far back they are kept (days): a series' dates from before then are not written.
EVENTS_PAST_DAYS = env_int("EVENTS_PAST_DAYS", 365)
# Whole pages for visitors without a session (infopoint.pagecache): how long at most (seconds),
# also what a CDN is told (s-maxage). "Open now" and "this week" are never older than this.
# 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# A CDN in front (optional): Wagtail purges a page's URLs from it when the page is published or
# unpublished; everything else a CDN holds is at most PAGE_CACHE_SECONDS old. Either an HTTP
# purge endpoint (Varnish, Squid, nginx) or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
# A partner's calendar feed: its largest size (bytes) and how long fetching it may take (seconds).
EVENTS_FEED_MAX_BYTES = env_int("EVENTS_FEED_MAX_BYTES", 2 * 1024 * 1024)
EVENTS_FEED_TIMEOUT = env_int("EVENTS_FEED_TIMEOUT", 10)
# Feeds are fetched from public addresses only; networks listed here may be fetched all the same
# (an intranet's calendar server), e.g. "10.1.0.0/16,192.168.5.7".
EVENTS_FEED_PRIVATE_NETWORKS = env_list("EVENTS_FEED_PRIVATE_NETWORKS")
# The largest venue CSV an editor may upload in the admin (bytes).
VENUES_CSV_MAX_BYTES = env_int("VENUES_CSV_MAX_BYTES", 2 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
