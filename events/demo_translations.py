"""The demo agenda in English, through wagtail-localize like a volunteer translator's work.

The slug stays the Dutch one (events keep one URL in every language). The notes of changed dates
are translated with their event: they are segments of its translation.
"""

from infopoint.demo_translations import translate_demo

# Dutch slug -> (title, summary, place, price) in English; None keeps the Dutch (empty) value.
EVENTS_EN = {
    "koffieochtend": (
        "Coffee morning",
        "Coffee, tea and a chat every Tuesday.",
        "Community centre",
        None,
    ),
    "taalcafe": ("Language café", "Practise Dutch in a relaxed atmosphere.", "Library", None),
    "samen-eten": (
        "Dinner together",
        "A three-course meal with neighbours every other week.",
        "Community centre",
        "€5, drinks included",
    ),
    "stoelyoga": (
        "Chair yoga",
        "Gentle exercise on a chair, for every fitness level.",
        "Sports hall",
        "€2 per session",
    ),
    "huiswerkklas": (
        "Homework club",
        "Help with homework from volunteers.",
        "Primary school",
        None,
    ),
    "buurtmarkt": (
        "Neighbourhood market",
        "Every first Saturday of the month: a market on the square.",
        "The square",
        None,
    ),
    "repair-cafe": ("Repair Café", "Something broken? We repair it together.", "Workspace", None),
    "energiespreekuur-online": (
        "Energy advice hour (online)",
        "Questions about your energy bill? Ask them online.",
        "",
        None,
    ),
    "buurtfestival": (
        "Neighbourhood festival",
        "Two days of music, food and games in the park.",
        "The park",
        None,
    ),
    "kinderdisco": (
        "Children's disco",
        "Dancing for children up to 12.",
        "Community centre",
        "€2.50",
    ),
    "parkwandeling": (
        "Walk through the park",
        "A relaxed walk with a guide.",
        "Park entrance",
        None,
    ),
    "jongerenavond": ("Youth night", "Chilling, gaming and making plans.", "Youth room", None),
    "schaakclub": (
        "Chess club",
        "Chess for beginners and experienced players.",
        "Local café",
        None,
    ),
    "informatieavond-groen": (
        "Information evening: more green in the street",
        "The municipality and residents talk about front-wall gardens.",
        "Community centre",
        None,
    ),
    "winterconcert": (
        "Winter concert",
        "The neighbourhood choir sings, with hot chocolate.",
        "Music house",
        "€10, children free",
    ),
    "voorlezen": (
        "Story time",
        "Reading aloud for toddlers and pre-schoolers every other week.",
        "Library",
        None,
    ),
    "kerstbingo": (
        "Christmas bingo",
        "Unfortunately cancelled this year.",
        "Community centre",
        "€3 per card",
    ),
}

EXCEPTION_NOTES = {"Vakantie": "Holiday", "Deze week op donderdag": "On Thursday this week"}


def english_strings(dutch, neighbourhood_name):
    """Dutch text -> English for one event of `demo.EVENTS`."""
    slug, title, summary, _schedule, (_venue, place), price, _audience, _tags = dutch
    title_en, summary_en, place_en, price_en = EVENTS_EN[slug]
    strings = {
        title: title_en,
        summary: summary_en,
        f"{summary} Iedereen uit {neighbourhood_name} is welkom.": (
            f"{summary_en} Everyone from {neighbourhood_name} is welcome."
        ),
        f"Bewoners van {neighbourhood_name}": f"Residents of {neighbourhood_name}",
    }
    if place and place_en:
        strings[place] = place_en
    if price and price_en:
        strings[price] = price_en
    return strings


def translate_event(event, locale, dutch, neighbourhood_name):
    """The event in English, the notes of its changed dates included."""
    translate_demo(event, locale, english_strings(dutch, neighbourhood_name) | EXCEPTION_NOTES)
