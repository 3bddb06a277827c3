"""/api/v1/hsds/locations/: venues as Open Referral HSDS 3.0 location records."""

import uuid
from datetime import time

import pytest

from venues.models import OpeningHours

pytestmark = pytest.mark.django_db

LOCATIONS = "/api/v1/hsds/locations/"


def test_a_venue_as_an_hsds_location(api_json, lunetten, make_venue, step_free):
    venue = make_venue(
        "Buurthuis De Linde",
        features=[step_free],
        phone="030 123 4567",
        latitude=52.06,
        longitude=5.14,
        short_description="Een huis voor iedereen.",
        house_number="12",
    )
    OpeningHours.objects.create(venue=venue, weekday=1, opens=time(9), closes=time(17))

    record = api_json(lunetten, f"{LOCATIONS}{venue.translation_key}/")

    assert record["id"] == str(venue.translation_key)
    assert record["location_type"] == "physical"
    assert record["name"] == "Buurthuis De Linde"
    assert record["description"] == "Een huis voor iedereen."
    assert (record["latitude"], record["longitude"]) == (52.06, 5.14)
    [address] = record["addresses"]
    assert address["address_1"] == "Hondsrug 12"
    assert (address["postal_code"], address["city"], address["country"]) == (
        "3526 AB",
        "Utrecht",
        "NL",
    )
    assert address["address_type"] == "physical" and address["location_id"] == record["id"]
    # HSDS 3.0 requires these fields of an address, and UUIDs as identifiers.
    assert {"id", "address_1", "city", "state_province", "postal_code", "country"} <= set(address)
    uuid.UUID(address["id"])
    [phone] = record["phones"]
    assert phone["number"] == "030 123 4567"
    [schedule] = record["schedules"]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "WEEKLY",
        "TU",
        "09:00",
        "17:00",
    )
    [access] = record["accessibility"]
    assert access["description"] == step_free.name
    # Absent values are left out, not sent as null (HSDS types them as strings and numbers).
    assert None not in record.values()


def test_the_ids_stay_the_same_between_requests(api_json, lunetten, make_venue):
    make_venue("Buurthuis De Linde")

    first = api_json(lunetten, LOCATIONS)["contents"][0]
    second = api_json(lunetten, LOCATIONS)["contents"][0]

    assert first["addresses"][0]["id"] == second["addresses"][0]["id"]


def test_the_list_is_an_hsds_page(api, api_json, lunetten, make_venue):
    for number in range(3):
        make_venue(f"Plek {number}")

    page = api_json(lunetten, LOCATIONS, per_page=2, page=2)

    assert {k: v for k, v in page.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    assert [record["name"] for record in page["contents"]] == ["Plek 2"]
    assert api(lunetten, LOCATIONS, page=0).status_code == 422


def test_the_list_costs_the_same_queries_with_10_and_500_venues(api, lunetten, kitchen):
    from tests.api.conftest import queries
    from tests.api.test_venues import _bulk_venues
    from venues.models import Venue

    def call():
        assert api(lunetten, LOCATIONS, per_page=100).status_code == 200

    _bulk_venues(lunetten, 10, kitchen)
    few = queries(call)
    Venue.objects.filter(slug__startswith="bulk-").delete()
    _bulk_venues(lunetten, 500, kitchen)
    many = queries(call)

    assert many == few
