"""The demo venues in English, through wagtail-localize like a volunteer translator's work.

Names are proper names; only their generic part (“Buurthuis”, “Bibliotheek”) is translated. Rooms
and closing notes are translated with their venue: their words are segments of its translation.
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
    """The venue in English, its rooms and closing notes included."""
    _pattern, short, room_names = PLACES_EN[place["key"]]
    name = _english_name(place, dutch_name)
    strings = {
        dutch_name: name,
        place["short"]: short,
        f"{place['short']} Iedereen uit {neighbourhood_name} is welkom.": (
            f"{short} Everyone from {neighbourhood_name} is welcome."
        ),
        BOOKING_INFO[0]: BOOKING_INFO[1],
        TARIFF[0]: TARIFF[1],
        CLOSED_NOTE[0]: CLOSED_NOTE[1],
        f"Bel of mail {dutch_name}": f"Call or email {name}",
    }
    dutch_rooms = [room_name for room_name, _capacity, _price in place["rooms"]]
    strings |= dict(zip(dutch_rooms, room_names, strict=True))
    translate_demo(venue, locale, strings)
