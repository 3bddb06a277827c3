"""The admin asks no third party for anything before a volunteer does: avatars are local and the
venue editor's map loads its tiles only after "Show map"."""

import re

import pytest

THIRD_PARTIES = re.compile(r"gravatar\.com|tile\.openstreetmap\.org")


@pytest.mark.parametrize("url", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_pages_show_local_avatars(admin_client, lunetten, url):
    page = admin_client.get(url).content.decode()

    assert "gravatar" not in page
    assert "default-user-avatar" in page


def test_the_venue_editor_offers_the_map_without_loading_it(admin_client, lunetten):
    page = admin_client.get("/admin/snippets/venues/venue/add/").content.decode()

    assert not THIRD_PARTIES.search(page)
    # The map waits behind a button that its script reveals; the map itself starts hidden.
    button = re.search(r"<button[^>]*data-venue-map-show[^>]*>([^<]*)</button>", page)
    assert button and button.group(1) == "Kaart tonen"
    assert re.search(r"<div[^>]*data-venue-map-picker[^>]*\shidden", page)
