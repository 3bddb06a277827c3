"""What every API answer carries: CORS, caching and ETags, the rate limit, problem details,
and an address of its own outside the language prefixes."""

import pytest

from tests.api.conftest import PORTAL_HOST

pytestmark = pytest.mark.django_db

VENUES = "/api/v1/venues/"


def test_the_api_is_not_sent_to_a_language_prefix(client, portal):
    assert client.get(VENUES, HTTP_HOST=PORTAL_HOST).status_code == 200
    missing = client.get("/api/v1/nothing-here/", HTTP_HOST=PORTAL_HOST)
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    bare = client.get("/api/", HTTP_HOST=PORTAL_HOST)
    assert bare.status_code == 302 and bare["Location"] == "/api/v1/docs/"


def test_cors_is_open_for_reading(client, portal):
    response = client.get(VENUES, HTTP_HOST=PORTAL_HOST, HTTP_ORIGIN="https://example.org")
    preflight = client.options(
        VENUES,
        HTTP_HOST=PORTAL_HOST,
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_writing_is_refused_as_a_problem(client, portal):
    response = client.post(VENUES, {}, HTTP_HOST=PORTAL_HOST)

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_cache_control_and_etag_answer_304(client, portal, make_venue):
    make_venue("Buurthuis De Linde")
    first = client.get(VENUES, HTTP_HOST=PORTAL_HOST)

    again = client.get(VENUES, HTTP_HOST=PORTAL_HOST, HTTP_IF_NONE_MATCH=first["ETag"])
    make_venue("Het Atelier")
    changed = client.get(VENUES, HTTP_HOST=PORTAL_HOST, HTTP_IF_NONE_MATCH=first["ETag"])

    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert again.status_code == 304 and again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_errors_are_not_cached(client, portal):
    response = client.get(VENUES, {"capacity": "lots"}, HTTP_HOST=PORTAL_HOST)

    assert response.status_code == 422
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["title"] and body["status"] == 422 and body["errors"][0]["parameter"] == "capacity"


def test_a_rate_limit_per_address_with_retry_after(client, portal, settings):
    settings.API_RATE_LIMIT = (3, 60)

    answers = [
        client.get(VENUES, HTTP_HOST=PORTAL_HOST, REMOTE_ADDR="192.0.2.7").status_code
        for _ in range(4)
    ]
    limited = client.get(VENUES, HTTP_HOST=PORTAL_HOST, REMOTE_ADDR="192.0.2.7")
    other = client.get(VENUES, HTTP_HOST=PORTAL_HOST, REMOTE_ADDR="192.0.2.8")

    assert answers == [200, 200, 200, 429]
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert limited["Content-Type"] == "application/problem+json"
    assert other.status_code == 200


def test_the_limit_counts_the_trusted_proxys_client(client, portal, settings):
    settings.API_RATE_LIMIT = (1, 60)
    settings.TRUSTED_PROXY_COUNT = 1

    def call(forwarded):
        return client.get(
            VENUES, HTTP_HOST=PORTAL_HOST, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    assert call("198.51.100.1") == 200
    assert call("198.51.100.1") == 429
    assert call("198.51.100.2") == 200  # another resident behind the same proxy


def test_the_schema_is_openapi_3_and_lists_every_endpoint(client, portal):
    schema = client.get("/api/v1/schema/", HTTP_HOST=PORTAL_HOST).json()

    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {
        "/api/v1/venues/",
        "/api/v1/venues/{venue_id}/",
        "/api/v1/venues/{venue_id}/jsonld/",
        "/api/v1/events/",
        "/api/v1/events/{event_id}/",
        "/api/v1/events/{event_id}/jsonld/",
        "/api/v1/news/",
        "/api/v1/news/{news_id}/",
        "/api/v1/guides/",
        "/api/v1/guides/{guide_id}/",
        "/api/v1/hsds/locations/",
        "/api/v1/hsds/locations/{location_id}/",
        "/api/v1/services/",
        "/api/v1/services/{service_id}/",
        "/api/v1/organisations/",
        "/api/v1/organisations/{organisation_id}/",
        "/api/v1/hsds/services/",
        "/api/v1/hsds/services/{service_id}/",
        "/api/v1/hsds/organizations/",
        "/api/v1/hsds/organizations/{organization_id}/",
    }
    parameters = {p["name"] for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"]}
    assert {"lang", "cursor", "limit", "start", "end", "tag", "audience", "venue"} <= parameters
    parameters = {p["name"] for p in schema["paths"]["/api/v1/services/"]["get"]["parameters"]}
    assert {"cursor", "q", "topic", "when", "free", "language", "channel", "neighbourhood"} <= (
        parameters
    )
    # Each list's own words: the agenda's windows and the help finder's walk-in moments, the
    # guides' topics and the help directory's (one schema name each).
    components = schema["components"]["schemas"]
    assert components["When"]["enum"][:3] == ["today", "tomorrow", "weekend"]
    assert components["WalkIn"]["enum"] == ["today", "now"]
    assert "money-debt" in components["ServiceTopic"]["enum"]
    assert "money-debt" not in components["Topic"]["enum"]


def test_the_docs_load_nothing_from_a_third_party(client, portal):
    import re

    response = client.get("/api/v1/docs/", HTTP_HOST=PORTAL_HOST)

    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(asset.startswith("/static/") for asset in assets), assets
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert '"validatorUrl": null' in html


def test_head_answers_like_get_without_a_body(client, portal):
    get = client.get(VENUES, HTTP_HOST=PORTAL_HOST)
    head = client.head(VENUES, HTTP_HOST=PORTAL_HOST)

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
