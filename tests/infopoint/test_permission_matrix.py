"""Who may do what with a neighbourhood's venues, events, feeds, services, organisations and
residents' submissions in the admin.

Every cell of the matrix logs one person in, does one thing to one item through the real admin
URLs, and checks both the answer and what happened in the database. The people are the editor
and the moderator of Lunetten, a city administrator and a superuser; the items belong to Lunetten
or to Oost. The translation editor's URLs (wagtail-localize) have a matrix of their own, below.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)

from events.models import Event, EventFeed
from infopoint.models import StandardPage
from infopoint.permissions import CITY_ADMINISTRATORS
from infopoint.translation import translate
from services.models import Organisation, Service
from submissions.models import EventSubmission
from tests.infopoint.snippet_forms import NEW_NAME, form_data, make_event, name_of, new_name
from tests.services.factories import make_organisation, make_service
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
EXPECTED = {
    "venue": MATRIX,
    "event": MATRIX,
    "feed": MATRIX,
    "service": MATRIX,
    "organisation": MATRIX,
    "submission": SUBMISSIONS,
}

# Feeds and organisations have no drafts, revisions or locks, and no preview; venues, events and
# services have them all (moderated alike).
ACTIONS = {
    "venue": list(MATRIX),
    "event": list(MATRIX),
    "feed": [
        "list", "chooser", "choose by id", "edit", "copy", "delete", "bulk delete", "history",
        "usage",
    ],
    "service": list(MATRIX),
    "organisation": [
        "list", "chooser", "choose by id", "edit", "copy", "delete", "bulk delete", "history",
        "usage",
    ],
    "submission": list(SUBMISSIONS),
}  # fmt: skip

MODELS = {
    "venue": Venue,
    "event": Event,
    "feed": EventFeed,
    "service": Service,
    "organisation": Organisation,
    "submission": EventSubmission,
}


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
    if done and all(response.status_code in (200, 201, 302) for response in responses):
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
    if isinstance(fresh, Event | Service | Venue):
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
    return outcome(response, done=fresh.live and name_of(fresh) == NEW_NAME)


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
        # As the admin makes one: a revision, published except for the publishing test.
        venue = VenueFactory(neighbourhood=neighbourhood, name=f"Buurthuis {label}", live=False)
        revision = venue.save_revision()
        if action != "publish":
            revision.publish()
        venue.refresh_from_db()
        return venue
    if model == "feed":
        return EventFeed.objects.create(
            name=f"Agenda {label}",
            url="https://example.org/agenda.ics",
            neighbourhood=neighbourhood,
        )
    if model == "organisation":
        return make_organisation(neighbourhood, f"Buurtteam {label}")
    if model == "service":
        return make_service(
            neighbourhood,
            f"Formulierenhulp {label}",
            organisation=make_organisation(neighbourhood, f"Organisatie {label}"),
            live=action != "publish",
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


# -- translating (wagtail-localize) ---------------------------------------------------------
#
# The translation editor works on a translation of a Lunetten or an Oost item through its own
# URLs (/admin/localize/…): the strings and overrides the editor's script PUTs, the PO file,
# stopping the translation, starting one and bringing translations up to date; for pages also
# turning a translation back into an alias. Whoever may change the item may translate it.

TRANSLATING = {
    "edit a string":       (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "delete a string":     (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "edit an override":    (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "download the PO file": (Y,    N,      Y,        N,         Y,        Y,         Y,        Y),
    "upload a PO file":    (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "stop translating":    (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "start a translation": (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "update translations": (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
    "convert to alias":    (Y,     N,      Y,        N,         Y,        Y,         Y,        Y),
}  # fmt: skip

TRANSLATION_ACTIONS = {
    "venue": [action for action in TRANSLATING if action != "convert to alias"],
    "event": [action for action in TRANSLATING if action != "convert to alias"],
    "page": [
        "edit a string", "download the PO file", "upload a PO file", "stop translating",
        "start a translation", "convert to alias",
    ],
}  # fmt: skip

LOCALIZE = "/admin/localize"
TRANSLATED = "Vertaald"


def make_translated(model, neighbourhood, action):
    """An item of `neighbourhood` with an English translation; returns that translation."""
    label = f"{neighbourhood.name} ({action})"
    if model == "page":
        item = StandardPage(title=f"Over {label}", slug=slugify(f"over {action}"))
        neighbourhood.site.root_page.add_child(instance=item)
        item.save_revision().publish()
    else:
        item = make_item(model, neighbourhood, action)
    english = Locale.objects.get(language_code="en")
    translate(item, english)
    return Translation.objects.get(source__object_id=item.translation_key, target_locale=english)


def first_segment(translation, model):
    return model.objects.filter(source=translation.source).order_by("pk").first()


def translated_strings(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object=translation.source.object_id,
        data=TRANSLATED,
    )


def put_form(client, url, value):
    """A PUT with a form body, as the translation editor's script sends it."""
    return client.put(url, encode_multipart(BOUNDARY, {"value": value}), MULTIPART_CONTENT)


def do_edit_string(client, translation):
    segment = first_segment(translation, StringSegment)
    url = f"{LOCALIZE}/translate/{translation.pk}/strings/{segment.pk}/edit/"
    response = put_form(client, url, TRANSLATED)
    return outcome(response, done=translated_strings(translation).exists())


def do_delete_string(client, translation):
    segment = first_segment(translation, StringSegment)
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=translation.target_locale,
        context_id=segment.context_id,
        defaults={"data": TRANSLATED},
    )
    response = client.delete(f"{LOCALIZE}/translate/{translation.pk}/strings/{segment.pk}/edit/")
    return outcome(response, done=not translated_strings(translation).exists())


def do_edit_override(client, translation):
    segment = first_segment(translation, OverridableSegment)
    url = f"{LOCALIZE}/translate/{translation.pk}/overrides/{segment.pk}/edit/"
    response = put_form(client, url, "https://example.org/elders")
    done = SegmentOverride.objects.filter(
        locale=translation.target_locale, context_id=segment.context_id
    ).exists()
    return outcome(response, done=done)


def do_download_po(client, translation):
    response = client.get(f"{LOCALIZE}/translate/{translation.pk}/pofile/download/")
    done = response.status_code == 200 and str(translation.uuid) in response.content.decode()
    return outcome(response, done=done)


def do_upload_po(client, translation):
    po = translation.export_po()
    for entry in po:
        entry.msgstr = TRANSLATED
    upload = SimpleUploadedFile("vertaling.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        f"{LOCALIZE}/translate/{translation.pk}/pofile/upload/", {"file": upload}
    )
    return outcome(response, done=translated_strings(translation).exists())


def do_stop(client, translation):
    response = client.post(f"{LOCALIZE}/translate/{translation.pk}/disable/")
    translation.refresh_from_db()
    return outcome(response, done=not translation.enabled)


def do_start(client, translation):
    source = translation.source
    instance = source.get_source_instance()
    if isinstance(instance, Page):
        url = f"{LOCALIZE}/submit/page/{instance.pk}/"
    else:
        opts = instance._meta
        url = f"{LOCALIZE}/submit/snippet/{opts.app_label}/{opts.model_name}/{instance.pk}/"
    turkish = Locale.objects.get(language_code="tr")
    form = client.get(url)
    started = client.post(url, {"locales": [turkish.pk]})
    done = Translation.objects.filter(source=source, target_locale=turkish).exists()
    return outcome(form, started, done=done)


def do_update(client, translation):
    source = translation.source
    before = source.last_updated_at
    url = f"{LOCALIZE}/update/{source.pk}/"
    form = client.get(url)
    updated = client.post(url, {})
    source.refresh_from_db()
    return outcome(form, updated, done=source.last_updated_at != before)


def do_convert(client, translation):
    target = translation.get_target_instance()
    url = f"{LOCALIZE}/page/{target.pk}/convert_to_alias/"
    form = client.get(url)
    converted = client.post(url)
    target.refresh_from_db()
    return outcome(form, converted, done=target.alias_of_id is not None)


TRANSLATE = {
    "edit a string": do_edit_string,
    "delete a string": do_delete_string,
    "edit an override": do_edit_override,
    "download the PO file": do_download_po,
    "upload a PO file": do_upload_po,
    "stop translating": do_stop,
    "start a translation": do_start,
    "update translations": do_update,
    "convert to alias": do_convert,
}


@pytest.mark.parametrize("where", ["Lunetten", "Oost"])
@pytest.mark.parametrize("role", PEOPLE)
@pytest.mark.parametrize("model", list(TRANSLATION_ACTIONS))
def test_translation_matrix(client, lunetten, oost, model, role, where):
    """One row per test: every translation action on a fresh translation of an item of `where`."""
    neighbourhood = lunetten if where == "Lunetten" else oost
    column = PEOPLE.index(role) * 2 + (where == "Oost")
    client.force_login(make_person(role, lunetten))

    outcomes = {}
    for action in TRANSLATION_ACTIONS[model]:
        translation = make_translated(model, neighbourhood, action)
        outcomes[action] = TRANSLATE[action](client, translation)

    expected = {action: TRANSLATING[action][column] for action in TRANSLATION_ACTIONS[model]}
    assert outcomes == expected
