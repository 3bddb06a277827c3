"""`make bench`: the pages residents use, at demo size and at city size, cached and not.

Nothing here passes or fails on time. Every figure is also given as a multiple of two floors
measured in the same run through the same stack — a static file (WhiteNoise) and /robots.txt (the
cheapest Django view) — so runs on different machines compare. The run:

1. the demo city: each key page's median and 95th-percentile server time and its query count,
   with the page cache off and on (in-process, Django's test client);
2. a city (tests/benchmarks/city.py: 20 neighbourhoods, 10,000 venues, 50,000 events of which a
   third repeat, their occurrences, 5,000 news items, 1,000 guides), with its generation time, and
   the same measurements on one of its neighbourhoods and on the portal;
3. requests per second under load: gunicorn (2 sync workers) and wrk -c8 for 5 s per URL, with the
   page cache off and on, for this code and, side by side, for BENCH_BASELINE (a commit, checked
   out beside this one; the code before the city-scale work by default);
4. PostgreSQL's EXPLAIN of the agenda's and the finder's main queries at city size, and how long
   extend_occurrences and re-saving a long series take.

It writes var/bench/results.json and prints one table. PostgreSQL and Redis are required (the
Makefile points DATABASE_URL and REDIS_URL at the local ones unless they are set).
"""

import contextlib
import io
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from events.filters import AgendaFilterSet
from events.models import Event
from events.queries import occurrence_queryset
from infopoint.models import Neighbourhood
from tests.benchmarks.city import Scale, build_city
from tests.demo_city import DemoCity
from tests.utils import host
from venues.queries import venues_in_locale

ROOT = Path(settings.BASE_DIR)
OUT = ROOT / "var" / "bench"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "5"))
BASELINE = os.environ.get("BENCH_BASELINE", "21d2d65")
STATIC = "/static/css/site.css"


def key_pages(event_slug, venue_slug):
    neighbourhood = [
        ("home", "/nl/"),
        ("agenda", "/nl/agenda/"),
        ("agenda, three filters", "/nl/agenda/?when=month&free=on&audience=everyone"),
        ("month view", "/nl/agenda/month/"),
        ("event page", f"/nl/agenda/{event_slug}/"),
        ("finder, three filters", "/nl/ontmoetingsplekken/?capacity=10&free=on&open_now=on"),
        ("venue page", f"/nl/ontmoetingsplekken/{venue_slug}/"),
        ("news", "/nl/nieuws/"),
        ("search", "/nl/zoeken/?q=koffie"),
        ("iCal feed", "/nl/agenda/feed.ics"),
    ]
    portal = [("portal agenda", "/nl/agenda/"), ("portal finder", "/nl/ontmoetingsplekken/")]
    return neighbourhood, portal


def timings(client, host_name, path):
    response = client.get(path, HTTP_HOST=host_name)  # warm routes, caches and fragments
    assert response.status_code == 200, (path, response.status_code)
    samples = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        client.get(path, HTTP_HOST=host_name)
        samples.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(path, HTTP_HOST=host_name)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples) * 1000, 2),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1] * 1000, 2),
        "queries": len(queries),
    }


def measure(neighbourhood, portal_host, event_slug, venue_slug):
    client = Client()
    floors = {
        "static file": timings(client, host(neighbourhood), STATIC),
        "robots.txt": timings(client, host(neighbourhood), "/robots.txt"),
    }
    pages, portal_pages = key_pages(event_slug, venue_slug)
    result = {"floors": floors, "pages": {}}
    for cached in (False, True):
        with override_settings(PAGE_CACHE_SECONDS=300 if cached else 0):
            for name, path in pages:
                row = timings(client, host(neighbourhood), path)
                result["pages"].setdefault(name, {"path": path})[
                    "cached" if cached else "uncached"
                ] = row
            for name, path in portal_pages:
                row = timings(client, portal_host, path)
                result["pages"].setdefault(name, {"path": path})[
                    "cached" if cached else "uncached"
                ] = row
    for row in result["pages"].values():
        for mode in ("uncached", "cached"):
            row[mode]["x_static"] = round(
                row[mode]["median_ms"] / floors["static file"]["median_ms"], 1
            )
            row[mode]["x_robots"] = round(
                row[mode]["median_ms"] / floors["robots.txt"]["median_ms"], 1
            )
    return result


# -- load: gunicorn + wrk -------------------------------------------------------------------------


def free_port():
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(code_dir, page_cache_seconds):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        # The code in code_dir, not the editable install's.
        "PYTHONPATH": str(code_dir),
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    process = subprocess.Popen(  # noqa: S603 - our own interpreter, arguments and code
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--chdir", str(code_dir), "--log-level", "warning"],
        env=env,
        cwd=code_dir,
    )  # fmt: skip
    try:
        for _attempt in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def requests_per_second(base, host_name, path):
    result = subprocess.run(  # noqa: S603 - Debian's wrk, on loopback
        [
            shutil.which("wrk"), "-c8", "-t2", f"-d{LOAD_SECONDS}s",
            "-H", f"Host: {host_name}", base + path,
        ],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    match = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    return {"rps": float(match.group(1)), "errors": int(errors.group(1)) if errors else 0}


def baseline_checkout():
    """BENCH_BASELINE checked out beside this code (once; reused by later runs)."""
    target = OUT / f"baseline-{BASELINE}"
    if not target.exists():
        subprocess.run(  # noqa: S603 - this repository's own git
            [
                shutil.which("git"), "-C", str(ROOT),
                "worktree", "add", "--detach", str(target), BASELINE,
            ],
            check=True, capture_output=True,
        )  # fmt: skip
    return target


def load(neighbourhood, event_slug):
    urls = [
        ("static file", STATIC),
        ("robots.txt", "/robots.txt"),
        ("home", "/nl/"),
        ("agenda", "/nl/agenda/"),
        ("finder", "/nl/ontmoetingsplekken/"),
        ("event page", f"/nl/agenda/{event_slug}/"),
    ]
    codes = {"this code": ROOT}
    if shutil.which("git") and BASELINE:
        codes[f"baseline {BASELINE}"] = baseline_checkout()
    result = {}
    for label, code_dir in codes.items():
        for cached in (False, True):
            if cached and label != "this code":
                continue  # the baseline has no page cache
            with gunicorn(code_dir, 300 if cached else 0) as base:
                for name, path in urls:
                    requests_per_second(base, host(neighbourhood), path)  # warm
                    row = requests_per_second(base, host(neighbourhood), path)
                    result.setdefault(name, {})[
                        f"{label}, {'cached' if cached else 'uncached'}"
                    ] = row
    return result


# -- city-size query plans and write-time work -----------------------------------------------


def explain(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def plans(neighbourhood):
    agenda = AgendaFilterSet(
        {"free": "on", "when": "month"},
        occurrence_queryset("nl").filter(event__neighbourhood=neighbourhood),
    ).qs.order_by("start", "pk")[:20]
    finder = (
        venues_in_locale("nl")
        .filter(neighbourhood=neighbourhood, is_active=True, capacity__gte=10)
        .order_by("name", "pk")
    )
    return {"agenda page": explain(agenda), "finder matches": explain(finder.values_list("pk"))}


def write_time(neighbourhood):
    started = time.perf_counter()
    call_command("extend_occurrences", stdout=io.StringIO())
    extend = time.perf_counter() - started
    series = Event.objects.filter(neighbourhood=neighbourhood, repeat="weekly", interval=1).first()
    started = time.perf_counter()
    series.save()
    resave = time.perf_counter() - started
    return {
        "extend_occurrences_s": round(extend, 1),
        "resave_weekly_series_ms": round(resave * 1000, 1),
    }


# -- the run ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def committed(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.fail("make bench runs on PostgreSQL: set DATABASE_URL (the Makefile does).")
    with django_db_blocker.unblock():
        yield


def sample_slugs(neighbourhood):
    event = Event.objects.filter(neighbourhood=neighbourhood, live=True, repeat="weekly").first()
    venue = neighbourhood.venues.filter(is_active=True).first()
    return event.slug, venue.slug


def test_city_scale(committed, django_db_blocker):
    results = {"rounds": ROUNDS}
    DemoCity.ensure(django_db_blocker)
    lunetten = Neighbourhood.objects.get(slug="lunetten")
    results["demo"] = measure(lunetten, "localhost", *sample_slugs(lunetten))

    started = time.perf_counter()
    city = build_city(Scale())
    results["generation"] = {
        "seconds": round(time.perf_counter() - started, 1),
        "parts": city.seconds,
        "counts": city.counts,
    }
    wijk = city.neighbourhoods[0]
    results["city"] = measure(wijk, "localhost", *sample_slugs(wijk))
    results["plans"] = plans(wijk)
    results["write_time"] = write_time(wijk)
    results["load"] = load(wijk, sample_slugs(wijk)[0])

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str))
    report(results)


def report(results):
    generation = results["generation"]
    print(f"\nCity generated in {generation['seconds']} s: {generation['counts']}")
    for size in ("demo", "city"):
        floors = results[size]["floors"]
        print(
            f"\n{size}: floors static {floors['static file']['median_ms']} ms, "
            f"robots.txt {floors['robots.txt']['median_ms']} ms (median of {results['rounds']})"
        )
        print(
            f"{'page':<24} {'uncached ms':>12} {'p95':>7} {'×robots':>8} {'q':>3}"
            f"   {'cached ms':>10} {'p95':>7} {'q':>3}"
        )
        for name, row in results[size]["pages"].items():
            u, c = row["uncached"], row["cached"]
            print(
                f"{name:<24} {u['median_ms']:>12} {u['p95_ms']:>7} {u['x_robots']:>8}"
                f" {u['queries']:>3}   {c['median_ms']:>10} {c['p95_ms']:>7} {c['queries']:>3}"
            )
    print("\nrequests per second (gunicorn, 2 workers, wrk -c8):")
    for name, modes in results["load"].items():
        print(
            f"  {name:<12} " + "  ".join(f"{mode}: {row['rps']:.0f}" for mode, row in modes.items())
        )
    print(f"\nwrite time at city size: {results['write_time']}")
