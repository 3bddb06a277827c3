"""Whatever a client sends in a parameter, the answer is data or a problem, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

STRINGS = {
    "/api/v1/venues/": ["q", "neighbourhood", "facility", "access", "cursor"],
    "/api/v1/events/": ["q", "neighbourhood", "tag", "venue", "start", "cursor"],
    "/api/v1/news/": ["tag", "cursor"],
    "/api/v1/guides/": ["topic", "cursor"],
    "/api/v1/hsds/locations/": ["page"],
    "/api/v1/services/": ["q", "neighbourhood", "topic", "when", "language", "channel", "cursor"],
    "/api/v1/organisations/": ["q", "neighbourhood", "kind", "cursor"],
    "/api/v1/hsds/services/": ["page"],
    "/api/v1/hsds/organizations/": ["page"],
}
HOSTILE = ["\x00", "a\x00b", "' OR 1=1 --", "x" * 5000, "%", "é" * 50, "<script>"]


@pytest.mark.parametrize("value", HOSTILE)
def test_no_parameter_value_makes_a_server_error(api, lunetten, make_venue, value):
    make_venue("Buurthuis De Linde")
    for path, names in STRINGS.items():
        for name in names:
            for where in (lunetten, None):
                response = api(where, path, **{name: value})
                assert response.status_code < 500, (path, name, value)
                assert response["Content-Type"].startswith(
                    ("application/json", "application/problem+json")
                ), (path, name)


@pytest.mark.parametrize(
    "item", ["\x00", "%00", "..", "0" * 300, "00000000-0000-0000-0000-00000000000g"]
)
def test_no_item_id_makes_a_server_error(api, lunetten, item):
    for path in (
        "venues",
        "events",
        "news",
        "guides",
        "hsds/locations",
        "services",
        "organisations",
        "hsds/services",
        "hsds/organizations",
    ):
        response = api(lunetten, f"/api/v1/{path}/{item}/")
        assert response.status_code in (404, 400), (path, item, response.status_code)
