"""Venues as CSV in the admin (issue 13, item 8): upload → every problem or a preview → apply,
all or nothing; download per neighbourhood; an editor's own neighbourhoods only."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.venues.test_csv import HEADER, row
from venues.models import Venue

pytestmark = pytest.mark.django_db

URL = "/admin/venues-csv/"


def person(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*groups)
    return user


@pytest.fixture
def editor(client, lunetten, oost, terms, django_user_model):
    user = person(django_user_model, "ed", lunetten.editors)
    client.force_login(user)
    return user


def upload(client, neighbourhood, *rows, header=HEADER):
    data = "\n".join([header, *rows]).encode() + b"\n"
    return client.post(
        URL,
        {"neighbourhood": neighbourhood.pk, "file": SimpleUploadedFile("plekken.csv", data)},
    )


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def snapshot():
    return list(Venue.objects.order_by("pk").values_list("slug", "name", "capacity"))


def test_the_venue_listing_leads_to_it_and_it_speaks_dutch(client, editor):
    listing = client.get("/admin/snippets/venues/venue/").content.decode()
    assert f'href="{URL}"' in listing and "Importeren of exporteren als CSV" in listing

    page = text(client.get(URL))
    assert "Plekken als CSV" in page and "Bestand controleren" in page
    assert "Plekken van Lunetten (CSV)" in page and "Oost" not in page


def test_a_bad_file_changes_nothing_and_lists_every_problem(client, editor, lunetten, make_venue):
    make_venue(name="Buurthuis De Ster", slug="buurthuis-de-ster")
    before = snapshot()

    response = upload(
        client,
        lunetten,
        row(name="Nieuwe naam"),
        row(slug="bieb", name="Bieb", capacity="veel"),
        row(slug="kerk", name="Kerk", kind="kasteel"),
    )

    page = text(response)
    assert "Er is niets geïmporteerd: 2 problemen" in page
    assert re.search(r"<td>3</td> ?<td><code>capacity</code></td>", page)
    assert re.search(r"<td>4</td> ?<td><code>kind</code></td>", page)
    assert 'name="apply"' not in page
    assert snapshot() == before


@pytest.fixture
def moderator(client, lunetten, oost, terms, django_user_model):
    user = person(django_user_model, "mo", lunetten.moderators)
    client.force_login(user)
    return user


def test_a_good_file_is_previewed_then_applied(client, moderator, lunetten, make_venue):
    make_venue(name="Buurthuis De Ster", slug="buurthuis-de-ster")
    before = snapshot()

    preview = upload(
        client, lunetten, row(name="Buurthuis De Ster (nieuw)"), row(slug="bieb", name="Bieb")
    )

    page = text(preview)
    assert "Wat er verandert in Lunetten" in page
    assert re.search(r"Bieb <code>bieb</code></td> ?<td>nieuwe plek</td>", page)
    assert re.search(r"wijzigingen: <code>name</code>", page)
    assert snapshot() == before  # nothing written by looking
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', page).group(1)

    applied = client.post(URL, {"apply": "1", "digest": digest}, follow=True)

    assert "Geïmporteerd in Lunetten: 1 nieuw, 1 bijgewerkt." in text(applied)
    names = dict(Venue.objects.values_list("slug", "name"))
    assert names == {"buurthuis-de-ster": "Buurthuis De Ster (nieuw)", "bieb": "Bieb"}
    assert set(Venue.objects.values_list("neighbourhood", flat=True)) == {lunetten.pk}
    # A moderator's import is published, with a revision in each venue's history.
    assert all(venue.live and venue.live_revision_id for venue in Venue.objects.all())


def test_an_editors_import_waits_for_the_moderators(
    client, editor, lunetten, make_venue, django_user_model
):
    from wagtail.models import WorkflowState

    make_venue(name="Buurthuis De Ster", slug="buurthuis-de-ster")
    before = snapshot()
    preview = text(
        upload(
            client, lunetten, row(name="Buurthuis De Ster (nieuw)"), row(slug="bieb", name="Bieb")
        )
    )
    assert "als concept" in preview
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', preview).group(1)

    applied = client.post(URL, {"apply": "1", "digest": digest}, follow=True)

    assert "als concepten voor de moderatoren" in text(applied)
    # What residents see is unchanged: the old name is live, the new venue is a draft.
    ster, bieb = Venue.objects.get(slug="buurthuis-de-ster"), Venue.objects.get(slug="bieb")
    assert ster.name == "Buurthuis De Ster" and ster.live and ster.has_unpublished_changes
    assert snapshot()[0] == before[0] and not bieb.live
    assert ster.get_latest_revision_as_object().name == "Buurthuis De Ster (nieuw)"
    assert [room.name for room in ster.get_latest_revision_as_object().rooms.all()] == [
        "Grote zaal",
        "Keuken",
    ]
    states = WorkflowState.objects.filter(
        base_content_type__app_label="venues", status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert sorted(states.values_list("object_id", flat=True)) == sorted(
        [str(ster.pk), str(bieb.pk)]
    )

    moderator = person(django_user_model, "mo", lunetten.moderators)
    for state in states:
        state.current_task_state.approve(user=moderator)
    ster.refresh_from_db()
    assert ster.name == "Buurthuis De Ster (nieuw)" and ster.rooms.count() == 2
    assert Venue.objects.get(slug="bieb").live

    # The same file again changes nothing, so nothing is sent to the moderators.
    again = text(
        upload(
            client, lunetten, row(name="Buurthuis De Ster (nieuw)"), row(slug="bieb", name="Bieb")
        )
    )
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', again).group(1)
    applied = client.post(URL, {"apply": "1", "digest": digest}, follow=True)
    assert "0 nieuw, 0 bijgewerkt" in text(applied)
    assert not WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_only_the_file_that_was_previewed_is_applied(client, editor, lunetten):
    upload(client, lunetten, row(slug="bieb", name="Bieb"))

    response = client.post(URL, {"apply": "1", "digest": "0" * 64}, follow=True)

    assert "Upload het bestand opnieuw: er is niets geïmporteerd." in text(response)
    assert not Venue.objects.exists()


def test_nobody_imports_into_or_exports_from_another_neighbourhood(
    client, editor, oost, lunetten, make_venue
):
    make_venue(name="Wijkcentrum Oost", slug="wijkcentrum-oost", neighbourhood=oost)

    response = upload(client, oost, row(slug="indringer", name="Indringer"))

    assert "Selecteer een geldige keuze" in text(response)
    assert not Venue.objects.filter(slug="indringer").exists()
    # Wagtail answers a refused admin request by sending the user to the dashboard.
    refused = client.get(f"{URL}export/?neighbourhood={oost.pk}")
    assert refused.status_code in {302, 403} and b"wijkcentrum-oost" not in refused.content
    # A slug of another neighbourhood's venue is a problem, not an overwrite.
    page = text(upload(client, lunetten, row(slug="wijkcentrum-oost", name="Overgenomen")))
    assert "Er is niets geïmporteerd: 1 probleem" in page
    assert Venue.objects.get(slug="wijkcentrum-oost").name == "Wijkcentrum Oost"


def test_the_download_is_the_neighbourhoods_venues_in_the_import_format(
    client, editor, lunetten, oost, make_venue
):
    make_venue(name="Buurthuis De Ster", slug="buurthuis-de-ster")
    make_venue(name="Wijkcentrum Oost", slug="wijkcentrum-oost", neighbourhood=oost)

    response = client.get(f"{URL}export/?neighbourhood={lunetten.pk}")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="venues-lunetten.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["slug"] for r in rows] == ["buurthuis-de-ster"]
    # What is downloaded uploads again without a problem and changes nothing.
    again = client.post(
        URL,
        {
            "neighbourhood": lunetten.pk,
            "file": SimpleUploadedFile("venues-lunetten.csv", response.content),
        },
    )
    assert "geen wijziging" in text(again)


def test_people_who_may_not_change_venues_are_refused(client, lunetten, django_user_model):
    from django.contrib.auth.models import Group, Permission

    readers = Group.objects.create(name="Readers")
    readers.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(person(django_user_model, "reader", readers))

    assert client.get(URL).status_code in {302, 403}
    assert client.get(f"{URL}export/?neighbourhood={lunetten.pk}").status_code in {302, 403}
