"""Snippets as the admin saves and posts them, for the scoping tests."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import Event
from events.recurrence import TZ
from services.models import Organisation, Service
from venues.models import Venue

NEW_NAME = "Nieuwe naam"


def make_event(neighbourhood, title, *, live=True):
    start = (timezone.now() + timedelta(days=1)).astimezone(TZ).replace(hour=10, minute=0)
    event = Event(
        title=title,
        neighbourhood=neighbourhood,
        locale=Locale.get_default(),
        summary="Koffie en een praatje.",
        start=start,
        end=start + timedelta(hours=2),
        live=False,
    )
    event.full_clean()
    event.save()
    revision = event.save_revision()
    if live:
        revision.publish()
    event.refresh_from_db()
    return event


def name_of(item):
    """What a listing shows of the item: an event's title, a submitter's or venue's name."""
    return item.title if isinstance(item, Event) else item.name


def form_data(item, **changes):
    if isinstance(item, Venue):
        data = {
            "name": item.name,
            "slug": item.slug,
            "kind": item.kind,
            "neighbourhood": item.neighbourhood_id,
            "street": item.street,
            "house_number": item.house_number,
            "postcode": item.postcode,
            "city": "Utrecht",
            "price_class": item.price_class,
            "is_active": "on",
            "rooms": inline_formset([]),
            "opening_hours": inline_formset([]),
            "opening_exceptions": inline_formset([]),
        }
    elif isinstance(item, Event):
        local_start = item.start.astimezone(TZ)
        data = {
            "title": item.title,
            "slug": item.slug,
            "neighbourhood": item.neighbourhood_id,
            "summary": item.summary,
            "description": rich_text(""),
            "start": f"{local_start:%Y-%m-%d %H:%M}",
            "end": f"{item.end.astimezone(TZ):%Y-%m-%d %H:%M}",
            "repeat": "none",
            "interval": "1",
            "ends": "never",
            "status": "EventScheduled",
            "audience": "everyone",
            "is_free": "on",
            "exceptions": inline_formset([]),
        }
    elif isinstance(item, Service):
        data = {
            "name": item.name,
            "slug": item.slug,
            "organisation": item.organisation_id,
            "neighbourhood": item.neighbourhood_id,
            "summary": item.summary,
            "description": rich_text(""),
            "cost": item.cost,
            "closed_on_public_holidays": "on",
            "walk_in_hours": inline_formset([]),
            "walk_in_changes": inline_formset([]),
        }
    elif isinstance(item, Organisation):
        data = {
            "name": item.name,
            "slug": item.slug,
            "kind": item.kind,
            "neighbourhood": item.neighbourhood_id,
        }
    else:
        data = {
            "name": item.name,
            "url": item.url,
            "neighbourhood": item.neighbourhood_id,
            "active": "on",
        }
    if isinstance(item, Service):
        # Tick boxes: one value per code (nested_form_data would number a list's items).
        codes = {"topics": item.topics, "languages": item.languages, "channels": item.channels}
        return {**nested_form_data(data), **codes, **changes}
    return {**nested_form_data(data), **changes}


def new_name(item):
    return {"title" if isinstance(item, Event) else "name": NEW_NAME}
