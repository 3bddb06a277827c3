"""Whole pages from the cache for visitors without a session, and never a stale one.

Each test turns the page cache on (the suite runs with it off, so query budgets measure a page's
work), warms the pages a resident would see, changes something the way editors and scheduled
commands do, and checks that the very next request shows the change, in Dutch and English, on the
neighbourhood's site and on the portal.
"""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from events.models import Event
from infopoint.models import InformationPointSettings, NewsIndexPage, NewsPage
from infopoint.pagecache import STATUS_HEADER
from tests.infopoint.conftest import add_news, section
from tests.utils import get, host
from tests.venues.factories import VenueFactory

# Clock: events are dated from today.
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def body(response):
    assert response.status_code == 200, response
    return response.content.decode()


def served(client, neighbourhood_or_site, path):
    """(text of the page, whether it came from the cache)."""
    response = get(client, neighbourhood_or_site, path)
    return body(response), response.get(STATUS_HEADER) == "hit"


def publish_event(neighbourhood, title, venue=None, days=1, **fields):
    start = (timezone.now() + timedelta(days=days)).replace(microsecond=0)
    event = Event(
        title=title,
        neighbourhood=neighbourhood,
        locale=Locale.get_default(),
        start=start,
        end=start + timedelta(hours=2),
        venue=venue,
        live=False,
        **fields,
    )
    event.full_clean()
    event.save()
    event.save_revision().publish()
    event.refresh_from_db()
    return event


class TestWhatIsRemembered:
    def test_the_second_visitor_gets_the_page_from_the_cache_without_any_query(
        self, client, lunetten, django_assert_num_queries
    ):
        first, from_cache = served(client, lunetten, "/nl/nieuws/")
        assert not from_cache
        with django_assert_num_queries(0):
            again, from_cache = served(client, lunetten, "/nl/nieuws/")
        assert from_cache and again == first

    def test_head_and_reordered_parameters_share_the_page(self, client, lunetten):
        get(client, lunetten, "/nl/ontmoetingsplekken/?free=on&capacity=10")
        response = get(client, lunetten, "/nl/ontmoetingsplekken/?capacity=10&free=on")
        assert response[STATUS_HEADER] == "hit"
        head = client.head("/nl/ontmoetingsplekken/?free=on&capacity=10", HTTP_HOST=host(lunetten))
        assert head[STATUS_HEADER] == "hit" and head.content == b""

    def test_a_cdn_may_keep_a_page_as_long_as_the_cache_does(self, client, lunetten):
        response = get(client, lunetten, "/nl/agenda/")
        assert "s-maxage=300" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]

    def test_editors_and_anyone_with_a_session_always_get_the_page_afresh(
        self, admin_client, client, lunetten
    ):
        get(client, lunetten, "/nl/nieuws/")  # remembered for visitors without a session
        for visitor in (admin_client, Client(HTTP_COOKIE="sessionid=abc")):
            response = get(visitor, lunetten, "/nl/nieuws/")
            assert response.status_code == 200
            assert STATUS_HEADER not in response

    def test_errors_the_admin_and_posts_are_never_remembered(self, client, lunetten):
        for path in ["/nl/bestaat-niet/", "/admin/login/"]:
            get(client, lunetten, path)
            assert STATUS_HEADER not in get(client, lunetten, path)
        client.post("/nl/zoeken/", {"q": "x"}, HTTP_HOST=host(lunetten))
        assert get(client, lunetten, "/nl/zoeken/")[STATUS_HEADER] == "miss"

    def test_time_dependent_pages_are_at_most_page_cache_seconds_old(
        self, client, lunetten, settings, time_machine
    ):
        # Local memory here, whose clock the test moves (Redis keeps its own).
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        time_machine.move_to(timezone.now(), tick=False)
        get(client, lunetten, "/nl/agenda/")
        time_machine.shift(timedelta(seconds=299))
        assert get(client, lunetten, "/nl/agenda/")[STATUS_HEADER] == "hit"
        time_machine.shift(timedelta(seconds=2))
        assert get(client, lunetten, "/nl/agenda/")[STATUS_HEADER] == "miss"


class TestFormsFromTheCache:
    def test_each_visitor_gets_a_token_of_their_own_and_the_form_works(self, lunetten, contact):
        first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        get(first, lunetten, "/nl/contact/")
        page = get(second, lunetten, "/nl/contact/")
        html = body(page)

        assert page[STATUS_HEADER] == "hit"
        assert "private" in page["Cache-Control"]  # a CDN must not share a visitor's token
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        assert token and "wijkinfo-csrf" not in html
        assert "csrftoken" in page.cookies

        data = {
            "naam": "Fatima",
            "e_mailadres": "fatima@example.org",
            "bericht": "Hallo!",
            "csrfmiddlewaretoken": token,
        }
        sent = second.post("/nl/contact/", data, HTTP_HOST=host(lunetten))
        assert sent.status_code == 200
        assert "We antwoorden binnen drie dagen." in sent.content.decode()
        assert first.post("/nl/contact/", data, HTTP_HOST=host(lunetten)).status_code == 403


class TestEveryChangeShowsAtOnce:
    def test_publishing_unpublishing_moving_and_deleting_a_page(self, client, lunetten):
        index = section(lunetten, NewsIndexPage)
        get(client, lunetten, "/nl/nieuws/")
        get(client, lunetten, "/nl/")

        (item,) = add_news(index, 1, title="Straatfeest gaat door")
        assert "Straatfeest gaat door" in served(client, lunetten, "/nl/nieuws/")[0]
        assert "Straatfeest gaat door" in served(client, lunetten, "/nl/")[0]

        item.unpublish()
        assert "Straatfeest gaat door" not in served(client, lunetten, "/nl/nieuws/")[0]

        item.save_revision().publish()
        get(client, lunetten, "/nl/nieuws/nieuws-0/")
        item.move(lunetten.home_page, pos="last-child")
        # The old address now sends residents on (Wagtail's automatic redirect), not to the
        # remembered page.
        moved = get(client, lunetten, "/nl/nieuws/nieuws-0/")
        assert moved.status_code == 301 and moved["Location"].endswith("/nl/nieuws-0/")
        assert get(client, lunetten, "/nl/nieuws-0/").status_code == 200

        NewsPage.objects.get(pk=item.pk).delete()
        assert get(client, lunetten, "/nl/nieuws-0/").status_code == 404

    def test_a_renamed_venue_shows_on_the_agenda_the_event_the_portal_and_in_english(
        self, client, portal, lunetten
    ):
        venue = VenueFactory(neighbourhood=lunetten, name="Buurthuis De Oude Naam")
        event = publish_event(lunetten, "Buurtsoep", venue=venue)
        pages = [
            (lunetten, "/nl/agenda/"),
            (lunetten, f"/nl/agenda/{event.slug}/"),
            (lunetten, f"/en/events/{event.slug}/"),
            (lunetten, "/en/venues/"),
            (portal, "/nl/ontmoetingsplekken/"),
        ]
        for where, path in pages:
            assert "De Oude Naam" in served(client, where, path)[0], path
            assert served(client, where, path)[1], path  # remembered

        venue.name = "Buurthuis De Nieuwe Naam"
        venue.save()

        for where, path in pages:
            page, from_cache = served(client, where, path)
            assert "De Nieuwe Naam" in page and "De Oude Naam" not in page, path
            assert not from_cache, path

    def test_a_published_or_unpublished_event_and_new_dates(
        self, client, portal, lunetten, django_capture_on_commit_callbacks
    ):
        get(client, lunetten, "/nl/agenda/")
        get(client, portal, "/nl/agenda/")
        event = publish_event(lunetten, "Fietsreparatie", repeat="weekly")
        assert "Fietsreparatie" in served(client, lunetten, "/nl/agenda/")[0]
        assert "Fietsreparatie" in served(client, portal, "/nl/agenda/")[0]

        event.unpublish()
        assert "Fietsreparatie" not in served(client, lunetten, "/nl/agenda/")[0]

        event.save_revision().publish()
        assert "Fietsreparatie" in served(client, lunetten, "/nl/agenda/")[0]
        with django_capture_on_commit_callbacks(execute=True):  # the timer's job commits
            call_command("extend_occurrences", stdout=io.StringIO())  # the daily new dates
        assert not served(client, lunetten, "/nl/agenda/")[1]

    def test_settings_a_site_and_a_neighbourhood(self, client, portal, lunetten):
        get(client, lunetten, "/nl/")
        get(client, portal, "/nl/")

        point = InformationPointSettings.for_site(lunetten.site)
        point.footer_text = "Gemaakt door buren"
        point.save()
        assert "Gemaakt door buren" in served(client, lunetten, "/nl/")[0]

        lunetten.name = "Lunetten-Zuid"
        lunetten.save()
        assert "Lunetten-Zuid" in served(client, portal, "/nl/")[0]

        site = lunetten.site
        site.site_name = "Wijkinfo Lunetten"
        site.save()
        assert not served(client, lunetten, "/nl/")[1]
