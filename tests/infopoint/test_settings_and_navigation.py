import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infopoint.colours import contrast_ratio, validate_accent_colour
from infopoint.models import InformationPointSettings, StandardPage
from infopoint.navigation import site_chrome
from tests.utils import get


class TestAccentColour:
    @pytest.mark.parametrize(
        ("colour", "ratio"),
        [("#000000", 21.0), ("#ffffff", 1.0), ("#767676", 4.54), ("#595959", 7.0)],
    )
    def test_contrast_ratio_follows_wcag(self, colour, ratio):
        assert contrast_ratio(colour, "#ffffff") == pytest.approx(ratio, abs=0.01)

    @pytest.mark.parametrize("colour", ["#1d5c4d", "#767676", "#000000", "#7A3B69"])
    def test_accepts_colours_dark_enough_for_white_text(self, colour):
        validate_accent_colour(colour)

    @pytest.mark.parametrize("colour", ["#777777", "#ffcc00", "#ffffff", "#4caf50"])
    def test_refuses_colours_too_light_for_white_text(self, colour):
        with pytest.raises(ValidationError, match="4.5:1"):
            validate_accent_colour(colour)

    @pytest.mark.parametrize("colour", ["red", "#fff", "#12345g", "", "#1d5c4d;}body{"])
    def test_refuses_anything_but_a_hex_colour(self, colour):
        with pytest.raises(ValidationError):
            validate_accent_colour(colour)

    @pytest.mark.django_db
    def test_the_admin_refuses_a_light_colour(self, client, lunetten, admin_user):
        client.force_login(admin_user)
        url = f"/admin/settings/infopoint/informationpointsettings/{lunetten.site.pk}/"
        response = client.post(url, {"accent_colour": "#ffcc00", "name": "Test"})

        assert response.status_code == 200
        assert "minstens 4,5:1" in response.content.decode()  # the admin speaks Dutch
        assert InformationPointSettings.for_site(lunetten.site).accent_colour == "#1d5c4d"


@pytest.mark.django_db
class TestTheme:
    def test_the_default_colour_needs_no_extra_stylesheet(self, client, lunetten):
        html = get(client, lunetten, "/nl/").content.decode()
        assert "/theme.css" not in html

    def test_a_chosen_colour_comes_from_a_stylesheet_not_an_inline_style(self, client, lunetten):
        settings = InformationPointSettings.for_site(lunetten.site)
        settings.accent_colour = "#7a3b69"
        settings.save()

        html = get(client, lunetten, "/nl/nieuws/").content.decode()
        css = get(client, lunetten, "/theme.css")

        assert 'rel="stylesheet" href="/theme.css?v=' in html
        assert "style=" not in html
        assert css["Content-Type"].startswith("text/css")
        assert css.content.decode().strip() == ":root { --colour-accent: #7a3b69; }"
        assert "max-age" in css["Cache-Control"]

    def test_each_neighbourhood_has_its_own_colour(self, client, lunetten, oost):
        settings = InformationPointSettings.for_site(oost.site)
        settings.accent_colour = "#24527a"
        settings.save()

        assert "#24527a" in get(client, oost, "/theme.css").content.decode()
        assert "#24527a" not in get(client, lunetten, "/theme.css").content.decode()


@pytest.mark.django_db
class TestNavigationCache:
    def test_a_cached_menu_costs_no_queries(self, lunetten):
        site_chrome(lunetten.site, "nl")

        with CaptureQueriesContext(connection) as queries:
            chrome = site_chrome(lunetten.site, "nl")

        assert len(queries) == 0
        assert [item["title"] for item in chrome["menu"]][1:] == [
            "Agenda",
            "Ontmoetingsplekken",
            "Hulp",
            "Nieuws",
            "Wegwijzer",
        ]

    def test_each_language_has_its_own_menu(self, lunetten):
        english = site_chrome(lunetten.site, "en")
        assert [item["url"] for item in english["menu"]][1:3] == ["/en/events/", "/en/venues/"]

    def test_publishing_a_page_refreshes_the_menu_and_footer(self, client, lunetten):
        site_chrome(lunetten.site, "nl")
        home = lunetten.home_page
        about = StandardPage(title="Over ons", slug="over-ons", show_in_menus=True)
        home.add_child(instance=about)
        about.save_revision().publish()
        privacy = StandardPage(title="Privacy", slug="privacy")
        home.add_child(instance=privacy)
        privacy.save_revision().publish()

        chrome = site_chrome(lunetten.site, "nl")
        html = get(client, lunetten, "/nl/").content.decode()

        assert "Over ons" in [item["title"] for item in chrome["menu"]]
        assert [link["title"] for link in chrome["footer_links"]] == ["Privacy"]
        assert 'class="main-menu__link" href="/nl/over-ons/"' in html

        privacy.unpublish()
        assert site_chrome(lunetten.site, "nl")["footer_links"] == []

    def test_saving_the_settings_refreshes_the_footer(self, client, lunetten):
        # Not the home page: its contact section takes the footer's place there.
        get(client, lunetten, "/nl/nieuws/")
        settings = InformationPointSettings.for_site(lunetten.site)
        settings.name = "Wijkinformatiepunt Lunetten"
        settings.phone = "030 111 22 33"
        settings.opening_hours = "Dinsdag 10–12 uur"
        settings.save()

        html = get(client, lunetten, "/nl/nieuws/").content.decode()

        footer = html[html.index('<footer class="site-footer">') :]
        assert "Wijkinformatiepunt Lunetten" in footer
        assert 'href="tel:0301112233"' in footer
        assert "Dinsdag 10–12 uur" in footer

    def test_the_footers_numbers_and_dutch_texts_keep_their_order_in_arabic(self, client, lunetten):
        # In a right-to-left page "030 111 22 33" would read "33 22 111 030" and "3500 AA
        # Utrecht" "AA Utrecht 3500" unless they keep their own direction.
        settings = InformationPointSettings.for_site(lunetten.site)
        settings.phone = "030 111 22 33"
        settings.email = "info@lunetten.example"
        settings.address = "Buurthuis De Linde\n3523 AA Utrecht"
        settings.opening_hours = "Dinsdag 10–12 uur"
        settings.save()

        html = get(client, lunetten, "/ar/news/").content.decode()

        footer = html[html.index('<footer class="site-footer">') :]
        assert '<html lang="ar" dir="rtl">' in html
        assert 'href="tel:0301112233" dir="ltr">030 111 22 33</a>' in footer
        assert 'href="mailto:info@lunetten.example" dir="ltr">' in footer
        assert '<dd dir="auto">Buurthuis De Linde<br>3523 AA Utrecht</dd>' in footer
        assert '<dd dir="auto">Dinsdag 10–12 uur</dd>' in footer

    def test_the_current_section_is_marked_in_the_menu(self, client, lunetten):
        html = get(client, lunetten, "/nl/nieuws/").content.decode()
        assert 'href="/nl/nieuws/" aria-current="page">Nieuws</a>' in html
        assert 'href="/nl/" aria-current' not in html

    def test_meta_tags_describe_the_page(self, client, lunetten):
        html = get(client, lunetten, "/nl/").content.decode()
        assert '<meta property="og:title" content="Lunetten">' in html
        assert '<meta property="og:url" content="http://lunetten.localhost/nl/">' in html
        assert '<meta property="og:locale" content="nl_NL">' in html
        assert (
            '<meta name="description" content="Welkom bij het wijkinformatiepunt van Lunetten.">'
            in html
        )
