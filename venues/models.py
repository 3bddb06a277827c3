from wagtail.models import Page

from infopoint.models import SectionPageMixin


class VenueIndexPage(SectionPageMixin, Page):
    """The meeting-place finder: rooms and places residents can use."""

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    template = "infopoint/section_placeholder.html"
