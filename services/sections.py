"""What the help directory shows on other pages: a venue page's "Spreekuren hier" (registered
in services/wagtail_hooks.py)."""

from django.utils import timezone

from .links import attach_urls
from .queries import live_services, with_listing_data
from .walkin import next_walk_ins


def at_venue(venue, request, now=None):
    """The published services that hold walk-in hours at `venue` (in any of its languages:
    walk-in hours point at the Dutch venue), each with its hours there and its next walk-in
    there. A fixed number of queries however many services."""
    now = now or timezone.now()
    key = venue.translation_key
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
