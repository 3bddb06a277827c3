"""What an event's page shows, for residents (the agenda's route) and for editors (the admin
preview, which shows the dates the schedule would give without writing them)."""

from django.utils import timezone, translation

from . import ical, jsonld
from .links import annotate
from .models.occurrence import Occurrence
from .occurrences import horizon, occurrence_rows
from .recurrence import expand


def detail_context(request, event, page=None, preview=False):
    now = timezone.now()
    if event.venue_id and not event.venue.live:
        # A meeting place not published yet is not shown (nor linked: its page does not exist).
        event.venue = None
    if preview:
        instances = [i for i in expand(event.schedule(), horizon()) if i.end > now][:10]
        occurrences = occurrence_rows(event, instances)
    else:
        occurrences = list(
            Occurrence.objects.filter(event=event, end__gt=now).order_by("start", "pk")[:10]
        )
    for occurrence in occurrences:
        occurrence.event = event
    annotate(occurrences, request, urls={})
    language = translation.get_language() or "nl"
    url = request.build_absolute_uri(event.get_url(request) or "") if not preview else ""
    upcoming = next((o for o in occurrences if not o.is_cancelled), None)
    # The venue's page URL comes from the finders' remembered addresses (venues.links).
    venue_url = (event.venue.get_url(request) or None) if event.venue_id else None
    # Machines read JSON-LD without the page's address: its place's URL is absolute.
    venue_abs_url = request.build_absolute_uri(venue_url) if venue_url and request else None
    context = {
        "event": event,
        "event_lang": "" if event.locale.language_code == language else event.locale.language_code,
        "occurrences": occurrences,
        "next_occurrence": upcoming,
        "venue_url": venue_url,
        # A cancelled event keeps its date in JSON-LD: its next (cancelled) date, if any.
        "json_ld": jsonld.event_page(
            event, upcoming or (occurrences[0] if occurrences else None), url, venue_abs_url
        ),
        "request": request,
        "page": page,
        "preview": preview,
    }
    if upcoming is not None and url:
        # Google takes the series; Outlook's link takes one date only, and the page says so.
        series = ical.series_to_come(event, event.schedule([])) if event.rule_text() else None
        context["calendar_series"] = series is not None
        context["google_url"] = ical.google_calendar_link(event, upcoming, url, series)
        context["outlook_url"] = ical.outlook_calendar_link(event, upcoming, url)
    if url:
        context["ics_url"] = f"{url}calendar.ics"
    return context
