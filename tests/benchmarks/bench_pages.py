"""`make bench`: how long the pages residents use take, as multiples of a floor.

The floor is the cheapest request the stack answers (robots.txt: middleware, routing, one
template, no database), measured in the same run on the same machine, so the ratios compare
across machines and runs where absolute times do not. Nothing here passes or fails on time:
the table is printed for people to read, and the query counts next to it are the numbers the
test suite holds as budgets.
"""

import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.utils import get

pytestmark = pytest.mark.django_db

ROUNDS = 30
PAGES = [
    ("home", "/nl/"),
    ("venue finder", "/nl/ontmoetingsplekken/"),
    ("venue finder, filtered", "/nl/ontmoetingsplekken/?facility=kitchen&access=step-free"),
    ("venue detail", "/nl/ontmoetingsplekken/buurthuis-lunetten/"),
    ("agenda", "/nl/agenda/"),
    ("agenda, English", "/en/events/"),
    ("agenda as iCal", "/nl/agenda/feed.ics"),
    ("news", "/nl/nieuws/"),
    ("search", "/nl/zoeken/?q=koffie"),
]


def median_time(client, neighbourhood, path):
    get(client, neighbourhood, path)  # warm caches and routes, as a visited site is
    samples = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        response = get(client, neighbourhood, path)
        samples.append(time.perf_counter() - started)
    assert response.status_code == 200, path
    return statistics.median(samples)


def test_page_timings_against_the_floor(client, demo_city):
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    floor = median_time(client, lunetten, "/robots.txt")
    rows = []
    for name, path in PAGES:
        seconds = median_time(client, lunetten, path)
        with CaptureQueriesContext(connection) as queries:
            get(client, lunetten, path)
        rows.append((name, seconds / floor, seconds * 1000, len(queries)))

    print(f"\nfloor (robots.txt): {floor * 1000:.2f} ms, median of {ROUNDS}")
    print(f"{'page':<26} {'× floor':>8} {'ms':>8} {'queries':>8}")
    for name, ratio, milliseconds, query_count in rows:
        print(f"{name:<26} {ratio:>8.1f} {milliseconds:>8.2f} {query_count:>8}")
