"""The submitter's e-mail reaches the moderators of that neighbourhood, and nobody else."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from events.models import Event, Occurrence
from submissions.models import EventSubmission
from tests.utils import get

# Clock: a submitted event is dated from today.
pytestmark = pytest.mark.clock

ADMIN_LISTING = "/admin/event_submissions/"


@pytest.fixture
def submitted(lunetten, submit, valid_data):
    assert submit(lunetten, valid_data).status_code == 302
    return Event.objects.get()


@pytest.fixture
def approved(submitted, django_user_model):
    moderator = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")
    state = WorkflowState.objects.for_instance(submitted).get()
    state.current_task_state.approve(user=moderator)
    submitted.refresh_from_db()
    return submitted


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
class TestApproval:
    def test_approving_publishes_the_event_into_the_agenda(self, client, lunetten, approved):
        assert approved.live
        assert Occurrence.objects.filter(event=approved).count() == 1
        assert "Buurtbreien" in get(client, lunetten, "/nl/agenda/").content.decode()

    def test_the_e_mail_and_name_appear_nowhere_public(self, client, lunetten, approved):
        paths = [
            "/nl/agenda/",
            f"/nl/agenda/{approved.slug}/",
            "/nl/agenda/feed.ics",
            f"/nl/agenda/{approved.slug}/calendar.ics",
            "/en/events/",
            f"/en/events/{approved.slug}/",
            "/nl/zoeken/?q=Buurtbreien",
            "/sitemap.xml",
        ]
        for path in paths:
            response = get(client, lunetten, path)
            body = response.content.decode()
            assert response.status_code == 200, path
            assert "fatima.private" not in body, path
            assert "Fatima el Amrani" not in body, path
        detail = get(client, lunetten, f"/nl/agenda/{approved.slug}/").content.decode()
        assert "Buurtbreien" in detail and "application/ld+json" in detail


@pytest.mark.django_db
class TestTheAdminListing:
    def test_a_moderator_of_the_neighbourhood_reads_who_submitted(
        self, client, lunetten, submitted, django_user_model
    ):
        client.force_login(member_of(django_user_model, "Lunetten moderators", "mod"))

        response = client.get(ADMIN_LISTING)

        assert response.status_code == 200
        html = response.content.decode()
        assert "fatima.private@example.org" in html and "Fatima el Amrani" in html
        assert f"/admin/snippets/events/event/edit/{submitted.pk}/" in html

    def test_an_editor_of_another_neighbourhood_sees_none_of_it(
        self, client, oost, submitted, django_user_model
    ):
        client.force_login(member_of(django_user_model, "Oost editors", "oost"))

        response = client.get(ADMIN_LISTING)

        assert response.status_code == 200
        assert "fatima.private@example.org" not in response.content.decode()

    def test_nobody_edits_or_adds_submissions_in_the_admin(
        self, client, lunetten, submitted, django_user_model
    ):
        client.force_login(member_of(django_user_model, "Lunetten moderators", "mod"))
        submission = EventSubmission.objects.get()

        assert client.get(f"{ADMIN_LISTING}edit/{submission.pk}/").status_code in {302, 403}
        assert client.get(f"{ADMIN_LISTING}new/").status_code in {302, 403}

    def test_residents_without_an_account_are_sent_to_the_login(self, client, submitted):
        assert client.get(ADMIN_LISTING).status_code == 302
