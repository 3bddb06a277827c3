"""A resident looks for a step-free place with a kitchen for at least 30 people."""

import re

import pytest
from playwright.sync_api import expect

# Clock: 'open now' depends on the hour.
pytestmark = pytest.mark.clock


def expected_matches(neighbourhood):
    from django.db.models import Q

    from venues.models import Venue

    venues = Venue.objects.filter(
        neighbourhood=neighbourhood,
        locale__language_code="nl",
        is_active=True,
        facilities__slug="kitchen",
    ).filter(accessibility_features__slug="step-free")
    return sorted(
        venues.filter(Q(capacity__gte=30) | Q(rooms__capacity__gte=30))
        .distinct()
        .values_list("name", flat=True)
    )


def near_misses(neighbourhood):
    from venues.models import Venue

    venues = Venue.objects.filter(neighbourhood=neighbourhood, locale__language_code="nl")
    return [
        v.name
        for v in venues.prefetch_related("facilities", "accessibility_features", "rooms")
        if sum(
            [
                "kitchen" in {t.slug for t in v.facilities.all()},
                "step-free" in {t.slug for t in v.accessibility_features.all()},
                max([v.capacity or 0, *[r.capacity for r in v.rooms.all()]]) >= 30,
            ]
        )
        == 2
    ]


def test_step_free_kitchen_for_thirty_finds_exactly_the_matching_places(
    city_db, page, site_url, axe
):
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    expected = expected_matches(lunetten)
    assert len(expected) >= 2
    assert len(near_misses(lunetten)) >= 2

    page.goto(site_url(lunetten, "/nl/ontmoetingsplekken/"))
    assert axe(page) == []

    page.locator(".venue-filters__toggle").click()  # on a phone the filters are folded
    page.locator("input[name=access][value=step-free]").check()
    page.locator("input[name=facility][value=kitchen]").check()
    page.locator("input[name=capacity]").fill("30")
    page.locator(".venue-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"access=step-free.*capacity=30|capacity=30.*access=step-free"))
    titles = sorted(page.locator(".venue-card .card__title").all_inner_texts())
    assert titles == expected
    assert page.locator("[data-result-count]").get_attribute("data-result-count") == str(
        len(expected)
    )

    page.get_by_role("link", name=expected[0]).click()
    expect(page.locator("h1")).to_have_text(expected[0])
    hours = page.locator(".venue-hours__table")
    assert hours.locator("tr").count() == 7
    assert hours.locator("tr[aria-current=date]").count() == 1
    assert axe(page) == []


def test_the_map_loads_tiles_only_after_show_map(city_db, page, site_url):
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    # Answer tile requests locally: the test runs without internet.
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    page.goto(site_url(lunetten, "/nl/ontmoetingsplekken/"))
    page.wait_for_load_state("networkidle")
    assert page.requested_hosts == {"lunetten.localhost"}

    toggle = page.locator("[data-venue-map-toggle]")
    assert toggle.is_visible()
    toggle.click()
    page.wait_for_selector(".leaflet-marker-icon")

    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".leaflet-marker-icon").count() >= 8
    # Every marker and its shadow is a loaded image, not a broken one.
    # Waited for image by image from the test's side: wait_for_function polls by evaluating a
    # string in the page, which the site's CSP (no 'unsafe-eval') rightly refuses.
    widths = page.locator(".leaflet-marker-icon, .leaflet-marker-shadow").evaluate_all(
        """images => Promise.all(images.map(image => image.complete
            ? image.naturalWidth
            : new Promise(done => {
                image.addEventListener("load", () => done(image.naturalWidth));
                image.addEventListener("error", () => done(0));
            })))"""
    )
    assert len(widths) >= 16 and all(width > 0 for width in widths), widths
    assert not [url for url in page.failed_requests if "marker" in url]
    assert "tile.openstreetmap.org" in page.requested_hosts


def test_the_finder_works_without_javascript(city_db, browser, site_url):
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url(lunetten, "/nl/ontmoetingsplekken/"))
        assert not page.locator("[data-venue-map-toggle]").is_visible()
        page.locator("input[name=facility][value=piano]").check()
        page.locator(".venue-filters button[type=submit]").click()
        # The click returns once the new page is on its way, not once it has arrived.
        page.wait_for_url(re.compile(r"facility=piano"))
        assert page.locator(".venue-card").count() >= 1
    finally:
        context.close()


@pytest.mark.parametrize(
    ("slug", "path"),
    [
        (None, "/nl/ontmoetingsplekken/?neighbourhood=oost&capacity=lots"),
        ("lunetten", "/en/venues/kerkzaal-lunetten/"),
        ("oost", "/nl/ontmoetingsplekken/sporthal-oost/report/"),
        ("oost", "/nl/ontmoetingsplekken/?facility=piano&open_now=on&free=on"),
    ],
)
def test_more_venue_pages_have_no_serious_accessibility_violations(
    city_db, page, site_url, axe, slug, path
):
    from infopoint.models import Neighbourhood

    neighbourhood = Neighbourhood.objects.get(slug=slug) if slug else None
    response = page.goto(site_url(neighbourhood, path))

    assert response.status == 200
    assert axe(page) == []


def test_on_a_phone_the_results_come_first_and_the_filters_fold(city_db, page, site_url):
    """At 360 px the heading fits on its line and the result count is on the first screen; the
    filters wait behind one button (a <details>, so it works without JavaScript)."""
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    page.goto(site_url(lunetten, "/nl/ontmoetingsplekken/"))

    heading = page.locator("h1")
    assert heading.inner_text() == "Ontmoetingsplekken"
    # One line: the heading's text makes a single line box (no "Ontmoetingsplekke / n").
    lines = heading.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
        }"""
    )
    assert lines == 1
    assert heading.evaluate("element => element.scrollWidth <= element.clientWidth")

    count = page.locator("[data-result-count]")
    assert count.bounding_box()["y"] + count.bounding_box()["height"] <= 740
    assert page.locator(".venue-card").first.bounding_box()["y"] < 740 * 1.5

    toggle = page.locator(".venue-filters__toggle")
    assert toggle.is_visible()
    capacity = page.locator("input[name=capacity]")
    assert not capacity.is_visible()
    toggle.click()
    assert capacity.is_visible()
    capacity.fill("30")
    page.locator(".venue-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "capacity=30" in page.url
