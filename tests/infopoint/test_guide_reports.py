"""A resident's "Verouderde informatie melden" on a guide: stored, on the dashboard, mailed after
(the same flow as for venues, tests/venues/test_reports.py)."""

import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from infopoint.models import GuideIndexPage, GuideReport
from tests.infopoint.conftest import add_guide, section

pytestmark = pytest.mark.django_db

HOST = "lunetten.localhost"
GUIDE = "/nl/wegwijzer/grofvuil/"


@pytest.fixture
def guide(lunetten, lunetten_guides):
    return add_guide(lunetten_guides, "Grofvuil laten ophalen", "grofvuil", topic="living")


def report(client, path=GUIDE, host=HOST, **data):
    data = {"message": "Het telefoonnummer is veranderd.", "email": "bewoner@example.org", **data}
    return client.post(f"{path}report/", data, HTTP_HOST=host)


def person(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*groups)
    return user


def reports_panel(html):
    match = re.search(r'<section[^>]*id="guide-reports-section".*?</section>', html, re.S)
    return match.group(0) if match else None


def test_a_guide_links_to_its_report_form(client, guide):
    page = client.get(GUIDE, HTTP_HOST=HOST).content.decode()
    assert f'href="{GUIDE}report/">Verouderde informatie melden</a>' in page

    form = client.get(f"{GUIDE}report/", HTTP_HOST=HOST)
    assert form.status_code == 200
    assert f'<a href="{GUIDE}">Grofvuil laten ophalen</a>' in form.content.decode()


def test_a_report_is_stored_for_the_guides_neighbourhood_then_mailed(
    client, lunetten, guide, django_user_model
):
    person(django_user_model, "ed", lunetten.editors)

    response = report(client)

    assert response.status_code == 200
    assert "Dank u wel. De redactie van de wijk kijkt ernaar." in response.content.decode()
    stored = GuideReport.objects.get()
    assert (stored.guide_id, stored.neighbourhood, stored.message, stored.email) == (
        guide.pk,
        lunetten,
        "Het telefoonnummer is veranderd.",
        "bewoner@example.org",
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ed@example.org"]
    assert "Grofvuil laten ophalen" in mail.outbox[0].subject
    assert f"/admin/pages/{guide.pk}/edit/" in mail.outbox[0].body


def test_a_mail_server_that_is_down_loses_nothing(client, guide, settings):
    settings.EMAIL_BACKEND = "tests.venues.test_reports.BrokenMailServer"

    response = report(client)

    assert response.status_code == 200
    assert "Dank u wel." in response.content.decode()
    assert GuideReport.objects.filter(message="Het telefoonnummer is veranderd.").exists()


def test_a_bot_filling_the_hidden_field_stores_nothing(client, guide):
    assert report(client, website="http://spam.example").status_code == 200
    assert not GuideReport.objects.exists()


def test_an_empty_report_is_refused_at_its_field(client, guide):
    response = report(client, message="")
    assert response.status_code == 200
    assert "Dit is een verplicht veld." in response.content.decode()
    assert not GuideReport.objects.exists()


def test_reports_share_the_neighbourhoods_limit(client, guide, settings):
    settings.REPORT_RATE_LIMIT = (2, 3600)
    assert [report(client).status_code for _ in range(3)] == [200, 200, 429]
    assert GuideReport.objects.count() == 2


def test_the_reporters_address_never_reaches_the_guide(client, guide):
    report(client)
    assert "bewoner@example.org" not in client.get(GUIDE, HTTP_HOST=HOST).content.decode()


def test_editors_see_their_neighbourhoods_guide_reports_and_mark_them_done(
    client, lunetten, oost, guide, django_user_model
):
    other = add_guide(section(oost, GuideIndexPage), "Afval in Oost", "afval", topic="living")
    report(client)
    report(client, path="/nl/wegwijzer/afval/", host="oost.localhost", message="Adres klopt niet.")
    assert GuideReport.objects.get(guide=other).neighbourhood == oost
    client.force_login(person(django_user_model, "ed", lunetten.editors))

    panel = reports_panel(client.get("/admin/").content.decode())

    assert "Grofvuil laten ophalen" in panel and "Het telefoonnummer is veranderd." in panel
    assert "Adres klopt niet." not in panel and "Afval in Oost" not in panel

    mine = GuideReport.objects.get(guide=guide)
    assert client.post(f"/admin/guide-reports/{mine.pk}/done/").status_code == 302
    mine.refresh_from_db()
    assert mine.done and mine.done_at is not None
    assert "Het telefoonnummer" not in reports_panel(client.get("/admin/").content.decode())

    theirs = GuideReport.objects.get(guide=other)
    client.post(f"/admin/guide-reports/{theirs.pk}/done/")
    theirs.refresh_from_db()
    assert not theirs.done


def test_guide_reports_are_deleted_when_their_period_is_over(guide, lunetten, time_machine):
    time_machine.move_to(datetime(2026, 1, 5, 10, 0, tzinfo=UTC), tick=False)
    GuideReport.objects.create(guide=guide, neighbourhood=lunetten, message="Oud")
    time_machine.shift(timedelta(days=100))
    recent = GuideReport.objects.create(guide=guide, neighbourhood=lunetten, message="Nieuw")
    time_machine.shift(timedelta(days=90))  # 190 and 90 days old

    call_command("apply_retention", stdout=StringIO())

    assert list(GuideReport.objects.all()) == [recent]


def test_a_guide_not_yet_in_arabic_is_reported_from_the_arabic_site(client, lunetten, guide):
    """The Arabic reader of a Dutch guide (its fallback) reaches the form in Arabic."""
    page = client.get("/ar/guides/grofvuil/", HTTP_HOST=HOST).content.decode()
    assert 'href="/ar/guides/grofvuil/report/"' in page

    response = report(client, path="/ar/guides/grofvuil/")

    assert response.status_code == 200
    assert 'lang="ar"' in response.content.decode()
    assert GuideReport.objects.get().guide_id == guide.pk
