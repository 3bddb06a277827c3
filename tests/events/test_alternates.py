"""Search engines learn every language of an event's and a venue's page, as for section pages."""

import re

import pytest

from tests.utils import get

AGENDA = {"nl": "/nl/agenda/", "en": "/en/events/", "ar": "/ar/events/", "tr": "/tr/etkinlikler/"}
FINDER = {
    "nl": "/nl/ontmoetingsplekken/",
    "en": "/en/venues/",
    "ar": "/ar/venues/",
    "tr": "/tr/bulusma-yerleri/",
}


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))


def expected(paths, slug):
    links = {code: f"http://lunetten.localhost{path}{slug}/" for code, path in paths.items()}
    return {**links, "x-default": links["nl"]}


@pytest.mark.django_db
class TestAlternates:
    def test_event_page_names_itself_in_every_language(self, client, lunetten, make_event):
        event = make_event("Taalcafé")

        for code, path in AGENDA.items():
            response = get(client, lunetten, f"{path}{event.slug}/")
            assert response.status_code == 200, code
            assert alternates(response.content.decode()) == expected(AGENDA, event.slug)
        for url in expected(AGENDA, event.slug).values():
            assert (
                get(client, lunetten, url.removeprefix("http://lunetten.localhost")).status_code
                == 200
            )

    def test_venue_page_names_itself_in_every_language(self, client, lunetten, make_venue):
        venue = make_venue("Buurthuis De Lunet")

        for code, path in FINDER.items():
            response = get(client, lunetten, f"{path}{venue.slug}/")
            assert response.status_code == 200, code
            assert alternates(response.content.decode()) == expected(FINDER, venue.slug)
