"""Writing an event's concrete dates (Occurrence rows) so that listings never expand rules."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from infopoint.cache import invalidate_on_commit

from .models.occurrence import Occurrence
from .recurrence import expand


def horizon():
    """How far ahead recurring events are written (18 months unless configured otherwise)."""
    return timezone.now() + timedelta(days=settings.EVENTS_HORIZON_DAYS)


def window_start():
    """How far back a series' dates are written (a year unless configured otherwise).

    The stored window is window_start() … horizon(); the safety cap on the number of dates
    counts inside it, so a series that began years ago still has its dates to come.
    """
    return timezone.now() - timedelta(days=settings.EVENTS_PAST_DAYS)


@transaction.atomic
def write_occurrences(event, until=None):
    """Replace the event's occurrences with what its schedule says now.

    Only live events have occurrences: a draft, an unpublished or a brand-new unpublished event has
    none, so nothing unapproved reaches the agenda or the feeds.
    """
    invalidate_on_commit()  # the agenda's pages show these dates
    Occurrence.objects.filter(event=event).delete()
    if not event.live:
        return []
    rows = occurrence_rows(event, expand(event.schedule(), until or horizon(), window_start()))
    return Occurrence.objects.bulk_create(rows, batch_size=500)


def occurrence_rows(event, instances):
    """Unsaved Occurrence objects for expanded instances (also what a preview shows)."""
    return [
        Occurrence(
            event=event,
            start=instance.start,
            end=instance.end,
            original_start=instance.original_start,
            cancelled=instance.cancelled,
            moved=instance.moved,
            note=instance.note[:255],
            all_day=instance.all_day,
        )
        for instance in instances
    ]
