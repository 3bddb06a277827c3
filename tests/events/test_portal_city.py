"""The city portal ties the neighbourhoods together: their guides, agenda and a way to submit."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infopoint.models import GuideIndexPage
from tests.infopoint.conftest import add_guide, section

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

PORTAL = {"HTTP_HOST": "localhost"}


def soon(days):
    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return {"start": start, "end": start + timedelta(hours=2)}


def where(html):
    return html.count('<p class="occurrence__where">')


@pytest.mark.django_db
class TestPortal:
    def test_guides_page_lists_every_neighbourhoods_guides_by_neighbourhood(
        self, client, portal, lunetten, oost
    ):
        add_guide(section(lunetten, GuideIndexPage), "Hulp bij de energierekening", "energie")
        add_guide(section(oost, GuideIndexPage), "Grofvuil in Oost", "grofvuil")

        html = client.get("/nl/wegwijzer/", **PORTAL).content.decode()

        assert "Er zijn nog geen wegwijzers" not in html
        assert 'href="http://lunetten.localhost/nl/wegwijzer/energie/"' in html
        assert 'href="http://oost.localhost/nl/wegwijzer/grofvuil/"' in html
        assert f'<p class="card__meta">{lunetten.site.site_name}</p>' in html
        assert f'<p class="card__meta">{oost.site.site_name}</p>' in html

    @pytest.mark.parametrize("code, guides", [("en", "guides"), ("ar", "guides")])
    def test_an_untranslated_guide_on_the_portal_stays_in_the_visitors_language(
        self, client, portal, lunetten, code, guides
    ):
        add_guide(section(lunetten, GuideIndexPage), "Hulp bij de energierekening", "energie")

        html = client.get(f"/{code}/{guides}/", **PORTAL).content.decode()

        # The Dutch text inside the visitor's language site, not the Dutch site.
        url = f"http://lunetten.localhost/{code}/{guides}/energie/"
        assert f'href="{url}"' in html
        assert "http://lunetten.localhost/nl/wegwijzer/energie/" not in html
        assert (
            client.get(
                url.removeprefix("http://lunetten.localhost"), HTTP_HOST="lunetten.localhost"
            ).status_code
            == 200
        )

    def test_portal_guides_page_costs_the_same_with_many_guides(
        self, client, portal, lunetten, oost
    ):
        index = section(lunetten, GuideIndexPage)
        add_guide(index, "Gids 0", "gids-0")
        client.get("/nl/wegwijzer/", **PORTAL)
        with CaptureQueriesContext(connection) as few:
            client.get("/nl/wegwijzer/", **PORTAL)
        for number in range(1, 12):
            add_guide(
                section(oost if number % 2 else lunetten, GuideIndexPage),
                f"Gids {number}",
                f"gids-{number}",
            )
        client.get("/nl/wegwijzer/", **PORTAL)
        with CaptureQueriesContext(connection) as many:
            html = client.get("/nl/wegwijzer/", **PORTAL).content.decode()

        assert "Gids 11" in html
        assert len(many) == len(few)

    def test_agenda_and_this_week_say_which_neighbourhood(
        self, client, portal, lunetten, oost, make_event
    ):
        make_event("Taalcafé", **soon(2))
        make_event("Oost-markt", neighbourhood=oost, **soon(3))

        agenda = client.get("/nl/agenda/", **PORTAL).content.decode()
        home = client.get("/nl/", **PORTAL).content.decode()
        neighbourhood_agenda = client.get("/nl/agenda/", HTTP_HOST="lunetten.localhost")

        for html in (agenda, home):
            assert '<p class="occurrence__where">Lunetten</p>' in html
            assert '<p class="occurrence__where">Oost</p>' in html
        assert where(neighbourhood_agenda.content.decode()) == 0

    def test_search_results_say_which_neighbourhood(
        self, client, portal, lunetten, oost, make_event
    ):
        make_event("Oost-markt", neighbourhood=oost, **soon(3))

        html = client.get("/nl/zoeken/?q=markt", **PORTAL).content.decode()

        assert '<p class="search-result__meta">Activiteit · Oost</p>' in html

    def test_residents_submit_an_event_from_the_portal_choosing_the_neighbourhood(
        self, client, portal, lunetten, oost
    ):
        agenda = client.get("/nl/agenda/", **PORTAL).content.decode()
        assert 'href="/nl/evenement-aanmelden/"' in agenda

        form = client.get("/nl/evenement-aanmelden/", **PORTAL)
        html = form.content.decode()
        assert form.status_code == 200
        assert '<option value="lunetten">Lunetten</option>' in html
        assert '<option value="oost">Oost</option>' in html
        assert '<label for="submit-neighbourhood">' in html

        chosen = client.get("/nl/evenement-aanmelden/?neighbourhood=oost", **PORTAL)
        assert chosen.status_code == 302
        assert chosen["Location"] == "http://oost.localhost/nl/evenement-aanmelden/"
        assert client.get(chosen["Location"]).status_code == 200

        english = client.get("/en/submit-an-event/?neighbourhood=lunetten", **PORTAL)
        assert english["Location"] == "http://lunetten.localhost/en/submit-an-event/"

    def test_an_unknown_neighbourhood_is_answered_not_a_crash(self, client, portal, lunetten):
        response = client.get("/nl/evenement-aanmelden/?neighbourhood=%00nergens", **PORTAL)

        assert response.status_code == 400
        assert "Kies een van de wijken in de lijst." in response.content.decode()
