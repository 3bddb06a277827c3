"""A resident's view of the information point: accessible pages and a search that finds help."""

import pytest
from playwright.sync_api import expect

from infopoint.models import Neighbourhood


@pytest.fixture
def lunetten(city_db):
    return Neighbourhood.objects.get(slug="lunetten")


@pytest.mark.parametrize(
    "path",
    [
        "/nl/",
        "/nl/nieuws/",
        "/nl/nieuws/energietoeslag-aanvragen/",
        "/nl/wegwijzer/",
        "/nl/wegwijzer/hulp-bij-energierekening/",
        "/nl/zoeken/?q=koffie",
        "/nl/contact/",
    ],
)
def test_pages_have_no_serious_accessibility_violations(lunetten, page, site_url, axe, path):
    response = page.goto(site_url(lunetten, path))

    assert response.status == 200
    assert axe(page) == []


def test_a_resident_searches_koffie_and_finds_the_coffee_morning_event_and_guide(
    lunetten, page, site_url, artifacts
):
    page.goto(site_url(lunetten, "/nl/"))
    header_search = page.get_by_role("search").first
    header_search.get_by_role("searchbox").fill("koffie")
    header_search.get_by_role("button").click()
    page.wait_for_url("**/nl/zoeken/?q=koffie")

    page.screenshot(path=str(artifacts / "search-koffie.png"), full_page=True)
    assert page.url.endswith("/nl/zoeken/?q=koffie")
    guides = page.locator('section[aria-labelledby="results-pages"]')
    assert guides.get_by_role("link", name="De koffieochtend: buren ontmoeten").is_visible()
    events = page.locator('section[aria-labelledby="results-events"]')
    event = events.get_by_role("link", name="Koffieochtend", exact=True)
    assert event.is_visible()
    event.click()
    expect(page.locator("h1")).to_have_text("Koffieochtend")


def test_the_contact_form_confirms_a_message_without_javascript(lunetten, browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(site_url(lunetten, "/nl/contact/"))
        page.get_by_label("Naam").fill("Fatima")
        page.get_by_label("E-mailadres").fill("fatima@example.org")
        page.get_by_label("Uw vraag of bericht").fill("Wanneer is het taalcafé?")
        page.locator("form.form button[type=submit]").click()

        expect(page.locator('[role="status"]')).to_be_visible()
    finally:
        context.close()
