"""The meeting-place finder page; a venue's page and its report form are routes under it."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from infopoint.models import SectionPageMixin
from infopoint.scope import neighbourhood_for_site

from .. import views
from ..queries import venues_in_locale


class VenueIndexPage(RoutablePageMixin, SectionPageMixin, Page):
    """The meeting-place finder: residents filter the places they can use and open one.

    A venue's page lives under it at <finder>/<slug>/. On the city portal it lists every
    neighbourhood's places, with a neighbourhood filter.
    """

    class Meta:
        verbose_name = _("venue finder page")
        verbose_name_plural = _("venue finder pages")

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    subpage_types = []
    template = "venues/venue_index_page.html"

    @path("", name="finder")
    def finder(self, request):
        return views.finder(request, self)

    @path("<slug:slug>/", name="venue")
    def venue_detail(self, request, slug):
        return views.venue_detail(request, self, slug)

    @path("<slug:slug>/report/", name="report")
    def report_outdated(self, request, slug):
        return views.report_outdated(request, self, slug)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        site = self.get_site()
        if site is None or neighbourhood_for_site(site) is None:
            # The portal's finder links to venue pages on the neighbourhood sites.
            return urls
        base = self.get_full_url(request)
        venues = venues_in_locale(self.locale).filter(neighbourhood__site=site)
        # No lastmod: venues keep no modification time, and "last checked" is not one.
        urls.extend(
            {"location": f"{base}{slug}/"} for slug in venues.values_list("slug", flat=True)
        )
        return urls
