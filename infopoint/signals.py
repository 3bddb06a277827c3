"""What follows from a change: translations follow their Dutch source, and what is remembered
(infopoint.cache) is forgotten.

infopoint connects the receivers for what it owns (pages, sites, neighbourhoods, settings); the apps
above it connect their own models from their AppConfig.ready() with `translations_follow` and
`infopoint.cache.forget_when_changed`.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from . import cache
from .models import InformationPointSettings, Neighbourhood
from .translation import sync_translations


def sync_page_translations(sender, instance, **kwargs):
    """When the Dutch source of a page is published, its translations follow it."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    with transaction.atomic():
        sync_translations(instance)


def sync_snippet_translations(sender, instance, raw=False, **kwargs):
    """A snippet saved (without drafts) or published (with drafts) in Dutch: its translations
    follow.

    Deferred until the transaction commits, because a snippet's inline rows (rooms, hours,
    exceptions) are saved after the snippet itself.
    """
    if raw or instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    if getattr(instance, "live", True) is False:
        return  # a draft: translations follow when it is published

    def sync():
        with transaction.atomic():
            sync_translations(type(instance).objects.get(pk=instance.pk))

    transaction.on_commit(sync)


def translations_follow(model, *, on_publish=False):
    """Keep the translations of a translatable snippet in step with its Dutch source: when it is
    saved, or (`on_publish`, for a snippet with drafts) when it is published."""
    signal = published if on_publish else post_save
    signal.connect(
        sync_snippet_translations,
        sender=model,
        dispatch_uid=f"sync-translations-{model._meta.label_lower}",
    )


def _settings_saved(created=False, **kwargs):
    # Wagtail creates a site's settings row (with defaults) the first time anyone reads it;
    # only a real change shows anywhere.
    if not created:
        cache.invalidate()


def connect():
    page_published.connect(sync_page_translations, dispatch_uid="infopoint-sync-page-translations")
    page_published.connect(cache.invalidate, dispatch_uid="wijkinfo-cache-page-published")
    page_unpublished.connect(cache.invalidate, dispatch_uid="wijkinfo-cache-page-unpublished")
    post_page_move.connect(cache.invalidate, dispatch_uid="wijkinfo-cache-page-moved")
    post_delete.connect(cache.invalidate, sender=Page, dispatch_uid="wijkinfo-cache-page-deleted")
    for model in (Site, Neighbourhood):
        cache.forget_when_changed(model)
    post_save.connect(
        _settings_saved, sender=InformationPointSettings, dispatch_uid="wijkinfo-cache-settings"
    )
