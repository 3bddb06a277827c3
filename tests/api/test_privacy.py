"""Only published content, ever: residents' submissions (before moderation nothing, after it the
event without who sent it), and the help directory's drafts, draft places and personal data."""

from datetime import date

import pytest

from events.models import Event
from services.models import Organisation, Service

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


# -- the help directory ------------------------------------------------------------------------

SERVICE_PATHS = [
    "/api/v1/services/",
    "/api/v1/organisations/",
    "/api/v1/hsds/services/",
    "/api/v1/hsds/organizations/",
]


def directory_bodies(api, lunetten, *items, **params):
    """Every help-directory answer, on the neighbourhood's site and the portal, in Dutch and
    English: the lists, and the detail of each of `items` (services and organisations)."""
    paths = list(SERVICE_PATHS)
    for item in items:
        if isinstance(item, Organisation):
            paths += [f"/api/v1/organisations/{item.translation_key}/"]
            paths += [f"/api/v1/hsds/organizations/{item.translation_key}/"]
        else:
            paths += [f"/api/v1/services/{item.translation_key}/"]
            paths += [f"/api/v1/hsds/services/{item.translation_key}/"]
    for where in (lunetten, None):
        for lang in ("nl", "en"):
            for path in paths:
                yield path, api(where, path, lang=lang, **params)


def test_a_draft_service_and_the_organisation_of_only_drafts_never_appear(api, lunetten):
    from tests.services.factories import make_organisation, make_service

    published = make_service(lunetten, "Schuldhulp")
    hidden = make_organisation(lunetten, "Geheime Stichting")
    draft = make_service(lunetten, "Nog niet klaar", organisation=hidden, live=False)
    # A published service whose new text waits for moderation shows its published text.
    published.name = "Nieuwe naam in concept"
    published.save_revision()

    for path, response in directory_bodies(api, lunetten, draft, hidden):
        body = response.content.decode()
        assert "Nog niet klaar" not in body, path
        assert "Geheime Stichting" not in body, path
        assert "Nieuwe naam in concept" not in body, path
        details = (str(draft.translation_key), str(hidden.translation_key))
        assert response.status_code == (
            404 if path.endswith(tuple(f"{k}/" for k in details)) else 200
        ), path
    assert "Schuldhulp" in api(lunetten, "/api/v1/services/").content.decode()


def test_walk_in_hours_at_a_draft_venue_never_appear(api, lunetten, make_venue):
    from tests.services.factories import make_service

    shown = make_venue("Buurthuis De Ster")
    draft = make_venue("Pand In Aanbouw", live=False)
    service = make_service(
        lunetten,
        "Schuldhulp",
        hours=[(shown, 1, "09:00", "12:00"), (draft, 2, "09:00", "12:00")],
    )

    for path, response in directory_bodies(api, lunetten, service):
        body = response.content.decode()
        assert response.status_code == 200, path
        assert "Pand In Aanbouw" not in body, path
        assert str(draft.translation_key) not in body, path
    detail = api(lunetten, f"/api/v1/services/{service.translation_key}/").json()
    assert [hours["place"]["name"] for hours in detail["walk_in_hours"]] == ["Buurthuis De Ster"]
    record = api(lunetten, f"/api/v1/hsds/services/{service.translation_key}/").json()
    assert [at["location"]["name"] for at in record["service_at_locations"]] == [
        "Buurthuis De Ster"
    ]
    assert len(record["schedules"]) == 1


def test_who_checked_a_service_and_who_reported_it_never_appear(api, lunetten, django_user_model):
    from services.models import ServiceReport
    from tests.services.factories import make_service

    checker = django_user_model.objects.create_user(
        "jan.redacteur", "jan.private@example.org", "x", first_name="Jan", last_name="Jansma"
    )
    service = make_service(lunetten, "Schuldhulp", last_checked=date(2026, 11, 1))
    Service.objects.filter(pk=service.pk).update(last_checked_by=checker)
    ServiceReport.objects.create(
        service=service,
        message="Het spreekuur is verhuisd",
        email="fatima.private@example.org",
    )

    for path, response in directory_bodies(api, lunetten, service, service.organisation):
        body = response.content.decode()
        assert response.status_code == 200, path
        for personal in ("jan.private", "jan.redacteur", "Jansma", "fatima.private", "verhuisd"):
            assert personal not in body, (path, personal)
    # What was checked when is public, who did it is not.
    detail = api(lunetten, f"/api/v1/services/{service.translation_key}/").json()
    assert detail["last_checked"] == "2026-11-01"
