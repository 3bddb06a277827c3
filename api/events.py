"""Events with their dates: the agenda's events and filters as JSON (and as JSON-LD)."""

import copy
import enum
import re
from datetime import date, datetime

from django.db.models import OuterRef, Prefetch, Subquery
from django.http import Http404, HttpRequest, JsonResponse, QueryDict
from django.utils import timezone, translation
from django.utils.html import strip_tags
from ninja import Field, Query, Router, Schema
from pydantic import field_validator
from wagtail.rich_text import expand_db_html

from events.choices import AUDIENCE_CHOICES
from events.filters import WHEN_CHOICES
from events.jsonld import event_page
from events.links import agenda_urls
from events.models import Event, Occurrence
from events.recurrence import TZ
from events.views import filtered
from venues.links import attach_urls

from . import pagination
from .common import DetailParams, ListParams, NeighbourhoodRef, absolute, neighbourhood_refs
from .errors import BadParameters, item_key

router = Router(tags=["events"])

# Events in the order of their first date in the window asked for; the id settles ties.
ORDER = pagination.Order(("first_start", "datetime"), ("pk", "int"))
# Dates listed per event: a weekly series has some 78 in the 18 months written ahead.
MAX_OCCURRENCES = 50
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

When = enum.Enum("When", {code: code for code, _label in WHEN_CHOICES}, type=str)
Audience = enum.Enum("Audience", {code: code for code, _l in AUDIENCE_CHOICES[1:]}, type=str)


class EventParams(ListParams):
    q: str | None = Field(None, max_length=100, description="Words in the title or text.")
    when: When | None = Field(None, description="A named window; `start`/`end` win over it.")
    start: date | None = Field(None, description="From this day (Amsterdam).")
    end: date | None = Field(None, description="Until this day, inclusive.")
    neighbourhood: str | None = Field(
        None, max_length=100, description="On the city portal: one neighbourhood's slug."
    )
    tag: str | None = Field(None, max_length=100, description="A topic's slug.")
    audience: Audience | None = Field(None, description="Who it is meant for.")
    venue: str | None = Field(None, max_length=100, description="A meeting place's slug.")
    free: bool = Field(False, description="Only events that cost nothing.")
    step_free: bool = Field(False, description="Only events at a step-free venue.")

    @field_validator("start", "end", mode="before")
    @classmethod
    def iso_date(cls, value):
        # Pydantic would also read a number as a timestamp; the schema promises YYYY-MM-DD.
        if value is not None and not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
            raise ValueError("a date as YYYY-MM-DD")
        return value


class OccurrenceOut(Schema):
    start: datetime
    end: datetime
    cancelled: bool
    moved: bool
    original_start: datetime | None = Field(description="Where a moved date was first planned.")
    note: str


class EventVenue(Schema):
    id: str
    slug: str
    name: str
    address: str
    latitude: float | None
    longitude: float | None
    page: str | None


class EventLinks(Schema):
    page: str | None = Field(description="The event's page on its neighbourhood's site.")
    ical: str | None = Field(description="The event (with all its dates) as iCalendar.")
    jsonld: str = Field(description="The event as schema.org Event (JSON-LD).")


class EventOut(Schema):
    id: str = Field(description="Stable across languages and renames.")
    slug: str
    language: str = Field(description="The language of the texts (Dutch where not translated).")
    title: str
    summary: str
    description: str = Field(description="HTML.")
    status: str = Field(description="schema.org eventStatus: EventScheduled, EventCancelled, …")
    all_day: bool
    neighbourhood: NeighbourhoodRef
    venue: EventVenue | None
    place: str
    online_url: str
    is_free: bool
    price: str
    registration_url: str
    registration_notes: str
    organiser: str
    organiser_url: str
    audience: str
    accessibility_notes: str
    tags: list[str]
    occurrences: list[OccurrenceOut] = Field(
        description=f"Its dates in the window asked for (upcoming by default), at most "
        f"{MAX_OCCURRENCES}."
    )
    links: EventLinks


class EventList(Schema):
    count: int
    next: str | None = Field(description="The next page, or null on the last one.")
    results: list[EventOut]


def filter_data(params):
    """The agenda form's data from validated parameters (dates and booleans as it reads them)."""
    data = QueryDict(mutable=True)
    for name in ("q", "neighbourhood", "tag", "venue"):
        if getattr(params, name):
            data[name] = getattr(params, name)
    for name in ("when", "audience"):
        if getattr(params, name):
            data[name] = getattr(params, name).value
    for name in ("start", "end"):
        if getattr(params, name):
            data[name] = getattr(params, name).isoformat()
    for name in ("free", "step_free"):
        if getattr(params, name):
            data[name] = "true"
    return data


def matching_occurrences(request, data):
    """The agenda's own filtering (events.views.filtered) of `data`: the occurrences that match,
    upcoming ones when no dates are asked for."""
    agenda_request = copy.copy(request)
    agenda_request.GET = data
    _neighbourhood, filterset = filtered(agenda_request)
    if not filterset.is_valid():
        raise BadParameters(filterset.form)
    occurrences = filterset.qs
    if filterset.window is None:
        occurrences = occurrences.filter(end__gt=timezone.now())
    return occurrences


def events_of(occurrences):
    """The events those occurrences are dates of, each with `first_start` and its matching dates."""
    first = occurrences.filter(event=OuterRef("pk")).order_by("start").values("start")[:1]
    dates = Occurrence.objects.filter(pk__in=occurrences.values("pk")).order_by("start", "pk")
    return (
        Event.objects.filter(pk__in=occurrences.values("event_id"))
        .annotate(first_start=Subquery(first))
        .filter(first_start__isnull=False)
        .select_related("venue", "neighbourhood", "locale")
        .prefetch_related(
            "tags", Prefetch("occurrences", queryset=dates[:MAX_OCCURRENCES], to_attr="dates")
        )
    )


def without_closed_venues(events):
    """A venue no longer in use, or not published yet, is not shown with its events (the event
    keeps its text)."""
    for event in events:
        if event.venue_id and not (event.venue.is_active and event.venue.live):
            event.venue = None
    return events


def serialise_all(request, events):
    without_closed_venues(events)
    refs = neighbourhood_refs()
    agendas = agenda_urls(request)
    attach_urls([event.venue for event in events if event.venue_id], request)
    results = []
    for event in events:
        base = agendas.get(event.neighbourhood_id)
        page = absolute(request, f"{base}{event.slug}/") if base else None
        venue = event.venue if event.venue_id else None
        results.append(
            {
                "id": str(event.translation_key),
                "slug": event.slug,
                "language": event.locale.language_code,
                "title": event.title,
                "summary": event.summary or strip_tags(event.description or "")[:300],
                "description": expand_db_html(event.description or ""),
                "status": event.status,
                "all_day": event.all_day,
                "neighbourhood": refs[event.neighbourhood_id],
                "venue": _venue(request, venue),
                "place": event.place,
                "online_url": event.online_url,
                "is_free": event.is_free,
                "price": event.price,
                "registration_url": event.registration_url,
                "registration_notes": event.registration_notes,
                "organiser": event.organiser,
                "organiser_url": event.organiser_url,
                "audience": event.audience,
                "accessibility_notes": event.accessibility_notes,
                "tags": sorted(tag.name for tag in event.tags.all()),
                "occurrences": [
                    {
                        "start": occurrence.start.astimezone(TZ),
                        "end": occurrence.end.astimezone(TZ),
                        "cancelled": occurrence.cancelled,
                        "moved": occurrence.moved,
                        "original_start": occurrence.original_start,
                        "note": occurrence.note,
                    }
                    for occurrence in event.dates
                ],
                "links": {
                    "page": page,
                    "ical": f"{page}calendar.ics" if page else None,
                    "jsonld": request.build_absolute_uri(
                        f"/api/v1/events/{event.translation_key}/jsonld/"
                    ),
                },
            }
        )
    return results


def _venue(request, venue):
    if venue is None:
        return None
    return {
        "id": str(venue.translation_key),
        "slug": venue.slug,
        "name": venue.name,
        "address": venue.address,
        "latitude": float(venue.latitude) if venue.has_location else None,
        "longitude": float(venue.longitude) if venue.has_location else None,
        "page": absolute(request, venue.get_url(request)),
    }


@router.get("/", response=EventList, summary="Events with their dates")
def list_events(request: HttpRequest, params: Query[EventParams]):
    """The events of this site's agenda (on the city portal: the whole city's) that have a date
    in the window asked for, with the agenda's filters, by their first such date."""
    with translation.override(params.lang.value):
        occurrences = matching_occurrences(request, filter_data(params))
        events = events_of(occurrences)
        return pagination.listing(
            request, events, ORDER, params, lambda rows: serialise_all(request, rows)
        )


def find_event(request, event_id):
    """The event with this id and a date to come, on this site, in the language asked for."""
    occurrences = matching_occurrences(request, QueryDict()).filter(event__translation_key=event_id)
    event = events_of(occurrences).first()
    if event is None:
        raise Http404("No such event here.")
    return event


@router.get("/{event_id}/", response=EventOut, summary="One event with its dates to come")
def event_detail(request: HttpRequest, event_id: str, params: Query[DetailParams]):
    with translation.override(params.lang.value):
        return serialise_all(request, [find_event(request, item_key(event_id))])[0]


@router.get(
    "/{event_id}/jsonld/",
    response={200: dict},
    summary="One event as schema.org JSON-LD",
    openapi_extra={
        "responses": {200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}}
    },
)
def event_jsonld(request: HttpRequest, event_id: str, params: Query[DetailParams]):
    with translation.override(params.lang.value):
        event = find_event(request, item_key(event_id))
        [data] = serialise_all(request, [event])
        upcoming = next((o for o in event.dates if not o.is_cancelled), None)
        venue = data["venue"]
        body = event_page(
            event,
            upcoming or (event.dates[0] if event.dates else None),
            data["links"]["page"],
            venue["page"] if venue else None,
        )
    return JsonResponse(body, content_type="application/ld+json")
