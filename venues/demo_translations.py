"""The demo venues in English, through wagtail-localize like a volunteer translator's work.

Names are proper names; only their generic part (“Buurthuis”, “Bibliotheek”) is translated.
Rooms and opening exceptions are not translatable parts of a venue yet (wagtail-localize copies
them from the Dutch venue), so their English is written onto the translation afterwards.
"""

from infopoint.demo_translations import translate_demo

# place key -> (English name pattern, short description, English room names in order)
PLACES_EN = {
    "buurthuis": (
        "{n} Community Centre",
        "The neighbourhood's house: a big hall, a kitchen and coffee always on.",
        ["Main hall", "Meeting room"],
    ),
    "bibliotheek": (
        "{n} Library",
        "Quiet reading tables, a study room and help with digital matters.",
        ["Study room", "Hall"],
    ),
    "kerkzaal": (
        "{n} Church Hall",
        "A bright hall next to the church, with a kitchen and a piano.",
        ["Church hall", "Vestry"],
    ),
    "cafe": (
        "Café {n}",
        "A friendly café with a kitchen and a corner for small groups.",
        ["Small function room"],
    ),
    "school": (
        "{n} Primary School",
        "After school hours the assembly hall and the kitchen can be hired for neighbourhood "
        "activities.",
        ["Assembly hall", "Classroom 4"],
    ),
    "werkplek": (
        "{n} Workspace",
        "Flexible desks, a meeting room and a shared kitchen for local entrepreneurs.",
        ["Meeting room", "Phone booth"],
    ),
    "sporthal": (
        "{n} Sports Hall",
        "A sports hall with changing rooms; also for large gatherings.",
        ["Hall"],
    ),
    "tuin": (
        "{n} Community Garden",
        "A vegetable garden by and for the neighbourhood, with a shelter for 40 people.",
        ["Shelter"],
    ),
    "muziekhuis": (
        "{n} Music House",
        "Rehearsal rooms with a piano and sound equipment, for choirs and bands.",
        ["Studio", "Rehearsal room"],
    ),
}

BOOKING_INFO = ("Reserveer minstens een week van tevoren.", "Book at least a week in advance.")
TARIFF = ("€ 12,50 per dagdeel", "€12.50 per half day")
CLOSED_NOTE = ("Oudejaarsdag", "New Year's Eve")


def _english_name(place, dutch_name):
    pattern, _short, _rooms = PLACES_EN[place["key"]]
    proper = dutch_name.removeprefix(place["name"].split("{n}")[0]).strip()
    return pattern.format(n=proper)


def translate_venue(venue, locale, place, dutch_name, neighbourhood_name):
    """The venue in English: its texts through wagtail-localize, then its rooms' names."""
    _pattern, short, room_names = PLACES_EN[place["key"]]
    name = _english_name(place, dutch_name)
    strings = {
        dutch_name: name,
        place["short"]: short,
        f"{place['short']} Iedereen uit {neighbourhood_name} is welkom.": (
            f"{short} Everyone from {neighbourhood_name} is welcome."
        ),
        BOOKING_INFO[0]: BOOKING_INFO[1],
    }
    translate_demo(venue, locale, strings)
    target = venue.get_translation(locale)
    _translate_children(target, room_names, name)


def _translate_children(target, room_names, name):
    """Rooms and closing notes in English, written only where they still differ."""
    for room, room_name in zip(target.rooms.order_by("sort_order"), room_names, strict=False):
        booking = room.booking
        if booking.startswith("Bel of mail"):
            booking = f"Call or email {name}"
        wanted = {
            "name": room_name,
            "tariff": TARIFF[1] if room.tariff == TARIFF[0] else room.tariff,
            "booking": booking,
        }
        changed = {field: value for field, value in wanted.items() if getattr(room, field) != value}
        if changed:
            type(room).objects.filter(pk=room.pk).update(**changed)
    target.opening_exceptions.filter(note=CLOSED_NOTE[0]).update(note=CLOSED_NOTE[1])
