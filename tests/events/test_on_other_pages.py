"""The agenda reaches residents where they already are: on a venue's page."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.utils import get

# Clock: events are dated from today.
pytestmark = pytest.mark.clock


@pytest.mark.django_db
def test_venue_page_lists_what_is_on_there_and_how_to_subscribe(
    client, lunetten, make_event, make_venue, soon_days
):
    venue = make_venue("Buurthuis De Lunet", slug="buurthuis-de-lunet")
    other = make_venue("Fort Lunet", slug="fort-lunet")
    make_event("Repair café", venue=venue, **soon_days(3))
    make_event("Rondleiding", venue=other, **soon_days(4))

    html = get(client, lunetten, "/nl/ontmoetingsplekken/buurthuis-de-lunet/").content.decode()

    assert "Repair café" in html
    assert "Rondleiding" not in html
    assert 'href="webcal://lunetten.localhost/nl/agenda/feed.ics?venue=buurthuis-de-lunet"' in html
    assert 'value="http://lunetten.localhost/nl/agenda/feed.ics?venue=buurthuis-de-lunet"' in html


@pytest.fixture
def soon_days():
    from django.utils import timezone

    def days(n):
        start = timezone.now().replace(microsecond=0) + timedelta(days=n)
        return {"start": start, "end": start + timedelta(hours=2)}

    return days


@pytest.mark.django_db
def test_home_page_shows_this_weeks_activities_of_its_own_neighbourhood(
    client, lunetten, oost, make_event, soon_days
):
    make_event("Taalcafé", **soon_days(2))
    make_event("Buurtfeest", **soon_days(12))  # beyond this week
    make_event("Oost-markt", neighbourhood=oost, **soon_days(2))

    html = get(client, lunetten, "/nl/").content.decode()

    assert "Taalcafé" in html
    assert "Buurtfeest" not in html
    assert "Oost-markt" not in html
    assert 'href="/nl/agenda/">Alle activiteiten</a>' in html or 'href="/nl/agenda/"' in html


@pytest.mark.django_db
def test_portal_home_shows_this_week_across_the_city(
    client, portal, lunetten, oost, make_event, soon_days
):
    make_event("Taalcafé", **soon_days(2))
    make_event("Oost-markt", neighbourhood=oost, **soon_days(3))

    html = client.get("/nl/", HTTP_HOST="localhost").content.decode()

    assert "Taalcafé" in html and "Oost-markt" in html


@pytest.mark.django_db
def test_guide_block_lists_the_next_events_with_its_tag(client, lunetten, make_event, soon_days):
    from infopoint.models import GuideIndexPage
    from tests.infopoint.conftest import add_guide, section

    make_event("Taalcafé", tags=["taalcafé"], **soon_days(2))
    make_event("Schaakclub", tags=["schaken"], **soon_days(3))
    add_guide(
        section(lunetten, GuideIndexPage),
        "Nederlands oefenen",
        "nederlands-oefenen",
        body=[{"type": "events", "value": {"tag": "Taalcafé", "count": 3}}],
    )

    html = get(client, lunetten, "/nl/wegwijzer/nederlands-oefenen/").content.decode()

    assert "Taalcafé" in html
    assert "Schaakclub" not in html


@pytest.mark.django_db
def test_site_search_finds_activities_with_their_next_date(
    client, lunetten, oost, make_event, soon_days
):
    make_event("Koffieochtend", summary="Koffie en een praatje", **soon_days(2))
    make_event("Koffie in Oost", neighbourhood=oost, **soon_days(2))

    response = get(client, lunetten, "/nl/zoeken/?q=koffie")
    html = response.content.decode()

    assert 'aria-labelledby="results-events"' in html
    assert ">Koffieochtend</a>" in html
    assert "Koffie in Oost" not in html


@pytest.mark.django_db
@pytest.mark.time_machine(datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
def test_a_date_reads_as_each_language_writes_it(client, lunetten, make_event, make_venue):
    """Dutch abbreviates days and months in lower case ("di 1 dec"); English capitalises."""
    from tests.events.conftest import local

    venue = make_venue("Buurthuis De Lunet", slug="buurthuis-de-lunet")
    make_event("Repair café", venue=venue, start=local(2026, 12, 1, 19, 30))

    dutch = get(client, lunetten, "/nl/ontmoetingsplekken/buurthuis-de-lunet/").content.decode()
    english = get(client, lunetten, "/en/venues/buurthuis-de-lunet/").content.decode()

    assert "di 1 dec, 19:30" in dutch and "Dec" not in dutch
    assert "Tue 1 Dec, 19:30" in english
