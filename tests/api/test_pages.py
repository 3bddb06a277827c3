"""/api/v1/news/ and /api/v1/guides/: live, public pages only, in the language asked for."""

import pytest
from wagtail.models import Locale, PageViewRestriction

from infopoint.models import GuideIndexPage, NewsIndexPage
from infopoint.translation import translate
from tests.api.conftest import queries
from tests.infopoint.conftest import add_guide, add_news, section

# Clock: news is dated from today.
pytestmark = [pytest.mark.django_db, pytest.mark.clock]

NEWS = "/api/v1/news/"
GUIDES = "/api/v1/guides/"


def titles(data):
    return [item["title"] for item in data["results"]]


@pytest.fixture
def news(lunetten):
    return section(lunetten, NewsIndexPage)


@pytest.fixture
def guides(lunetten):
    return section(lunetten, GuideIndexPage)


def test_news_newest_first_with_absolute_links(api_json, lunetten, news):
    add_news(news, 3)

    data = api_json(lunetten, NEWS)

    assert titles(data) == ["Nieuwsbericht 0", "Nieuwsbericht 1", "Nieuwsbericht 2"]
    first = data["results"][0]
    assert first["links"]["page"] == "http://lunetten.localhost/nl/nieuws/nieuws-0/"
    assert first["neighbourhood"] == {"slug": "lunetten", "name": "Lunetten"}
    assert first["intro"] == "<p>Samenvatting 0</p>"


def test_only_live_public_pages(api, api_json, lunetten, news, guides):
    [published, private, drafted] = add_news(news, 3)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    drafted.title = "Titel in concept"
    drafted.save_revision()  # waits in a draft: the published title stays
    [withdrawn] = add_news(news, 1, start=3)
    withdrawn.unpublish()
    guide = add_guide(guides, "Geheime gids", "geheim")
    PageViewRestriction.objects.create(page=guides, restriction_type="password", password="x")
    draft_guide = add_guide(guides, "Nog niet af", "nog-niet")
    draft_guide.unpublish()

    data = api_json(lunetten, NEWS)

    assert titles(data) == ["Nieuwsbericht 0", "Nieuwsbericht 2"]
    assert "Titel in concept" not in str(data)
    assert titles(api_json(lunetten, GUIDES)) == []
    assert titles(api_json(None, GUIDES)) == []
    for path in (
        f"{NEWS}{private.translation_key}/",
        f"{NEWS}{withdrawn.translation_key}/",
        f"{GUIDES}{guide.translation_key}/",
    ):
        assert api(lunetten, path).status_code == 404, path
    assert published.title in api(lunetten, f"{NEWS}{published.translation_key}/").json()["title"]


def test_scoped_to_the_neighbourhood_and_city_wide_on_the_portal(api_json, lunetten, oost, news):
    add_news(news, 1, title="Lunetten-nieuws")
    add_news(section(oost, NewsIndexPage), 1, title="Oost-nieuws", start=1)

    assert titles(api_json(lunetten, NEWS)) == ["Lunetten-nieuws"]
    assert titles(api_json(oost, NEWS)) == ["Oost-nieuws"]
    city = api_json(None, NEWS)
    assert titles(city) == ["Lunetten-nieuws", "Oost-nieuws"]
    assert city["results"][1]["links"]["page"] == "http://oost.localhost/nl/nieuws/nieuws-1/"


def test_news_by_tag(api_json, lunetten, news):
    add_news(news, 1, tags=["afval"])
    add_news(news, 1, start=1, tags=["energie"])

    assert titles(api_json(lunetten, NEWS, tag="afval")) == ["Nieuwsbericht 0"]
    assert titles(api_json(lunetten, NEWS, tag="bestaat-niet")) == []


def test_guides_by_title_and_topic(api, api_json, lunetten, guides):
    add_guide(guides, "Hulp bij de energierekening", "energie", topic="money")
    add_guide(guides, "Afval scheiden", "afval", topic="living")

    assert titles(api_json(lunetten, GUIDES)) == ["Afval scheiden", "Hulp bij de energierekening"]
    assert titles(api_json(lunetten, GUIDES, topic="money")) == ["Hulp bij de energierekening"]
    assert api(lunetten, GUIDES, topic="astrology").status_code == 422


def test_language_with_the_dutch_fallback(api_json, lunetten, news):
    [translated, dutch_only] = add_news(news, 2)
    english = Locale.objects.get(language_code="en")
    translate(section(lunetten, NewsIndexPage), english, {"title": "News", "slug": "news"})
    translate(translated, english, {"title": "News item in English", "slug": "news-0"})

    data = api_json(lunetten, NEWS, lang="en")

    assert [(item["title"], item["language"]) for item in data["results"]] == [
        ("News item in English", "en"),
        ("Nieuwsbericht 1", "nl"),
    ]
    # The Dutch item at the address the English site serves it (under the English index).
    assert data["results"][1]["links"]["page"] == "http://lunetten.localhost/en/news/nieuws-1/"
    assert data["results"][0]["id"] == str(translated.translation_key)


def test_pages_stay_stable_while_news_is_added(api, api_json, lunetten, news):
    add_news(news, 4, start=1)

    first = api_json(lunetten, NEWS, limit=2)
    add_news(news, 1, start=0, title="Vers nieuws")  # newer: before the cursor
    second = api(lunetten, first["next"].removeprefix("http://lunetten.localhost")).json()

    assert titles(first) == ["Nieuwsbericht 1", "Nieuwsbericht 2"]
    assert titles(second) == ["Nieuwsbericht 3", "Nieuwsbericht 4"]


@pytest.mark.parametrize("path", [NEWS, GUIDES])
def test_the_lists_cost_the_same_queries_with_10_and_500_pages(api, lunetten, news, guides, path):
    from infopoint.models import GuidePage
    from tests.bulk import publish_in_bulk

    def call():
        assert api(lunetten, path, limit=100).status_code == 200

    def add(start, count):
        if path == NEWS:
            add_news(news, count, start=start, tags=["buurt"], bulk=True)
        else:
            publish_in_bulk(
                guides,
                [
                    GuidePage(title=f"Gids {n}", slug=f"gids-{n}")
                    for n in range(start, start + count)
                ],
            )

    add(0, 10)
    few = queries(call)
    add(10, 490)
    many = queries(call)

    assert many == few
