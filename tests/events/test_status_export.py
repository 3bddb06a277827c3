"""What other systems read about a cancelled, postponed, moved or online event (JSON-LD, iCal)."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.events.conftest import local
from tests.utils import get

# Clock: events are dated from today.
pytestmark = pytest.mark.clock


def soon(days, hour=19, minute=30):
    day = timezone.localdate() + timedelta(days=days)
    return local(day.year, day.month, day.day, hour, minute)


def json_ld(client, neighbourhood, event):
    html = get(client, neighbourhood, f"/nl/agenda/{event.slug}/").content.decode()
    return json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))


def vevents(client, neighbourhood, path="/nl/agenda/feed.ics"):
    response = get(client, neighbourhood, path)
    assert response.status_code == 200
    return {str(c["SUMMARY"]): c for c in Calendar.from_ical(response.content).walk("VEVENT")}


def test_a_cancelled_event_keeps_its_start_date_in_json_ld(client, lunetten, make_event):
    event = make_event("Kerstbingo", start=soon(3), end=soon(3, 21), status="EventCancelled")

    data = json_ld(client, lunetten, event)

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == soon(3).isoformat()
    assert data["endDate"] == soon(3, 21).isoformat()


def test_the_json_ld_location_url_is_absolute(client, lunetten, make_event, make_venue):
    hall = make_venue("Buurthuis De Lunet")
    event = make_event("Buurtlunch", venue=hall, start=soon(2), end=soon(2, 21))

    data = json_ld(client, lunetten, event)

    assert data["location"]["url"].startswith("http://lunetten.localhost/nl/")
    assert data["location"]["url"].endswith(f"/{hall.slug}/")


def test_a_moved_next_date_carries_its_previous_start_in_json_ld(client, lunetten, make_event):
    start = soon(1)
    event = make_event(
        "Taalcafé",
        repeat="weekly",
        start=start,
        end=start + timedelta(hours=1),
        exceptions=[
            {"date": start.date(), "action": "move", "new_start": start + timedelta(days=1)}
        ],
    )

    data = json_ld(client, lunetten, event)

    assert data["startDate"] == (start + timedelta(days=1)).isoformat()
    assert data["previousStartDate"] == start.isoformat()


def test_ical_status_follows_the_event_status(client, lunetten, make_event):
    make_event("Gaat door", start=soon(2), end=soon(2, 21))
    make_event("Uitgesteld", start=soon(2), end=soon(2, 21), status="EventPostponed")
    make_event("Afgelast", start=soon(2), end=soon(2, 21), status="EventCancelled")
    make_event(
        "Nu online",
        start=soon(2),
        end=soon(2, 21),
        place="Buurthuis",
        online_url="https://meet.example.org/x",
        status="EventMovedOnline",
    )

    found = vevents(client, lunetten)

    assert found["Gaat door"]["STATUS"] == "CONFIRMED"
    assert found["Uitgesteld"]["STATUS"] == "TENTATIVE"
    assert found["Afgelast"]["STATUS"] == "CANCELLED"
    assert found["Nu online"]["STATUS"] == "CONFIRMED"
    assert str(found["Nu online"]["LOCATION"]) == "https://meet.example.org/x"
    assert str(found["Nu online"]["CONFERENCE"]) == "https://meet.example.org/x"


def test_a_moved_date_in_ical_carries_its_previous_start(client, lunetten, make_event):
    start = soon(1)
    make_event(
        "Taalcafé",
        repeat="weekly",
        start=start,
        end=start + timedelta(hours=1),
        exceptions=[
            {
                "date": (start + timedelta(weeks=1)).date(),
                "action": "move",
                "new_start": start + timedelta(weeks=1, days=1),
            }
        ],
    )
    response = get(client, lunetten, "/nl/agenda/feed.ics")
    master, override = Calendar.from_ical(response.content).walk("VEVENT")

    assert override.decoded("RECURRENCE-ID") == start + timedelta(weeks=1)
    moved_from = (start + timedelta(weeks=1)).strftime("%Y%m%dT%H%M%S")
    assert f"X-WIJKINFO-PREVIOUS-START;TZID=Europe/Amsterdam:{moved_from}" in (
        response.content.decode().replace("\r\n ", "")
    )
    assert "X-WIJKINFO-PREVIOUS-START" not in master
