"""/api/v1/services/ and /api/v1/organisations/: the help finder's services and filters as
JSON, per neighbourhood and city-wide, with the next walk-in moment and where."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from infopoint.translation import translate
from services.models import Organisation, Service
from tests.api.conftest import queries
from tests.services.factories import (
    bulk_services,
    finder_directory,
    make_organisation,
    make_service,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SERVICES = "/api/v1/services/"
ORGANISATIONS = "/api/v1/organisations/"

# Tuesday 1 December 2026, 10:00 in Amsterdam (the finder's tests' clock).
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.clock,
    pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM), tick=False),
]


def names(data):
    return [item["name"] for item in data["results"]]


@pytest.fixture
def organisation(lunetten):
    return make_organisation(
        lunetten, "Buurtteam Lunetten", phone="030 111 22 33", website="https://buurtteam.nl"
    )


@pytest.fixture
def buurthuis(make_venue):
    return make_venue("Buurthuis De Ster", latitude="52.06170", longitude="5.13920")


@pytest.fixture
def services(lunetten, oost, organisation, buurthuis):
    """The finder tests' directory: four services for Lunetten (one city-wide), a draft, and
    one of Oost's own."""
    return finder_directory(
        lunetten, oost, buurthuis, oost_organisation=make_organisation(oost, "Wijkteam Oost")
    )


def test_lists_the_help_residents_of_the_neighbourhood_can_use(api_json, lunetten, services):
    data = api_json(lunetten, SERVICES)

    # Lunetten's published services and the city-wide one, by name; no draft, not Oost's own.
    assert data["count"] == 4
    assert names(data) == ["Energiecoach", "Formulierenhulp", "Schuldhulp", "Taalmaatjes"]
    schuld = data["results"][2]
    assert schuld["id"] == str(services["schuld"].translation_key)
    assert schuld["links"]["page"] == "http://lunetten.localhost/nl/hulp/schuldhulp/"
    assert schuld["links"]["hsds"] == (
        f"http://lunetten.localhost/api/v1/hsds/services/{schuld['id']}/"
    )
    assert schuld["organisation"]["name"] == "Buurtteam Lunetten"
    assert schuld["topics"] == [{"slug": "money-debt", "name": "Geld en schulden"}]
    assert [term["slug"] for term in schuld["languages"]] == ["nl", "ar"]
    assert schuld["is_free"] is True and schuld["cost"] == "free"


def test_the_next_walk_in_moment_and_where(api_json, lunetten, services, buurthuis):
    data = api_json(lunetten, f"{SERVICES}{services['formulier'].translation_key}/")

    # Tuesday 10:00: the afternoon's walk-in is the next one.
    assert data["walk_in_now"] is False
    walk_in = data["next_walk_in"]
    assert walk_in["start"] == "2026-12-01T14:00:00+01:00"
    assert walk_in["end"] == "2026-12-01T16:00:00+01:00"
    assert walk_in["place"]["name"] == "Buurthuis De Ster"
    assert walk_in["place"]["page"] == (
        "http://lunetten.localhost/nl/ontmoetingsplekken/buurthuis-de-ster/"
    )
    [hours] = data["walk_in_hours"]
    assert (hours["day"], hours["opens"], hours["closes"]) == ("TU", "14:00", "16:00")
    assert hours["place"]["id"] == str(buurthuis.translation_key)


def test_hours_by_phone_are_hours_without_a_place_and_no_walk_in(api_json, lunetten, services):
    data = api_json(lunetten, f"{SERVICES}{services['stad'].translation_key}/")

    [hours] = data["walk_in_hours"]
    assert hours["place"] is None
    assert data["next_walk_in"] is None and data["walk_in_now"] is False


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "money-debt"}, ["Formulierenhulp", "Schuldhulp"]),
        ({"when": "now"}, ["Schuldhulp"]),
        ({"when": "today"}, ["Formulierenhulp", "Schuldhulp"]),
        ({"free": "true"}, ["Energiecoach", "Schuldhulp", "Taalmaatjes"]),
        ({"language": "ar"}, ["Schuldhulp"]),
        ({"channel": "home-visit"}, ["Taalmaatjes"]),
        ({"channel": "phone", "topic": "money-debt"}, ["Schuldhulp"]),
        ({"q": "schuld"}, ["Schuldhulp"]),
        ({"q": "buurtteam"}, ["Energiecoach", "Formulierenhulp", "Schuldhulp", "Taalmaatjes"]),
        ({"topic": "money-debt", "when": "today", "free": "true"}, ["Schuldhulp"]),
    ],
)
def test_filters_as_the_help_finder_does(api_json, client, lunetten, services, params, expected):
    from tests.utils import get

    assert names(api_json(lunetten, SERVICES, **params)) == expected
    # The same services as the finder's page lists for the same filters.
    finder_params = {**params, "free": "on"} if "free" in params else params
    page = get(client, lunetten, "/nl/hulp/", data=finder_params)
    assert sorted(s.name for s in page.context["services"]) == sorted(expected)


def test_the_walk_in_filter_follows_the_clock(api_json, lunetten, services, time_machine):
    time_machine.move_to(datetime(2026, 12, 1, 14, 30, tzinfo=AMSTERDAM))

    assert names(api_json(lunetten, SERVICES, when="now")) == ["Formulierenhulp"]
    assert names(api_json(lunetten, SERVICES, when="today")) == ["Formulierenhulp"]


def test_the_portal_lists_the_whole_city_and_one_neighbourhoods_help(api, api_json, services):
    assert names(api_json(None, SERVICES)) == [
        "Energiecoach",
        "Formulierenhulp",
        "Hulp in Oost",
        "Schuldhulp",
        "Taalmaatjes",
    ]
    # Oost's residents: Oost's own and the city-wide help.
    assert names(api_json(None, SERVICES, neighbourhood="oost")) == [
        "Energiecoach",
        "Hulp in Oost",
    ]
    response = api(None, SERVICES, neighbourhood="atlantis")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "neighbourhood"


def test_a_service_of_another_neighbourhood_is_not_on_this_site(api, lunetten, oost, services):
    assert api(lunetten, f"{SERVICES}{services['oost'].translation_key}/").status_code == 404
    # The city-wide one is on every site.
    assert api(oost, f"{SERVICES}{services['stad'].translation_key}/").status_code == 200


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"topic": "astrology"}, 422),
        ({"when": "tomorrow"}, 422),
        ({"language": "xx"}, 422),
        ({"channel": "\x00"}, 422),
        ({"free": "maybe"}, 422),
        ({"lang": "xx"}, 422),
        ({"limit": "1000"}, 422),
        ({"cursor": "made-up"}, 400),
        ({"q": "x" * 5000}, 422),
    ],
)
def test_a_bad_parameter_is_a_problem_never_a_crash(api, lunetten, services, params, status):
    for path in (SERVICES, ORGANISATIONS):
        response = api(lunetten, path, **params)

        assert response.status_code == status, path
        assert response["Content-Type"] == "application/problem+json"


def test_an_unknown_or_malformed_id_is_a_404(api, lunetten, services):
    for path in (SERVICES, ORGANISATIONS):
        assert api(lunetten, f"{path}not-a-uuid/").status_code == 404
        assert api(lunetten, f"{path}00000000-0000-0000-0000-000000000000/").status_code == 404


def test_language_with_the_dutch_fallback(api_json, lunetten, services):
    english = Locale.objects.get(language_code="en")
    translate(services["schuld"], english, {"name": "Debt help", "summary": "We sort it out."})

    data = api_json(lunetten, SERVICES, lang="en")

    assert [(item["name"], item["language"]) for item in data["results"]] == [
        ("Debt help", "en"),
        ("Energiecoach", "nl"),
        ("Formulierenhulp", "nl"),
        ("Taalmaatjes", "nl"),
    ]
    # The same ids in every language, and the English page.
    dutch = api_json(lunetten, SERVICES)
    assert {item["id"] for item in data["results"]} == {item["id"] for item in dutch["results"]}
    debt = data["results"][0]
    assert debt["links"]["page"].startswith("http://lunetten.localhost/en/help/")
    # Filters' words in the language asked for.
    assert debt["topics"] == [{"slug": "money-debt", "name": "Money and debt"}]


def test_pages_follow_next_and_stay_stable_while_services_are_added(
    api_json, lunetten, organisation, buurthuis
):
    for letter in "BDFHJ":
        make_service(lunetten, f"{letter} hulp", organisation=organisation)

    first = api_json(lunetten, SERVICES, limit=2)
    # Added while the client pages: before the cursor, and after it.
    make_service(lunetten, "A hulp", organisation=organisation)
    make_service(lunetten, "E hulp", organisation=organisation)
    seen = names(first)
    link = first["next"]
    while link:
        page = api_json(lunetten, link.removeprefix("http://lunetten.localhost"))
        seen += names(page)
        link = page["next"]

    assert seen == ["B hulp", "D hulp", "E hulp", "F hulp", "H hulp", "J hulp"]


# -- organisations ----------------------------------------------------------------------------


def test_organisations_offering_help_here(api_json, lunetten, services):
    data = api_json(lunetten, ORGANISATIONS)

    assert names(data) == ["Buurtteam Lunetten"]
    [buurtteam] = data["results"]
    assert buurtteam["website"] == "https://buurtteam.nl"
    assert buurtteam["kind"] == "welfare"
    assert buurtteam["links"]["hsds"].endswith(f"/api/v1/hsds/organizations/{buurtteam['id']}/")
    assert names(api_json(None, ORGANISATIONS)) == ["Buurtteam Lunetten", "Wijkteam Oost"]
    assert names(api_json(None, ORGANISATIONS, neighbourhood="oost")) == [
        "Buurtteam Lunetten",  # the city-wide Energiecoach is theirs
        "Wijkteam Oost",
    ]
    detail = api_json(lunetten, f"{ORGANISATIONS}{buurtteam['id']}/")
    assert detail == buurtteam


def test_organisations_by_the_finders_filters_and_their_kind(api_json, lunetten, services):
    make_service(
        lunetten,
        "Voedselbank",
        organisation=make_organisation(lunetten, "De Kerk", kind="faith"),
        topics=["food"],
    )

    assert names(api_json(lunetten, ORGANISATIONS, topic="food")) == ["De Kerk"]
    assert names(api_json(lunetten, ORGANISATIONS, kind="faith")) == ["De Kerk"]
    assert names(api_json(lunetten, ORGANISATIONS, topic="energy")) == ["Buurtteam Lunetten"]
    assert names(api_json(lunetten, ORGANISATIONS, topic="legal")) == []


# -- query budgets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{}, {"when": "today", "topic": "forms-letters", "free": "true", "q": "hulp"}],
)
@pytest.mark.parametrize("path", [SERVICES, ORGANISATIONS, "/api/v1/hsds/services/"])
def test_the_lists_cost_the_same_queries_with_10_and_500_services(
    api, lunetten, buurthuis, params, path
):
    size = {"per_page": 100} if "hsds" in path else {"limit": 100}

    def call():
        response = api(lunetten, path, **size, **params)
        assert response.status_code == 200, response.content

    for number in range(10):
        bulk_services(lunetten, 1, buurthuis, make_organisation(lunetten, f"Organisatie {number}"))
    few = queries(call)
    organisations = [make_organisation(lunetten, f"Groep {n}") for n in range(5)]
    for organisation in organisations:
        bulk_services(lunetten, 98, buurthuis, organisation, prefix=f"Hulp {organisation.pk}")
    assert Service.objects.count() == 500
    assert Organisation.objects.count() == 15
    many = queries(call)

    assert many == few
