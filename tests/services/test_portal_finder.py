"""The city portal's help finder (/nl/hulp/ on the portal): every neighbourhood's services, a
neighbourhood filter that keeps what its residents can use, and links to the neighbourhood's
own service pages."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.services.factories import bulk_services, make_service
from tests.utils import get

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FINDER = "/nl/hulp/"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM), tick=False),
]


@pytest.fixture
def services(lunetten, oost, buurthuis):
    make_service(lunetten, "Schuldhulp", topics=["money-debt"])
    make_service(oost, "Formulierenhulp Oost", topics=["forms-letters"])
    make_service(oost, "Taalmaatjes", topics=["language-reading"], areas=[lunetten])
    make_service(lunetten, "Energiecoach", topics=["energy"], serves_whole_city=True)
    make_service(oost, "Nog niet klaar", live=False)


def found(client, portal, query=""):
    response = get(client, portal, f"{FINDER}?{query}")
    assert response.status_code == 200
    return response, sorted(service.name for service in response.context["services"])


def test_the_portal_lists_every_neighbourhoods_published_services(client, portal, services):
    response, names = found(client, portal)

    assert names == ["Energiecoach", "Formulierenhulp Oost", "Schuldhulp", "Taalmaatjes"]
    text = response.content.decode()
    # Each card says where the service is for.
    assert "Schuldhulp" in text and "Lunetten" in text and "de hele stad" in text


def test_the_neighbourhood_filter_keeps_what_its_residents_can_use(client, portal, services):
    _response, names = found(client, portal, "neighbourhood=lunetten")
    assert names == ["Energiecoach", "Schuldhulp", "Taalmaatjes"]

    _response, names = found(client, portal, "neighbourhood=oost&topic=forms-letters")
    assert names == ["Formulierenhulp Oost"]


def test_an_unknown_neighbourhood_is_reported_and_ignored(client, portal, services):
    response, names = found(client, portal, "neighbourhood=atlantis")

    assert len(names) == 4
    assert "neighbourhood" in response.context["form"].errors


def test_a_neighbourhood_site_has_no_neighbourhood_filter(client, lunetten, services):
    response = get(client, lunetten, f"{FINDER}?neighbourhood=oost")

    assert "neighbourhood" not in response.context["form"].fields
    # Oost's own service is not for Lunetten's residents, whatever the address says.
    names = sorted(service.name for service in response.context["services"])
    assert names == ["Energiecoach", "Schuldhulp", "Taalmaatjes"]


def test_cards_link_to_the_services_page_in_its_own_neighbourhood(client, portal, services):
    response, _names = found(client, portal, "topic=money-debt")

    (card,) = response.context["services"]
    assert card.get_url() == "http://lunetten.localhost/nl/hulp/schuldhulp/"
    assert 'href="http://lunetten.localhost/nl/hulp/schuldhulp/"' in response.content.decode()


def test_a_service_opened_on_the_portal_goes_to_its_neighbourhoods_page(client, portal, services):
    response = get(client, portal, f"{FINDER}schuldhulp/")

    assert response.status_code == 302
    assert response["Location"] == "http://lunetten.localhost/nl/hulp/schuldhulp/"
    assert get(client, portal, f"{FINDER}nog-niet-klaar/").status_code == 404


def test_the_portal_finder_runs_the_same_queries_for_10_and_500_services(
    client, portal, lunetten, oost, buurthuis, django_assert_max_num_queries
):
    def count():
        get(client, portal, FINDER)  # warm Wagtail's site-root cache
        with django_assert_max_num_queries(1000) as captured:
            response = get(client, portal, f"{FINDER}?neighbourhood=lunetten&when=today")
        assert response.status_code == 200
        return len(captured), response.context["paginator"].count

    bulk_services(lunetten, 5, buurthuis)
    bulk_services(oost, 5, buurthuis, prefix="Oost")
    with_10, listed = count()
    bulk_services(lunetten, 490, buurthuis, prefix="Meer")
    with_500, listed_500 = count()

    assert with_10 == with_500
    assert (listed, listed_500) == (5, 495)
