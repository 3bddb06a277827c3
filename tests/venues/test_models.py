"""The Venue snippet: validation, the query helper other apps use, the admin and the demo."""

from datetime import time

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.venues.factories import VenueFactory
from venues.demo import PLACES
from venues.links import attach_urls
from venues.models import AccessibilityFeature, OpeningHours, Venue, normalise_postcode
from venues.queries import venues_for_site

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("given", "stored"),
    [("3521az", "3521 AZ"), ("3521 AZ", "3521 AZ"), (" 3521  az ", " 3521  az ")],
)
def test_postcodes_are_stored_in_the_official_form(given, stored):
    assert normalise_postcode(given) == stored


@pytest.mark.parametrize("postcode", ["0123 AB", "3521 SA", "35210 AB", "3521", "AB 3521"])
def test_a_venue_refuses_a_postcode_that_is_not_dutch(make_venue, postcode):
    venue = make_venue()
    venue.postcode = postcode
    with pytest.raises(ValidationError) as error:
        venue.full_clean()
    assert "postcode" in error.value.message_dict


def test_coordinates_must_be_in_range_and_come_in_pairs(make_venue):
    venue = make_venue(latitude="52.1", longitude="5.1")
    venue.full_clean()

    venue.latitude = 91
    with pytest.raises(ValidationError, match="latitude"):
        venue.full_clean()
    venue.latitude, venue.longitude = 52.1, None
    with pytest.raises(ValidationError) as error:
        venue.full_clean()
    assert "longitude" in error.value.message_dict


def test_venues_for_site_is_locale_aware_with_the_dutch_fallback(lunetten, oost, make_venue):
    english = Locale.objects.get(language_code="en")
    both = make_venue(name="Buurthuis")
    translation = both.copy_for_translation(english)
    translation.name = "Community house"
    translation.save()
    make_venue(name="Kerkzaal")
    make_venue(name="Gesloten", is_active=False)
    make_venue(name="Elders", neighbourhood=oost)
    portal = Site.objects.get(is_default_site=True)

    dutch = [v.name for v in venues_for_site(lunetten.site, "nl")]
    in_english = [(v.name, v.locale.language_code) for v in venues_for_site(lunetten.site, "en")]
    city = [v.name for v in venues_for_site(portal, "nl")]

    assert dutch == ["Buurthuis", "Kerkzaal"]
    assert in_english == [("Community house", "en"), ("Kerkzaal", "nl")]
    assert city == ["Buurthuis", "Elders", "Kerkzaal"]


def test_listing_featured_venues_costs_a_fixed_number_of_queries(
    rf, lunetten, terms, step_free, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            venue = VenueFactory(neighbourhood=lunetten, accessibility=[step_free])
            OpeningHours.objects.create(venue=venue, weekday=0, opens=time(9), closes=time(17))

    def listing(budget=13):
        request = rf.get("/", HTTP_HOST="lunetten.localhost")
        # neighbourhood, venues, 4 prefetches, finder URLs for every neighbourhood (3), and
        # Wagtail's look-up of the request's site (a real request has done that already).
        with django_assert_max_num_queries(budget) as captured:
            venues = attach_urls(list(venues_for_site(lunetten.site, "en")), request, "en")
            rendered = [
                (v.get_url(), [t.label for t in v.accessibility_features.all()], v.is_open_at)
                for v in venues
            ]
        return rendered, len(captured)

    add(3)
    listing(budget=50)  # Wagtail computes the site root paths once per site, then caches them
    few, few_queries = listing()
    add(27)
    listing(budget=50)  # saving venues made the finders' addresses forgotten: remembered again
    many, many_queries = listing()

    assert (len(few), len(many)) == (3, 30)
    assert few_queries == many_queries
    assert many[0][0].startswith("/en/venues/plek-")
    assert many[0][1] == ["Step-free entrance"]


def test_the_step_free_contract(terms):
    assert AccessibilityFeature.STEP_FREE == "step-free"
    # One term per content language, all sharing the Dutch term's translation key.
    terms = AccessibilityFeature.objects.filter(slug="step-free")
    assert terms.count() == len(settings.LANGUAGES)
    assert terms.values("translation_key").distinct().count() == 1


@pytest.mark.clock  # the demo's agenda is built around today
def test_the_demo_has_at_least_eight_kinds_of_place_per_neighbourhood(demo_city):
    from infopoint.models import Neighbourhood

    for neighbourhood in Neighbourhood.objects.all():
        venues = Venue.objects.filter(neighbourhood=neighbourhood, locale__language_code="nl")
        assert venues.count() == len(PLACES) >= 8
        assert venues.values("kind").distinct().count() >= 8
        assert all(v.rooms.exists() and v.opening_hours.exists() for v in venues)


def test_admin_venue_editor_has_grouped_panels_a_map_and_inline_rooms(admin_client, lunetten):
    response = admin_client.get("/admin/snippets/venues/venue/add/")
    page = response.content.decode()

    assert response.status_code == 200
    headings = ["Wat is deze plek?", "Waar is het?", "Ruimtes en voorzieningen", "Openingstijden"]
    for heading in headings:  # the admin speaks Dutch
        assert heading in page
    assert "data-venue-map-picker" in page
    assert "venues/js/admin-map-picker.js" in page
    assert 'id="id_rooms-TOTAL_FORMS"' in page
    assert 'id="id_opening_exceptions-TOTAL_FORMS"' in page


def test_admin_creates_a_venue_with_rooms_and_hours(admin_client, lunetten, kitchen):
    data = {
        "name": "Nieuwe plek",
        "slug": "nieuwe-plek",
        "kind": "library",
        "neighbourhood": lunetten.pk,
        "city": "Utrecht",
        "postcode": "3521az",
        "price_class": "free",
        "closed_on_public_holidays": "on",
        "is_active": "on",
        "rooms": inline_formset([{"name": "Zaal", "capacity": "30", "price_class": "free"}]),
        "opening_hours": inline_formset([{"weekday": "1", "opens": "19:00", "closes": "22:00"}]),
        "opening_exceptions": inline_formset([]),
    }
    # Several values for one field stay a list (nested_form_data would number them).
    data = {**nested_form_data(data), "facilities": [kitchen.pk]}
    response = admin_client.post("/admin/snippets/venues/venue/add/", data)

    assert response.status_code == 302, response.context["form"].errors
    venue = Venue.objects.get(slug="nieuwe-plek")
    assert venue.postcode == "3521 AZ"
    assert [(r.name, r.capacity) for r in venue.rooms.all()] == [("Zaal", 30)]
    assert venue.opening_hours.get().closes == time(22)
    assert list(venue.facilities.all()) == [kitchen]


def test_admin_lists_and_filters_venues(admin_client, lunetten, oost, make_venue):
    make_venue(name="Plek in Lunetten")
    make_venue(name="Plek in Oost", neighbourhood=oost)

    page = admin_client.get(
        f"/admin/snippets/venues/venue/?neighbourhood={oost.pk}"
    ).content.decode()

    assert "Plek in Oost" in page and "Plek in Lunetten" not in page


def test_admin_preview_renders_the_venue_page(lunetten, make_venue):
    venue = make_venue(name="Voorbeeldplek", capacity=12)
    response = venue.make_preview_request()
    page = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Voorbeeldplek</h1>" in page
    assert '<script type="application/ld+json">' in page


@pytest.fixture
def lunetten_editor(client, lunetten, django_user_model):
    from django.contrib.auth.models import Permission

    # Granting these to the neighbourhood groups is create_neighbourhood's job (see the report).
    lunetten.editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="venues", codename__in=["add_venue", "change_venue"]
        )
    )
    user = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    user.groups.add(lunetten.editors)
    client.force_login(user)
    return client


def test_editors_see_and_edit_only_their_own_neighbourhoods_venues(
    lunetten_editor, lunetten, oost, make_venue
):
    own = make_venue(name="Plek in Lunetten")
    other = make_venue(name="Plek in Oost", neighbourhood=oost)

    listing = lunetten_editor.get("/admin/snippets/venues/venue/").content.decode()
    own_edit = lunetten_editor.get(f"/admin/snippets/venues/venue/edit/{own.pk}/")
    other_edit = lunetten_editor.get(f"/admin/snippets/venues/venue/edit/{other.pk}/")
    add_form = lunetten_editor.get("/admin/snippets/venues/venue/add/")

    assert "Plek in Lunetten" in listing and "Plek in Oost" not in listing
    assert own_edit.status_code == 200
    assert other_edit.status_code in (302, 403)
    choices = list(add_form.context["form"].fields["neighbourhood"].queryset)
    assert choices == [lunetten]
