"""Calendars whose last import failed or left events out are on their neighbourhood's dashboard,
with what the import said (issue 16: "the feed's last result lists what was skipped and why, on
the dashboard too")."""

import re
from datetime import datetime
from pathlib import Path

import pytest

from events.fetching import FeedError
from events.importer import run_feed
from events.models import EventFeed
from events.recurrence import TZ

FIXTURES = Path(__file__).parent / "fixtures"
# The fixture calendar's dates lie in December 2026.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 11, 20, 12, 0, tzinfo=TZ), tick=True),
]


def panel(html):
    match = re.search(r'<section[^>]*id="feeds-to-check-section".*?</section>', html, re.S)
    return match.group(0) if match else None


def feed(neighbourhood, name):
    return EventFeed.objects.create(
        name=name, url=f"https://example.org/{name}.ics", neighbourhood=neighbourhood
    )


def test_failed_and_incomplete_imports_are_listed_for_their_neighbourhood(
    client, lunetten, oost, monkeypatch, django_user_model
):
    calendar = (FIXTURES / "google.ics").read_bytes()
    incomplete = calendar.replace(b"RRULE:FREQ=WEEKLY;BYDAY=TH", b"RRULE:FREQ=MINUTELY")

    def fetch(url):
        if "kapot" in url:
            raise FeedError("De server van de agenda “example.org” verbrak de verbinding.")
        return incomplete if "bieb" in url else calendar

    monkeypatch.setattr("events.importer.fetch", fetch)
    for item in (feed(lunetten, "bieb"), feed(lunetten, "kapot"), feed(lunetten, "goed")):
        run_feed(item)
    run_feed(feed(oost, "kapot-oost"))
    assert EventFeed.objects.get(name="bieb").last_skipped == 1

    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(lunetten.editors)
    client.force_login(editor)
    html = panel(client.get("/admin/").content.decode())

    assert ">bieb</a>" in html and "1 evenement weggelaten" in html
    assert "“Leesclub” (3 december 2026, 19:30)" in html  # which event, and when
    assert ">kapot</a>" in html and "mislukt" in html and "verbrak de verbinding" in html
    assert ">goed</a>" not in html and "kapot-oost" not in html
