"""Turning an event's schedule into concrete dates.

Everything here is plain Python on plain values so it can be tested without a database. The rule
itself is RFC 5545 RRULE text, expanded by python-dateutil. Expansion runs in Europe/Amsterdam
wall time (a weekly 19:30 stays 19:30 across both DST switches) and the results are stored in UTC.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.rrule import rrulestr
from icalendar.prop import vRecur

TZ = ZoneInfo("Europe/Amsterdam")
# A rule that fires more often than daily is never what a neighbourhood activity means, and it
# could expand into millions of rows; such rules are refused at validation and import.
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
# A safety net against rules that are technically valid but absurd (every day for 50 years).
MAX_INSTANCES = 2000
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class RecurrenceError(ValueError):
    """A recurrence rule we cannot or will not expand."""


def to_local(value):
    """An aware datetime as naive Europe/Amsterdam wall time."""
    return value.astimezone(TZ).replace(tzinfo=None)


def to_utc(naive_local):
    """Naive Europe/Amsterdam wall time as an aware UTC datetime."""
    return naive_local.replace(tzinfo=TZ).astimezone(UTC)


def local_midnight(day):
    return to_utc(datetime.combine(day, time.min))


def parse_rule(text):
    """RRULE text read by icalendar: part name → list of typed values ("FREQ" → ["WEEKLY"])."""
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    try:
        parts = vRecur.from_ical(text)
    except ValueError as error:
        raise RecurrenceError(f"This is not a valid rule: {error}") from error
    frequency = parts.get("FREQ", [None])[0]
    if frequency is None:
        raise RecurrenceError("A rule needs a FREQ (for example FREQ=WEEKLY).")
    if frequency not in ALLOWED_FREQUENCIES:
        raise RecurrenceError(f"FREQ={frequency} is not supported; use DAILY or longer.")
    return parts


def _until_as_local(value):
    """UNTIL in any of its RFC 5545 forms (date, UTC, floating) as local wall time."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(23, 59, 59))
    if value.tzinfo is not None:
        return to_local(value)
    return value


def format_rule(parts, *, until_utc=False, until_date=False):
    """Parts back to RRULE text; UNTIL as local wall time (for dateutil) or UTC (for export).

    An all-day series exports UNTIL as a date, as RFC 5545 requires for a DATE start.
    """
    parts = vRecur(parts)
    if "UNTIL" in parts:
        until = _until_as_local(parts["UNTIL"][0])
        parts["UNTIL"] = [until.date() if until_date else (to_utc(until) if until_utc else until)]
    return parts.to_ical().decode()


def validate_rule(text, dtstart_local):
    """Raise RecurrenceError unless dateutil can expand the rule from this start."""
    try:
        parts = parse_rule(text)
        rrulestr(format_rule(parts), dtstart=dtstart_local)
    except RecurrenceError:
        raise
    except (ValueError, TypeError) as error:
        raise RecurrenceError(f"This is not a valid rule: {error}") from error
    return parts


@dataclass(frozen=True)
class Change:
    """One exception to the series, keyed by the original local date it is about."""

    action: str  # "cancel", "move", "note" or "add"
    day: date
    start: datetime | None = None  # aware; for "move" and "add"
    end: datetime | None = None
    note: str = ""


@dataclass
class Schedule:
    """Everything needed to expand an event, detached from the database."""

    start: datetime  # aware
    end: datetime  # aware
    all_day: bool = False
    rule: str = ""  # RRULE text, UNTIL in any form; empty for a one-off event
    skip_holidays: bool = False
    suspended_from: date | None = None
    changes: list[Change] = field(default_factory=list)

    @property
    def start_local(self):
        if self.all_day:
            return datetime.combine(to_local(self.start).date(), time.min)
        return to_local(self.start)

    @property
    def duration_local(self):
        """The length in wall-clock terms, so a 2-hour event stays 2 hours on a DST night."""
        if self.all_day:
            days = (to_local(self.end).date() - to_local(self.start).date()).days + 1
            return timedelta(days=max(days, 1))
        return to_local(self.end) - to_local(self.start)

    def rule_for_dateutil(self):
        return format_rule(parse_rule(self.rule)) if self.rule else ""


@dataclass(frozen=True)
class Instance:
    """One concrete date: what the Occurrence rows are made of."""

    start: datetime  # aware UTC
    end: datetime
    original_start: datetime | None  # the rule's date (RECURRENCE-ID); None for an added date
    cancelled: bool = False
    moved: bool = False
    note: str = ""


@lru_cache(maxsize=8)
def _dutch_holidays(first_year, last_year):
    return holidays.country_holidays("NL", years=range(first_year, last_year + 1))


def is_public_holiday(day):
    return day in _dutch_holidays(day.year, day.year)


def rule_dates(schedule, until_utc):
    """The rule's own start times (local wall time), before holidays and exceptions."""
    start_local = schedule.start_local
    if not schedule.rule:
        return [start_local]
    rule = rrulestr(schedule.rule_for_dateutil(), dtstart=start_local)
    window_end = to_local(until_utc)
    dates = []
    for value in rule.xafter(start_local, inc=True):
        if value > window_end or len(dates) >= MAX_INSTANCES:
            break
        dates.append(value)
    return dates


def first_date(schedule):
    """The rule's first date (local wall time): what a calendar app must see as DTSTART.

    RFC 5545 counts DTSTART as the first instance even when it does not match the rule, while
    dateutil does not; exporting the first matching date keeps both readings identical.
    """
    if not schedule.rule:
        return schedule.start_local
    rule = rrulestr(schedule.rule_for_dateutil(), dtstart=schedule.start_local)
    return next(iter(rule.xafter(schedule.start_local, inc=True)), schedule.start_local)


def skipped_for_holidays(schedule, until_utc):
    """Rule dates that fall on a Dutch public holiday (exported as EXDATE)."""
    if not schedule.skip_holidays or not schedule.rule:
        return []
    return [value for value in rule_dates(schedule, until_utc) if is_public_holiday(value.date())]


def expand(schedule, until_utc):
    """All instances of the schedule that start no later than `until_utc`.

    A one-off event always yields its single date, however far ahead. Suspended dates and
    holidays (when asked) are left out; cancelled dates stay in, marked, so residents see them.
    """
    duration = schedule.duration_local
    by_day = {change.day: change for change in schedule.changes if change.action != "add"}
    instances = []
    for local_start in rule_dates(schedule, until_utc):
        day = local_start.date()
        if schedule.suspended_from and day >= schedule.suspended_from:
            continue
        if schedule.rule and schedule.skip_holidays and is_public_holiday(day):
            continue
        original = to_utc(local_start)
        end = to_utc(local_start + duration)
        change = by_day.get(day)
        if change is None:
            instances.append(Instance(original, end, original))
        elif change.action == "cancel":
            instances.append(Instance(original, end, original, cancelled=True, note=change.note))
        elif change.action == "move" and change.start is not None:
            new_end = change.end or to_utc(to_local(change.start) + duration)
            instances.append(
                Instance(
                    change.start.astimezone(UTC),
                    new_end.astimezone(UTC),
                    original,
                    moved=True,
                    note=change.note,
                )
            )
        else:
            instances.append(Instance(original, end, original, note=change.note))
    for change in schedule.changes:
        if change.action != "add":
            continue
        if change.start is not None:
            local_start = to_local(change.start)
        else:
            local_start = datetime.combine(change.day, schedule.start_local.time())
        if schedule.suspended_from and local_start.date() >= schedule.suspended_from:
            continue
        start = to_utc(local_start)
        end = change.end.astimezone(UTC) if change.end else to_utc(local_start + duration)
        instances.append(Instance(start, end, None, note=change.note))
    instances.sort(key=lambda instance: instance.start)
    return instances


def build_rule(
    *, repeat, start_local, interval=1, weekdays=(), week_of_month=None, ends="never",
    until=None, count=None, expert_rule="",
):  # fmt: skip
    """The RRULE text for the editor's plain-language choices (empty for a one-off event)."""
    if repeat == "none":
        return ""
    if repeat == "custom":
        return format_rule(parse_rule(expert_rule)) if expert_rule else ""
    weekday = WEEKDAY_CODES[start_local.weekday()]
    parts = {}
    if repeat == "daily":
        parts["FREQ"] = ["DAILY"]
    elif repeat == "weekly":
        parts["FREQ"] = ["WEEKLY"]
        chosen = [code for code in WEEKDAY_CODES if code in set(weekdays)]
        parts["BYDAY"] = chosen or [weekday]
    elif repeat == "monthly_weekday":
        parts["FREQ"] = ["MONTHLY"]
        nth = week_of_month or (start_local.day - 1) // 7 + 1
        parts["BYDAY"] = [f"{nth}{weekday}"]
    elif repeat == "monthly_date":
        parts["FREQ"] = ["MONTHLY"]
        parts["BYMONTHDAY"] = [start_local.day]
    elif repeat == "yearly":
        parts["FREQ"] = ["YEARLY"]
    else:
        raise RecurrenceError(f"Unknown repeat choice “{repeat}”.")
    if interval and interval > 1:
        parts["INTERVAL"] = [interval]
    if ends == "until" and until:
        parts["UNTIL"] = [until]
    elif ends == "count" and count:
        parts["COUNT"] = [count]
    return format_rule(parts)
