"""A calendar feed publishes without moderation only when a moderator set it up that way."""

from datetime import datetime
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.log_actions import log
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


def test_feeds_editors_saved_before_the_rule_import_drafts_after_the_migration(lunetten):
    """Feeds saved before this rule existed: the one a plain editor last saved stops publishing
    directly; a moderator's, a superuser's and one made outside the admin keep their setting."""
    migration = import_module("events.migrations.0007_editors_feeds_import_as_drafts")
    editor, moderator = person("ed", lunetten.editors), person("mo", lunetten.moderators)
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")

    def old_feed(name, *saved_by):
        feed = EventFeed.objects.create(
            name=name, url=f"https://example.org/{name}.ics", neighbourhood=lunetten
        )
        for number, user in enumerate(saved_by):
            log(feed, "wagtail.edit" if number else "wagtail.create", user=user)
        return feed

    by_editor = old_feed("editor", editor)
    changed_by_editor = old_feed("changed", moderator, editor)
    by_moderator = old_feed("moderator", editor, moderator)
    by_superuser = old_feed("superuser", superuser)
    from_the_shell = old_feed("shell")

    migration.editors_feeds_import_as_drafts(apps, None)

    drafts = set(EventFeed.objects.filter(import_as_drafts=True).values_list("name", flat=True))
    assert drafts == {by_editor.name, changed_by_editor.name}
    assert {by_moderator.name, by_superuser.name, from_the_shell.name}.isdisjoint(drafts)
