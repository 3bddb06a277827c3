"""“Open now” on the wall clock of Europe/Amsterdam: DST, exceptions, holidays, late nights."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from venues.models import OpeningException, OpeningHours
from venues.opening import is_open_at, public_holiday, week_schedule

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def at(*args):
    return datetime(*args, tzinfo=AMS)


@pytest.fixture
def tuesday_evenings(make_venue):
    """Open on Tuesdays 19:00–22:00 (the resident's “open on Tuesday evening”)."""
    venue = make_venue()
    OpeningHours.objects.create(venue=venue, weekday=1, opens=time(19), closes=time(22))
    return venue


def test_open_inside_the_weekly_hours_and_closed_outside(tuesday_evenings):
    assert is_open_at(tuesday_evenings, at(2026, 1, 13, 19, 0))  # a Tuesday in winter
    assert is_open_at(tuesday_evenings, at(2026, 1, 13, 21, 59))
    assert not is_open_at(tuesday_evenings, at(2026, 1, 13, 22, 0))
    assert not is_open_at(tuesday_evenings, at(2026, 1, 13, 18, 59))
    assert not is_open_at(tuesday_evenings, at(2026, 1, 14, 20, 0))  # Wednesday


def test_hours_follow_the_local_clock_across_the_dst_switch(tuesday_evenings):
    # 19:30 local is 18:30 UTC in winter and 17:30 UTC in summer (CEST since 29 March 2026).
    assert is_open_at(tuesday_evenings, datetime(2026, 3, 24, 18, 30, tzinfo=UTC))
    assert is_open_at(tuesday_evenings, datetime(2026, 3, 31, 17, 30, tzinfo=UTC))
    # 18:30 UTC on the summer Tuesday is 20:30 local: open; 20:30 UTC is 22:30 local: closed.
    assert not is_open_at(tuesday_evenings, datetime(2026, 3, 31, 20, 30, tzinfo=UTC))
    assert not is_open_at(tuesday_evenings, datetime(2026, 3, 24, 17, 30, tzinfo=UTC))


def test_the_night_of_the_switch_itself(make_venue):
    """Open Saturday 22:00 to Sunday 04:00 local: the autumn night is an hour longer."""
    venue = make_venue()
    OpeningHours.objects.create(venue=venue, weekday=5, opens=time(22), closes=time(4))
    # 25 October 2026, 02:30 happens twice; both are inside the period.
    assert is_open_at(venue, datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30 CEST
    assert is_open_at(venue, datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30 CET
    assert is_open_at(venue, datetime(2026, 10, 25, 2, 59, tzinfo=UTC))  # 03:59 CET
    assert not is_open_at(venue, datetime(2026, 10, 25, 3, 0, tzinfo=UTC))  # 04:00 CET
    # Spring: 02:00 does not exist on 29 March; 03:59 CEST is still open, 04:00 is not.
    assert is_open_at(venue, datetime(2026, 3, 29, 1, 59, tzinfo=UTC))
    assert not is_open_at(venue, datetime(2026, 3, 29, 2, 0, tzinfo=UTC))


def test_a_period_past_midnight_counts_for_the_next_morning(make_venue):
    venue = make_venue()
    OpeningHours.objects.create(venue=venue, weekday=4, opens=time(20), closes=time(1))
    assert is_open_at(venue, at(2026, 1, 16, 23, 30))  # Friday night
    assert is_open_at(venue, at(2026, 1, 17, 0, 30))  # early Saturday
    assert not is_open_at(venue, at(2026, 1, 17, 1, 0))


def test_a_closed_exception_wins_over_the_weekly_hours(tuesday_evenings):
    OpeningException.objects.create(venue=tuesday_evenings, date=date(2026, 1, 13), closed=True)
    assert not is_open_at(tuesday_evenings, at(2026, 1, 13, 20, 0))
    assert is_open_at(tuesday_evenings, at(2026, 1, 20, 20, 0))  # the next Tuesday


def test_special_hours_replace_the_weekly_hours_that_day(tuesday_evenings):
    OpeningException.objects.create(
        venue=tuesday_evenings,
        date=date(2026, 1, 13),
        closed=False,
        opens=time(14),
        closes=time(16),
    )
    assert is_open_at(tuesday_evenings, at(2026, 1, 13, 15, 0))
    assert not is_open_at(tuesday_evenings, at(2026, 1, 13, 20, 0))
    # Special hours on a day the venue is normally closed (a Sunday).
    OpeningException.objects.create(
        venue=tuesday_evenings,
        date=date(2026, 1, 18),
        closed=False,
        opens=time(10),
        closes=time(12),
    )
    assert is_open_at(tuesday_evenings, at(2026, 1, 18, 11, 0))


def test_closed_on_public_holidays_means_closed_on_kings_day(make_venue):
    # King's Day 2026 is Monday 27 April.
    assert public_holiday(date(2026, 4, 27)) is not None
    closing = make_venue(closed_on_public_holidays=True)
    staying_open = make_venue(closed_on_public_holidays=False)
    for venue in (closing, staying_open):
        OpeningHours.objects.create(venue=venue, weekday=0, opens=time(9), closes=time(17))

    assert not is_open_at(closing, at(2026, 4, 27, 12, 0))
    assert is_open_at(staying_open, at(2026, 4, 27, 12, 0))
    assert is_open_at(closing, at(2026, 5, 4, 12, 0))  # an ordinary Monday


def test_an_exception_can_open_a_venue_on_a_public_holiday(make_venue):
    venue = make_venue(closed_on_public_holidays=True)
    OpeningException.objects.create(
        venue=venue, date=date(2026, 4, 27), closed=False, opens=time(10), closes=time(18)
    )
    assert is_open_at(venue, at(2026, 4, 27, 12, 0))


def test_the_week_runs_monday_to_sunday_with_today_marked(tuesday_evenings):
    OpeningException.objects.create(venue=tuesday_evenings, date=date(2026, 1, 13), closed=True)
    week = week_schedule(tuesday_evenings, at(2026, 1, 15, 12, 0))  # a Thursday

    assert [day.date for day in week][0] == date(2026, 1, 12)
    assert [day.is_today for day in week] == [False, False, False, True, False, False, False]
    assert week[1].closed and week[1].exception is not None
    assert all(day.closed for day in week)
