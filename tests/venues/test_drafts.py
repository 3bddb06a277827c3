"""Venues as drafts (issue 13, item 4): residents see only what was published; editors save
drafts, preview them and submit them to their neighbourhood's moderators, who publish.

Residents look through every door a venue has: its page, the finder, site search, the sitemap,
the JSON API, HSDS, the portal's finder and an event's page."""

import re

import pytest
from django.test import RequestFactory
from wagtail.models import WorkflowState

from events.models import Event
from tests.infopoint.snippet_forms import form_data
from tests.utils import get
from venues.models import Venue

pytestmark = pytest.mark.django_db

FINDER = "/nl/ontmoetingsplekken/"
ADD = "/admin/snippets/venues/venue/add/"


def edit_url(venue):
    return f"/admin/snippets/venues/venue/edit/{venue.pk}/"


def person(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, lunetten):
    return person(django_user_model, "lunetten-editor", lunetten.editors)


@pytest.fixture
def moderator(django_user_model, lunetten):
    return person(django_user_model, "lunetten-moderator", lunetten.moderators)


def public_names(client, neighbourhood, portal=None):
    """Where residents meet a venue: {door: names found there}."""
    doors = {
        "finder": [v.name for v in get(client, neighbourhood, FINDER).context["venues"]],
        "search": [
            result.title
            for group in get(client, neighbourhood, "/nl/zoeken/?q=Ster").context["groups"]
            if group["kind"] == "venues"
            for result in group["results"]
        ],
        "api": [v["name"] for v in get(client, neighbourhood, "/api/v1/venues/").json()["results"]],
        "hsds": [
            v["name"]
            for v in get(client, neighbourhood, "/api/v1/hsds/locations/").json()["contents"]
        ],
    }
    if portal is not None:
        doors["portal"] = [v.name for v in get(client, portal, FINDER).context["venues"]]
    return doors


def sitemap(client, neighbourhood):
    return get(client, neighbourhood, "/sitemap.xml").content.decode()


def test_a_draft_change_of_a_live_venue_is_not_seen_until_it_is_published(
    client, admin_client, lunetten, portal, make_venue
):
    venue = make_venue("Buurthuis De Ster", slug="buurthuis-de-ster")

    saved = admin_client.post(edit_url(venue), form_data(venue, name="Buurthuis De Ster (dicht)"))

    assert saved.status_code == 302
    venue.refresh_from_db()
    assert venue.live and venue.has_unpublished_changes
    assert venue.get_latest_revision_as_object().name == "Buurthuis De Ster (dicht)"
    page = get(client, lunetten, f"{FINDER}buurthuis-de-ster/").content.decode()
    assert "Buurthuis De Ster" in page and "(dicht)" not in page
    everywhere = public_names(client, lunetten, portal)
    assert everywhere == {door: ["Buurthuis De Ster"] for door in everywhere}

    admin_client.post(
        edit_url(venue),
        form_data(venue, name="Buurthuis De Ster (dicht)", **{"action-publish": "publish"}),
    )

    page = get(client, lunetten, f"{FINDER}buurthuis-de-ster/").content.decode()
    assert "Buurthuis De Ster (dicht)" in page
    assert public_names(client, lunetten)["finder"] == ["Buurthuis De Ster (dicht)"]


def test_a_new_draft_venue_is_nowhere_public(client, admin_client, lunetten, portal, make_venue):
    make_venue("Buurthuis De Ster", slug="buurthuis-de-ster")
    draft = form_data(
        Venue(name="Sterrenwacht", slug="sterrenwacht", neighbourhood=lunetten),
    )

    assert admin_client.post(ADD, draft).status_code == 302

    new = Venue.objects.get(slug="sterrenwacht")
    assert not new.live
    everywhere = public_names(client, lunetten, portal)
    assert everywhere == {door: ["Buurthuis De Ster"] for door in everywhere}
    assert get(client, lunetten, f"{FINDER}sterrenwacht/").status_code == 404
    assert get(client, lunetten, f"/api/v1/venues/{new.translation_key}/").status_code == 404
    assert "sterrenwacht" not in sitemap(client, lunetten)
    assert "buurthuis-de-ster" in sitemap(client, lunetten)


def test_an_event_at_a_venue_not_published_yet_does_not_show_or_link_it(
    client, lunetten, make_venue
):
    from tests.infopoint.snippet_forms import make_event

    venue = make_venue("Sterrenwacht", slug="sterrenwacht", live=False)
    event = make_event(lunetten, "Sterren kijken")
    Event.objects.filter(pk=event.pk).update(venue=venue, place="Achter de school")

    page = get(client, lunetten, f"/nl/agenda/{event.slug}/").content.decode()
    assert "Sterrenwacht" not in page and "/sterrenwacht/" not in page
    assert "Achter de school" in page
    agenda = get(client, lunetten, "/nl/agenda/").content.decode()
    assert "Sterren kijken" in agenda and "Sterrenwacht" not in agenda
    api = get(client, lunetten, "/api/v1/events/").json()["results"]
    assert [item["venue"] for item in api] == [None]


def test_the_preview_and_a_revision_show_the_draft_in_the_venue_page_template(
    admin_client, lunetten, make_venue, django_user_model
):
    venue = make_venue("Buurthuis De Ster", slug="buurthuis-de-ster")
    data = form_data(venue, name="Buurthuis De Ster (concept)")

    checked = admin_client.post(f"/admin/snippets/venues/venue/preview/{venue.pk}/", data)
    assert checked.json() == {"is_valid": True, "is_available": True}
    shown = admin_client.get(f"/admin/snippets/venues/venue/preview/{venue.pk}/")
    html = shown.content.decode()
    assert shown.status_code == 200
    assert "Buurthuis De Ster (concept)" in html and 'class="venue' in html

    admin_client.post(edit_url(venue), data)
    venue.refresh_from_db()
    revision = admin_client.get(
        f"/admin/snippets/venues/venue/history/{venue.pk}/revisions/"
        f"{venue.latest_revision_id}/view/"
    )
    assert revision.status_code == 200
    assert "Buurthuis De Ster (concept)" in revision.content.decode()

    request = RequestFactory().get("/", HTTP_HOST="lunetten.localhost")
    request.user = django_user_model.objects.get(username="admin")
    direct = venue.get_latest_revision_as_object().serve_preview(request, "")
    assert "Buurthuis De Ster (concept)" in direct.render().content.decode()


def test_an_editor_submits_and_the_moderator_approves_into_the_finder(
    client, lunetten, editor, moderator, make_venue
):
    venue = make_venue("Buurthuis De Ster", slug="buurthuis-de-ster")
    client.force_login(editor)

    # No "Publish" for an editor: posting it anyway saves a draft.
    form = client.get(edit_url(venue)).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form
    client.post(edit_url(venue), form_data(venue, name="De Ster", **{"action-publish": "1"}))
    venue.refresh_from_db()
    assert venue.name == "Buurthuis De Ster" and venue.has_unpublished_changes

    submitted = client.post(
        edit_url(venue), form_data(venue, name="De Ster", **{"action-submit": "1"})
    )
    assert submitted.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__app_label="venues", object_id=str(venue.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == lunetten.site.root_page.get_workflow()  # the neighbourhood's own
    assert list(state.current_task_state.task.specific.groups.all()) == [lunetten.moderators]
    assert public_names(client, lunetten)["finder"] == ["Buurthuis De Ster"]

    client.force_login(moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "De Ster" in dashboard  # waiting for them
    task_state = state.current_task_state
    approved = client.post(
        f"/admin/snippets/venues/venue/workflow/action/{venue.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    assert approved.status_code in (200, 302)

    venue.refresh_from_db()
    assert venue.live and venue.name == "De Ster" and not venue.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert public_names(client, lunetten)["finder"] == ["De Ster"]


def test_a_moderator_publishes_directly(client, lunetten, moderator, make_venue):
    venue = make_venue("Buurthuis De Ster", slug="buurthuis-de-ster")
    client.force_login(moderator)

    form = client.get(edit_url(venue)).content.decode()
    assert re.search(r'name="action-publish"', form)
    client.post(edit_url(venue), form_data(venue, name="De Ster", **{"action-publish": "1"}))

    venue.refresh_from_db()
    assert venue.live and venue.name == "De Ster"
