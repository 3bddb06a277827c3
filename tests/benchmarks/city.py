"""A city-sized Wijkinfo for `make bench`: many neighbourhoods, places, events, dates and pages,
written through bulk paths (minutes, not hours).

`build_city(Scale(...))` adds the scale's content to neighbourhoods it creates the normal way
(`create_neighbourhood`, so every site, home page, section, group and workflow is real) and returns
the counts and how long each part took. The content is plausible, not pretty: names with numbers,
venues with rooms and weekly hours, events of which a third repeat (weekly, fortnightly or
monthly), their occurrences up to the horizon, news items and guides. A small scale of the same
code runs in the test suite (tests/benchmarks/test_city.py), so the generator cannot rot.
"""

import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock_time
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from events.models import Event, EventIndexPage, Occurrence
from events.occurrences import horizon, occurrence_rows
from events.recurrence import TZ, expand
from home.neighbourhoods import create_neighbourhood
from infopoint.cache import invalidate
from infopoint.models import GuideIndexPage, GuidePage, NewsIndexPage, NewsPage
from tests.bulk import publish_in_bulk
from venues.models import OpeningHours, PriceClass, Venue, VenueKind, VenueRoom

REPEATS = [("weekly", 1), ("weekly", 2), ("monthly_weekday", 1)]
TOPICS = ["money", "care", "living", "family", "work", "other"]
KINDS = [kind for kind, _label in VenueKind.choices]


@dataclass
class Scale:
    neighbourhoods: int = 20
    venues: int = 10_000
    events: int = 50_000
    news: int = 5_000
    guides: int = 1_000
    recurring_share: float = 1 / 3
    seed: int = 2026

    def per(self, total):
        return max(total // self.neighbourhoods, 1)


@dataclass
class City:
    neighbourhoods: list
    counts: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)


def _timed(city, name, build):
    started = time.perf_counter()
    result = build()
    city.seconds[name] = round(time.perf_counter() - started, 1)
    return result


def _neighbourhoods(scale):
    made = []
    for number in range(scale.neighbourhoods):
        slug = f"wijk-{number:02d}"
        neighbourhood, _created = create_neighbourhood(
            f"Wijk {number:02d}", hostname=f"{slug}.localhost", port=80, slug=slug
        )
        made.append(neighbourhood)
    return made


def _venues(neighbourhoods, scale, rng):
    dutch = Locale.get_default()
    venues = Venue.objects.bulk_create(
        Venue(
            name=f"Plek {n.slug} {number:04d}",
            slug=f"plek-{n.slug}-{number:04d}",
            kind=rng.choice(KINDS),
            neighbourhood=n,
            locale=dutch,
            translation_key=uuid.uuid4(),
            short_description=f"Een plek in {n.name} om samen te komen.",
            street=f"Straat {number % 97}",
            house_number=str(number % 150 + 1),
            postcode="3526 AB",
            latitude=Decimal(f"{52.06 + rng.random() / 20:.5f}"),
            longitude=Decimal(f"{5.10 + rng.random() / 20:.5f}"),
            capacity=rng.choice([10, 20, 40, 80, 150]),
            price_class=rng.choice([c for c, _l in PriceClass.choices]),
            closed_on_public_holidays=rng.random() < 0.5,
        )
        for n in neighbourhoods
        for number in range(scale.per(scale.venues))
    )
    VenueRoom.objects.bulk_create(
        VenueRoom(
            venue=venue,
            name=f"Zaal {room}",
            capacity=rng.choice([8, 15, 30, 60]),
            price_class=rng.choice([c for c, _l in PriceClass.choices]),
            locale=dutch,
            translation_key=uuid.uuid4(),
            sort_order=room,
        )
        for venue in venues
        for room in range(rng.randint(0, 3))
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(venue=venue, weekday=day, opens=clock_time(9), closes=clock_time(17))
        for venue in venues
        for day in range(5)
        if rng.random() < 0.8
    )
    for backend in get_search_backends():
        backend.add_bulk(Venue, venues)
    return venues


def _events(neighbourhoods, venues_by_neighbourhood, scale, rng):
    dutch = Locale.get_default()
    today = timezone.localdate()
    now = timezone.now()
    events = []
    for n in neighbourhoods:
        places = venues_by_neighbourhood[n.pk]
        for number in range(scale.per(scale.events)):
            day = today + timedelta(days=rng.randint(-30, 180))
            start = datetime.combine(day, clock_time(rng.choice([10, 14, 19]), 30), tzinfo=TZ)
            repeat, interval = ("none", 1)
            if rng.random() < scale.recurring_share:
                repeat, interval = rng.choice(REPEATS)
            events.append(
                Event(
                    title=f"Activiteit {n.slug} {number:05d}",
                    slug=f"activiteit-{number:05d}",
                    neighbourhood=n,
                    locale=dutch,
                    translation_key=uuid.uuid4(),
                    summary="Samen iets doen in de wijk.",
                    start=start,
                    end=start + timedelta(hours=2),
                    repeat=repeat,
                    interval=interval,
                    venue=rng.choice(places) if places else None,
                    is_free=rng.random() < 0.6,
                    audience=rng.choice(["everyone", "children", "seniors", "adults"]),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
    events = Event.objects.bulk_create(events, batch_size=2000)
    until = horizon()
    rows = []
    count = 0
    for event in events:
        rows.extend(occurrence_rows(event, expand(event.schedule(changes=[]), until)))
        if len(rows) >= 20_000:
            count += len(Occurrence.objects.bulk_create(rows, batch_size=5000))
            rows = []
    count += len(Occurrence.objects.bulk_create(rows, batch_size=5000))
    for backend in get_search_backends():
        backend.add_bulk(Event, events)
    return events, count


def _pages(neighbourhoods, scale):
    today = timezone.localdate()
    news_count = guide_count = 0
    for n in neighbourhoods:
        home = n.site.root_page
        news_index = NewsIndexPage.objects.child_of(home).get()
        guide_index = GuideIndexPage.objects.child_of(home).get()
        news = [
            NewsPage(
                title=f"Nieuws uit {n.name} {number:04d}",
                slug=f"nieuws-{number:04d}",
                date=today - timedelta(days=number % 400),
                intro=f"<p>Samenvatting {number}</p>",
                body=[{"type": "paragraph", "value": f"<p>Tekst {number}</p>"}],
            )
            for number in range(scale.per(scale.news))
        ]
        news_count += len(publish_in_bulk(news_index, news))
        guides = [
            GuidePage(
                title=f"Wegwijzer {n.name} {number:03d}",
                slug=f"wegwijzer-{number:03d}",
                topic=TOPICS[number % len(TOPICS)],
                intro=f"<p>Zo werkt het, deel {number}.</p>",
                last_checked=today - timedelta(days=number % 500),
            )
            for number in range(scale.per(scale.guides))
        ]
        guide_count += len(publish_in_bulk(guide_index, guides))
    return news_count, guide_count


def build_city(scale=None):
    """Add a city of `scale` to the database; returns a City with counts and seconds."""
    scale = scale or Scale()
    rng = random.Random(scale.seed)
    city = City(neighbourhoods=[])
    city.neighbourhoods = _timed(city, "neighbourhoods", lambda: _neighbourhoods(scale))
    venues = _timed(city, "venues", lambda: _venues(city.neighbourhoods, scale, rng))
    by_neighbourhood = {}
    for venue in venues:
        by_neighbourhood.setdefault(venue.neighbourhood_id, []).append(venue)
    events, occurrences = _timed(
        city, "events", lambda: _events(city.neighbourhoods, by_neighbourhood, scale, rng)
    )
    news, guides = _timed(city, "pages", lambda: _pages(city.neighbourhoods, scale))
    # Bulk writes send no signals: forget what was remembered, as a real change would.
    invalidate()
    city.counts = {
        "neighbourhoods": len(city.neighbourhoods),
        "venues": len(venues),
        "events": len(events),
        "recurring events": sum(event.repeat != "none" for event in events),
        "occurrences": occurrences,
        "news items": news,
        "guides": guides,
        "agenda pages": EventIndexPage.objects.count(),
    }
    return city
