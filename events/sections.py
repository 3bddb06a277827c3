"""What the agenda shows on other pages: a home page's "this week" and what is on at a venue
(registered in events/wagtail_hooks.py)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from infopoint.registry import HomeSection
from infopoint.scope import neighbourhood_for_site

from .links import agenda_url_for, feed_urls
from .models import EventIndexPage
from .queries import upcoming_occurrences


def this_week(home, request, section):
    neighbourhood = None
    if not section["city_wide"]:
        neighbourhood = neighbourhood_for_site(Site.find_for_request(request))
    occurrences = upcoming_occurrences(
        neighbourhood=getattr(neighbourhood, "pk", None),
        days=7,
        limit=section["count"],
        locale=translation.get_language(),
        request=request,
    )
    if neighbourhood is not None:
        all_url = agenda_url_for(neighbourhood.pk, request=request)
    else:
        agenda = EventIndexPage.objects.live().child_of(home).first()
        all_url = agenda.get_url(request) if agenda else None
    return {"occurrences": occurrences, "all_url": all_url}


THIS_WEEK = HomeSection(
    "this_week", "events/home/this_week.html", this_week, heading=_("This week"), order=10
)


def at_venue(venue, request, limit=5):
    """A venue page's "coming up here", with the venue's own agenda feed to subscribe to."""
    feed_url, webcal_url = feed_urls(request, neighbourhood=venue.neighbourhood, venue=venue)
    return {
        "template": "events/components/venue_agenda.html",
        "occurrences": upcoming_occurrences(
            venue=venue, limit=limit, locale=translation.get_language(), request=request
        ),
        "feed_url": feed_url,
        "webcal_url": webcal_url,
    }
