"""Who may do what with a neighbourhood's venues, events, feeds and residents' submissions in the
admin.

Every cell of the matrix logs one person in, does one thing to one item through the real admin
URLs, and checks both the answer and what happened in the database. The people are the editor
and the moderator of Lunetten, a city administrator and a superuser; the items belong to Lunetten
or to Oost.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventFeed
from infopoint.permissions import CITY_ADMINISTRATORS
from submissions.models import EventSubmission
from tests.infopoint.snippet_forms import NEW_NAME, form_data, make_event, name_of, new_name
from tests.venues.factories import VenueFactory
from venues.models import Venue

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

ALLOWED, REFUSED, DRAFT = "allowed", "refused", "saved as a draft, not published"
Y, N, D = ALLOWED, REFUSED, DRAFT

PEOPLE = ["Lunetten editor", "Lunetten moderator", "city administrator", "superuser"]

# What each person gets, against an item of Lunetten and an item of Oost. Refused means no
# change and Wagtail's permission-denied answer; in listings and choosers: the item is not there.
#
#                        Lunetten editor   Lunetten moderator   city administrator   superuser
#                        Lunetten  Oost    Lunetten  Oost       Lunetten  Oost       Lunetten  Oost
MATRIX = {
    "list":                (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "chooser":             (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "choose by id":        (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "edit":                (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "preview":             (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "copy":                (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "delete":              (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "bulk delete":         (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "history":             (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "usage":               (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "revisions":           (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "workflow history":    (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "lock":                (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "unlock":              (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "publish":             (D,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "unpublish":           (N,     N,      Y,        N,         Y,        Y,         Y,        Y),
}  # fmt: skip

# Who handed in an event (name, e-mail) is read, never changed, by whoever works for its
# neighbourhood; the listing follows the same rule as every other.
SUBMISSIONS = {
    "list":                (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "edit":                (N,     N,      N,        N,         N,        N,         N,        N),
    "delete":              (N,     N,      N,        N,         N,        N,         N,        N),
}  # fmt: skip
EXPECTED = {"venue": MATRIX, "event": MATRIX, "feed": MATRIX, "submission": SUBMISSIONS}

# Venues and feeds have no drafts, revisions or locks; feeds have no preview.
ACTIONS = {
    "venue": [
        "list", "chooser", "choose by id", "edit", "preview", "copy", "delete", "bulk delete",
        "history", "usage",
    ],
    "event": list(MATRIX),
    "feed": [
        "list", "chooser", "choose by id", "edit", "copy", "delete", "bulk delete", "history",
        "usage",
    ],
    "submission": list(SUBMISSIONS),
}  # fmt: skip

MODELS = {"venue": Venue, "event": Event, "feed": EventFeed, "submission": EventSubmission}


# -- the actions: each does one thing and says what came of it -------------------------------


def url(item, action, *rest):
    if isinstance(item, EventSubmission):
        return f"/admin/event_submissions/{action}/{item.pk}/"
    opts = item._meta
    tail = "/".join(str(part) for part in (item.pk, *rest))
    return f"/admin/snippets/{opts.app_label}/{opts.model_name}/{action}/{tail}/"


def chooser_url(item, *rest):
    opts = item._meta
    return "/".join(["/admin/snippets/choose", opts.app_label, opts.model_name, *rest, ""])


def refused(response):
    """Wagtail's refusal: back to the dashboard with "Sorry, you do not have permission…", or a
    403 for the admin's scripts; or a 404."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def outcome(*responses, done):
    """ALLOWED when every answer is a success and the thing happened, REFUSED when every answer
    is a refusal and nothing happened; anything else is reported as it is."""
    if not done and all(refused(response) for response in responses):
        return REFUSED
    if done and all(response.status_code in (200, 302) for response in responses):
        return ALLOWED
    answers = [(r.status_code, getattr(r, "url", "")) for r in responses]
    return f"answers {answers}, {'done' if done else 'not done'}"


def shown(response, item):
    assert response.status_code == 200
    return ALLOWED if name_of(item) in response.content.decode() else REFUSED


def stored(item):
    return type(item).objects.filter(pk=item.pk).first()


def latest_name(item):
    fresh = stored(item)
    if isinstance(fresh, Event):
        fresh = fresh.get_latest_revision_as_object()
    return name_of(fresh)


def do_list(client, item):
    if isinstance(item, EventSubmission):
        return shown(client.get("/admin/event_submissions/"), item)
    return shown(
        client.get(f"/admin/snippets/{item._meta.app_label}/{item._meta.model_name}/"), item
    )


# The chooser is a modal the admin's script fetches.
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def do_chooser(client, item):
    return shown(client.get(chooser_url(item), **XHR), item)


def do_choose_by_id(client, item):
    response = client.get(chooser_url(item, "chosen", str(item.pk)), **XHR)
    return outcome(response, done=response.status_code == 200)


def do_edit(client, item):
    if isinstance(item, EventSubmission):
        form = client.get(url(item, "edit"))
        saved = client.post(url(item, "edit"), {"name": NEW_NAME})
        return outcome(form, saved, done=stored(item).name == NEW_NAME)
    form = client.get(url(item, "edit"))
    saved = client.post(url(item, "edit"), form_data(item, **new_name(item)))
    return outcome(form, saved, done=latest_name(item) == NEW_NAME)


def do_preview(client, item):
    response = client.post(url(item, "preview"), form_data(item))
    return outcome(response, done=response.status_code == 200 and response.json()["is_valid"])


def do_copy(client, item):
    response = client.get(url(item, "copy"))
    return outcome(response, done=name_of(item) in response.content.decode())


def do_delete(client, item):
    response = client.post(url(item, "delete"))
    return outcome(response, done=stored(item) is None)


def do_bulk_delete(client, item):
    opts = item._meta
    response = client.post(f"/admin/bulk/{opts.app_label}/{opts.model_name}/delete/?id={item.pk}")
    # Items the user may not delete are listed as such on a 200 page and left alone.
    assert response.status_code in (200, 302)
    return ALLOWED if stored(item) is None else REFUSED


def do_history(client, item):
    response = client.get(url(item, "history"))
    return outcome(response, done=name_of(item) in response.content.decode())


def do_usage(client, item):
    response = client.get(url(item, "usage"))
    return outcome(response, done=name_of(item) in response.content.decode())


def do_revisions(client, item):
    revision = item.latest_revision
    responses = [
        client.get(url(item, "history", "revisions", revision.pk, "view")),
        client.get(url(item, "history", "revisions", "compare", "earliest...latest")),
        client.get(url(item, "history", "revisions", revision.pk, "revert")),
    ]
    return outcome(*responses, done=all(r.status_code == 200 for r in responses))


def do_workflow_history(client, item):
    response = client.get(url(item, "workflow_history"))
    return outcome(response, done=response.status_code == 200)


def do_lock(client, item):
    response = client.post(url(item, "lock"))
    return outcome(response, done=stored(item).locked)


def do_unlock(client, item):
    response = client.post(url(item, "unlock"))
    return outcome(response, done=not stored(item).locked)


def do_publish(client, item):
    response = client.post(
        url(item, "edit"), form_data(item, **new_name(item), **{"action-publish": "publish"})
    )
    fresh = stored(item)
    if response.status_code == 302 and not fresh.live and latest_name(item) == NEW_NAME:
        return DRAFT
    return outcome(response, done=fresh.live and fresh.title == NEW_NAME)


def do_unpublish(client, item):
    response = client.post(url(item, "unpublish"))
    return outcome(response, done=not stored(item).live)


DO = {
    "list": do_list,
    "chooser": do_chooser,
    "choose by id": do_choose_by_id,
    "edit": do_edit,
    "preview": do_preview,
    "copy": do_copy,
    "delete": do_delete,
    "bulk delete": do_bulk_delete,
    "history": do_history,
    "usage": do_usage,
    "revisions": do_revisions,
    "workflow history": do_workflow_history,
    "lock": do_lock,
    "unlock": do_unlock,
    "publish": do_publish,
    "unpublish": do_unpublish,
}


# -- the people -----------------------------------------------------------------------------


def make_person(role, lunetten):
    users = get_user_model().objects
    if role == "superuser":
        return users.create_superuser("beheer", "beheer@example.org", "x")
    user = users.create_user(role.replace(" ", "-"), password="x")
    if role == "Lunetten editor":
        user.groups.add(lunetten.editors)
    elif role == "Lunetten moderator":
        user.groups.add(lunetten.moderators)
    else:
        user.groups.add(Group.objects.get(name=CITY_ADMINISTRATORS))
    return user


def make_item(model, neighbourhood, action):
    label = f"{neighbourhood.name} ({action})"  # each action gets its own item
    if model == "venue":
        return VenueFactory(neighbourhood=neighbourhood, name=f"Buurthuis {label}")
    if model == "feed":
        return EventFeed.objects.create(
            name=f"Agenda {label}",
            url="https://example.org/agenda.ics",
            neighbourhood=neighbourhood,
        )
    if model == "submission":
        event = make_event(neighbourhood, f"Ingestuurd {label}", live=False)
        return EventSubmission.objects.create(
            event=event, name=f"Bewoner {label}", email="bewoner@example.org", language="nl"
        )
    return make_event(neighbourhood, f"Koffie {label}", live=action != "publish")


def lock(item, user):
    item.locked, item.locked_by, item.locked_at = True, user, timezone.now()
    item.save(update_fields=["locked", "locked_by", "locked_at"])


@pytest.mark.parametrize("where", ["Lunetten", "Oost"])
@pytest.mark.parametrize("role", PEOPLE)
@pytest.mark.parametrize("model", list(ACTIONS))
def test_permission_matrix(client, lunetten, oost, django_user_model, model, role, where):
    """One row of the matrix per test: every action on a fresh item of `where`."""
    neighbourhood = lunetten if where == "Lunetten" else oost
    column = PEOPLE.index(role) * 2 + (where == "Oost")
    someone_else = django_user_model.objects.create_superuser("collega")
    client.force_login(make_person(role, lunetten))

    outcomes = {}
    for action in ACTIONS[model]:
        item = make_item(model, neighbourhood, action)
        if action == "unlock":
            lock(item, someone_else)
        outcomes[action] = DO[action](client, item)

    assert outcomes == {action: EXPECTED[model][action][column] for action in ACTIONS[model]}
