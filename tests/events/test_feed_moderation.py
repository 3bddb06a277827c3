"""A calendar feed publishes without moderation only when a moderator set it up that way."""

from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from events.importer import import_events
from events.models import Event, EventFeed
from events.recurrence import TZ

FIXTURES = Path(__file__).parent / "fixtures"
ADD_URL = "/admin/snippets/events/eventfeed/add/"
# The fixture calendar's dates lie in December 2026.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 11, 20, 12, 0, tzinfo=TZ), tick=True),
]


def person(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*groups)
    return user


def feed_form(neighbourhood, **overrides):
    data = {
        "name": "Bibliotheek",
        "url": "https://example.org/bieb.ics",
        "neighbourhood": neighbourhood.pk,
        "default_venue": "",
        "tags": "",
        "active": "on",
        # "import_as_drafts" left unticked: the editor asks to publish directly.
    }
    data.update(overrides)
    return data


def add_feed(client, user, neighbourhood, **overrides):
    client.force_login(user)
    response = client.post(ADD_URL, feed_form(neighbourhood, **overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return EventFeed.objects.get(name="Bibliotheek")


def test_a_plain_editors_feed_imports_drafts_into_the_workflow(client, lunetten):
    feed = add_feed(client, person("ed", lunetten.editors), lunetten)

    assert feed.import_as_drafts
    import_events((FIXTURES / "apple.ics").read_bytes(), neighbourhood=lunetten, feed=feed)

    events = Event.objects.filter(feed=feed)
    assert events.exists() and not events.filter(live=True).exists()
    # Waiting for Lunetten's moderators, as a resident's submission does.
    waiting = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, base_content_type__model="event"
    )
    assert waiting.count() == events.count()


def test_an_editor_changing_a_moderators_feed_makes_it_import_drafts(client, lunetten):
    moderator = person("mo", lunetten.moderators)
    feed = add_feed(client, moderator, lunetten)
    assert not feed.import_as_drafts

    client.force_login(person("ed", lunetten.editors))
    edit = f"/admin/snippets/events/eventfeed/edit/{feed.pk}/"
    response = client.post(edit, feed_form(lunetten, name="Bibliotheek"))

    assert response.status_code == 302
    feed.refresh_from_db()
    assert feed.import_as_drafts


def test_a_moderators_feed_publishes_directly(client, lunetten):
    feed = add_feed(client, person("mo", lunetten.moderators), lunetten)

    import_events((FIXTURES / "apple.ics").read_bytes(), neighbourhood=lunetten, feed=feed)

    assert not feed.import_as_drafts
    assert Event.objects.filter(feed=feed, live=True).exists()


def test_moderating_one_neighbourhood_does_not_publish_in_another(client, lunetten, oost):
    both = person("mo", lunetten.moderators, oost.editors)

    feed = add_feed(client, both, oost)

    assert feed.import_as_drafts
