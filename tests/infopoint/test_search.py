import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from infopoint.models import GuideIndexPage
from tests.infopoint.conftest import add_guide, add_news, section
from tests.utils import get

# Clock: news and events are dated from today; past events drop out.
pytestmark = pytest.mark.clock


def groups(response):
    return {group["kind"]: group for group in response.context["groups"]}


def titles(group):
    return [result.title for result in group["results"]]


@pytest.mark.django_db
class TestSearch:
    def test_finds_pages_and_venues_of_this_neighbourhood_grouped_by_kind(
        self, client, lunetten, oost, lunetten_guides, make_venue
    ):
        add_guide(lunetten_guides, "Koffieochtend", "koffie", intro="<p>Samen koffie drinken.</p>")
        add_guide(section(oost, GuideIndexPage), "Koffie in Oost", "koffie-oost")
        make_venue("Koffie & Co", street="Hondsrug", house_number="1")
        make_venue("Koffie Oost", neighbourhood=oost)

        response = get(client, lunetten, "/nl/zoeken/?q=koffie")
        found = groups(response)

        assert response.status_code == 200
        assert titles(found["pages"]) == ["Koffieochtend"]
        assert found["pages"]["results"][0].url == "/nl/wegwijzer/koffie/"
        assert found["pages"]["results"][0].text == "Samen koffie drinken."
        assert titles(found["venues"]) == ["Koffie & Co"]
        assert found["venues"]["results"][0].text == "Hondsrug 1, Utrecht"
        html = response.content.decode()
        assert '<h2 id="results-pages">' in html and '<h2 id="results-venues">' in html

    def test_the_portal_searches_the_whole_city(self, client, portal, lunetten, oost, make_venue):
        add_guide(section(lunetten, GuideIndexPage), "Koffie in Lunetten", "koffie")
        add_guide(section(oost, GuideIndexPage), "Koffie in Oost", "koffie-oost")
        make_venue("Koffie Oost", neighbourhood=oost)

        found = groups(client.get("/nl/zoeken/?q=koffie", HTTP_HOST="localhost"))

        assert sorted(titles(found["pages"])) == ["Koffie in Lunetten", "Koffie in Oost"]
        assert titles(found["venues"]) == ["Koffie Oost"]
        assert (
            found["venues"]["results"][0].url
            == "http://oost.localhost/nl/ontmoetingsplekken/koffie-oost/"
        )

    def test_a_kind_is_paginated_and_bad_values_never_fail(self, client, lunetten, lunetten_news):
        add_news(lunetten_news, 13, title="Buurtnieuws")

        overview = get(client, lunetten, "/nl/zoeken/?q=buurtnieuws")
        second = get(client, lunetten, "/nl/zoeken/?q=buurtnieuws&kind=pages&page=2")

        assert len(groups(overview)["pages"]["results"]) == 5
        assert groups(overview)["pages"]["more"]
        assert "kind=pages" in overview.content.decode()
        assert len(groups(second)["pages"]["results"]) == 3
        assert list(groups(second)) == ["pages"]
        for query in [
            "kind=nonsense",
            "kind=pages&page=abc",
            "kind=pages&page=-4",
            "q=" + "x" * 500,
        ]:
            response = get(client, lunetten, f"/nl/zoeken/?q=buurtnieuws&{query}")
            assert response.status_code == 200, query

    def test_an_empty_search_shows_just_the_form(self, client, lunetten):
        response = get(client, lunetten, "/nl/zoeken/?q=+")
        assert response.status_code == 200
        assert response.context["groups"] == []
        assert 'role="search"' in response.content.decode()

    def test_editors_can_promote_a_page_for_a_search_term(
        self, client, lunetten, oost, lunetten_guides
    ):
        guide = add_guide(lunetten_guides, "Energieloket", "energieloket")
        other = add_guide(section(oost, GuideIndexPage), "Energie in Oost", "energie-oost")
        query = Query.get("stroom")
        SearchPromotion.objects.create(query=query, page=guide, description="Hulp bij de rekening")
        SearchPromotion.objects.create(query=query, page=other, sort_order=1)

        response = get(client, lunetten, "/nl/zoeken/?q=Stroom")

        assert response.context["promoted"] == [
            {
                "title": "Energieloket",
                "url": "/nl/wegwijzer/energieloket/",
                "text": "Hulp bij de rekening",
            }
        ]
        assert "Hulp bij de rekening" in response.content.decode()

    @pytest.mark.parametrize("count", [10, 500])
    def test_query_budget_holds_for_few_and_many_items(
        self, client, lunetten, lunetten_news, make_venue, django_assert_max_num_queries, count
    ):
        add_news(lunetten_news, count, title="Nieuws uit Lunetten", bulk=count > 10)
        for number in range(min(count, 20)):
            make_venue(f"Lunetten buurthuis {number}")
        add_guide(section(lunetten, GuideIndexPage), "Gids voor Lunetten", "gids")
        # Warm the caches (menus, the finder's address) as any earlier visitor would have.
        get(client, lunetten, "/nl/zoeken/?q=lunetten")

        with django_assert_max_num_queries(15):
            response = get(client, lunetten, "/nl/zoeken/?q=lunetten")
        with django_assert_max_num_queries(15):
            get(client, lunetten, "/nl/zoeken/?q=lunetten&kind=pages&page=3")

        found = groups(response)
        assert len(found["pages"]["results"]) == 5
        assert {"Gids voor Lunetten", "Nieuws uit Lunetten"} >= set(titles(found["pages"]))
        assert len(found["venues"]["results"]) == 5


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Dutch stemming needs PostgreSQL's 'dutch' text-search configuration; "
    "SQLite's full-text search matches whole words only.",
)
def test_dutch_stemming_finds_singular_for_plural(client, lunetten, lunetten_news):
    add_news(
        lunetten_news,
        1,
        title="Nieuws",
        body=[{"type": "paragraph", "value": "<p>Kom naar de bijeenkomst in het buurthuis.</p>"}],
    )

    found = groups(get(client, lunetten, "/nl/zoeken/?q=bijeenkomsten"))

    assert titles(found["pages"]) == ["Nieuws"]
