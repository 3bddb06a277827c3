"""When is a venue open? Weekly hours, dated exceptions and Dutch public holidays.

Everything is computed on the wall clock of Europe/Amsterdam: “open 19:00–22:00 on Tuesday” means
19:00 local time in winter and in summer. Functions take an explicit moment (`at`) or day so that
callers and tests decide what “now” is. They read `venue.opening_hours.all()` and
`venue.opening_exceptions.all()`, so listings that prefetch both cost no query per venue.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings

TIME_ZONE = ZoneInfo(settings.TIME_ZONE)


@lru_cache(maxsize=64)
def _holidays_for_year(year):
    return holidays.country_holidays("NL", years=year)


def public_holiday(day):
    """The name of the Dutch public holiday on `day`, or None."""
    return _holidays_for_year(day.year).get(day)


@dataclass
class Day:
    """A day of a venue's schedule: its opening periods (local datetimes) and why."""

    date: date
    periods: list = field(default_factory=list)  # [(start, end)] aware datetimes in UTC
    exception: object = None  # the OpeningException that applies, if any
    holiday: str | None = None  # the public holiday that closes the venue, if any

    @property
    def closed(self):
        return not self.periods


def _utc(day, wall_clock):
    # Combining a date and a wall-clock time with the zone gives the right UTC offset on both
    # sides of the DST switch. We compare in UTC: Python compares two datetimes that share a
    # tzinfo by wall clock, which is wrong in the repeated hour of the autumn switch.
    return datetime.combine(day, wall_clock, tzinfo=TIME_ZONE).astimezone(UTC)


def _period(day, opens, closes):
    # Closing at or before the opening time means the period runs past midnight.
    end_day = day + timedelta(days=1) if closes <= opens else day
    return _utc(day, opens), _utc(end_day, closes)


def day_schedule(venue, day):
    """The opening periods of `venue` on `day`, exceptions and public holidays applied."""
    return _day(
        day,
        venue.opening_hours.all(),
        venue.opening_exceptions.all(),
        venue.closed_on_public_holidays,
    )


def _day(day, hours, exceptions, closed_on_public_holidays):
    exceptions = [e for e in exceptions if e.date == day]
    if exceptions:
        periods = [
            _period(day, e.opens, e.closes)
            for e in exceptions
            if not e.closed and e.opens is not None and e.closes is not None
        ]
        if any(e.closed for e in exceptions):
            periods = []
        return Day(day, sorted(periods), exception=exceptions[0])
    holiday = public_holiday(day)
    if holiday and closed_on_public_holidays:
        return Day(day, [], holiday=holiday)
    periods = [_period(day, h.opens, h.closes) for h in hours if h.weekday == day.weekday()]
    return Day(day, sorted(periods))


def day_of(day, hours, exceptions, closed_on_public_holidays):
    """The Day of weekly `hours` with dated `exceptions` on `day` (rows of OpeningHours and
    OpeningException, or anything with their attributes, such as a service's walk-in hours)."""
    return _day(day, hours, exceptions, closed_on_public_holidays)


def next_period(at, hours, exceptions, closed_on_public_holidays, days=14):
    """The first (start, end) period of weekly `hours` with dated `exceptions` that has not
    ended at `at` (the one going on, else the next), looking `days` days ahead; or None."""
    today = at.astimezone(TIME_ZONE).date()
    for offset in range(-1, days + 1):
        day = today + timedelta(days=offset)
        for start, end in _day(day, hours, exceptions, closed_on_public_holidays).periods:
            if end > at:
                return start, end
    return None


def days_that_reach(at):
    """The days whose opening periods can cover the moment `at` on the Amsterdam calendar:
    today, and yesterday for a period that runs past midnight."""
    today = at.astimezone(TIME_ZONE).date()
    return today - timedelta(days=1), today


def is_open_at(venue, at):
    """Whether `venue` is open at the aware datetime `at`."""
    return is_open_during(
        at,
        venue.opening_hours.all(),
        venue.opening_exceptions.all(),
        venue.closed_on_public_holidays,
    )


def is_open_during(at, hours, exceptions, closed_on_public_holidays):
    """Whether weekly `hours` with dated `exceptions` are open at `at` (rows of OpeningHours
    and OpeningException, or anything with their attributes)."""
    for day in days_that_reach(at):
        for start, end in _day(day, hours, exceptions, closed_on_public_holidays).periods:
            if start <= at < end:
                return True
    return False


def week_schedule(venue, at):
    """Monday to Sunday of the week containing `at`, each a Day with `is_today` set."""
    today = at.astimezone(TIME_ZONE).date()
    monday = today - timedelta(days=today.weekday())
    week = []
    for offset in range(7):
        day = day_schedule(venue, monday + timedelta(days=offset))
        day.is_today = day.date == today
        week.append(day)
    return week


def coming_changes(venue, at, weeks=8):
    """The days after the week containing `at`, up to `weeks` weeks from that day, whose
    hours differ from the usual week: dated exceptions (closed, or other hours) and public
    holidays on which the venue would otherwise be open. Each a Day, in date order."""
    today = at.astimezone(TIME_ZONE).date()
    first = today + timedelta(days=7 - today.weekday())  # the week table shows this week
    last = today + timedelta(weeks=weeks)
    hours = venue.opening_hours.all()
    days = {e.date for e in venue.opening_exceptions.all() if first <= e.date <= last}
    if venue.closed_on_public_holidays:
        open_weekdays = {h.weekday for h in hours}
        day = first
        while day <= last:
            if day.weekday() in open_weekdays and public_holiday(day):
                days.add(day)
            day += timedelta(days=1)
    return [day_schedule(venue, day) for day in sorted(days)]
