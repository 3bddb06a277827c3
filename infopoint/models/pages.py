from wagtail.models import Page

from .mixins import SectionPageMixin


class NewsIndexPage(SectionPageMixin, Page):
    """The neighbourhood's news (on the portal: the whole city's)."""

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    template = "infopoint/section_placeholder.html"


class GuideIndexPage(SectionPageMixin, Page):
    """Practical guides: “where do I get help with…?”, grouped by topic."""

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    template = "infopoint/section_placeholder.html"


class SearchPage(SectionPageMixin, Page):
    """Search across the neighbourhood's pages, venues and events."""

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    template = "infopoint/section_placeholder.html"
