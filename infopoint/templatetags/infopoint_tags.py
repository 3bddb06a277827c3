import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from infopoint.translation import in_language
from infopoint.venues import venue_address, venue_links

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A schema.org data block; escaped so the data can never close the script element."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def venue_card(context, venue):
    """A chosen venue as it is now, in the page's language where translated (else in Dutch)."""
    if venue is None:
        return None
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is not None:
        venue = in_language([venue], locale_id)[0]
    url = venue_links([venue], context.get("request")).get(venue.pk)
    return {
        "name": venue.name,
        "url": url,
        "address": venue_address(venue),
        "lang": venue.locale.language_code if locale_id and venue.locale_id != locale_id else "",
    }
