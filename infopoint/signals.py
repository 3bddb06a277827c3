"""Keep cached menus, footers and breadcrumbs in step with what editors publish."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .navigation import invalidate


def _settings_saved(created=False, **kwargs):
    # Wagtail creates a site's settings row (with defaults) the first time anyone reads it;
    # only a real change needs fresh menus and footers.
    if not created:
        invalidate()


def connect():
    from .models import InformationPointSettings

    page_published.connect(invalidate, dispatch_uid="chrome-page-published")
    page_unpublished.connect(invalidate, dispatch_uid="chrome-page-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="chrome-page-moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="chrome-page-deleted")
    post_save.connect(invalidate, sender=Site, dispatch_uid="chrome-site-saved")
    post_save.connect(
        _settings_saved, sender=InformationPointSettings, dispatch_uid="chrome-settings-saved"
    )
