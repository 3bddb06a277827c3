"""Demo venues: the shared vocabulary and nine varied places per neighbourhood.

Seeded and idempotent: venues are found by slug and updated, so running the demo again changes
nothing. Every place is translated into English (see `demo_translations.py`); in Arabic and
Turkish the venue finder shows the Dutch fallback.
"""

from datetime import date, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from infopoint.demo import demo_image, seeded_random
from infopoint.translation import ensure_locales

from .demo_translations import translate_venue
from .models import (
    AccessibilityFeature,
    Facility,
    OpeningException,
    OpeningHours,
    PriceClass,
    Venue,
    VenueKind,
    VenueRoom,
)

# slug: language code -> name. A language without a name here gets the English one.
FACILITIES = {
    "kitchen": {"nl": "Keuken", "en": "Kitchen", "ar": "مطبخ", "tr": "Mutfak"},
    "wifi": {"nl": "Wifi", "en": "Wi-Fi", "ar": "واي فاي", "tr": "Wi-Fi"},
    "projector": {"nl": "Beamer", "en": "Projector", "ar": "جهاز عرض", "tr": "Projeksiyon"},
    "piano": {"nl": "Piano", "en": "Piano", "ar": "بيانو", "tr": "Piyano"},
    "garden": {"nl": "Tuin", "en": "Garden", "ar": "حديقة", "tr": "Bahçe"},
    "bike-parking": {
        "nl": "Fietsenstalling",
        "en": "Bike parking",
        "ar": "موقف دراجات",
        "tr": "Bisiklet parkı",
    },
    "coffee-tea": {
        "nl": "Koffie en thee",
        "en": "Coffee and tea",
        "ar": "قهوة وشاي",
        "tr": "Kahve ve çay",
    },
    "sound-system": {
        "nl": "Geluidsinstallatie",
        "en": "Sound system",
        "ar": "نظام صوت",
        "tr": "Ses sistemi",
    },
}
ACCESSIBILITY = {
    AccessibilityFeature.STEP_FREE: {
        "nl": "Drempelvrije ingang",
        "en": "Step-free entrance",
        "ar": "مدخل بلا درجات",
        "tr": "Basamaksız giriş",
    },
    "accessible-toilet": {
        "nl": "Toegankelijk toilet",
        "en": "Wheelchair-accessible toilet",
        "ar": "مرحاض مهيأ للكراسي المتحركة",
        "tr": "Tekerlekli sandalyeye uygun tuvalet",
    },
    "lift": {"nl": "Lift", "en": "Lift", "ar": "مصعد", "tr": "Asansör"},
    "hearing-loop": {
        "nl": "Ringleiding",
        "en": "Hearing loop",
        "ar": "حلقة سمعية",
        "tr": "İşitme döngüsü",
    },
    "accessible-parking": {
        "nl": "Invalidenparkeerplaats",
        "en": "Accessible parking",
        "ar": "موقف لذوي الإعاقة",
        "tr": "Engelli otoparkı",
    },
    "quiet-room": {
        "nl": "Stilteruimte",
        "en": "Quiet room",
        "ar": "غرفة هادئة",
        "tr": "Sessiz oda",
    },
}

WEEKDAYS_9_TO_17 = [(d, "09:00", "17:00") for d in range(5)]
EVENINGS = [(1, "19:00", "23:00"), (3, "19:00", "23:00")]

# The step-free + kitchen + at least 30 people search finds the community centre, the church hall
# and the co-working place; the café (too small), the school (no step-free entrance), the library
# (no kitchen) and the garden (no kitchen) are near misses on purpose.
PLACES = [
    {
        "key": "buurthuis",
        "name": "Buurthuis {n}",
        "kind": VenueKind.COMMUNITY_CENTRE,
        "short": "Het huis van de wijk: een grote zaal, een keuken en altijd koffie.",
        "capacity": 80,
        "facilities": ["kitchen", "wifi", "projector", "coffee-tea", "bike-parking"],
        "access": ["step-free", "accessible-toilet", "hearing-loop"],
        "hours": WEEKDAYS_9_TO_17 + EVENINGS,
        "price": PriceClass.FREE,
        "rooms": [("Grote zaal", 80, PriceClass.FREE), ("Vergaderkamer", 12, PriceClass.FREE)],
    },
    {
        "key": "bibliotheek",
        "name": "Bibliotheek {n}",
        "kind": VenueKind.LIBRARY,
        "short": "Rustige leestafels, een studieruimte en hulp bij digitale zaken.",
        "capacity": 60,
        "facilities": ["wifi", "projector", "coffee-tea"],
        "access": ["step-free", "accessible-toilet", "lift", "quiet-room"],
        "hours": [(d, "10:00", "18:00") for d in range(6)],
        "price": PriceClass.FREE,
        "rooms": [("Studieruimte", 20, PriceClass.FREE), ("Zaal", 60, PriceClass.PAID)],
    },
    {
        "key": "kerkzaal",
        "name": "Kerkzaal {n}",
        "kind": VenueKind.CHURCH_HALL,
        "short": "Een lichte zaal naast de kerk, met keuken en piano.",
        "capacity": 120,
        "facilities": ["kitchen", "piano", "sound-system", "coffee-tea"],
        "access": ["step-free", "accessible-toilet"],
        "hours": [(2, "09:30", "12:00"), (2, "13:00", "16:00"), (5, "10:00", "14:00")],
        "price": PriceClass.ON_REQUEST,
        "rooms": [
            ("Kerkzaal", 120, PriceClass.ON_REQUEST),
            ("Consistoriekamer", 15, PriceClass.PAID),
        ],
    },
    {
        "key": "cafe",
        "name": "Wijkcafé {n}",
        "kind": VenueKind.CAFE,
        "short": "Gezellig café met een keuken en een hoek voor kleine groepen.",
        "capacity": 25,
        "facilities": ["kitchen", "wifi", "coffee-tea"],
        "access": ["step-free"],
        "hours": [(d, "11:00", "23:00") for d in range(1, 6)] + [(5, "23:00", "01:00")],
        "price": PriceClass.PAID,
        "rooms": [("Zaaltje", 25, PriceClass.PAID)],
        "holidays_open": True,
    },
    {
        "key": "school",
        "name": "Basisschool {n}",
        "kind": VenueKind.SCHOOL,
        "short": "Na schooltijd zijn de aula en de keuken te huur voor wijkactiviteiten.",
        "capacity": 200,
        "facilities": ["kitchen", "projector", "sound-system", "bike-parking"],
        "access": ["accessible-parking"],
        "hours": [(d, "15:30", "21:00") for d in range(5)],
        "price": PriceClass.PAID,
        "rooms": [("Aula", 200, PriceClass.PAID), ("Lokaal 4", 30, PriceClass.PAID)],
    },
    {
        "key": "werkplek",
        "name": "Werkplaats {n}",
        "kind": VenueKind.COWORKING,
        "short": "Flexplekken, een vergaderzaal en een gedeelde keuken voor wijkondernemers.",
        "capacity": 40,
        "facilities": ["kitchen", "wifi", "projector", "coffee-tea"],
        "access": ["step-free", "lift", "accessible-toilet"],
        "hours": [(d, "08:00", "20:00") for d in range(5)],
        "price": PriceClass.PAID,
        "rooms": [("Vergaderzaal", 40, PriceClass.PAID), ("Belcel", 2, PriceClass.PAID)],
    },
    {
        "key": "sporthal",
        "name": "Sporthal {n}",
        "kind": VenueKind.SPORTS_HALL,
        "short": "Een sporthal met kleedkamers; ook voor grote bijeenkomsten.",
        "capacity": 300,
        "facilities": ["sound-system", "bike-parking"],
        "access": ["step-free", "accessible-toilet", "accessible-parking"],
        "hours": [(d, "08:00", "22:30") for d in range(7)],
        "price": PriceClass.PAID,
        "rooms": [("Hal", 300, PriceClass.PAID)],
    },
    {
        "key": "tuin",
        "name": "Buurttuin {n}",
        "kind": VenueKind.GARDEN,
        "short": "Een moestuin van en voor de buurt, met een overkapping voor 40 mensen.",
        "capacity": 40,
        "facilities": ["garden", "coffee-tea"],
        "access": ["step-free"],
        "hours": [(2, "10:00", "16:00"), (5, "10:00", "16:00"), (6, "12:00", "16:00")],
        "price": PriceClass.FREE,
        "rooms": [("Overkapping", 40, PriceClass.FREE)],
    },
    {
        "key": "muziekhuis",
        "name": "Muziekhuis {n}",
        "kind": VenueKind.OTHER,
        "short": "Oefenruimtes met piano en geluid, voor koren en bandjes.",
        "capacity": 35,
        "facilities": ["piano", "sound-system", "coffee-tea"],
        "access": ["hearing-loop"],
        "hours": [(d, "13:00", "23:00") for d in range(7)],
        "price": PriceClass.ON_REQUEST,
        "rooms": [("Studio", 35, PriceClass.ON_REQUEST), ("Oefenhok", 6, PriceClass.PAID)],
    },
]

STREETS = ["Hoofdstraat", "Parkweg", "Kerkplein", "Schoolstraat", "Molenlaan", "Fortlaan"]
NAMES = ["De Ster", "Het Anker", "De Linde", "Het Baken", "De Boog", "De Horizon"]


def ensure_vocabulary():
    """The facility and accessibility terms in Dutch, each translated into every other language.

    A term still carrying the English fallback gets its own language's name once there is one;
    a name an editor changed stays.
    """
    locales = ensure_locales()
    dutch = locales[settings.LANGUAGE_CODE]
    terms = {}
    for model, vocabulary in ((Facility, FACILITIES), (AccessibilityFeature, ACCESSIBILITY)):
        existing = {
            (term.translation_key, term.locale_id): term
            for term in model.objects.filter(slug__in=vocabulary)
        }
        for slug, names in vocabulary.items():
            term, _ = model.objects.get_or_create(
                slug=slug, locale=dutch, defaults={"name": names[settings.LANGUAGE_CODE]}
            )
            for code, locale in locales.items():
                if locale == dutch:
                    continue
                name = names.get(code, names["en"])
                translated = existing.get((term.translation_key, locale.pk))
                if translated is None:
                    model.objects.create(
                        slug=slug, locale=locale, name=name, translation_key=term.translation_key
                    )
                elif translated.name == names["en"] != name:
                    translated.name = name
                    translated.save(update_fields=["name"])
            terms[(model, slug)] = term
    return terms


def _postcode(rng):
    letters = "ABCEGHJKLMNPRTVWXZ"
    return f"35{rng.randrange(10, 99)} {rng.choice(letters)}{rng.choice(letters)}"


def _near(coordinate, offset):
    return (Decimal(str(coordinate)) + Decimal(offset) / 100000).quantize(Decimal("0.00001"))


def _set_children(venue, place):
    venue.rooms.all().delete()
    for order, (name, capacity, price) in enumerate(place["rooms"]):
        VenueRoom.objects.create(
            venue=venue,
            sort_order=order,
            name=name,
            capacity=capacity,
            price_class=price,
            tariff="" if price != PriceClass.PAID else "€ 12,50 per dagdeel",
            booking="" if order else f"Bel of mail {venue.name}",
        )
    venue.opening_hours.all().delete()
    for weekday, opens, closes in place["hours"]:
        OpeningHours.objects.create(
            venue=venue,
            weekday=weekday,
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
        )


def load_neighbourhood(neighbourhood, stdout):
    terms = ensure_vocabulary()
    locales = ensure_locales()
    dutch = locales[settings.LANGUAGE_CODE]
    english = locales.get("en")
    rng = seeded_random("venues", neighbourhood.slug)
    created = 0
    for index, place in enumerate(PLACES):
        slug = f"{place['key']}-{neighbourhood.slug}"
        name = place["name"].format(n=NAMES[(index + len(neighbourhood.slug)) % len(NAMES)])
        values = {
            "name": name,
            "kind": place["kind"],
            "neighbourhood": neighbourhood,
            "short_description": place["short"],
            "description": f"<p>{place['short']} Iedereen uit {neighbourhood.name} is welkom.</p>",
            "street": STREETS[index % len(STREETS)],
            "house_number": str(rng.randrange(1, 200)),
            "postcode": _postcode(rng),
            "city": "Utrecht",
            "latitude": _near(neighbourhood.latitude, rng.randrange(-600, 600)),
            "longitude": _near(neighbourhood.longitude, rng.randrange(-900, 900)),
            "phone": f"030 {rng.randrange(200, 299)} {rng.randrange(1000, 9999)}",
            "email": f"info@{place['key']}-{neighbourhood.slug}.example",
            "capacity": place["capacity"],
            "price_class": place["price"],
            "closed_on_public_holidays": not place.get("holidays_open", False),
            "booking_info": "Reserveer minstens een week van tevoren.",
            "is_active": True,
            "last_checked": date(2026, 9, 1) + timedelta(days=index * 3),
        }
        venue = Venue.objects.filter(slug=slug, locale=dutch).first()
        if venue is None:
            venue = Venue(slug=slug, locale=dutch, **values)
            venue.image = demo_image(
                neighbourhood.collection, name, f"De ingang van {name}", neighbourhood.slug
            )
            venue.save()
            _set_children(venue, place)
            OpeningException.objects.create(
                venue=venue,
                date=timezone.localdate().replace(month=12, day=31),
                closed=True,
                note="Oudejaarsdag",
            )
            venue.facilities.set([terms[(Facility, s)] for s in place["facilities"]])
            venue.accessibility_features.set(
                [terms[(AccessibilityFeature, s)] for s in place["access"]]
            )
            venue.save()
            created += 1
        if english is not None:
            translate_venue(venue, english, place, name, neighbourhood.name)
    stdout.write(f"Venues for {neighbourhood.name}: {created} created, {len(PLACES)} in total.")
