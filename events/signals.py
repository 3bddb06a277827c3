"""Cached agenda lookups (agenda page URLs, filter choices, site → neighbourhood) go stale
whenever pages, sites or neighbourhoods change, however the change was made."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from .queries import bump_cache_version


def _changed(sender, **kwargs):
    bump_cache_version()


def connect():
    from infopoint.models import Neighbourhood
    from venues.models import Venue

    page_published.connect(_changed, dispatch_uid="events-page-published")
    page_unpublished.connect(_changed, dispatch_uid="events-page-unpublished")
    post_delete.connect(_changed, sender=Page, dispatch_uid="events-page-deleted")
    for model in (Site, Neighbourhood, Venue):
        post_save.connect(_changed, sender=model, dispatch_uid=f"events-{model.__name__}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"events-{model.__name__}-gone")
