"""The finder at /nl/ontmoetingsplekken/: every filter alone and together, bad input, the portal,
the Dutch fallback and the query budget."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.utils import get
from tests.venues.factories import VenueFactory
from venues.models import (
    AccessibilityFeature,
    Facility,
    OpeningHours,
    PriceClass,
    Venue,
    VenueKind,
    VenueRoom,
)

FINDER = "/nl/ontmoetingsplekken/"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# "Open now" is asked on a Tuesday at noon, unless a test moves the clock itself.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 12, 1, 12, 0, tzinfo=AMSTERDAM), tick=True),
]


def names(response):
    return sorted(venue.name for venue in response.context["venues"])


def found(client, neighbourhood, query=""):
    response = get(client, neighbourhood, f"{FINDER}?{query}")
    assert response.status_code == 200
    return names(response)


@pytest.fixture
def places(make_venue, terms, kitchen, step_free):
    wifi = Facility.objects.get(slug="wifi", locale__language_code="nl")
    lift = AccessibilityFeature.objects.get(slug="lift", locale__language_code="nl")
    always = [(day, time(0), time(23, 59)) for day in range(7)]
    venues = {
        "Buurthuis": make_venue(
            name="Buurthuis",
            capacity=60,
            facilities=[kitchen, wifi],
            accessibility=[step_free],
            price_class=PriceClass.FREE,
        ),
        "Bieb": make_venue(
            name="Bieb",
            kind=VenueKind.LIBRARY,
            capacity=40,
            facilities=[wifi],
            accessibility=[step_free, lift],
            price_class=PriceClass.FREE,
        ),
        "Café": make_venue(
            name="Café",
            kind=VenueKind.CAFE,
            capacity=10,
            facilities=[kitchen],
            accessibility=[step_free],
        ),
        "School": make_venue(
            name="School", kind=VenueKind.SCHOOL, capacity=200, facilities=[kitchen]
        ),
    }
    for day, opens, closes in always:
        OpeningHours.objects.create(venue=venues["Bieb"], weekday=day, opens=opens, closes=closes)
    # The café's small room is small, but its terrace takes 35: rooms count for capacity.
    VenueRoom.objects.create(venue=venues["Café"], name="Terras", capacity=35)
    return venues


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Bieb", "Buurthuis", "Café", "School"]),
        ("q=buurt", ["Buurthuis"]),
        ("kind=library", ["Bieb"]),
        ("facility=kitchen", ["Buurthuis", "Café", "School"]),
        ("facility=kitchen&facility=wifi", ["Buurthuis"]),
        ("access=step-free", ["Bieb", "Buurthuis", "Café"]),
        ("access=step-free&access=lift", ["Bieb"]),
        ("capacity=50", ["Buurthuis", "School"]),
        ("capacity=30", ["Bieb", "Buurthuis", "Café", "School"]),
        ("capacity=36", ["Bieb", "Buurthuis", "School"]),
        ("open_now=on", ["Bieb"]),
        ("free=on", ["Bieb", "Buurthuis"]),
    ],
)
def test_each_filter_alone(client, lunetten, places, query, expected):
    assert found(client, lunetten, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("access=step-free&facility=kitchen&capacity=30", ["Buurthuis", "Café"]),
        ("access=step-free&facility=kitchen&capacity=30&free=on", ["Buurthuis"]),
        ("access=step-free&free=on&open_now=on", ["Bieb"]),
        ("facility=wifi&kind=community-centre&q=huis", ["Buurthuis"]),
        ("facility=kitchen&open_now=on", []),
    ],
)
def test_filters_combine_with_and(client, lunetten, places, query, expected):
    assert found(client, lunetten, query) == expected


def test_free_and_capacity_are_matched_on_the_same_room(client, lunetten, make_venue):
    # The library is free to enter, but its only room for 60 is paid; its free room holds 20.
    library = make_venue(name="Bibliotheek", capacity=80, price_class=PriceClass.FREE)
    VenueRoom.objects.create(venue=library, name="Zaal", capacity=60, price_class=PriceClass.PAID)
    VenueRoom.objects.create(
        venue=library, name="Leeshoek", capacity=20, price_class=PriceClass.FREE
    )
    hall = make_venue(name="Buurthuis", capacity=10, price_class=PriceClass.PAID)
    VenueRoom.objects.create(venue=hall, name="Grote zaal", capacity=50, price_class="free")
    make_venue(name="Tuinhuis", capacity=50, price_class=PriceClass.FREE)  # no rooms
    make_venue(name="Kerk", capacity=50, price_class=PriceClass.PAID)

    assert found(client, lunetten, "capacity=50&free=on") == ["Buurthuis", "Tuinhuis"]
    assert found(client, lunetten, "capacity=20&free=on") == [
        "Bibliotheek",
        "Buurthuis",
        "Tuinhuis",
    ]
    assert found(client, lunetten, "capacity=50") == [
        "Bibliotheek",
        "Buurthuis",
        "Kerk",
        "Tuinhuis",
    ]


def test_the_result_count_and_an_empty_state_with_a_way_back(client, lunetten, places):
    page = get(client, lunetten, "/en/venues/?facility=kitchen").content.decode()
    assert "3 places found" in page

    empty = get(client, lunetten, "/en/venues/?facility=kitchen&open_now=on").content.decode()
    assert "0 places found" in empty
    assert "No place matches all of these filters." in empty
    assert '<a href="/en/venues/">Clear filters</a>' in empty


@pytest.mark.parametrize(
    "query",
    [
        "capacity=lots",
        "capacity=-4",
        "capacity=99999999999999999999",
        "facility=jacuzzi",
        "access=%00",
        "kind=castle",
        "page=abc",
        "page=999",
        "page=-1",
        "open_now=maybe&free=2",
        "q=" + "x" * 500,
        "neighbourhood=atlantis",
    ],
)
def test_invalid_filters_never_answer_500(client, lunetten, places, query):
    response = get(client, lunetten, f"{FINDER}?{query}")
    assert response.status_code == 200


def test_an_invalid_filter_is_explained_and_the_others_still_apply(client, lunetten, places):
    response = get(client, lunetten, "/en/venues/?capacity=lots&facility=kitchen")
    page = response.content.decode()
    assert "Some filters could not be used" in page
    assert "Enter a whole number." in page
    assert names(response) == ["Buurthuis", "Café", "School"]


def test_the_error_for_a_bad_choice_links_to_its_question(client, lunetten, places):
    # A group of checkboxes has no single input to point at: the link goes to its fieldset.
    page = get(client, lunetten, f"{FINDER}?facility=jacuzzi").content.decode()
    errors = page[page.index("venue-filters__errors") :]
    errors = errors[: errors.index("</ul>")]

    assert '<a href="#id_facility">Voorzieningen</a>' in errors
    assert 'href="#"' not in errors
    assert 'class="form__field form__choices form__field--error" id="id_facility"' in page


def test_twenty_per_page_and_the_pages_keep_the_filters(client, lunetten, make_venue, kitchen):
    for number in range(45):
        make_venue(name=f"Zaal {number:02d}", facilities=[kitchen])
    make_venue(name="Zonder keuken")

    first = get(client, lunetten, f"{FINDER}?facility=kitchen")
    third = get(client, lunetten, f"{FINDER}?facility=kitchen&page=3")

    assert len(first.context["venues"]) == 20
    assert first.context["paginator"].count == 45
    assert names(third) == [f"Zaal {n}" for n in range(40, 45)]
    assert 'href="?facility=kitchen&amp;page=2"' in first.content.decode()


def test_only_this_neighbourhoods_active_venues(client, lunetten, oost, make_venue):
    make_venue(name="Hier")
    make_venue(name="Gesloten", is_active=False)
    make_venue(name="Daar", neighbourhood=oost)

    assert found(client, lunetten) == ["Hier"]
    assert found(client, oost) == ["Daar"]


def test_the_portal_lists_every_neighbourhood_with_a_filter(
    client, portal, lunetten, oost, make_venue
):
    make_venue(name="Hier")
    make_venue(name="Daar", neighbourhood=oost)

    everything = client.get(FINDER, HTTP_HOST="localhost")
    only_oost = client.get(f"{FINDER}?neighbourhood=oost", HTTP_HOST="localhost")
    on_a_neighbourhood_site = get(client, lunetten, FINDER).content.decode()

    assert names(everything) == ["Daar", "Hier"]
    assert names(only_oost) == ["Daar"]
    assert 'name="neighbourhood"' in everything.content.decode()
    assert 'name="neighbourhood"' not in on_a_neighbourhood_site
    # Cards link to the venue's page on its own neighbourhood's site.
    assert 'href="http://oost.localhost/nl/ontmoetingsplekken/' in everything.content.decode()


def test_english_page_shows_an_untranslated_venue_in_dutch(client, lunetten, make_venue):
    translated = make_venue(name="Buurthuis", short_description="Een huis voor de buurt.")
    english = translated.copy_for_translation(
        translated.locale.__class__.objects.get(language_code="en")
    )
    english.name = "Community house"
    english.short_description = "A house for the neighbourhood."
    english.save()
    make_venue(name="Kerkzaal", short_description="Alleen in het Nederlands.")

    response = get(client, lunetten, "/en/venues/")
    page = response.content.decode()

    assert names(response) == ["Community house", "Kerkzaal"]
    assert "Buurthuis" not in page
    assert '<h3 class="card__title" lang="nl"><a class="card__link" href="/en/venues/' in page
    assert '<p class="card__text" lang="nl">Alleen in het Nederlands.</p>' in page
    assert '<p class="card__text">A house for the neighbourhood.</p>' in page


def test_english_page_shows_terms_in_english(client, lunetten, make_venue, kitchen):
    make_venue(name="Buurthuis", facilities=[kitchen])
    page = get(client, lunetten, "/en/venues/").content.decode()
    assert '<li class="venue-card__term">Kitchen</li>' in page
    assert '<label for="id_facility_' in page and ">Kitchen</label>" in page


def test_the_map_waits_for_a_click_and_has_every_result(client, lunetten, make_venue):
    make_venue(name="Op de kaart", latitude="52.06170", longitude="5.13920")
    make_venue(name="Zonder plek")
    page = get(client, lunetten, FINDER).content.decode()

    # The button is hidden until the script shows it; without JavaScript there is no map.
    assert "data-venue-map-toggle hidden" in page
    assert '"name": "Op de kaart"' in page and 'Zonder plek"' not in page
    assert "tile.openstreetmap.org" not in page
    assert 'src="/static/venues/js/finder-map.js"' in page


def test_the_map_names_its_marker_images_and_they_are_served(client, lunetten, make_venue):
    """Leaflet left alone looks for marker-icon.png under the page's own path (a 404 and a
    broken image on the map): the script is given the static files' URLs."""
    import re

    make_venue(name="Op de kaart", latitude="52.06170", longitude="5.13920")
    page = get(client, lunetten, FINDER).content.decode()
    script = re.search(r'<script src="/static/venues/js/finder-map.js"[^>]*>', page).group(0)
    for attribute, name in [
        ("data-marker-icon", "marker-icon.png"),
        ("data-marker-icon-retina", "marker-icon-2x.png"),
        ("data-marker-shadow", "marker-shadow.png"),
    ]:
        url = re.search(rf'{attribute}="([^"]+)"', script).group(1)
        assert url == f"/static/venues/vendor/leaflet/images/{name}"
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"


def test_the_tile_host_is_allowed_for_images_only(client, lunetten):
    policy = get(client, lunetten, FINDER)["Content-Security-Policy"]
    img = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert "https://tile.openstreetmap.org" in img
    assert policy.count("openstreetmap") == 1


def _create_venues(neighbourhood, count, kitchen, step_free):
    venues = Venue.objects.bulk_create(
        VenueFactory.build(
            neighbourhood=neighbourhood,
            capacity=40,
            latitude="52.06",
            longitude="5.13",
            last_checked=timezone.localdate(),
        )
        for _ in range(count)
    )
    Venue.facilities.through.objects.bulk_create(
        Venue.facilities.through(venue=venue, facility=kitchen) for venue in venues
    )
    Venue.accessibility_features.through.objects.bulk_create(
        Venue.accessibility_features.through(venue=venue, accessibilityfeature=step_free)
        for venue in venues
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(venue=venue, weekday=day, opens=time(9), closes=time(17))
        for venue in venues
        for day in range(5)
    )
    return venues


def count_queries(client, neighbourhood, path, django_assert_max_num_queries):
    get(client, neighbourhood, path)  # warm Wagtail's site-root cache
    with django_assert_max_num_queries(1000) as captured:
        response = get(client, neighbourhood, path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "moment",
    [
        pytest.param(datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM), id="Tuesday-10h-all-open"),
        pytest.param(datetime(2026, 12, 6, 12, 0, tzinfo=AMSTERDAM), id="Sunday-all-closed"),
    ],
)
@pytest.mark.parametrize(
    "query", ["", "?facility=kitchen&access=step-free&capacity=30&open_now=on&q=plek"]
)
def test_the_finder_runs_the_same_few_queries_for_10_and_300_venues(
    client, lunetten, kitchen, step_free, django_assert_max_num_queries, time_machine, moment, query
):
    # The venues open Monday to Friday 09:00–17:00: "open now" finds all of them, or none.
    time_machine.move_to(moment, tick=False)
    # The whole request counts: routing, menu and language switcher included.
    _create_venues(lunetten, 10, kitchen, step_free)
    with_10 = count_queries(client, lunetten, FINDER + query, django_assert_max_num_queries)
    _create_venues(lunetten, 290, kitchen, step_free)
    with_300 = count_queries(client, lunetten, FINDER + query, django_assert_max_num_queries)

    assert with_10 == with_300
    assert with_300 <= 12
    found = get(client, lunetten, FINDER + query).context["paginator"].count
    assert found == (0 if "open_now" in query and moment.weekday() == 6 else 300)


def test_the_portal_finder_runs_the_same_few_queries_for_10_and_300_venues(
    client, portal, lunetten, oost, kitchen, step_free, django_assert_max_num_queries
):
    _create_venues(lunetten, 5, kitchen, step_free)
    _create_venues(oost, 5, kitchen, step_free)
    with_10 = count_queries(client, portal, FINDER, django_assert_max_num_queries)
    _create_venues(oost, 290, kitchen, step_free)
    with_300 = count_queries(client, portal, FINDER, django_assert_max_num_queries)

    assert with_10 == with_300
    assert with_300 <= 12
