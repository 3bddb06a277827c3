"""The agenda page: its list, month view, archive, feeds and event pages are its routes."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from infopoint.models import Neighbourhood, SectionPageMixin

from .. import views
from .event import Event


class EventIndexPage(RoutablePageMixin, SectionPageMixin, Page):
    """The agenda: what is on in the neighbourhood (on the portal: the whole city).

    Event details, the month view, the archive and the iCalendar feeds are routes of this page,
    each handled by a view in events.views.
    """

    class Meta:
        verbose_name = _("agenda page")
        verbose_name_plural = _("agenda pages")

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    subpage_types = []

    @path("", name="agenda")
    def agenda(self, request):
        return views.agenda(request, self)

    @path("feed.ics/", name="feed")
    def feed(self, request):
        return views.feed(request, self)

    @path("month/", name="month")
    def month(self, request):
        return views.month(request, self)

    @path("archive/", name="archive")
    def archive(self, request):
        return views.archive(request, self)

    @path("<slug:slug>/", name="event")
    def event_detail(self, request, slug):
        return views.event_detail(request, self, slug)

    @path("<slug:slug>/calendar.ics/", name="event-ics")
    def event_ics(self, request, slug):
        return views.event_ics(request, self, slug)

    @path("<slug:slug>", name="event-without-slash")
    def event_without_slash(self, request, slug):
        return views.event_without_slash(request, self, slug)

    def get_sitemap_urls(self, request=None):
        """This agenda and the detail page of each of its site's live events."""
        urls = super().get_sitemap_urls(request)
        home = self.get_parent()
        # The site's root is the Dutch home; a translated home shares its translation key.
        neighbourhood = Neighbourhood.objects.filter(
            site__root_page__translation_key=home.translation_key
        ).first()
        if neighbourhood is None:
            return urls
        base = self.get_full_url(request)
        events = Event.objects.filter(
            neighbourhood=neighbourhood, locale_id=self.locale_id, live=True
        ).only("slug", "last_published_at")
        for event in events:
            urls.append({"location": f"{base}{event.slug}/", "lastmod": event.last_published_at})
        return urls
