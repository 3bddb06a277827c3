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
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import published, unpublished

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
