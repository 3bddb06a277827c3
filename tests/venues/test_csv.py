"""import_venues / export_venues: all or nothing, errors that name line and column, round trip."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from venues.csv_io import COLUMNS
from venues.models import Facility, OpeningHours, Venue, VenueKind, VenueRoom

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def row(**cells):
    values = {
        "slug": "buurthuis-de-ster",
        "name": "Buurthuis De Ster",
        "kind": "community-centre",
        "postcode": "3526 AB",
        "city": "Utrecht",
        "capacity": "80",
        "price_class": "free",
        "facilities": "kitchen,wifi",
        "accessibility": "step-free",
        "opening_hours": "Mo-Fr 09:00-17:00; Tu 19:00-22:00",
        "rooms": "Grote zaal|80|free; Keuken|12|paid|€ 5 per uur",
        "tags": "koffie, buurt",
    }
    values.update(cells)
    return ",".join(f'"{values.get(column, "")}"' for column in COLUMNS)


def write(tmp_path, *rows, header=HEADER, encoding="utf-8"):
    path = tmp_path / "venues.csv"
    path.write_bytes("\n".join([header, *rows]).encode(encoding) + b"\n")
    return path


def import_file(path, neighbourhood="lunetten"):
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_venues", str(path), neighbourhood=neighbourhood, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        list(Venue.objects.order_by("pk").values_list("slug", "name", "postcode", "capacity")),
        VenueRoom.objects.count(),
        OpeningHours.objects.count(),
    )


def test_import_creates_venues_with_everything(tmp_path, lunetten, terms):
    output = import_file(write(tmp_path, row(), row(slug="bieb", name="Bieb", postcode="3526ab")))

    assert "2 created, 0 updated" in output
    venue = Venue.objects.get(slug="buurthuis-de-ster")
    assert venue.neighbourhood == lunetten
    assert sorted(t.slug for t in venue.facilities.all()) == ["kitchen", "wifi"]
    assert [t.slug for t in venue.accessibility_features.all()] == ["step-free"]
    assert [(r.name, r.capacity, r.tariff) for r in venue.rooms.all()] == [
        ("Grote zaal", 80, ""),
        ("Keuken", 12, "€ 5 per uur"),
    ]
    assert venue.opening_hours.count() == 6
    assert sorted(t.name for t in venue.tags.all()) == ["buurt", "koffie"]
    assert Venue.objects.get(slug="bieb").postcode == "3526 AB"  # normalised


def test_importing_the_same_file_again_updates_and_duplicates_nothing(tmp_path, lunetten, terms):
    path = write(tmp_path, row())
    import_file(path)
    before = snapshot()

    output = import_file(path)

    assert "0 created, 1 updated" in output
    assert snapshot() == before


@pytest.mark.parametrize(
    ("bad_row", "line", "column", "problem"),
    [
        (row(postcode="12345"), 3, "postcode", "Dutch postcode"),
        (row(facilities="kitchen,jacuzzi"), 3, "facilities", "unknown code jacuzzi"),
        (row(accessibility="wheelchair"), 3, "accessibility", "unknown code wheelchair"),
        (row(name=""), 3, "name", "required"),
        (row(slug="bieb"), 3, "slug", "also used on line 2"),
        (row(capacity="veel"), 3, "capacity", "not a whole number"),
        (row(opening_hours="maandag 9-17"), 3, "opening_hours", "“maandag” is not a day"),
        (row(opening_hours="Mo 9-17"), 3, "opening_hours", "not a time like 09:00"),
        (row(latitude="91", longitude="5.1"), 3, "latitude", "less than or equal to 90"),
        (row(kind="castle"), 3, "kind", "not one of"),
        (row(email="not-an-address"), 3, "email", "valid email"),
        (row(last_checked="gisteren"), 3, "last_checked", "not a date"),
    ],
)
def test_one_bad_row_changes_nothing_and_names_line_and_column(
    tmp_path, lunetten, terms, bad_row, line, column, problem
):
    import_file(write(tmp_path, row(slug="bieb", name="Bieb")))
    before = snapshot()
    # The first row would update, the third would create: neither may happen.
    path = write(tmp_path, row(slug="bieb", name="Bieb (nieuw)"), bad_row, row(slug="nieuw"))

    with pytest.raises(CommandError) as error:
        import_file(path)

    assert snapshot() == before
    message = str(error.value)
    assert message.startswith("Nothing was imported")
    assert any(
        text.startswith(f"line {line}, column {column}: ") and problem in text
        for text in message.splitlines()
    ), message


def test_a_file_that_is_not_utf8_is_refused_with_its_line_and_column(tmp_path, lunetten, terms):
    before = snapshot()
    path = write(
        tmp_path,
        row(slug="bieb", rooms="Zaal|10"),
        row(name="Café De Kroeg", rooms="Zaal|10"),
        encoding="latin-1",
    )

    with pytest.raises(CommandError) as error:
        import_file(path)

    assert "line 3, column name: the file is not UTF-8" in str(error.value)
    assert snapshot() == before


def test_unknown_and_missing_columns_are_refused(tmp_path, lunetten, terms):
    with pytest.raises(CommandError) as error:
        import_file(write(tmp_path, "x,y", header="naam,colour"))
    message = str(error.value)
    assert "line 1, column slug: this column is required." in message
    assert "line 1, column colour: unknown column." in message


def test_a_slug_of_another_neighbourhood_is_refused(tmp_path, lunetten, oost, terms):
    import_file(write(tmp_path, row()), neighbourhood="oost")
    with pytest.raises(CommandError, match="line 2, column slug: .* belongs to a venue in Oost"):
        import_file(write(tmp_path, row()))


def test_an_unknown_neighbourhood_is_refused(tmp_path, lunetten, terms):
    with pytest.raises(CommandError, match="No neighbourhood “atlantis”"):
        import_file(write(tmp_path, row()), neighbourhood="atlantis")


@pytest.mark.clock  # the demo's agenda is built around today
def test_export_then_import_is_a_round_trip(tmp_path, demo_city):
    exported = tmp_path / "export.csv"
    call_command("export_venues", neighbourhood="lunetten", output=str(exported))
    before = snapshot()

    output = import_file(exported)
    again = io.StringIO()
    call_command("export_venues", neighbourhood="lunetten", stdout=again)

    assert "0 created, 9 updated" in output
    assert snapshot() == before
    assert again.getvalue() == exported.read_text(encoding="utf-8")
    assert exported.read_text(encoding="utf-8").startswith(HEADER + "\n")


def test_a_dutch_volunteer_reads_every_problem_in_dutch(tmp_path, lunetten, terms):
    # Django's own messages (from the model's checks) were Dutch, ours English: one language.
    path = write(
        tmp_path,
        row(
            kind="kasteel",
            capacity="veel",
            opening_hours="Maandag open",
            rooms="Zaal",
            facilities="jacuzzi",
            is_active="misschien",
            email="geen-adres",
        ),
    )
    with translation.override("nl"), pytest.raises(CommandError) as error:
        call_command("import_venues", str(path), neighbourhood="lunetten", stdout=io.StringIO())

    lines = str(error.value).splitlines()
    assert lines[0] == "Er is niets geïmporteerd; 7 problemen in venues.csv:"
    assert set(lines[1:]) == {
        "regel 2, kolom kind: “kasteel” is niet een van " + ", ".join(VenueKind.values) + ".",
        "regel 2, kolom capacity: “veel” is geen heel getal.",
        "regel 2, kolom opening_hours: “Maandag open” heeft niet de vorm “Mo-Fr 09:00-17:00”.",
        "regel 2, kolom rooms: “Zaal” heeft minstens een naam en een aantal plaatsen nodig: "
        "Naam|40.",
        "regel 2, kolom facilities: onbekende code jacuzzi (bekend: "
        + ", ".join(sorted(terms_of(Facility)))
        + ").",
        "regel 2, kolom is_active: “misschien” is geen ja of nee.",
        "regel 2, kolom email: Voer een geldig e-mailadres in.",
    }


def terms_of(model):
    return model.objects.filter(locale__language_code="nl").values_list("slug", flat=True)


def test_a_semicolon_separated_file_with_dutch_day_names_imports(tmp_path, lunetten, terms):
    # A Dutch spreadsheet saves "CSV" with semicolons; volunteers write "ma-vr".
    header = ";".join(COLUMNS)
    cells = row(opening_hours="ma-vr 09:00-17:00; za 10:00-12:00").replace('","', '";"')
    path = write(tmp_path, cells, header=header)

    import_file(path)

    venue = Venue.objects.get(slug="buurthuis-de-ster")
    assert [(h.weekday, f"{h.opens:%H:%M}") for h in venue.opening_hours.all()] == [
        *((day, "09:00") for day in range(5)),
        (5, "10:00"),
    ]
    assert sorted(t.slug for t in venue.facilities.all()) == ["kitchen", "wifi"]
