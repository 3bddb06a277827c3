"""The help finder page; a service's page and its report form are routes under it."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from infopoint.models import SectionPageMixin

from .. import views


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
