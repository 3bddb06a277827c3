"""The help finder page; a service's page and its report form are routes under it."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from infopoint.models import SectionPageMixin
from infopoint.scope import neighbourhood_for_site

from .. import views
from ..queries import for_neighbourhood, live_services


class ServiceIndexPage(RoutablePageMixin, SectionPageMixin, Page):
    """The help finder: residents start from a need, filter and open a service.

    A service's page lives under it at <finder>/<slug>/; every neighbourhood the service serves
    shows it.
    """

    class Meta:
        verbose_name = _("help finder page")
        verbose_name_plural = _("help finder pages")

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    subpage_types = []
    template = "services/service_index_page.html"

    @path("", name="finder")
    def finder(self, request):
        return views.finder(request, self)

    @path("<slug:slug>/", name="service")
    def service_detail(self, request, slug):
        return views.service_detail(request, self, slug)

    @path("<slug:slug>/report/", name="report")
    def report_outdated(self, request, slug):
        return views.report_outdated(request, self, slug)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        site = self.get_site()
        neighbourhood = neighbourhood_for_site(site) if site is not None else None
        if neighbourhood is None:
            return urls
        base = self.get_full_url(request)
        services = for_neighbourhood(live_services(self.locale), neighbourhood)
        urls.extend(
            {"location": f"{base}{slug}/"}
            for slug in services.order_by("slug").values_list("slug", flat=True)
        )
        return urls
