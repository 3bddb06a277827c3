from wagtail.models import Page

from infopoint.models import IntroMixin

SECTION_PAGE_TYPES = [
    "events.EventIndexPage",
    "venues.VenueIndexPage",
    "infopoint.NewsIndexPage",
    "infopoint.GuideIndexPage",
    "infopoint.SearchPage",
]


class HomePage(IntroMixin, Page):
    """The front page of one neighbourhood: the root of its site."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGE_TYPES
    content_panels = Page.content_panels + IntroMixin.content_panels

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


class PortalPage(IntroMixin, Page):
    """The city portal's front page: connects every neighbourhood."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGE_TYPES
    content_panels = Page.content_panels + IntroMixin.content_panels

    def get_context(self, request, *args, **kwargs):
        from infopoint.models import Neighbourhood

        context = super().get_context(request, *args, **kwargs)
        context["neighbourhoods"] = Neighbourhood.objects.select_related("site", "site__root_page")
        return context
