"""Rooms, closing notes, changed dates and contact-form fields are translated with their venue,
event or page: a translator translates their words in wagtail-localize's editor, and everything
else about them follows the Dutch source."""

from datetime import date, datetime

import pytest
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from events.models import Event, EventException
from events.recurrence import TZ
from infopoint.models import FormField, FormPage
from infopoint.translation import translate
from tests.utils import host
from venues.models import OpeningException, PriceClass, Venue, VenueRoom

VENUE_EN = {
    "Buurthuis De Lunet": "De Lunet Community Centre",
    "Grote zaal": "Main hall",
    "Beamer en 40 stoelen": "Projector and 40 chairs",
    "Vergaderkamer": "Meeting room",
    "Oudejaarsdag": "New Year's Eve",
}


@pytest.fixture
def english(lunetten):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def venue(lunetten):
    venue = Venue(
        name="Buurthuis De Lunet",
        slug="buurthuis-de-lunet",
        neighbourhood=lunetten,
        locale=Locale.objects.get(language_code="nl"),
    )
    venue.rooms = [
        VenueRoom(
            sort_order=0,
            name="Grote zaal",
            capacity=80,
            equipment="Beamer en 40 stoelen",
            price_class=PriceClass.FREE,
        ),
        VenueRoom(sort_order=1, name="Vergaderkamer", capacity=12, price_class=PriceClass.PAID),
    ]
    venue.opening_exceptions = [
        OpeningException(date=date(2026, 12, 31), closed=True, note="Oudejaarsdag")
    ]
    venue.save()
    return venue


def save_dutch(venue, capture):
    """Publish the Dutch venue the way the admin does: translations follow when it commits."""
    with capture(execute=True):
        venue.save_revision().publish()


@pytest.mark.django_db
def test_translating_a_venue_translates_its_rooms_and_closing_notes(venue, english):
    translated = translate(venue, english, catalogue=VENUE_EN)

    rooms = list(translated.rooms.order_by("sort_order"))
    assert [(room.name, room.equipment, room.capacity) for room in rooms] == [
        ("Main hall", "Projector and 40 chairs", 80),
        ("Meeting room", "", 12),
    ]
    assert [room.locale_id for room in rooms] == [english.pk, english.pk]
    assert [e.note for e in translated.opening_exceptions.all()] == ["New Year's Eve"]
    # The words are segments a translator sees in wagtail-localize's editor, beside the venue's.
    source = TranslationSource.objects.get_for_instance(venue)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Grote zaal", "Beamer en 40 stoelen", "Vergaderkamer", "Oudejaarsdag"} <= texts


@pytest.mark.django_db
def test_a_dutch_edit_of_the_rooms_reaches_the_translation_and_keeps_its_words(
    venue, english, django_capture_on_commit_callbacks
):
    translate(venue, english, catalogue=VENUE_EN)

    hall, meeting_room = venue.rooms.order_by("sort_order")
    hall.capacity = 100
    hall.price_class = PriceClass.PAID
    closing = venue.opening_exceptions.get()
    closing.date = date(2027, 1, 2)
    # The meeting room is gone; a kitchen is new and not yet translated.
    venue.rooms = [hall, VenueRoom(sort_order=2, name="Keuken", capacity=6)]
    venue.opening_exceptions = [closing]
    save_dutch(venue, django_capture_on_commit_callbacks)

    translated = venue.get_translation(english)
    assert [
        (room.name, room.capacity, room.price_class)
        for room in translated.rooms.order_by("sort_order")
    ] == [("Main hall", 100, PriceClass.PAID), ("Keuken", 6, PriceClass.ON_REQUEST)]
    assert [(e.date, e.note) for e in translated.opening_exceptions.all()] == [
        (date(2027, 1, 2), "New Year's Eve")
    ]
    # Rooms of both languages stay paired, so the next sync finds them again.
    assert {room.translation_key for room in translated.rooms.all()} == {
        room.translation_key for room in venue.rooms.all()
    }
    assert not VenueRoom.objects.filter(name__in=["Vergaderkamer", "Meeting room"]).exists()


def local(*args):
    return datetime(*args, tzinfo=TZ)


@pytest.fixture
def weekly(lunetten):
    """A Tuesday coffee morning with a holiday and a moved week, published as the admin does."""
    event = Event(
        title="Koffieochtend",
        summary="Koffie en een praatje.",
        neighbourhood=lunetten,
        locale=Locale.objects.get(language_code="nl"),
        start=local(2026, 12, 1, 10),
        end=local(2026, 12, 1, 12),
        repeat="weekly",
        ends="count",
        repeat_count=4,
        live=False,
    )
    event.exceptions = [
        EventException(date=date(2026, 12, 8), action="cancel", note="Vakantie"),
        EventException(
            date=date(2026, 12, 15),
            action="move",
            new_start=local(2026, 12, 17, 10),
            note="Deze week op donderdag",
        ),
    ]
    event.save()
    event.save_revision().publish()
    event.refresh_from_db()
    return event


EVENT_EN = {
    "Koffieochtend": "Coffee morning",
    "Vakantie": "Holiday",
    "Deze week op donderdag": "On Thursday this week",
}


def dates_and_notes(event):
    return [
        (occurrence.start.astimezone(TZ).date(), occurrence.cancelled, occurrence.note)
        for occurrence in event.occurrences.order_by("start")
    ]


@pytest.mark.django_db
def test_the_notes_of_changed_dates_are_translated_with_their_event(weekly, english):
    translated = translate(weekly, english, catalogue=EVENT_EN)

    assert translated.title == "Coffee morning"
    assert dates_and_notes(translated) == [
        (date(2026, 12, 1), False, ""),
        (date(2026, 12, 8), True, "Holiday"),
        (date(2026, 12, 17), False, "On Thursday this week"),
        (date(2026, 12, 22), False, ""),
    ]


@pytest.mark.django_db
def test_the_english_event_follows_the_dutch_dates_and_keeps_its_notes(
    weekly, english, django_capture_on_commit_callbacks
):
    translate(weekly, english, catalogue=EVENT_EN)

    holiday, moved = weekly.exceptions.order_by("date")
    moved.new_start = local(2026, 12, 18, 10)  # Friday now, the note is unchanged
    weekly.exceptions = [
        moved,
        EventException(date=date(2026, 12, 22), action="note", note="Met kerstkoekjes"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        weekly.save_revision().publish()

    translated = weekly.get_translation(english)
    assert translated.live
    assert dates_and_notes(translated) == [
        (date(2026, 12, 1), False, ""),
        (date(2026, 12, 8), False, ""),  # the holiday was removed in Dutch
        (date(2026, 12, 18), False, "On Thursday this week"),
        (date(2026, 12, 22), False, "Met kerstkoekjes"),  # Dutch until translated
    ]
    assert [day for day, *_rest in dates_and_notes(translated)] == [
        day for day, *_rest in dates_and_notes(weekly)
    ]
    assert holiday.translation_key not in set(
        EventException.objects.values_list("translation_key", flat=True)
    )


@pytest.fixture
def contact(lunetten):
    page = FormPage(title="Contact", slug="contact", subject="Bericht")
    for order, (label, kind) in enumerate(
        [("Naam", "singleline"), ("Uw vraag of bericht", "multiline")]
    ):
        page.form_fields.add(
            FormField(sort_order=order, label=label, field_type=kind, help_text="Verplicht.")
        )
    lunetten.home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


CONTACT_EN = {
    "Contact": "Contact",
    "Naam": "Name",
    "Uw vraag of bericht": "Your question or message",
    "Verplicht.": "Required.",
}


@pytest.mark.django_db
def test_the_english_contact_form_asks_in_english_and_stores_the_same_keys(
    client, lunetten, contact, english
):
    translate(contact, english, catalogue=CONTACT_EN)

    html = client.get("/en/contact/", HTTP_HOST=host(lunetten)).content.decode()
    assert "Your question or message" in html
    assert "Required." in html
    assert "Uw vraag of bericht" not in html
    response = client.post(
        "/en/contact/",
        {"naam": "Sam", "uw_vraag_of_bericht": "Hello!"},
        HTTP_HOST=host(lunetten),
    )
    assert response.status_code == 200
    (submission,) = FormSubmission.objects.all()
    assert submission.get_data()["uw_vraag_of_bericht"] == "Hello!"


@pytest.mark.django_db
def test_republishing_the_dutch_form_keeps_the_english_labels(contact, english):
    translate(contact, english, catalogue=CONTACT_EN)

    contact.form_fields.add(FormField(sort_order=2, label="Telefoon", field_type="singleline"))
    contact.save_revision().publish()

    fields = contact.get_translation(english).specific.form_fields.order_by("sort_order")
    assert [(field.label, field.clean_name) for field in fields] == [
        ("Name", "naam"),
        ("Your question or message", "uw_vraag_of_bericht"),
        ("Telefoon", "telefoon"),
    ]
