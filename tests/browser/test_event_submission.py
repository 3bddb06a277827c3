"""A resident hands in an event; Lunetten's moderator approves it; Oost's editors never see it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

# Clock: a submitted event is dated from today.
pytestmark = pytest.mark.clock

PASSWORD = "submission-test-pw"  # noqa: S105 - a throwaway account in the test database
TITLE = "Buurtbreien in de speeltuin"
EMAIL = "resident.private@example.org"


def make_user(username, group_name):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, site_url, username):
    page.goto(site_url(None, "/admin/login/"))
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_resident_submits_and_the_neighbourhoods_moderator_publishes(
    city_db, page, site_url, axe, artifacts, browser
):
    from events.models import Event
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    day = timezone.localdate() + timedelta(days=3)

    # A resident, without an account, fills in the form on Lunetten's site.
    page.goto(site_url(lunetten, "/nl/evenement-aanmelden/"))
    assert axe(page) == []
    page.fill('input[name="name"]', "Resident Tester")
    page.fill('input[name="email"]', EMAIL)
    page.fill('input[name="title"]', TITLE)
    page.fill('textarea[name="description"]', "Samen breien. Wol is er, koffie ook.")
    page.fill('input[name="date"]', day.isoformat())
    page.fill('input[name="start_time"]', "14:00")
    page.fill('input[name="end_time"]', "16:00")
    page.fill('input[name="place"]', "Speeltuin achter de school")
    page.locator('input[name="cost"][value="paid"]').check()
    page.fill('input[name="price"]', "€ 2, wol inbegrepen")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/nl/evenement-aanmelden/thanks/$"))
    assert page.locator("[role=status]").is_visible()
    assert axe(page) == []
    page.screenshot(path=str(artifacts / "event_submission_thanks.png"), full_page=True)

    event = Event.objects.get(title=TITLE)
    assert not event.live and event.neighbourhood == lunetten
    assert not event.is_free and event.price == "€ 2, wol inbegrepen"

    # Lunetten's moderator finds it on the dashboard and approves it.
    make_user("lunetten-moderator", "Lunetten moderators")
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, site_url, "lunetten-moderator")
    awaiting = page.locator("#awaiting-review-section")
    assert TITLE in awaiting.inner_text()
    awaiting.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/admin/snippets/events/event/edit/{event.pk}/$"))
    # The plain approve action (without the comment dialog) sits in the action menu.
    page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).dispatch_event("click")
    page.wait_for_load_state("networkidle")
    event.refresh_from_db()
    assert event.live

    page.goto(site_url(lunetten, "/nl/agenda/"))
    assert TITLE in page.locator(".occurrence__title").all_inner_texts()
    page.goto(site_url(lunetten, f"/nl/agenda/{event.slug}/"))
    assert EMAIL not in page.content()
    assert "€ 2, wol inbegrepen" in page.locator("main").inner_text()

    # An editor of Oost logs in (in a fresh browser session) and cannot find or open it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    other = context.new_page()
    try:
        make_user("oost-editor", "Oost editors")
        log_in(other, site_url, "oost-editor")
        other.goto(site_url(None, "/admin/snippets/events/event/"))
        assert TITLE not in other.content()
        edit_path = f"/admin/snippets/events/event/edit/{event.pk}/"
        response = other.goto(site_url(None, edit_path))
        refused = response.status in {403, 404} or not other.url.endswith(edit_path)
        assert refused and TITLE not in other.content()
    finally:
        context.close()


def test_an_incomplete_submission_names_each_missing_field_and_leads_to_it(
    city_db, page, site_url, axe
):
    """What a resident sees when they press send too early: a summary at the top that names
    every field to fill in, each a link that brings them to that field, and nothing stored."""
    from events.models import Event
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    events_before = Event.objects.count()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url(lunetten, "/nl/evenement-aanmelden/"))
    page.fill('input[name="name"]', "Resident Tester")
    page.locator("form.form button[type=submit]").click()

    summary = page.locator(".form-errors[role=alert]")
    summary.wait_for()
    items = summary.locator("li a").all_inner_texts()
    assert "Uw e-mailadres: Dit is een verplicht veld." in items
    assert not any(item.startswith("Uw naam") for item in items)
    assert all(": " in item for item in items) and len(items) >= 3
    assert summary.bounding_box()["y"] < 740  # on the first screen of a phone

    # Following a link of the summary puts the resident in that field.
    summary.get_by_role("link", name=re.compile("^Uw e-mailadres")).click()
    assert page.evaluate("document.activeElement.name") == "email"
    assert page.locator('input[name="name"]').input_value() == "Resident Tester"
    assert axe(page) == []
    assert Event.objects.count() == events_before
