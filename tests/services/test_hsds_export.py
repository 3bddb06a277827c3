"""export_hsds against HSDS 3.0: each record kind has its schema's required fields, only field names
the schema knows, the schema's types and formats, and ids that point at records in the export.

SCHEMA is HSDS 3.0's schema files (openreferral/specification, schema/<table>.json) reduced to what
is checked: per table the required fields and each field's JSON type and format (nested arrays
such as a service's `languages` are "array"). Where 3.0's JSON schema and its tabular form differ
on what is required (attribute's link fields, a service's organization_id), the export meets both.
"""

import io
import json
import uuid
from datetime import date, time

import pytest
from django.core.management import call_command

from tests.services.factories import make_organisation, make_service

S, N, A = "string", "number", "array"
SCHEMA = {
    "organization": {
        "required": ["id", "name", "description"],
        "fields": {
            "id": (S, "uuid"),
            "name": S,
            "alternate_name": S,
            "description": S,
            "email": (S, "email"),
            "website": (S, "uri"),
            "year_incorporated": N,
            "legal_status": S,
            "logo": S,
            "uri": (S, "uri"),
            "parent_organization_id": (S, "uuid"),
        },
    },
    "service": {
        "required": ["id", "organization_id", "name", "status"],
        "fields": {
            "id": (S, "uuid"),
            "organization_id": (S, "uuid"),
            "program_id": (S, "uuid"),
            "name": S,
            "alternate_name": S,
            "description": S,
            "url": (S, "uri"),
            "email": (S, "email"),
            "status": (S, ["active", "inactive", "defunct", "temporarily closed"]),
            "interpretation_services": S,
            "application_process": S,
            "fees_description": S,
            "wait_time": S,
            "fees": S,
            "accreditations": S,
            "eligibility_description": S,
            "minimum_age": N,
            "maximum_age": N,
            "assured_date": (S, "date"),
            "assurer_email": (S, "email"),
            "licenses": S,
            "alert": S,
            "last_modified": S,
            "phones": A,
            "schedules": A,
            "service_areas": A,
            "service_at_locations": A,
            "languages": A,
            "attributes": A,
        },
    },
    "location": {
        "required": ["id", "location_type"],
        "fields": {
            "id": (S, "uuid"),
            "location_type": (S, ["physical", "postal", "virtual"]),
            "url": (S, "uri"),
            "organization_id": (S, "uuid"),
            "name": S,
            "alternate_name": S,
            "description": S,
            "transportation": S,
            "latitude": N,
            "longitude": N,
            "external_identifier": S,
            "external_identifier_type": S,
        },
    },
    "service_at_location": {
        "required": ["id", "service_id", "location_id"],
        "fields": {
            "id": (S, "uuid"),
            "service_id": (S, "uuid"),
            "location_id": (S, "uuid"),
            "description": S,
        },
    },
    "schedule": {
        "required": ["id"],
        "fields": {
            "id": (S, "uuid"),
            "service_id": (S, "uuid"),
            "location_id": (S, "uuid"),
            "service_at_location_id": (S, "uuid"),
            "valid_from": (S, "date"),
            "valid_to": (S, "date"),
            "dtstart": (S, "date"),
            "timezone": N,
            "until": (S, "date"),
            "count": N,
            "wkst": (S, ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]),
            "freq": (S, ["WEEKLY", "MONTHLY"]),
            "interval": N,
            "byday": S,
            "byweekno": S,
            "bymonthday": S,
            "byyearday": S,
            "description": S,
            "opens_at": (S, "time"),
            "closes_at": (S, "time"),
            "schedule_link": (S, "uri"),
            "attending_type": S,
            "notes": S,
        },
    },
    "phone": {
        "required": ["id", "number"],
        "fields": {
            "id": (S, "uuid"),
            "location_id": (S, "uuid"),
            "service_id": (S, "uuid"),
            "organization_id": (S, "uuid"),
            "contact_id": (S, "uuid"),
            "service_at_location_id": (S, "uuid"),
            "number": S,
            "extension": N,
            "type": (S, ["text", "voice", "fax", "cell", "video", "pager", "textphone"]),
            "description": S,
            "languages": A,
        },
    },
    "language": {
        "required": ["id"],
        "fields": {
            "id": (S, "uuid"),
            "service_id": (S, "uuid"),
            "location_id": (S, "uuid"),
            "phone_id": (S, "uuid"),
            "name": S,
            "code": S,
            "note": S,
        },
    },
    "service_area": {
        "required": ["id"],
        "fields": {
            "id": (S, "uuid"),
            "service_id": (S, "uuid"),
            "service_at_location_id": (S, "uuid"),
            "name": S,
            "description": S,
            "extent": S,
            "extent_type": (S, ["geojson", "topojson", "kml", "text"]),
            "uri": (S, "uri"),
        },
    },
    "taxonomy": {
        "required": ["id", "name", "description"],
        "fields": {
            "id": (S, "uuid"),
            "name": S,
            "description": S,
            "uri": (S, "uri"),
            "version": S,
        },
    },
    "taxonomy_term": {
        "required": ["id", "name", "description"],
        "fields": {
            "id": (S, "uuid"),
            "code": S,
            "name": S,
            "description": S,
            "parent_id": (S, "uuid"),
            "taxonomy": S,
            "language": S,
            "taxonomy_id": (S, "uuid"),
            "term_uri": (S, "uri"),
        },
    },
    "attribute": {
        "required": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"],
        "fields": {
            "id": (S, "uuid"),
            "link_id": (S, "uuid"),
            "taxonomy_term_id": (S, "uuid"),
            "link_type": S,
            "link_entity": S,
            "value": S,
        },
    },
}
# Which table each *_id field points into (an attribute's link_id: the table its link_entity names).
TARGETS = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "taxonomy_id": "taxonomy",
    "taxonomy_term_id": "taxonomy_term",
    "parent_id": "taxonomy_term",
}


def conforms(value, kind):
    """Whether `value` has the schema's type (and format or enumeration)."""
    kind, form = kind if isinstance(kind, tuple) else (kind, None)
    if kind == N:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == A:
        return isinstance(value, list)
    if not isinstance(value, str):
        return False
    if isinstance(form, list):
        return value in form
    if form == "email":
        return value.count("@") == 1
    if form == "uri":
        return value.startswith(("http://", "https://"))
    parse = {"uuid": uuid.UUID, "date": date.fromisoformat, "time": time.fromisoformat}.get(form)
    try:
        parse and parse(value)
    except ValueError:
        return False
    return True


@pytest.fixture
def export(lunetten, oost, make_venue):
    venue = make_venue(
        "Buurthuis De Ster", latitude="52.06170", longitude="5.13920", phone="030 222 33 44"
    )
    organisation = make_organisation(
        lunetten, "Buurtteam Lunetten", phone="030 111 22 33", email="team@example.nl"
    )
    make_service(
        lunetten,
        "Schuldhulp",
        organisation=organisation,
        topics=["money-debt", "forms-letters"],
        channels=["walk-in", "phone"],
        languages=["nl", "ar"],
        phone="030 999 88 77",
        website="https://example.nl/schuldhulp",
        hours=[(venue, 1, "09:30", "12:00")],
        areas=[oost],
        last_checked=date(2026, 11, 1),
    )
    make_service(
        lunetten,
        "Telefonische hulp",
        organisation=organisation,
        serves_whole_city=True,
        hours=[(None, 0, "09:00", "12:00")],
    )
    make_service(oost, "Concept in Oost", live=False)
    out = io.StringIO()
    call_command("export_hsds", stdout=out)
    return json.loads(out.getvalue())


pytestmark = pytest.mark.django_db


def test_every_record_kind_is_written(export):
    assert set(export) == set(SCHEMA)
    assert all(export[table] for table in SCHEMA), [t for t in SCHEMA if not export[t]]


@pytest.mark.parametrize("table", sorted(SCHEMA))
def test_each_record_has_the_schemas_required_fields_names_and_types(export, table):
    schema = SCHEMA[table]
    for record in export[table]:
        missing = [name for name in schema["required"] if record.get(name) in (None, "")]
        assert not missing, (table, record)
        unknown = set(record) - set(schema["fields"])
        assert not unknown, (table, unknown)
        wrong = {n: v for n, v in record.items() if not conforms(v, schema["fields"][n])}
        assert not wrong, (table, wrong)


def test_nested_languages_of_a_service_are_language_records(export):
    for service in export["service"]:
        for language in service["languages"]:
            assert set(language) <= set(SCHEMA["language"]["fields"])
            assert language in export["language"]


def test_ids_are_unique_and_every_reference_points_at_a_record(export):
    ids = {}
    for table, records in export.items():
        ids[table] = [record["id"] for record in records]
        assert len(set(ids[table])) == len(ids[table]), table
    for table, records in export.items():
        for record in records:
            for name, value in record.items():
                target = TARGETS.get(name)
                if name == "link_id":
                    target = record["link_entity"]
                if target:
                    assert value in ids[target], (table, name, value)


def test_the_records_say_what_residents_would_read(export):
    schuldhulp = next(s for s in export["service"] if s["name"] == "Schuldhulp")
    sid = schuldhulp["id"]
    assert {p["number"] for p in export["phone"]} == {
        "030 999 88 77",  # the service's
        "030 111 22 33",  # the organisation's
        "030 222 33 44",  # the meeting place's
    }
    [own] = [p for p in export["phone"] if p.get("service_id") == sid]
    assert own["number"] == "030 999 88 77"
    assert sorted(
        (lang["code"], lang["name"]) for lang in export["language"] if lang["service_id"] == sid
    ) == [("ar", "Arabic"), ("nl", "Dutch")]
    assert sorted(a["name"] for a in export["service_area"] if a["service_id"] == sid) == [
        "Lunetten",
        "Oost",
    ]
    telefoon = next(s for s in export["service"] if s["name"] == "Telefonische hulp")
    [city] = [a for a in export["service_area"] if a["service_id"] == telefoon["id"]]
    assert city["name"] == "Whole city"
    terms = {t["id"]: t for t in export["taxonomy_term"]}
    linked = sorted(
        (a["link_type"], terms[a["taxonomy_term_id"]]["code"])
        for a in export["attribute"]
        if a["link_id"] == sid
    )
    assert linked == [
        ("access", "phone"),
        ("access", "walk-in"),
        ("topic", "forms-letters"),
        ("topic", "money-debt"),
    ]
    assert {t["name"] for t in export["taxonomy"]} == {
        "Wijkinfo help topics",
        "Wijkinfo ways of getting help",
    }
    money = next(t for t in export["taxonomy_term"] if t["code"] == "money-debt")
    assert money["name"] == "Money and debt" and "Geld en schulden" in money["description"]
    # Drafts stay out, and nothing of theirs leaks into another table.
    assert "Concept in Oost" not in {s["name"] for s in export["service"]}


def test_ids_stay_the_same_from_one_export_to_the_next(export):
    out = io.StringIO()
    call_command("export_hsds", stdout=out)

    assert json.loads(out.getvalue()) == export


def test_the_export_takes_as_many_queries_for_twenty_services_as_for_two(lunetten, make_venue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from services.hsds import export as hsds_export
    from tests.services.factories import bulk_services

    venue = make_venue("Buurthuis De Ster", phone="030 222 33 44")
    bulk_services(lunetten, 2, venue)
    with CaptureQueriesContext(connection) as few:
        hsds_export()
    bulk_services(lunetten, 18, venue, prefix="Meer")
    with CaptureQueriesContext(connection) as many:
        data = hsds_export()

    assert len(data["service"]) == 20
    assert len(many) == len(few)
