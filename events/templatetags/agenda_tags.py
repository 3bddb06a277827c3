"""The agenda inside other templates: a guide's "events with this tag" block
(events/templates/events/blocks/events_with_tag.html)."""

from django import template
from django.utils import translation
from django.utils.text import slugify

from events.queries import upcoming_occurrences

register = template.Library()


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
