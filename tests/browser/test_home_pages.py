import pytest

from infopoint.models import Neighbourhood


@pytest.mark.parametrize("slug", ["lunetten", "oost"])
def test_neighbourhood_home_has_no_serious_accessibility_violations(
    city_db, page, site_url, axe, slug
):
    neighbourhood = Neighbourhood.objects.get(slug=slug)
    response = page.goto(site_url(neighbourhood, "/nl/"))

    assert response.status == 200
    assert page.locator("header").inner_text().startswith(neighbourhood.name)
    assert axe(page) == []


def test_public_page_requests_nothing_from_third_parties(city_db, page, site_url):
    lunetten = Neighbourhood.objects.get(slug="lunetten")
    page.goto(site_url(lunetten, "/nl/"))
    page.wait_for_load_state("networkidle")

    assert page.requested_hosts == {"lunetten.localhost"}
    assert page.failed_requests == []


def test_venue_photos_load(city_db, page, site_url):
    lunetten = Neighbourhood.objects.get(slug="lunetten")
    page.goto(site_url(lunetten, "/nl/ontmoetingsplekken/buurthuis-lunetten/"))
    photo = page.locator("main figure img")
    photo.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")

    assert photo.evaluate("image => image.complete && image.naturalWidth") > 0
    assert page.failed_requests == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, site_url):
    page.goto(site_url(None, "/nl/"))
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_layout_fits_a_320_pixel_screen(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url(None, "/nl/"))

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
