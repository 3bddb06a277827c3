"""Importing partner calendars (iCalendar) into a neighbourhood's agenda.

One feed is one transaction: a malformed, oversized or slow feed changes nothing and marks the
feed failed with a message an editor can act on. Events are matched by UID (and RECURRENCE-ID for
changed dates), so importing again updates rather than duplicates.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

import x_wr_timezone
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from icalendar import Calendar
from wagtail.models import Locale

from . import recurrence
from .fetching import FeedError, fetch
from .models import Event, EventException, EventStatus
from .recurrence import TZ

logger = logging.getLogger(__name__)

# -- parsing ---------------------------------------------------------------------------------


def _aware(value):
    """A DTSTART-like value as an aware datetime; floating times are taken as Amsterdam time."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    return datetime.combine(value, time.min, tzinfo=TZ)


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


def _local_day(value):
    return value if not isinstance(value, datetime) else _aware(value).date()


@dataclass
class Parsed:
    uid: str
    fields: dict
    changes: list = field(default_factory=list)  # dicts for EventException
    sequence: int | None = None
    modified: datetime | None = None


def _text(component, name):
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _master_fields(component, uid):
    raw_start = component.decoded("dtstart") if "dtstart" in component else None
    if raw_start is None:
        raise FeedError(f"The event “{uid}” has no start (DTSTART).")
    all_day = not isinstance(raw_start, datetime)
    start = _aware(raw_start)
    if "dtend" in component:
        raw_end = component.decoded("dtend")
    elif "duration" in component:
        raw_end = raw_start + component.decoded("duration")
    else:
        raw_end = raw_start + (timedelta(days=1) if all_day else timedelta(0))
    if all_day:
        last_day = raw_end - timedelta(days=1) if raw_end > raw_start else raw_start
        end = datetime.combine(last_day, time(23, 59), tzinfo=TZ)
    else:
        end = _aware(raw_end)
    if end < start:
        raise FeedError(f"The event “{uid}” ends before it starts.")
    title = _text(component, "summary") or "(untitled)"
    description = _text(component, "description")
    url = _text(component, "url")
    paragraphs = [f"<p>{escape(part)}</p>" for part in description.split("\n\n") if part.strip()]
    if url.startswith(("http://", "https://")):
        paragraphs.append(f'<p><a href="{escape(url)}">{escape(url)}</a></p>')
    fields = {
        "title": title[:200],
        "summary": description.split("\n")[0][:300] if description else "",
        "description": "".join(paragraphs),
        "start": start,
        "end": end,
        "all_day": all_day,
        "place": _text(component, "location")[:200],
        "status": "EventCancelled"
        if _text(component, "status").upper() == "CANCELLED"
        else "EventScheduled",
        "repeat": "none",
        "rrule": "",
        "ends": "never",
    }
    rule = component.get("rrule")
    if rule is not None:
        rule = rule[0] if isinstance(rule, list) else rule
        text = rule.to_ical().decode()
        try:
            parts = recurrence.validate_rule(text, recurrence.to_local(start))
        except recurrence.RecurrenceError as error:
            raise FeedError(f"The event “{title}” has a rule we cannot use: {error}") from error
        fields["repeat"] = "custom"
        fields["rrule"] = recurrence.format_rule(parts)[:255]
    return fields


def _override_change(component, master_fields):
    day = _local_day(component.decoded("recurrence-id"))
    if _text(component, "status").upper() == "CANCELLED":
        return {"date": day, "action": "cancel"}
    start = _aware(component.decoded("dtstart"))
    end = _aware(component.decoded("dtend")) if "dtend" in component else None
    duration = master_fields["end"] - master_fields["start"]
    usual = _aware(datetime.combine(day, recurrence.to_local(master_fields["start"]).time()))
    same_time = start == usual and (end is None or end - start == duration)
    note = ""
    if _text(component, "summary") and _text(component, "summary") != master_fields["title"]:
        note = _text(component, "summary")[:255]
    if same_time:
        return {"date": day, "action": "note", "note": note}
    return {"date": day, "action": "move", "new_start": start, "new_end": end, "note": note}


def parse(data):
    """The feed's events as Parsed records, one per UID; FeedError when it is not iCalendar."""
    try:
        calendar = Calendar.from_ical(data)
        # Google puts floating or UTC times in X-WR-TIMEZONE's zone; make them explicit.
        calendar = x_wr_timezone.to_standard(calendar)
    except (ValueError, IndexError, KeyError) as error:
        raise FeedError(f"This is not a valid iCalendar file: {error}") from error
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise FeedError("This is not an iCalendar file (no BEGIN:VCALENDAR).")
    masters, overrides = {}, {}
    try:
        for component in calendar.walk("VEVENT"):
            uid = _text(component, "uid")
            if not uid:
                raise FeedError("An event in the calendar has no UID, so it cannot be tracked.")
            if "recurrence-id" in component:
                overrides.setdefault(uid, []).append(component)
            else:
                masters[uid] = component
        parsed = []
        for uid, component in masters.items():
            fields = _master_fields(component, uid)
            changes = [
                {"date": _local_day(d), "action": "cancel"} for d in _values(component, "exdate")
            ]
            for value in _values(component, "rdate"):
                if isinstance(value, tuple):  # a PERIOD: take its start
                    value = value[0]
                changes.append(
                    {"date": _local_day(value), "action": "add", "new_start": _aware(value)}
                )
            for override in overrides.get(uid, []):
                changes.append(_override_change(override, fields))
            sequence = component.get("sequence")
            modified = component.decoded("last-modified") if "last-modified" in component else None
            parsed.append(
                Parsed(
                    uid=uid[:255],
                    fields=fields,
                    changes=changes,
                    sequence=int(sequence) if sequence is not None else None,
                    modified=_aware(modified) if modified is not None else None,
                )
            )
    except FeedError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise FeedError(f"The calendar contains an event we cannot read: {error}") from error
    return parsed


# -- applying --------------------------------------------------------------------------------


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0

    def __str__(self):
        return (
            f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.cancelled} cancelled (gone from the calendar)"
        )


def _store(event, as_draft):
    """Save as the admin would: a revision, published unless the feed asks for moderation.

    A draft goes into the neighbourhood's workflow (as a resident's submission does), so it
    waits on its moderators' dashboard instead of lying unnoticed among the drafts.
    """
    if event.pk is None:
        event.live = False
        event.save()
    revision = event.save_revision()
    if not as_draft:
        revision.publish()
        return
    workflow = event.get_workflow()
    if workflow is not None and not event.workflow_in_progress:
        # A feed runs unattended: the workflow records no requester (Wagtail allows None).
        workflow.start(event, None)


def _apply_one(record, *, neighbourhood, feed, existing, as_draft, venue, tags):
    event = existing.get(record.uid)
    if (
        event is not None
        and (record.sequence is not None or record.modified is not None)
        and (event.source_sequence, event.source_modified) == (record.sequence, record.modified)
    ):
        return "unchanged"
    created = event is None
    if created:
        event = Event(
            neighbourhood=neighbourhood,
            feed=feed,
            source_uid=record.uid,
            locale=Locale.get_default(),
            venue=venue,
        )
    for name, value in record.fields.items():
        setattr(event, name, value)
    if venue is not None and not event.venue_id:
        event.venue = venue
        event.place = ""
    event.source_sequence = record.sequence
    event.source_modified = record.modified
    event.exceptions = [EventException(**change) for change in record.changes]
    if created:
        event.slug = ""
    try:
        event.full_clean(exclude=["slug"])
    except Exception as error:
        raise FeedError(f"The event “{record.fields['title']}” is not valid: {error}") from error
    if tags:
        event.tags.add(*tags)
    _store(event, as_draft)
    return "created" if created else "updated"


def import_events(data, *, neighbourhood, feed=None, stdout=None):
    """Import parsed iCalendar bytes into `neighbourhood`, all or nothing."""
    records = parse(data)
    as_draft = bool(feed and feed.import_as_drafts)
    venue = feed.default_venue if feed else None
    tags = list(feed.tags.names()) if feed else []
    result = Result()
    with transaction.atomic():
        existing = {
            event.source_uid: event
            for event in Event.objects.filter(
                neighbourhood=neighbourhood, feed=feed, locale=Locale.get_default()
            ).exclude(source_uid="")
        }
        for number, record in enumerate(records, 1):
            outcome = _apply_one(
                record,
                neighbourhood=neighbourhood,
                feed=feed,
                existing=existing,
                as_draft=as_draft,
                venue=venue,
                tags=tags,
            )
            setattr(result, outcome, getattr(result, outcome) + 1)
            if stdout is not None and (number % 25 == 0 or number == len(records)):
                stdout.write(f"  {number}/{len(records)} events")
        if feed is not None:
            # Events that vanished from the partner's calendar are cancelled, never deleted:
            # residents who saw them learn they are off.
            seen = {record.uid for record in records}
            for uid, event in existing.items():
                if uid in seen or event.status == EventStatus.CANCELLED:
                    continue
                event.status = EventStatus.CANCELLED
                _store(event, as_draft)
                result.cancelled += 1
    return result


def run_feed(feed, stdout=None):
    """Fetch and import one EventFeed, recording the outcome on it. Returns (ok, message)."""
    try:
        if stdout is not None:
            stdout.write(f"{feed.name}: fetching {feed.url}")
        data = fetch(feed.url)
        if stdout is not None:
            stdout.write(f"  {len(data) // 1024} kB received")
        result = import_events(data, neighbourhood=feed.neighbourhood, feed=feed, stdout=stdout)
        ok, message = True, str(result)
    except FeedError as error:
        ok, message = False, str(error)
    except Exception:
        # Whatever else goes wrong with one feed is recorded on it; the next feed still runs.
        logger.exception("Calendar feed %s (%s) failed", feed.pk, feed.url)
        ok, message = (
            False,
            gettext(
                "Importing this calendar went wrong; nothing was changed. The site's "
                "administrators can find the details in the log."
            ),
        )
    feed.last_run_at = timezone.now()
    feed.last_run_ok = ok
    feed.last_message = message
    feed.save(update_fields=["last_run_at", "last_run_ok", "last_message"])
    return ok, message
