"""Security headers: the admin has a Content-Security-Policy of its own, and every answer
carries a Permissions-Policy."""

import pytest


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("url", ["/admin/", "/admin/snippets/venues/venue/add/", "/admin/pages/"])
def test_the_admin_has_a_content_security_policy(admin_client, lunetten, url):
    policy = directives(admin_client.get(url))

    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]  # its own page preview only
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    # No third party may serve scripts, styles, frames or connections; images only the map tiles
    # that "Show map" fetches.
    for name in ["script-src", "style-src", "connect-src", "frame-src", "font-src"]:
        assert all(not value.startswith(("http", "*")) for value in policy[name]), name
    assert [v for v in policy["img-src"] if v.startswith("http")] == [
        "https://tile.openstreetmap.org"
    ]


def test_the_login_page_has_the_admin_policy(client, db):
    assert directives(client.get("/admin/login/"))["object-src"] == ["'none'"]


def test_public_pages_keep_their_stricter_policy(client, lunetten):
    policy = directives(client.get("/nl/", HTTP_HOST="lunetten.localhost"))

    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(
    ("url", "host"),
    [("/nl/", "lunetten.localhost"), ("/robots.txt", "localhost"), ("/admin/login/", "localhost")],
)
def test_every_answer_has_a_permissions_policy(client, lunetten, url, host):
    header = client.get(url, HTTP_HOST=host)["Permissions-Policy"]

    for feature in ["camera", "microphone", "geolocation", "payment", "browsing-topics"]:
        assert f"{feature}=()" in header
