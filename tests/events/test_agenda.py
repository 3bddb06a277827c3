"""The agenda page, its filters, month view, archive and event detail as residents see them."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Locale

from events import dates
from events.models import Event, Occurrence
from events.queries import upcoming_occurrences
from events.recurrence import parse_rule
from tests.events.conftest import local
from tests.utils import get

# Clock: events are dated from today; 'this week' and 'this weekend' move with it.
pytestmark = pytest.mark.clock


def soon(days, hour=19, minute=30):
    day = timezone.localdate() + timedelta(days=days)
    return local(day.year, day.month, day.day, hour, minute)


def titles(response):
    html = response.content.decode()
    return re.findall(r'class="occurrence__title"[^>]*>\s*<a href="[^"]*">([^<]+)</a>', html)


def at(day, hour=19):
    return local(day.year, day.month, day.day, hour, 0)


def test_upcoming_dates_grouped_by_day_with_cancelled_marked(client, lunetten, make_event):
    start = soon(1)
    make_event(
        "Koffie",
        repeat="weekly",
        start=start,
        end=start + timedelta(hours=1),
        exceptions=[{"date": (start + timedelta(weeks=1)).date(), "action": "cancel"}],
    )
    response = get(client, lunetten, "/nl/agenda/")
    html = response.content.decode()

    assert response.status_code == 200
    assert titles(response)[:3] == ["Koffie", "Koffie", "Koffie"]
    assert html.count('class="agenda-day__heading"') == 20  # one date per day, 20 per page
    assert "occurrence--cancelled" in html and "Geannuleerd" in html or "Cancelled" in html
    assert 'href="webcal://lunetten.localhost/nl/agenda/feed.ics"' in html


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("today", {"Wednesday"}),
        ("tomorrow", {"Thursday"}),
        ("weekend", {"Saturday", "Sunday"}),
        ("week", {"Wednesday", "Thursday", "Saturday", "Sunday"}),
        ("7days", {"Wednesday", "Thursday", "Saturday", "Sunday", "Next Tuesday"}),
        ("month", None),
    ],
)
def test_when_filters(client, lunetten, make_event, wednesday, when, expected):
    for offset, title in [
        (0, "Wednesday"),
        (1, "Thursday"),
        (3, "Saturday"),
        (4, "Sunday"),
        (6, "Next Tuesday"),
        (40, "Far away"),
    ]:
        day = wednesday + timedelta(days=offset)
        make_event(title, start=at(day, 23), end=at(day, 23) + timedelta(minutes=30))
    response = get(client, lunetten, f"/nl/agenda/?when={when}")
    if expected is None:
        month_end = dates.window_for("month", wednesday)[1]
        expected = {
            title
            for title, offset in [
                ("Wednesday", 0),
                ("Thursday", 1),
                ("Saturday", 3),
                ("Sunday", 4),
                ("Next Tuesday", 6),
            ]
            if wednesday + timedelta(days=offset) < month_end
        }
    assert set(titles(response)) == expected


def test_date_range_tag_audience_venue_free_step_free_and_text_filters(
    client, lunetten, make_event, make_venue, step_free
):
    ramp = make_venue("Buurthuis", features=[step_free])
    stairs = make_venue("Zolder")
    make_event(
        "Kinderdisco",
        start=soon(2),
        end=soon(2, 21),
        audience="children",
        tags=["muziek"],
        venue=ramp,
    )
    make_event(
        "Concert",
        start=soon(5),
        end=soon(5, 22),
        is_free=False,
        price="€ 10",
        tags=["muziek"],
        venue=stairs,
    )
    make_event(
        "Schaken", start=soon(9), end=soon(9, 22), summary="Denksport voor iedereen", venue=stairs
    )

    def shown(query):
        return set(titles(get(client, lunetten, f"/nl/agenda/?{query}")))

    assert shown("tag=muziek") == {"Kinderdisco", "Concert"}
    assert shown("audience=children") == {"Kinderdisco"}
    assert shown(f"venue={stairs.slug}") == {"Concert", "Schaken"}
    assert shown("free=on") == {"Kinderdisco", "Schaken"}
    assert shown("step_free=on") == {"Kinderdisco"}
    assert shown("q=denksport") == {"Schaken"}
    start, end = soon(4).date().isoformat(), soon(6).date().isoformat()
    assert shown(f"start={start}&end={end}") == {"Concert"}


INVALID_QUERIES = [
    "when=yesterday",
    "start=2026-02-31",
    "end=not-a-date",
    "tag=%00",
    "venue=nowhere",
    "audience=cats",
    "page=-1",
    "page=abc",
    "page=99999",
    "free=maybe",
    "q=" + "x" * 500,
    "neighbourhood=atlantis",
    "month=2026-13",
    "month=abc",
    "month=99999-1",
]


def test_invalid_filters_never_break_the_page(client, lunetten, make_event):
    # One set-up for every case: creating a neighbourhood costs seconds.
    make_event("Koffie", start=soon(1), end=soon(1, 21))
    for query in INVALID_QUERIES:
        for path in [
            "/nl/agenda/",
            "/nl/agenda/month/",
            "/nl/agenda/feed.ics",
            "/nl/agenda/archive/",
        ]:
            response = get(client, lunetten, f"{path}?{query}")
            assert response.status_code == 200, (path, query)


def test_pagination_keeps_the_filters(client, lunetten, make_event):
    start = soon(1)
    make_event("Koffie", repeat="daily", start=start, end=start + timedelta(hours=1))
    response = get(client, lunetten, "/nl/agenda/?free=on&when=month")
    html = response.content.decode()
    if response.context["paginator"].num_pages > 1:
        assert "?free=on&amp;when=month&amp;page=2" in html
    second = get(client, lunetten, "/nl/agenda/?free=on&when=7days&page=1")
    assert second.status_code == 200


def test_portal_shows_every_neighbourhood_with_a_neighbourhood_filter(
    client, portal, lunetten, oost, make_event
):
    make_event("In Lunetten", start=soon(1), end=soon(1, 21))
    make_event("In Oost", neighbourhood=oost, start=soon(2), end=soon(2, 21))
    everything = get(client, portal, "/nl/agenda/")
    assert titles(everything) == ["In Lunetten", "In Oost"]
    # Links lead to the event on its own neighbourhood's site.
    assert 'href="http://oost.localhost/nl/agenda/in-oost/"' in everything.content.decode()
    assert titles(get(client, portal, "/nl/agenda/?neighbourhood=oost")) == ["In Oost"]
    # A neighbourhood site shows only its own.
    assert titles(get(client, oost, "/nl/agenda/")) == ["In Oost"]


def test_english_agenda_falls_back_to_dutch_events(client, lunetten, make_event):
    dutch = make_event("Koffieochtend", start=soon(1), end=soon(1, 21))
    only_dutch = make_event("Buurtmarkt", start=soon(2), end=soon(2, 21))
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Coffee morning"
    english.save()
    english.save_revision().publish()

    response = get(client, lunetten, "/en/events/")
    html = response.content.decode()
    assert titles(response) == ["Coffee morning", "Buurtmarkt"]
    assert re.search(rf'lang="nl">\s*<a href="/en/events/{only_dutch.slug}/">Buurtmarkt', html)
    assert "Koffieochtend" not in html
    assert get(client, lunetten, f"/en/events/{dutch.slug}/").context["event"] == english


def test_month_view_is_a_table_of_days_with_links(client, lunetten, make_event):
    event = make_event("Markt", start=soon(0, 9), end=soon(0, 12))
    day = soon(0).date()
    response = get(client, lunetten, f"/nl/agenda/month/?month={day:%Y-%m}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>" in html and html.count('<th scope="col">') == 7
    assert f'href="/nl/agenda/{event.slug}/"' in html
    assert f"?month={(day.replace(day=28) + timedelta(days=5)):%Y-%m}" in html


def test_archive_lists_past_dates(client, lunetten, make_event):
    make_event("Afgelopen", start=soon(-10), end=soon(-10, 21))
    make_event("Komend", start=soon(3), end=soon(3, 21))
    assert titles(get(client, lunetten, "/nl/agenda/archive/")) == ["Afgelopen"]
    assert titles(get(client, lunetten, "/nl/agenda/")) == ["Komend"]


def test_detail_shows_dates_status_venue_and_json_ld(client, lunetten, make_event, make_venue):
    hall = make_venue("Buurthuis De Lunet", postcode="3524 BR", latitude="52.06", longitude="5.14")
    start = soon(1)
    event = make_event(
        "Taalcafé",
        repeat="weekly",
        start=start,
        end=start + timedelta(hours=2),
        venue=hall,
        is_free=False,
        price="€ 2",
        organiser="Bibliotheek",
        status="EventPostponed",
        exceptions=[{"date": (start + timedelta(weeks=1)).date(), "action": "cancel"}],
    )
    response = get(client, lunetten, f"/nl/agenda/{event.slug}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "event-banner" in html
    assert html.count("event-dates__item--cancelled") >= 1
    assert f"/nl/agenda/{event.slug}/calendar.ics" in html
    assert "calendar.google.com" in html and "outlook.live.com" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["postalCode"] == "3524 BR"
    assert data["organizer"]["name"] == "Bibliotheek"
    assert data["offers"]["description"] == "€ 2"
    assert data["startDate"] == start.isoformat()  # local time with its UTC offset
    assert data["startDate"][-6:] in {"+01:00", "+02:00"}


def test_online_event_json_ld_has_a_virtual_location(client, lunetten, make_event):
    event = make_event(
        "Spreekuur", start=soon(1), end=soon(1, 21), online_url="https://meet.example.org/x"
    )
    html = get(client, lunetten, f"/nl/agenda/{event.slug}/").content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}
    assert data["offers"]["price"] == "0"


def test_drafts_and_other_neighbourhoods_events_are_not_served(client, lunetten, oost, make_event):
    draft = make_event("Geheim", publish=False)
    theirs = make_event("Van Oost", neighbourhood=oost)
    assert get(client, lunetten, f"/nl/agenda/{draft.slug}/").status_code == 404
    assert get(client, lunetten, f"/nl/agenda/{theirs.slug}/").status_code == 404
    assert get(client, oost, f"/nl/agenda/{theirs.slug}/").status_code == 200


def test_sitemap_lists_this_sites_events_only(client, lunetten, oost, make_event):
    ours = make_event("Van Lunetten")
    theirs = make_event("Van Oost", neighbourhood=oost)
    make_event("Concept", publish=False)
    xml = get(client, lunetten, "/sitemap.xml").content.decode()
    assert f"http://lunetten.localhost/nl/agenda/{ours.slug}/" in xml
    assert theirs.slug not in xml
    assert "concept" not in xml


def _bulk(event, count):
    start = soon(1)
    Occurrence.objects.bulk_create(
        Occurrence(
            event=event,
            start=start + timedelta(hours=i),
            end=start + timedelta(hours=i, minutes=30),
        )
        for i in range(count)
    )


@pytest.mark.parametrize("count", [10, 2000])
def test_agenda_query_budget_does_not_grow(
    client, lunetten, make_event, make_venue, django_assert_max_num_queries, count
):
    venue = make_venue("Buurthuis")
    events = [make_event(f"Activiteit {i}", venue=venue, tags=["muziek"]) for i in range(3)]
    Occurrence.objects.all().delete()
    for event in events:
        _bulk(event, count // 3 + 1)
    get(client, lunetten, "/nl/agenda/")  # warm Wagtail's site-root cache like a running server
    with django_assert_max_num_queries(12) as context:
        response = get(client, lunetten, "/nl/agenda/?free=on&tag=muziek")
    assert len(titles(response)) == min(20, 3 * (count // 3 + 1))
    test_agenda_query_budget_does_not_grow.counts[count] = len(context.captured_queries)
    if len(test_agenda_query_budget_does_not_grow.counts) == 2:
        assert len(set(test_agenda_query_budget_does_not_grow.counts.values())) == 1


test_agenda_query_budget_does_not_grow.counts = {}


@pytest.mark.parametrize("path", ["/nl/agenda/month/", "/nl/agenda/feed.ics"])
def test_month_and_feed_budgets(client, lunetten, make_event, django_assert_max_num_queries, path):
    for i in range(5):
        make_event(f"Activiteit {i}", repeat="weekly", start=soon(i), end=soon(i, 21))
    get(client, lunetten, path)
    with django_assert_max_num_queries(14):
        assert get(client, lunetten, path).status_code == 200


def test_detail_query_budget(
    client, lunetten, make_event, make_venue, django_assert_max_num_queries
):
    event = make_event(
        "Taalcafé", repeat="weekly", venue=make_venue("Buurthuis"), start=soon(1), end=soon(1, 21)
    )
    get(client, lunetten, f"/nl/agenda/{event.slug}/")
    with django_assert_max_num_queries(12):
        assert get(client, lunetten, f"/nl/agenda/{event.slug}/").status_code == 200


def test_upcoming_occurrences_for_other_apps(
    lunetten, oost, make_event, make_venue, django_assert_num_queries
):
    hall = make_venue("Buurthuis")
    for i in range(4):
        make_event(f"Hier {i}", venue=hall, start=soon(i + 1), end=soon(i + 1, 21), tags=["muziek"])
    make_event("Elders", neighbourhood=oost, start=soon(1), end=soon(1, 21))
    make_event("Later", start=soon(30), end=soon(30, 21))

    upcoming_occurrences(limit=1)  # agenda page URLs are cached after the first call
    with django_assert_num_queries(1):
        found = upcoming_occurrences(neighbourhood=lunetten, venue=hall, days=14, limit=3)
    assert [o.event.title for o in found] == ["Hier 0", "Hier 1", "Hier 2"]
    assert found[0].url == "http://lunetten.localhost/nl/agenda/hier-0/"
    assert [o.event.title for o in upcoming_occurrences(tag="muziek", limit=10)] == [
        "Hier 0",
        "Hier 1",
        "Hier 2",
        "Hier 3",
    ]

    html = render_to_string("events/components/occurrence_list.html", {"occurrences": found})
    assert html.count('class="occurrence') >= 3
    assert f'datetime="{found[0].local_start.isoformat()}"' in html
    assert "19:30" in html


def test_event_search_index_finds_published_events(lunetten, make_event):
    make_event("Repair Café", summary="Samen repareren")
    from wagtail.search.backends import get_search_backend

    results = get_search_backend().search("repareren", Event.objects.filter(live=True))
    assert [e.title for e in results] == ["Repair Café"]


@pytest.mark.time_machine(datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
def test_add_to_calendar_offers_the_series_where_the_service_takes_one(
    client, lunetten, make_event
):
    from urllib.parse import parse_qs, urlsplit

    # Eight Wednesdays from 4 November: four are past on 1 December, four to come.
    series = make_event(
        "Taalcafé",
        repeat="weekly",
        start=local(2026, 11, 4, 19, 30),
        end=local(2026, 11, 4, 21, 0),
        ends="count",
        repeat_count=8,
    )
    once = make_event("Kinderdisco", start=local(2026, 12, 5, 15, 0), end=local(2026, 12, 5, 17))

    html = get(client, lunetten, f"/nl/agenda/{series.slug}/").content.decode()
    google = re.search(r'<a href="(https://calendar\.google\.com/[^"]+)"[^>]*>([^<]+)</a>', html)
    query = parse_qs(urlsplit(google.group(1).replace("&amp;", "&")).query)
    assert google.group(2) == "Alle data in Google Agenda zetten"
    (recur,) = query["recur"]
    assert parse_rule(recur) == parse_rule("FREQ=WEEKLY;BYDAY=WE;COUNT=4")
    assert query["dates"] == ["20261202T193000/20261202T210000"]
    assert query["ctz"] == ["Europe/Amsterdam"]
    # Outlook's link takes one date: it says so, and where to get them all.
    outlook = re.search(
        r'<a href="https://outlook\.live\.com/[^"]+"[^>]*>([^<]+)</a>([^<]*<span[^>]*>[^<]+)', html
    )
    assert outlook.group(1) == "De volgende datum in Outlook zetten"
    assert ".ics" in outlook.group(2)

    html = get(client, lunetten, f"/nl/agenda/{once.slug}/").content.decode()
    assert ">Toevoegen aan Google Agenda</a>" in html and "recur=" not in html
    assert ">Toevoegen aan Outlook</a>" in html
