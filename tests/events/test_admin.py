"""Editors in the admin: creating, validating, previewing, scoping and translating events."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import Event, Occurrence
from tests.events.conftest import local

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

ADD_URL = "/admin/snippets/events/event/add/"


def form_data(neighbourhood, **overrides):
    day = timezone.localdate() + timedelta(days=1)
    data = {
        "title": "Buurtlunch",
        "slug": "",
        "neighbourhood": neighbourhood.pk,
        "summary": "Samen lunchen.",
        "description": rich_text(""),
        "start": f"{day:%Y-%m-%d} 12:00",
        "end": f"{day:%Y-%m-%d} 13:30",
        "repeat": "weekly",
        "interval": "1",
        "weekdays": [],
        "ends": "never",
        "status": "EventScheduled",
        "audience": "everyone",
        "is_free": "on",
        "tags": "eten",
        "exceptions": inline_formset(
            [
                {
                    "date": f"{day + timedelta(weeks=1):%Y-%m-%d}",
                    "action": "cancel",
                    "note": "Vakantie",
                }
            ]
        ),
        "action-publish": "publish",
    }
    return {**nested_form_data(data), **overrides}


def test_editor_publishes_a_weekly_event_with_a_cancelled_date(admin_client, lunetten):
    response = admin_client.post(ADD_URL, form_data(lunetten), HTTP_HOST="localhost")
    assert response.status_code == 302, response.content.decode()[:2000]

    event = Event.objects.get(title="Buurtlunch")
    assert event.live and event.slug == "buurtlunch"
    assert list(event.tags.names()) == ["eten"]
    rows = list(Occurrence.objects.filter(event=event)[:3])
    assert [r.cancelled for r in rows] == [False, True, False]
    assert rows[1].note == "Vakantie"


def test_weekday_tick_boxes_are_stored_as_codes(admin_client, lunetten):
    data = form_data(lunetten, weekdays=["TH", "MO"])
    assert admin_client.post(ADD_URL, data, HTTP_HOST="localhost").status_code == 302
    event = Event.objects.get(title="Buurtlunch")
    assert event.weekdays == "MO,TH"
    edit = admin_client.get(f"/admin/snippets/events/event/edit/{event.pk}/", HTTP_HOST="localhost")
    assert edit.status_code == 200
    checked = re.findall(r'<input[^>]*value="(\w\w)"[^>]*checked', edit.content.decode())
    assert checked == ["MO", "TH"]


def test_an_invalid_event_is_refused_and_nothing_is_stored(admin_client, lunetten):
    data = form_data(lunetten)
    data["end"] = data["start"].replace("12:00", "11:00")
    response = admin_client.post(ADD_URL, data, HTTP_HOST="localhost")
    assert response.status_code == 200
    # The admin speaks the editor's language (Dutch by default).
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert not Event.objects.exists() and not Occurrence.objects.exists()


def test_saving_a_draft_writes_no_dates(admin_client, lunetten):
    data = form_data(lunetten)
    del data["action-publish"]
    assert admin_client.post(ADD_URL, data, HTTP_HOST="localhost").status_code == 302
    event = Event.objects.get(title="Buurtlunch")
    assert not event.live and not Occurrence.objects.exists()


def test_preview_shows_the_dates_without_writing_them(lunetten, make_event):
    event = make_event("Voorbeeld", repeat="weekly", publish=False)
    request = RequestFactory().get("/", HTTP_HOST="lunetten.localhost")
    request.user = get_user_model().objects.create_superuser("redacteur", "r@example.org", "x")
    response = event.serve_preview(request, "")
    html = response.render().content.decode()
    assert response.status_code == 200
    assert "Voorbeeld" in html and "event-dates" in html
    assert not Occurrence.objects.exists()


def test_editors_see_only_their_neighbourhoods_events(client, lunetten, oost, make_event):
    make_event("Van Lunetten")
    make_event("Van Oost", neighbourhood=oost)
    user = get_user_model().objects.create_user("vrijwilliger", password="x")
    user.groups.add(lunetten.editors)
    lunetten.editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="events", codename__in=["change_event", "add_event"]
        )
    )
    client.force_login(user)
    html = client.get("/admin/snippets/events/event/", HTTP_HOST="localhost").content.decode()
    assert "Van Lunetten" in html and "Van Oost" not in html


def test_wagtail_localize_translates_text_and_keeps_the_schedule(lunetten, make_event, make_venue):
    from wagtail_localize.models import TranslationSource

    event = make_event(
        "Koffieochtend",
        venue=make_venue("Buurthuis"),  # a venue without an English translation
        tags=["koffie"],
        repeat="weekly",
        start=local(2026, 12, 1, 10),
        end=local(2026, 12, 1, 11),
        exceptions=[{"date": local(2026, 12, 8).date(), "action": "cancel"}],
    )
    source, _created = TranslationSource.get_or_create_from_instance(event)
    english_locale = Locale.objects.get(language_code="en")
    # Untranslated text falls back to the Dutch source until a translator fills it in.
    english, _ = source.create_or_update_translation(english_locale, fallback=True)
    english = Event.objects.get(pk=english.pk)

    assert english.translation_key == event.translation_key
    assert english.slug == event.slug  # synchronised: one URL per event in every language
    assert english.start == event.start and english.repeat == "weekly"
    assert english.venue == event.venue and list(english.tags.names()) == ["koffie"]
    assert [e.date for e in english.exceptions.all()] == [local(2026, 12, 8).date()]
    assert english.live  # wagtail-localize publishes snippets with DraftStateMixin
    assert Occurrence.objects.filter(event=english, cancelled=True).count() == 1


@pytest.mark.parametrize(
    "url", ["/admin/snippets/events/eventfeed/", "/admin/snippets/events/eventfeed/add/"]
)
def test_feed_admin_pages_open(admin_client, lunetten, url):
    assert admin_client.get(url, HTTP_HOST="localhost").status_code == 200


@pytest.fixture
def dutch_editor(client, lunetten):
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_user("lunetten-editor", password="x")
    user.groups.add(lunetten.editors)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("action", "said"),
    [
        ({}, "Activiteit 'Buurtlunch' aangemaakt."),
        (
            {"action-submit": "submit"},
            "Activiteit 'Buurtlunch' is aangemaakt en ingediend ter goedkeuring.",
        ),
    ],
)
def test_a_new_event_is_reported_as_created_in_dutch(dutch_editor, lunetten, action, said):
    data = form_data(lunetten, **action)
    del data["action-publish"]

    response = dutch_editor.post(ADD_URL, data, HTTP_HOST="localhost", follow=True)

    (message,) = response.context["messages"]
    assert strip_tags(unescape(str(message))).strip().startswith(said)


# -- the form unfolds -------------------------------------------------------------------------


def wrapper_of(html, name):
    """The attributes of the panel wrapper around the field `name`."""
    field_at = html.index(f'id="id_{name}"')
    start = html.rindex('<div class="w-panel__wrapper', 0, field_at)
    return html[start : html.index(">", start)]


def test_the_event_form_says_which_recurrence_fields_belong_to_which_repetition(dutch_editor):
    html = dutch_editor.get(ADD_URL, HTTP_HOST="localhost").content.decode()

    assert 'data-controller="recurrence"' in html
    assert "events/js/recurrence.js" in html
    assert 'data-recurrence-repeat="weekly"' in wrapper_of(html, "weekdays_0")
    assert 'data-recurrence-repeat="monthly_weekday"' in wrapper_of(html, "week_of_month")
    assert 'data-recurrence-ends="until"' in wrapper_of(html, "repeat_until")
    assert 'data-recurrence-ends="count"' in wrapper_of(html, "repeat_count")
    assert 'data-recurrence-repeat="custom"' in wrapper_of(html, "rrule")
    assert "none" not in wrapper_of(html, "interval")  # a one-off shows none of them
    # Without JavaScript nothing is hidden: the script hides what does not belong.
    assert "hidden" not in wrapper_of(html, "interval")


def test_an_editor_of_one_neighbourhood_gets_it_filled_in_without_an_empty_choice(
    dutch_editor, lunetten
):
    html = dutch_editor.get(ADD_URL, HTTP_HOST="localhost").content.decode()

    select = html[html.index('<select name="neighbourhood"') :]
    select = select[: select.index("</select>")]
    assert "---------" not in select
    assert re.findall(r"<option[^>]*>", select) == [f'<option value="{lunetten.pk}" selected>']


def test_a_changed_date_shows_its_date_in_its_heading(dutch_editor, make_event):
    day = timezone.localdate() + timedelta(days=8)
    event = make_event(
        repeat="weekly", exceptions=[{"date": day, "action": "cancel", "note": "Vakantie"}]
    )

    response = dutch_editor.get(
        f"/admin/snippets/events/event/edit/{event.pk}/", HTTP_HOST="localhost"
    )

    with translation.override("nl"):
        shown = date_format(day, "l j F Y")
    assert re.search(
        r"Wijziging van één datum<span data-inline-panel-child-count></span>: " + shown,
        response.content.decode(),
    )
