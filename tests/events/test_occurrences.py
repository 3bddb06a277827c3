"""Occurrences follow the published state of an event, and only that."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from events.models import Event, EventException, Occurrence
from tests.events.conftest import local

# Clock: occurrences are stored up to a horizon counted from now.
pytestmark = pytest.mark.clock


def dates_of(event):
    return [
        o.start.astimezone(local(2026, 1, 1).tzinfo).date()
        for o in Occurrence.objects.filter(event=event)
    ]


@pytest.fixture
def weekly(make_event):
    return make_event(
        "Taalcafé",
        repeat="weekly",
        weekdays="WE",
        start=local(2026, 12, 2, 19, 30),
        end=local(2026, 12, 2, 21, 0),
        ends="count",
        repeat_count=4,
    )


def test_publishing_writes_the_dates(weekly):
    assert dates_of(weekly) == [
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
        date(2026, 12, 23),
    ]


def test_a_draft_has_no_occurrences(make_event):
    draft = make_event("Concept", publish=False)
    draft.save_revision()
    assert not Occurrence.objects.filter(event=draft).exists()


def test_draft_changes_to_a_live_event_do_not_reach_the_agenda(weekly):
    weekly.repeat_count = 2
    weekly.save_revision()  # saved as draft, not published
    assert len(dates_of(weekly)) == 4

    Event.objects.get(pk=weekly.pk).get_latest_revision().publish()
    assert len(dates_of(weekly)) == 2


def test_editing_exceptions_rewrites_the_dates(weekly):
    weekly.exceptions.add(EventException(date=date(2026, 12, 9), action="cancel"))
    weekly.exceptions.add(
        EventException(date=date(2026, 12, 16), action="move", new_start=local(2026, 12, 17, 20))
    )
    weekly.save_revision().publish()

    rows = list(Occurrence.objects.filter(event=weekly))
    assert [r.cancelled for r in rows] == [False, True, False, False]
    assert rows[2].moved and rows[2].start == local(2026, 12, 17, 20)
    assert rows[2].original_start == local(2026, 12, 16, 19, 30)


def test_unpublish_and_delete_remove_the_dates(weekly, make_event):
    weekly.unpublish()
    assert not Occurrence.objects.filter(event=weekly).exists()

    other = make_event("Markt")
    assert Occurrence.objects.filter(event=other).count() == 1
    other.delete()
    assert not Occurrence.objects.exists()


def test_open_ended_series_is_written_for_18_months_and_extended_daily(make_event, settings):
    today = timezone.localdate()
    start = local(today.year, today.month, today.day, 10)
    event = make_event("Koffie", repeat="weekly", start=start, end=start + timedelta(hours=1))
    last = Occurrence.objects.filter(event=event).last().start
    assert timedelta(days=540) < last - timezone.now() <= timedelta(days=548)

    settings.EVENTS_HORIZON_DAYS = 600
    out = io.StringIO()
    call_command("extend_occurrences", stdout=out)
    assert "Extended 1 recurring events" in out.getvalue()
    last = Occurrence.objects.filter(event=event).last().start
    assert last - timezone.now() > timedelta(days=590)


def test_validation_says_what_to_fix(lunetten):
    event = Event(
        title="Fout",
        neighbourhood=lunetten,
        start=local(2026, 12, 2, 20),
        end=local(2026, 12, 2, 19),
        repeat="custom",
        rrule="FREQ=SECONDLY",
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict

    event.end = local(2026, 12, 2, 21)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "rrule" in error.value.message_dict


def test_slugs_are_made_from_titles_and_kept_unique(make_event):
    first = make_event("Samen eten")
    second = make_event("Samen eten")
    assert (first.slug, second.slug) == ("samen-eten", "samen-eten-2")
