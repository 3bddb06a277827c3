"""Venues as Open Referral HSDS 3.0 `location` records, for directories of human services.

Field names and types follow the HSDS 3.0 schema (location, address, phone, accessibility,
schedule); a list is HSDS's paginated `Page` (total_items, total_pages, page_number, size,
first_page, last_page, empty, contents). HSDS identifiers are UUIDs: a location's is the venue's
translation key (the same id as /api/v1/venues/), and its parts' ids are derived from it, so they
stay the same between requests. Absent values are left out rather than sent as null.
"""

import uuid

from django.http import Http404, HttpRequest
from django.utils import timezone, translation
from ninja import Field, Query, Router, Schema

from venues.links import attach_urls

from .common import DetailParams, Language, absolute, site_neighbourhood
from .errors import item_key
from .venues import WEEKDAYS, _base, _loaded

router = Router(tags=["hsds"])


class HsdsParams(Schema):
    lang: Language = Field(Language("nl"), description="The language of the texts.")
    page: int = Field(1, ge=1, le=100_000, description="The page number, from 1.")
    per_page: int = Field(20, ge=1, le=100, description="Records per page.")


class HsdsAddress(Schema):
    id: str
    location_id: str
    address_1: str
    city: str
    state_province: str
    postal_code: str
    country: str
    address_type: str


class HsdsPhone(Schema):
    id: str
    location_id: str
    number: str
    type: str
    languages: list[dict] = []


class HsdsAccessibility(Schema):
    id: str
    location_id: str
    description: str
    details: str | None = None
    url: str | None = None


class HsdsSchedule(Schema):
    id: str
    location_id: str
    freq: str
    interval: int
    byday: str
    opens_at: str
    closes_at: str
    description: str | None = None
    schedule_link: str | None = None
    notes: str | None = None


class HsdsLocation(Schema):
    id: str
    location_type: str
    name: str
    description: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    languages: list[dict] = []
    addresses: list[HsdsAddress]
    contacts: list[dict] = []
    accessibility: list[HsdsAccessibility]
    phones: list[HsdsPhone]
    schedules: list[HsdsSchedule]
    attributes: list[dict] = []
    metadata: list[dict] = []


class HsdsPage(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[HsdsLocation]


def _id(location_id, part):
    return str(uuid.uuid5(location_id, part))


def location(request, venue):
    key = venue.translation_key
    page = absolute(request, venue.get_url(request))
    record = {
        "id": str(key),
        "location_type": "physical",
        "name": venue.name,
        "description": venue.short_description or None,
        "addresses": [
            {
                "id": _id(key, "address"),
                "location_id": str(key),
                "address_1": venue.street_address,
                "city": venue.city,
                # Not kept for Dutch addresses; HSDS requires the field.
                "state_province": "",
                "postal_code": venue.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ],
        "accessibility": [
            {
                "id": _id(key, f"accessibility:{term.slug}"),
                "location_id": str(key),
                "description": term.label,
                "details": venue.accessibility_notes or None,
                "url": page,
            }
            for term in venue.accessibility_features.all()
        ],
        "phones": (
            [
                {
                    "id": _id(key, "phone"),
                    "location_id": str(key),
                    "number": venue.phone,
                    "type": "voice",
                }
            ]
            if venue.phone
            else []
        ),
        "schedules": [
            {
                "id": _id(key, f"hours:{hours.pk}"),
                "location_id": str(key),
                "freq": "WEEKLY",
                "interval": 1,
                "byday": WEEKDAYS[hours.weekday],
                "opens_at": hours.opens.strftime("%H:%M"),
                "closes_at": hours.closes.strftime("%H:%M"),
                "schedule_link": page,
                "notes": "Local time, Europe/Amsterdam.",
            }
            for hours in sorted(venue.opening_hours.all(), key=lambda h: (h.weekday, h.opens))
        ],
    }
    if venue.has_location:
        record["latitude"] = float(venue.latitude)
        record["longitude"] = float(venue.longitude)
    return record


@router.get("/locations/", response=HsdsPage, exclude_none=True, summary="Venues as HSDS locations")
def list_locations(request: HttpRequest, params: Query[HsdsParams]):
    """The meeting places of this site's neighbourhood (on the portal: the city's), by name."""
    now = timezone.now()
    with translation.override(params.lang.value):
        venues = _base(site_neighbourhood(request))
        total = venues.count()
        start = (params.page - 1) * params.per_page
        rows = list(_loaded(venues, now).order_by("name", "pk")[start : start + params.per_page])
        attach_urls(rows, request)
        pages = max(1, -(-total // params.per_page))
        return {
            "total_items": total,
            "total_pages": pages,
            "page_number": params.page,
            "size": len(rows),
            "first_page": params.page == 1,
            "last_page": params.page >= pages,
            "empty": not rows,
            "contents": [location(request, venue) for venue in rows],
        }


@router.get(
    "/locations/{location_id}/",
    response=HsdsLocation,
    exclude_none=True,
    summary="One venue as an HSDS location",
)
def location_detail(request: HttpRequest, location_id: str, params: Query[DetailParams]):
    now = timezone.now()
    with translation.override(params.lang.value):
        venues = _base(site_neighbourhood(request)).filter(translation_key=item_key(location_id))
        venue = _loaded(venues, now).first()
        if venue is None:
            raise Http404("No such location here.")
        attach_urls([venue], request)
        return location(request, venue)
