"""New and moved items stay in the editor's neighbourhood; venues stay with their events."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, EventFeed
from home.neighbourhoods import ensure_portal
from infopoint.permissions import CITY_ADMINISTRATORS, NeighbourhoodPermissionPolicy
from tests.infopoint.snippet_forms import form_data, make_event
from tests.venues.factories import VenueFactory
from venues.models import Venue

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

ADD = "/admin/snippets/{app}/{model}/add/"
EDIT = "/admin/snippets/{app}/{model}/edit/{pk}/"


@pytest.fixture
def editor(client, lunetten, django_user_model):
    user = django_user_model.objects.create_user("redacteur", password="x")
    user.groups.add(lunetten.editors)
    client.force_login(user)
    return client


def add_url(model):
    return ADD.format(app=model._meta.app_label, model=model._meta.model_name)


def edit_url(item):
    opts = item._meta
    return EDIT.format(app=opts.app_label, model=opts.model_name, pk=item.pk)


@pytest.mark.parametrize("model", [Venue, Event, EventFeed])
def test_a_new_item_offers_and_fills_in_the_editors_own_neighbourhood(editor, lunetten, model):
    form = editor.get(add_url(model)).context["form"]

    assert list(form.fields["neighbourhood"].queryset) == [lunetten]
    assert form["neighbourhood"].value() == lunetten.pk


def test_a_new_venue_in_another_neighbourhood_is_refused_and_not_stored(editor, lunetten, oost):
    template = VenueFactory.build(neighbourhood=oost, slug="plek-in-oost")

    response = editor.post(add_url(Venue), form_data(template))

    assert response.status_code == 200
    assert "Kies een van de wijken waarvoor u werkt." in response.content.decode()
    assert not Venue.objects.filter(slug="plek-in-oost").exists()


def test_an_editor_cannot_move_their_event_to_another_neighbourhood(editor, lunetten, oost):
    event = make_event(lunetten, "Buurtlunch")

    response = editor.post(edit_url(event), form_data(event, neighbourhood=oost.pk))

    assert response.status_code == 200
    assert "Kies een van de wijken waarvoor u werkt." in response.content.decode()
    event.refresh_from_db()
    assert event.neighbourhood == lunetten
    assert event.get_latest_revision_as_object().neighbourhood == lunetten


def test_the_event_form_offers_only_the_editors_venues(editor, lunetten, oost):
    own = VenueFactory(neighbourhood=lunetten)
    VenueFactory(neighbourhood=oost)

    form = editor.get(add_url(Event)).context["form"]

    assert list(form.fields["venue"].queryset) == [own]


def test_an_event_whose_venue_is_in_another_neighbourhood_is_refused(admin_client, lunetten, oost):
    venue_in_oost = VenueFactory(neighbourhood=oost)
    event = make_event(lunetten, "Buurtlunch")

    response = admin_client.post(edit_url(event), form_data(event, venue=venue_in_oost.pk))

    assert response.status_code == 200
    assert (
        "Kies een ontmoetingsplek in Lunetten, de wijk waar dit bij hoort."
        in response.content.decode()
    )
    assert event.get_latest_revision_as_object().venue is None


def test_a_feeds_default_venue_must_be_in_its_neighbourhood(admin_client, lunetten, oost):
    venue_in_oost = VenueFactory(neighbourhood=oost)
    feed = EventFeed.objects.create(
        name="Bieb", url="https://example.org/a.ics", neighbourhood=lunetten
    )

    response = admin_client.post(edit_url(feed), form_data(feed, default_venue=venue_in_oost.pk))

    assert response.status_code == 200
    assert "Kies een ontmoetingsplek in Lunetten" in response.content.decode()
    feed.refresh_from_db()
    assert feed.default_venue is None


def test_the_listing_costs_the_same_queries_for_few_and_many_venues(editor, lunetten, oost):
    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            assert editor.get("/admin/snippets/venues/venue/").status_code == 200
        return len(queries)

    VenueFactory.create_batch(2, neighbourhood=lunetten)
    queries_for_listing()  # the first request also remembers the site for the next ones
    few = queries_for_listing()
    VenueFactory.create_batch(10, neighbourhood=lunetten)
    VenueFactory.create_batch(5, neighbourhood=oost)
    queries_for_listing()  # saving venues made the site forget it; the first request remembers

    assert queries_for_listing() == few


def test_only_the_neighbourhoods_own_moderators_and_city_staff_are_asked_to_publish(
    lunetten, oost, django_user_model
):
    ensure_portal("Wijkinfo Utrecht", hostname="localhost", port=80)
    people = {}
    for name, group in [
        ("lunetten-moderator", lunetten.moderators),
        ("oost-moderator", oost.moderators),
        ("lunetten-editor", lunetten.editors),
        ("city", Group.objects.get(name=CITY_ADMINISTRATORS)),
    ]:
        people[name] = django_user_model.objects.create_user(name)
        people[name].groups.add(group)
    event = make_event(lunetten, "Buurtlunch", live=False)

    users = NeighbourhoodPermissionPolicy(Event).users_with_permission_for_instance(
        "publish", event
    )

    assert set(users.values_list("username", flat=True)) == {"lunetten-moderator", "city"}


def test_the_city_administrators_group_is_made_once(portal):
    ensure_portal("Wijkinfo Utrecht", hostname="localhost", port=80)
    group = Group.objects.get(name=CITY_ADMINISTRATORS)
    permissions = set(group.permissions.values_list("codename", flat=True))

    assert {"access_admin", "change_venue", "publish_event", "change_eventfeed"} <= permissions
    assert Group.objects.filter(name=CITY_ADMINISTRATORS).count() == 1
