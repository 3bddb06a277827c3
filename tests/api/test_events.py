"""/api/v1/events/: the agenda's events with their dates, as JSON."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale

from events.models import Event, EventTag, Occurrence
from infopoint.cache import invalidate
from infopoint.translation import translate
from tests.api.conftest import queries
from tests.events.conftest import local

# Clock: events are dated from today.
pytestmark = [pytest.mark.django_db, pytest.mark.clock]

EVENTS = "/api/v1/events/"


def titles(data):
    return [item["title"] for item in data["results"]]


def days_ahead(days, hour=10):
    day = timezone.localdate() + timedelta(days=days)
    start = local(day.year, day.month, day.day, hour, 0)
    return {"start": start, "end": start + timedelta(hours=2)}


def test_lists_upcoming_events_with_their_dates_and_links(api_json, lunetten, make_event):
    make_event("Taalcafé", repeat="weekly", ends="count", repeat_count=3, **days_ahead(1))
    make_event("Buurtborrel", **days_ahead(3))

    data = api_json(lunetten, EVENTS)

    assert titles(data) == ["Taalcafé", "Buurtborrel"]
    cafe = data["results"][0]
    assert len(cafe["occurrences"]) == 3
    assert cafe["occurrences"][0]["start"].endswith(("+01:00", "+02:00"))
    page = f"http://lunetten.localhost/nl/agenda/{cafe['slug']}/"
    assert cafe["links"] == {
        "page": page,
        "ical": f"{page}calendar.ics",
        "jsonld": f"http://lunetten.localhost/api/v1/events/{cafe['id']}/jsonld/",
    }


def test_only_published_upcoming_events(api, api_json, lunetten, make_event):
    make_event("Gepubliceerd", **days_ahead(2))
    draft = make_event("Concept", publish=False, **days_ahead(2))
    past = make_event("Voorbij", **days_ahead(-3))
    # A published event with changes waiting in a draft: the published text only.
    changed = make_event("Oude titel", **days_ahead(4))
    changed.title = "Nieuwe titel in concept"
    changed.save_revision()

    data = api_json(lunetten, EVENTS)

    assert titles(data) == ["Gepubliceerd", "Oude titel"]
    for event in (draft, past):
        assert api(lunetten, f"{EVENTS}{event.translation_key}/").status_code == 404
        assert api(lunetten, f"{EVENTS}{event.translation_key}/jsonld/").status_code == 404
    assert "Nieuwe titel" not in api(lunetten, EVENTS).content.decode()


def test_an_unpublished_event_disappears(api_json, lunetten, make_event):
    event = make_event("Ingetrokken", **days_ahead(2))
    event.unpublish()

    assert titles(api_json(lunetten, EVENTS)) == []
    assert titles(api_json(None, EVENTS)) == []


def test_a_closed_venue_is_not_shown_with_its_event(api_json, lunetten, make_event, make_venue):
    venue = make_venue("Oud buurthuis")
    make_event("Bingo", venue=venue, **days_ahead(2))
    Venue = type(venue)
    Venue.objects.filter(pk=venue.pk).update(is_active=False)

    data = api_json(lunetten, EVENTS)

    assert titles(data) == ["Bingo"]
    assert data["results"][0]["venue"] is None
    assert "Oud buurthuis" not in str(data)


def test_filters_as_the_agenda_does(api_json, lunetten, make_event, make_venue, step_free):
    hall = make_venue("Drempelvrij huis", features=[step_free])
    make_event("Kindermiddag", audience="children", tags=["spel"], **days_ahead(1))
    make_event("Concert", is_free=False, price="€ 5", venue=hall, **days_ahead(5))
    make_event("Later", **days_ahead(20))

    def found(**params):
        return titles(api_json(lunetten, EVENTS, **params))

    soon = timezone.localdate() + timedelta(days=5)
    assert found(audience="children") == ["Kindermiddag"]
    assert found(tag="spel") == ["Kindermiddag"]
    assert found(free="true") == ["Kindermiddag", "Later"]
    assert found(step_free="true") == ["Concert"]
    assert found(venue="drempelvrij-huis") == ["Concert"]
    assert found(start=soon.isoformat(), end=soon.isoformat()) == ["Concert"]
    assert found(q="concert") == ["Concert"]


def test_the_dates_listed_are_those_in_the_window(api_json, lunetten, make_event):
    make_event("Wekelijks", repeat="weekly", ends="count", repeat_count=5, **days_ahead(1))
    second_week = timezone.localdate() + timedelta(days=8)

    data = api_json(lunetten, EVENTS, start=second_week.isoformat(), end=second_week.isoformat())

    [event] = data["results"]
    assert len(event["occurrences"]) == 1
    assert event["occurrences"][0]["start"][:10] == second_week.isoformat()


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"start": "yesterday"}, 422),
        ({"start": "0001-01-01"}, 400),
        ({"when": "someday"}, 422),
        ({"audience": "aliens"}, 422),
        ({"venue": "nowhere"}, 400),
        ({"tag": "unknown-tag"}, 400),
        ({"free": "maybe"}, 422),
    ],
)
def test_a_bad_parameter_is_a_problem_never_a_crash(api, lunetten, make_event, params, status):
    make_event("Taalcafé", **days_ahead(1))

    response = api(lunetten, EVENTS, **params)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"


def test_neighbourhood_and_portal_scope(api_json, lunetten, oost, make_event):
    make_event("Lunetten-markt", **days_ahead(1))
    make_event("Oost-markt", neighbourhood=oost, **days_ahead(2))

    assert titles(api_json(lunetten, EVENTS)) == ["Lunetten-markt"]
    assert titles(api_json(None, EVENTS)) == ["Lunetten-markt", "Oost-markt"]
    assert titles(api_json(None, EVENTS, neighbourhood="oost")) == ["Oost-markt"]
    portal_item = api_json(None, EVENTS)["results"][1]
    assert portal_item["links"]["page"].startswith("http://oost.localhost/nl/agenda/")


def test_language_with_the_dutch_fallback(api_json, lunetten, make_event):
    cafe = make_event("Taalcafé", **days_ahead(1))
    make_event("Buurtborrel", **days_ahead(2))
    translate(cafe, Locale.objects.get(language_code="en"), {"title": "Language café"})

    data = api_json(lunetten, EVENTS, lang="en")

    assert [(i["title"], i["language"]) for i in data["results"]] == [
        ("Language café", "en"),
        ("Buurtborrel", "nl"),
    ]
    assert data["results"][0]["links"]["page"].startswith("http://lunetten.localhost/en/events/")


def test_detail_and_jsonld(api, api_json, lunetten, make_event, make_venue):
    hall = make_venue("Buurthuis De Linde")
    event = make_event("Taalcafé", venue=hall, **days_ahead(1))

    detail = api_json(lunetten, f"{EVENTS}{event.translation_key}/")
    jsonld = api(lunetten, f"{EVENTS}{event.translation_key}/jsonld/")

    assert detail["venue"]["name"] == "Buurthuis De Linde"
    assert detail["venue"]["page"].startswith("http://lunetten.localhost/nl/ontmoetingsplekken/")
    assert jsonld["Content-Type"] == "application/ld+json"
    body = jsonld.json()
    assert body["@type"] == "Event" and body["name"] == "Taalcafé"
    assert body["location"]["url"] == detail["venue"]["page"]


def test_pages_stay_stable_while_events_are_added(api, api_json, lunetten, make_event):
    for days in (1, 3, 5, 7):
        make_event(f"Dag {days}", **days_ahead(days))

    first = api_json(lunetten, EVENTS, limit=2)
    make_event("Dag 0", **days_ahead(0, hour=23))  # before the cursor: not shown again later
    make_event("Dag 4", **days_ahead(4))
    second = api(lunetten, first["next"].removeprefix("http://lunetten.localhost")).json()

    assert titles(first) == ["Dag 1", "Dag 3"]
    assert titles(second) == ["Dag 4", "Dag 5"]


def _bulk_events(neighbourhood, count):
    start = days_ahead(1)["start"]
    events = Event.objects.bulk_create(
        Event(
            title=f"Activiteit {number}",
            slug=f"bulk-{number}",
            neighbourhood=neighbourhood,
            locale=Locale.get_default(),
            live=True,
            start=start,
            end=start + timedelta(hours=1),
        )
        for number in range(count)
    )
    Occurrence.objects.bulk_create(
        Occurrence(
            event=event,
            start=start + timedelta(days=week * 7),
            end=start + timedelta(days=week * 7, hours=1),
        )
        for event in events
        for week in range(3)
    )
    tag, _created = Tag.objects.get_or_create(name="bulk", slug="bulk")
    EventTag.objects.bulk_create(EventTag(content_object=event, tag=tag) for event in events)
    invalidate()  # bulk writes send no signals: forget the agenda's remembered choices


@pytest.mark.parametrize("params", [{}, {"tag": "bulk", "free": "true"}])
def test_the_list_costs_the_same_queries_with_10_and_500_events(api, lunetten, params):
    def call():
        response = api(lunetten, EVENTS, limit=100, **params)
        assert response.status_code == 200, response.content

    _bulk_events(lunetten, 10)
    few = queries(call)
    Event.objects.filter(slug__startswith="bulk-").delete()
    _bulk_events(lunetten, 500)
    many = queries(call)

    assert many == few


def test_dates_far_ahead_are_accepted(api_json, lunetten):
    assert api_json(lunetten, EVENTS, start=date(2999, 1, 1).isoformat())["count"] == 0
