"""Partner calendars flow in: four calendar apps' styles, re-imports, failures changing nothing."""

import io
import threading
import time
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from events.fetching import FeedError, fetch
from events.importer import import_events, run_feed
from events.models import Event, EventFeed, Occurrence
from events.recurrence import TZ
from tests.events.conftest import local

FIXTURES = Path(__file__).parent / "fixtures"
# The fixture calendars hold dates from December 2026 on: import them as a fresh feed would be,
# a little before, so the stored horizon (18 months from now) reaches all of their dates.
pytestmark = pytest.mark.time_machine(datetime(2026, 11, 20, 12, 0, tzinfo=TZ), tick=True)


def fixture(name):
    return (FIXTURES / name).read_bytes()


def local_starts(title):
    return [
        o.start.astimezone(TZ)
        for o in Occurrence.objects.filter(event__title=title, cancelled=False)
    ]


def test_google_calendar(lunetten):
    result = import_events(fixture("google.ics"), neighbourhood=lunetten)
    assert (result.created, result.updated) == (3, 0)

    reading = local_starts("Leesclub")
    assert reading[:3] == [
        local(2026, 12, 3, 19, 30),
        local(2026, 12, 10, 19, 30),
        local(2026, 12, 17, 19, 30),
    ]
    # EXDATEs become cancelled dates; the RECURRENCE-ID override moves 7 January to the 8th.
    assert local(2026, 12, 24, 19, 30) not in reading
    assert local(2027, 1, 8, 20, 0) in reading and local(2027, 1, 7, 19, 30) not in reading
    assert Occurrence.objects.filter(event__title="Leesclub", cancelled=True).count() == 2
    # A UTC time in a calendar with X-WR-TIMEZONE shows in Amsterdam time.
    assert local_starts("Voorleesmiddag") == [local(2026, 12, 12, 14, 0)]
    market = Event.objects.get(title="Boekenmarkt")
    assert market.all_day and local_starts("Boekenmarkt") == [local(2026, 12, 19, 0, 0)]
    leesclub = Event.objects.get(title="Leesclub")
    assert leesclub.live and leesclub.source_uid == "4kq3v9c0example1@google.com"
    assert leesclub.place.startswith("Bibliotheek Lunetten")


def test_outlook_exchange_calendar_with_windows_time_zone(lunetten):
    import_events(fixture("outlook.ics"), neighbourhood=lunetten)
    consultation = local_starts("Spreekuur wijkteam")
    assert consultation[0] == local(2026, 12, 15, 10, 0)
    assert local(2026, 12, 29, 10, 0) not in consultation  # EXDATE
    assert consultation[-1] == local(2027, 6, 29, 10, 0)  # UNTIL (in UTC) respected, every 2 weeks
    assert {(s.hour, s.minute) for s in consultation} == {(10, 0)}  # across the DST switch
    assert local_starts("Informatieavond speeltuin") == [local(2027, 1, 15, 19, 30)]


def test_nextcloud_calendar_with_rdate_and_count(lunetten):
    import_events(fixture("nextcloud.ics"), neighbourhood=lunetten)
    repair = local_starts("Repair Café")
    assert len(repair) == 13  # COUNT=12 plus one RDATE
    assert repair[:3] == [local(2026, 12, 5, 10), local(2026, 12, 19, 10), local(2027, 1, 2, 10)]


def test_apple_calendar_with_cancelled_override_floating_time_and_multi_day(lunetten):
    import_events(fixture("apple.ics"), neighbourhood=lunetten)
    garden = local_starts("Tuinieren in de buurttuin")
    assert local(2026, 12, 9, 14) in garden and local(2026, 12, 16, 14) not in garden
    assert local_starts("Zadenavond") == [local(2027, 1, 20, 19, 0)]  # floating = local time
    swap = Occurrence.objects.get(event__title="Plantjesruil weekend")
    assert (swap.start, swap.end) == (local(2027, 3, 11, 0), local(2027, 3, 13, 0))


def test_reimport_updates_without_duplicates_and_cancels_what_vanished(lunetten):
    feed = EventFeed.objects.create(
        name="Bieb", url="https://example.org/a.ics", neighbourhood=lunetten
    )
    first = import_events(fixture("google.ics"), neighbourhood=lunetten, feed=feed)
    assert first.created == 3
    counts = (Event.objects.count(), Occurrence.objects.count())

    again = import_events(fixture("google.ics"), neighbourhood=lunetten, feed=feed)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert (Event.objects.count(), Occurrence.objects.count()) == counts

    changed = (
        fixture("google.ics")
        .replace(b"SUMMARY:Voorleesmiddag", b"SUMMARY:Voorleesmiddag (nieuwe tijd)")
        .replace(b"DTSTART:20261212T130000Z\r\n", b"DTSTART:20261212T140000Z\r\n")
        .replace(b"DTSTART:20261212T130000Z\n", b"DTSTART:20261212T140000Z\n")
        .replace(
            b"8.\nLAST-MODIFIED:20261110T120000Z\nSEQUENCE:0",
            b"8.\nLAST-MODIFIED:20261121T120000Z\nSEQUENCE:1",
        )
    )
    changed = _without_event(changed, b"UID:9cd2example3@google.com")
    result = import_events(changed, neighbourhood=lunetten, feed=feed)
    assert (result.created, result.updated, result.cancelled) == (0, 1, 1)
    assert Event.objects.count() == 3
    assert local_starts("Voorleesmiddag (nieuwe tijd)") == [local(2026, 12, 12, 15, 0)]
    gone = Event.objects.get(source_uid="9cd2example3@google.com")
    assert gone.status == "EventCancelled" and gone.live


def _without_event(data, uid_line):
    at = data.index(uid_line)
    start = data.rindex(b"BEGIN:VEVENT", 0, at)
    end = data.index(b"END:VEVENT", at) + len(b"END:VEVENT\n")
    return data[:start] + data[end:]


def test_feed_set_to_drafts_imports_for_moderation(lunetten):
    feed = EventFeed.objects.create(
        name="Bewoners",
        url="https://example.org/b.ics",
        neighbourhood=lunetten,
        import_as_drafts=True,
    )
    import_events(fixture("apple.ics"), neighbourhood=lunetten, feed=feed)
    assert Event.objects.count() == 3
    assert not Event.objects.filter(live=True).exists()
    assert not Occurrence.objects.exists()
    assert all(e.latest_revision_id for e in Event.objects.all())


@pytest.mark.parametrize(
    "data",
    [fixture("malformed.ics"), b"<html>Not a calendar</html>"],
    ids=["broken-file", "html"],
)
def test_a_file_that_is_no_calendar_changes_nothing(lunetten, data):
    import_events(fixture("apple.ics"), neighbourhood=lunetten)
    before = sorted(Event.objects.values_list("title", "status", "live"))
    occurrences = Occurrence.objects.count()
    with pytest.raises(FeedError) as error:
        import_events(data, neighbourhood=lunetten)
    assert "agendabestand" in str(error.value)
    assert sorted(Event.objects.values_list("title", "status", "live")) == before
    assert Occurrence.objects.count() == occurrences


def test_an_unusable_event_is_skipped_and_named_and_the_others_import(lunetten):
    broken = (
        fixture("google.ics")
        .replace(b"RRULE:FREQ=WEEKLY;BYDAY=TH", b"RRULE:FREQ=MINUTELY")
        .replace(b"DTSTART;VALUE=DATE:20261219", b"DTSTART;VALUE=DATE:20261319")
    )
    result = import_events(broken, neighbourhood=lunetten)
    assert result.created == 1
    assert local_starts("Voorleesmiddag") == [local(2026, 12, 12, 14, 0)]
    reasons = {problem.title: problem for problem in result.skipped}
    assert set(reasons) == {"Leesclub", "Boekenmarkt"}
    # A sentence for a volunteer, in Dutch, naming the title and the start; no Python.
    assert reasons["Leesclub"].start == "3 december 2026, 19:30"
    assert "vaker dan dagelijks" in reasons["Leesclub"].reason
    assert "DTSTART" in reasons["Boekenmarkt"].reason
    message = str(result)
    assert "2 evenementen zijn overgeslagen" in message and "“Leesclub” (3 december 2026" in message
    for python in ("datetime", "Traceback", "Error", "can't", "argument"):
        assert python not in message


def test_events_without_uid_get_a_stable_one_and_mixed_date_types_import(lunetten):
    data = (
        fixture("google.ics")
        .replace(b"UID:7ab1example2@google.com\n", b"")
        .replace(b"DTEND;VALUE=DATE:20261220", b"DTEND:20261219T170000Z")
    )
    first = import_events(data, neighbourhood=lunetten)
    assert (first.created, first.skipped) == (3, [])
    uid = Event.objects.get(title="Voorleesmiddag").source_uid
    assert uid.startswith("generated-")
    again = import_events(data, neighbourhood=lunetten)
    assert (again.created, again.unchanged) == (0, 3)
    assert Event.objects.get(title="Voorleesmiddag").source_uid == uid
    # A DATE start with a DATE-TIME end: from midnight to the end, as calendar apps show it.
    market = Occurrence.objects.get(event__title="Boekenmarkt")
    assert (market.start, market.end) == (local(2026, 12, 19, 0), local(2026, 12, 19, 18))


def test_a_feed_run_lists_what_it_skipped(lunetten, monkeypatch):
    feed = EventFeed.objects.create(
        name="Bieb", url="https://example.org/a.ics", neighbourhood=lunetten
    )
    broken = fixture("google.ics").replace(b"RRULE:FREQ=WEEKLY;BYDAY=TH", b"RRULE:FREQ=MINUTELY")
    monkeypatch.setattr("events.importer.fetch", lambda url: broken)
    ok, message = run_feed(feed)
    feed.refresh_from_db()
    assert ok and feed.last_run_ok
    assert feed.last_message.startswith("2 nieuw")
    assert "1 evenement is overgeslagen" in feed.last_message
    assert "“Leesclub” (3 december 2026, 19:30)" in feed.last_message
    # Unreadable this time is not gone: a re-import does not cancel it.
    import_events(fixture("google.ics"), neighbourhood=lunetten, feed=feed)
    result = import_events(broken, neighbourhood=lunetten, feed=feed)
    assert result.cancelled == 0
    assert Event.objects.get(title="Leesclub").status == "EventScheduled"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        if self.path == "/slow.ics":
            time.sleep(2.5)
        body = fixture("nextcloud.ics")
        if self.path == "/huge.ics":
            body = body * 50
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def calendar_server(settings):
    """A calendar server on the loopback interface only (which feeds may reach only when the
    settings allow it, as for an intranet)."""
    settings.EVENTS_FEED_PRIVATE_NETWORKS = ["127.0.0.0/8"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetching_a_feed_over_http_with_progress(lunetten, calendar_server):
    feed = EventFeed.objects.create(
        name="Repair", url=f"{calendar_server}/ok.ics", neighbourhood=lunetten
    )
    out = io.StringIO()
    call_command("import_event_feeds", "--feed", str(feed.pk), stdout=out)
    feed.refresh_from_db()
    assert feed.last_run_ok is True and "1 nieuw" in feed.last_message
    assert "fetching" in out.getvalue() and "1/1 events" in out.getvalue()
    assert Event.objects.filter(title="Repair Café", feed=feed, live=True).exists()


def test_slow_and_oversized_feeds_fail_cleanly(lunetten, calendar_server, settings):
    settings.EVENTS_FEED_TIMEOUT = 1
    slow = EventFeed.objects.create(
        name="Traag", url=f"{calendar_server}/slow.ics", neighbourhood=lunetten
    )
    ok, message = run_feed(slow)
    assert not ok and "kwam niet binnen 1 seconden binnen" in message

    settings.EVENTS_FEED_MAX_BYTES = 10_000
    huge = EventFeed.objects.create(
        name="Groot", url=f"{calendar_server}/huge.ics", neighbourhood=lunetten
    )
    ok, message = run_feed(huge)
    huge.refresh_from_db()
    assert not ok and huge.last_run_ok is False and "groter dan" in huge.last_message
    assert not Event.objects.exists()

    with pytest.raises(CommandError, match="2 calendar feed"):
        call_command("import_event_feeds", stdout=io.StringIO())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.ics", "gopher://x"])
def test_only_http_urls_are_fetched(url):
    with pytest.raises(FeedError, match="Alleen http"):
        fetch(url)


def test_import_a_file_from_the_command_line(lunetten, tmp_path):
    out = io.StringIO()
    call_command(
        "import_event_feeds",
        "--file",
        str(FIXTURES / "outlook.ics"),
        "--neighbourhood",
        "lunetten",
        stdout=out,
    )
    assert "2 nieuw" in out.getvalue()
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command(
            "import_event_feeds",
            "--file",
            str(FIXTURES / "malformed.ics"),
            "--neighbourhood",
            "lunetten",
        )
    assert Event.objects.count() == 2
    assert date(2026, 12, 15) in {o.start.astimezone(TZ).date() for o in Occurrence.objects.all()}


def _queries_for(data, neighbourhood, feed):
    count = []

    def counter(execute, sql, params, many, context):
        count.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        result = import_events(data, neighbourhood=neighbourhood, feed=feed)
    return len(count), result


def test_new_events_are_written_in_bulk_as_the_admin_would_publish_them(lunetten):
    """Slugs, revisions, publishing, occurrences, tags and the search index for many new events
    in the same few queries as for a few (the old importer took 77 queries per event)."""
    from wagtail.models import ModelLogEntry

    from tests.benchmarks.feeds import generated_feed

    feeds = []
    for name in ("klein", "groot"):
        feed = EventFeed.objects.create(
            name=name, url=f"https://example.org/{name}.ics", neighbourhood=lunetten
        )
        feed.tags.add("buurt")
        feed.save()
        feeds.append(feed)
    few, _result = _queries_for(generated_feed(10, seed=1), lunetten, feeds[0])
    many, result = _queries_for(generated_feed(60, seed=2), lunetten, feeds[1])
    assert result.created == 60
    # The same on PostgreSQL; SQLite's limit on query parameters makes Django split the bulk
    # inserts of 60 events into a few more batches, never a query per event.
    assert few == many if connection.vendor == "postgresql" else many - few < 10

    events = Event.objects.filter(feed=feeds[1])
    # Same titles, different slugs, free of the first feed's.
    assert len({e.slug for e in Event.objects.all()}) == Event.objects.count() == 70
    assert all(e.live and e.latest_revision_id == e.live_revision_id is not None for e in events)
    assert not any(e.has_unpublished_changes for e in events)
    assert ModelLogEntry.objects.filter(action="wagtail.publish").count() == 70
    assert set(Event.objects.filter(tags__name="buurt").values_list("pk", flat=True)) == set(
        Event.objects.values_list("pk", flat=True)
    )
    series = events.filter(repeat="custom").prefetch_related("exceptions").first()
    assert series.exceptions.exists()
    stored = sorted(series.occurrences.values_list("start", "end", "cancelled"))
    series.save()  # what the event's own schedule gives, written the one-by-one way
    assert sorted(series.occurrences.values_list("start", "end", "cancelled")) == stored
    # The admin's event search (Wagtail's index) finds them.
    from wagtail.search.backends import get_search_backend

    assert len(get_search_backend().search("Activiteit", Event)) > 0
