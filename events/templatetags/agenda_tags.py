"""The agenda on other pages: a venue's coming activities, the home page's "this week" and a
guide's events with a tag. Other apps load these tags instead of importing the events app."""

from django import template
from django.utils import translation

from events.queries import feed_urls, upcoming_occurrences

register = template.Library()


@register.inclusion_tag("events/components/venue_agenda.html", takes_context=True)
def venue_agenda(context, venue, limit=5):
    """What is on at this venue next, and how to subscribe to its agenda."""
    request = context.get("request")
    feed_url, webcal_url = feed_urls(request, neighbourhood=venue.neighbourhood, venue=venue)
    return {
        "occurrences": upcoming_occurrences(
            venue=venue, limit=limit, locale=translation.get_language(), request=request
        ),
        "feed_url": feed_url,
        "webcal_url": webcal_url,
    }


@register.simple_tag(takes_context=True)
def coming_up(context, neighbourhood=None, days=None, limit=5, tag=None):
    """The next dates in a neighbourhood (everywhere on the portal), optionally with a tag."""
    return upcoming_occurrences(
        neighbourhood=neighbourhood,
        days=days,
        limit=limit,
        tag=tag or None,
        locale=translation.get_language(),
        request=context.get("request"),
    )
