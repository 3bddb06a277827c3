"""Imported series are expanded as RFC 5545 says, checked against an independent expansion.

Each class of error of issue 16 has a small hand-written calendar in tests/events/fixtures/, in
the style of the producer that writes it (Google, Outlook/Exchange, Nextcloud, Apple, Thunderbird,
a home-made export). After importing it, our stored occurrences must equal recurring-ical-events'
expansion of the same file over the stored window, start for start and end for end; and the same
comparison runs over every .ics file in the repository.

Where the RFC leaves the reading open, recurring-ical-events' reading is ours too, so that a
subscriber's calendar and our agenda agree:
- a DTSTART that does not match its rule is an extra first date, and COUNT counts the rule's own
  dates (RFC 5545 3.8.5.3: "The recurrence set generated with a "DTSTART" property value not
  synchronized with the recurrence rule is undefined"; dateutil and recurring-ical-events add it);
- an EXDATE removes its instance even when an override for it exists ("The "EXDATE" property
  can be used to exclude the value specified in "DTSTART"", 3.8.5.1: the final set has no
  instance there, whatever a component with a RECURRENCE-ID says about it);
- COUNT=-1 is read as no COUNT (some exports write it for "no count"); the importer says so.
"""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django.conf import settings
from icalendar import Calendar

from events.importer import import_events
from events.models import Event, Occurrence
from events.occurrences import horizon, window_start
from events.recurrence import TZ
from tests.events.conftest import local

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(settings.BASE_DIR)
# Files that are no calendar on purpose: the importer refuses them whole (test_ical_import).
NOT_CALENDARS = {"malformed.ics"}
ALL_ICS = sorted(
    path
    for path in ROOT.rglob("*.ics")
    if not {".venv", "var", "node_modules", ".git"} & set(path.relative_to(ROOT).parts)
    and path.name not in NOT_CALENDARS
)
# The stored window, at a moment before the fixtures' first dates (December 2026).
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)
pytestmark = pytest.mark.time_machine(NOW, tick=False)


def _as_utc(value):
    """A recurring-ical-events value as a UTC instant (floating and dates as Amsterdam's)."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    return value.astimezone(UTC)


def theirs(data, since, until, skip_uids=()):
    # recurring-ical-events reads COUNT=-1 as no COUNT (its issue 128), but its own clean-up
    # breaks the rule when UNTIL comes first, as icalendar writes it; give it its reading.
    calendar = Calendar.from_ical(data.replace(b";COUNT=-1", b""))
    calendar.subcomponents = [
        c for c in calendar.subcomponents if str(c.get("UID", "")) not in skip_uids
    ]
    found = []
    for component in recurring_ical_events.of(calendar).between(since, until):
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue  # a cancelled date: our agenda shows it struck through, not as a date
        start = _as_utc(component.decoded("DTSTART"))
        if "DTEND" in component:
            end = _as_utc(component.decoded("DTEND"))
        elif "DURATION" in component:
            end = start + component.decoded("DURATION")
        else:
            end = start
        if since <= start < until:
            found.append((start, end))
    return sorted(found)


def ours(neighbourhood, since, until):
    return sorted(
        Occurrence.objects.filter(
            event__neighbourhood=neighbourhood,
            cancelled=False,
            start__gte=since,
            start__lt=until,
        ).values_list("start", "end")
    )


def compare(neighbourhood, data):
    """(ours, theirs) over the stored window after importing `data`."""
    result = import_events(data, neighbourhood=neighbourhood)
    since, until = window_start(), horizon()
    skipped = {problem.uid for problem in result.skipped}
    return ours(neighbourhood, since, until), theirs(data, since, until, skipped), result


def fixture(name):
    return (FIXTURES / name).read_bytes()


def local_starts(title):
    return [
        o.start.astimezone(TZ)
        for o in Occurrence.objects.filter(event__title=title, cancelled=False).order_by("start")
    ]


@pytest.mark.parametrize("path", ALL_ICS, ids=[path.name for path in ALL_ICS])
def test_every_calendar_in_the_repository_expands_as_recurring_ical_events_does(lunetten, path):
    mine, reference, _result = compare(lunetten, path.read_bytes())
    assert mine == reference
    assert mine, "a fixture without dates in the window compares nothing"


def test_series_that_began_years_ago_reach_today_and_the_horizon(lunetten):
    """Class 1: the safety cap counts inside the stored window, not from DTSTART (2016, 2019)."""
    mine, reference, _result = compare(lunetten, fixture("series_from_years_ago.ics"))
    assert mine == reference
    for title in ("Stand-up buurtteam", "Ochtendwandeling"):
        starts = local_starts(title)
        # Dates from the start of the stored window to its end, not 2,000 counted from 2016.
        assert window_start() <= starts[0] < window_start() + timedelta(days=4)
        assert horizon() - timedelta(days=4) < starts[-1] <= horizon()
    assert len(local_starts("Ochtendwandeling")) > 900


def test_utc_and_new_york_series_are_expanded_in_their_own_zone(lunetten, oost):
    """Class 2: 18:00 UTC stays 18:00 UTC across DST; a Friday 20:00 in New York stays Friday
    in New York (Saturday 02:00 here), and its EXDATE in New York time removes its date."""
    mine, reference, _result = compare(lunetten, fixture("other_time_zones.ics"))
    assert mine == reference
    online = Occurrence.objects.filter(event__title="Online spreekuur", cancelled=False)
    assert {(o.start.astimezone(UTC).hour, o.start.astimezone(UTC).minute) for o in online} == {
        (18, 0)
    }
    assert {o.start.astimezone(TZ).hour for o in online} == {19, 20}  # winter and summer time
    assert Occurrence.objects.get(event__title="Online spreekuur", cancelled=True).start == (
        datetime(2026, 12, 24, 18, tzinfo=UTC)
    )

    mine, reference, _result = compare(oost, fixture("new_york.ics"))
    assert mine == reference
    jazz = Occurrence.objects.filter(event__title__startswith="Livestream", cancelled=False)
    new_york = [o.start.astimezone(ZoneInfo("America/New_York")) for o in jazz]
    assert {(s.weekday(), s.hour) for s in new_york} == {(4, 20)}
    assert date(2026, 11, 27) not in {s.date() for s in new_york}
    assert Event.objects.get(title__startswith="Livestream").time_zone == "America/New_York"


def test_a_start_off_its_rule_is_the_first_date(lunetten):
    """Class 3: DTSTART on a Monday with BYDAY=WE: the Monday, then five Wednesdays."""
    mine, reference, _result = compare(lunetten, fixture("start_off_its_rule.ics"))
    assert mine == reference
    starts = local_starts("Buurtkoor")
    assert starts[0] == local(2026, 11, 30, 19, 30)
    assert len(starts) == 6 and {s.weekday() for s in starts[1:]} == {2}


def test_exdate_cancels_by_instant_not_by_day(lunetten):
    """Class 4: an EXDATE at 20:00 leaves the 19:30 date; the one at 19:30 cancels it."""
    mine, reference, _result = compare(lunetten, fixture("exdate_by_instant.ics"))
    assert mine == reference
    starts = local_starts("Taalcafé")
    assert local(2026, 12, 15, 19, 30) in starts
    assert local(2026, 12, 29, 19, 30) not in starts


def test_rdate_on_a_rule_date_is_one_date_and_exdate_removes_an_rdate(lunetten):
    """Class 5."""
    mine, reference, _result = compare(lunetten, fixture("rdate_and_exdate.ics"))
    assert mine == reference
    starts = local_starts("Spelletjesochtend")
    assert starts.count(local(2026, 12, 10, 10)) == 1
    assert local(2026, 12, 12, 10) not in starts and local(2026, 12, 19, 10) in starts
    assert len(starts) == 7


def test_the_highest_sequence_wins_among_overrides_and_masters(lunetten):
    """Class 6: a stale override does not bring back an EXDATE'd date; of two overrides of one
    date the higher SEQUENCE wins; of two masters with one UID, the higher SEQUENCE wins."""
    mine, reference, _result = compare(lunetten, fixture("sequence.ics"))
    assert mine == reference
    coffee = local_starts("Koffie-inloop")
    assert local(2026, 12, 16, 16) not in coffee and local(2026, 12, 16, 15) not in coffee
    assert local(2026, 12, 23, 17) in coffee and local(2026, 12, 23, 18) not in coffee
    assert {s.hour for s in local_starts("Bingo")} == {20}


def test_overrides_without_their_master_are_dates_of_their_own(lunetten):
    """Class 7: only RECURRENCE-ID components for a UID (an invitation to single dates)."""
    mine, reference, result = compare(lunetten, fixture("orphan_overrides.ics"))
    assert mine == reference
    assert result.created == 1
    assert local_starts("Overleg speeltuin") == [local(2026, 12, 8, 14), local(2026, 12, 16, 15)]


def test_several_rules_this_and_future_all_day_override_duration_period_and_negative_count(
    lunetten,
):
    """Class 8, in a Thunderbird-style file."""
    mine, reference, result = compare(lunetten, fixture("rfc_corner_cases.ics"))
    assert mine == reference
    help_starts = local_starts("Computerhulp")
    assert {s.weekday() for s in help_starts} == {0, 5} and len(help_starts) == 7
    yoga = local_starts("Stoelyoga")
    assert [s.hour for s in yoga] == [19, 19, 19] + [20] * 7
    sewing = Occurrence.objects.filter(event__title="Naaicafé").order_by("start")
    all_day = sewing.get(all_day=True)
    assert (all_day.start, all_day.end) == (local(2026, 12, 11), local(2026, 12, 12))
    assert sewing.get(start=local(2026, 12, 18, 10)).end == local(2026, 12, 18, 14)
    workshop = Occurrence.objects.filter(event__title__startswith="Workshop").order_by("start")
    assert [(o.start, o.end) for o in workshop][1] == (
        local(2027, 1, 16, 14),
        local(2027, 1, 16, 18),
    )
    walks = local_starts("Wandelgroep")
    assert walks[0] == local(2026, 12, 5, 9, 30) and walks[-1] == local(2027, 1, 30, 9, 30)
    (note,) = [problem for problem in result.problems if not problem.skipped]
    assert note.title == "Wandelgroep" and "COUNT=-1" in note.reason
