from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from infopoint.blocks import BodyBlock

from .mixins import IntroMixin


class StandardPage(IntroMixin, Page):
    """A page of lasting text: about us, privacy statement, accessibility statement."""

    parent_page_types = ["home.HomePage", "home.PortalPage", "infopoint.StandardPage"]
    subpage_types = ["infopoint.StandardPage"]

    body = StreamField(
        BodyBlock(), blank=True, help_text=_("The page's text."), verbose_name=_("body")
    )

    content_panels = Page.content_panels + IntroMixin.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name_plural = _("standard pages")
        verbose_name = _("standard page")
