"""Importing partner calendars (iCalendar) into a neighbourhood's agenda.

One feed is one transaction: a malformed, oversized or slow feed changes nothing and marks the
feed failed with a message an editor can act on; an event in it that cannot be used is skipped
and named, and the rest imports (events/ical_read.py reads the file). Events are matched by UID
(and RECURRENCE-ID for changed dates), so importing again updates rather than duplicates.
"""

import logging
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from taggit.models import Tag
from wagtail.models import Locale, ModelLogEntry, Revision
from wagtail.search.backends import get_search_backends

from infopoint.cache import invalidate_on_commit

from . import ical_read
from .fetching import FeedError, fetch
from .ical_read import Problem, Unusable
from .models import Event, EventException, EventStatus, EventTag, Occurrence
from .models.rules import SlugPool
from .occurrences import horizon, occurrence_rows, window_start
from .recurrence import expand

logger = logging.getLogger(__name__)

# -- applying --------------------------------------------------------------------------------


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    problems: list = field(default_factory=list)  # ical_read.Problem, skipped or corrected

    @property
    def skipped(self):
        return [problem for problem in self.problems if problem.skipped]

    def __str__(self):
        summary = _(
            "%(created)s new, %(updated)s updated, %(unchanged)s unchanged, "
            "%(cancelled)s cancelled (gone from the calendar)"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "cancelled": self.cancelled,
        }
        lines = [summary]
        skipped = self.skipped
        if skipped:
            lines.append(
                ngettext(
                    "%(count)s event was skipped:",
                    "%(count)s events were skipped:",
                    len(skipped),
                )
                % {"count": len(skipped)}
            )
            lines += [f"- {problem}" for problem in skipped]
        corrected = [problem for problem in self.problems if not problem.skipped]
        if corrected:
            lines.append(_("Imported with a correction:"))
            lines += [f"- {problem}" for problem in corrected]
        return "\n".join(lines)


def _store(event, as_draft):
    """A revision, published unless the feed asks for moderation; a draft waits in the
    neighbourhood's workflow (infopoint.workflows). A feed runs unattended: no user."""
    if event.pk is None:
        event.live = False
        event.save()
    event.publish_or_submit(publish=not as_draft)


def _fill(event, record, venue):
    for name, value in record.fields.items():
        setattr(event, name, value)
    if venue is not None and not event.venue_id:
        event.venue = venue
        event.place = ""
    event.source_sequence = record.sequence
    event.source_modified = record.modified
    event.source_hash = record.digest


def _apply_one(record, *, neighbourhood, feed, existing, as_draft, venue, tags, slugs):
    """Create or update one event the way the admin saves it (a revision, then publish or
    moderation): for changed events and feeds that import as drafts."""
    event = existing.get(record.uid)
    created = event is None
    if created:
        event = Event(
            neighbourhood=neighbourhood,
            feed=feed,
            source_uid=record.uid,
            locale=Locale.get_default(),
            venue=venue,
        )
    _fill(event, record, venue)
    event.exceptions = [EventException(**change) for change in record.changes]
    if created:
        event.slug = slugs.take(event.title)
    try:
        event.full_clean(exclude=["slug"])
    except ValidationError as error:
        raise Unusable(" ".join(error.messages)) from error
    if tags:
        event.tags.add(*tags)
    _store(event, as_draft)
    return "created" if created else "updated"


def _new_event(record, *, neighbourhood, feed, locale, venue, slugs, now):
    """An unsaved, checked, published-to-be event for `_publish_new` (Unusable if invalid)."""
    event = Event(
        neighbourhood=neighbourhood,
        feed=feed,
        source_uid=record.uid,
        locale=locale,
        venue=venue,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )
    _fill(event, record, venue)
    event.slug = slugs.take(event.title)
    try:
        # The checks full_clean makes, without its per-event uniqueness queries: the slug comes
        # from the pool of free ones and the translation key is new.
        # Foreign keys are the importer's own (neighbourhood, feed, locale, venue): not
        # looked up again per event.
        event.clean_fields(exclude=["slug", "translation_key", *FOREIGN_KEYS])
        event.clean()
        changes = [EventException(locale=locale, **change) for change in record.changes]
        for change in changes:
            change.clean_fields(exclude=["event", "translation_key", "locale"])
            change.clean()
    except ValidationError as error:
        raise Unusable(" ".join(error.messages)) from error
    return event, changes


@transaction.atomic
def _publish_new(pairs, tags):
    """Create and publish many new events in a handful of queries (what save_revision and
    publish do one by one): events, their changed dates, their first revisions, live, with
    their occurrences, tags, search index entries and a publish entry in each one's history."""
    if not pairs:
        return
    now = timezone.now()
    events = Event.objects.bulk_create([event for event, _changes in pairs], batch_size=500)
    content_type = ContentType.objects.get_for_model(Event)
    base_type = ContentType.objects.get_for_model(events[0].get_base_content_type().model_class())
    changes, changes_of = [], {}
    for event, (_event, event_changes) in zip(events, pairs, strict=True):
        for order, change in enumerate(event_changes):
            change.event = event
            change.sort_order = order
        event.exceptions = event_changes  # what the revision records
        event.tagged = [EventTag(tag=tag, content_object=event) for tag in tags]
        changes_of[event.pk] = event_changes
        changes.extend(event_changes)
    EventException.objects.bulk_create(changes, batch_size=500)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=base_type,
                object_id=str(event.pk),
                created_at=now,
                content=event.serializable_data(),
                object_str=str(event),
            )
            for event in events
        ],
        batch_size=500,
    )
    for event, revision in zip(events, revisions, strict=True):
        event.latest_revision = revision
        event.live_revision = revision
    Event.objects.bulk_update(events, ["latest_revision", "live_revision"], batch_size=500)
    window = (horizon(), window_start())
    rows = []
    for event in events:
        rows += occurrence_rows(event, expand(event.schedule(changes_of[event.pk]), *window))
    Occurrence.objects.bulk_create(rows, batch_size=1000)
    if tags:
        EventTag.objects.bulk_create(
            [tagged for event in events for tagged in event.tagged.all()], batch_size=1000
        )
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(event.pk),
                label=str(event)[:255],
                action="wagtail.publish",
                timestamp=now,
                revision=revision,
                content_changed=True,
                data={},
            )
            for event, revision in zip(events, revisions, strict=True)
        ],
        batch_size=500,
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Event, events)
    invalidate_on_commit()  # the agenda's pages show these dates


def _problem(record, reason):
    start = record.fields.get("start")
    return Problem(
        record.fields.get("title", ""), ical_read.readable_start(start), reason, uid=record.uid
    )


BATCH = 500  # new events written together
FOREIGN_KEYS = [
    "locale", "neighbourhood", "feed", "venue", "image", "latest_revision", "live_revision",
    "locked_by",
]  # fmt: skip
PROGRESS = 250  # a progress line every so many events


def _apply_single(record, result, **kwargs):
    """`_apply_one` in a savepoint: a failing event leaves the others as they were."""
    try:
        with transaction.atomic():
            return _apply_one(record, **kwargs)
    except Unusable as error:
        result.problems.append(_problem(record, str(error)))
    except (DatabaseError, ValueError, TypeError, OverflowError):
        result.problems.append(_problem(record, _("It could not be saved.")))
    return None


def _publish_batch(batch, tags, result, neighbourhood, feed, locale, venue):
    """Write a batch of new events at once; should the database refuse the batch, each one on
    its own, so that only the event at fault is skipped."""
    try:
        with transaction.atomic():
            _publish_new(batch, tags)
    except DatabaseError:
        for event, changes in batch:
            record = ical_read.Parsed(uid=event.source_uid, fields={"title": event.title})
            try:
                with transaction.atomic():
                    event.pk = None
                    _publish_new([(event, changes)], tags)
            except DatabaseError:
                result.problems.append(_problem(record, _("It could not be saved.")))
                continue
            result.created += 1
        return
    result.created += len(batch)


def import_events(data, *, neighbourhood, feed=None, stdout=None):
    """Import iCalendar bytes into `neighbourhood`, in one transaction.

    A file that is no calendar changes nothing (FeedError). An event that cannot be used is
    skipped and named in the result; the others are imported.
    """
    try:
        parsed = ical_read.parse_feed(data)
    except ical_read.FeedUnreadable as error:
        raise FeedError(str(error)) from error
    records = parsed.records
    as_draft = bool(feed and feed.import_as_drafts)
    venue = feed.default_venue if feed else None
    tags = list(feed.tags.names()) if feed else []
    result = Result(problems=list(parsed.problems))
    locale = Locale.get_default()
    with transaction.atomic():
        existing = {
            event.source_uid: event
            for event in Event.objects.filter(
                neighbourhood=neighbourhood, feed=feed, locale=locale
            ).exclude(source_uid="")
        }
        slugs = SlugPool(
            Event.objects.filter(neighbourhood=neighbourhood, locale=locale).values_list(
                "slug", flat=True
            )
        )
        tag_objects = [Tag.objects.get_or_create(name=name)[0] for name in tags]
        now = timezone.now()
        batch = []
        for number, record in enumerate(records, 1):
            event = existing.get(record.uid)
            if event is not None and event.source_hash == record.digest:
                result.unchanged += 1
            elif event is None and not as_draft:
                # New and published at once: checked now, written with others in bulk.
                try:
                    batch.append(
                        _new_event(
                            record,
                            neighbourhood=neighbourhood,
                            feed=feed,
                            locale=locale,
                            venue=venue,
                            slugs=slugs,
                            now=now,
                        )
                    )
                except Unusable as error:
                    result.problems.append(_problem(record, str(error)))
                except (ValueError, TypeError, OverflowError):
                    result.problems.append(_problem(record, _("It could not be saved.")))
            else:
                outcome = _apply_single(
                    record,
                    result,
                    neighbourhood=neighbourhood,
                    feed=feed,
                    existing=existing,
                    as_draft=as_draft,
                    venue=venue,
                    tags=tags,
                    slugs=slugs,
                )
                if outcome:
                    setattr(result, outcome, getattr(result, outcome) + 1)
            if len(batch) >= BATCH or (batch and number == len(records)):
                _publish_batch(batch, tag_objects, result, neighbourhood, feed, locale, venue)
                batch = []
            if stdout is not None and (number % PROGRESS == 0 or number == len(records)):
                stdout.write(f"  {number}/{len(records)} events")
        if feed is not None:
            # Events that vanished from the partner's calendar are cancelled, never deleted:
            # residents who saw them learn they are off. One that is there but could not be
            # read this time has not vanished.
            seen = {record.uid for record in records}
            if result.skipped:
                seen |= parsed.unreadable_uids
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
        ok, message, skipped = True, str(result), len(result.skipped)
    except FeedError as error:
        ok, message, skipped = False, str(error), 0
    except Exception:
        # Whatever else goes wrong with one feed is recorded on it; the next feed still runs.
        logger.exception("Calendar feed %s (%s) failed", feed.pk, feed.url)
        ok, skipped = False, 0
        message = _(
            "Importing this calendar went wrong; nothing was changed. The site's "
            "administrators can find the details in the log."
        )
    feed.last_run_at = timezone.now()
    feed.last_run_ok, feed.last_message, feed.last_skipped = ok, message, skipped
    feed.save(update_fields=["last_run_at", "last_run_ok", "last_message", "last_skipped"])
    return ok, message
