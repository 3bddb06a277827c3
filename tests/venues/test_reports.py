"""A resident's "Verouderde informatie melden": stored, on the dashboard, mailed after."""

import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from venues.models import VenueReport

pytestmark = pytest.mark.django_db

FINDER = "/nl/ontmoetingsplekken/"
HOST = "lunetten.localhost"


class BrokenMailServer(BaseEmailBackend):
    """Production settings with no SMTP server listening."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture
def venue(make_venue):
    return make_venue(name="Buurthuis De Ster", slug="buurthuis-de-ster")


def report(client, slug="buurthuis-de-ster", **data):
    data = {"message": "De lift is kapot.", "email": "bewoner@example.org", **data}
    return client.post(f"{FINDER}{slug}/report/", data, HTTP_HOST=HOST)


def person(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*groups)
    return user


def reports_panel(html):
    match = re.search(r'<section[^>]*id="venue-reports-section".*?</section>', html, re.S)
    return match.group(0) if match else None


def test_a_report_is_stored_then_mailed(client, lunetten, venue, django_user_model):
    person(django_user_model, "ed", lunetten.editors)

    response = report(client)

    assert response.status_code == 200
    stored = VenueReport.objects.get()
    assert (stored.venue, stored.message, stored.email) == (
        venue,
        "De lift is kapot.",
        "bewoner@example.org",
    )
    assert stored.created_at is not None and stored.done is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ed@example.org"]


def test_a_mail_server_that_is_down_loses_nothing_and_the_resident_is_thanked(
    client, lunetten, venue, settings, django_user_model
):
    settings.EMAIL_BACKEND = "tests.venues.test_reports.BrokenMailServer"
    person(django_user_model, "ed", lunetten.editors)

    response = report(client)

    assert response.status_code == 200
    assert "Dank u wel. De redactie van de wijk kijkt ernaar." in response.content.decode()
    assert VenueReport.objects.filter(venue=venue, message="De lift is kapot.").exists()


def test_a_bot_filling_the_hidden_field_stores_nothing(client, lunetten, venue):
    assert report(client, website="http://spam.example").status_code == 200
    assert not VenueReport.objects.exists()


def test_the_reporters_address_never_reaches_the_venue_page(client, lunetten, venue):
    report(client)
    page = client.get(f"{FINDER}buurthuis-de-ster/", HTTP_HOST=HOST).content.decode()
    assert "bewoner@example.org" not in page


def test_editors_see_their_neighbourhoods_open_reports_and_mark_them_done(
    client, lunetten, oost, venue, make_venue, django_user_model
):
    elsewhere = make_venue(name="Wijkcentrum Oost", slug="wijkcentrum-oost", neighbourhood=oost)
    report(client)
    VenueReport.objects.create(venue=elsewhere, message="Adres klopt niet.")
    editor = person(django_user_model, "ed", lunetten.editors)
    client.force_login(editor)

    panel = reports_panel(client.get("/admin/").content.decode())

    assert "Buurthuis De Ster" in panel and "De lift is kapot." in panel
    assert "bewoner@example.org" in panel  # the editors may answer the resident
    assert "Adres klopt niet." not in panel and "Wijkcentrum Oost" not in panel

    stored = VenueReport.objects.get(venue=venue)
    done = client.post(f"/admin/venue-reports/{stored.pk}/done/")
    assert done.status_code == 302
    stored.refresh_from_db()
    assert stored.done and stored.done_at is not None
    assert "De lift is kapot." not in reports_panel(client.get("/admin/").content.decode())


def test_nobody_marks_another_neighbourhoods_report_done(
    client, lunetten, oost, make_venue, django_user_model
):
    elsewhere = make_venue(name="Wijkcentrum Oost", slug="wijkcentrum-oost", neighbourhood=oost)
    stored = VenueReport.objects.create(venue=elsewhere, message="Adres klopt niet.")
    client.force_login(person(django_user_model, "ed", lunetten.editors))

    # Wagtail answers a refused admin action by sending the user back to the dashboard.
    client.post(f"/admin/venue-reports/{stored.pk}/done/")

    stored.refresh_from_db()
    assert not stored.done


def test_users_without_a_neighbourhood_see_no_reports_panel(
    client, lunetten, venue, django_user_model
):
    group = Group.objects.create(name="Readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = person(django_user_model, "reader", group)
    report(client)
    client.force_login(user)

    assert reports_panel(client.get("/admin/").content.decode()) is None


def test_the_reports_panel_costs_the_same_queries_for_few_and_many(
    client, lunetten, venue, django_user_model, django_assert_max_num_queries
):
    client.force_login(person(django_user_model, "ed", lunetten.editors))
    client.get("/admin/")  # the first visit sets up the user's profile and session

    def measure(count):
        VenueReport.objects.bulk_create(
            VenueReport(venue=venue, message=f"Melding {n}") for n in range(count)
        )
        with django_assert_max_num_queries(60) as queries:
            html = client.get("/admin/").content.decode()
        return len(queries), reports_panel(html)

    few, _html = measure(2)
    many, html = measure(30)

    assert many == few
    assert html.count('action="/admin/venue-reports/') == 20
    assert "En nog 12 meldingen." in html


def test_reports_are_deleted_when_their_period_is_over(venue, time_machine):
    time_machine.move_to(datetime(2026, 1, 5, 10, 0, tzinfo=UTC), tick=False)
    old = VenueReport.objects.create(venue=venue, message="Oud", email="oud@example.org")
    time_machine.shift(timedelta(days=100))
    recent = VenueReport.objects.create(venue=venue, message="Nieuw", email="nieuw@example.org")
    time_machine.shift(timedelta(days=90))  # the old one is 190 days old, the recent one 90

    call_command("apply_retention", stdout=StringIO())

    assert list(VenueReport.objects.all()) == [recent]
    assert not VenueReport.objects.filter(pk=old.pk).exists()
