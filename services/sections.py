"""What the help directory shows on other pages: a venue page's "Spreekuren hier" (registered
in services/wagtail_hooks.py)."""

from django.utils import timezone

from infopoint.cache import cached

from .links import attach_urls
from .models.service import WalkInHours
from .queries import live_services, with_listing_data
from .walkin import next_walk_ins


def venues_with_walk_in_hours():
    """The translation keys of the venues where a published service holds walk-in hours,
    remembered until a service, an organisation or a venue changes (infopoint.cache): a venue
    page with none costs no query for them."""
    return cached(
        "services:walk-in-venues",
        lambda: set(
            WalkInHours.objects.filter(service__live=True, venue__live=True)
            .values_list("venue__translation_key", flat=True)
            .distinct()
        ),
    )


def at_venue(venue, request, now=None):
    """The published services that hold walk-in hours at `venue` (in any of its languages:
    walk-in hours point at the Dutch venue), each with its hours there and its next walk-in
    there. A fixed number of queries however many services."""
    key = venue.translation_key
    if key not in venues_with_walk_in_hours():
        return None
    now = now or timezone.now()
    held_here = live_services().filter(walk_in_hours__venue__translation_key=key)
    services = list(with_listing_data(held_here.distinct(), at=now).order_by("name"))
    if not services:
        return None
    attach_urls(services, request)
    rows = []
    for service in services:
        here = [
            walk_in
            for walk_in in next_walk_ins(service, now)
            if walk_in.venue.translation_key == key
        ]
        rows.append(
            {
                "service": service,
                "hours": [
                    h
                    for h in service.walk_in_hours.all()
                    if h.venue_id and h.venue.translation_key == key
                ],
                "next": here[0] if here else None,
            }
        )
    return {"template": "services/components/venue_walk_in.html", "rows": rows}
