"""A venue's page at <finder>/<slug>/: what a resident needs, JSON-LD, report link, sitemap."""

import json
import re
from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from events.models import Event
from events.recurrence import TZ
from tests.utils import get
from venues.models import (
    AccessibilityFeature,
    OpeningException,
    OpeningHours,
    PriceClass,
    VenueRoom,
)

FINDER = "/nl/ontmoetingsplekken/"
# The venue below is open all day, every day, but closed on 31 December 2026: a Tuesday
# afternoon four weeks before, so "open now", "this week" and the coming closure are known.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 12, 1, 15, 0, tzinfo=TZ), tick=True),
]


@pytest.fixture
def venue(make_venue, kitchen, step_free):
    venue = make_venue(
        name="Buurthuis De Ster",
        slug="buurthuis-de-ster",
        street="Hoofdstraat",
        house_number="12",
        postcode="3526 AB",
        latitude="52.06170",
        longitude="5.13920",
        capacity=80,
        phone="030 123 45 67",
        price_class=PriceClass.FREE,
        facilities=[kitchen],
        accessibility=[step_free],
        last_checked=date(2026, 9, 1),
    )
    VenueRoom.objects.create(
        venue=venue,
        name="Grote zaal",
        capacity=80,
        price_class=PriceClass.PAID,
        tariff="€ 15 per dagdeel",
        booking="https://example.org/boek",
    )
    for day in range(7):
        OpeningHours.objects.create(venue=venue, weekday=day, opens=time(0), closes=time(23, 59))
    OpeningException.objects.create(venue=venue, date=date(2026, 12, 31), closed=True)
    return venue


def json_ld(page):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_detail_shows_what_a_resident_needs(client, lunetten, venue):
    response = get(client, lunetten, f"{FINDER}buurthuis-de-ster/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Buurthuis De Ster</h1>" in page
    assert "Hoofdstraat 12" in page and "3526 AB" in page
    assert "Grote zaal" in page and "€ 15 per dagdeel" in page
    assert 'href="https://example.org/boek"' in page
    assert 'aria-current="date"' in page
    assert 'class="badge badge--open"' in page  # open all day, every day
    assert "Keuken" in page and "Drempelvrije ingang" in page
    assert '<time datetime="2026-09-01">' in page
    assert f'href="{FINDER}buurthuis-de-ster/report/"' in page


def test_the_coming_closures_and_changed_hours_of_the_next_eight_weeks_are_shown(
    client, lunetten, venue
):
    venue.closed_on_public_holidays = True
    venue.save()
    OpeningException.objects.create(
        venue=venue,
        date=date(2026, 12, 24),
        closed=False,
        opens=time(10),
        closes=time(14),
        note="Kerstavond",
    )
    OpeningException.objects.create(
        venue=venue, date=date(2027, 2, 15), closed=True, note="Verbouwing"
    )

    page = get(client, lunetten, f"{FINDER}buurthuis-de-ster/").content.decode()
    changes = re.search(r'<ul class="venue-hours__changes".*?</ul>', page, re.S)

    assert changes, "no coming changes on the page"
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", changes.group(0)))
    assert "donderdag 24 december : 10:00–14:00 (Kerstavond)" in text
    assert "vrijdag 25 december : gesloten" in text  # Christmas: closed on public holidays
    assert "donderdag 31 december : gesloten" in text
    assert '<time datetime="2026-12-31">' in changes.group(0)
    assert "Verbouwing" not in page  # more than eight weeks ahead


def test_the_venue_url_contract(rf, lunetten, venue):
    request = rf.get("/", HTTP_HOST="lunetten.localhost")
    assert venue.get_url(request) == f"{FINDER}buurthuis-de-ster/"
    assert venue.get_url() == f"http://lunetten.localhost{FINDER}buurthuis-de-ster/"


def test_json_ld_is_a_schema_org_place(client, lunetten, venue, terms):
    data = json_ld(get(client, lunetten, f"{FINDER}buurthuis-de-ster/").content.decode())

    assert data["@type"] == "Place"
    assert data["address"]["postalCode"] == "3526 AB"
    assert data["address"]["streetAddress"] == "Hoofdstraat 12"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 52.0617, "longitude": 5.1392}
    assert data["maximumAttendeeCapacity"] == 80
    assert data["isAccessibleForFree"] is True
    assert data["url"] == "http://lunetten.localhost/nl/ontmoetingsplekken/buurthuis-de-ster/"
    weekly = [s for s in data["openingHoursSpecification"] if "dayOfWeek" in s]
    assert len(weekly) == 7 and weekly[0]["dayOfWeek"] == "https://schema.org/Monday"
    closed = [s for s in data["openingHoursSpecification"] if "validFrom" in s]
    assert closed == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-31",
            "validThrough": "2026-12-31",
            "opens": "00:00",
            "closes": "00:00",
        }
    ]
    features = {f["identifier"]: f for f in data["amenityFeature"]}
    assert features[AccessibilityFeature.STEP_FREE]["value"] is True
    assert features["kitchen"]["@type"] == "LocationFeatureSpecification"
    assert "accessibilityFeature" not in data


def test_unknown_closed_or_foreign_venues_are_404(client, lunetten, oost, make_venue, venue):
    make_venue(slug="gesloten", is_active=False)
    make_venue(slug="in-oost", neighbourhood=oost)

    assert get(client, lunetten, f"{FINDER}bestaat-niet/").status_code == 404
    assert get(client, lunetten, f"{FINDER}gesloten/").status_code == 404
    assert get(client, lunetten, f"{FINDER}in-oost/").status_code == 404
    assert get(client, oost, f"{FINDER}in-oost/").status_code == 200


def test_an_english_page_for_an_untranslated_venue_shows_it_in_dutch(client, lunetten, venue):
    page = get(client, lunetten, "/en/venues/buurthuis-de-ster/").content.decode()
    assert '<article class="venue-detail" lang="nl">' in page
    assert "Opening hours this week" in page
    assert "Kitchen" in page  # the vocabulary is translated even where the venue is not


def test_the_portal_sends_residents_to_the_neighbourhood_page(client, portal, venue):
    response = client.get(f"{FINDER}buurthuis-de-ster/", HTTP_HOST="localhost")
    assert response.status_code == 302
    assert (
        response["Location"] == "http://lunetten.localhost/nl/ontmoetingsplekken/buurthuis-de-ster/"
    )


def _hold_events_and_rooms(venue, count):
    """`count` more rooms, and `count` published events held at the venue next week."""
    tomorrow = timezone.localtime() + timedelta(days=1)
    for number in range(count):
        VenueRoom.objects.create(venue=venue, name=f"Zaal {number}", capacity=10 + number)
        event = Event(
            title=f"Activiteit {number}",
            neighbourhood=venue.neighbourhood,
            venue=venue,
            locale=venue.locale,
            start=tomorrow + timedelta(hours=number),
            end=tomorrow + timedelta(hours=number + 1),
            live=False,
        )
        event.save()
        event.save_revision().publish()


@pytest.mark.parametrize("count", [1, 10])
def test_the_whole_detail_page_costs_at_most_ten_queries(
    client, lunetten, venue, django_assert_max_num_queries, count
):
    _hold_events_and_rooms(venue, count)
    path = f"{FINDER}buurthuis-de-ster/"
    get(client, lunetten, path)  # the first visit remembers the route and the menus

    with django_assert_max_num_queries(10):
        response = get(client, lunetten, path)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Zaal {count - 1}" in page
    assert "Activiteit 0" in page


def test_report_outdated_information_reaches_the_neighbourhood_editors(
    client, lunetten, venue, django_user_model
):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(lunetten.editors)
    moderator = django_user_model.objects.create_user("mo", "mo@example.org", "x")
    moderator.groups.add(lunetten.moderators)
    django_user_model.objects.create_user("other", "other@example.org", "x")
    csrf_client = Client(enforce_csrf_checks=False)
    url = f"{FINDER}buurthuis-de-ster/report/"

    form = get(csrf_client, lunetten, url)
    sent = csrf_client.post(
        url,
        {"message": "De lift is kapot.", "email": "bewoner@example.org"},
        HTTP_HOST="lunetten.localhost",
    )

    assert form.status_code == 200 and "<textarea" in form.content.decode()
    assert sent.status_code == 200
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["ed@example.org", "mo@example.org"]
    assert "De lift is kapot." in mail.outbox[0].body
    assert "bewoner@example.org" in mail.outbox[0].body
    assert f"/admin/snippets/venues/venue/edit/{venue.pk}/" in mail.outbox[0].body


def test_an_empty_report_sends_nothing_and_says_what_to_fix(client, lunetten, venue):
    response = client.post(
        f"{FINDER}buurthuis-de-ster/report/", {"message": ""}, HTTP_HOST="lunetten.localhost"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert mail.outbox == []
    # The message box says what is wrong, and the box itself is marked invalid and points to it.
    assert '<p class="form__error" id="id_message_error">Dit is een verplicht veld.</p>' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_message_helptext id_message_error"' in html


def test_reports_from_one_address_are_limited_and_the_limit_says_so(
    client, lunetten, venue, make_venue, django_user_model, settings
):
    settings.REPORT_RATE_LIMIT = (2, 3600)
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(lunetten.editors)
    make_venue(name="Bibliotheek", slug="bibliotheek")

    def report(slug, address="192.0.2.1"):
        return client.post(
            f"{FINDER}{slug}/report/",
            {"message": "De lift is kapot."},
            HTTP_HOST="lunetten.localhost",
            REMOTE_ADDR=address,
        )

    assert report("buurthuis-de-ster").status_code == 200
    assert report("bibliotheek").status_code == 200
    refused = report("buurthuis-de-ster")
    other_resident = report("buurthuis-de-ster", address="192.0.2.99")

    assert refused.status_code == 429
    assert "in korte tijd meerdere berichten" in refused.content.decode()
    assert other_resident.status_code == 200
    assert len(mail.outbox) == 3


def test_the_sitemap_lists_this_sites_venue_pages_only(client, lunetten, oost, make_venue, venue):
    make_venue(slug="in-oost", neighbourhood=oost)
    make_venue(slug="gesloten", is_active=False)

    sitemap = client.get("/sitemap.xml", HTTP_HOST="lunetten.localhost").content.decode()
    portal = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()

    assert (
        "<loc>http://lunetten.localhost/nl/ontmoetingsplekken/buurthuis-de-ster/</loc>" in sitemap
    )
    assert "<loc>http://lunetten.localhost/en/venues/buurthuis-de-ster/</loc>" in sitemap
    assert "in-oost" not in sitemap and "gesloten" not in sitemap
    assert "buurthuis-de-ster" not in portal


def test_the_language_switcher_stays_on_the_venue(client, lunetten, venue):
    page = get(client, lunetten, f"{FINDER}buurthuis-de-ster/").content.decode()
    assert 'href="/en/venues/buurthuis-de-ster/" lang="en" hreflang="en"' in page
    assert 'href="/nl/ontmoetingsplekken/buurthuis-de-ster/" lang="nl" hreflang="nl"' in page
