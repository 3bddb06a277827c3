"""Read deployment configuration from the environment, the only place it may come from."""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    return os.environ.get(name, default)


def env_required(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name, default=()):
    """A comma-separated list, e.g. ALLOWED_HOSTS=wijkinfo.example,.wijkinfo.example."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_rate(name, default):
    """A rate limit as (count, seconds), from e.g. CONTACT_RATE_LIMIT=5/3600."""
    value = os.environ.get(name)
    if not value:
        return default
    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{name} is a number of messages per number of seconds, such as 5/3600."
        ) from error
    return count, seconds
