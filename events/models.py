from wagtail.models import Page

from infopoint.models import SectionPageMixin


class EventIndexPage(SectionPageMixin, Page):
    """The agenda: what is on in the neighbourhood (on the portal: the whole city)."""

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    template = "infopoint/section_placeholder.html"
