"""The demo agenda shows every kind of event the issue asks for, in every neighbourhood."""

import pytest
from django.db.models import Count, Q

from events.links import feed_urls
from events.models import Event, Occurrence
from infopoint.models import Neighbourhood
from venues.models import Venue

# Clock: the demo's agenda is built around today.
pytestmark = pytest.mark.clock


def test_demo_agenda_has_every_kind_of_event(demo_city, rf):
    for neighbourhood in Neighbourhood.objects.all():
        events = Event.objects.filter(neighbourhood=neighbourhood, live=True)
        assert events.count() >= 15
        assert {"weekly", "monthly_weekday"} <= set(events.values_list("repeat", flat=True))
        assert events.filter(repeat="weekly", interval=2).exists()  # fortnightly
        assert events.filter(online_url__gt="", venue=None).exists()
        assert events.filter(all_day=True).exists()  # the multi-day festival
        assert events.filter(is_free=True).exists() and events.filter(is_free=False).exists()
        assert len(set(events.values_list("audience", flat=True))) >= 4
        rows = Occurrence.objects.filter(event__neighbourhood=neighbourhood)
        assert rows.filter(cancelled=True).exists() and rows.filter(moved=True).exists()
        # Each event has dates; a series has many.
        counts = events.annotate(n=Count("occurrences", filter=Q(occurrences__cancelled=False)))
        assert all(event.n >= 1 for event in counts)

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    request = rf.get("/", HTTP_HOST="lunetten.localhost")
    # The demo's events are held at the demo's venues.
    assert Event.objects.filter(neighbourhood=lunetten, venue__neighbourhood=lunetten).count() >= 8
    venue = Venue.objects.filter(neighbourhood=lunetten, locale__language_code="nl").first()
    url, webcal = feed_urls(request, neighbourhood=lunetten, venue=venue)
    assert url == f"http://lunetten.localhost/nl/agenda/feed.ics?venue={venue.slug}"
    assert webcal == f"webcal://lunetten.localhost/nl/agenda/feed.ics?venue={venue.slug}"
