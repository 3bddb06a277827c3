"""Turning an event's schedule into concrete dates.

Everything here is plain Python on plain values so it can be tested without a database. The rule
itself is RFC 5545 RRULE text, expanded by python-dateutil's rruleset. Expansion runs in the wall
time of the series' own zone, as RFC 5545 says: Europe/Amsterdam for an editor's event (a weekly
19:30 stays 19:30 across both DST switches), an imported event's DTSTART zone (UTC for a `…Z`
start); every instance is converted to UTC afterwards.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.rrule import rruleset, rrulestr
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


def zone(name):
    """The time zone a series is expanded in: its own (an IANA name), else Europe/Amsterdam."""
    return ZoneInfo(name) if name else TZ


def _until_as_local(value, tz=TZ):
    """UNTIL in any of its RFC 5545 forms (date, UTC, floating) as wall time in `tz`."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(23, 59, 59))
    if value.tzinfo is not None:
        return value.astimezone(tz).replace(tzinfo=None)
    return value


def format_rule(parts, *, until_utc=False, until_date=False, tz=TZ):
    """Parts back to RRULE text; UNTIL as wall time in `tz` (for dateutil) or UTC (for export).

    An all-day series exports UNTIL as a date, as RFC 5545 requires for a DATE start.
    """
    parts = vRecur(parts)
    if "UNTIL" in parts:
        until = _until_as_local(parts["UNTIL"][0], tz)
        if until_date:
            parts["UNTIL"] = [until.date()]
        elif until_utc:
            parts["UNTIL"] = [until.replace(tzinfo=tz).astimezone(UTC)]
        else:
            parts["UNTIL"] = [until]
    return parts.to_ical().decode()


def validate_rule(text, dtstart_local):
    """Raise RecurrenceError unless dateutil can expand the rule from this start."""
    try:
        parts = parse_rule(text)
        count = parts.get("COUNT", [None])[0]
        if count is not None and int(count) < 1:
            raise RecurrenceError(f"COUNT={count} is not a number of times; use 1 or more.")
        if count is not None and "UNTIL" in parts:
            raise RecurrenceError("A rule ends either on a date (UNTIL) or after a number (COUNT).")
        rrulestr(format_rule(parts), dtstart=dtstart_local)
    except RecurrenceError:
        raise
    except (ValueError, TypeError) as error:
        raise RecurrenceError(f"This is not a valid rule: {error}") from error
    return parts


@dataclass(frozen=True)
class Change:
    """One exception to the series.

    Editors key a change by the local date it is about (`day`). An imported change also knows the
    exact instance it is about (`original`: the EXDATE, RDATE or RECURRENCE-ID instant), and is
    matched by that instant, as RFC 5545 matches them (by date for an all-day series).
    """

    action: str  # "cancel", "move", "note", "add" or "future" (this date and all later ones)
    day: date
    start: datetime | None = None  # aware; for "move", "future" and "add"
    end: datetime | None = None
    note: str = ""
    original: datetime | None = None  # aware
    all_day: bool = False  # an imported date that is all day although the series is not


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
    # An imported series: expanded in its DTSTART's own zone, with its further RRULEs, and its
    # start is always its first date (RFC 5545 3.8.5.3). An editor's series keeps the dates of
    # its rule only: a start on a Monday with "weekly on Wednesday" begins on the Wednesday.
    time_zone: str = ""
    extra_rules: list[str] = field(default_factory=list)
    start_is_instance: bool = False

    @property
    def tz(self):
        return TZ if self.all_day else zone(self.time_zone)

    def wall(self, value):
        """An aware datetime as naive wall time in the series' zone."""
        return value.astimezone(self.tz).replace(tzinfo=None)

    def instant(self, wall):
        """Naive wall time in the series' zone as an aware UTC datetime."""
        return wall.replace(tzinfo=self.tz).astimezone(UTC)

    @property
    def start_local(self):
        """The start as wall time in the series' zone (midnight for an all-day event)."""
        if self.all_day:
            return datetime.combine(to_local(self.start).date(), time.min)
        return self.wall(self.start)

    @property
    def duration_local(self):
        """The length in wall-clock terms, so a 2-hour event stays 2 hours on a DST night."""
        if self.all_day:
            days = (to_local(self.end).date() - to_local(self.start).date()).days + 1
            return timedelta(days=max(days, 1))
        return self.wall(self.end) - self.wall(self.start)

    def rules_for_dateutil(self):
        texts = [self.rule, *self.extra_rules] if self.rule else []
        return [format_rule(parse_rule(text), tz=self.tz) for text in texts if text]

    def rule_for_dateutil(self):
        return format_rule(parse_rule(self.rule), tz=self.tz) if self.rule else ""

    def key(self, value):
        """How an instance is matched: its UTC instant, or its date for an all-day series."""
        return to_local(value).date() if self.all_day else value.astimezone(UTC)


@dataclass(frozen=True)
class Instance:
    """One concrete date: what the Occurrence rows are made of."""

    start: datetime  # aware UTC
    end: datetime
    original_start: datetime | None  # the rule's date (RECURRENCE-ID); None for an added date
    cancelled: bool = False
    moved: bool = False
    note: str = ""
    all_day: bool = False  # this date is all day although its series is not


@lru_cache(maxsize=8)
def _dutch_holidays(first_year, last_year):
    return holidays.country_holidays("NL", years=range(first_year, last_year + 1))


def is_public_holiday(day):
    return day in _dutch_holidays(day.year, day.year)


def _rule_set(schedule):
    """dateutil's rruleset of every RRULE, from the start (and the start itself, when it is a
    date of its own: unless it lies after the last UNTIL, as recurring-ical-events reads it)."""
    start_local = schedule.start_local
    rules = rruleset(cache=False)
    last_until = None
    for text in schedule.rules_for_dateutil():
        rule = rrulestr(text, dtstart=start_local)
        rules.rrule(rule)
        if rule._until is not None and (last_until is None or rule._until > last_until):
            last_until = rule._until
    if schedule.start_is_instance and (last_until is None or start_local <= last_until):
        rules.rdate(start_local)
    return rules


def rule_dates(schedule, until_utc, since_utc=None):
    """The rule's own start times (wall time in the series' zone), before holidays and exceptions.

    From `since_utc` (or the start) to `until_utc`; at most MAX_INSTANCES of them, counted from
    `since_utc`, so a daily series that began years ago still reaches today.
    """
    start_local = schedule.start_local
    if not schedule.rule:
        return [start_local]
    window_end = schedule.wall(until_utc)
    window_start = start_local
    if since_utc is not None:
        window_start = max(start_local, schedule.wall(since_utc))
    dates = []
    for value in _rule_set(schedule).xafter(window_start, inc=True):
        if value > window_end or len(dates) >= MAX_INSTANCES:
            break
        dates.append(value)
    return dates


def first_date(schedule):
    """The rule's first date (wall time): what a calendar app must see as DTSTART.

    RFC 5545 counts DTSTART as the first instance even when it does not match the rule, while
    dateutil does not; for an editor's series, whose start does not count, exporting the first
    matching date keeps both readings identical. An imported start is its own first date.
    """
    if not schedule.rule or schedule.start_is_instance:
        return schedule.start_local
    rule = _rule_set(schedule)
    return next(iter(rule.xafter(schedule.start_local, inc=True)), schedule.start_local)


def skipped_for_holidays(schedule, until_utc, since_utc=None):
    """Rule dates that fall on a Dutch public holiday (exported as EXDATE)."""
    if not schedule.skip_holidays or not schedule.rule:
        return []
    return [
        value
        for value in rule_dates(schedule, until_utc, since_utc)
        if is_public_holiday(value.date())
    ]


def _wall_of(schedule, value, all_day=False):
    if schedule.all_day or all_day:
        return datetime.combine(to_local(value).date(), time.min)
    return schedule.wall(value)


def expand(schedule, until_utc, since_utc=None):
    """All instances of the schedule that start between `since_utc` and `until_utc`.

    A one-off event always yields its single date, however far back or ahead. Suspended dates and
    holidays (when asked) are left out; cancelled dates stay in, marked, so residents see them.
    Imported changes are matched by instant; EXDATE wins over an override of the same date.
    """
    duration = schedule.duration_local
    key = schedule.key
    by_day, cancelled, by_key, futures, adds = {}, {}, {}, [], []
    for change in schedule.changes:
        if change.action == "add":
            adds.append(change)
        elif change.original is None:
            by_day[change.day] = change
        elif change.action == "cancel":
            cancelled[key(change.original)] = change
        else:
            by_key[key(change.original)] = change
            if change.action == "future":
                futures.append((key(change.original), change))
    futures.sort(key=lambda item: item[0])
    window = None
    if schedule.rule:
        window = (schedule.wall(since_utc) if since_utc else None, schedule.wall(until_utc))

    def in_window(wall):
        return window is None or ((window[0] is None or wall >= window[0]) and wall <= window[1])

    # (wall start, wall end or None, is a rule date) by key; a rule date wins over an equal RDATE
    # (RFC 5545: a recurrence set has no duplicates), an RDATE PERIOD gives it its end.
    dates = {}
    for wall in rule_dates(schedule, until_utc, since_utc):
        dates[key(schedule.instant(wall))] = [wall, None, True, None]
    for change in adds:
        if change.start is not None:
            wall = _wall_of(schedule, change.start)
        else:
            wall = datetime.combine(change.day, schedule.start_local.time())
        if not in_window(wall):
            continue
        end_wall = _wall_of(schedule, change.end) if change.end else None
        slot = dates.setdefault(key(schedule.instant(wall)), [wall, None, False, change])
        if end_wall is not None:
            slot[1] = end_wall
        if slot[3] is None:
            slot[3] = change

    instances = []
    for slot_key, (wall, end_wall, from_rule, added) in sorted(
        dates.items(), key=lambda i: i[1][0]
    ):
        day = wall.date()
        if schedule.suspended_from and day >= schedule.suspended_from:
            continue
        if from_rule and schedule.rule and schedule.skip_holidays and is_public_holiday(day):
            continue
        original = schedule.instant(wall)
        end = schedule.instant(end_wall or wall + duration)
        recurrence_id = original if from_rule else None
        note = added.note if added is not None and not from_rule else ""
        day_change = by_day.get(day)
        if slot_key in cancelled or (day_change is not None and day_change.action == "cancel"):
            change = cancelled.get(slot_key) or day_change
            instances.append(
                Instance(original, end, recurrence_id, cancelled=True, note=change.note)
            )
            continue
        change = by_key.get(slot_key) or by_day.get(day)
        if change is None:
            shift = _future_shift(schedule, futures, slot_key)
            if shift is None:
                instances.append(Instance(original, end, recurrence_id, note=note))
            else:
                offset, length = shift
                new_start = wall + offset
                length = length if length is not None else duration
                instances.append(
                    Instance(
                        schedule.instant(new_start),
                        schedule.instant(new_start + length),
                        original,
                        moved=True,
                    )
                )
        elif change.action == "cancel":
            instances.append(
                Instance(original, end, recurrence_id, cancelled=True, note=change.note)
            )
        elif change.action in ("move", "future") and change.start is not None:
            instances.append(_moved(schedule, change, original, duration))
        else:
            instances.append(Instance(original, end, recurrence_id, note=change.note or note))
    # An override of a date the series does not have (its master may be missing altogether) is
    # a date of its own, as calendar apps show it.
    matched = set(dates)
    for slot_key, change in by_key.items():
        if slot_key in matched or slot_key in cancelled or change.start is None:
            continue
        if change.action not in ("move", "future", "note"):
            continue
        wall = _wall_of(schedule, change.start, change.all_day)
        if not in_window(wall) or (
            schedule.suspended_from and wall.date() >= schedule.suspended_from
        ):
            continue
        instances.append(_moved(schedule, change, change.original.astimezone(UTC), duration))
    instances.sort(key=lambda instance: instance.start)
    return instances


def _future_shift(schedule, futures, slot_key):
    """(offset, length) in wall time from the last RANGE=THISANDFUTURE change before this date.

    RFC 5545 3.8.4.4: "if the given recurrence instance is rescheduled to start 2 hours later,
    then all subsequent instances are also rescheduled 2 hours later"; its length goes with it.
    """
    shift = None
    for future_key, change in futures:
        if future_key >= slot_key:
            break
        shift = change
    if shift is None or shift.start is None:
        return None
    start = schedule.wall(shift.start)
    offset = start - schedule.wall(shift.original)
    return offset, (schedule.wall(shift.end) - start) if shift.end else None


def _moved(schedule, change, original, duration):
    if change.all_day:
        start_wall = datetime.combine(to_local(change.start).date(), time.min)
        end_wall = (
            datetime.combine(to_local(change.end).date(), time.min)
            if change.end
            else start_wall + timedelta(days=1)
        )
        return Instance(
            local_midnight(start_wall.date()),
            local_midnight(end_wall.date()),
            original,
            moved=True,
            note=change.note,
            all_day=True,
        )
    start = change.start.astimezone(UTC)
    end = (
        change.end.astimezone(UTC)
        if change.end
        else schedule.instant(schedule.wall(start) + duration)
    )
    return Instance(start, end, original, moved=True, note=change.note)


def build_rule(
    *, repeat, start_local, interval=1, weekdays=(), week_of_month=None, ends="never",
    until=None, count=None, expert_rule="",
):  # fmt: skip
    """The RRULE text for the editor's plain-language choices (empty for a one-off event)."""
    if repeat == "none":
        return ""
    if repeat == "custom":
        # UNTIL keeps its form: an imported rule's UTC UNTIL is read in the series' own zone.
        return vRecur(parse_rule(expert_rule)).to_ical().decode() if expert_rule else ""
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
