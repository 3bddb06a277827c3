"""Each host name serves its own neighbourhood's tree; the portal connects them."""

import pytest
from django.views.defaults import server_error

from tests.utils import get


@pytest.mark.django_db
class TestNeighbourhoodSites:
    def test_each_hostname_serves_its_own_home_page(self, client, lunetten, oost):
        lunetten_home = get(client, lunetten, "/nl/")
        oost_home = get(client, oost, "/nl/")

        assert lunetten_home.status_code == 200
        assert lunetten_home.context["page"].pk == lunetten.site.root_page_id
        assert oost_home.context["page"].pk == oost.site.root_page_id
        assert b"<h1>Lunetten</h1>" in lunetten_home.content
        assert b"<h1>Oost</h1>" in oost_home.content

    def test_sections_have_dutch_and_english_urls(self, client, lunetten):
        for path, title in [
            ("/nl/agenda/", "Agenda"),
            ("/nl/ontmoetingsplekken/", "Ontmoetingsplekken"),
            ("/nl/nieuws/", "Nieuws"),
            ("/nl/wegwijzer/", "Wegwijzer"),
            ("/nl/zoeken/", "Zoeken"),
            ("/en/events/", "Events"),
            ("/en/venues/", "Meeting places"),
            ("/en/news/", "News"),
            ("/en/guides/", "Guides"),
            ("/en/search/", "Search"),
        ]:
            response = get(client, lunetten, path)
            assert response.status_code == 200, path
            assert f"<h1>{title}</h1>" in response.content.decode(), path

    def test_page_is_in_the_language_of_its_url(self, client, lunetten):
        dutch = get(client, lunetten, "/nl/")
        english = get(client, lunetten, "/en/")

        assert b'<html lang="nl" dir="ltr">' in dutch.content
        assert b'<html lang="en" dir="ltr">' in english.content
        assert english.context["page"].locale.language_code == "en"

    def test_one_neighbourhood_cannot_reach_anothers_pages(self, client, lunetten, oost):
        oost_agenda = oost.site.root_page.get_children().get(slug="agenda").specific
        oost_agenda.slug = "activiteiten-oost"
        oost_agenda.save_revision().publish()

        assert get(client, oost, "/nl/activiteiten-oost/").status_code == 200
        assert get(client, lunetten, "/nl/activiteiten-oost/").status_code == 404

    def test_language_switcher_links_to_the_same_page_in_each_language(self, client, lunetten):
        response = get(client, lunetten, "/nl/agenda/")
        html = response.content.decode()

        assert 'href="/en/events/" lang="en" hreflang="en">English</a>' in html
        assert 'lang="nl" hreflang="nl" aria-current="true">Nederlands</a>' in html

    def test_unknown_url_answers_404(self, client, lunetten):
        response = get(client, lunetten, "/nl/bestaat-niet/")
        assert response.status_code == 404
        assert "Pagina niet gevonden" in response.content.decode()

    def test_unknown_host_gets_the_portal(self, client, portal, lunetten):
        response = client.get("/nl/", HTTP_HOST="unknown.localhost")
        assert response.context["page"].pk == portal.root_page_id


@pytest.mark.django_db
class TestPortal:
    def test_portal_lists_every_neighbourhood_with_a_link_to_its_site(self, client, lunetten, oost):
        response = client.get("/nl/", HTTP_HOST="localhost")
        html = response.content.decode()

        assert response.status_code == 200
        assert 'href="http://lunetten.localhost/nl/">Lunetten</a>' in html
        assert 'href="http://oost.localhost/nl/">Oost</a>' in html

    def test_bare_host_shows_the_home_page_in_the_preferred_language(self, client, lunetten):
        dutch = client.get("/", HTTP_HOST="localhost")
        english = client.get("/", HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")

        assert dutch.status_code == 200
        assert "Lunetten" in dutch.content.decode()
        assert b'<link rel="canonical" href="http://localhost/nl/">' in dutch.content
        assert b'<link rel="canonical" href="http://localhost/en/">' in english.content
        assert "Accept-Language" in dutch["Vary"]

    def test_bare_neighbourhood_host_shows_its_home(self, client, lunetten):
        response = get(client, lunetten, "/")
        assert response.context["page"].pk == lunetten.site.root_page_id


@pytest.mark.django_db
class TestSecurityHeaders:
    def test_public_pages_forbid_inline_script_and_third_parties(self, client, lunetten):
        response = get(client, lunetten, "/nl/")
        policy = dict(
            directive.strip().split(" ", 1)
            for directive in response["Content-Security-Policy"].split(";")
        )

        assert policy["default-src"] == "'self'"
        assert policy["script-src"] == "'self'"
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert policy["frame-ancestors"] == "'none'"

    def test_public_templates_have_no_inline_script(self, client, lunetten):
        html = get(client, lunetten, "/nl/").content.decode()
        assert "<script>" not in html
        assert "onclick=" not in html


def test_server_error_page_renders_without_the_database(rf):
    # No django_db mark: pytest-django fails this test if rendering touches the database.
    response = server_error(rf.get("/nl/"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client, lunetten):
    response = get(client, lunetten, "/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://lunetten.localhost/sitemap.xml" in response.content.decode()


@pytest.mark.django_db
def test_favicon_ico_answers_with_the_sites_icon(client, lunetten):
    # Browsers ask /favicon.ico on their own; pages also link the icons.
    response = get(client, lunetten, "/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file

    page = get(client, lunetten, "/nl/").content.decode()
    assert '<link rel="icon" href="/static/icons/favicon.ico" sizes="32x32">' in page
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in page


@pytest.mark.django_db
def test_sitemap_lists_this_sites_pages_in_every_language_and_no_other_site(client, lunetten, oost):
    xml = get(client, lunetten, "/sitemap.xml").content.decode()

    assert "<loc>http://lunetten.localhost/nl/agenda/</loc>" in xml
    assert "<loc>http://lunetten.localhost/en/events/</loc>" in xml
    assert "oost.localhost" not in xml
