"""/api/v1/hsds/: venues as Open Referral HSDS 3.0 location records, the help directory as HSDS
service (with service_at_location and schedule) and organization records."""

import uuid
from datetime import date, time

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


# -- the help directory: HSDS service and organization records --------------------------------

HSDS_SERVICES = "/api/v1/hsds/services/"
HSDS_ORGANIZATIONS = "/api/v1/hsds/organizations/"


@pytest.fixture
def directory(lunetten, oost, make_venue):
    from tests.services.factories import make_organisation, make_service

    buurthuis = make_venue("Buurthuis De Ster", latitude="52.06170", longitude="5.13920")
    buurtteam = make_organisation(lunetten, "Buurtteam Lunetten", description="Wij helpen.")
    schuld = make_service(
        lunetten,
        "Schuldhulp",
        organisation=buurtteam,
        languages=["nl", "ar"],
        hours=[(buurthuis, 1, "09:30", "12:00"), (buurthuis, 3, "13:00", "15:00")],
        last_checked=date(2026, 11, 1),
    )
    telefoon = make_service(
        lunetten, "Telefoonhulp", organisation=buurtteam, hours=[(None, 0, "09:00", "12:00")]
    )
    make_service(oost, "Hulp in Oost", organisation=make_organisation(oost, "Wijkteam Oost"))
    return {"schuld": schuld, "telefoon": telefoon, "buurthuis": buurthuis, "org": buurtteam}


def test_a_service_as_an_hsds_service_with_its_places_and_schedules(api_json, lunetten, directory):
    schuld, buurthuis = directory["schuld"], directory["buurthuis"]

    record = api_json(lunetten, f"{HSDS_SERVICES}{schuld.translation_key}/")

    # HSDS 3.0 requires id, name and status of a service; ids are UUIDs.
    assert record["id"] == str(schuld.translation_key)
    assert (record["name"], record["status"]) == ("Schuldhulp", "active")
    assert record["assured_date"] == "2026-11-01"
    assert [language["code"] for language in record["languages"]] == ["nl", "ar"]
    assert record["organization"]["id"] == record["organization_id"]
    assert record["organization"]["name"] == "Buurtteam Lunetten"
    assert {"id", "name", "description"} <= set(record["organization"])
    [at] = record["service_at_locations"]
    uuid.UUID(at["id"])
    assert (at["service_id"], at["location_id"]) == (record["id"], str(buurthuis.translation_key))
    # The location is the venue's, under the id /api/v1/hsds/locations/ gives it.
    assert at["location"]["id"] == str(buurthuis.translation_key)
    assert at["location"]["location_type"] == "physical"
    assert isinstance(at["location"]["latitude"], float)
    assert api_json(lunetten, f"{LOCATIONS}{at['location_id']}/")["name"] == "Buurthuis De Ster"
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in record["schedules"]] == [
        ("TU", "09:30", "12:00"),
        ("TH", "13:00", "15:00"),
    ]
    for schedule in record["schedules"]:
        assert schedule["service_id"] == record["id"]
        assert schedule["service_at_location_id"] == at["id"]
        assert schedule["freq"] == "WEEKLY" and schedule["interval"] == 1
    assert at["schedules"] == record["schedules"]
    assert None not in record.values()


def test_hours_by_phone_are_a_schedule_without_a_place(api_json, lunetten, directory):
    record = api_json(lunetten, f"{HSDS_SERVICES}{directory['telefoon'].translation_key}/")

    assert record["service_at_locations"] == []
    [schedule] = record["schedules"]
    assert "service_at_location_id" not in schedule
    assert schedule["byday"] == "MO"


def test_the_api_gives_the_records_the_export_writes(api_json, lunetten, directory):
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    call_command("export_hsds", stdout=out)
    export = json.loads(out.getvalue())

    page = api_json(None, HSDS_SERVICES)
    nested = {"organization", "service_at_locations", "schedules"}
    assert [{k: v for k, v in s.items() if k not in nested} for s in page["contents"]] == (
        export["service"]
    )
    assert [s["organization"] for s in page["contents"]] == [
        next(o for o in export["organization"] if o["id"] == s["organization_id"])
        for s in export["service"]
    ]
    assert [at for s in page["contents"] for at in s["service_at_locations"]] == [
        {
            **at,
            "location": next(loc for loc in export["location"] if loc["id"] == at["location_id"]),
            "schedules": [
                s for s in export["schedule"] if s.get("service_at_location_id") == at["id"]
            ],
        }
        for at in export["service_at_location"]
    ]
    assert [s for service in page["contents"] for s in service["schedules"]] == export["schedule"]


def test_services_per_neighbourhood_as_an_hsds_page(api, api_json, lunetten, directory):
    assert [s["name"] for s in api_json(lunetten, HSDS_SERVICES)["contents"]] == [
        "Schuldhulp",
        "Telefoonhulp",
    ]
    page = api_json(None, HSDS_SERVICES, per_page=2, page=2)
    assert {k: v for k, v in page.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    assert [s["name"] for s in page["contents"]] == ["Telefoonhulp"]
    oost_service = api_json(None, HSDS_SERVICES)["contents"][0]
    assert oost_service["name"] == "Hulp in Oost"
    assert api(lunetten, f"{HSDS_SERVICES}{oost_service['id']}/").status_code == 404
    assert api(lunetten, HSDS_SERVICES, page=0).status_code == 422


def test_organisations_as_hsds_organizations(api, api_json, lunetten, directory):
    org = directory["org"]

    page = api_json(lunetten, HSDS_ORGANIZATIONS)

    assert page["total_items"] == 1
    [record] = page["contents"]
    assert record == {
        "id": str(org.translation_key),
        "name": "Buurtteam Lunetten",
        "description": "Wij helpen.",
    }
    assert api_json(lunetten, f"{HSDS_ORGANIZATIONS}{org.translation_key}/") == record
    assert [o["name"] for o in api_json(None, HSDS_ORGANIZATIONS)["contents"]] == [
        "Buurtteam Lunetten",
        "Wijkteam Oost",
    ]
    oost = api_json(None, HSDS_ORGANIZATIONS)["contents"][1]
    assert api(lunetten, f"{HSDS_ORGANIZATIONS}{oost['id']}/").status_code == 404
    assert api(lunetten, f"{HSDS_ORGANIZATIONS}not-a-uuid/").status_code == 404


def test_the_organizations_list_costs_the_same_queries_with_10_and_500_services(
    api, lunetten, make_venue
):
    from tests.api.conftest import queries
    from tests.services.factories import bulk_services, make_organisation

    venue = make_venue("Buurthuis De Ster")

    def call():
        assert api(lunetten, HSDS_ORGANIZATIONS, per_page=100).status_code == 200

    bulk_services(lunetten, 10, venue, make_organisation(lunetten, "Eerste"))
    few = queries(call)
    bulk_services(lunetten, 490, venue, make_organisation(lunetten, "Tweede"), prefix="Meer")
    many = queries(call)

    assert many == few
