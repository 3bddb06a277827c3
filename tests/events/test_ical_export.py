"""The agenda as iCalendar: what subscribed calendar apps see must equal our agenda."""

from datetime import UTC, date, datetime, timedelta

import pytest
import recurring_ical_events
from django.utils import timezone
from icalendar import Calendar

from events.models import Occurrence
from events.recurrence import TZ
from tests.events.conftest import local
from tests.utils import get

# Clock: events are dated from today.
pytestmark = pytest.mark.clock


def fetch_calendar(client, neighbourhood, path="/nl/agenda/feed.ics"):
    response = get(client, neighbourhood, path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def soon(days, hour=19, minute=30):
    today = timezone.localdate() + timedelta(days=days)
    return local(today.year, today.month, today.day, hour, minute)


def test_series_goes_out_as_rrule_with_exdate_recurrence_id_and_timezone(
    client, lunetten, make_event
):
    start = soon(1)
    event = make_event(
        "Taalcafé",
        repeat="weekly",
        start=start,
        end=start + timedelta(hours=1),
        exceptions=[
            {"date": (start + timedelta(weeks=1)).date(), "action": "cancel"},
            {
                "date": (start + timedelta(weeks=2)).date(),
                "action": "move",
                "new_start": start + timedelta(weeks=2, days=1),
            },
        ],
    )
    calendar = fetch_calendar(client, lunetten)

    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    components = calendar.walk("VEVENT")
    assert len(components) == 2  # the series and one override, not 78 copies
    master, override = components
    assert master["UID"] == override["UID"] == f"{event.translation_key}@wijkinfo"
    assert str(master["URL"]) == f"http://lunetten.localhost/nl/agenda/{event.slug}/"
    assert master["RRULE"]["FREQ"] == ["WEEKLY"]
    assert master.decoded("DTSTART") == start
    assert master["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert [d.dt for d in master["EXDATE"].dts] == [start + timedelta(weeks=1)]
    assert override.decoded("RECURRENCE-ID") == start + timedelta(weeks=2)
    assert override.decoded("DTSTART") == start + timedelta(weeks=2, days=1)


def test_uids_are_stable_and_cancelled_one_off_says_so(client, lunetten, make_event):
    event = make_event("Kerstbingo", start=soon(3), end=soon(3, 21), status="EventCancelled")
    first = fetch_calendar(client, lunetten).walk("VEVENT")[0]
    event.title = "Kerstbingo (vervalt)"
    event.save_revision().publish()
    second = fetch_calendar(client, lunetten).walk("VEVENT")[0]

    assert first["UID"] == second["UID"]
    assert second["STATUS"] == "CANCELLED"
    assert second["SUMMARY"] == "Kerstbingo (vervalt)"


def test_per_event_and_per_venue_feeds(client, lunetten, make_event, make_venue):
    hall = make_venue("Buurthuis")
    make_event("In het buurthuis", venue=hall, start=soon(2), end=soon(2, 21))
    elsewhere = make_event("In het park", place="Park", start=soon(2), end=soon(2, 21))

    by_venue = fetch_calendar(client, lunetten, f"/nl/agenda/feed.ics?venue={hall.slug}")
    assert [str(c["SUMMARY"]) for c in by_venue.walk("VEVENT")] == ["In het buurthuis"]
    assert "Buurthuis" in str(by_venue.walk("VEVENT")[0]["LOCATION"])

    single = fetch_calendar(client, lunetten, f"/nl/agenda/{elsewhere.slug}/calendar.ics")
    assert [str(c["SUMMARY"]) for c in single.walk("VEVENT")] == ["In het park"]
    assert get(client, lunetten, "/nl/agenda/no-such-event/calendar.ics").status_code == 404


def test_feed_takes_the_same_filters_as_the_page(client, lunetten, make_event):
    make_event("Gratis", start=soon(2), end=soon(2, 21), is_free=True)
    make_event("Betaald", start=soon(2), end=soon(2, 21), is_free=False, price="€ 5")
    calendar = fetch_calendar(client, lunetten, "/nl/agenda/feed.ics?free=on&when=bogus")
    assert [str(c["SUMMARY"]) for c in calendar.walk("VEVENT")] == ["Gratis"]


# A fixed day: the series below are built relative to "today". On many other days a start misses
# its own rule (not the first weekday of its month) or an added date falls on a rule date, and
# those cases are recurrence questions of their own, not what this test compares.
@pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=TZ), tick=False)
def test_exported_feed_expands_to_our_occurrences_with_an_independent_library(
    client, lunetten, make_event
):
    """recurring-ical-events, reading only our feed, finds exactly our occurrence rows."""
    base = soon(0, 10, 0)
    make_event(
        "Wekelijks",
        repeat="weekly",
        weekdays="TU,TH",
        start=base,
        end=base + timedelta(hours=2),
        exceptions=[
            {
                "date": (base + timedelta(days=14)).date()
                + timedelta(days=(1 - base.weekday()) % 7),
                "action": "cancel",
            }
        ],
    )
    make_event(
        "Om de week",
        repeat="weekly",
        interval=2,
        start=soon(1, 19, 30),
        end=soon(1, 21),
        skip_holidays=True,
    )
    make_event(
        "Eerste zaterdag",
        repeat="monthly_weekday",
        week_of_month=1,
        start=soon(2, 9),
        end=soon(2, 13),
        exceptions=[{"date": (soon(2) + timedelta(days=70)).date(), "action": "add"}],
    )
    make_event(
        "Maandelijks",
        repeat="monthly_date",
        start=soon(3, 20),
        end=soon(3, 22),
        ends="count",
        repeat_count=6,
    )
    moved_from = soon(4, 14) + timedelta(weeks=3)
    make_event(
        "Verplaatst",
        repeat="weekly",
        start=soon(4, 14),
        end=soon(4, 16),
        ends="until",
        repeat_until=(soon(4) + timedelta(days=200)).date(),
        exceptions=[
            {
                "date": moved_from.date(),
                "action": "move",
                "new_start": moved_from + timedelta(hours=3),
            },
            {
                "date": (moved_from + timedelta(weeks=1)).date(),
                "action": "note",
                "note": "Kleine zaal",
            },
        ],
    )
    make_event("Festival", all_day=True, start=soon(9, 0, 0), end=soon(10, 0, 0))
    make_event("Jaarmarkt", repeat="yearly", all_day=True, start=soon(5, 0, 0), end=soon(5, 0, 0))
    make_event(
        "Geschorst",
        repeat="weekly",
        start=soon(1, 9),
        end=soon(1, 10),
        suspended_from=(soon(1) + timedelta(days=40)).date(),
    )
    make_event("Eenmalig", start=soon(6, 15), end=soon(6, 17))

    window_start = datetime.combine(timezone.localdate(), datetime.min.time(), tzinfo=TZ)
    window_end = window_start + timedelta(days=365)
    calendar = fetch_calendar(client, lunetten)
    theirs = sorted(
        (str(c["SUMMARY"]), _as_utc(c.decoded("DTSTART")))
        for c in recurring_ical_events.of(calendar).between(window_start, window_end)
    )
    ours = sorted(
        (o.event.title, o.start)
        for o in Occurrence.objects.filter(
            cancelled=False, start__gte=window_start, start__lt=window_end
        ).select_related("event")
    )
    assert len(ours) > 150
    assert Occurrence.objects.filter(cancelled=True).exists()
    assert Occurrence.objects.filter(moved=True).exists()
    assert theirs == ours


def _as_utc(value):
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time(), tzinfo=TZ)
    return value.astimezone(UTC)


@pytest.mark.time_machine(datetime(2026, 11, 20, 12, 0, tzinfo=TZ), tick=False)
def test_imported_series_from_other_zones_export_to_our_occurrences(client, lunetten):
    """Issue 16: our feed of events imported from New York, from UTC exports and with RFC 5545's
    corner cases, read by recurring-ical-events, gives exactly our occurrence rows.

    A series kept in UTC travels as TZID=Etc/GMT: our feed carries X-WR-TIMEZONE, whose readers
    take UTC ("…Z") times for Amsterdam wall times before expanding, and would move such a series
    by an hour after a DST change.
    """
    from pathlib import Path

    from events.importer import import_events

    fixtures = Path(__file__).parent / "fixtures"
    for name in ("new_york.ics", "other_time_zones.ics", "rfc_corner_cases.ics", "sequence.ics"):
        import_events((fixtures / name).read_bytes(), neighbourhood=lunetten)
    window_start = datetime(2026, 11, 20, tzinfo=TZ)
    window_end = window_start + timedelta(days=365)
    calendar = fetch_calendar(client, lunetten)
    theirs = sorted(
        (str(c["SUMMARY"]), _as_utc(c.decoded("DTSTART")), _as_utc(c.decoded("DTEND")))
        for c in recurring_ical_events.of(calendar).between(window_start, window_end)
        if str(c.get("STATUS")) != "CANCELLED"
    )
    ours = sorted(
        (o.event.title, o.start, o.end)
        for o in Occurrence.objects.filter(
            cancelled=False, start__gte=window_start, start__lt=window_end
        ).select_related("event")
    )
    assert len(ours) > 40
    assert theirs == ours
