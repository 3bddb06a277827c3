"""The help directory as Open Referral HSDS 3.0 records, with HSDS's field names and types (ids
are UUID strings, the required fields always present, absent values left out):

- organization, service, location, service_at_location, schedule;
- phone (a service's, an organisation's and a meeting place's number), language (the languages
  spoken at a service), service_area (the neighbourhoods a service serves, or the whole city);
- taxonomy, taxonomy_term and attribute: the topics (and the ways of getting help) of our
  controlled vocabulary as two taxonomies, linked to each service by an attribute record
  (`link_entity` "service", `link_id` the service), as HSDS 3.0 links terms to services.

Ids are stable: an organisation's, a service's and a venue's are their translation keys (a
venue's location id is the one /api/v1/hsds/locations/ gives), the parts' ids are derived from
them, and the taxonomies' and terms' from their codes. Every *_id points at a record in the same
export. Only published Dutch services are exported (translations share the ids).
"""

import uuid

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

from .models import Service
from .queries import with_listing_data
from .vocabulary import Channel, Cost, SpokenLanguage, Topic

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Where the taxonomies' and terms' ids come from: fixed codes, so the same in every export.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wijkinfo.nl/hsds/")
# Our two vocabularies as HSDS taxonomies: (code, vocabulary, name, description, link_type).
TAXONOMIES = [
    (
        "topics",
        Topic,
        "Wijkinfo help topics",
        "What residents need help with: the sociale kaart's controlled vocabulary of topics.",
        "topic",
    ),
    (
        "channels",
        Channel,
        "Wijkinfo ways of getting help",
        "How a resident gets the help: walk in, by appointment, by phone, online, home visit.",
        "access",
    ),
]


def _derived(key, part):
    return str(uuid.uuid5(key, part))


def _clean(record):
    return {name: value for name, value in record.items() if value not in (None, "")}


def organization(org):
    return _clean(
        {
            "id": str(org.translation_key),
            "name": org.name,
            # Required by HSDS; an empty string when the editors wrote none.
            "description": org.description or org.name,
            "email": org.email,
            "website": org.website,
        }
    )


def location(venue):
    record = {
        "id": str(venue.translation_key),
        "location_type": "physical",
        "name": venue.name,
        "description": venue.short_description,
    }
    if venue.has_location:
        record["latitude"] = float(venue.latitude)
        record["longitude"] = float(venue.longitude)
    return _clean(record)


def service(item):
    fees = item.cost_details or item.get_cost_display()
    return _clean(
        {
            "id": str(item.translation_key),
            "organization_id": str(item.organisation.translation_key),
            "name": item.name,
            "description": " ".join(
                part for part in (item.summary, strip_tags(item.description)) if part
            ),
            "url": item.website,
            "email": item.email,
            "status": "active",
            "application_process": item.how_to_get_it,
            "fees_description": str(fees) if item.cost != Cost.FREE else "Free",
            "eligibility_description": item.audience,
            "assured_date": item.last_checked.isoformat() if item.last_checked else None,
            "languages": languages(item),
        }
    )


def _english(vocabulary, code):
    with translation.override("en"):
        return str(dict(vocabulary.choices).get(code, code))


def languages(item):
    """HSDS `language` records: the languages spoken at the service (ISO 639 codes)."""
    return [
        {
            "id": _derived(item.translation_key, f"language:{code}"),
            "service_id": str(item.translation_key),
            "name": _english(SpokenLanguage, code),
            "code": code,
        }
        for code in item.languages
    ]


def phone(key, number, **owner):
    """An HSDS `phone` record for `number`, with the id of what it belongs to (`service_id`,
    `organization_id` or `location_id`); None without a number."""
    if not number:
        return None
    [(field, owner_id)] = owner.items()
    return {
        "id": _derived(key, "phone"),
        field: owner_id,
        "number": number,
        "type": "voice",
    }


def service_areas(item):
    """HSDS `service_area` records: the whole city, or the service's own neighbourhood and the
    others it also serves (by name; the neighbourhoods are the city's own areas)."""
    service_id = str(item.translation_key)
    if item.serves_whole_city:
        return [
            {
                "id": _derived(item.translation_key, "area:city"),
                "service_id": service_id,
                "name": "Whole city",
                "description": "Residents of every neighbourhood of the city.",
            }
        ]
    neighbourhoods = [item.neighbourhood]
    neighbourhoods += sorted(
        (n for n in item.areas_served.all() if n.pk != item.neighbourhood_id),
        key=lambda n: n.name,
    )
    return [
        {
            "id": _derived(item.translation_key, f"area:{neighbourhood.slug}"),
            "service_id": service_id,
            "name": neighbourhood.name,
        }
        for neighbourhood in neighbourhoods
    ]


def taxonomy_id(code):
    return str(uuid.uuid5(NAMESPACE, f"taxonomy:{code}"))


def taxonomy_term_id(taxonomy, code):
    return str(uuid.uuid5(NAMESPACE, f"taxonomy:{taxonomy}:term:{code}"))


def taxonomies():
    """HSDS `taxonomy` records: our topics and ways of getting help."""
    return [
        {"id": taxonomy_id(code), "name": name, "description": description, "version": "1"}
        for code, _vocabulary, name, description, _link in TAXONOMIES
    ]


def taxonomy_terms():
    """HSDS `taxonomy_term` records: every term of both taxonomies, named in English with the
    Dutch label in the description (our codes are the terms' `code`)."""
    records = []
    for code, vocabulary, name, _description, _link in TAXONOMIES:
        for term, _label in vocabulary.choices:
            with translation.override(settings.LANGUAGE_CODE):
                dutch = str(dict(vocabulary.choices)[term])
            english = _english(vocabulary, term)
            records.append(
                {
                    "id": taxonomy_term_id(code, term),
                    "code": term,
                    "name": english,
                    "description": f"{english} (Dutch: {dutch})",
                    "taxonomy": name,
                    "taxonomy_id": taxonomy_id(code),
                    "language": "en",
                }
            )
    return records


def attributes(item):
    """HSDS `attribute` records linking the service to its topics and ways of getting help."""
    records = []
    for code, _vocabulary, _name, _description, link_type in TAXONOMIES:
        for term in getattr(item, code):
            records.append(
                {
                    "id": _derived(item.translation_key, f"{code}:{term}"),
                    "link_id": str(item.translation_key),
                    "link_type": link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": taxonomy_term_id(code, term),
                    "value": term,
                }
            )
    return records


def schedule(item, row, service_at_location_id=None):
    record = {
        "id": _derived(item.translation_key, f"walk-in:{row.pk}"),
        "service_id": str(item.translation_key),
        "service_at_location_id": service_at_location_id,
        "freq": "WEEKLY",
        "interval": 1,
        "byday": WEEKDAYS[row.weekday],
        "opens_at": row.opens.strftime("%H:%M"),
        "closes_at": row.closes.strftime("%H:%M"),
        "description": "Walk-in hours" if row.venue_id else "By phone or online",
        "notes": "Local time, Europe/Amsterdam.",
    }
    return _clean(record)


def walk_in_records(item):
    """([(venue, service_at_location record)], [schedule records]) of one service: a record
    per meeting place it holds walk-in hours at (in the order of its hours) and each weekly
    period, linked to its place's record (the export and /api/v1/hsds/ give the same)."""
    at, schedules = {}, []
    for row in item.walk_in_hours.all():
        link = None
        if row.venue_id is not None:
            venue = row.venue
            if venue.pk not in at:
                at[venue.pk] = (
                    venue,
                    {
                        "id": _derived(item.translation_key, f"at:{venue.translation_key}"),
                        "service_id": str(item.translation_key),
                        "location_id": str(venue.translation_key),
                    },
                )
            link = at[venue.pk][1]["id"]
        schedules.append(schedule(item, row, link))
    return list(at.values()), schedules


def export():
    """{table name: [records]}: every published Dutch service, its organisation, the venues it
    holds walk-in hours at (as locations), which service is where, the weekly hours, the phone
    numbers, languages, service areas, and the topics as taxonomy terms linked by attributes.
    A fixed number of queries however many services."""
    services = list(
        with_listing_data(
            Service.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE)
        )
        .prefetch_related("areas_served")
        .order_by("name", "pk")
    )
    organizations, locations, at_locations, schedules = {}, {}, [], []
    phones = {}
    for item in services:
        if item.organisation_id not in organizations:
            org = item.organisation
            organizations[org.pk] = organization(org)
            record = phone(org.translation_key, org.phone, organization_id=str(org.translation_key))
            if record:
                phones[record["id"]] = record
        record = phone(item.translation_key, item.phone, service_id=str(item.translation_key))
        if record:
            phones[record["id"]] = record
        places, hours = walk_in_records(item)
        for venue, record in places:
            if venue.pk not in locations:
                locations[venue.pk] = location(venue)
                record_phone = phone(
                    venue.translation_key, venue.phone, location_id=str(venue.translation_key)
                )
                if record_phone:
                    phones[record_phone["id"]] = record_phone
            at_locations.append(record)
        schedules.extend(hours)
    return {
        "organization": list(organizations.values()),
        "service": [service(item) for item in services],
        "location": list(locations.values()),
        "service_at_location": at_locations,
        "schedule": schedules,
        "phone": list(phones.values()),
        "language": [record for item in services for record in languages(item)],
        "service_area": [record for item in services for record in service_areas(item)],
        "taxonomy": taxonomies(),
        "taxonomy_term": taxonomy_terms(),
        "attribute": [record for item in services for record in attributes(item)],
    }
