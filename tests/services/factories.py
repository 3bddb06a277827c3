"""Services and organisations as tests make them: Dutch, published unless told otherwise."""

from datetime import time

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale

from services.models import Organisation, Service, WalkInChange, WalkInHours
from services.vocabulary import Channel, Cost, Topic


def dutch():
    return Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]


def make_organisation(neighbourhood, name="Buurtteam", **fields):
    slug = fields.pop("slug", None) or slugify(f"{name} {neighbourhood.slug}")
    return Organisation.objects.create(
        name=name, slug=slug, neighbourhood=neighbourhood, locale=dutch(), **fields
    )


def service_fields(neighbourhood, name, organisation=None, **fields):
    organisation = (
        organisation
        or Organisation.objects.filter(neighbourhood=neighbourhood).first()
        or make_organisation(neighbourhood)
    )
    values = {
        "name": name,
        "neighbourhood": neighbourhood,
        "organisation": organisation,
        "locale": dutch(),
        "summary": f"{name}: wij helpen u verder.",
        "topics": [Topic.FORMS],
        "channels": [Channel.WALK_IN],
        "languages": ["nl"],
        "cost": Cost.FREE,
    }
    values.update(fields)
    return values


def make_service(
    neighbourhood, name="Formulierenhulp", *, hours=(), changes=(), live=True, areas=(), **fields
):
    """A service with walk-in `hours` [(venue or None, weekday, "09:00", "12:00")] and dated
    `changes` [(venue or None, date, closed, opens, closes)], published through a revision
    (as an editor's publish does) unless `live=False`."""
    service = Service(**service_fields(neighbourhood, name, live=False, **fields))
    for venue, weekday, opens, closes in hours:
        service.walk_in_hours.add(
            WalkInHours(
                venue=venue,
                weekday=weekday,
                opens=time.fromisoformat(opens),
                closes=time.fromisoformat(closes),
            )
        )
    for venue, day, closed, opens, closes in changes:
        service.walk_in_changes.add(
            WalkInChange(
                venue=venue,
                date=day,
                closed=closed,
                opens=time.fromisoformat(opens) if opens else None,
                closes=time.fromisoformat(closes) if closes else None,
            )
        )
    service.full_clean()
    service.save()
    if areas:
        service.areas_served.set(areas)
        service.save()
    revision = service.save_revision()
    if live:
        revision.publish()
    service.refresh_from_db()
    return service


def bulk_services(neighbourhood, count, venue, organisation=None, prefix="Hulp"):
    """`count` published services, each walk-in Monday to Friday 09:00–17:00 at `venue`, in a
    handful of queries (for the query budgets)."""
    organisation = organisation or make_organisation(neighbourhood, f"{prefix} organisatie")
    start = Service.objects.count()
    services = Service.objects.bulk_create(
        Service(
            **service_fields(
                neighbourhood,
                f"{prefix} {start + n:04d}",
                organisation,
                slug=f"{prefix.lower()}-{start + n:04d}",
                live=True,
            )
        )
        for n in range(count)
    )
    WalkInHours.objects.bulk_create(
        WalkInHours(service=service, venue=venue, weekday=day, opens=time(9), closes=time(17))
        for service in services
        for day in range(5)
    )
    return services


def finder_directory(lunetten, oost, venue, oost_organisation=None):
    """The help finder's test directory (its page tests and the API's share it): four services
    for Lunetten (one city-wide, two with walk-in hours at `venue` on Tuesdays), a draft, and
    one of Oost's own, by key. Lunetten's services are its first organisation's."""
    return {
        "schuld": make_service(
            lunetten,
            "Schuldhulp",
            topics=["money-debt"],
            languages=["nl", "ar"],
            channels=["walk-in", "phone"],
            hours=[(venue, 1, "09:30", "12:00")],
        ),
        "formulier": make_service(
            lunetten,
            "Formulierenhulp",
            topics=["forms-letters", "money-debt"],
            cost="fee",
            cost_details="€ 2",
            hours=[(venue, 1, "14:00", "16:00")],
        ),
        "taal": make_service(
            lunetten, "Taalmaatjes", topics=["language-reading"], channels=["home-visit"]
        ),
        "stad": make_service(
            lunetten,
            "Energiecoach",
            topics=["energy"],
            serves_whole_city=True,
            channels=["phone"],
            hours=[(None, 1, "09:00", "17:00")],
        ),
        "concept": make_service(lunetten, "Nog niet klaar", live=False),
        "oost": make_service(
            oost,
            "Hulp in Oost",
            organisation=oost_organisation,
            hours=[(None, 2, "09:00", "12:00")],
        ),
    }
