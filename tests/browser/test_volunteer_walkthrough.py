"""A volunteer of Lunetten, in the Dutch admin, adds a weekly event at a meeting place with one
cancelled date and sends it to moderation; Lunetten's moderator approves it and it is on the
agenda (issue 13's walk-through). Screenshots at 360 and 1280 px go to the test artefacts.

axe-core checks what this project adds to the admin (the event form's panels, the dashboard's
panels) and must find nothing serious or critical there; what it finds in Wagtail's own admin is
written to `admin-axe-wagtail.json` beside the screenshots, rule by rule and page by page.
"""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.event_form import cancel_one_date
from tests.browser.test_event_submission import log_in, make_user

# Clock: the event starts tomorrow.
pytestmark = pytest.mark.clock

TITLE = "Wandelen met de buurt"
# What this project renders inside the admin pages the walk-through visits.
OURS = [
    '[data-controller~="recurrence"]',  # the repeat fields that unfold (events/panels.py)
    '[id^="id_exceptions-"]',  # the changed dates (events/templates/events/panels/)
    "#awaiting-review-section",
    "#feeds-to-check-section",
    "#services-to-check-section",
]


def axe_results(page):
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [v for v in found if v["impact"] in {"serious", "critical"}]


def ours(violations, page):
    """The serious violations whose elements lie inside what this project renders."""
    inside = []
    for violation in violations:
        for node in violation["nodes"]:
            target = node["target"][0] if node["target"] else ""
            if not isinstance(target, str):
                continue
            hit = page.evaluate(
                "([target, ours]) => { const element = document.querySelector(target);"
                " return !!element && ours.some(selector => element.closest(selector)); }",
                [target, OURS],
            )
            if hit:
                inside.append(f"{violation['id']}: {target}")
    return inside


def check(page, name, artifacts, wagtails):
    violations = axe_results(page)
    wagtails.extend(
        {
            "page": name,
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "elements": [node["target"] for node in v["nodes"][:5]],
        }
        for v in violations
    )
    assert ours(violations, page) == [], name


def test_a_dutch_volunteer_adds_a_weekly_event_and_the_moderator_publishes_it(
    city_db, page, site_url, artifacts
):
    from events.models import Event
    from infopoint.models import Neighbourhood
    from venues.models import Venue

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    venue = Venue.objects.filter(neighbourhood=lunetten, locale__language_code="nl", live=True)
    venue = venue.order_by("name").first()
    first = timezone.localdate() + timedelta(days=1)
    cancelled = first + timedelta(weeks=1)
    wagtails = []

    make_user("walk-editor", "Lunetten editors")
    log_in(page, site_url, "walk-editor")
    check(page, "dashboard (editor)", artifacts, wagtails)

    page.goto(site_url(None, "/admin/snippets/events/event/add/"), wait_until="networkidle")
    expect(page).to_have_title(re.compile("Activiteit"))  # the admin speaks Dutch
    page.screenshot(path=str(artifacts / "walk-event-form-360.png"), full_page=True)
    # The only neighbourhood is chosen already, without an empty choice beside it.
    assert page.locator('select[name="neighbourhood"] option').all_inner_texts() == ["Lunetten"]
    page.fill('input[name="title"]', TITLE)
    page.fill('input[name="start"]', f"{first:%Y-%m-%d} 10:00")
    page.fill('input[name="end"]', f"{first:%Y-%m-%d} 11:30")
    page.keyboard.press("Escape")
    # The form unfolds: a one-off shows none of the repeat fields; weekly shows its weekdays
    # and how it ends (and only then the date it ends on).
    weekdays, ends = page.locator('input[name="weekdays"]').first, page.locator('[name="ends"]')
    until = page.locator('input[name="repeat_until"]')
    expect(weekdays).to_be_hidden()
    expect(ends.first).to_be_hidden()
    page.locator('select[name="repeat"]').select_option("weekly")
    expect(weekdays).to_be_visible()
    expect(ends.first).to_be_visible()
    expect(until).to_be_hidden()
    check(page, "event form (editor)", artifacts, wagtails)

    # The meeting place, from the chooser (it offers Lunetten's places only).
    page.locator("#id_venue-chooser .unchosen [data-chooser-action-choose]").click()
    chooser = page.locator(".modal-content")
    chooser.get_by_role("link", name=venue.name).first.click()
    expect(chooser).to_be_hidden()

    cancel_one_date(page, cancelled)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(artifacts / "walk-event-form-1280.png"), full_page=True)
    page.locator('button[name="action-submit"]').dispatch_event("click")
    page.wait_for_url(re.compile(r"/admin/snippets/events/event/(\?.*)?$"))
    event = Event.objects.get(title=TITLE)
    assert not event.live
    assert event.venue.translation_key == venue.translation_key
    assert event.current_workflow_state.status == "in_progress"

    # Lunetten's moderator approves it from the dashboard.
    page.context.clear_cookies()
    make_user("walk-moderator", "Lunetten moderators")
    log_in(page, site_url, "walk-moderator")
    check(page, "dashboard (moderator)", artifacts, wagtails)
    awaiting = page.locator("#awaiting-review-section")
    awaiting.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/admin/snippets/events/event/edit/{event.pk}/$"))
    check(page, "event form (moderator)", artifacts, wagtails)
    page.set_viewport_size({"width": 360, "height": 740})
    page.screenshot(path=str(artifacts / "walk-moderator-360.png"), full_page=True)
    approve = page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    with page.expect_navigation():
        approve.dispatch_event("click")
    event.refresh_from_db()
    assert event.live

    page.goto(site_url(lunetten, "/nl/agenda/?q=wandelen"))
    items = page.locator(".occurrence")
    assert items.count() >= 3
    cancelled_item = page.locator(".occurrence--cancelled")
    assert cancelled_item.count() == 1
    assert (
        cancelled_item.locator("time").get_attribute("datetime").startswith(cancelled.isoformat())
    )
    # No page of the walk-through asked anything of another host.
    assert page.requested_hosts <= {"localhost", "lunetten.localhost", None}
    (artifacts / "admin-axe-wagtail.json").write_text(
        json.dumps(wagtails, indent=2, ensure_ascii=False), encoding="utf-8"
    )
