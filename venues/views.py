"""The finder and a venue's page, served by VenueIndexPage's routes."""

import logging
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from wagtail.models import Site

from infopoint import scope
from infopoint.reports import report_view

from .detail import detail_context
from .filters import FinderFilterSet
from .links import attach_urls, finder_urls
from .models.parts import OpeningException
from .models.reports import VenueReport
from .models.vocabulary import AccessibilityFeature, Facility
from .opening import is_open_at
from .queries import localized_terms, venues_in_locale, vocabularies, with_listing_data

logger = logging.getLogger(__name__)

PER_PAGE = 20
MAP_LIMIT = 500


def _site(request, page):
    return Site.find_for_request(request) or page.get_site()


def finder(request, page, now=None):
    """The finder: filters, the result count, one page of venue cards and the map's points.

    A fixed number of queries for any number of venues: one light query lists every match
    (count, map, this page's ids); only this page's venues are loaded in full.
    """
    now = now or timezone.now()
    site = _site(request, page)
    neighbourhoods = scope.neighbourhoods()
    neighbourhood = scope.neighbourhood_for_site(site)
    facilities, accessibility = vocabularies()
    base = venues_in_locale()
    if neighbourhood is not None:
        base = base.filter(neighbourhood=neighbourhood)
    filterset = FinderFilterSet(
        request.GET,
        base,
        facilities=facilities,
        accessibility=accessibility,
        neighbourhoods=None if neighbourhood else neighbourhoods,
        at=now,
    )
    matches = list(
        filterset.qs.order_by("name", "pk").values_list(
            "pk", "name", "slug", "latitude", "longitude", "neighbourhood_id"
        )
    )

    paginator = Paginator(matches, PER_PAGE)
    page_of_venues = paginator.get_page(request.GET.get("page"))
    if neighbourhood is not None:
        urls = {neighbourhood.pk: page.get_url(request)}
    else:
        urls = finder_urls(request)
    ids = [row[0] for row in page_of_venues]
    loaded = {venue.pk: venue for venue in with_listing_data(base.filter(pk__in=ids), at=now)}
    venues = attach_urls([loaded[pk] for pk in ids if pk in loaded], urls=urls)
    for venue in venues:
        venue.open_now = is_open_at(venue, now)

    # The map shows every match (not just this page) as plain data the map script reads.
    map_points = [
        {
            "name": name,
            "url": f"{urls[neighbourhood_id]}{slug}/" if neighbourhood_id in urls else "",
            "lat": float(latitude),
            "lon": float(longitude),
        }
        for _pk, name, slug, latitude, longitude, neighbourhood_id in matches[:MAP_LIMIT]
        if latitude is not None and longitude is not None
    ]
    centre = neighbourhood or (neighbourhoods[0] if neighbourhoods else None)
    context = page.get_context(request)
    context.update(
        {
            "form": filterset.form,
            "contributed_fields": [filterset.form[box.name] for box in filterset.contributed],
            "filters": filterset.applied,
            "venues": venues,
            "page_of_venues": page_of_venues,
            "paginator": paginator,
            "is_portal": neighbourhood is None,
            "map_data": {
                "points": map_points,
                "centre": [float(centre.latitude), float(centre.longitude)] if centre else None,
            },
            "language_code": translation.get_language(),
        }
    )
    return TemplateResponse(request, "venues/venue_index_page.html", context)


def _venue_for(request, page, slug, now):
    """The venue with this slug in the current language, else its Dutch original."""
    site = _site(request, page)
    neighbourhood = scope.neighbourhood_for_site(site)
    week_start = timezone.localdate(now) - timedelta(days=timezone.localdate(now).weekday())
    queryset = (
        venues_in_locale()
        .select_related("locale", "neighbourhood", "image")
        .prefetch_related(
            Prefetch("facilities", queryset=localized_terms(Facility)),
            Prefetch("accessibility_features", queryset=localized_terms(AccessibilityFeature)),
            "rooms",
            "opening_hours",
            Prefetch(
                "opening_exceptions",
                queryset=OpeningException.objects.filter(
                    date__gte=week_start - timedelta(days=1)
                ).order_by("date", "opens"),
            ),
        )
    )
    if neighbourhood is not None:
        queryset = queryset.filter(neighbourhood=neighbourhood)
    # A translation may carry its own slug; the Dutch slug works in every language.
    venue = queryset.filter(slug=slug).first()
    if venue is None:
        raise Http404
    return venue, neighbourhood


def venue_detail(request, page, slug, now=None):
    now = now or timezone.now()
    venue, neighbourhood = _venue_for(request, page, slug, now)
    if neighbourhood is None:
        # On the portal a venue's page is its neighbourhood's one.
        url = venue.get_url(request)
        if url and not url.startswith(page.get_url(request)):
            return redirect(url)
    context = detail_context(request, venue, page, now)
    return TemplateResponse(request, "venues/venue_detail.html", context)


def report_outdated(request, page, slug):
    venue, _neighbourhood = _venue_for(request, page, slug, timezone.now())
    return report_view(
        request,
        page,
        subject_name=venue.name,
        subject_url=f"{page.get_url(request)}{venue.slug}/",
        neighbourhood=venue.neighbourhood,
        store=lambda **fields: VenueReport.objects.create(venue=venue, **fields),
    )
