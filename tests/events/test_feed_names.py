"""A subscribed agenda is named by what it holds, and tells calendar apps how often to refresh."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.events.conftest import local
from tests.utils import get

# Clock: events are dated from today.
pytestmark = pytest.mark.clock


def calendar(client, neighbourhood, path):
    response = get(client, neighbourhood, path)
    assert response.status_code == 200
    return response.content.decode(), Calendar.from_ical(response.content)


def test_feeds_are_named_by_neighbourhood_and_venue(client, lunetten, oost, make_event, make_venue):
    hall = make_venue("Buurthuis De Linde")
    day = timezone.localdate() + timedelta(days=2)
    start = local(day.year, day.month, day.day, 19, 0)
    make_event("Taalcafé", venue=hall, start=start, end=start + timedelta(hours=2))

    _raw, agenda = calendar(client, lunetten, "/nl/agenda/feed.ics")
    _raw, at_venue = calendar(client, lunetten, f"/nl/agenda/feed.ics?venue={hall.slug}")
    _raw, in_oost = calendar(client, oost, "/nl/agenda/feed.ics")

    assert str(agenda["X-WR-CALNAME"]) == "Agenda Lunetten"
    assert str(at_venue["X-WR-CALNAME"]) == "Agenda Lunetten — Buurthuis De Linde"
    assert str(in_oost["X-WR-CALNAME"]) == "Agenda Oost"


def test_feeds_say_how_often_to_refresh(client, lunetten):
    raw, _calendar = calendar(client, lunetten, "/nl/agenda/feed.ics")

    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in raw
    assert "X-PUBLISHED-TTL:PT6H\r\n" in raw
