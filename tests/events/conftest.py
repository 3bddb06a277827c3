"""Fixtures for the agenda: events built the way the admin saves them."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.models import Event, EventException
from events.recurrence import TZ
from venues.models import AccessibilityFeature


def local(*args):
    """An aware Europe/Amsterdam datetime: local(2026, 3, 24, 19, 30)."""
    return datetime(*args, tzinfo=TZ)


@pytest.fixture
def wednesday(monkeypatch):
    """Pin the agenda's "today" to the coming Wednesday, so weekday logic (this weekend, this
    week) does not depend on the day the suite runs. Browser tests share it: the live server
    runs in this process."""
    from events import dates

    today = timezone.localdate()
    pinned = today + timedelta(days=(2 - today.weekday()) % 7)
    monkeypatch.setattr(dates, "local_today", lambda: pinned)
    return pinned


@pytest.fixture
def make_event(lunetten):
    """Create and publish an event (with a revision, as the admin does)."""

    def make(title="Koffieochtend", *, neighbourhood=None, exceptions=(), publish=True, **fields):
        if "start" not in fields:
            tomorrow = timezone.localdate() + timedelta(days=1)
            fields["start"] = local(tomorrow.year, tomorrow.month, tomorrow.day, 10, 0)
        if "end" not in fields:
            fields["end"] = fields["start"] + timedelta(hours=2)
        fields.setdefault("summary", f"{title} in de wijk.")
        tags = fields.pop("tags", [])
        event = Event(
            title=title,
            neighbourhood=neighbourhood or lunetten,
            locale=Locale.get_default(),
            live=False,
            **fields,
        )
        for change in exceptions:
            event.exceptions.add(EventException(**change))
        event.full_clean()
        event.save()
        if tags:
            event.tags.add(*tags)
            event.save()
        if publish:
            event.save_revision().publish()
            event.refresh_from_db()
        return event

    return make


@pytest.fixture
def step_free():
    return AccessibilityFeature.objects.create(
        name="Drempelvrije ingang", slug=AccessibilityFeature.STEP_FREE, locale=Locale.get_default()
    )
