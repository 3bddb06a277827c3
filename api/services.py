"""The help directory: the help finder's services and filters as JSON, and the organisations that
offer them.

The services are the finder's (services.queries: published, in the language asked for with the
Dutch fallback, those the site's residents can use), filtered by the finder's own filter set
(services.filters); walk-in moments and places come from services.walkin, so a place still in
draft never shows. An organisation is listed only through a published service it offers.
"""

import enum
from datetime import date, datetime

from django import forms
from django.http import Http404, HttpRequest, QueryDict
from django.utils import timezone, translation
from django.utils.html import strip_tags
from ninja import Field, Query, Router, Schema
from wagtail.rich_text import expand_db_html

from events.recurrence import TZ
from infopoint import scope
from infopoint.translation import in_language_or_dutch
from services.filters import WHEN_CHOICES, HelpFinderFilterSet
from services.links import attach_urls
from services.models import Organisation
from services.queries import for_neighbourhood, live_services, with_listing_data
from services.vocabulary import Channel, Cost, OrganisationKind, SpokenLanguage, Topic
from services.walkin import next_walk_in, walk_in_now
from venues.links import attach_urls as attach_venue_urls

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
from .events import EventVenue, _venue
from .venues import WEEKDAYS

router = Router(tags=["services"])
organisations_router = Router(tags=["services"])

ORDER = pagination.Order(("name", "str"), ("pk", "int"))


def _codes(name, choices):
    # Named for the schema's components, apart from the agenda's `When` and the guides' `Topic`.
    return enum.Enum(name, {code: code for code, _label in choices}, type=str)


WalkIn = _codes("WalkIn", WHEN_CHOICES)
ServiceTopic = _codes("ServiceTopic", Topic.choices)
SpokenLanguageCode = _codes("SpokenLanguage", SpokenLanguage.choices)
HelpChannel = _codes("HelpChannel", Channel.choices)
OrganisationKindCode = _codes("OrganisationKind", OrganisationKind.choices)


class ServiceParams(ListParams):
    q: str | None = Field(
        None, max_length=200, description="Words in the name, summary or organisation's name."
    )
    topic: ServiceTopic | None = Field(None, description="What residents need help with.")
    when: WalkIn | None = Field(
        None, description="`now`: residents can walk in right now; `today`: still today."
    )
    free: bool = Field(False, description="Only help that costs nothing.")
    language: SpokenLanguageCode | None = Field(None, description="A language spoken there.")
    channel: HelpChannel | None = Field(None, description="A way of getting the help.")
    neighbourhood: str | None = Field(
        None,
        max_length=100,
        description="On the city portal: the help residents of this neighbourhood (a slug) can "
        "use, the city-wide help included.",
    )


class OrganisationParams(ServiceParams):
    kind: OrganisationKindCode | None = Field(None, description="The kind of organisation.")


class OrganisationRef(Schema):
    id: str
    slug: str
    name: str
    kind: str
    website: str


class WalkInHoursOut(Schema):
    weekday: int = Field(description="0 is Monday, 6 Sunday.")
    day: str = Field(description="The weekday as in iCalendar: MO … SU.")
    opens: str = Field(description="Local time (Europe/Amsterdam), HH:MM.")
    closes: str = Field(description="HH:MM; at or before `opens` means past midnight.")
    place: EventVenue | None = Field(description="Where to walk in; null: by phone or online.")


class WalkInOut(Schema):
    start: datetime
    end: datetime
    place: EventVenue


class ServiceLinks(Schema):
    page: str | None = Field(description="The service's page in its neighbourhood's help finder.")
    hsds: str = Field(description="This service as an Open Referral HSDS 3.0 service.")


class ServiceOut(Schema):
    id: str = Field(description="Stable across languages and renames.")
    slug: str
    language: str = Field(description="The language of the texts (Dutch where not translated).")
    name: str
    summary: str
    description: str = Field(description="HTML.")
    organisation: OrganisationRef
    neighbourhood: NeighbourhoodRef
    serves_whole_city: bool
    areas_served: list[NeighbourhoodRef] = Field(
        description="Neighbourhoods it also serves besides its own."
    )
    topics: list[Term]
    audience: str = Field(description="Who it is for (empty: everyone).")
    cost: str = Field(description="free, fee or on-request.")
    cost_details: str
    is_free: bool
    languages: list[Term] = Field(description="Languages spoken (ISO 639 codes).")
    channels: list[Term] = Field(description="Ways of getting the help.")
    how_to_get_it: str
    phone: str
    email: str
    website: str
    walk_in_hours: list[WalkInHoursOut]
    closed_on_public_holidays: bool
    walk_in_now: bool
    next_walk_in: WalkInOut | None = Field(
        description="The next (or current) walk-in period at a meeting place, within two weeks."
    )
    last_checked: date | None = Field(description="The day it was last checked.")
    links: ServiceLinks


class ServiceList(Schema):
    count: int
    next: str | None = Field(description="The next page, or null on the last one.")
    results: list[ServiceOut]


class OrganisationLinks(Schema):
    hsds: str = Field(description="This organisation as an Open Referral HSDS 3.0 organization.")


class OrganisationOut(Schema):
    id: str = Field(description="Stable across languages and renames.")
    slug: str
    language: str = Field(description="The language of the texts (Dutch where not translated).")
    name: str
    kind: str
    neighbourhood: NeighbourhoodRef
    description: str
    phone: str
    email: str
    website: str
    links: OrganisationLinks


class OrganisationList(Schema):
    count: int
    next: str | None = Field(description="The next page, or null on the last one.")
    results: list[OrganisationOut]


class _NeighbourhoodForm(forms.Form):
    neighbourhood = forms.ChoiceField(required=False)


def filter_data(params):
    """The help finder's form data from validated parameters."""
    data = QueryDict(mutable=True)
    if params.q:
        data["q"] = params.q
    for name in ("topic", "when", "language", "channel"):
        if getattr(params, name):
            data[name] = getattr(params, name).value
    if params.free:
        data["free"] = "true"
    return data


def neighbourhood_for(request, params):
    """The neighbourhood whose residents' help is asked for: the site's own, else (on the
    portal) the `neighbourhood` parameter's, else None (the whole city). An unknown slug is a
    400 problem, as for the venues."""
    neighbourhood = site_neighbourhood(request)
    if neighbourhood is not None or not params.neighbourhood:
        return neighbourhood
    known = {n.slug: n for n in scope.neighbourhoods()}
    form = _NeighbourhoodForm({"neighbourhood": params.neighbourhood})
    form.fields["neighbourhood"].choices = [(slug, slug) for slug in known]
    if not form.is_valid():
        raise BadParameters(form)
    return known[params.neighbourhood]


def base(neighbourhood):
    """The published services residents of `neighbourhood` can use, in the active language."""
    return for_neighbourhood(live_services(), neighbourhood)


def matching(request, params, now):
    """The services the help finder would list for these parameters."""
    filterset = HelpFinderFilterSet(
        filter_data(params), base(neighbourhood_for(request, params)), at=now
    )
    if not filterset.is_valid():
        raise BadParameters(filterset.form)
    return filterset.qs


def loaded(queryset, now):
    return with_listing_data(queryset, at=now).prefetch_related("areas_served")


def _terms(codes, vocabulary):
    labels = dict(vocabulary.choices)
    return [{"slug": code, "name": str(labels[code])} for code in codes if code in labels]


def _hours(request, row):
    return {
        "weekday": row.weekday,
        "day": WEEKDAYS[row.weekday],
        "opens": row.opens.strftime("%H:%M"),
        "closes": row.closes.strftime("%H:%M"),
        "place": _venue(request, row.venue) if row.venue_id else None,
    }


def serialise(request, service, now, refs):
    organisation = service.organisation
    walk_in = next_walk_in(service, now)
    return {
        "id": str(service.translation_key),
        "slug": service.slug,
        "language": service.locale.language_code,
        "name": service.name,
        "summary": service.summary or strip_tags(service.description or "")[:200],
        "description": expand_db_html(service.description or ""),
        "organisation": {
            "id": str(organisation.translation_key),
            "slug": organisation.slug,
            "name": organisation.name,
            "kind": organisation.kind,
            "website": organisation.website,
        },
        "neighbourhood": refs[service.neighbourhood_id],
        "serves_whole_city": service.serves_whole_city,
        "areas_served": [
            refs[area.pk]
            for area in sorted(service.areas_served.all(), key=lambda n: n.name)
            if area.pk in refs
        ],
        "topics": _terms(service.topics, Topic),
        "audience": service.audience,
        "cost": service.cost,
        "cost_details": service.cost_details,
        "is_free": service.cost == Cost.FREE,
        "languages": _terms(service.languages, SpokenLanguage),
        "channels": _terms(service.channels, Channel),
        "how_to_get_it": service.how_to_get_it,
        "phone": service.phone,
        "email": service.email,
        "website": service.website,
        "walk_in_hours": [_hours(request, row) for row in service.walk_in_hours.all()],
        "closed_on_public_holidays": service.closed_on_public_holidays,
        "walk_in_now": walk_in_now(service, now),
        "next_walk_in": (
            {
                "start": walk_in.start.astimezone(TZ),
                "end": walk_in.end.astimezone(TZ),
                "place": _venue(request, walk_in.venue),
            }
            if walk_in is not None
            else None
        ),
        "last_checked": service.last_checked,
        "links": {
            "page": absolute(request, service.get_url(request)),
            "hsds": request.build_absolute_uri(f"/api/v1/hsds/services/{service.translation_key}/"),
        },
    }


def serialise_all(request, services, now):
    attach_urls(services, request)
    places = [row.venue for s in services for row in s.walk_in_hours.all() if row.venue_id]
    attach_venue_urls(places, request)
    refs = neighbourhood_refs()
    return [serialise(request, service, now, refs) for service in services]


@router.get("/", response=ServiceList, summary="Help in the neighbourhood")
def list_services(request: HttpRequest, params: Query[ServiceParams]):
    """The help residents of this site's neighbourhood can get (on the city portal: all of the
    city's, or one neighbourhood's), with the help finder's filters, by name."""
    now = timezone.now()
    with translation.override(params.lang.value):
        matches = matching(request, params, now)
        return pagination.listing(
            request,
            loaded(matches, now),
            ORDER,
            params,
            lambda rows: serialise_all(request, rows, now),
            counted=matches,
        )


def find_service(request, service_id, now):
    service = loaded(
        base(site_neighbourhood(request)).filter(translation_key=service_id), now
    ).first()
    if service is None:
        raise Http404("No such service here.")
    return service


@router.get("/{service_id}/", response=ServiceOut, summary="One service")
def service_detail(request: HttpRequest, service_id: str, params: Query[DetailParams]):
    now = timezone.now()
    with translation.override(params.lang.value):
        service = find_service(request, item_key(service_id), now)
        return serialise_all(request, [service], now)[0]


# -- organisations ----------------------------------------------------------------------------


def organisations_of(services, kind=None):
    """The organisations (in the active language, else Dutch) that offer one of `services`."""
    keys = services.order_by().values("organisation__translation_key")
    organisations = in_language_or_dutch(Organisation.objects.all()).filter(
        translation_key__in=keys
    )
    if kind:
        organisations = organisations.filter(kind=kind.value)
    return organisations.select_related("locale")


def serialise_organisation(request, organisation, refs):
    key = organisation.translation_key
    return {
        "id": str(key),
        "slug": organisation.slug,
        "language": organisation.locale.language_code,
        "name": organisation.name,
        "kind": organisation.kind,
        "neighbourhood": refs[organisation.neighbourhood_id],
        "description": organisation.description,
        "phone": organisation.phone,
        "email": organisation.email,
        "website": organisation.website,
        "links": {
            "hsds": request.build_absolute_uri(f"/api/v1/hsds/organizations/{key}/"),
        },
    }


@organisations_router.get("/", response=OrganisationList, summary="Who offers help")
def list_organisations(request: HttpRequest, params: Query[OrganisationParams]):
    """The organisations offering help residents of this site's neighbourhood can get (on the
    portal: the city's), by name. The help finder's filters choose among their services: an
    organisation is listed when one of its published services matches."""
    now = timezone.now()
    with translation.override(params.lang.value):
        organisations = organisations_of(matching(request, params, now), params.kind)
        refs = neighbourhood_refs()
        return pagination.listing(
            request,
            organisations,
            ORDER,
            params,
            lambda rows: [serialise_organisation(request, o, refs) for o in rows],
        )


@organisations_router.get(
    "/{organisation_id}/", response=OrganisationOut, summary="One organisation"
)
def organisation_detail(request: HttpRequest, organisation_id: str, params: Query[DetailParams]):
    with translation.override(params.lang.value):
        services = base(site_neighbourhood(request))
        organisation = (
            organisations_of(services).filter(translation_key=item_key(organisation_id)).first()
        )
        if organisation is None:
            raise Http404("No such organisation here.")
        return serialise_organisation(request, organisation, neighbourhood_refs())
