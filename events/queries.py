"""Read-side helpers other apps use: upcoming dates of events.

Every function here runs a fixed number of queries however many occurrences it returns.
"""

from datetime import timedelta

from django.utils import timezone

from infopoint.translation import in_language_or_dutch

from .links import annotate
from .models.event import Event
from .models.occurrence import Occurrence


def occurrence_queryset(locale=None):
    """Occurrences of live events in `locale`, falling back to the Dutch event where an event
    has no live translation in that language (residents then see the Dutch text)."""
    queryset = in_language_or_dutch(
        Occurrence.objects.filter(event__live=True),
        locale,
        via="event__",
        translations=Event.objects.filter(live=True),
    )
    return queryset.select_related("event", "event__venue", "event__neighbourhood", "event__locale")


def upcoming_occurrences(
    *,
    neighbourhood=None,
    venue=None,
    tag=None,
    start=None,
    days=None,
    limit=None,
    locale=None,
    request=None,
):
    """Upcoming dates (including ones still going on) for listings on other pages.

    Returns a list of Occurrence objects with `event`, its venue and neighbourhood loaded and
    `url`, `local_start`, `local_end` and `lang` set; five queries at most, whatever the count.
    """
    start = start or timezone.now()
    queryset = occurrence_queryset(locale).filter(end__gt=start)
    if days is not None:
        queryset = queryset.filter(start__lt=start + timedelta(days=days))
    if neighbourhood is not None:
        queryset = queryset.filter(event__neighbourhood=neighbourhood)
    if venue is not None:
        # The venue of the event in any language: venues are translatable too.
        queryset = queryset.filter(event__venue__translation_key=venue.translation_key)
    if tag is not None:
        queryset = queryset.filter(event__tags__slug=getattr(tag, "slug", tag)).distinct()
    queryset = queryset.order_by("start", "pk")
    if limit is not None:
        queryset = queryset[:limit]
    return annotate(list(queryset), request)
