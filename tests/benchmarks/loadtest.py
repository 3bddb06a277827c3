"""`make loadtest`: a burst of residents while the hosting fails under it (issue 20, item 8).

On the loopback interface only, bounded in time: the demo city in a PostgreSQL database of its
own (`wijkinfo_loadtest`, loaded once, kept for later runs), a Redis server of its own on a free
port, and gunicorn with the production settings (gunicorn.conf.py: five workers on two cores) and
cache setup (Redis, the page cache on). wrk (Debian's) then sends LOADTEST_CLIENTS (64) concurrent
clients for LOADTEST_SECONDS (60) across home, agenda, finder, an event page and search. A third
of the way in one gunicorn worker is killed (SIGKILL; the master starts another); half way Redis is
stopped and, a few seconds later, started again.

It reports requests per second, the latency median and 99th percentile, every error wrk saw, and
the most PostgreSQL connections the servers held, into var/loadtest/results.json and one table.
The run fails (exit 1) on any response that is not 2xx/3xx, or on more broken connections than
the killed worker can account for (with sync workers, the request it was serving).

    make loadtest                       # 64 clients, 60 s
    LOADTEST_SECONDS=20 make loadtest   # shorter
"""

import contextlib
import http.client
import json
import os
import re
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "loadtest"
BIN = ROOT / ".venv" / "bin"
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
CLIENTS = int(os.environ.get("LOADTEST_CLIENTS", "64"))
# As many workers as production runs (gunicorn.conf.py), unless told otherwise.
WORKERS = int(
    os.environ.get("LOADTEST_WORKERS") or runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"]
)
DATABASE = os.environ.get("LOADTEST_DATABASE", "wijkinfo_loadtest")
PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}
HOST = "lunetten.localhost"
# Broken connections the killed worker may account for: the request it was serving, and the
# ones the kernel had queued on its socket when it died.
KILLED_ALLOWANCE = int(os.environ.get("LOADTEST_KILLED_ALLOWANCE", "8"))

# wrk: each request takes the next address of the list (one script, every thread).
WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1], {["Host"] = "%s"})
end
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise SystemExit(f"nothing answers on 127.0.0.1:{port}")


def psql(sql, database="postgres"):
    result = subprocess.run(  # noqa: S603 - the local psql, our own SQL
        [shutil.which("psql"), "-h", PG["host"], "-p", PG["port"], "-U", PG["user"],
         "-d", database, "-Atc", sql],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def environment(redis_port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{DATABASE}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "PAGE_CACHE_SECONDS": os.environ.get("PAGE_CACHE_SECONDS", "300"),
    }


def prepare_database(env):
    """The demo city, loaded once (load_demo is idempotent: later runs only check it)."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", DATABASE):
        raise SystemExit(f"LOADTEST_DATABASE must be a plain name, not {DATABASE!r}")
    if not psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"):  # noqa: S608 - checked
        psql(f'CREATE DATABASE "{DATABASE}"')
    began = time.monotonic()
    manage = [str(BIN / "python"), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)  # noqa: S603
    subprocess.run([*manage, "load_demo", "--port", "80"], env=env, cwd=ROOT, check=True)  # noqa: S603
    event = psql(
        "SELECT e.slug FROM events_event e JOIN infopoint_neighbourhood n "
        "ON n.id = e.neighbourhood_id JOIN wagtailcore_locale l ON l.id = e.locale_id "
        "WHERE e.live AND n.slug = 'lunetten' AND l.language_code = 'nl' ORDER BY e.id LIMIT 1",
        DATABASE,
    )
    return time.monotonic() - began, event


class Redis:
    """A Redis server of our own, so stopping it touches nobody else's."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, loopback only
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(self.port)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def gunicorn(env):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn and code
        [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--log-level", "error", "--timeout", "30"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    wait_for(port)
    return process, port


def warm_up(port, paths):
    """Each worker renders each page once before the clock starts: a site under a burst has
    been running for a while (templates compiled, routes and the page cache filled)."""
    for _round in range(WORKERS * 2):
        for path in paths:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", path, headers={"Host": HOST})
            status = connection.getresponse().status
            connection.close()
            if status != 200:
                raise SystemExit(f"{path} answers {status} before the run")


def workers_of(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def connections_watch(stop, peak):
    """The most connections the app servers held to the database, sampled twice a second."""
    sql = f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DATABASE}'"  # noqa: S608
    while not stop.is_set():
        with contextlib.suppress(subprocess.CalledProcessError):
            peak.append(int(psql(sql)))
        stop.wait(0.5)


def parse_wrk(text):
    def number(pattern, default=0):
        match = re.search(pattern, text)
        return float(match.group(1)) if match else default

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\b", text, re.M)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    socket_errors = dict.fromkeys(["connect", "read", "write", "timeout"], 0)
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if match:
        socket_errors = dict(zip(socket_errors, map(int, match.groups()), strict=True))
    return {
        "requests": int(number(r"(\d+) requests in")),
        "requests_per_second": number(r"Requests/sec:\s+([\d.]+)"),
        "latency_ms_p50": latency("50"),
        "latency_ms_p99": latency("99"),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": socket_errors,
    }


def main():
    for tool in ("wrk", "redis-server", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"make loadtest needs {tool} (apt-get install wrk redis-server)")
    OUT.mkdir(parents=True, exist_ok=True)
    redis = Redis()
    redis.start()
    env = environment(redis.port)
    server = None
    events = []
    try:
        load_seconds, event = prepare_database(env)
        paths = ["/nl/", "/nl/agenda/", "/nl/ontmoetingsplekken/", f"/nl/agenda/{event}/",
                 "/nl/zoeken/?q=koffie"]  # fmt: skip
        script = OUT / "paths.lua"
        script.write_text(WRK_SCRIPT % (", ".join(f'"{p}"' for p in paths), HOST))
        server, port = gunicorn(env)
        warm_up(port, paths)
        stop, peak = threading.Event(), []
        watcher = threading.Thread(target=connections_watch, args=(stop, peak), daemon=True)
        watcher.start()
        wrk = subprocess.Popen(  # noqa: S603 - Debian's wrk, on loopback
            [shutil.which("wrk"), f"-c{CLIENTS}", "-t2", f"-d{SECONDS}s", "--latency",
             "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        began = time.monotonic()

        def at(fraction):
            time.sleep(max(0.0, began + SECONDS * fraction - time.monotonic()))
            return round(time.monotonic() - began, 1)

        moment = at(1 / 3)
        killed = workers_of(server)[0]
        os.kill(killed, signal.SIGKILL)
        events.append({"at_s": moment, "what": f"worker {killed} killed (SIGKILL)"})
        moment = at(1 / 2)
        redis.stop()
        events.append({"at_s": moment, "what": "Redis stopped"})
        moment = at(1 / 2 + 5 / SECONDS)
        redis.start()
        events.append({"at_s": moment, "what": "Redis started again"})
        output, _ = wrk.communicate(timeout=SECONDS + 60)
        stop.set()
        watcher.join()
        respawned = len(workers_of(server)) == WORKERS
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        redis.stop()

    results = {
        "clients": CLIENTS,
        "seconds": SECONDS,
        "gunicorn_workers": WORKERS,
        "urls": paths,
        "demo_prepared_s": round(load_seconds, 1),
        **parse_wrk(output),
        "database_connections_max": max(peak, default=0),
        "faults": events,
        "worker_respawned": respawned,
    }
    broken = sum(results["socket_errors"].values())
    results["unexpected_errors"] = results["non_2xx_3xx"] + max(0, broken - KILLED_ALLOWANCE)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(output)
    print(f"{'requests/s':<28}{results['requests_per_second']:>12.1f}")
    print(f"{'requests':<28}{results['requests']:>12}")
    p50, p99 = results["latency_ms_p50"], results["latency_ms_p99"]
    print(f"{'latency p50 / p99 (ms)':<28}{p50:>6} / {p99}")
    print(f"{'non-2xx/3xx responses':<28}{results['non_2xx_3xx']:>12}")
    print(f"{'broken connections':<28}{broken:>12}  (killed worker allowance {KILLED_ALLOWANCE})")
    print(f"{'database connections, max':<28}{results['database_connections_max']:>12}")
    print(f"{'worker respawned':<28}{respawned!s:>12}")
    for event in events:
        print(f"  at {event['at_s']:>5} s: {event['what']}")
    print(f"unexpected errors: {results['unexpected_errors']}  ({OUT / 'results.json'})")
    return 1 if results["unexpected_errors"] or not respawned else 0


if __name__ == "__main__":
    sys.exit(main())
