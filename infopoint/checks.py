"""System checks for what a deployment must get right (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits (infopoint.antispam) count in the default cache: it must be shared."""
    if settings.CACHES["default"]["BACKEND"] not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            "The default cache is local to each process, so every worker counts the rate "
            "limits of the public forms on its own.",
            hint="Set REDIS_URL so all app servers and workers share one cache.",
            id="infopoint.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def two_factor_for_superusers(app_configs, **kwargs):
    """A superuser's password alone opens every neighbourhood; production should ask for more."""
    if settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS:
        return []
    return [
        checks.Warning(
            "Superusers can sign in to the admin with their password alone.",
            hint="Set TWO_FACTOR_REQUIRED_FOR_SUPERUSERS=1: each superuser then adds an "
            "authenticator app before using the admin.",
            id="infopoint.W002",
        )
    ]
