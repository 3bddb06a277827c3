"""Moderation per neighbourhood: an editor submits, a moderator of the same neighbourhood approves
or asks for changes and is told by e-mail; moderators of other neighbourhoods are not involved."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale, Page, TaskState, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import Event
from home.neighbourhoods import create_neighbourhood
from infopoint.models import NewsIndexPage, StandardPage
from tests.infopoint.conftest import section

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

EVENTS = "/admin/snippets/events/event"


@pytest.fixture
def people(lunetten, oost):
    User = get_user_model()

    def person(username, group):
        user = User.objects.create_user(username, f"{username}@example.org", "x")
        user.groups.add(group)
        return user

    return {
        "editor": person("lunetten-editor", lunetten.editors),
        "moderator": person("lunetten-moderator", lunetten.moderators),
        "other moderator": person("oost-moderator", oost.moderators),
    }


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def refused(response):
    """Wagtail's admin answers a refused action by sending the user to the dashboard with an
    error (a scoped snippet view may answer 404 instead)."""
    if response.status_code == 302:
        errors = [m for m in response.wsgi_request._messages if m.level_tag == "error"]
        return response.url == "/admin/" and len(errors) == 1
    return response.status_code in (403, 404)


def current_task_state(obj):
    return obj.current_workflow_state.current_task_state


# -- set-up -------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestNeighbourhoodWorkflow:
    def test_every_home_page_in_every_language_goes_to_its_own_moderators(self, lunetten, oost):
        homes = lunetten.home_page.get_translations(inclusive=True)
        assert {h.locale.language_code for h in homes} == {"nl", "en", "ar", "tr"}
        workflows = {Page.objects.get(pk=h.pk).get_workflow() for h in homes}
        (workflow,) = workflows
        assert workflow.name == "Moderatie Lunetten"
        (task,) = workflow.tasks.specific()
        assert list(task.groups.all()) == [lunetten.moderators]
        assert oost.home_page.get_workflow() != workflow

    def test_pages_below_a_translated_home_follow_it(self, lunetten):
        english_news = section(lunetten, NewsIndexPage).get_translation(
            Locale.objects.get(language_code="en")
        )
        assert english_news.get_workflow().name == "Moderatie Lunetten"

    def test_running_create_neighbourhood_again_makes_no_second_workflow(self, lunetten):
        before = Workflow.objects.count()
        create_neighbourhood("Lunetten", hostname="lunetten.localhost", port=80, slug="lunetten")
        assert Workflow.objects.count() == before
        assert Workflow.objects.filter(name="Moderatie Lunetten").count() == 1

    def test_running_again_puts_a_removed_workflow_back_on_the_home_pages(self, lunetten):
        WorkflowPage.objects.filter(page__in=lunetten.home_page.get_translations()).delete()
        create_neighbourhood("Lunetten", hostname="lunetten.localhost", port=80, slug="lunetten")
        homes = lunetten.home_page.get_translations(inclusive=True)
        assert {Page.objects.get(pk=h.pk).get_workflow().name for h in homes} == {
            "Moderatie Lunetten"
        }
        assert Workflow.objects.filter(name="Moderatie Lunetten").count() == 1

    def test_a_workflow_chosen_by_an_administrator_is_kept(self, lunetten):
        chosen = Workflow.objects.create(name="Stadsredactie")
        WorkflowPage.objects.filter(page__in=lunetten.home_page.get_translations(True)).update(
            workflow=chosen
        )
        create_neighbourhood("Lunetten", hostname="lunetten.localhost", port=80, slug="lunetten")
        assert lunetten.home_page.get_workflow() == chosen

    def test_an_event_waits_for_its_own_neighbourhood(self, lunetten, oost):
        event = Event(neighbourhood=oost)
        assert event.get_workflow() == oost.home_page.get_workflow()
        assert event.get_workflow().name == "Moderatie Oost"


# -- pages --------------------------------------------------------------------------------------


@pytest.fixture
def draft_page(lunetten):
    page = StandardPage(title="Spreekuur", slug="spreekuur", live=False)
    lunetten.home_page.add_child(instance=page)
    page.save_revision()
    return page


def page_form(**overrides):
    data = {
        "title": "Spreekuur",
        "slug": "spreekuur",
        "intro": rich_text("<p>Elke dinsdag.</p>"),
        "body": streamfield([]),
        "action-submit": "Submit",
    }
    return {**nested_form_data(data), **overrides}


def submit_page(client, editor, page):
    client.force_login(editor)
    response = client.post(f"/admin/pages/{page.pk}/edit/", page_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    return page


def page_action(client, user, page, action, **data):
    client.force_login(user)
    task_state = current_task_state(page)
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", data)


@pytest.mark.django_db
class TestPageModeration:
    def test_submitting_mails_the_neighbourhoods_moderators_only(self, client, people, draft_page):
        page = submit_page(client, people["editor"], draft_page)
        assert page.workflow_in_progress and not page.live
        assert current_task_state(page).task.name == "Moderatoren Lunetten keuren goed"
        assert recipients() == ["lunetten-moderator@example.org"]

    def test_a_moderator_approves_and_the_page_goes_live(self, client, people, draft_page):
        page = submit_page(client, people["editor"], draft_page)
        mail.outbox.clear()
        response = page_action(client, people["moderator"], page, "approve")
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live and not page.workflow_in_progress
        assert "Elke dinsdag." in page.intro
        assert recipients() == ["lunetten-editor@example.org"]

    def test_a_moderator_asks_for_changes_and_the_editor_is_told(self, client, people, draft_page):
        page = submit_page(client, people["editor"], draft_page)
        mail.outbox.clear()
        response = page_action(client, people["moderator"], page, "reject", comment="Welke tijd?")
        assert response.status_code == 302
        page.refresh_from_db()
        assert not page.live
        assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert recipients() == ["lunetten-editor@example.org"]
        assert "Welke tijd?" in mail.outbox[0].body

    def test_a_moderator_of_another_neighbourhood_cannot_approve(self, client, people, draft_page):
        page = submit_page(client, people["editor"], draft_page)
        response = page_action(client, people["other moderator"], page, "approve")
        assert refused(response)
        page.refresh_from_db()
        assert not page.live and page.workflow_in_progress
        assert "oost-moderator@example.org" not in recipients()


# -- events -------------------------------------------------------------------------------------


@pytest.fixture
def draft_event(lunetten):
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    event = Event(
        title="Buurtlunch",
        neighbourhood=lunetten,
        locale=Locale.get_default(),
        start=start,
        end=start + timedelta(hours=2),
        summary="Samen lunchen.",
        live=False,
    )
    event.save()
    event.save_revision()
    return event


def event_form(event, **overrides):
    local = timezone.localtime(event.start)
    data = {
        "title": event.title,
        "slug": event.slug,
        "neighbourhood": event.neighbourhood_id,
        "summary": event.summary,
        "description": rich_text(""),
        "start": f"{local:%Y-%m-%d %H:%M}",
        "end": f"{timezone.localtime(event.end):%Y-%m-%d %H:%M}",
        "repeat": "none",
        "interval": "1",
        "ends": "never",
        "status": "EventScheduled",
        "audience": "everyone",
        "is_free": "on",
        "tags": "",
        "exceptions": inline_formset([]),
        "action-submit": "Submit",
    }
    return {**nested_form_data(data), **overrides}


def submit_event(client, editor, event):
    client.force_login(editor)
    response = client.post(f"{EVENTS}/edit/{event.pk}/", event_form(event))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Event.objects.get(pk=event.pk)


def event_action(client, user, event, action, **data):
    client.force_login(user)
    task_state = current_task_state(event)
    return client.post(f"{EVENTS}/workflow/action/{event.pk}/{action}/{task_state.pk}/", data)


@pytest.mark.django_db
class TestEventModeration:
    def test_submitting_mails_the_neighbourhoods_moderators_only(self, client, people, draft_event):
        event = submit_event(client, people["editor"], draft_event)
        assert event.workflow_in_progress and not event.live
        assert current_task_state(event).task.name == "Moderatoren Lunetten keuren goed"
        assert recipients() == ["lunetten-moderator@example.org"]

    def test_a_new_event_submitted_from_the_add_form_goes_to_its_neighbourhood(
        self, client, people, lunetten
    ):
        client.force_login(people["editor"])
        template = Event(
            title="Repair café",
            slug="",
            neighbourhood=lunetten,
            summary="Samen repareren.",
            start=timezone.now() + timedelta(days=2),
            end=timezone.now() + timedelta(days=2, hours=2),
        )
        response = client.post(f"{EVENTS}/add/", event_form(template))
        assert response.status_code == 302, response.content.decode()[:3000]
        event = Event.objects.get(title="Repair café")
        assert current_task_state(event).task.name == "Moderatoren Lunetten keuren goed"
        assert recipients() == ["lunetten-moderator@example.org"]

    def test_a_moderator_approves_and_the_event_is_in_the_agenda(self, client, people, draft_event):
        event = submit_event(client, people["editor"], draft_event)
        mail.outbox.clear()
        response = event_action(client, people["moderator"], event, "approve")
        assert response.status_code == 302
        event.refresh_from_db()
        assert event.live and not event.workflow_in_progress
        assert event.occurrences.count() == 1
        assert recipients() == ["lunetten-editor@example.org"]

    def test_a_moderator_asks_for_changes_and_the_editor_is_told(self, client, people, draft_event):
        event = submit_event(client, people["editor"], draft_event)
        mail.outbox.clear()
        response = event_action(client, people["moderator"], event, "reject", comment="Waar?")
        assert response.status_code == 302
        event.refresh_from_db()
        assert not event.live and not event.occurrences.exists()
        assert event.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert recipients() == ["lunetten-editor@example.org"]
        assert "Waar?" in mail.outbox[0].body

    def test_a_moderator_of_another_neighbourhood_cannot_approve(self, client, people, draft_event):
        event = submit_event(client, people["editor"], draft_event)
        response = event_action(client, people["other moderator"], event, "approve")
        assert refused(response)
        event.refresh_from_db()
        assert not event.live and event.workflow_in_progress
        assert "oost-moderator@example.org" not in recipients()
        assert not TaskState.objects.reviewable_by(people["other moderator"]).exists()
