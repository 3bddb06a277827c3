"""What venues show on other pages: the home page's featured meeting places and the guide
block that shows one venue, each as it is now and in the page's language where translated."""

from django.utils.translation import gettext_lazy as _

from infopoint.registry import HomeSection
from infopoint.translation import in_language

from .links import attach_urls


def card(venue, locale_id, request):
    """A venue as a small card: name, link, address, and its language if not the page's."""
    return {
        "name": venue.name,
        "url": venue.get_url(request),
        "address": venue.short_address,
        "lang": venue.locale.language_code if venue.locale_id != locale_id else "",
    }


def featured_venues(home, request, section):
    chosen = [
        featured.venue
        for featured in home.featured_venues.filter(venue__live=True).select_related(
            "venue__neighbourhood__site__root_page", "venue__locale"
        )
    ]
    venues = attach_urls(in_language(chosen, home.locale_id), request)
    return {"items": [card(venue, home.locale_id, request) for venue in venues]}


FEATURED_VENUES = HomeSection(
    "featured_venues",
    "venues/home/featured_venues.html",
    featured_venues,
    heading=_("Meeting places"),
    order=30,
)
