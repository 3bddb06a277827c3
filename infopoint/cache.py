"""Everything Wijkinfo remembers between requests, and when it forgets it.

One generation covers all of it: menus, footers and breadcrumbs, routes and site lookups, the
neighbourhood list, language links, agenda filter vocabularies, venue and agenda URLs. Every change
a visitor could see — a page published, unpublished, moved or deleted; a site, a neighbourhood or
the information point's settings saved; and whatever the apps above register (venues, events,
occurrences) — starts a new generation, so every entry is stale at once and rebuilt on first use.
Content changes are rare next to page views, so forgetting everything is cheaper than tracking
what depends on what, and no change can be missed.

With Redis (REDIS_URL) every app server shares the generation; with the local-memory default each
process has its own, which is right for a single server only.

A cache is a shortcut, never a dependency: when Redis is down or hangs, every read misses and
every write is dropped (settings: short socket timeouts, IGNORE_EXCEPTIONS), so pages come from
the database. ResilientRedisClient then leaves Redis alone for a while: REDIS_RETRY_SECONDS after
a timeout, so a hanging Redis costs a worker one timeout per interval rather than one per cache
call; REDIS_REFUSED_RETRY_SECONDS after a refused or dropped connection, which costs nothing to
try again, so a restarted Redis serves the cache again within a second instead of leaving every
worker rendering every page for ten.
"""

import functools
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from wagtail.signals import published, unpublished

logger = logging.getLogger(__name__)

GENERATION_KEY = "wijkinfo:generation"
TIMEOUT = 60 * 60 * 24  # entries also expire on their own, so a lost signal heals within a day


def generation():
    """The current generation: part of every key below."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY) or value
    return value


def invalidate(**kwargs):
    """Forget everything remembered (a signal receiver: any arguments are ignored)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate_on_commit(**kwargs):
    """Forget once the current transaction commits, so a request that reads in between cannot
    remember the old state under the new generation."""
    transaction.on_commit(invalidate)


def prefix(name):
    """A key prefix in the current generation, for callers that read many keys at once."""
    return f"{name}:{generation()}:"


def cached(key, build, timeout=TIMEOUT):
    """`build()`, remembered under `key` until the next change."""
    full_key = prefix(key)
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def forget_when_changed(model, *, publishable=False):
    """Start a new generation whenever a `model` row is saved or deleted (and, for a model with
    drafts, published or unpublished). Apps call this from their AppConfig.ready()."""
    uid = f"wijkinfo-cache-{model._meta.label_lower}"
    post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-saved")
    post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-deleted")
    if publishable:
        published.connect(invalidate, sender=model, dispatch_uid=f"{uid}-published")
        unpublished.connect(invalidate, sender=model, dispatch_uid=f"{uid}-unpublished")


# --- Redis that fails: miss, log once, retry later -----------------------------------------


class ResilientRedisClient(DefaultClient):
    """django-redis's client, which stops asking Redis for a while after a call failed.

    While Redis is marked down every operation fails at once (django-redis, with
    IGNORE_EXCEPTIONS, answers that as a miss) instead of waiting for the socket timeout again.
    """

    down_until = 0.0  # per process: each worker finds out for itself


def _marking_failures(method):
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if time.monotonic() < ResilientRedisClient.down_until:
            raise ConnectionInterrupted(connection=None) from RedisConnectionError(
                "Redis is marked down; serving without the cache."
            )
        try:
            return method(self, *args, **kwargs)
        except ConnectionInterrupted as error:
            hanging = isinstance(error.__cause__, RedisTimeoutError | TimeoutError)
            retry = (
                settings.REDIS_RETRY_SECONDS if hanging else settings.REDIS_REFUSED_RETRY_SECONDS
            )
            logger.warning(
                "Redis is unreachable (%s); serving pages without the cache for %s s.",
                error.__cause__,
                retry,
            )
            ResilientRedisClient.down_until = time.monotonic() + retry
            raise

    return guarded


for _name in (
    "add", "set", "get", "get_many", "set_many", "delete", "delete_many", "delete_pattern",
    "incr", "decr", "incr_version", "has_key", "touch", "ttl", "pttl", "expire", "pexpire",
    "persist", "keys", "iter_keys", "clear",
):  # fmt: skip
    setattr(ResilientRedisClient, _name, _marking_failures(getattr(DefaultClient, _name)))
