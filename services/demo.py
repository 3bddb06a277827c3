"""Demo help directory: organisations and eight services per neighbourhood, two of them for the
whole city, with walk-in hours at the venues demo's places.

Written in bulk (a few queries per neighbourhood, not a revision per service) so the demo, which
the test suite loads once per worker, stays quick. Idempotent: what exists (same slug) is kept.
Dutch only for now: in English, Arabic and Turkish the help finder shows the Dutch services.
"""

from datetime import date, time, timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from infopoint.demo import NEIGHBOURHOODS
from venues.models import Venue

from .models import Organisation, Service, WalkInChange, WalkInHours
from .vocabulary import Channel, Cost, OrganisationKind, Topic

# key, name, kind, description
ORGANISATIONS = [
    (
        "buurtteam",
        "Buurtteam {n}",
        OrganisationKind.MUNICIPAL,
        "Het buurtteam helpt bewoners met vragen over geld, wonen, zorg en opvoeden.",
    ),
    (
        "bibliotheek",
        "Bibliotheek {n}",
        OrganisationKind.WELFARE,
        "De bibliotheek helpt met lezen, taal en alles wat digitaal moet.",
    ),
    (
        "bewoners",
        "Bewonersinitiatief {n}",
        OrganisationKind.RESIDENTS,
        "Buren die elkaar helpen: repareren, samen eten, een maatje.",
    ),
    (
        "welzijn",
        "Welzijn {n}",
        OrganisationKind.WELFARE,
        "Welzijnswerk voor ouderen, mantelzorgers en iedereen die mensen wil ontmoeten.",
    ),
]

# key, name, organisation, summary, topics, audience, cost, languages, channels,
# walk-in hours [(venue key or None, weekday, opens, closes)], city-wide
SERVICES = [
    ("schuldhulp", "Schuldhulp", "buurtteam",
     "Wij helpen u uw rekeningen en schulden op een rij te zetten.",
     [Topic.MONEY, Topic.FORMS], "", (Cost.FREE, ""), ["nl", "en", "ar", "tr"],
     [Channel.WALK_IN, Channel.APPOINTMENT, Channel.PHONE],
     [("buurthuis", 0, "09:30", "12:00"), ("buurthuis", 3, "13:30", "16:00")], False),
    ("formulierenhulp", "Formulierenhulp", "bibliotheek",
     "Een vrijwilliger helpt u met formulieren en brieven van instanties.",
     [Topic.FORMS, Topic.DIGITAL], "", (Cost.FREE, ""), ["nl", "en", "ar"],
     [Channel.WALK_IN],
     [("bibliotheek", 1, "10:00", "12:00"), ("bibliotheek", 4, "14:00", "16:00")], False),
    ("digicafe", "Digicafé", "bibliotheek",
     "Vragen over uw telefoon, laptop of DigiD? Loop binnen.",
     [Topic.DIGITAL], "", (Cost.FREE, ""), ["nl", "en"], [Channel.WALK_IN],
     [("bibliotheek", 2, "13:00", "15:00")], False),
    ("repair-cafe", "Repair Café", "bewoners",
     "Samen repareren we uw kapotte spullen, met koffie.",
     [Topic.LONELINESS, Topic.MONEY], "", (Cost.FEE, "Een vrijwillige bijdrage"), ["nl"],
     [Channel.WALK_IN], [("werkplek", 5, "10:00", "13:00")], False),
    ("taalmaatjes", "Taalmaatjes", "welzijn",
     "Oefen Nederlands met een vaste vrijwilliger, thuis of in de bibliotheek.",
     [Topic.LANGUAGE, Topic.LONELINESS], "Volwassenen die Nederlands leren", (Cost.FREE, ""),
     ["nl", "en", "ar", "tr", "uk"], [Channel.APPOINTMENT, Channel.HOME_VISIT], [], False),
    ("ouderenadviseur", "Ouderenadviseur", "welzijn",
     "Advies over wonen, zorg en geld voor wie ouder wordt, ook bij u thuis.",
     [Topic.OLDER, Topic.HEALTH, Topic.HOUSING], "Bewoners van 65 jaar en ouder", (Cost.FREE, ""),
     ["nl", "tr"], [Channel.WALK_IN, Channel.HOME_VISIT, Channel.PHONE],
     [("buurthuis", 2, "10:00", "12:00"), (None, 0, "09:00", "12:00")], False),
    ("gezinsspreekuur", "Spreekuur opvoeden", "buurtteam",
     "Vragen over opvoeden en opgroeien? Praat erover met een gezinswerker.",
     [Topic.FAMILY], "Ouders en verzorgers", (Cost.FREE, ""), ["nl", "ar", "ber"],
     [Channel.WALK_IN, Channel.APPOINTMENT], [("school", 2, "15:30", "17:00")], False),
    ("maaltijd", "Buurtmaaltijd", "bewoners",
     "Elke donderdag samen eten voor een kleine prijs.",
     [Topic.FOOD, Topic.LONELINESS], "", (Cost.FEE, "€ 4 per maaltijd"), ["nl"],
     [Channel.WALK_IN], [("buurthuis", 3, "17:30", "19:30")], False),
    # City-wide: made once, with the first neighbourhood as the one that keeps them current.
    ("energiecoach", "Energiecoach", "welzijn",
     "Een energiecoach komt langs en helpt u energie en geld te besparen.",
     [Topic.ENERGY, Topic.MONEY], "", (Cost.FREE, ""), ["nl", "en", "pl"],
     [Channel.HOME_VISIT, Channel.PHONE], [(None, 1, "09:00", "17:00")], True),
    ("juridisch-loket", "Juridisch spreekuur", "buurtteam",
     "Gratis advies over huur, werk, uitkering en schulden van een jurist.",
     [Topic.LEGAL, Topic.HOUSING], "", (Cost.FREE, ""), ["nl", "en"],
     [Channel.WALK_IN, Channel.PHONE], [("buurthuis", 1, "19:00", "21:00")], True),
]  # fmt: skip


def load_neighbourhood(neighbourhood, stdout):
    dutch = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    first = neighbourhood.slug == NEIGHBOURHOODS[0][1]
    n = neighbourhood.name
    organisations = _organisations(neighbourhood, dutch)
    venues = {
        venue.slug: venue
        for venue in Venue.objects.filter(neighbourhood=neighbourhood, locale=dutch)
    }
    wanted = [item for item in SERVICES if first or not item[-1]]
    slugs = {item[0]: _slug(item, neighbourhood) for item in wanted}
    existing = set(
        Service.objects.filter(slug__in=slugs.values(), locale=dutch).values_list("slug", flat=True)
    )
    new = [item for item in wanted if slugs[item[0]] not in existing]
    today = timezone.localdate()
    services = Service.objects.bulk_create(
        Service(
            name=name,
            slug=slugs[key],
            organisation=organisations[org_key],
            neighbourhood=neighbourhood,
            locale=dutch,
            summary=summary,
            description=f"<p>{summary} Voor bewoners van {'heel Utrecht' if city else n}.</p>",
            topics=topics,
            audience=audience,
            cost=cost,
            cost_details=cost_details,
            languages=languages,
            channels=channels,
            serves_whole_city=city,
            phone=f"030 {200 + index:03d} {1000 + index * 7:04d}",
            how_to_get_it="Loop gewoon binnen." if Channel.WALK_IN in channels else "Bel ons.",
            # Two are overdue, so the dashboard's "not checked for 6 months" has something.
            last_checked=(date(2026, 1, 15) if index < 2 else today - timedelta(days=30 * index)),
            live=True,
        )
        for index, (key, name, org_key, summary, topics, audience, (cost, cost_details),
                    languages, channels, _hours, city) in enumerate(new)
    )  # fmt: skip
    by_key = {item[0]: service for item, service in zip(new, services, strict=True)}
    WalkInHours.objects.bulk_create(
        WalkInHours(
            service=by_key[item[0]],
            venue=venues.get(f"{venue_key}-{neighbourhood.slug}") if venue_key else None,
            weekday=weekday,
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
            sort_order=order,
        )
        for item in new
        for order, (venue_key, weekday, opens, closes) in enumerate(item[9])
    )
    if "schuldhulp" in by_key:
        WalkInChange.objects.create(
            service=by_key["schuldhulp"],
            locale=dutch,
            date=today.replace(month=12, day=31),
            closed=True,
            note="Oudejaarsdag",
        )
    for backend in get_search_backends():
        backend.add_bulk(Service, services)
    stdout.write(f"Help in {n}: {len(services)} services created, {len(wanted)} in total.")


def _slug(item, neighbourhood):
    key, city = item[0], item[-1]
    return key if city else f"{key}-{neighbourhood.slug}"


def _organisations(neighbourhood, dutch):
    slugs = {key: f"{key}-{neighbourhood.slug}" for key, *_rest in ORGANISATIONS}
    found = {
        org.slug: org for org in Organisation.objects.filter(slug__in=slugs.values(), locale=dutch)
    }
    Organisation.objects.bulk_create(
        Organisation(
            name=name.format(n=neighbourhood.name),
            slug=slugs[key],
            kind=kind,
            neighbourhood=neighbourhood,
            locale=dutch,
            description=description,
            phone="030 286 00 00" if kind == OrganisationKind.MUNICIPAL else "",
            website="https://www.utrecht.nl/" if kind == OrganisationKind.MUNICIPAL else "",
        )
        for key, name, kind, description in ORGANISATIONS
        if slugs[key] not in found
    )
    found = {
        org.slug: org for org in Organisation.objects.filter(slug__in=slugs.values(), locale=dutch)
    }
    return {key: found[slug] for key, slug in slugs.items()}
