import feedparser
import pytest

from infopoint.models import NewsIndexPage
from tests.infopoint.conftest import add_news, section
from tests.utils import get

# Clock: news is dated from today.
pytestmark = pytest.mark.clock


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.django_db
class TestNewsFeeds:
    @pytest.mark.parametrize(
        ("path", "version", "content_type"),
        [
            ("/nl/nieuws/feed/", "rss20", "application/rss+xml"),
            ("/nl/nieuws/feed/atom/", "atom10", "application/atom+xml"),
        ],
    )
    def test_feed_parses_and_lists_the_latest_items_first(
        self, client, lunetten, lunetten_news, path, version, content_type
    ):
        add_news(lunetten_news, 25, tags=["afval"])

        response = get(client, lunetten, path)
        feed = parse(response)

        assert response["Content-Type"].startswith(content_type)
        assert feed.version == version
        assert len(feed.entries) == 20
        assert feed.entries[0].title == "Nieuwsbericht 0"
        assert feed.entries[0].link == "http://lunetten.localhost/nl/nieuws/nieuws-0/"
        assert "Samenvatting 0" in feed.entries[0].summary
        assert [tag.term for tag in feed.entries[0].tags] == ["afval"]
        assert feed.entries[0].published_parsed > feed.entries[1].published_parsed
        assert "Nieuws" in feed.feed.title

    def test_a_neighbourhoods_feed_holds_only_its_own_news(
        self, client, lunetten, oost, lunetten_news
    ):
        add_news(lunetten_news, 1, title="Lunetten-nieuws")
        add_news(section(oost, NewsIndexPage), 1, title="Oost-nieuws")

        feed = parse(get(client, lunetten, "/nl/nieuws/feed/"))

        assert [entry.title for entry in feed.entries] == ["Lunetten-nieuws"]

    def test_the_portal_feed_holds_the_whole_citys_news(
        self, client, portal, lunetten, oost, lunetten_news
    ):
        add_news(lunetten_news, 1, title="Lunetten-nieuws")
        add_news(section(oost, NewsIndexPage), 1, start=1, title="Oost-nieuws")

        feed = parse(client.get("/nl/nieuws/feed/", HTTP_HOST="localhost"))

        assert [entry.title for entry in feed.entries] == ["Lunetten-nieuws", "Oost-nieuws"]
        assert feed.entries[1].link.startswith("http://oost.localhost/nl/nieuws/")

    def test_pages_announce_the_feeds_to_feed_readers(self, client, lunetten):
        html = get(client, lunetten, "/nl/").content.decode()
        assert 'type="application/rss+xml" title="Nieuws (RSS)" href="/nl/nieuws/feed/"' in html
        assert (
            'type="application/atom+xml" title="Nieuws (Atom)" href="/nl/nieuws/feed/atom/"' in html
        )
