"""Every resident reads the site in their language; right-to-left included."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.models import Event
from infopoint.models import GuidePage, Neighbourhood, NewsPage
from venues.models import Venue

# Clock: events are dated from today.
pytestmark = pytest.mark.clock


def test_switching_a_venue_page_from_dutch_to_arabic_keeps_the_venue_and_mirrors_the_page(
    city_db, page, site_url, axe, artifacts
):
    lunetten = Neighbourhood.objects.get(slug="lunetten")
    venue = Venue.objects.filter(neighbourhood=lunetten, locale__language_code="nl").first()
    page.goto(site_url(lunetten, f"/nl/ontmoetingsplekken/{venue.slug}/"))
    page.screenshot(path=str(artifacts / "venue-nl.png"), full_page=True)

    page.locator(".language-switcher").get_by_role("link", name="العربية").click()
    page.wait_for_url(f"**/ar/venues/{venue.slug}/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert venue.name in page.locator("h1").inner_text()  # proper names stay as they are
    # Mirrored: the site name sits on the right, the first menu link starts from the right.
    width = page.viewport_size["width"]
    name_box = page.locator(".site-header__name").bounding_box()
    assert name_box["x"] + name_box["width"] > width * 0.6
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.screenshot(path=str(artifacts / "venue-ar.png"), full_page=True)
    assert axe(page) == []


def test_english_agenda_lists_an_untranslated_event_in_dutch(city_db, page, site_url):
    lunetten = Neighbourhood.objects.get(slug="lunetten")
    start = timezone.now().replace(microsecond=0, second=0) + timedelta(days=1)
    event = Event(
        title="Alleen in het Nederlands: buurtoverleg",
        slug="alleen-nederlands-buurtoverleg",
        summary="Overleg met de wijkagent.",
        neighbourhood=lunetten,
        locale=Locale.objects.get(language_code="nl"),
        start=start,
        end=start + timedelta(hours=1),
        live=False,
    )
    event.save()
    event.save_revision().publish()

    page.goto(site_url(lunetten, "/en/events/?q=buurtoverleg"))

    title = page.locator(".occurrence__title", has_text="buurtoverleg")
    assert title.count() == 1
    assert title.get_attribute("lang") == "nl"
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_page_not_yet_in_arabic_keeps_the_arabic_layout_around_its_dutch_text(
    city_db, page, site_url, axe, artifacts
):
    lunetten = Neighbourhood.objects.get(slug="lunetten")
    arabic = Locale.objects.get(language_code="ar")
    sections = {NewsPage: "/ar/news/", GuidePage: "/ar/guides/"}
    path, dutch = next(
        (f"{prefix}{item.slug}/", item)
        for model, prefix in sections.items()
        for item in model.objects.live()
        .descendant_of(lunetten.home_page)
        .filter(locale__language_code="nl")
        if not item.has_translation(arabic)
    )
    page.goto(site_url(lunetten, path))
    page.screenshot(path=str(artifacts / "untranslated-ar.png"), full_page=True)

    # The chrome follows the visitor's language, mirrored; the Dutch text runs left to right.
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    width = page.viewport_size["width"]
    name_box = page.locator(".site-header__name").bounding_box()
    assert name_box["x"] + name_box["width"] > width * 0.6
    assert page.locator(".translation-notice").is_visible()
    content = page.locator(".translation-fallback")
    assert content.get_attribute("lang") == "nl"
    assert content.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert dutch.title in content.locator("h1").inner_text()
    assert axe(page) == []
