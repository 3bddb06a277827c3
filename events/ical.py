"""iCalendar export: RRULE/EXDATE/RDATE and RECURRENCE-ID overrides, never pre-expanded copies.

Calendar apps expand the series themselves; what they show must equal our occurrence rows, which
tests check against the independent recurring-ical-events library.
"""

import dataclasses
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as VEvent
from icalendar.prop import vDDDTypes, vDuration, vRecur
from icalendar.timezone.tzid import is_utc

from . import recurrence
from .occurrences import horizon, window_start
from .recurrence import TZ, to_local

PRODID = "-//Wijkinfo//Agenda//NL"
REFRESH = timedelta(hours=6)


def uid_for(event):
    """Stable across edits, languages and re-imports: the translation key never changes."""
    return f"{event.translation_key}@wijkinfo"


def _local(value, all_day, tz=TZ):
    """A stored instant as iCalendar writes it: a date, or a time in the series' own zone."""
    if all_day:
        return value.astimezone(TZ).date()
    return value.astimezone(tz)


# Calendars that read X-WR-TIMEZONE (Google's reading, which recurring-ical-events follows) take
# a feed's UTC times ("…Z") for wall times in that zone and expand a series there: a weekly 18:00
# UTC series imported from a partner would move by an hour after each DST change. A series kept
# in UTC is written in Etc/GMT instead: the same instants, under a TZID that no reader moves.
UTC_WRITTEN_AS = "Etc/GMT"


def _add_time(component, name, value):
    """Add a date or date-time property (one value, a list, or PERIOD pairs in a list)."""
    sample = value[0] if isinstance(value, list) else value
    sample = sample[0] if isinstance(sample, tuple) else sample
    parameters = None
    if isinstance(sample, datetime) and is_utc(sample):
        value, parameters = _without_zone(value), {"TZID": UTC_WRITTEN_AS}
    if name.startswith("X-"):  # not a property icalendar knows: say that it holds a date-time
        value = vDDDTypes(value)
    component.add(name, value, parameters=parameters)


def _without_zone(value):
    if isinstance(value, list | tuple):
        return type(value)(_without_zone(part) for part in value)
    return value.replace(tzinfo=None)


def _location(event):
    venue = event.venue
    if venue is not None and venue.live:  # a meeting place not published yet is not shown
        address = " ".join(part for part in [venue.street, venue.house_number] if part)
        town = " ".join(part for part in [venue.postcode, venue.city] if part)
        return ", ".join(part for part in [venue.name, address, town] if part)
    return event.place or event.online_url


def _description(event, note=""):
    parts = [note, event.summary, strip_tags(event.description or "").strip()]
    if event.online_url:
        parts.append(event.online_url)
    return "\n\n".join(part for part in parts if part)


def _suspended_rule(parts, schedule):
    """A suspended series ends the day before the suspension (COUNT gives way to UNTIL)."""
    last_day = schedule.suspended_from - timedelta(days=1)
    until = datetime.combine(last_day, time(23, 59, 59))
    parts = vRecur(parts)
    if "COUNT" in parts:
        unsuspended = dataclasses.replace(schedule, suspended_from=None, changes=[])
        dates = recurrence.rule_dates(unsuspended, recurrence.to_utc(datetime(2999, 1, 1)))
        if all(value.date() < schedule.suspended_from for value in dates):
            return parts
        del parts["COUNT"]
    parts["UNTIL"] = [until]
    return parts


# RFC 5545 knows three event statuses; schema.org's five map onto them (see STATUS below).
# Cancelled: CANCELLED. Postponed: the date is no longer firm and a new one not yet known,
# which is what TENTATIVE says. Rescheduled and moved online: the event takes place as shown
# (at its new date, or online: LOCATION and RFC 7986 CONFERENCE then carry the link), so
# CONFIRMED; a moved date also carries its previous start (RECURRENCE-ID for a series' date,
# X-WIJKINFO-PREVIOUS-START, which calendars may show, for every moved date).
STATUS = {
    "EventScheduled": "CONFIRMED",
    "EventCancelled": "CANCELLED",
    "EventPostponed": "TENTATIVE",
    "EventRescheduled": "CONFIRMED",
    "EventMovedOnline": "CONFIRMED",
}
PREVIOUS_START = "X-WIJKINFO-PREVIOUS-START"


def _status(event, cancelled_date=False):
    return "CANCELLED" if cancelled_date else STATUS.get(event.status, "CONFIRMED")


def _moved_online(event):
    return event.status == "EventMovedOnline" and event.online_url


def _base_component(event, url, start, end, stamp, tz=TZ, all_day=None):
    all_day = event.all_day if all_day is None else all_day
    component = VEvent()
    component.add("uid", uid_for(event))
    component.add("dtstamp", stamp)
    component.add("summary", event.title)
    _add_time(component, "dtstart", _local(start, all_day, tz))
    _add_time(component, "dtend", _local(end, all_day, tz))
    if url:
        component.add("url", url)
    location = event.online_url if _moved_online(event) else _location(event)
    if location:
        component.add("location", location)
    if event.online_url:
        component.add("conference", event.online_url, parameters={"VALUE": "URI"})
    return component


def components_for(event, url, until=None):
    """The master VEVENT plus one override per moved or annotated date."""
    schedule = event.schedule()
    until = until or horizon()
    instances = recurrence.expand(schedule, until, window_start())
    stamp = timezone.now()
    tz, all_day = schedule.tz, event.all_day
    if not schedule.rule:
        # The event's own date (perhaps moved); the others are extra dates (RDATE).
        first = next((i for i in instances if i.original_start is not None), None)
        start, end = (first.start, first.end) if first else (event.start, event.end)
        master = _base_component(
            event, url, start, end, stamp, tz, all_day or bool(first and first.all_day)
        )
        master.add("description", _description(event, first.note if first else ""))
        master.add("status", _status(event, bool(first and first.cancelled)))
        if first is not None and first.moved and first.original_start is not None:
            _add_time(master, PREVIOUS_START, _local(first.original_start, all_day, tz))
        extra = [i for i in instances if i.original_start is None and not i.cancelled]
        if extra:
            # An extra date keeps its own end (a PERIOD) where its length differs.
            _add_time(master, "rdate", [_rdate(event, schedule, i, start, end) for i in extra])
        return [master]

    first = recurrence.first_date(schedule)
    master = _base_component(
        event,
        url,
        schedule.instant(first),
        schedule.instant(first + schedule.duration_local),
        stamp,
        tz,
    )
    master.add("description", _description(event))
    master.add("status", _status(event))
    for text in [schedule.rule, *schedule.extra_rules]:
        parts = recurrence.parse_rule(text)
        if schedule.suspended_from:
            parts = _suspended_rule(parts, schedule)
        rule = recurrence.format_rule(parts, until_utc=True, until_date=all_day, tz=tz)
        master.add("rrule", vRecur.from_ical(rule))
    # Cancelled dates leave subscribed calendars as EXDATE: several apps ignore a cancelled
    # override. Holidays the series skips go the same way.
    excluded = [i.original_start or i.start for i in instances if i.cancelled]
    excluded += [
        schedule.instant(d)
        for d in recurrence.skipped_for_holidays(schedule, until, window_start())
    ]
    if excluded:
        _add_time(master, "exdate", [_local(value, all_day, tz) for value in sorted(excluded)])
    extra = [i for i in instances if i.original_start is None and not i.cancelled]
    if extra:
        _add_time(
            master,
            "rdate",
            [
                _rdate(event, schedule, i, master.decoded("dtstart"), master.decoded("dtend"))
                for i in extra
            ],
        )
    components = [master]
    for instance in instances:
        if instance.original_start is None or instance.cancelled:
            continue
        if not (instance.moved or instance.note):
            continue
        override = _base_component(
            event, url, instance.start, instance.end, stamp, tz, all_day or instance.all_day
        )
        _add_time(override, "recurrence-id", _local(instance.original_start, all_day, tz))
        override.add("description", _description(event, instance.note))
        override.add("status", _status(event))
        if instance.moved:
            _add_time(override, PREVIOUS_START, _local(instance.original_start, all_day, tz))
        components.append(override)
    return components


def _rdate(event, schedule, instance, start, end):
    """An extra date as RDATE: its start, or a PERIOD when it lasts otherwise than the master."""
    value = _local(instance.start, event.all_day, schedule.tz)
    if event.all_day or instance.end - instance.start == _as_instant(end) - _as_instant(start):
        return value
    return (value, _local(instance.end, False, schedule.tz))


def _as_instant(value):
    if isinstance(value, datetime):
        return value
    return recurrence.local_midnight(value)


def calendar_for(events, url_for, name=""):
    """A VCALENDAR with a VTIMEZONE for Europe/Amsterdam; `url_for(event)` gives each URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # How often subscribers fetch again: RFC 7986's property, and the older one Outlook and
    # Apple read. Six hours keeps a change showing the same day without polling every minute.
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    for event in events:
        for component in components_for(event, url_for(event)):
            calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def series_to_come(event, schedule=None):
    """(first local start, RRULE text) of a series' dates still to come; None for a one-off
    event or a series that is over.

    What a link to a calendar service can carry: one rule from the next regular date on (a
    COUNT counts only the dates left). Single cancelled or moved dates cannot travel in a link;
    the .ics download and the feed carry them.
    """
    schedule = schedule or event.schedule()
    if not schedule.rule:
        return None
    parts = recurrence.parse_rule(schedule.rule)
    if schedule.suspended_from:
        parts = _suspended_rule(parts, schedule)
    now = timezone.now()
    duration = schedule.duration_local
    dates = recurrence.rule_dates(
        schedule, recurrence.to_utc(datetime(2999, 1, 1)), now - duration - timedelta(days=1)
    )
    to_come = [value for value in dates if schedule.instant(value + duration) > now]
    if schedule.suspended_from:
        to_come = [value for value in to_come if value.date() < schedule.suspended_from]
    if not to_come:
        return None
    if "COUNT" in parts:
        parts["COUNT"] = str(len(to_come))
    # The link speaks Amsterdam wall time (its ctz); a series from another zone is converted.
    first = to_local(schedule.instant(to_come[0]))
    return first, recurrence.format_rule(
        parts, until_utc=True, until_date=event.all_day, tz=schedule.tz
    )


def google_calendar_link(event, occurrence, url, series=None):
    """Google Calendar's "add event" link: the whole series where there is one (`series`, from
    `series_to_come`: its render URL takes a recurrence rule), else this occurrence."""
    from urllib.parse import urlencode

    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "details": f"{event.summary}\n{url}".strip(),
        "location": _location(event) or "",
    }
    if series is not None:
        # Wall-clock times in Amsterdam, so a weekly 19:30 stays 19:30 after the clocks change.
        first, rule = series
        fmt = "%Y%m%d" if event.all_day else "%Y%m%dT%H%M%S"
        end = first + event.schedule([]).duration_local
        if event.all_day:
            end += timedelta(days=1)  # Google's all-day end is the day after
        query["dates"] = f"{first.strftime(fmt)}/{end.strftime(fmt)}"
        query["ctz"] = settings.TIME_ZONE
        query["recur"] = f"RRULE:{rule}"
        return "https://calendar.google.com/calendar/render?" + urlencode(query)
    fmt = "%Y%m%d" if event.all_day else "%Y%m%dT%H%M%SZ"
    start = to_local(occurrence.start) if event.all_day else occurrence.start
    end = to_local(occurrence.end) if event.all_day else occurrence.end
    query["dates"] = f"{start.strftime(fmt)}/{end.strftime(fmt)}"
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_link(event, occurrence, url):
    from urllib.parse import urlencode

    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": occurrence.start.astimezone(TZ).isoformat(),
        "enddt": occurrence.end.astimezone(TZ).isoformat(),
        "allday": "true" if event.all_day else "false",
        "body": f"{event.summary}\n{url}".strip(),
        "location": _location(event) or "",
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)
