import pytest

from infopoint.models import NewsIndexPage, NewsPageRelatedLink
from tests.infopoint.conftest import add_news, section
from tests.utils import get

# Clock: news is dated from today.
pytestmark = pytest.mark.clock


@pytest.mark.django_db
class TestNewsIndex:
    def test_lists_the_neighbourhoods_news_newest_first_ten_per_page(
        self, client, lunetten, lunetten_news
    ):
        add_news(lunetten_news, 12)

        first = get(client, lunetten, "/nl/nieuws/")
        second = get(client, lunetten, "/nl/nieuws/?page=2")

        titles = [item.title for item in first.context["news_page"]]
        assert titles == [f"Nieuwsbericht {n}" for n in range(10)]
        assert [item.title for item in second.context["news_page"]] == [
            "Nieuwsbericht 10",
            "Nieuwsbericht 11",
        ]
        assert 'rel="next"' in first.content.decode()

    @pytest.mark.parametrize("value", ["abc", "-1", "999", "1.5", "%00"])
    def test_a_bad_page_number_never_fails(self, client, lunetten, lunetten_news, value):
        add_news(lunetten_news, 3)
        response = get(client, lunetten, f"/nl/nieuws/?page={value}")
        assert response.status_code == 200
        assert len(response.context["news_page"].object_list) == 3

    def test_filters_by_tag_and_an_unknown_tag_shows_nothing(self, client, lunetten, lunetten_news):
        add_news(lunetten_news, 2, tags=["afval"])
        add_news(lunetten_news, 1, start=5, tags=["energie"])

        waste = get(client, lunetten, "/nl/nieuws/?tag=afval")
        unknown = get(client, lunetten, "/nl/nieuws/?tag=bestaat-niet")

        assert [i.title for i in waste.context["news_page"]] == [
            "Nieuwsbericht 0",
            "Nieuwsbericht 1",
        ]
        assert 'aria-current="page">afval</a>' in waste.content.decode()
        assert unknown.status_code == 200
        assert list(unknown.context["news_page"]) == []
        assert "There is no news with this topic." in unknown.content.decode() or (
            "Er is geen nieuws over dit onderwerp." in unknown.content.decode()
        )

    def test_shows_only_this_neighbourhoods_news(self, client, lunetten, oost, lunetten_news):
        add_news(lunetten_news, 1, title="Lunetten-nieuws")
        add_news(section(oost, NewsIndexPage), 1, title="Oost-nieuws")

        html = get(client, lunetten, "/nl/nieuws/").content.decode()

        assert "Lunetten-nieuws" in html
        assert "Oost-nieuws" not in html

    def test_the_portal_shows_the_whole_citys_news_with_its_neighbourhood(
        self, client, portal, lunetten, oost, lunetten_news
    ):
        add_news(lunetten_news, 1, title="Lunetten-nieuws")
        add_news(section(oost, NewsIndexPage), 1, start=3, title="Oost-nieuws")

        html = client.get("/nl/nieuws/", HTTP_HOST="localhost").content.decode()

        assert "Lunetten-nieuws" in html
        assert "Oost-nieuws" in html
        assert "· Lunetten" in html
        assert 'href="http://lunetten.localhost/nl/nieuws/nieuws-0/"' in html

    @pytest.mark.parametrize("count", [10, 500])
    def test_the_portals_query_budget_holds_for_few_and_many_items(
        self, client, portal, lunetten, lunetten_news, django_assert_max_num_queries, count
    ):
        add_news(lunetten_news, count, bulk=count > 10)
        client.get("/nl/nieuws/", HTTP_HOST="localhost")  # warm the portal's menu cache

        with django_assert_max_num_queries(10):
            response = client.get("/nl/nieuws/?page=2", HTTP_HOST="localhost")

        assert len(response.context["news_page"].object_list) == 10
        assert response.context["news_page"][0].site_name == "Lunetten"

    @pytest.mark.parametrize("count", [10, 500])
    def test_query_budget_holds_for_few_and_many_items(
        self, client, lunetten, lunetten_news, django_assert_max_num_queries, count
    ):
        add_news(lunetten_news, count, tags=["buurt"], bulk=count > 10)
        get(client, lunetten, "/nl/nieuws/")  # warm the site's menu cache

        with django_assert_max_num_queries(10):
            response = get(client, lunetten, "/nl/nieuws/?tag=buurt&page=2")

        assert response.status_code == 200
        # Ten items fit on one page, so page 2 shows the last page.
        assert len(response.context["news_page"].object_list) == 10


@pytest.mark.django_db
class TestNewsPage:
    def test_shows_date_intro_body_tags_and_related_links(self, client, lunetten, lunetten_news):
        (page,) = add_news(
            lunetten_news,
            1,
            tags=["afval"],
            intro="<p>Grofvuil op afspraak.</p>",
            body=[
                {"type": "heading", "value": {"text": "Zo werkt het", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Bel 14 030.</p>"},
            ],
        )
        page.related_links.add(
            NewsPageRelatedLink(title="Afvalwijzer", link_url="https://example.org/afval")
        )
        page.save_revision().publish()

        html = get(client, lunetten, page.url_path.replace("/lunetten", "/nl", 1)).content.decode()

        assert "<h1>Nieuwsbericht 0</h1>" in html
        assert "Grofvuil op afspraak." in html
        assert '<h2 class="block-heading">Zo werkt het</h2>' in html
        assert "Bel 14 030." in html
        assert 'href="https://example.org/afval">Afvalwijzer</a>' in html
        assert 'href="/nl/nieuws/?tag=afval">afval</a>' in html
        assert '<meta property="og:type" content="article">' in html
        assert '<meta name="description" content="Grofvuil op afspraak.">' in html

    def test_breadcrumbs_lead_home_through_the_news_section(self, client, lunetten, lunetten_news):
        add_news(lunetten_news, 1)
        html = get(client, lunetten, "/nl/nieuws/nieuws-0/").content.decode()

        trail = html[
            html.index('class="breadcrumbs"') : html.index(
                "</nav>", html.index('class="breadcrumbs"')
            )
        ]
        assert trail.index('href="/nl/"') < trail.index('href="/nl/nieuws/">Nieuws</a>')
        assert 'aria-current="page">Nieuwsbericht 0</a>' in trail
