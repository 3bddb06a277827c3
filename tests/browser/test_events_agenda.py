"""The agenda in a real browser: a resident filtering, an editor cancelling a date, axe checks."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.event_form import cancel_one_date
from tests.events.conftest import wednesday  # noqa: F401 - a shared fixture

# Clock: the agenda's 'this weekend' and its dates move with today.
pytestmark = pytest.mark.clock


def expected_weekend_free_titles(neighbourhood, today):
    from events.filters import AgendaFilterSet
    from events.queries import occurrence_queryset

    queryset = occurrence_queryset("nl").filter(event__neighbourhood=neighbourhood)
    filterset = AgendaFilterSet({"when": "weekend", "free": "on"}, queryset, today=today)
    return sorted(o.event.title for o in filterset.qs)


def test_resident_finds_free_activities_this_weekend(city_db, page, site_url, wednesday):  # noqa: F811
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    expected = expected_weekend_free_titles(lunetten, wednesday)

    page.goto(site_url(lunetten, "/nl/agenda/"))
    # Fields by name: the interface language's catalogue is maintained separately.
    page.locator('select[name="when"]').select_option("weekend")
    page.locator('input[name="free"]').check()
    page.locator(".agenda-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"when=weekend"))

    shown = sorted(page.locator(".occurrence__title").all_inner_texts())
    assert shown == expected
    weekend_days = {wednesday + timedelta(days=3), wednesday + timedelta(days=4)}
    for stamp in page.locator(".occurrence__when time").evaluate_all(
        "items => items.map(item => item.getAttribute('datetime'))"
    ):
        assert stamp[:10] in {day.isoformat() for day in weekend_days} or not expected
    assert page.locator('input[name="free"]').is_checked()  # the filters stay chosen


def test_editor_cancels_one_date_of_a_weekly_event(city_db, page, site_url, artifacts):
    from home.management.commands.load_demo import ADMIN_PASSWORD, ADMIN_USERNAME
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    first = timezone.localdate() + timedelta(days=1)
    cancelled = first + timedelta(weeks=1)

    page.goto(site_url(None, "/admin/login/"))
    page.fill('input[name="username"]', ADMIN_USERNAME)
    page.fill('input[name="password"]', ADMIN_PASSWORD)
    page.locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # The admin's buttons work once its scripts have run; on a busy machine that is after 'load'.
    page.goto(site_url(None, "/admin/snippets/events/event/add/"), wait_until="networkidle")
    page.fill('input[name="title"]', "Wekelijkse wandelclub")
    page.locator('select[name="neighbourhood"]').select_option(label="Lunetten")
    page.fill('input[name="start"]', f"{first:%Y-%m-%d} 10:00")
    page.fill('input[name="end"]', f"{first:%Y-%m-%d} 11:30")
    page.locator('select[name="repeat"]').select_option("weekly")
    cancel_one_date(page, cancelled)
    page.locator('button[name="action-publish"]').dispatch_event("click")
    try:
        page.wait_for_url(re.compile(r"/admin/snippets/events/event/(\?.*)?$"))
    except Exception:
        page.screenshot(path=artifacts / "event-admin-failed.png", full_page=True)
        raise

    page.goto(site_url(lunetten, "/nl/agenda/?q=wandelclub"))
    items = page.locator(".occurrence")
    assert items.count() >= 3
    cancelled_item = page.locator(".occurrence--cancelled")
    assert cancelled_item.count() == 1
    assert "Wekelijkse wandelclub" in cancelled_item.inner_text()
    assert (
        "Geannuleerd" in cancelled_item.inner_text() or "Cancelled" in cancelled_item.inner_text()
    )
    assert (
        cancelled_item.locator("time").get_attribute("datetime").startswith(cancelled.isoformat())
    )


def test_agenda_month_view_and_detail_have_no_serious_accessibility_violations(
    city_db, page, site_url, axe
):
    from events.models import Event
    from infopoint.models import Neighbourhood

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    event = Event.objects.filter(neighbourhood=lunetten, slug="taalcafe").first()
    for path in ["/nl/agenda/", "/nl/agenda/month/", f"/nl/agenda/{event.slug}/", "/en/events/"]:
        response = page.goto(site_url(lunetten, path))
        assert response.status == 200, path
        assert axe(page) == [], path
    # The month table is reachable by keyboard: its first event link takes focus.
    page.goto(site_url(lunetten, "/nl/agenda/month/"))
    first_link = page.locator(".month-table a").first
    first_link.focus()
    assert first_link.evaluate("element => element === document.activeElement")
    assert page.requested_hosts == {"lunetten.localhost"}
