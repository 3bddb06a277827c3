"""The help directory as Open Referral HSDS 3.0 records: organization, service, location,
service_at_location and schedule, with HSDS's field names and types (ids are UUID strings, the
required fields always present, absent values left out).

Ids are stable: an organisation's, a service's and a venue's are their translation keys (a
venue's location id is the one /api/v1/hsds/locations/ gives), the parts' ids are derived from
them. Only published Dutch services are exported (translations share the ids).
"""

import uuid

from django.conf import settings
from django.utils.html import strip_tags

from .models import Service
from .queries import with_listing_data
from .vocabulary import Cost

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


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
            "languages": [
                {"id": _derived(item.translation_key, f"language:{code}"), "code": code}
                for code in item.languages
            ],
        }
    )


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
    holds walk-in hours at (as locations), which service is where, and the weekly hours. A
    fixed number of queries however many services."""
    services = list(
        with_listing_data(
            Service.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE)
        ).order_by("name", "pk")
    )
    organizations, locations, at_locations, schedules = {}, {}, [], []
    for item in services:
        organizations.setdefault(item.organisation_id, organization(item.organisation))
        places, hours = walk_in_records(item)
        for venue, record in places:
            locations.setdefault(venue.pk, location(venue))
            at_locations.append(record)
        schedules.extend(hours)
    return {
        "organization": list(organizations.values()),
        "service": [service(item) for item in services],
        "location": list(locations.values()),
        "service_at_location": at_locations,
        "schedule": schedules,
    }
