"""Every resident lands on something readable in their language."""

import re

import pytest

from infopoint.models import GuideIndexPage
from tests.infopoint.conftest import add_guide, section
from tests.utils import get

LANGUAGES = {"nl": "Nederlands", "en": "English", "ar": "العربية", "tr": "Türkçe"}


def switcher(html):
    return dict(re.findall(r'<a class="language-switcher__link" href="([^"]+)" lang="(\w+)"', html))


def alternates(html):
    return dict(re.findall(r'hreflang="([\w-]+)" href="([^"]+)"', html))


@pytest.mark.django_db
class TestLanguages:
    @pytest.mark.parametrize(
        ("path", "lang", "direction"),
        [
            ("/nl/", "nl", "ltr"),
            ("/en/", "en", "ltr"),
            ("/ar/", "ar", "rtl"),
            ("/tr/", "tr", "ltr"),
        ],
    )
    def test_every_language_has_its_own_url_lang_and_direction(
        self, client, lunetten, path, lang, direction
    ):
        response = get(client, lunetten, path)

        assert response.status_code == 200
        assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()
        assert response.context["page"].locale.language_code == lang

    def test_switcher_names_each_language_in_itself_and_links_the_same_page(self, client, lunetten):
        html = get(client, lunetten, "/nl/ontmoetingsplekken/").content.decode()

        assert switcher(html) == {
            "/nl/ontmoetingsplekken/": "nl",
            "/en/venues/": "en",
            "/ar/venues/": "ar",
            "/tr/bulusma-yerleri/": "tr",
        }
        for code, name in LANGUAGES.items():
            assert f'lang="{code}" hreflang="{code}"' in html
            assert f">{name}</a>" in html

    def test_hreflang_alternates_list_every_translation_and_a_default(self, client, lunetten):
        html = get(client, lunetten, "/en/events/").content.decode()

        assert alternates(html) == {
            "nl": "http://lunetten.localhost/nl/agenda/",
            "en": "http://lunetten.localhost/en/events/",
            "ar": "http://lunetten.localhost/ar/events/",
            "tr": "http://lunetten.localhost/tr/etkinlikler/",
            "x-default": "http://lunetten.localhost/nl/agenda/",
        }

    def test_untranslated_page_switches_to_its_dutch_text_in_the_other_site(self, client, lunetten):
        add_guide(section(lunetten, GuideIndexPage), "Alleen in het Nederlands", "alleen-nl")

        html = get(client, lunetten, "/nl/wegwijzer/alleen-nl/").content.decode()

        assert switcher(html)["/en/guides/alleen-nl/"] == "en"
        assert switcher(html)["/tr/rehber/alleen-nl/"] == "tr"
        # Alternates only name pages that exist in that language.
        assert alternates(html) == {}
