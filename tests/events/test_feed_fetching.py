"""A feed's address cannot be turned against us, and no feed can stop the others (issue 20).

The servers here listen on the loopback interface; a test lets the fetcher reach them through
EVENTS_FEED_PRIVATE_NETWORKS, as an intranet would, and proves the refusal where it does not.
"""

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events import fetching
from events.fetching import FeedError, fetch
from events.importer import run_feed
from events.models import Event, EventFeed

CALENDAR = (Path(__file__).parent / "fixtures" / "nextcloud.ics").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    """/ok.ics answers; /to?<url> redirects there; /trickle sends a byte at a time; /hang-up
    closes without answering; /missing is 404."""

    hosts = []

    def do_GET(self):  # noqa: N802 - the http.server API
        self.hosts.append(self.headers["Host"])
        if self.path.startswith("/to?"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to?"))
            self.end_headers()
        elif self.path == "/hang-up":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif self.path == "/missing":
            self.send_error(404)
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Length", str(len(CALENDAR)))
            self.end_headers()
            try:
                for byte in CALENDAR[:40]:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):  # the fetcher gave up, as it should
                return
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(CALENDAR)))
            self.end_headers()
            self.wfile.write(CALENDAR)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    """A calendar server on 127.0.0.2, a loopback address of its own."""
    httpd = ThreadingHTTPServer(("127.0.0.2", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.hosts = []
    yield f"http://127.0.0.2:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def intranet(settings):
    """Only the test server's own address is allowed."""
    settings.EVENTS_FEED_PRIVATE_NETWORKS = ["127.0.0.2/32"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/agenda.ics",
        "http://localhost:6379/",
        "http://[::1]:5432/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/agenda.ics",
        "http://192.168.1.1/agenda.ics",
        "http://172.16.0.1/agenda.ics",
        "http://100.64.0.1/agenda.ics",
        "http://0.0.0.0:8000/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://224.0.0.1/",
        "http://2130706433/",  # 127.0.0.1 written as one number
    ],
)
def test_private_loopback_and_metadata_addresses_are_refused(url):
    with pytest.raises(FeedError, match="afgeschermd netwerk"):
        fetch(url)


def test_public_addresses_are_allowed():
    assert fetching.may_fetch_from("93.184.215.14")
    assert fetching.may_fetch_from("2606:4700::6810:84e5")
    assert not fetching.may_fetch_from("::ffff:10.0.0.1")


def test_an_allowed_network_is_fetched(server, intranet):
    assert fetch(f"{server}/ok.ics") == CALENDAR


def test_a_redirect_into_a_private_network_is_refused(server, intranet):
    for target in ["http://127.0.0.1:6379/", "http://localhost:5432/", "http://[::1]/"]:
        with pytest.raises(FeedError, match="afgeschermd netwerk"):
            fetch(f"{server}/to?{target}")
    # Allowed targets still redirect.
    assert fetch(f"{server}/to?{server}/ok.ics") == CALENDAR


def test_a_redirect_to_another_scheme_is_refused(server, intranet):
    with pytest.raises(FeedError, match="Alleen http"):
        fetch(f"{server}/to?file:///etc/passwd")


def test_endless_redirects_end(server, intranet):
    url = f"{server}/ok.ics"
    for _hop in range(fetching.MAX_REDIRECTS + 1):
        url = f"{server}/to?{url}"
    with pytest.raises(FeedError, match="meer dan 5 keer"):
        fetch(url)


def test_the_connection_goes_to_the_address_that_was_checked(server, intranet, monkeypatch):
    """A name is resolved once and its checked address used: a second answer (DNS rebinding)
    never reaches the connection."""
    port = int(server.rsplit(":", 1)[1])
    answers = iter(["127.0.0.2", "127.0.0.1"])
    lookups = []

    def resolver(host, port_, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port_))]

    monkeypatch.setattr(fetching.socket, "getaddrinfo", resolver)

    assert fetch(f"http://calendar.example:{port}/ok.ics") == CALENDAR
    assert lookups == ["calendar.example"]
    assert _Handler.hosts == [f"calendar.example:{port}"]


def test_a_server_that_trickles_cannot_stretch_the_deadline(server, intranet, settings):
    settings.EVENTS_FEED_TIMEOUT = 1
    began = time.monotonic()
    with pytest.raises(FeedError, match="niet binnen 1 seconden"):
        fetch(f"{server}/trickle")
    # 40 bytes at 0.2 s would take 8 s; the deadline cuts it after one second (plus slack for
    # a busy machine: this bounds the behaviour, it does not time it).
    assert time.monotonic() - began < 4


@pytest.mark.parametrize(
    "path, message",
    [("/hang-up", "verbrak de verbinding"), ("/missing", "antwoordde “404 Not Found”")],
)
def test_a_misbehaving_server_gets_a_sentence_not_an_exception(server, intranet, path, message):
    with pytest.raises(FeedError, match=message):
        fetch(f"{server}{path}")


def test_a_closed_port_is_named(intranet, settings):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.2", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FeedError, match="weigerde de verbinding"):
        fetch(f"http://127.0.0.2:{port}/agenda.ics")


@pytest.mark.django_db
def test_one_broken_feed_never_stops_the_others(lunetten, server, intranet):
    broken = EventFeed.objects.create(name="Kapot", url=f"{server}/hang-up", neighbourhood=lunetten)
    private = EventFeed.objects.create(
        name="Intern", url="http://127.0.0.1:6379/", neighbourhood=lunetten
    )
    good = EventFeed.objects.create(name="Goed", url=f"{server}/ok.ics", neighbourhood=lunetten)

    with pytest.raises(CommandError, match="2 calendar feed"):
        call_command("import_event_feeds", stdout=io.StringIO())

    for feed in (broken, private, good):
        feed.refresh_from_db()
    assert broken.last_run_ok is False and "verbrak de verbinding" in broken.last_message
    assert private.last_run_ok is False and "afgeschermd netwerk" in private.last_message
    assert good.last_run_ok is True and Event.objects.filter(feed=good).exists()


@pytest.mark.django_db
def test_an_unexpected_failure_is_recorded_on_the_feed(lunetten, server, intranet, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("a bug in the importer")

    monkeypatch.setattr("events.importer.import_events", explode)
    feed = EventFeed.objects.create(name="Goed", url=f"{server}/ok.ics", neighbourhood=lunetten)

    ok, message = run_feed(feed)

    feed.refresh_from_db()
    assert not ok and feed.last_run_ok is False
    assert "ging mis; er is niets veranderd" in feed.last_message
    assert "a bug in the importer" not in feed.last_message
