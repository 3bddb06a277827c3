import pytest

from home.models import FeaturedVenue
from infopoint.models import GuideIndexPage, InformationPointSettings, NewsIndexPage
from tests.infopoint.conftest import add_guide, add_news, section
from tests.utils import get

# Clock: the home page shows this week's events and the latest news.
pytestmark = pytest.mark.clock


def feature(home, *venues):
    for order, venue in enumerate(venues):
        home.featured_venues.add(FeaturedVenue(venue=venue, sort_order=order))
    home.save_revision().publish()


@pytest.mark.django_db
class TestNeighbourhoodHome:
    def test_shows_latest_news_featured_venues_guide_topics_and_contact(
        self, client, lunetten, make_venue
    ):
        add_news(section(lunetten, NewsIndexPage), 5)
        add_guide(section(lunetten, GuideIndexPage), "Energie", "energie", topic="money")
        home = lunetten.home_page.specific
        feature(home, make_venue("Buurthuis De Brug", street="Brugstraat", house_number="4"))
        settings = InformationPointSettings.for_site(lunetten.site)
        settings.name = "Wijkinformatiepunt Lunetten"
        settings.opening_hours = "Dinsdag 10–12 uur"
        settings.save()

        response = get(client, lunetten, "/nl/")
        html = response.content.decode()
        main = html[html.index("<main") : html.index("</main>")]

        assert [item.title for item in response.context["latest_news"]["items"]] == [
            "Nieuwsbericht 0",
            "Nieuwsbericht 1",
            "Nieuwsbericht 2",
        ]
        assert '<h2 id="news-heading">Laatste nieuws</h2>' in main or (
            '<h2 id="news-heading">Latest news</h2>' in main
        )
        assert 'href="/nl/ontmoetingsplekken/buurthuis-de-brug/">Buurthuis De Brug</a>' in main
        assert "Brugstraat 4, Utrecht" in main
        assert 'href="/nl/wegwijzer/#topic-money"' in main
        assert "Dinsdag 10–12 uur" in main

    def test_the_contact_details_show_once_on_the_home_page(self, client, lunetten):
        settings = InformationPointSettings.for_site(lunetten.site)
        settings.name = "Wijkinformatiepunt Lunetten"
        settings.phone = "030 123 45 67"
        settings.save()
        phone = 'href="tel:0301234567"'

        home = get(client, lunetten, "/nl/").content.decode()
        news = get(client, lunetten, "/nl/nieuws/").content.decode()

        assert home.count(phone) == 1
        main = home[home.index("<main") : home.index("</main>")]
        assert phone in main  # in the contact section, under its heading
        # Every other page keeps the details in its footer.
        assert news.count(phone) == 1
        assert phone in news[news.index("<footer") :]

        # An editor who hides the home page's contact section finds it in the footer again.
        page = lunetten.home_page.specific
        page.show_contact = False
        page.save_revision().publish()
        home = get(client, lunetten, "/nl/").content.decode()
        assert home.count(phone) == 1 and phone in home[home.index("<footer") :]

    def test_editors_can_retitle_and_hide_each_section(self, client, lunetten, make_venue):
        add_news(section(lunetten, NewsIndexPage), 2)
        add_guide(section(lunetten, GuideIndexPage), "Energie", "energie", topic="money")
        home = lunetten.home_page.specific
        feature(home, make_venue("Buurthuis"))
        home.news_heading = "Uit de wijk"
        home.show_featured_venues = False
        home.show_guide_topics = False
        home.save_revision().publish()

        main = get(client, lunetten, "/nl/").content.decode()
        main = main[main.index("<main") : main.index("</main>")]

        assert '<h2 id="news-heading">Uit de wijk</h2>' in main
        assert "Buurthuis" not in main
        assert "topic-money" not in main

    def test_this_week_says_so_until_the_agenda_fills_it(self, client, lunetten):
        response = get(client, lunetten, "/nl/")
        main = response.content.decode()
        main = main[main.index("<main") : main.index("</main>")]
        assert response.context["this_week"]["show"] is True
        assert response.context["this_week"]["count"] == 5
        assert '<h2 id="this-week-heading">Deze week</h2>' in main
        assert "Deze week staat er nog niets gepland." in main

    def test_a_venue_without_translation_is_shown_in_dutch_and_marked_so(
        self, client, lunetten, make_venue
    ):
        english_home = (
            lunetten.home_page.get_translations().get(locale__language_code="en").specific
        )
        feature(english_home, make_venue("Buurthuis"))

        html = get(client, lunetten, "/en/").content.decode()

        assert '<article class="card" lang="nl">' in html

    @pytest.mark.parametrize("count", [10, 500])
    def test_query_budget_holds_for_few_and_many_items(
        self, client, lunetten, make_venue, django_assert_max_num_queries, count
    ):
        add_news(section(lunetten, NewsIndexPage), count, bulk=count > 10)
        guides = section(lunetten, GuideIndexPage)
        for number in range(min(count, 30)):
            add_guide(guides, f"Gids {number}", f"gids-{number}", topic="money")
        feature(
            lunetten.home_page.specific,
            *[make_venue(f"Buurthuis {number}") for number in range(6)],
        )
        get(client, lunetten, "/nl/")  # warm the site's menu cache

        with django_assert_max_num_queries(15):
            response = get(client, lunetten, "/nl/")

        assert len(response.context["featured_venues"]["items"]) == 6
        assert len(response.context["latest_news"]["items"]) == 3


@pytest.mark.django_db
class TestPortalHome:
    def test_shows_neighbourhoods_and_city_wide_news(self, client, portal, lunetten, oost):
        add_news(section(lunetten, NewsIndexPage), 1, title="Lunetten-nieuws")
        add_news(section(oost, NewsIndexPage), 1, start=1, title="Oost-nieuws")

        html = client.get("/nl/", HTTP_HOST="localhost").content.decode()

        assert 'href="http://lunetten.localhost/nl/">Lunetten</a>' in html
        assert "Lunetten-nieuws" in html and "Oost-nieuws" in html
        assert "· Oost" in html

    def test_query_budget(self, client, portal, lunetten, oost, django_assert_max_num_queries):
        add_news(section(lunetten, NewsIndexPage), 20)
        client.get("/nl/", HTTP_HOST="localhost")
        with django_assert_max_num_queries(15):
            client.get("/nl/", HTTP_HOST="localhost")
