"""Meeting places: the finder's venues and filters, as JSON (and as schema.org JSON-LD)."""

from datetime import date

from django.http import Http404, HttpRequest, JsonResponse, QueryDict
from django.utils import timezone, translation
from ninja import Field, Query, Router, Schema

from events.links import agenda_urls
from infopoint import scope
from venues.filters import FinderFilterSet
from venues.jsonld import venue_page
from venues.links import attach_urls
from venues.models import VenueKind
from venues.opening import is_open_at
from venues.queries import venues_in_locale, vocabularies, with_listing_data

from . import pagination
from .common import (
    DetailParams,
    ListParams,
    NeighbourhoodRef,
    Term,
    absolute,
    neighbourhood_refs,
    site_neighbourhood,
)
from .errors import BadParameters, item_key

router = Router(tags=["venues"])

ORDER = pagination.Order(("name", "str"), ("pk", "int"))
Kind = VenueKind  # the schema lists the kinds of place

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class VenueParams(ListParams):
    q: str | None = Field(None, max_length=200, description="Words in the name, text or address.")
    kind: Kind | None = Field(None, description="The kind of place.")
    neighbourhood: str | None = Field(
        None, max_length=100, description="On the city portal: one neighbourhood's slug."
    )
    facility: list[str] = Field(
        [], description="Facility codes (all must be there), e.g. kitchen, wifi."
    )
    access: list[str] = Field(
        [], description="Accessibility codes (all must be there), e.g. step-free, lift."
    )
    capacity: int | None = Field(None, ge=1, le=100_000, description="At least this many people.")
    open_now: bool = Field(False, description="Only places open right now (Amsterdam time).")
    free: bool = Field(False, description="Only places that cost nothing.")


class Address(Schema):
    street: str
    house_number: str
    postcode: str
    city: str
    country: str = "NL"


class Point(Schema):
    latitude: float
    longitude: float


class Hours(Schema):
    weekday: int = Field(description="0 is Monday, 6 Sunday.")
    day: str = Field(description="The weekday as in iCalendar: MO … SU.")
    opens: str = Field(description="Local time (Europe/Amsterdam), HH:MM.")
    closes: str = Field(description="HH:MM; at or before `opens` means past midnight.")


class Room(Schema):
    name: str
    capacity: int | None
    price_class: str


class VenueLinks(Schema):
    page: str | None = Field(description="The venue's page on the neighbourhood's site.")
    ical: str | None = Field(description="The agenda of this venue as an iCalendar feed.")
    jsonld: str = Field(description="This venue as schema.org Place (JSON-LD).")
    hsds: str = Field(description="This venue as an Open Referral HSDS 3.0 location.")


class VenueOut(Schema):
    id: str = Field(description="Stable across languages and renames.")
    slug: str
    language: str = Field(description="The language of the texts (Dutch where not translated).")
    name: str
    kind: str
    neighbourhood: NeighbourhoodRef
    short_description: str
    address: Address
    location: Point | None
    phone: str
    email: str
    website: str
    capacity: int | None
    rooms: list[Room]
    price_class: str
    is_free: bool
    facilities: list[Term]
    accessibility: list[Term]
    accessibility_notes: str
    opening_hours: list[Hours]
    closed_on_public_holidays: bool
    open_now: bool
    booking_info: str
    booking_url: str
    tags: list[str]
    last_checked: date | None
    links: VenueLinks


class VenueList(Schema):
    count: int
    next: str | None = Field(description="The next page, or null on the last one.")
    results: list[VenueOut]


def filter_data(params):
    """The finder form's data from validated parameters (the form reads a checkbox's "0" as
    ticked; a boolean validated here is sent as the form understands it)."""
    data = QueryDict(mutable=True)
    for name in ("q", "neighbourhood"):
        if getattr(params, name):
            data[name] = getattr(params, name)
    if params.kind:
        data["kind"] = params.kind.value
    if params.capacity is not None:
        data["capacity"] = str(params.capacity)
    # An empty value (an unticked box) asks for nothing, as on the page.
    data.setlist("facility", [code for code in params.facility if code])
    data.setlist("access", [code for code in params.access if code])
    for name in ("open_now", "free"):
        if getattr(params, name):
            data[name] = "true"
    return data


def _base(neighbourhood):
    base = venues_in_locale()
    if neighbourhood is not None:
        base = base.filter(neighbourhood=neighbourhood)
    return base


def _loaded(queryset, now):
    return with_listing_data(queryset, at=now).prefetch_related("rooms", "tags")


def serialise(request, venue, now, refs, feeds):
    hours = sorted(venue.opening_hours.all(), key=lambda row: (row.weekday, row.opens))
    api_base = request.build_absolute_uri(f"/api/v1/venues/{venue.translation_key}/")
    return {
        "id": str(venue.translation_key),
        "slug": venue.slug,
        "language": venue.locale.language_code,
        "name": venue.name,
        "kind": venue.kind,
        "neighbourhood": refs[venue.neighbourhood_id],
        "short_description": venue.short_description,
        "address": {
            "street": venue.street,
            "house_number": venue.house_number,
            "postcode": venue.postcode,
            "city": venue.city,
        },
        "location": (
            {"latitude": float(venue.latitude), "longitude": float(venue.longitude)}
            if venue.has_location
            else None
        ),
        "phone": venue.phone,
        "email": venue.email,
        "website": venue.website,
        "capacity": venue.capacity,
        "rooms": [
            {"name": room.name, "capacity": room.capacity, "price_class": room.price_class}
            for room in venue.rooms.all()
        ],
        "price_class": venue.price_class,
        "is_free": venue.is_free,
        "facilities": [{"slug": term.slug, "name": term.label} for term in venue.facilities.all()],
        "accessibility": [
            {"slug": term.slug, "name": term.label} for term in venue.accessibility_features.all()
        ],
        "accessibility_notes": venue.accessibility_notes,
        "opening_hours": [
            {
                "weekday": row.weekday,
                "day": WEEKDAYS[row.weekday],
                "opens": row.opens.strftime("%H:%M"),
                "closes": row.closes.strftime("%H:%M"),
            }
            for row in hours
        ],
        "closed_on_public_holidays": venue.closed_on_public_holidays,
        "open_now": is_open_at(venue, now),
        "booking_info": venue.booking_info,
        "booking_url": venue.booking_url,
        "tags": sorted(tag.name for tag in venue.tags.all()),
        "last_checked": venue.last_checked,
        "links": {
            "page": absolute(request, venue.get_url(request)),
            "ical": feeds(venue),
            "jsonld": f"{api_base}jsonld/",
            "hsds": request.build_absolute_uri(f"/api/v1/hsds/locations/{venue.translation_key}/"),
        },
    }


def feed_links(request):
    """venue -> its agenda feed, from the remembered agenda addresses (no query per venue)."""
    agendas = agenda_urls(request)

    def feed(venue):
        base = agendas.get(venue.neighbourhood_id)
        return absolute(request, f"{base}feed.ics?venue={venue.slug}") if base else None

    return feed


def serialise_all(request, venues, now):
    attach_urls(venues, request)
    refs = neighbourhood_refs()
    feeds = feed_links(request)
    return [serialise(request, venue, now, refs, feeds) for venue in venues]


@router.get("/", response=VenueList, summary="Meeting places")
def list_venues(request: HttpRequest, params: Query[VenueParams]):
    """The meeting places of this site's neighbourhood (on the city portal: of the whole city),
    with the finder's filters, by name."""
    now = timezone.now()
    with translation.override(params.lang.value):
        neighbourhood = site_neighbourhood(request)
        facilities, accessibility = vocabularies()
        filterset = FinderFilterSet(
            filter_data(params),
            _base(neighbourhood),
            facilities=facilities,
            accessibility=accessibility,
            neighbourhoods=None if neighbourhood else scope.neighbourhoods(),
            at=now,
        )
        if not filterset.is_valid():
            raise BadParameters(filterset.form)
        matches = filterset.qs
        return pagination.listing(
            request,
            _loaded(matches, now),
            ORDER,
            params,
            lambda rows: serialise_all(request, rows, now),
            counted=matches,
        )


def find_venue(request, venue_id, now):
    neighbourhood = site_neighbourhood(request)
    venue = _loaded(_base(neighbourhood).filter(translation_key=venue_id), now).first()
    if venue is None:
        raise Http404("No such meeting place here.")
    return venue


@router.get("/{venue_id}/", response=VenueOut, summary="One meeting place")
def venue_detail(request: HttpRequest, venue_id: str, params: Query[DetailParams]):
    now = timezone.now()
    with translation.override(params.lang.value):
        venue = find_venue(request, item_key(venue_id), now)
        return serialise_all(request, [venue], now)[0]


@router.get(
    "/{venue_id}/jsonld/",
    response={200: dict},
    summary="One meeting place as schema.org JSON-LD",
    openapi_extra={
        "responses": {200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}}
    },
)
def venue_jsonld(request: HttpRequest, venue_id: str, params: Query[DetailParams]):
    now = timezone.now()
    with translation.override(params.lang.value):
        venue = find_venue(request, item_key(venue_id), now)
        attach_urls([venue], request)
        data = venue_page(venue, absolute(request, venue.get_url(request)))
    return JsonResponse(data, content_type="application/ld+json")
