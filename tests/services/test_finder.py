"""The help finder at /nl/hulp/ and a service's page: topics, every filter, bad values, the
neighbourhoods served, JSON-LD, the venue page's walk-in hours and the query budget."""

import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from services.models import Service
from tests.services.factories import bulk_services, finder_directory, make_service
from tests.utils import get

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FINDER = "/nl/hulp/"
# Tuesday 1 December 2026, 10:00 in Amsterdam, unless a test moves the clock.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM), tick=False),
]


def found(client, neighbourhood, query=""):
    response = get(client, neighbourhood, f"{FINDER}?{query}")
    assert response.status_code == 200
    return sorted(service.name for service in response.context["services"])


@pytest.fixture
def services(lunetten, oost, organisation, buurthuis):
    return finder_directory(lunetten, oost, buurthuis)


def test_the_finder_starts_from_topic_tiles(client, lunetten, services):
    response = get(client, lunetten, FINDER)
    html = response.content.decode()

    assert response.status_code == 200
    assert 'href="?topic=money-debt"' in html
    assert "Geld en schulden" in html
    # Published services of Lunetten and the city-wide one; no draft, not Oost's own.
    assert found(client, lunetten) == [
        "Energiecoach",
        "Formulierenhulp",
        "Schuldhulp",
        "Taalmaatjes",
    ]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("topic=money-debt", ["Formulierenhulp", "Schuldhulp"]),
        ("when=now", ["Schuldhulp"]),
        ("when=today", ["Formulierenhulp", "Schuldhulp"]),
        ("free=on", ["Energiecoach", "Schuldhulp", "Taalmaatjes"]),
        ("language=ar", ["Schuldhulp"]),
        ("channel=home-visit", ["Taalmaatjes"]),
        ("channel=phone&topic=money-debt", ["Schuldhulp"]),
        ("q=schuld", ["Schuldhulp"]),
        ("topic=money-debt&when=today&free=on", ["Schuldhulp"]),
    ],
)
def test_every_filter(client, lunetten, services, query, names):
    assert found(client, lunetten, query) == names


@pytest.mark.parametrize(
    "query",
    [
        "topic=astrology",
        "when=tomorrow",
        "language=xx",
        "channel=%00",
        "free=maybe",
        "page=abc",
        "page=999",
        "topic=money-debt&topic=energy",
        "q=" + "x" * 5000,
    ],
)
def test_bad_values_never_break_the_finder(client, lunetten, services, query):
    response = get(client, lunetten, f"{FINDER}?{query}")

    assert response.status_code == 200


def test_an_unknown_topic_is_reported_and_ignored(client, lunetten, services):
    response = get(client, lunetten, f"{FINDER}?topic=astrology&free=on")

    assert "Some filters could not be used" in response.content.decode() or (
        "konden niet worden gebruikt" in response.content.decode()
    )
    assert found(client, lunetten, "topic=astrology&free=on") == [
        "Energiecoach",
        "Schuldhulp",
        "Taalmaatjes",
    ]


def test_the_city_wide_service_is_found_in_every_neighbourhood(client, oost, services):
    assert found(client, oost) == ["Energiecoach", "Hulp in Oost"]


def test_the_finder_in_english(client, lunetten, services):
    response = get(client, lunetten, "/en/help/")

    assert response.status_code == 200
    assert "Money and debt" in response.content.decode()
    # Not translated yet: the Dutch service, marked as Dutch.
    assert 'lang="nl"' in response.content.decode()


def test_a_services_page_says_what_for_whom_what_it_costs_and_when_to_walk_in(
    client, lunetten, services, buurthuis
):
    response = get(client, lunetten, f"{FINDER}schuldhulp/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Schuldhulp: wij helpen u verder." in html
    assert "Gratis" in html
    assert "Buurtteam Lunetten" in html
    assert "Nu inloop" in html
    assert "09:30–12:00" in html
    assert "Buurthuis De Ster" in html


def test_a_draft_or_another_neighbourhoods_service_has_no_page_here(client, lunetten, services):
    assert get(client, lunetten, f"{FINDER}{services['concept'].slug}/").status_code == 404
    assert get(client, lunetten, f"{FINDER}{services['oost'].slug}/").status_code == 404


def test_a_services_page_carries_schema_org_service_data(client, lunetten, services):
    response = get(client, lunetten, f"{FINDER}schuldhulp/")
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    data = next(d for d in map(json.loads, scripts) if d.get("@type") == "Service")

    assert data["name"] == "Schuldhulp"
    assert data["provider"] == {
        "@type": "Organization",
        "name": "Buurtteam Lunetten",
        "telephone": "030 111 22 33",
    }
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Lunetten"}]
    assert data["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Tuesday",
            "opens": "09:30",
            "closes": "12:00",
        }
    ]
    location = data["availableChannel"][0]["serviceLocation"]
    assert location["@type"] == "Place"
    assert location["name"] == "Buurthuis De Ster"
    assert data["offers"]["price"] == "0"


def test_the_venue_page_lists_the_walk_in_hours_held_there(client, lunetten, services, buurthuis):
    response = get(client, lunetten, f"/nl/ontmoetingsplekken/{buurthuis.slug}/")
    html = response.content.decode()

    assert "Spreekuren hier" in html
    assert "Schuldhulp" in html and "Formulierenhulp" in html
    assert "Energiecoach" not in html  # by phone only


def test_a_closed_day_moves_the_next_walk_in(client, lunetten, organisation, buurthuis):
    make_service(
        lunetten,
        "Spreekuur",
        hours=[(buurthuis, 1, "09:30", "12:00")],
        changes=[(None, date(2026, 12, 1), True, None, None)],
    )
    response = get(client, lunetten, f"{FINDER}spreekuur/")

    assert response.context["next_walk_in"].start == datetime(2026, 12, 8, 9, 30, tzinfo=AMSTERDAM)
    assert found(client, lunetten, "when=today") == []


def count_queries(client, neighbourhood, path, django_assert_max_num_queries):
    get(client, neighbourhood, path)  # warm Wagtail's site-root cache
    with django_assert_max_num_queries(1000) as captured:
        response = get(client, neighbourhood, path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", [FINDER, f"{FINDER}?when=today&topic=forms-letters&free=on"])
def test_the_finder_runs_the_same_few_queries_for_10_and_500_services(
    client, lunetten, buurthuis, django_assert_max_num_queries, path
):
    bulk_services(lunetten, 10, buurthuis)
    with_10 = count_queries(client, lunetten, path, django_assert_max_num_queries)
    bulk_services(lunetten, 490, buurthuis, prefix="Meer")
    with_500 = count_queries(client, lunetten, path, django_assert_max_num_queries)

    assert with_10 == with_500
    assert with_500 <= 14
    assert get(client, lunetten, path).context["paginator"].count == 500


def test_the_venue_page_runs_the_same_queries_for_10_and_500_services_held_there(
    client, lunetten, buurthuis, django_assert_max_num_queries
):
    path = f"/nl/ontmoetingsplekken/{buurthuis.slug}/"
    bulk_services(lunetten, 10, buurthuis)
    with_10 = count_queries(client, lunetten, path, django_assert_max_num_queries)
    bulk_services(lunetten, 490, buurthuis, prefix="Meer")
    with_500 = count_queries(client, lunetten, path, django_assert_max_num_queries)

    assert with_10 == with_500
    assert Service.objects.count() == 500


def test_walk_in_hours_at_a_meeting_place_not_published_yet_are_not_shown(
    client, lunetten, organisation, make_venue
):
    """Venues are drafts until published (issue 13): a service's hours at a new venue wait for
    it, so no resident is sent to a place whose page is a 404."""
    draft = make_venue("Nieuwe Buurtkamer", live=False)
    make_service(lunetten, "Inloopspreekuur", hours=[(draft, 1, "09:00", "12:00")])

    response = get(client, lunetten, f"{FINDER}inloopspreekuur/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Nieuwe Buurtkamer" not in html
    assert response.context["next_walk_in"] is None
    assert found(client, lunetten, "when=now") == []

    draft.save_revision().publish()
    assert found(client, lunetten, "when=now") == ["Inloopspreekuur"]
    html = get(client, lunetten, f"{FINDER}inloopspreekuur/").content.decode()
    assert "Nieuwe Buurtkamer" in html


def test_the_venue_finder_keeps_the_places_with_walk_in_hours(
    client, lunetten, services, buurthuis, make_venue
):
    make_venue("Bibliotheek Lunetten")
    draft_only = make_venue("Wijkcentrum Oost-Lunetten")
    make_service(lunetten, "Nog een concept", live=False, hours=[(draft_only, 3, "10:00", "12:00")])

    def places(query):
        response = get(client, lunetten, f"/nl/ontmoetingsplekken/?{query}")
        assert response.status_code == 200
        return response, sorted(venue.name for venue in response.context["venues"])

    response, everything = places("")
    assert len(everything) == 3
    assert 'name="walk_in"' in response.content.decode()
    assert "Met spreekuren voor hulp" in response.content.decode()
    # Only published services' hours count: a draft's hours do not put its place in the list.
    assert places("walk_in=on")[1] == ["Buurthuis De Ster"]
    assert places("walk_in=on&q=bibliotheek")[1] == []
    places("walk_in=%00")  # a checkbox: any value is a yes, and never a 500
