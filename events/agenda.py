"""The agenda page's routes: list, month, archive, feeds and event details."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from wagtail.contrib.routable_page.models import path


def _ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, max_age=900)
    return response


class AgendaRoutesMixin:
    """Mixed into EventIndexPage; each route builds its context in events.views."""

    @path("")
    def agenda(self, request):
        from .views import agenda_context

        return self.render(
            request,
            template="events/event_index_page.html",
            context_overrides=agenda_context(self, request),
        )

    @path("feed.ics/")
    def feed(self, request):
        from .ical import calendar_for
        from .views import feed_events

        events = list(feed_events(self, request))
        base = request.build_absolute_uri(self.get_url(request))
        body = calendar_for(events, lambda event: f"{base}{event.slug}/", name=self.title)
        return _ics_response(body, "agenda.ics")

    @path("month/")
    def month(self, request):
        from .views import month_context

        return self.render(
            request,
            template="events/event_month.html",
            context_overrides=month_context(self, request),
        )

    @path("archive/")
    def archive(self, request):
        from .views import archive_context

        return self.render(
            request,
            template="events/event_archive.html",
            context_overrides=archive_context(self, request),
        )

    @path("<slug:slug>/")
    def event_detail(self, request, slug):
        from .views import detail_context, find_event

        event = find_event(self, request, slug)
        context = detail_context(request, event, page=self)
        return self.render(request, template="events/event_detail.html", context_overrides=context)

    @path("<slug:slug>/calendar.ics/")
    def event_ics(self, request, slug):
        from .ical import calendar_for
        from .views import find_event

        event = find_event(self, request, slug)
        url = request.build_absolute_uri(f"{self.get_url(request)}{event.slug}/")
        return _ics_response(calendar_for([event], lambda _event: url), f"{event.slug}.ics")

    @path("<slug:slug>")
    def event_without_slash(self, request, slug):
        return redirect(f"{self.get_url(request)}{slug}/", permanent=True)

    def get_sitemap_urls(self, request=None):
        """This agenda and the detail page of each of its site's live events."""
        from infopoint.models import Neighbourhood

        from .models import Event

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
