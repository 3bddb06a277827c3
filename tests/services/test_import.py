"""import_services: a municipality's sociale kaart as CSV, all or nothing, every problem named by
line and column (in Dutch, for the volunteers and admins who run it), drafts unless --publish,
and a list sent again updates rather than doubles."""

import csv
import io
from datetime import date, time

import pytest
from django.core.management import CommandError, call_command

from services.csv_import import COLUMNS
from services.models import Organisation, Service, WalkInHours
from services.vocabulary import Channel, Cost, OrganisationKind, Topic

pytestmark = pytest.mark.django_db


def row(**cells):
    values = {
        "organisation": "Buurtteam Lunetten",
        "organisation_kind": "Gemeente",
        "name": "Formulierenhulp",
        "summary": "Wij helpen met brieven en formulieren.",
        "description": "Neem uw post mee.",
        "topics": "Formulieren en brieven, money-debt",
        "audience": "Alle bewoners",
        "cost": "gratis",
        "languages": "nl, Arabisch, tr",
        "channels": "inloop, phone",
        "neighbourhoods": "oost",
        "email": "hulp@example.nl",
        "phone": "030 111 22 33",
        "website": "https://example.nl/hulp",
        "walk_in_venue": "Buurthuis De Ster",
        "walk_in_hours": "ma 09:00-12:00; do 13:00-16:00",
        "last_checked": "2026-11-01",
    }
    values.update(cells)
    return values


def write(tmp_path, *rows, columns=COLUMNS, delimiter=",", encoding="utf-8", name="kaart.csv"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for values in rows:
        writer.writerow({column: values.get(column, "") for column in columns})
    path = tmp_path / name
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def run(path, *args):
    """The command's output, as a volunteer reads it (Dutch, the site's default language)."""
    out = io.StringIO()
    call_command("import_services", str(path), "--neighbourhood", "lunetten", *args, stdout=out)
    return out.getvalue()


def problems(path):
    with pytest.raises(CommandError) as raised:
        run(path)
    return str(raised.value).splitlines()


def snapshot():
    return (
        list(Service.objects.order_by("pk").values_list("name", "summary", "live")),
        list(Organisation.objects.values_list("name", flat=True)),
        WalkInHours.objects.count(),
    )


@pytest.fixture
def venue(make_venue):
    return make_venue("Buurthuis De Ster")


def test_a_good_file_imports_every_service_as_a_draft_with_everything(
    tmp_path, lunetten, oost, venue
):
    path = write(
        tmp_path,
        row(description="Neem uw post mee.\n\nWij kijken samen."),  # a cell over three lines
        row(
            organisation="Bibliotheek Utrecht",
            organisation_kind="volunteers",
            name="Digicafé",
            topics="Digitale hulp",
            cost="fee",
            cost_details="€ 2",
            languages="",
            channels="",
            neighbourhoods="hele stad",
            walk_in_venue="buurthuis-de-ster",
            walk_in_hours="Tu 10:00-12:00",
        ),
    )

    output = run(path)

    assert "2 nieuw, 0 bijgewerkt" in output and "moderator" in output
    service = Service.objects.get(name="Formulierenhulp")
    assert not service.live  # a draft: residents do not see it until a moderator approves
    assert service.latest_revision is not None
    assert service.workflow_in_progress  # on the neighbourhood's moderators' dashboard
    assert service.neighbourhood == lunetten
    assert service.organisation.name == "Buurtteam Lunetten"
    assert service.organisation.kind == OrganisationKind.MUNICIPAL
    assert service.topics == [Topic.FORMS, Topic.MONEY]
    assert service.languages == ["nl", "ar", "tr"]
    assert service.channels == [Channel.WALK_IN, Channel.PHONE]
    assert service.cost == Cost.FREE
    assert service.description == "<p>Neem uw post mee.</p><p>Wij kijken samen.</p>"
    assert list(service.areas_served.all()) == [oost]
    assert service.last_checked == date(2026, 11, 1)
    assert [(h.venue, h.weekday, h.opens, h.closes) for h in service.walk_in_hours.all()] == [
        (venue, 0, time(9), time(12)),
        (venue, 3, time(13), time(16)),
    ]
    digicafe = Service.objects.get(name="Digicafé")
    assert digicafe.serves_whole_city
    assert digicafe.languages == ["nl"]  # the default
    assert digicafe.channels == [Channel.WALK_IN]  # hours at a venue: walk in
    assert digicafe.cost == Cost.FEE and digicafe.cost_details == "€ 2"
    assert digicafe.organisation.kind == OrganisationKind.VOLUNTEERS


def test_publish_publishes_at_once(tmp_path, lunetten, oost, venue):
    output = run(write(tmp_path, row()), "--publish")

    assert "gepubliceerd" in output
    service = Service.objects.get()
    assert service.live and not service.has_unpublished_changes
    assert not service.workflow_in_progress
    assert service.walk_in_hours.count() == 2


def test_errors_in_two_rows_save_nothing_and_name_both_lines_and_columns(
    tmp_path, lunetten, oost, venue
):
    path = write(
        tmp_path,
        row(name="Goed"),
        row(name="Fout een", topics="Geld, Rijbewijs"),
        row(name="Fout twee", walk_in_hours="ma 9-12", email="geen-adres"),
    )

    lines = problems(path)

    assert lines[0] == "Er is niets geïmporteerd; 3 problemen in kaart.csv:"
    assert lines[1].startswith("regel 3, kolom topics: onbekend: “Geld”, “Rijbewijs”")
    assert "Geld en schulden" in lines[1]  # says what is known
    assert lines[2].startswith("regel 4, kolom email: ")
    assert lines[3] == "regel 4, kolom walk_in_hours: “9” is geen tijd zoals 09:00."
    assert snapshot() == ([], [], 0)


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"topics": "Fietsen"}, "topics", "“Fietsen”"),
        ({"neighbourhoods": "oost, Zuilen"}, "neighbourhoods", "onbekende wijk “Zuilen”"),
        (
            {"walk_in_venue": "Het Dorpshuis"},
            "walk_in_venue",
            "geen ontmoetingsplek “Het Dorpshuis”",
        ),
        ({"walk_in_hours": "maandag 09:00-12:00"}, "walk_in_hours", "“maandag”"),
        ({"walk_in_hours": "ma 09:00"}, "walk_in_hours", "“09:00”"),
        ({"walk_in_hours": ""}, "walk_in_hours", "openingstijden"),
        ({"languages": "Klingon"}, "languages", "“Klingon”"),
        ({"cost": "duur"}, "cost", "“duur”"),
        ({"organisation_kind": "bedrijf"}, "organisation_kind", "“bedrijf”"),
        ({"channels": "", "walk_in_venue": "", "walk_in_hours": ""}, "channels", "verplicht"),
        ({"summary": ""}, "summary", "verplicht"),
        ({"last_checked": "1-11-2026"}, "last_checked", "“1-11-2026”"),
        ({"closed_on_public_holidays": "misschien"}, "closed_on_public_holidays", "ja of nee"),
    ],
)
def test_each_bad_cell_is_named_by_line_and_column(
    tmp_path, lunetten, oost, venue, cells, column, words
):
    lines = problems(write(tmp_path, row(name="Goed"), row(**cells)))

    [problem] = lines[1:]
    assert problem.startswith(f"regel 3, kolom {column}: ")
    assert words in problem
    assert Service.objects.count() == 0


def test_a_file_without_a_required_column_or_with_an_unknown_one_is_refused(
    tmp_path, lunetten, venue
):
    columns = [c for c in COLUMNS if c != "topics"] + ["kleur"]

    lines = problems(write(tmp_path, row(), columns=columns))

    assert "regel 1, kolom topics: deze kolom is verplicht." in lines
    assert "regel 1, kolom kleur: onbekende kolom." in lines


def test_the_same_service_twice_in_one_file_is_named(tmp_path, lunetten, oost, venue):
    lines = problems(write(tmp_path, row(), row(name="formulierenhulp")))

    assert lines[1].startswith("regel 3, kolom name: ")
    assert "regel 2" in lines[1]


def test_utf8_with_a_byte_order_mark_and_semicolons_as_dutch_excel_saves_it(
    tmp_path, lunetten, oost, venue
):
    path = write(tmp_path, row(name="Schuldhulp €"), delimiter=";", encoding="utf-8-sig")

    run(path)

    service = Service.objects.get()
    assert service.name == "Schuldhulp €"
    assert service.walk_in_hours.count() == 2  # the quoted “ma …; do …” stayed one cell


def test_a_file_that_is_not_utf8_is_named_by_line_and_column(tmp_path, lunetten, oost, venue):
    path = write(tmp_path, row(), row(name="Café"), encoding="latin-1")

    lines = problems(path)

    assert lines[1].startswith("regel 3, kolom name: het bestand is niet als UTF-8 opgeslagen")
    assert Service.objects.count() == 0


def test_sending_the_list_again_updates_and_duplicates_nothing(tmp_path, lunetten, oost, venue):
    run(write(tmp_path, row()), "--publish")
    service = Service.objects.get()
    revisions = service.revisions.count()

    output = run(write(tmp_path, row()), "--publish")

    assert "0 nieuw, 0 bijgewerkt, 1 ongewijzigd" in output
    assert Service.objects.count() == 1 and Organisation.objects.count() == 1
    assert service.revisions.count() == revisions  # nothing to check again

    output = run(
        write(tmp_path, row(summary="Nieuw: ook op dinsdag.", walk_in_hours="di 10:00-11:00")),
        "--publish",
    )

    assert "0 nieuw, 1 bijgewerkt" in output
    service.refresh_from_db()
    assert service.summary == "Nieuw: ook op dinsdag."
    assert [(h.weekday, h.opens) for h in service.walk_in_hours.all()] == [(1, time(10))]
    assert Service.objects.count() == 1 and WalkInHours.objects.count() == 1


def test_a_draft_import_leaves_the_published_service_as_residents_see_it(
    tmp_path, lunetten, oost, venue
):
    run(write(tmp_path, row()), "--publish")

    output = run(write(tmp_path, row(summary="Gewijzigd.", walk_in_hours="vr 09:00-10:00")))

    assert "1 bijgewerkt" in output
    service = Service.objects.get()
    assert service.live and service.has_unpublished_changes
    assert service.workflow_in_progress
    assert service.summary == "Wij helpen met brieven en formulieren."
    assert service.walk_in_hours.count() == 2  # the published hours
    draft = service.get_latest_revision_as_object()
    assert draft.summary == "Gewijzigd."
    assert [(h.weekday, h.opens) for h in draft.walk_in_hours.all()] == [(4, time(9))]


def test_a_service_of_another_neighbourhood_is_not_taken_over(tmp_path, lunetten, oost, venue):
    from tests.services.factories import make_organisation, make_service

    make_service(
        oost, "Formulierenhulp", organisation=make_organisation(oost, "Buurtteam Lunetten")
    )

    lines = problems(write(tmp_path, row()))

    assert lines[1].startswith("regel 2, kolom name: ")
    assert "Oost" in lines[1]


def test_a_problem_after_a_cell_over_several_lines_names_the_line_its_row_starts_on(
    tmp_path, lunetten, oost, venue
):
    path = write(tmp_path, row(description="Eén.\n\nTwee."), row(name="Tweede", cost="duur"))

    lines = problems(path)

    assert lines[1].startswith("regel 5, kolom cost: ")  # row 1 takes lines 2 to 4


def test_the_help_lists_every_column(capsys):
    with pytest.raises(SystemExit):
        call_command("import_services", "--help")

    help_text = capsys.readouterr().out
    for column in COLUMNS:
        assert f"\n  {column} " in help_text, column
