"""/api/v1/venues/: the finder's venues and filters, as JSON."""

from datetime import time

import pytest
from wagtail.models import Locale

from infopoint.translation import translate
from tests.api.conftest import queries
from venues.models import OpeningHours, Venue, VenueKind

pytestmark = pytest.mark.django_db

VENUES = "/api/v1/venues/"


def names(data):
    return [item["name"] for item in data["results"]]


def test_lists_the_neighbourhoods_venues_by_name_with_absolute_links(
    api_json, lunetten, oost, make_venue
):
    make_venue("Buurthuis De Linde")
    make_venue("Bibliotheek Lunetten", kind=VenueKind.LIBRARY)
    make_venue("Wijkcentrum Oost", neighbourhood=oost)

    data = api_json(lunetten, VENUES)

    assert data["count"] == 2
    assert names(data) == ["Bibliotheek Lunetten", "Buurthuis De Linde"]
    linde = data["results"][1]
    assert linde["neighbourhood"] == {"slug": "lunetten", "name": "Lunetten"}
    assert (
        linde["links"]["page"]
        == "http://lunetten.localhost/nl/ontmoetingsplekken/buurthuis-de-linde/"
    )
    assert linde["links"]["ical"] == (
        "http://lunetten.localhost/nl/agenda/feed.ics?venue=buurthuis-de-linde"
    )
    assert linde["links"]["jsonld"] == (
        f"http://lunetten.localhost/api/v1/venues/{linde['id']}/jsonld/"
    )


def test_the_portal_lists_the_whole_city_and_filters_by_neighbourhood(
    api_json, lunetten, oost, make_venue
):
    make_venue("Buurthuis De Linde")
    make_venue("Wijkcentrum Oost", neighbourhood=oost)

    assert names(api_json(None, VENUES)) == ["Buurthuis De Linde", "Wijkcentrum Oost"]
    assert names(api_json(None, VENUES, neighbourhood="oost")) == ["Wijkcentrum Oost"]


def test_closed_venues_never_appear(api, api_json, lunetten, make_venue):
    make_venue("Open huis")
    closed = make_venue("Gesloten huis", is_active=False)

    assert names(api_json(lunetten, VENUES)) == ["Open huis"]
    assert names(api_json(None, VENUES)) == ["Open huis"]
    assert api(lunetten, f"{VENUES}{closed.translation_key}/").status_code == 404
    assert api(lunetten, f"{VENUES}{closed.translation_key}/jsonld/").status_code == 404
    assert api(lunetten, f"/api/v1/hsds/locations/{closed.translation_key}/").status_code == 404
    assert "Gesloten huis" not in api(lunetten, "/api/v1/hsds/locations/").content.decode()


def test_filters_as_the_finder_does(api_json, lunetten, make_venue, kitchen, step_free):
    make_venue("Keukenhuis", facilities=[kitchen], capacity=10)
    make_venue("Drempelvrij", features=[step_free], capacity=80, price_class="free")
    make_venue("Bieb", kind=VenueKind.LIBRARY, short_description="Boeken en koffie")

    def found(**params):
        return names(api_json(lunetten, VENUES, **params))

    assert found(facility="kitchen") == ["Keukenhuis"]
    assert found(access="step-free") == ["Drempelvrij"]
    assert found(kind="library") == ["Bieb"]
    assert found(capacity=50) == ["Drempelvrij"]
    assert found(free="true") == ["Drempelvrij"]
    assert found(free="false") == ["Bieb", "Drempelvrij", "Keukenhuis"]
    assert found(q="boeken") == ["Bieb"]


@pytest.mark.clock
def test_open_now_reads_the_opening_hours(api_json, lunetten, make_venue):
    always = make_venue("Altijd open")
    for weekday in range(7):
        OpeningHours.objects.create(
            venue=always, weekday=weekday, opens=time(0, 0), closes=time(0, 0)
        )
    make_venue("Nooit open")

    data = api_json(lunetten, VENUES, open_now="true")

    assert names(data) == ["Altijd open"]
    assert data["results"][0]["open_now"] is True
    assert len(data["results"][0]["opening_hours"]) == 7


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"facility": "teleporter"}, 400),
        ({"capacity": "lots"}, 422),
        ({"capacity": "0"}, 422),
        ({"kind": "castle"}, 422),
        ({"lang": "xx"}, 422),
        ({"limit": "1000"}, 422),
        ({"cursor": "made-up"}, 400),
        ({"open_now": "perhaps"}, 422),
    ],
)
def test_a_bad_parameter_is_a_problem_never_a_crash(api, lunetten, make_venue, params, status):
    make_venue("Buurthuis De Linde")

    response = api(lunetten, VENUES, **params)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == status


def test_an_unknown_or_malformed_id_is_a_404(api, lunetten, make_venue):
    assert api(lunetten, f"{VENUES}not-a-uuid/").status_code == 404
    assert api(lunetten, f"{VENUES}00000000-0000-0000-0000-000000000000/").status_code == 404


def test_a_venue_of_another_neighbourhood_is_not_on_this_site(api, lunetten, oost, make_venue):
    elsewhere = make_venue("Wijkcentrum Oost", neighbourhood=oost)

    assert api(lunetten, f"{VENUES}{elsewhere.translation_key}/").status_code == 404
    assert api(oost, f"{VENUES}{elsewhere.translation_key}/").status_code == 200
    assert api(None, f"{VENUES}{elsewhere.translation_key}/").status_code == 200


def test_language_with_the_dutch_fallback(api_json, lunetten, make_venue):
    translated = make_venue("Buurthuis De Linde", short_description="Een huis voor iedereen")
    make_venue("Het Atelier")
    english = Locale.objects.get(language_code="en")
    translate(translated, english, {"name": "Community centre The Lime"})

    data = api_json(lunetten, VENUES, lang="en")

    assert [(item["name"], item["language"]) for item in data["results"]] == [
        ("Community centre The Lime", "en"),
        ("Het Atelier", "nl"),
    ]
    # The same id in every language.
    dutch = api_json(lunetten, VENUES)
    assert {item["id"] for item in data["results"]} == {item["id"] for item in dutch["results"]}
    assert data["results"][0]["links"]["page"].startswith("http://lunetten.localhost/en/venues/")


def test_detail_and_jsonld(api, api_json, lunetten, make_venue):
    venue = make_venue("Buurthuis De Linde", latitude=52.06, longitude=5.14)

    detail = api_json(lunetten, f"{VENUES}{venue.translation_key}/")
    jsonld = api(lunetten, f"{VENUES}{venue.translation_key}/jsonld/")

    assert detail["name"] == "Buurthuis De Linde"
    assert detail["location"] == {"latitude": 52.06, "longitude": 5.14}
    assert jsonld["Content-Type"] == "application/ld+json"
    assert jsonld.json()["@type"] == "Place"
    assert jsonld.json()["url"] == detail["links"]["page"]


def test_pages_follow_next_and_stay_stable_while_venues_are_added(api, api_json, lunetten):
    for letter in "BDFHJ":
        Venue.objects.create(
            name=f"{letter} huis",
            slug=f"{letter.lower()}-huis",
            neighbourhood=lunetten,
            locale=Locale.get_default(),
        )

    first = api_json(lunetten, VENUES, limit=2)
    # Added while the client pages: before the cursor, and after it.
    Venue.objects.create(
        name="A huis", slug="a-huis", neighbourhood=lunetten, locale=Locale.get_default()
    )
    Venue.objects.create(
        name="E huis", slug="e-huis", neighbourhood=lunetten, locale=Locale.get_default()
    )
    seen = names(first)
    link = first["next"]
    while link:
        page = api(lunetten, link.removeprefix("http://lunetten.localhost")).json()
        seen += names(page)
        link = page["next"]

    assert seen == ["B huis", "D huis", "E huis", "F huis", "H huis", "J huis"]


def _bulk_venues(neighbourhood, count, kitchen):
    venues = Venue.objects.bulk_create(
        Venue(
            name=f"Plek {number:04d}",
            slug=f"bulk-{number:04d}",
            neighbourhood=neighbourhood,
            locale=Locale.get_default(),
            capacity=30,
        )
        for number in range(count)
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(venue=venue, weekday=day, opens=time(9), closes=time(17))
        for venue in venues
        for day in range(5)
    )
    Venue.facilities.through.objects.bulk_create(
        Venue.facilities.through(venue=venue, facility=kitchen) for venue in venues
    )
    return venues


@pytest.mark.parametrize("params", [{}, {"facility": "kitchen", "open_now": "true"}])
def test_the_list_costs_the_same_queries_with_10_and_500_venues(api, lunetten, kitchen, params):
    def call():
        response = api(lunetten, VENUES, limit=100, **params)
        assert response.status_code == 200

    _bulk_venues(lunetten, 10, kitchen)
    few = queries(call)
    Venue.objects.filter(slug__startswith="bulk-").delete()
    _bulk_venues(lunetten, 500, kitchen)
    many = queries(call)

    assert many == few
