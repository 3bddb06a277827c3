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
    rows = occurrence_rows(event, expand(event.schedule(), until or horizon()))
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
        )
        for instance in instances
    ]
