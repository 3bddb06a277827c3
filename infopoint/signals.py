"""What follows from a publication: translations follow their Dutch source, and the cached menus,
footers and breadcrumbs are refreshed."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from .navigation import invalidate
from .translation import sync_translations


def sync_page_translations(sender, instance, **kwargs):
    """When the Dutch source of a page is published, its translations follow it."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    with transaction.atomic():
        sync_translations(instance)


def sync_snippet_translations(sender, instance, raw=False, **kwargs):
    """A venue or event saved (a venue) or published (an event) in Dutch: its translations follow.

    Deferred until the transaction commits, because a snippet's rooms, hours and exceptions are
    saved after the snippet itself.
    """
    if raw or instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    if getattr(instance, "live", True) is False:
        return  # a draft: translations follow when it is published

    def sync():
        with transaction.atomic():
            sync_translations(type(instance).objects.get(pk=instance.pk))

    transaction.on_commit(sync)


def _settings_saved(created=False, **kwargs):
    # Wagtail creates a site's settings row (with defaults) the first time anyone reads it;
    # only a real change needs fresh menus and footers.
    if not created:
        invalidate()


def connect():
    from events.models import Event
    from venues.models import Venue

    from .models import InformationPointSettings, Neighbourhood

    post_save.connect(
        sync_snippet_translations, sender=Venue, dispatch_uid="sync-venue-translations"
    )
    published.connect(
        sync_snippet_translations, sender=Event, dispatch_uid="sync-event-translations"
    )
    page_published.connect(sync_page_translations, dispatch_uid="infopoint-sync-page-translations")
    page_published.connect(invalidate, dispatch_uid="chrome-page-published")
    page_unpublished.connect(invalidate, dispatch_uid="chrome-page-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="chrome-page-moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="chrome-page-deleted")
    post_save.connect(invalidate, sender=Site, dispatch_uid="chrome-site-saved")
    post_delete.connect(invalidate, sender=Site, dispatch_uid="chrome-site-deleted")
    post_save.connect(invalidate, sender=Neighbourhood, dispatch_uid="chrome-neighbourhood-saved")
    post_delete.connect(
        invalidate, sender=Neighbourhood, dispatch_uid="chrome-neighbourhood-deleted"
    )
    post_save.connect(
        _settings_saved, sender=InformationPointSettings, dispatch_uid="chrome-settings-saved"
    )
