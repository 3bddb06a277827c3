"""A volunteer places a venue by clicking the map in the venue editor; the admin asks no third
party for anything before they press "Show map", and its Content-Security-Policy lets the
editor work."""

from urllib.parse import urlsplit

from home.management.commands.load_demo import ADMIN_PASSWORD, ADMIN_USERNAME


def test_clicking_the_map_fills_in_the_coordinates(page, site_url):
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    local_hosts = {urlsplit(site_url(None, "/")).hostname}
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).hostname not in local_hosts
            and urlsplit(request.url).scheme in {"http", "https"}
            and elsewhere.append(request.url)
        ),
    )
    refused = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url(None, "/admin/login/"))
    page.fill("input[name=username]", ADMIN_USERNAME)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    # The admin's buttons work once its scripts have run; on a busy machine that is after 'load'.
    page.goto(site_url(None, "/admin/snippets/venues/venue/add/"), wait_until="networkidle")
    assert elsewhere == []  # no avatar from gravatar.com, no map tile before "Show map"
    show = page.locator("[data-venue-map-show]")
    show.scroll_into_view_if_needed()
    show.click()
    picker = page.locator("[data-venue-map-picker]")
    page.wait_for_selector("[data-venue-map-picker].leaflet-container")
    picker.click(position={"x": 100, "y": 80})

    latitude = float(page.input_value("input[name=latitude]"))
    longitude = float(page.input_value("input[name=longitude]"))
    assert 51.9 < latitude < 52.3 and 4.9 < longitude < 5.4  # around Utrecht
    assert page.locator("[data-venue-map-picker] .leaflet-marker-icon").count() == 1
    assert {urlsplit(url).hostname for url in elsewhere} == {"tile.openstreetmap.org"}
    assert refused == []
