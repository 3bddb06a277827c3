"""The agenda's chores on the volunteers' dashboard: events coming up without a place, and
partners' calendars whose last import failed or skipped events.

Registered in events/wagtail_hooks.py; built on infopoint's NeighbourhoodPanel, which shows it
only to people who work for a neighbourhood and only their neighbourhoods' rows.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.admin.utils import quote
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from infopoint.dashboard import NeighbourhoodPanel

from .models import Event, EventFeed, EventStatus, Occurrence

UPCOMING_DAYS = 14


class EventsWithoutVenuePanel(NeighbourhoodPanel):
    """Published events on in the next two weeks whose residents cannot tell where to go: no
    meeting place chosen and no online link (a free-text place is shown, to link it up)."""

    name = "events_without_venue"
    template_name = "events/dashboard/events_without_venue.html"
    order = 230

    def queryset(self, neighbourhoods):
        now = timezone.now()
        next_date = (
            Occurrence.objects.filter(
                event=OuterRef("pk"),
                end__gte=now,
                start__lt=now + timedelta(days=UPCOMING_DAYS),
                cancelled=False,
            )
            .order_by("start")
            .values("start")[:1]
        )
        return (
            Event.objects.filter(
                neighbourhood__in=neighbourhoods,
                live=True,
                venue__isnull=True,
                online_url="",
                # Translations share the venue: the Dutch source stands for all of them.
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .exclude(status=EventStatus.CANCELLED)
            .annotate(next_start=Subquery(next_date))
            .filter(next_start__isnull=False)
        )

    def get_rows(self, request, neighbourhoods):
        events = self.first_rows(
            self.queryset(neighbourhoods).select_related("neighbourhood"), "next_start", "title"
        )
        edit = Event.snippet_viewset.get_url_name("edit")
        for event in events:
            event.edit_url = reverse(edit, args=[quote(event.pk)])
        return events


class FeedsToCheckPanel(NeighbourhoodPanel):
    """Active calendar feeds whose last import failed or skipped events, with what it said
    (which events, and why), so someone asks the partner to correct them."""

    name = "feeds_to_check"
    template_name = "events/dashboard/feeds_to_check.html"
    order = 235

    def queryset(self, neighbourhoods):
        return EventFeed.objects.filter(
            Q(last_run_ok=False) | Q(last_skipped__gt=0),
            neighbourhood__in=neighbourhoods,
            active=True,
        )

    def get_rows(self, request, neighbourhoods):
        feeds = self.first_rows(
            self.queryset(neighbourhoods).select_related("neighbourhood"), "name", "pk"
        )
        edit = EventFeed.snippet_viewset.get_url_name("edit")
        for feed in feeds:
            feed.edit_url = reverse(edit, args=[quote(feed.pk)])
        return feeds
