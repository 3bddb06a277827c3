"""Keep cached menus, footers and breadcrumbs in step with what editors publish."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .navigation import invalidate


def connect():
    from .models import InformationPointSettings

    page_published.connect(invalidate, dispatch_uid="chrome-page-published")
    page_unpublished.connect(invalidate, dispatch_uid="chrome-page-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="chrome-page-moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="chrome-page-deleted")
    post_save.connect(invalidate, sender=Site, dispatch_uid="chrome-site-saved")
    post_save.connect(
        invalidate, sender=InformationPointSettings, dispatch_uid="chrome-settings-saved"
    )
