"""The agenda on other pages: a venue's coming activities, the home page's "this week" and a
guide's events with a tag. Other apps load these tags instead of importing the events app."""

from django import template
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Site

from events.models import EventIndexPage
from events.queries import agenda_url_for, feed_urls, upcoming_occurrences

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
    """The next dates in a neighbourhood (everywhere on the portal), optionally with a tag.

    `neighbourhood` may be the context's lazy neighbourhood (None on the portal); a tag is
    matched by its slug (taggit keeps accents), so editors may type it as they see it ("Taalcafé").
    """
    return upcoming_occurrences(
        neighbourhood=getattr(neighbourhood, "pk", None),
        days=days,
        limit=limit,
        tag=slugify(tag, allow_unicode=True) if tag else None,
        locale=translation.get_language(),
        request=context.get("request"),
    )


@register.simple_tag(takes_context=True)
def agenda_url(context, neighbourhood=None):
    """The agenda of this neighbourhood, or of the portal, in the current language."""
    request = context.get("request")
    neighbourhood_id = getattr(neighbourhood, "pk", None)
    if neighbourhood_id is not None:
        return agenda_url_for(neighbourhood_id, request=request)
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    agenda = EventIndexPage.objects.live().child_of(site.root_page.localized).first()
    return agenda.get_url(request) if agenda else None
