"""Residents' submissions: before moderation nothing, after it the event without who sent it."""

import pytest

from events.models import Event

# Clock: a submitted event is dated from today.
pytestmark = [pytest.mark.django_db, pytest.mark.clock]

PATHS = ["/api/v1/events/", "/api/v1/venues/", "/api/v1/news/", "/api/v1/hsds/locations/"]


def bodies(api, lunetten, event):
    paths = PATHS + [f"/api/v1/events/{event.translation_key}/"]
    paths.append(f"/api/v1/events/{event.translation_key}/jsonld/")
    for where in (lunetten, None):
        for lang in ("nl", "en"):
            for path in paths:
                yield path, api(where, path, lang=lang)


def test_a_submitted_event_waits_for_moderation(api, lunetten, submit, valid_data):
    assert submit(lunetten, valid_data).status_code == 302
    event = Event.objects.get()

    for path, response in bodies(api, lunetten, event):
        assert "Buurtbreien" not in response.content.decode(), path


def test_an_approved_submission_never_shows_who_sent_it(
    api,
    lunetten,
    submit,
    valid_data,
    django_user_model,
):
    from wagtail.models import WorkflowState

    assert submit(lunetten, valid_data).status_code == 302
    event = Event.objects.get()
    moderator = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")
    WorkflowState.objects.for_instance(event).get().current_task_state.approve(user=moderator)

    listed = api(lunetten, "/api/v1/events/").json()
    assert [item["title"] for item in listed["results"]] == ["Buurtbreien"]
    for path, response in bodies(api, lunetten, event):
        body = response.content.decode()
        assert response.status_code == 200, path
        assert "fatima.private" not in body, path
        assert "Fatima el Amrani" not in body, path
