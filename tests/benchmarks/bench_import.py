"""`make bench`: importing a large partner calendar, and importing it again unchanged (issue 16).

Nothing here passes or fails on time: the figures are printed (and written to
var/bench/import.json) for people to read. BENCH_FEED_EVENTS sets the feed's size (5,000).
"""

import io
import json
import os
import time
from datetime import datetime

import pytest
from django.conf import settings
from django.db import connection

from events.importer import import_events
from events.models import Event, EventFeed, Occurrence
from events.recurrence import TZ
from tests.benchmarks.feeds import generated_feed

pytestmark = [
    pytest.mark.django_db,
    # The feed's dates are fixed: import it as a fresh feed would be, a little before them.
    pytest.mark.time_machine(datetime(2026, 11, 20, 12, 0, tzinfo=TZ), tick=True),
]
EVENTS = int(os.environ.get("BENCH_FEED_EVENTS", "5000"))


def timed_import(data, neighbourhood, feed):
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    out = io.StringIO()
    with connection.execute_wrapper(count):
        started = time.perf_counter()
        result = import_events(data, neighbourhood=neighbourhood, feed=feed, stdout=out)
        seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 1), "queries": len(queries), "result": str(result)}


def test_import_a_large_feed_and_again_unchanged(lunetten):
    data = generated_feed(EVENTS)
    feed = EventFeed.objects.create(
        name="Groot", url="https://example.org/groot.ics", neighbourhood=lunetten
    )
    first = timed_import(data, lunetten, feed)
    first["events"] = Event.objects.filter(feed=feed).count()
    first["occurrences"] = Occurrence.objects.filter(event__feed=feed).count()
    again = timed_import(data, lunetten, feed)
    results = {
        "events": EVENTS,
        "kB": len(data) // 1024,
        "database": connection.vendor,
        "first import": first,
        "unchanged re-import": again,
    }
    out = settings.BASE_DIR / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "import.json").write_text(json.dumps(results, indent=2))
    print(f"\nfeed of {EVENTS} events ({results['kB']} kB) on {connection.vendor}:")
    for name in ("first import", "unchanged re-import"):
        row = results[name]
        print(f"  {name:<20} {row['seconds']:>7} s  {row['queries']:>7} queries")
    print(f"  {first['events']} events, {first['occurrences']} occurrences")
    assert first["events"] == EVENTS
    assert again["result"].startswith("0 ")
