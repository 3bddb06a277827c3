"""Site search finds what residents type, the way they type it, and agrees with the agenda."""

import re

import pytest
from django.db import connection

from tests.utils import get

# Clock: events are dated from today; past events drop out.
pytestmark = pytest.mark.clock

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming comes from PostgreSQL's `dutch` text search configuration",
)


def found(client, lunetten, query, kind="events"):
    response = get(client, lunetten, f"/nl/zoeken/?q={query}")
    assert response.status_code == 200
    groups = {group["kind"]: group for group in response.context["groups"]}
    return sorted(result.title for result in groups[kind]["results"]) if kind in groups else []


def agenda(client, lunetten, query):
    html = get(client, lunetten, f"/nl/agenda/?q={query}&when=month").content.decode()
    return sorted(
        set(re.findall(r'class="occurrence__title"[^>]*>\s*<a href="[^"]*">([^<]+)</a>', html))
    )


@pytest.fixture
def events(make_event):
    for title, summary in [
        ("Stoelyoga", "Bewegen op een stoel."),
        ("Yoga in het park", "Buiten, bij mooi weer."),
        ("Fietsen repareren", "Samen je fiets maken."),
        ("Bewonersvergadering", "Praat mee over de wijk."),
        ("Koffieochtend", "Elke week koffie."),
    ]:
        make_event(title, summary=summary)


@pytest.mark.django_db
class TestSearchWords:
    def test_a_word_inside_a_longer_word_is_found(self, client, lunetten, events):
        assert found(client, lunetten, "yoga") == ["Stoelyoga", "Yoga in het park"]
        assert found(client, lunetten, "fiets") == ["Fietsen repareren"]
        assert found(client, lunetten, "vergader") == ["Bewonersvergadering"]

    def test_search_and_the_agenda_filter_find_the_same_events(self, client, lunetten, events):
        for query in ["yoga", "fiets", "koffie", "stoel", "yoga park"]:
            titles = found(client, lunetten, query)
            assert titles, query
            assert agenda(client, lunetten, query) == titles, query

    def test_venues_are_found_by_part_of_their_name(self, client, lunetten, make_venue):
        make_venue("Wijkcentrum De Lunet")

        assert found(client, lunetten, "centrum", kind="venues") == ["Wijkcentrum De Lunet"]

    def test_each_result_says_what_it_is_and_where(self, client, lunetten, events, make_venue):
        make_venue("Yogastudio Lunetten")

        html = get(client, lunetten, "/nl/zoeken/?q=yoga").content.decode()

        assert '<p class="search-result__meta">Activiteit · Lunetten</p>' in html
        assert '<p class="search-result__meta">Ontmoetingsplek · Lunetten</p>' in html

    @postgresql_only
    def test_dutch_stemming_finds_other_forms_of_a_word(self, client, lunetten, make_event):
        make_event("Vergadering van de bewonerscommissie")
        make_event("Buurtfeest")

        assert found(client, lunetten, "vergaderen") == ["Vergadering van de bewonerscommissie"]
        assert agenda(client, lunetten, "vergaderen") == ["Vergadering van de bewonerscommissie"]
