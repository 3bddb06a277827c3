"""A page not translated yet is read in Dutch inside the visitor's own language site.

As with venues and events: listings include it in Dutch, its address in the visitor's language
works, the content block says it is Dutch (lang and dir of its own) under a one-line notice in the
visitor's language, and the menu and footer offer the same pages as the Dutch ones.
"""

import re

import pytest
from wagtail.models import Locale

from infopoint.models import GuideIndexPage, NewsIndexPage, StandardPage
from infopoint.translation import translate
from tests.infopoint.conftest import add_guide, add_news, section
from tests.utils import get

GUIDES = {"en": "/en/guides/", "ar": "/ar/guides/", "tr": "/tr/rehber/"}
NEWS = {"en": "/en/news/", "ar": "/ar/news/", "tr": "/tr/haberler/"}
NOTICE = {
    "en": "This page has not been translated yet: you are reading it in Dutch.",
    "ar": "لم تُترجم هذه الصفحة بعد: أنت تقرأها باللغة الهولندية.",
    "tr": "Bu sayfa henüz çevrilmedi: Hollandaca okuyorsunuz.",
}


def links(html, css_class):
    block = re.search(rf'<(?:nav|ul) class="{css_class}"(.*?)</(?:nav|ul)>', html, re.S).group(1)
    return re.findall(r'<a[^>]*href="([^"]+)"[^>]*>([^<]+)</a>', block)


def in_arabic(page, title, slug):
    return translate(page, Locale.objects.get(language_code="ar"), {"title": title, "slug": slug})


@pytest.fixture
def guides(lunetten):
    index = section(lunetten, GuideIndexPage)
    translated = add_guide(index, "Hulp bij de energierekening", "energie", topic="money")
    in_arabic(translated, "المساعدة في فاتورة الطاقة", "energie-ar")
    add_guide(index, "Grofvuil laten ophalen", "grofvuil", topic="living", intro="<p>Bel 14030</p>")
    return index


@pytest.mark.django_db
class TestUntranslatedPages:
    @pytest.mark.parametrize("code", ["en", "ar", "tr"])
    def test_untranslated_guide_is_listed_and_readable_in_dutch(
        self, client, lunetten, guides, code
    ):
        listing = get(client, lunetten, GUIDES[code]).content.decode()

        url = f"{GUIDES[code]}grofvuil/"
        assert f'href="{url}"' in listing
        assert "Grofvuil laten ophalen" in listing

        response = get(client, lunetten, url)
        html = response.content.decode()
        assert response.status_code == 200
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<html lang="{code}" dir="{direction}">' in html
        assert NOTICE[code] in html
        content = html.split('<div class="translation-fallback" lang="nl" dir="ltr">', 1)[1]
        assert "<h1>Grofvuil laten ophalen</h1>" in content
        assert "Bel 14030" in content
        # What exists in neither language stays not found.
        assert get(client, lunetten, f"{GUIDES[code]}bestaat-niet/").status_code == 404
        assert get(client, lunetten, f"/{code}/bestaat-niet/grofvuil/").status_code == 404

    def test_arabic_listing_keeps_translations_and_adds_the_rest_once(
        self, client, lunetten, guides
    ):
        html = get(client, lunetten, "/ar/guides/").content.decode()

        assert "المساعدة في فاتورة الطاقة" in html
        assert 'href="/ar/guides/energie-ar/"' in html
        assert "Hulp bij de energierekening" not in html
        assert html.count("Grofvuil laten ophalen") == 1
        # Only a page shown in another language than the visitor's carries the notice.
        arabic = get(client, lunetten, "/ar/guides/energie-ar/").content.decode()
        dutch = get(client, lunetten, "/nl/wegwijzer/grofvuil/").content.decode()
        assert "translation-fallback" not in arabic
        assert "translation-fallback" not in dutch

    def test_untranslated_news_is_listed_in_dutch(self, client, lunetten):
        add_news(section(lunetten, NewsIndexPage), 2)

        for code, url in NEWS.items():
            html = get(client, lunetten, url).content.decode()
            assert "Nieuwsbericht 0" in html, code
            assert f'href="{url}nieuws-0/"' in html
            assert get(client, lunetten, f"{url}nieuws-1/").status_code == 200

    def test_home_page_latest_news_includes_untranslated_news(self, client, lunetten):
        add_news(section(lunetten, NewsIndexPage), 1)

        html = get(client, lunetten, "/ar/").content.decode()

        assert 'href="/ar/news/nieuws-0/"' in html

    def test_footer_and_menu_offer_the_same_pages_in_every_language(self, client, lunetten):
        home = lunetten.site.root_page
        for title, slug, menu in [
            ("Over ons", "over-ons", True),
            ("Privacy", "privacy", False),
            ("Toegankelijkheid", "toegankelijkheid", False),
        ]:
            page = StandardPage(title=title, slug=slug, show_in_menus=menu)
            home.add_child(instance=page)
            page.save_revision().publish()
            if slug == "privacy":
                in_arabic(page, "الخصوصية", "privacy-ar")

        dutch = get(client, lunetten, "/nl/").content.decode()
        arabic = get(client, lunetten, "/ar/").content.decode()

        dutch_footer = links(dutch, "site-footer__list")
        arabic_footer = links(arabic, "site-footer__list")
        assert len(arabic_footer) == len(dutch_footer) == 3  # two pages and the news feed
        assert ("/ar/privacy-ar/", "الخصوصية") in arabic_footer
        assert ("/ar/toegankelijkheid/", "Toegankelijkheid") in arabic_footer
        assert ("/ar/over-ons/", "Over ons") in links(arabic, "main-menu__list")
        assert len(links(arabic, "main-menu__list")) == len(links(dutch, "main-menu__list"))
        for url, _title in arabic_footer[:2]:
            assert get(client, lunetten, url).status_code == 200

    def test_language_switcher_stays_on_the_untranslated_page(self, client, lunetten, guides):
        html = get(client, lunetten, "/nl/wegwijzer/grofvuil/").content.decode()

        assert 'href="/ar/guides/grofvuil/"' in html
        assert 'href="/tr/rehber/grofvuil/"' in html

    @pytest.mark.parametrize("code", ["en", "ar", "tr"])
    def test_breadcrumbs_of_an_untranslated_page_stay_in_the_visitors_language(
        self, client, lunetten, guides, code
    ):
        html = get(client, lunetten, f"{GUIDES[code]}grofvuil/").content.decode()
        nav = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
        crumbs = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
        guides_title = (
            section(lunetten, GuideIndexPage)
            .get_translation(Locale.objects.get(language_code=code))
            .title
        )

        assert crumbs == [
            (f"/{code}/", crumbs[0][1]),
            (GUIDES[code], guides_title),
            (f"{GUIDES[code]}grofvuil/", "Grofvuil laten ophalen"),
        ]

    def test_search_in_arabic_finds_the_untranslated_guide_in_dutch(self, client, lunetten, guides):
        response = get(client, lunetten, "/ar/search/?q=grofvuil")
        (result,) = {group["kind"]: group for group in response.context["groups"]}["pages"][
            "results"
        ]

        assert result.title == "Grofvuil laten ophalen"
        assert result.url == "/ar/guides/grofvuil/"
        assert result.lang == "nl"
        assert get(client, lunetten, result.url).status_code == 200


@pytest.mark.django_db
def test_from_an_english_page_the_arabic_link_reaches_the_page_not_yet_in_arabic(client, lunetten):
    """The English page has English slugs; Arabic shows the Dutch page, at its Dutch slugs."""
    dutch = add_guide(section(lunetten, GuideIndexPage), "Mantelzorg", "mantelzorg")
    english = translate(
        dutch, Locale.objects.get(language_code="en"), {"title": "Carers", "slug": "carers"}
    )
    assert english.url_path.endswith("/carers/")

    html = get(client, lunetten, "/en/guides/carers/").content.decode()
    pattern = r'class="language-switcher__link" href="([^"]+)" lang="(\w+)"'
    switcher = {lang: href for href, lang in re.findall(pattern, html)}

    assert switcher["ar"] == "/ar/guides/mantelzorg/"
    assert get(client, lunetten, switcher["ar"]).status_code == 200
    assert get(client, lunetten, switcher["tr"]).status_code == 200
