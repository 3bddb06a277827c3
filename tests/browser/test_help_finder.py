"""A resident on a phone looks for help with money that she can walk in to today, in Dutch and in
Arabic, and finds when and where to go."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Monday morning (no public holiday) before the debt advice's walk-in at the community centre
# (09:30–12:00): "walk in today" finds it, and its next walk-in is later this morning.
MONDAY_MORNING = datetime(2026, 12, 7, 8, 30, tzinfo=AMSTERDAM)

# Clock: "walk in today" and the next walk-in depend on the day and the hour.
pytestmark = [pytest.mark.clock, pytest.mark.time_machine(MONDAY_MORNING, tick=True)]


def money_walk_ins_on_monday(language_index):
    """The demo's money services with walk-in hours at a meeting place on a Monday still to come
    at 08:30, by their name in that language."""
    from services.demo_content import SERVICES
    from services.vocabulary import Topic

    return sorted(
        item["name"][language_index]
        for item in SERVICES.values()
        if Topic.MONEY in item["topics"]
        and any(venue and weekday == 0 and closes > "08:30" for venue, weekday, _o, closes in
                item["hours"])
    )  # fmt: skip


def fits_the_screen(page):
    """Nothing sticks out sideways at 360 px (no horizontal scrolling)."""
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def tiles_sticking_out(page):
    """Topic tiles whose words stick out of them (a long Dutch word at 360 px)."""
    return page.locator(".help-topics__tile").evaluate_all(
        "tiles => tiles.filter(t => t.scrollWidth > t.clientWidth).map(t => t.textContent.trim())"
    )


def find_walk_in_help_with_money(page, site_url, axe, start, tile, expected):
    page.goto(start)
    assert axe(page) == []
    assert fits_the_screen(page)
    assert tiles_sticking_out(page) == []

    page.locator(".help-topics").get_by_role("link", name=tile).click()
    page.wait_for_url(re.compile(r"topic=money-debt"))
    page.locator(".venue-filters__toggle").click()  # on a phone the filters are folded
    expect(page.locator("select[name=topic]")).to_have_value("money-debt")
    page.locator("select[name=when]").select_option("today")
    page.locator(".venue-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"when=today"))
    titles = sorted(page.locator(".service-card .card__title").all_inner_texts())
    assert titles == expected
    assert axe(page) == []
    assert fits_the_screen(page)

    page.locator(".service-card").get_by_role("link", name=expected[0]).click()
    expect(page.locator("h1")).to_have_text(expected[0])
    return page.locator(".service-detail__next")


def test_walk_in_help_with_money_today_on_a_phone(city_db, page, site_url, axe):
    from infopoint.models import Neighbourhood
    from venues.models import Venue

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    expected = money_walk_ins_on_monday(0)
    assert expected == ["Schuldhulp"]
    venue = Venue.objects.get(slug="buurthuis-lunetten", locale__language_code="nl")

    next_walk_in = find_walk_in_help_with_money(
        page, site_url, axe, site_url(lunetten, "/nl/hulp/"), "Geld en schulden", expected
    )
    expect(next_walk_in).to_contain_text("Volgende inloop")
    expect(next_walk_in).to_contain_text("maandag 7 december, 09:30–12:00")
    expect(next_walk_in.get_by_role("link", name=venue.name)).to_be_visible()
    assert axe(page) == []
    assert fits_the_screen(page)


def test_the_same_in_arabic_right_to_left(city_db, page, site_url, axe):
    from django.utils import translation

    from infopoint.models import Neighbourhood
    from services.vocabulary import Topic
    from venues.models import Venue

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    with translation.override("ar"):
        tile = str(Topic.MONEY.label)
        next_label = translation.gettext("Next walk-in:")
    assert tile != "Money and debt"  # translated
    expected = money_walk_ins_on_monday(2)
    assert expected == ["المساعدة في الديون"]
    # No Arabic translation of the community centre: its Dutch name.
    venue = Venue.objects.get(slug="buurthuis-lunetten", locale__language_code="nl")

    next_walk_in = find_walk_in_help_with_money(
        page, site_url, axe, site_url(lunetten, "/ar/help/"), tile, expected
    )
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    expect(next_walk_in).to_contain_text(next_label)
    expect(next_walk_in).to_contain_text("09:30–12:00")
    expect(next_walk_in.locator("time")).to_have_attribute("datetime", "2026-12-07T09:30:00+01:00")
    expect(next_walk_in.get_by_role("link", name=venue.name)).to_be_visible()
    # A phone number reads left to right in an Arabic sentence too (not "1000 200 030").
    phone = page.locator(".service-detail a[href^='tel:']").first
    assert phone.evaluate("link => getComputedStyle(link).direction") == "ltr"
    assert axe(page) == []
    assert fits_the_screen(page)


def test_a_service_page_prints_on_one_a4_sheet_for_the_desk(city_db, page, site_url, artifacts):
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    page.goto(site_url(lunetten, "/nl/hulp/schuldhulp-lunetten/"))
    expect(page.get_by_role("button", name="Afdrukken (A4)")).to_be_visible()

    page.emulate_media(media="print")
    for control in [".main-menu", ".language-switcher", ".site-footer", ".venue-map", "button"]:
        assert (
            page.locator(control).evaluate_all(
                "els => els.filter(e => e.offsetParent).map(e => e.outerHTML.slice(0, 120))"
            )
            == []
        ), control
    for kept in ["h1", ".service-detail__facts", ".service-detail__next", "#service-contact"]:
        expect(page.locator(kept)).to_be_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    (artifacts / "service-print-a4.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
