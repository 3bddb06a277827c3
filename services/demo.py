"""Demo help directory: seven organisations and eighteen services per neighbourhood, three more
for the whole city, with walk-in hours at the venues demo's places, in Dutch, English, Arabic and
Turkish (the words are in `demo_content.py`).

Written in bulk (a few queries per neighbourhood, not a revision or a wagtail-localize
translation per service) so the demo, which the test suite loads once per worker, stays quick.
A translation is a row of its own in its locale that shares the Dutch row's translation_key, as
wagtail-localize would make it; its walk-in hours point at the meeting place in that language
where the venues demo translated it. Idempotent: what exists (same slug and locale) is kept.
"""

from datetime import date, time, timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from infopoint.demo import NEIGHBOURHOODS
from infopoint.translation import ensure_locales
from venues.models import Venue

from .demo_content import (
    CALL_HOW,
    CLOSED_NOTE,
    FOR_RESIDENTS,
    FOR_THE_CITY,
    LANGUAGES,
    ORGANISATIONS,
    SERVICES,
    WALK_IN_HOW,
)
from .models import Organisation, Service, WalkInChange, WalkInHours
from .vocabulary import Channel, OrganisationKind


def _locales():
    locales = ensure_locales()
    return [(index, locales[code]) for index, code in enumerate(LANGUAGES) if code in locales]


def load_neighbourhood(neighbourhood, stdout):
    locales = _locales()
    first = neighbourhood.slug == NEIGHBOURHOODS[0][1]
    n = neighbourhood.name
    organisations = _organisations(neighbourhood, locales)
    # The meeting places in every language: {(Dutch slug, locale id): venue}.
    dutch_venues = Venue.objects.filter(
        neighbourhood=neighbourhood, locale__language_code=settings.LANGUAGE_CODE
    ).values_list("translation_key", "slug")
    slug_of = dict(dutch_venues)
    venues = {
        (slug_of[venue.translation_key], venue.locale_id): venue
        for venue in Venue.objects.filter(translation_key__in=slug_of)
    }
    wanted = {key: item for key, item in SERVICES.items() if first or not item["city"]}
    slugs = {
        key: key if item["city"] else f"{key}-{neighbourhood.slug}" for key, item in wanted.items()
    }
    existing = {
        (slug, locale_id): translation_key
        for slug, locale_id, translation_key in Service.objects.filter(
            slug__in=slugs.values()
        ).values_list("slug", "locale_id", "translation_key")
    }
    dutch = locales[0][1]
    today = timezone.localdate()
    new = []
    for order, (key, item) in enumerate(wanted.items()):
        translation_key = existing.get((slugs[key], dutch.pk))
        for index, locale in locales:
            if (slugs[key], locale.pk) in existing:
                continue
            service = _service(key, item, index, locale, order, organisations, n, today)
            service.slug = slugs[key]
            service.neighbourhood = neighbourhood
            if translation_key is not None:  # a translation of a Dutch service already there
                service.translation_key = translation_key
            elif index == 0:
                translation_key = service.translation_key
            else:
                service.translation_key = translation_key
            new.append((key, index, service))
    services = Service.objects.bulk_create([service for _key, _index, service in new])
    WalkInHours.objects.bulk_create(
        WalkInHours(
            service=service,
            venue=(
                venues.get((f"{venue_key}-{neighbourhood.slug}", service.locale_id))
                or venues.get((f"{venue_key}-{neighbourhood.slug}", dutch.pk))
            )
            if venue_key
            else None,
            weekday=weekday,
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
            sort_order=order,
        )
        for key, _index, service in new
        for order, (venue_key, weekday, opens, closes) in enumerate(SERVICES[key]["hours"])
    )
    # New Year's Eve: no debt advice (in every language, one translation_key).
    closed = [(index, service) for key, index, service in new if key == "schuldhulp"]
    if closed:
        translation_key = WalkInChange().translation_key
        WalkInChange.objects.bulk_create(
            WalkInChange(
                service=service,
                locale_id=service.locale_id,
                translation_key=translation_key,
                date=today.replace(month=12, day=31),
                closed=True,
                note=CLOSED_NOTE[index],
            )
            for index, service in closed
        )
    for backend in get_search_backends():
        backend.add_bulk(Service, services)
    stdout.write(
        f"Help in {n}: {len(services)} services created in {len(locales)} languages, "
        f"{len(wanted)} in total."
    )


def _service(key, item, index, locale, order, organisations, n, today):
    summary = item["summary"][index]
    area = FOR_THE_CITY[index] if item["city"] else FOR_RESIDENTS[index].format(n=n)
    channels = item["channels"]
    return Service(
        name=item["name"][index],
        organisation=organisations[(item["org"], locale.pk)],
        locale=locale,
        summary=summary,
        description=f"<p>{summary} {area}</p>",
        topics=item["topics"],
        audience=item["audience"][index],
        cost=item["cost"],
        cost_details=item["cost_details"][index],
        languages=item["languages"],
        channels=channels,
        serves_whole_city=item["city"],
        phone=f"030 {200 + order:03d} {1000 + order * 7:04d}",
        how_to_get_it=(WALK_IN_HOW if Channel.WALK_IN in channels else CALL_HOW)[index],
        # Two are overdue, so the dashboard's "not checked for 6 months" has something.
        last_checked=date(2026, 1, 15) if order < 2 else today - timedelta(days=9 * order),
        live=True,
    )


def _organisations(neighbourhood, locales):
    """{(key, locale id): organisation}, every one in every language."""
    slugs = {key: f"{key}-{neighbourhood.slug}" for key in ORGANISATIONS}

    def found():
        return {
            (org.slug, org.locale_id): org
            for org in Organisation.objects.filter(slug__in=slugs.values())
        }

    existing = found()
    dutch = locales[0][1]
    new = []
    for key, (kind, names, descriptions) in ORGANISATIONS.items():
        translation_key = getattr(existing.get((slugs[key], dutch.pk)), "translation_key", None)
        for index, locale in locales:
            if (slugs[key], locale.pk) in existing:
                continue
            org = Organisation(
                name=names[index].format(n=neighbourhood.name),
                slug=slugs[key],
                kind=kind,
                neighbourhood=neighbourhood,
                locale=locale,
                description=descriptions[index],
                phone="030 286 00 00" if kind == OrganisationKind.MUNICIPAL else "",
                website="https://www.utrecht.nl/" if kind == OrganisationKind.MUNICIPAL else "",
            )
            if translation_key is None:
                translation_key = org.translation_key
            org.translation_key = translation_key
            new.append(org)
    if new:
        Organisation.objects.bulk_create(new)
        existing = found()
    return {
        (key, locale.pk): existing[(slug, locale.pk)]
        for key, slug in slugs.items()
        for _index, locale in locales
    }
