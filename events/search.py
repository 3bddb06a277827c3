"""Events in site search (see infopoint.search): the agenda's published events, in the
resident's language where translated, with their next date."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from infopoint.search import SearchResult, SearchSource, matching
from infopoint.translation import in_language

from .links import agenda_urls
from .models.event import Event
from .models.occurrence import Occurrence
from .recurrence import TZ

# What residents' words are looked for in, by site search and the agenda's text filter alike.
TEXT_FIELDS = ["title", "summary", "description", "organiser"]


def matching_events(text, events=None):
    """Published events for `text`: stemmed full-text hits and partial word matches (see
    infopoint.search.matching). Site search and the agenda's text filter both ask here."""
    if events is None:
        events = Event.objects.filter(live=True)
    return matching(events, text, TEXT_FIELDS)


class EventSearchSource(SearchSource):
    kind = "events"
    label = _("Activities")
    order = 30

    def search(self, query, scope):
        events = Event.objects.filter(live=True).select_related("locale", "neighbourhood__site")
        if scope.neighbourhood_id is not None:
            events = events.filter(neighbourhood=scope.neighbourhood_id)
        locales = {scope.locale_id, scope.default_locale_id}
        return matching_events(query, events.filter(locale__in=locales)).order_by("title", "pk")

    def results(self, hits, scope):
        events = in_language(list(hits), scope.locale_id)
        urls = agenda_urls(scope.request)
        next_dates = dict(
            Occurrence.objects.filter(event__in=events, end__gt=timezone.now(), cancelled=False)
            .order_by("event_id", "-start")
            .values_list("event_id", "start")
        )  # ordered so the earliest start of each event wins in the dict
        results = []
        for event in events:
            base = urls.get(event.neighbourhood_id)
            start = next_dates.get(event.pk)
            when = date_format(start.astimezone(TZ), "l j F, H:i") if start else ""
            results.append(
                SearchResult(
                    event.title,
                    f"{base}{event.slug}/" if base else "",
                    " · ".join(part for part in [when, event.summary] if part),
                    lang="" if event.locale_id == scope.locale_id else event.locale.language_code,
                    kind=str(_("Activity")),
                    where=event.neighbourhood.name,
                )
            )
        return results
