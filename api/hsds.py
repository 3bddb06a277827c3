"""Venues as Open Referral HSDS 3.0 `location` records, for directories of human services.

Field names and types follow the HSDS 3.0 schema (location, address, phone, accessibility,
schedule); a list is HSDS's paginated `Page` (total_items, total_pages, page_number, size,
first_page, last_page, empty, contents). HSDS identifiers are UUIDs: a location's is the venue's
translation key (the same id as /api/v1/venues/), and its parts' ids are derived from it, so they
stay the same between requests. Absent values are left out rather than sent as null.

The help directory's services and organisations are HSDS `service` (with its
`service_at_locations` and `schedules`) and `organization` records: the records of the
`export_hsds` command (services.hsds), nested as HSDS's API nests them, for the published
services this site's residents can use (as /api/v1/services/).
"""

import uuid

from django.http import Http404, HttpRequest
from django.utils import timezone, translation
from ninja import Field, Query, Router, Schema
from pydantic import ConfigDict

from services import hsds as directory
from venues.links import attach_urls

from . import services as help_directory
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


def hsds_page(params, total, contents):
    """HSDS's `Page` of `contents`, page `params.page` of `total` records."""
    pages = max(1, -(-total // params.per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _slice(params):
    start = (params.page - 1) * params.per_page
    return slice(start, start + params.per_page)


@router.get("/locations/", response=HsdsPage, exclude_none=True, summary="Venues as HSDS locations")
def list_locations(request: HttpRequest, params: Query[HsdsParams]):
    """The meeting places of this site's neighbourhood (on the portal: the city's), by name."""
    now = timezone.now()
    with translation.override(params.lang.value):
        venues = _base(site_neighbourhood(request))
        total = venues.count()
        rows = list(_loaded(venues, now).order_by("name", "pk")[_slice(params)])
        attach_urls(rows, request)
        return hsds_page(params, total, [location(request, venue) for venue in rows])


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


# -- the help directory -----------------------------------------------------------------------


class HsdsRecord(Schema):
    # services.hsds may add HSDS fields to its records; they are passed on as they are.
    model_config = ConfigDict(extra="allow")


class HsdsLanguage(HsdsRecord):
    id: str
    service_id: str | None = None
    name: str | None = Field(None, description="The language's name in English.")
    code: str = Field(description="ISO 639 code.")


class HsdsOrganization(HsdsRecord):
    id: str
    name: str
    description: str
    email: str | None = None
    website: str | None = None


class HsdsServiceLocation(HsdsRecord):
    id: str = Field(description="The id of the venue's record at /api/v1/hsds/locations/.")
    location_type: str
    name: str
    description: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class HsdsServiceSchedule(HsdsRecord):
    id: str
    service_id: str
    service_at_location_id: str | None = Field(
        None, description="Absent for hours by phone or online."
    )
    freq: str
    interval: int
    byday: str
    opens_at: str
    closes_at: str
    description: str | None = None
    notes: str | None = None


class HsdsServiceAtLocation(HsdsRecord):
    id: str
    service_id: str
    location_id: str
    location: HsdsServiceLocation
    schedules: list[HsdsServiceSchedule]


class HsdsService(HsdsRecord):
    id: str
    organization_id: str
    name: str
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str
    application_process: str | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    assured_date: str | None = Field(None, description="YYYY-MM-DD.")
    languages: list[HsdsLanguage] = []
    organization: HsdsOrganization
    service_at_locations: list[HsdsServiceAtLocation]
    schedules: list[HsdsServiceSchedule] = Field(
        description="Every weekly period, those at a place also under its service_at_location."
    )


class HsdsServicePage(HsdsPage):
    contents: list[HsdsService]


class HsdsOrganizationPage(HsdsPage):
    contents: list[HsdsOrganization]


def service_record(item):
    """One service as HSDS's API nests it, from the export's records."""
    record = directory.service(item)
    places, schedules = directory.walk_in_records(item)
    record["organization"] = directory.organization(item.organisation)
    record["service_at_locations"] = [
        {
            **at,
            "location": directory.location(venue),
            "schedules": [s for s in schedules if s.get("service_at_location_id") == at["id"]],
        }
        for venue, at in places
    ]
    record["schedules"] = schedules
    return record


@router.get(
    "/services/",
    response=HsdsServicePage,
    exclude_none=True,
    summary="The help directory as HSDS services",
)
def list_services(request: HttpRequest, params: Query[HsdsParams]):
    """The published services residents of this site's neighbourhood can use (on the portal:
    the city's), by name, with their organisation, places and weekly walk-in hours."""
    now = timezone.now()
    with translation.override(params.lang.value):
        services = help_directory.base(site_neighbourhood(request))
        total = services.count()
        rows = list(help_directory.loaded(services, now).order_by("name", "pk")[_slice(params)])
        return hsds_page(params, total, [service_record(item) for item in rows])


@router.get(
    "/services/{service_id}/",
    response=HsdsService,
    exclude_none=True,
    summary="One service as an HSDS service",
)
def service_detail(request: HttpRequest, service_id: str, params: Query[DetailParams]):
    now = timezone.now()
    with translation.override(params.lang.value):
        return service_record(help_directory.find_service(request, item_key(service_id), now))


def _organizations(request):
    return help_directory.organisations_of(help_directory.base(site_neighbourhood(request)))


@router.get(
    "/organizations/",
    response=HsdsOrganizationPage,
    exclude_none=True,
    summary="The organisations offering help, as HSDS organizations",
)
def list_organizations(request: HttpRequest, params: Query[HsdsParams]):
    """The organisations with a published service residents of this site's neighbourhood can
    use (on the portal: the city's), by name."""
    with translation.override(params.lang.value):
        organisations = _organizations(request)
        total = organisations.count()
        rows = list(organisations.order_by("name", "pk")[_slice(params)])
        return hsds_page(params, total, [directory.organization(org) for org in rows])


@router.get(
    "/organizations/{organization_id}/",
    response=HsdsOrganization,
    exclude_none=True,
    summary="One organisation as an HSDS organization",
)
def organization_detail(request: HttpRequest, organization_id: str, params: Query[DetailParams]):
    with translation.override(params.lang.value):
        organisation = (
            _organizations(request).filter(translation_key=item_key(organization_id)).first()
        )
        if organisation is None:
            raise Http404("No such organization here.")
        return directory.organization(organisation)
