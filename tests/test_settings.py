"""Everything that varies per deployment comes from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "-a-long-and-random-production-secret-" + "z" * 20,
    "ALLOWED_HOSTS": "wijkinfo.example,.wijkinfo.example",
    "DATABASE_URL": "postgres://wijkinfo:secret@db.internal:5432/wijkinfo",
    "REDIS_URL": "redis://cache.internal:6379/2",
    "TWO_FACTOR_REQUIRED_FOR_SUPERUSERS": "1",
}


def run_with(env, code="", settings="config.settings.production", *args):
    # Start from this machine's environment without anything a test or CI has set for Django.
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and not k.startswith(("DJANGO_", "AWS_", "MEDIA_"))
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=settings)
    command = [sys.executable, *args] if args else [sys.executable, "-c", code]
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


READ_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "db_engine": s.DATABASES["default"]["ENGINE"],
    "db_host": s.DATABASES["default"]["HOST"],
    "db_name": s.DATABASES["default"]["NAME"],
    "cache": s.CACHES["default"]["BACKEND"],
    "cache_location": s.CACHES["default"].get("LOCATION"),
    "hosts": s.ALLOWED_HOSTS,
    "media_root": str(s.MEDIA_ROOT),
    "debug": s.DEBUG,
    "storage": s.STORAGES["default"]["BACKEND"],
}))
"""


def test_production_reads_database_cache_hosts_and_media_from_the_environment():
    result = run_with({**PRODUCTION_ENV, "MEDIA_ROOT": "/srv/wijkinfo/media"}, READ_SETTINGS)
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)

    assert settings == {
        "db_engine": "django.db.backends.postgresql",
        "db_host": "db.internal",
        "db_name": "wijkinfo",
        "cache": "django_redis.cache.RedisCache",
        "cache_location": "redis://cache.internal:6379/2",
        "hosts": ["wijkinfo.example", ".wijkinfo.example"],
        "media_root": "/srv/wijkinfo/media",
        "debug": False,
        "storage": "django.core.files.storage.FileSystemStorage",
    }


def test_s3_media_is_used_when_a_bucket_is_configured():
    result = run_with(
        {**PRODUCTION_ENV, "AWS_STORAGE_BUCKET_NAME": "wijkinfo-media"}, READ_SETTINGS
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["storage"] == "storages.backends.s3.S3Storage"


def test_embedded_defaults_need_no_configuration():
    result = run_with({}, READ_SETTINGS, "config.settings.dev")
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)

    assert settings["db_engine"] == "django.db.backends.sqlite3"
    assert settings["db_name"].endswith("var/wijkinfo.sqlite3")
    assert settings["cache"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_with(env, READ_SETTINGS)

    assert result.returncode != 0
    assert f"Set the {missing}" in result.stderr or f"Set {missing}" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_with(
        PRODUCTION_ENV,
        "",
        "config.settings.production",
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


FRONTEND_CACHE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "installed": "wagtail.contrib.frontend_cache" in s.INSTALLED_APPS,
    "backends": {
        name: c["BACKEND"].rsplit(".", 1)[-1] for name, c in s.WAGTAILFRONTENDCACHE.items()
    },
    "page_cache": s.PAGE_CACHE_SECONDS,
}))
"""


def test_a_cdn_is_purged_only_when_one_is_configured():
    plain = json.loads(run_with(PRODUCTION_ENV, FRONTEND_CACHE).stdout)
    with_cdn = run_with(
        {
            **PRODUCTION_ENV,
            "FRONTEND_CACHE_PURGE_URL": "http://varnish.internal:8080",
            "PAGE_CACHE_SECONDS": "60",
        },
        FRONTEND_CACHE,
    )
    assert with_cdn.returncode == 0, with_cdn.stderr

    assert plain == {"installed": False, "backends": {}, "page_cache": 300}
    assert json.loads(with_cdn.stdout) == {
        "installed": True,
        "backends": {"http": "HTTPBackend"},
        "page_cache": 60,
    }


def test_deploy_check_warns_when_rate_limits_would_count_per_process():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = run_with(env, "", "config.settings.production", "manage.py", "check", "--deploy")

    assert "infopoint.W001" in result.stdout + result.stderr


def test_deploy_check_warns_when_superusers_sign_in_with_a_password_alone():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "TWO_FACTOR_REQUIRED_FOR_SUPERUSERS"}
    result = run_with(env, "", "config.settings.production", "manage.py", "check", "--deploy")

    assert "infopoint.W002" in result.stdout + result.stderr


def test_postgresql_connects_and_runs_statements_within_limits():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps(s.DATABASES['default']['OPTIONS']))"
    )
    defaults = run_with(PRODUCTION_ENV, code)
    assert defaults.returncode == 0, defaults.stderr
    assert json.loads(defaults.stdout) == {
        "connect_timeout": 5,
        "options": "-c statement_timeout=20000",
    }
    configured = run_with(
        {
            **PRODUCTION_ENV,
            "DATABASE_CONNECT_TIMEOUT": "2",
            "DATABASE_STATEMENT_TIMEOUT_MS": "3000",
        },
        code,
    )
    assert json.loads(configured.stdout) == {
        "connect_timeout": 2,
        "options": "-c statement_timeout=3000",
    }


def test_a_database_that_never_answers_fails_fast():
    import socket

    with socket.socket() as silent:  # accepts connections, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        code = (
            "import time, django; django.setup(); from django.db import connection\n"
            "started = time.monotonic()\n"
            "try:\n    connection.ensure_connection()\n"
            "except Exception as error:\n    print(type(error).__name__)\n"
            "print(round(time.monotonic() - started))"
        )
        env = {
            **PRODUCTION_ENV,
            "DATABASE_URL": f"postgres://wijkinfo@127.0.0.1:{port}/wijkinfo",
            "DATABASE_CONNECT_TIMEOUT": "1",
        }
        result = run_with(env, code)
    assert result.returncode == 0, result.stderr
    error, seconds = result.stdout.split()
    assert error == "OperationalError"
    assert int(seconds) <= 3
