from django import template

from infopoint.translation import in_language

from ..sections import card

register = template.Library()


@register.simple_tag(takes_context=True)
def venue_card(context, venue):
    """A chosen venue as it is now (its published version), in the page's language where
    translated (else in Dutch); nothing for a venue not published yet."""
    if venue is None or not venue.live:
        return None
    locale_id = getattr(context.get("page"), "locale_id", None)
    if locale_id is not None:
        venue = in_language([venue], locale_id)[0]
    return card(venue, locale_id or venue.locale_id, context.get("request"))
