"""Volunteers translate their own neighbourhood: editors and moderators may start a translation
of its pages and snippets, and of nothing in another neighbourhood; the listings offer it without
a query per row. (What they may do to an existing translation is in test_permission_matrix.)"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from events.models import Event
from infopoint.models import StandardPage
from infopoint.permissions import CITY_ADMINISTRATORS
from infopoint.translation import translate
from tests.infopoint.snippet_forms import make_event
from tests.venues.factories import VenueFactory

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

SNIPPET = "/admin/localize/submit/snippet/events/event/{pk}/"
PAGE = "/admin/localize/submit/page/{pk}/"


@pytest.fixture(params=["editors", "moderators"])
def volunteer(request, client, lunetten, django_user_model):
    user = django_user_model.objects.create_user("vrijwilliger", password="x")
    user.groups.add(getattr(lunetten, request.param))
    client.force_login(user)
    return client


def english():
    return Locale.objects.get(language_code="en")


def test_the_neighbourhood_groups_may_start_translations(lunetten):
    for group in (lunetten.editors, lunetten.moderators):
        assert group.permissions.filter(codename="submit_translation").exists()


def test_a_volunteer_translates_an_event_of_their_neighbourhood(volunteer, lunetten):
    event = make_event(lunetten, "Koffieochtend")
    url = SNIPPET.format(pk=event.pk)

    assert volunteer.get(url).status_code == 200
    response = volunteer.post(url, {"locales": [english().pk]})

    assert response.status_code == 302
    assert Event.objects.filter(translation_key=event.translation_key, locale=english()).exists()


def test_a_volunteer_cannot_translate_another_neighbourhoods_event(volunteer, oost):
    event = make_event(oost, "Markt")
    url = SNIPPET.format(pk=event.pk)

    assert volunteer.get(url).status_code in (302, 403)
    assert volunteer.post(url, {"locales": [english().pk]}).status_code in (302, 403)
    assert not Event.objects.filter(
        translation_key=event.translation_key, locale=english()
    ).exists()


def standard_page(neighbourhood, slug):
    page = StandardPage(title="Over ons", slug=slug)
    neighbourhood.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_volunteer_may_translate_a_page_of_their_neighbourhood_only(volunteer, lunetten, oost):
    own = standard_page(lunetten, "over-ons")
    other = standard_page(oost, "over-oost")

    assert volunteer.get(PAGE.format(pk=own.pk)).status_code == 200
    assert volunteer.get(PAGE.format(pk=other.pk)).status_code in (302, 403)
    volunteer.post(PAGE.format(pk=other.pk), {"locales": [english().pk]})
    assert not StandardPage.objects.filter(
        translation_key=other.translation_key, locale=english()
    ).exists()


def test_the_migration_lets_existing_groups_translate(lunetten):
    migration = importlib.import_module("home.migrations.0004_volunteers_translate")
    for group in (lunetten.editors, lunetten.moderators):
        group.permissions.remove(Permission.objects.get(codename="submit_translation"))

    migration.grant(apps, None)

    for group in (lunetten.editors, lunetten.moderators):
        assert group.permissions.filter(codename="submit_translation").exists()
    city = Group.objects.get(name=CITY_ADMINISTRATORS)
    assert city.permissions.filter(codename="submit_translation").exists()


# -- the listings' translation buttons ---------------------------------------------------------

VENUES = "/admin/snippets/venues/venue/"
EVENTS = "/admin/snippets/events/event/"


def test_the_venue_listing_offers_translate_and_sync(volunteer, lunetten):
    fresh = VenueFactory(neighbourhood=lunetten, name="Buurthuis Nieuw")
    translated = VenueFactory(neighbourhood=lunetten, name="Buurthuis Vertaald")
    translate(translated, english())

    html = volunteer.get(VENUES).content.decode()

    assert f"/admin/localize/submit/snippet/venues/venue/{fresh.pk}/" in html
    source = TranslationSource.objects.get_for_instance(translated)
    assert f"/admin/localize/update/{source.pk}/?next=" in html
    assert (
        f"/admin/localize/submit/snippet/venues/venue/{translated.pk}/" in html
    )  # Arabic, Turkish


def listing_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def make_rows(kind, neighbourhood, count, start):
    """`count` venues or events, every other one translated into English."""
    for number in range(start, start + count):
        if kind == "venue":
            item = VenueFactory(neighbourhood=neighbourhood, name=f"Buurthuis {number}")
        else:
            item = make_event(neighbourhood, f"Koffie {number}")
        if number % 2:
            translate(item, english())


# 21 when measured with the translate buttons; then one query each for the listing's languages
# column, Wagtail's locale filter (the editor's language is the default) and two-step sign-in's
# device check.
@pytest.mark.parametrize(("kind", "url", "budget"), [("venue", VENUES, 24), ("event", EVENTS, 24)])
def test_a_listing_with_translate_buttons_costs_the_same_for_10_and_40_rows(
    client, lunetten, django_user_model, kind, url, budget
):
    editor = django_user_model.objects.create_user("lunetten-editor")
    editor.groups.add(lunetten.editors)
    client.force_login(editor)
    make_rows(kind, lunetten, 10, 0)
    listing_queries(client, url)  # the first request also remembers the site
    ten = listing_queries(client, url)
    make_rows(kind, lunetten, 30, 10)
    listing_queries(client, url)  # saving made the site forget it; the first one remembers
    forty = listing_queries(client, url)

    assert forty == ten
    assert ten <= budget


def test_the_page_explorer_offers_translate_without_a_query_per_page(
    client, lunetten, django_user_model
):
    """Wagtail's explorer itself costs more with more pages; the translation buttons add nothing
    per page (wagtail-localize's own hook asked two queries for each)."""
    permission = Permission.objects.get(codename="submit_translation")
    folder = StandardPage(title="Map", slug="map")
    lunetten.site.root_page.add_child(instance=folder)
    translated = StandardPage(title="Vertaald", slug="vertaald")
    folder.add_child(instance=translated)
    translate(translated, english())
    url = f"/admin/pages/{folder.pk}/"

    def explorer_queries(may_translate):
        if may_translate:
            lunetten.editors.permissions.add(permission)
        else:
            lunetten.editors.permissions.remove(permission)
        editor = django_user_model.objects.get_or_create(username="lunetten-editor")[0]
        editor.groups.add(lunetten.editors)
        client.force_login(editor)
        listing_queries(client, url)  # the first request remembers the site
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        return len(queries), html

    def add_pages(count, start):
        for number in range(start, start + count):
            folder.add_child(instance=StandardPage(title=f"Pagina {number}", slug=f"p-{number}"))

    add_pages(9, 0)
    ten_with, html = explorer_queries(True)
    ten_without, _html = explorer_queries(False)
    add_pages(30, 10)
    forty_with, _html = explorer_queries(True)
    forty_without, _html = explorer_queries(False)

    assert forty_with - ten_with == forty_without - ten_without
    page = folder.get_children().get(slug="p-0")
    assert f"/admin/localize/submit/page/{page.pk}/" in html
    source = TranslationSource.objects.get_for_instance(translated)
    assert f"/admin/localize/update/{source.pk}/" in html
