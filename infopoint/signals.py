from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published

from .translation import sync_translations


def sync_page_translations(sender, instance, **kwargs):
    """When the Dutch source of a page is published, its translations follow it."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    with transaction.atomic():
        sync_translations(instance)


def connect():
    page_published.connect(sync_page_translations, dispatch_uid="infopoint-sync-page-translations")
