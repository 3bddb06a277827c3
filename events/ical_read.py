"""Reading partner calendars (iCalendar) into plain records, one per series (UID).

RFC 5545 decides what a series means, read the way recurring-ical-events reads it (the tests
compare both): the series is expanded in its DTSTART's own zone, DTSTART is always a date, every
RRULE counts, EXDATE and RDATE match by instant (by date for an all-day series), the component
with the highest SEQUENCE wins among masters and among overrides of one date, an override with
RANGE=THISANDFUTURE moves every later date too, and overrides without their master are dates of
their own.

A component that cannot be used costs only itself: it becomes a `Problem` naming its title, its
start and a sentence for a volunteer (never an exception's text), and the rest of the feed goes on.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import x_wr_timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from . import recurrence
from .recurrence import TZ, to_local

# The properties an event's dates are made of: when one of them cannot be read, neither can
# the event.
DATE_PROPERTIES = {"DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RDATE", "RECURRENCE-ID"}
MAX_RULE_LENGTH = 255


class FeedUnreadable(Exception):
    """The file as a whole is no calendar: nothing is imported."""


class Unusable(Exception):
    """One event cannot be used; its message is a sentence for a volunteer."""


@dataclass(frozen=True)
class Problem:
    """An event that was skipped (or imported with a correction), and why, in plain words."""

    title: str
    start: str  # the local date (and time) as residents read it; "" when unknown
    reason: str
    skipped: bool = True
    uid: str = ""

    def __str__(self):
        where = f" ({self.start})" if self.start else ""
        return f"“{self.title}”{where}: {self.reason}"


@dataclass
class Parsed:
    uid: str
    fields: dict
    changes: list = field(default_factory=list)  # dicts for EventException
    sequence: int | None = None
    modified: datetime | None = None
    digest: str = ""  # what the partner sent for this series, to skip an unchanged one fast


@dataclass
class ParsedFeed:
    records: list
    problems: list
    unreadable_uids: set = field(default_factory=set)  # there, but skipped: not vanished


# -- small readers ---------------------------------------------------------------------------


def _text(component, name):
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _title(component):
    return _text(component, "summary") or _("(untitled)")


def zone_name(value):
    """The IANA name of a DTSTART's zone ("UTC" for `…Z`); "" when floating or unknown.

    Outlook names its zones the Windows way ("W. Europe Standard Time"); icalendar's table
    maps them to IANA names.
    """
    if not isinstance(value, datetime) or value.tzinfo is None:
        return ""
    tzinfo = value.tzinfo
    name = getattr(tzinfo, "key", None) or getattr(tzinfo, "_tzid", None) or ""
    if not name and value.utcoffset() == timedelta(0) and tzinfo.tzname(value) in ("UTC", "Z"):
        name = "UTC"
    name = WINDOWS_TO_OLSON.get(name, name)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    return name


def readable_start(value):
    if value is None:
        return ""
    try:
        if isinstance(value, datetime):
            local = value.astimezone(TZ) if value.tzinfo else value
            return date_format(local, "j F Y, H:i")
        if isinstance(value, date):
            return date_format(value, "j F Y")
    except (ValueError, OverflowError):
        return ""
    return ""


def _raw_start(component):
    try:
        value = component.decoded("dtstart")
    except (KeyError, ValueError, TypeError):
        return None
    return value if isinstance(value, date) else None


class _Reader:
    """Turns one series' components into aware values in the series' zone."""

    def __init__(self, tz):
        self.tz = tz

    def aware(self, value):
        """A date or datetime as an aware datetime; floating times are the series' zone's."""
        if isinstance(value, datetime):
            return value.replace(tzinfo=self.tz) if value.tzinfo is None else value
        return datetime.combine(value, time.min, tzinfo=self.tz)


def _values(component, name):
    """Every value of a property that may repeat and may hold lists (EXDATE, RDATE)."""
    prop = component.get(name)
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    values = []
    for item in props:
        values.extend(dt.dt for dt in getattr(item, "dts", []))
    return values


def _check_properties(component):
    broken = sorted({name for name, _error in getattr(component, "errors", [])} & DATE_PROPERTIES)
    if broken:
        raise Unusable(
            _("Its %(property)s cannot be read as a date or a rule.") % {"property": broken[0]}
        )


def _span(component):
    """(start, end, all day) as written, DATE and DATE-TIME reconciled as calendar apps do."""
    if "dtstart" not in component:
        raise Unusable(_("It has no start (DTSTART)."))
    start = component.decoded("dtstart")
    all_day = not isinstance(start, datetime)
    if "dtend" in component:
        end = component.decoded("dtend")
    elif "duration" in component:
        end = start + component.decoded("duration")
    else:
        # RFC 5545 3.6.1: a day long for a DATE start, no time at all for a DATE-TIME start.
        end = start + timedelta(days=1) if all_day else start
    if all_day and isinstance(end, datetime):
        # A DATE start with a DATE-TIME end (RFC 5545 wants the same type): from midnight of
        # that day to the end, as recurring-ical-events and calendar apps read it.
        start = datetime.combine(start, time.min, tzinfo=end.tzinfo)
        all_day = False
    elif not all_day and not isinstance(end, datetime):
        end = datetime.combine(end, time.min, tzinfo=start.tzinfo)
    if end < start:
        raise Unusable(_("It ends before it starts."))
    return start, end, all_day


def _rules(component, tz):
    """The RRULE texts (UNTIL in UTC, read in the series' zone), each checked; problems that
    were corrected come back as sentences."""
    prop = component.get("rrule")
    if prop is None:
        return [], []
    props = prop if isinstance(prop, list) else [prop]
    texts, notes = [], []
    for item in props:
        parts = dict(item)
        count = parts.get("COUNT", [None])[0]
        if count is not None and int(count) < 1:
            # Some exports write COUNT=-1 for "no count": read it as recurring-ical-events does.
            del parts["COUNT"]
            if "UNTIL" in parts:
                notes.append(
                    _(
                        "Its repeat count (COUNT=%(count)s) was ignored; "
                        "its last date (UNTIL) counts."
                    )
                    % {"count": count}
                )
            else:
                notes.append(
                    _("Its repeat count (COUNT=%(count)s) was ignored; it repeats without end.")
                    % {"count": count}
                )
        frequency = parts.get("FREQ", [None])[0]
        if frequency is None:
            raise Unusable(_("Its repeat rule has no frequency (FREQ)."))
        if frequency not in recurrence.ALLOWED_FREQUENCIES:
            raise Unusable(
                _(
                    "It repeats more often than daily (FREQ=%(freq)s); "
                    "the agenda shows daily or less often."
                )
                % {"freq": frequency}
            )
        if "COUNT" in parts and "UNTIL" in parts:
            raise Unusable(
                _("Its repeat rule has both an end date (UNTIL) and a number of times (COUNT).")
            )
        text = recurrence.format_rule(parts, until_utc=True, tz=tz)
        if len(text) > MAX_RULE_LENGTH:
            raise Unusable(_("Its repeat rule is too long to keep."))
        texts.append(text)
    return texts, notes


def _digest(components, raw=None):
    """What the partner sent for this series, without the DTSTAMP that changes on every export.

    From the file's own lines where they are known (`raw`: component → its lines), which is
    much faster than writing each component out again.
    """
    sha = hashlib.sha256()
    for component in components:
        lines = raw.get(id(component)) if raw else None
        if lines is None:
            lines = component.to_ical().splitlines()
        for line in lines:
            if not line[:7].upper().startswith(b"DTSTAMP"):
                sha.update(line + b"\n")
    return sha.hexdigest()


def _raw_events(data, components):
    """{id(component): its unfolded lines} when the file's VEVENT blocks line up with the
    parsed components (they do, in file order); {} otherwise."""
    blocks, current = [], None
    for line in re.sub(rb"\r?\n[ \t]", b"", data).splitlines():
        upper = line.upper()
        if upper == b"BEGIN:VEVENT":
            current = []
        elif upper == b"END:VEVENT" and current is not None:
            blocks.append(current)
            current = None
        elif current is not None:
            current.append(line)
    if len(blocks) != len(components):
        return {}
    return {id(component): block for component, block in zip(components, blocks, strict=True)}


def _generated_uid(component):
    """A stable UID for an event without one: from what it is and when it starts."""
    key = "\n".join(
        [_text(component, "summary"), _text(component, "location")]
        + [component[name].to_ical().decode() for name in ("dtstart", "rrule") if name in component]
    )
    return "generated-" + hashlib.sha256(key.encode()).hexdigest()[:32] + "@wijkinfo"


def _sequence(component):
    try:
        return int(component.get("sequence", 0))
    except (TypeError, ValueError):
        return 0


def _highest_sequence(components):
    """The component with the highest SEQUENCE; the first of equals (as recurring-ical-events)."""
    best = None
    for component in components:
        if best is None or _sequence(component) > _sequence(best):
            best = component
    return best


def _modified(component):
    try:
        value = component.decoded("last-modified") if "last-modified" in component else None
    except (ValueError, TypeError):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None


# -- one series ------------------------------------------------------------------------------


def _master_fields(component, title):
    start, end, all_day = _span(component)
    tz = recurrence.zone("" if all_day else zone_name(start))
    reader = _Reader(tz)
    if all_day:
        start_aware = datetime.combine(start, time.min, tzinfo=TZ)
        last_day = end - timedelta(days=1) if end > start else start
        end_aware = datetime.combine(last_day, time(23, 59), tzinfo=TZ)
    else:
        start_aware, end_aware = reader.aware(start), reader.aware(end)
    rules, notes = _rules(component, tz)
    description = _text(component, "description")
    url = _text(component, "url")
    paragraphs = [f"<p>{escape(part)}</p>" for part in description.split("\n\n") if part.strip()]
    if url.startswith(("http://", "https://")):
        paragraphs.append(f'<p><a href="{escape(url)}">{escape(url)}</a></p>')
    fields = {
        "title": title[:200],
        "summary": description.split("\n")[0][:300] if description else "",
        "description": "".join(paragraphs),
        "start": start_aware,
        "end": end_aware,
        "all_day": all_day,
        "place": _text(component, "location")[:200],
        "status": "EventCancelled"
        if _text(component, "status").upper() == "CANCELLED"
        else "EventScheduled",
        "repeat": "custom" if rules else "none",
        "rrule": rules[0] if rules else "",
        "extra_rules": "\n".join(rules[1:]),
        "time_zone": zone_name(start) if not all_day else "",
        "ends": "never",
    }
    if rules:
        schedule = recurrence.Schedule(
            start=start_aware,
            end=end_aware,
            all_day=all_day,
            rule=rules[0],
            extra_rules=rules[1:],
            time_zone=fields["time_zone"],
        )
        try:
            for text in schedule.rules_for_dateutil():
                recurrence.validate_rule(text, schedule.start_local)
        except recurrence.RecurrenceError as error:
            raise Unusable(_("Its repeat rule cannot be used.")) from error
    return fields, reader, notes


def _exception_changes(component, fields, reader):
    changes = []
    for value in _values(component, "exdate"):
        if fields["all_day"] or not isinstance(value, datetime):
            # A DATE EXDATE takes out every instance on that day.
            day = value if not isinstance(value, datetime) else to_local(reader.aware(value)).date()
            changes.append({"date": day, "action": "cancel"})
        else:
            original = reader.aware(value)
            changes.append(
                {"date": to_local(original).date(), "action": "cancel", "original_start": original}
            )
    for value in _values(component, "rdate"):
        end = None
        if isinstance(value, tuple):  # a PERIOD: start and end, or start and duration
            value, until = value
            end = value + until if isinstance(until, timedelta) else until
        if fields["all_day"]:
            day = value if not isinstance(value, datetime) else value.date()
            change = {"date": day, "action": "add"}
            if end is not None:
                change["new_end"] = datetime.combine(
                    (end if not isinstance(end, datetime) else end.date()) - timedelta(days=1),
                    time(23, 59),
                    tzinfo=TZ,
                )
            changes.append(change)
            continue
        start = reader.aware(value)
        change = {
            "date": to_local(start).date(),
            "action": "add",
            "new_start": start,
            "original_start": start,
        }
        if end is not None:
            change["new_end"] = reader.aware(end)
        changes.append(change)
    return changes


def _override_change(component, fields, reader):
    """An override (RECURRENCE-ID) as a change of the date it names."""
    _check_properties(component)
    original_value = component.decoded("recurrence-id")
    if fields["all_day"] and isinstance(original_value, datetime):
        original_value = to_local(reader.aware(original_value)).date()
    original = reader.aware(original_value)
    day = to_local(original).date()
    this_and_future = component["recurrence-id"].params.get("RANGE", "").upper() == "THISANDFUTURE"
    if _text(component, "status").upper() == "CANCELLED":
        return {"date": day, "action": "cancel", "original_start": original}
    start, end, all_day = _span(component)
    change = {"date": day, "original_start": original}
    note = _text(component, "summary")
    change["note"] = note[:255] if note and note != fields["title"] else ""
    if all_day and not fields["all_day"]:
        # A timed series' date that became all day.
        change.update(
            action="move",
            all_day=True,
            new_start=datetime.combine(start, time.min, tzinfo=TZ),
            new_end=datetime.combine(end, time.min, tzinfo=TZ),
        )
        return change
    if fields["all_day"]:
        start_day = start.date() if isinstance(start, datetime) else start
        end_day = end.date() if isinstance(end, datetime) else end
        new_start = datetime.combine(start_day, time.min, tzinfo=TZ)
        new_end = datetime.combine(
            max(end_day, start_day + timedelta(days=1)) - timedelta(days=1), time(23, 59), tzinfo=TZ
        )
    else:
        new_start, new_end = reader.aware(start), reader.aware(end)
    usual = original
    usual_length = fields["end"] - fields["start"]
    if this_and_future:
        change.update(action="future", new_start=new_start, new_end=new_end)
    elif new_start == usual and (new_end - new_start == usual_length or fields["all_day"]):
        change["action"] = "note"
    else:
        change.update(action="move", new_start=new_start, new_end=new_end)
    return change


def _series(uid, masters, overrides, raw=None):
    """One Parsed record for a UID's components; Unusable when it cannot be used."""
    # Several masters for one UID: the highest SEQUENCE wins (the first of equals).
    master = _highest_sequence(masters) if masters else None
    by_id = {}
    for component in overrides:
        _check_properties(component)
        key = component["recurrence-id"].to_ical()
        by_id.setdefault(key, []).append(component)
    chosen = [_highest_sequence(group) for group in by_id.values()]
    notes = []
    if master is not None:
        _check_properties(master)
        fields, reader, notes = _master_fields(master, _title(master))
        changes = _exception_changes(master, fields, reader)
        changes += [_override_change(override, fields, reader) for override in chosen]
    else:
        # Overrides without their master: each is a date of its own; the first one carries the
        # event, the others are its extra dates.
        live = [c for c in chosen if _text(c, "status").upper() != "CANCELLED"]
        if not live:
            return None, []
        live.sort(key=lambda c: _Reader(TZ).aware(_span(c)[0]).astimezone(UTC))
        first, others = live[0], live[1:]
        fields, reader, _notes = _master_fields(first, _title(first))
        fields.update(repeat="none", rrule="", extra_rules="")
        changes = []
        for other in others:
            start, end, _all_day = _span(other)
            changes.append(
                {
                    "date": to_local(reader.aware(start)).date(),
                    "action": "add",
                    "new_start": reader.aware(start),
                    "new_end": reader.aware(end),
                    "note": _text(other, "summary")[:255]
                    if _text(other, "summary") != fields["title"]
                    else "",
                }
            )
    everything = ([master] if master is not None else []) + chosen
    modified = [value for value in map(_modified, everything) if value is not None]
    record = Parsed(
        uid=uid[:255],
        fields=fields,
        changes=changes,
        sequence=max(_sequence(c) for c in everything),
        modified=max(modified) if modified else None,
        digest=_digest(everything, raw),
    )
    return record, notes


def parse_feed(data):
    """The feed's series and what could not be used; FeedUnreadable when it is no calendar."""
    try:
        calendar = Calendar.from_ical(data)
        # Google puts floating or UTC times in X-WR-TIMEZONE's zone; make them explicit.
        calendar = x_wr_timezone.to_standard(calendar)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as error:
        raise FeedUnreadable(
            _("This is not a calendar file (iCalendar) that can be read.")
        ) from error
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise FeedUnreadable(
            _("This is not a calendar file (iCalendar): it has no BEGIN:VCALENDAR.")
        )
    groups = {}
    components = calendar.walk("VEVENT")
    raw = _raw_events(data if isinstance(data, bytes) else data.encode(), components)
    for component in components:
        uid = _text(component, "uid") or _generated_uid(component)
        masters, overrides = groups.setdefault(uid, ([], []))
        (overrides if "recurrence-id" in component else masters).append(component)
    feed = ParsedFeed([], [])
    records, problems = feed.records, feed.problems
    for uid, (masters, overrides) in groups.items():
        first = (masters or overrides)[0]
        try:
            record, notes = _series(uid, masters, overrides, raw)
        except Unusable as error:
            problems.append(
                Problem(_title(first), readable_start(_raw_start(first)), str(error), uid=uid)
            )
            feed.unreadable_uids.add(uid[:255])
            continue
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            problems.append(
                Problem(
                    _title(first),
                    readable_start(_raw_start(first)),
                    _("Its dates could not be read."),
                    uid=uid,
                )
            )
            feed.unreadable_uids.add(uid[:255])
            continue
        if record is None:
            continue
        for note in notes:
            problems.append(
                Problem(
                    record.fields["title"], readable_start(_raw_start(first)), note, skipped=False
                )
            )
        records.append(record)
    return feed
