"""What a service's page shows, for residents (the help finder's route) and for editors (the
admin preview): the same context either way."""

from django.utils import timezone, translation

from infopoint.translation import in_language
from venues.links import attach_urls as attach_venue_urls

from . import jsonld
from .walkin import coming_changes, next_walk_ins, places


def localized_venues(service, locale_id, request):
    """{venue id: the venue in the page's language where translated, linked}: the meeting
    places of the service's walk-in hours (one query for them all)."""
    venues = {row.venue_id: row.venue for row in service.walk_in_hours.all() if row.venue_id}
    if not venues:
        return {}
    shown = attach_venue_urls(in_language(list(venues.values()), locale_id), request)
    by_key = {venue.translation_key: venue for venue in shown}
    return {pk: by_key.get(venue.translation_key, venue) for pk, venue in venues.items()}


def detail_context(request, service, page, now=None, preview=False):
    now = now or timezone.now()
    context = page.get_context(request) if page is not None else {"page": None}
    finder_url = page.get_url(request) if page is not None else ""
    url = (
        request.build_absolute_uri(f"{finder_url}{service.slug}/")
        if finder_url and request is not None
        else None
    )
    locale_id = page.locale_id if page is not None else service.locale_id
    venues = localized_venues(service, locale_id, request)
    walk_ins = next_walk_ins(service, now, with_phone=True)
    for walk_in in walk_ins:
        if walk_in.venue is not None:
            walk_in.venue = venues.get(walk_in.venue.pk, walk_in.venue)
    schedule = [
        {"venue": venues.get(venue_id) if venue_id else None, "hours": hours}
        for venue_id, hours in places(service).items()
    ]
    also = [n.name for n in service.areas_served.all()]
    venue_urls = {pk: v.get_url(request) for pk, v in venues.items()}
    if request is not None:
        venue_urls = {pk: request.build_absolute_uri(u) for pk, u in venue_urls.items() if u}
    context.update(
        {
            "service": service,
            "walk_ins": walk_ins,
            "next_walk_in": next((w for w in walk_ins if w.venue is not None), None),
            "walk_in_now": any(w.is_now(now) and w.venue is not None for w in walk_ins),
            "schedule": schedule,
            "coming_changes": [
                (day, venues.get(venue.pk, venue) if venue else None)
                for day, venue in coming_changes(service, now)
            ],
            "also_serves": also,
            "json_ld": jsonld.service_page(service, url, also, venue_urls=venue_urls),
            "language_code": translation.get_language(),
            "finder_url": finder_url,
            "preview": preview,
            "map_data": {
                "points": [
                    {
                        "name": venue.name,
                        "url": venue.get_url(request) or "",
                        "lat": float(venue.latitude),
                        "lon": float(venue.longitude),
                    }
                    for venue in venues.values()
                    if venue.has_location
                ],
                "centre": None,
            },
        }
    )
    if context["map_data"]["points"]:
        first = context["map_data"]["points"][0]
        context["map_data"]["centre"] = [first["lat"], first["lon"]]
    return context
