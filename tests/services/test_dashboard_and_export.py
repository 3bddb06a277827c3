"""Staying current (the dashboard's "not checked for 6 months" and "I checked it") and the HSDS
3.0 export."""

import io
import json
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from services.models import Service
from tests.services.factories import make_organisation, make_service

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM), tick=False),
]


@pytest.fixture
def editor(client, lunetten, django_user_model):
    user = django_user_model.objects.create_user("redacteur", password="x")
    user.groups.add(lunetten.editors)
    client.force_login(user)
    client.user = user
    return client


def test_the_dashboard_lists_services_not_checked_for_six_months(
    editor, lunetten, oost, organisation
):
    make_service(lunetten, "Oude dienst", last_checked=date(2026, 3, 1))
    make_service(lunetten, "Nooit bekeken")
    make_service(lunetten, "Net bekeken", last_checked=date(2026, 11, 1))
    make_service(oost, "Dienst in Oost", last_checked=date(2026, 1, 1))

    html = editor.get("/admin/").content.decode()

    assert "Diensten om te controleren" in html
    assert "Oude dienst" in html and "Nooit bekeken" in html
    assert "Net bekeken" not in html
    assert "Dienst in Oost" not in html
    assert "Ik heb het gecontroleerd" in html


def test_i_checked_it_sets_the_date_and_who(editor, lunetten, organisation):
    service = make_service(lunetten, "Oude dienst", last_checked=date(2026, 3, 1))

    response = editor.post(f"/admin/services/{service.pk}/checked/", {"next": "/admin/"})

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.last_checked == date(2026, 12, 1)
    assert service.last_checked_by == editor.user
    # The latest revision agrees, so the next publish keeps the date.
    assert service.get_latest_revision_as_object().last_checked == date(2026, 12, 1)


def test_a_service_whose_organisations_contact_bounced_is_listed_first(
    editor, lunetten, organisation
):
    other = make_organisation(lunetten, "Bibliotheek Lunetten")
    make_service(lunetten, "Oude dienst", organisation=other, last_checked=date(2026, 3, 1))
    bounced = make_service(
        lunetten, "Net bekeken", organisation=organisation, last_checked=date(2026, 11, 1)
    )
    organisation.contact_bounced_on = date(2026, 11, 20)
    organisation.save()

    html = editor.get("/admin/").content.decode()

    panel = html[html.index("services-to-check") :]
    assert panel.index("Net bekeken") < panel.index("Oude dienst")
    assert "Contact kwam terug op 20 november 2026" in panel

    # Checking the service means its contact works again: the bounce is cleared.
    editor.post(f"/admin/services/{bounced.pk}/checked/", {"next": "/admin/"})
    organisation.refresh_from_db()
    assert organisation.contact_bounced_on is None
    panel = editor.get("/admin/").content.decode()
    assert "Net bekeken" not in panel[panel.index("services-to-check") :]


def test_another_neighbourhoods_service_cannot_be_marked_checked(editor, oost):
    service = make_service(oost, "Dienst in Oost", last_checked=date(2026, 1, 1))

    response = editor.post(f"/admin/services/{service.pk}/checked/")

    assert response.status_code in (302, 403)
    service.refresh_from_db()
    assert service.last_checked == date(2026, 1, 1)


def test_the_hsds_export_has_the_required_fields_and_intact_ids(lunetten, organisation, buurthuis):
    make_service(
        lunetten,
        "Schuldhulp",
        hours=[(buurthuis, 1, "09:30", "12:00"), (buurthuis, 3, "13:00", "15:00")],
        last_checked=date(2026, 11, 1),
    )
    make_service(lunetten, "Telefoonhulp", hours=[(None, 0, "09:00", "12:00")])
    make_service(lunetten, "Concept", live=False)
    out = io.StringIO()

    call_command("export_hsds", stdout=out)
    data = json.loads(out.getvalue())

    # The other tables (phone, language, …) are checked in test_hsds_export.py.
    assert {"organization", "service", "location", "service_at_location", "schedule"} <= set(data)
    assert [s["name"] for s in data["service"]] == ["Schuldhulp", "Telefoonhulp"]
    ids = {table: {r["id"] for r in records} for table, records in data.items()}
    for records in data.values():
        for record in records:
            uuid.UUID(record["id"])  # every id is a UUID string
    for org in data["organization"]:
        assert {"id", "name", "description"} <= set(org)
    for service in data["service"]:
        assert {"id", "name", "status"} <= set(service)
        assert service["organization_id"] in ids["organization"]
        assert all(isinstance(language["code"], str) for language in service["languages"])
    assert data["service"][0]["assured_date"] == "2026-11-01"
    assert len(data["location"]) == 1
    assert data["location"][0]["location_type"] == "physical"
    assert isinstance(data["location"][0]["latitude"], float)
    [at] = data["service_at_location"]
    assert at["service_id"] in ids["service"] and at["location_id"] in ids["location"]
    assert len(data["schedule"]) == 3
    for schedule in data["schedule"]:
        assert schedule["service_id"] in ids["service"]
        assert schedule["freq"] == "WEEKLY" and isinstance(schedule["interval"], int)
        assert schedule.get("service_at_location_id", at["id"]) in ids["service_at_location"]
    assert {s["byday"] for s in data["schedule"]} == {"MO", "TU", "TH"}
    assert Service.objects.count() == 3
