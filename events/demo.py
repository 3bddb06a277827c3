"""Demo agenda: at least 15 events per neighbourhood, anchored to the current week.

Idempotent: an event that already exists (same slug in the same neighbourhood) is left alone.
Every event is translated into English (see `demo_translations.py`).
Events are held at the venues demo's places when those exist (looked up by slug), otherwise at
a described place, so this runs with or without the venues app's demo content.
"""

from datetime import datetime, time, timedelta

from wagtail.models import Locale

from infopoint.demo_content import WEEKLY_MEETINGS
from venues.models import Venue

from .dates import local_today
from .demo_translations import translate_event
from .models import Event, EventException
from .recurrence import TZ, WEEKDAY_CODES


def _weekly(key, **extra):
    """The schedule of a weekly meeting the information point's news and guides speak of, from
    the same facts their texts are written from (infopoint.demo_content.WEEKLY_MEETINGS)."""
    weekday, start, minutes = WEEKLY_MEETINGS[key]
    return ("weekly", WEEKDAY_CODES[weekday], weekday - 21, start, minutes, extra)


# slug, title, summary, schedule, where, price, audience, tags
# schedule: (repeat, weekdays, first-day offset from this week's Monday, start, minutes, extra)
EVENTS = [
    ("koffieochtend", "Koffieochtend", "Elke dinsdag koffie, thee en een praatje.",
     _weekly("koffieochtend", cancel_week=1), ("buurthuis", "Buurthuis"),
     None, "seniors", ["koffie", "ontmoeten"]),
    ("taalcafe", "Taalcafé", "Nederlands oefenen in een ontspannen sfeer.",
     _weekly("taalcafe", move_week=2), ("bibliotheek", "Bibliotheek"),
     None, "adults", ["taal"]),
    ("samen-eten", "Samen eten", "Om de week een driegangenmaaltijd met buren.",
     ("weekly", "TH", -18, "18:00", 120, {"interval": 2}), ("buurthuis", "Buurthuis"),
     "€ 5, inclusief drinken", "everyone", ["eten", "ontmoeten"]),
    ("stoelyoga", "Stoelyoga", "Rustig bewegen op een stoel, voor elke conditie.",
     ("weekly", "MO,FR", -21, "14:00", 60, {}), ("sporthal", "Sporthal"),
     "€ 2 per keer", "seniors", ["sport"]),
    ("huiswerkklas", "Huiswerkklas", "Hulp bij huiswerk door vrijwilligers.",
     ("weekly", "TU,TH", -20, "15:30", 90, {"skip_holidays": True}), ("school", "Basisschool"),
     None, "children", ["kinderen", "leren"]),
    ("buurtmarkt", "Buurtmarkt", "Elke eerste zaterdag van de maand: markt op het plein.",
     ("monthly_weekday", "", -30, "09:00", 240, {"week_of_month": 1}), (None, "Het plein"),
     None, "everyone", ["markt"]),
    ("repair-cafe", "Repair Café", "Kapotte spullen? Samen repareren we ze.",
     ("monthly_weekday", "", -30, "10:00", 180, {"week_of_month": -1}), ("werkplek", "Werkplaats"),
     None, "everyone", ["repareren", "duurzaam"]),
    ("energiespreekuur-online", "Energiespreekuur (online)",
     "Vragen over uw energierekening? Stel ze online.",
     ("weekly", "WE", -19, "12:00", 60, {"online": True}), (None, ""),
     None, "adults", ["energie", "digitaal"]),
    ("buurtfestival", "Buurtfestival", "Twee dagen muziek, eten en spelletjes in het park.",
     ("none", "", 19, "00:00", 0, {"all_day_days": 2}), ("tuin", "Het park"),
     None, "families", ["muziek", "festival"]),
    ("kinderdisco", "Kinderdisco", "Dansen voor kinderen tot 12 jaar.",
     ("none", "", 5, "15:00", 120, {}), ("buurthuis", "Buurthuis"),
     "€ 2,50", "children", ["kinderen", "muziek"]),
    ("parkwandeling", "Wandeling door het park", "Een rustige wandeling met een gids.",
     ("none", "", 6, "11:00", 90, {}), (None, "Ingang van het park"),
     None, "everyone", ["natuur", "bewegen"]),
    ("jongerenavond", "Jongerenavond", "Chillen, gamen en plannen maken.",
     ("weekly", "FR", -17, "19:00", 180, {}), ("buurthuis", "Jongerenruimte"),
     None, "youth", ["jongeren"]),
    ("schaakclub", "Schaakclub", "Schaken voor beginners en gevorderden.",
     ("weekly", "TH", -18, "19:30", 150, {}), ("cafe", "Buurtcafé"),
     None, "adults", ["spel"]),
    ("informatieavond-groen", "Informatieavond: meer groen in de straat",
     "De gemeente en bewoners praten over geveltuinen.",
     ("none", "", 10, "19:30", 90, {}), ("buurthuis", "Buurthuis"),
     None, "adults", ["natuur", "gemeente"]),
    ("winterconcert", "Winterconcert", "Het buurtkoor zingt, met warme chocolademelk.",
     ("none", "", 13, "20:00", 90, {}), ("muziekhuis", "Muziekhuis"),
     "€ 10, kinderen gratis", "everyone", ["muziek"]),
    ("voorlezen", "Voorleesochtend", "Om de week voorlezen voor peuters en kleuters.",
     ("weekly", "SA", -16, "10:30", 60, {"interval": 2}), ("bibliotheek", "Bibliotheek"),
     None, "children", ["kinderen", "lezen"]),
    ("kerstbingo", "Kerstbingo", "Gaat dit jaar helaas niet door.",
     ("none", "", 24, "19:30", 120, {"cancelled": True}), ("buurthuis", "Buurthuis"),
     "€ 3 per kaart", "seniors", ["spel"]),
]  # fmt: skip


def _venue(neighbourhood, key):
    if not key:
        return None
    return Venue.objects.filter(
        neighbourhood=neighbourhood, slug=f"{key}-{neighbourhood.slug}", locale=Locale.get_default()
    ).first()


def load_neighbourhood(neighbourhood, stdout):
    dutch = Locale.get_default()
    english = Locale.objects.filter(language_code="en").first()
    monday = local_today() - timedelta(days=local_today().weekday())
    created = 0
    for item in EVENTS:
        slug, title, summary, schedule, where, price, audience, tags = item
        existing = Event.objects.filter(
            neighbourhood=neighbourhood, slug=slug, locale=dutch
        ).first()
        if existing is not None:
            if english is not None:
                translate_event(existing, english, item, neighbourhood.name)
            continue
        repeat, weekdays, offset, clock, minutes, extra = schedule
        day = monday + timedelta(days=offset)
        start = datetime.combine(day, time.fromisoformat(clock), tzinfo=TZ)
        end = start + timedelta(minutes=minutes)
        if extra.get("all_day_days"):
            end = start + timedelta(days=extra["all_day_days"] - 1, hours=23)
        venue_key, place = where
        venue = _venue(neighbourhood, venue_key)
        event = Event(
            title=title,
            slug=slug,
            neighbourhood=neighbourhood,
            locale=dutch,
            summary=summary,
            description=f"<p>{summary} Iedereen uit {neighbourhood.name} is welkom.</p>",
            start=start,
            end=end,
            all_day=bool(extra.get("all_day_days")),
            repeat=repeat,
            weekdays=weekdays,
            interval=extra.get("interval", 1),
            week_of_month=extra.get("week_of_month"),
            skip_holidays=extra.get("skip_holidays", False),
            venue=venue,
            place="" if venue else place,
            online_url="https://meet.example.org/energie" if extra.get("online") else "",
            is_free=price is None,
            price=price or "",
            audience=audience,
            organiser=f"Bewoners van {neighbourhood.name}",
            status="EventCancelled" if extra.get("cancelled") else "EventScheduled",
            live=False,
        )
        if "cancel_week" in extra:
            cancelled_day = day + timedelta(weeks=3 + extra["cancel_week"])
            event.exceptions.add(
                EventException(date=cancelled_day, action="cancel", note="Vakantie")
            )
        if "move_week" in extra:
            moved_day = day + timedelta(weeks=3 + extra["move_week"])
            event.exceptions.add(
                EventException(
                    date=moved_day,
                    action="move",
                    new_start=start + timedelta(weeks=3 + extra["move_week"], days=1),
                    note="Deze week op donderdag",
                )
            )
        event.save()
        event.tags.add(*tags)
        event.save_revision().publish()
        created += 1
        if english is not None:
            translate_event(event, english, item, neighbourhood.name)
    stdout.write(f"Agenda of {neighbourhood.name}: {created} events added.")
