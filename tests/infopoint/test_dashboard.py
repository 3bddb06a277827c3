"""The admin dashboard shows each volunteer what needs attention in their own neighbourhood."""

import datetime
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from events.models import Event, EventStatus
from infopoint.models import GuideIndexPage
from infopoint.translation import translate
from tests.infopoint.conftest import add_guide, section

# Clock: 'the next 14 days' and 'not checked for a year' count from today.
pytestmark = pytest.mark.clock

DASHBOARD = "/admin/"
LONG_AGO = timezone.localdate() - datetime.timedelta(days=400)


def person(username, *groups, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", "x")
    user = User.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(*groups)
    return user


def add_event(neighbourhood, title, days_ahead=3, live=True, **fields):
    start = (timezone.now() + timedelta(days=days_ahead)).replace(microsecond=0)
    event = Event(
        title=title,
        neighbourhood=neighbourhood,
        locale=Locale.get_default(),
        start=start,
        end=start + timedelta(hours=2),
        live=live,
        **fields,
    )
    event.save()
    return event


def submit(obj, user):
    """What the editor's "Submit" button does."""
    obj.save_revision(user=user)
    obj.get_workflow().start(obj, user)


def panel(html, panel_id):
    """The text of one dashboard panel, or None when the dashboard does not show it."""
    match = re.search(rf'<section[^>]*id="{panel_id}-section".*?</section>', html, re.S)
    return match.group(0) if match else None


def dashboard(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
class TestEventsWithoutVenue:
    def test_lists_the_neighbourhoods_coming_events_that_have_no_place(
        self, client, lunetten, oost, make_venue
    ):
        venue = make_venue("Buurthuis De Lunet")
        missing = add_event(lunetten, "Buurtlunch zonder plek")
        add_event(lunetten, "Met plek", venue=venue)
        add_event(lunetten, "Online", online_url="https://meet.example.org/x")
        add_event(lunetten, "Volgende maand", days_ahead=30)
        add_event(lunetten, "Afgelast", status=EventStatus.CANCELLED)
        add_event(lunetten, "Nog een concept", live=False)
        add_event(oost, "Van Oost")
        editor = person("lunetten-editor", lunetten.editors)

        html = panel(dashboard(client, editor), "events-without-venue")

        assert "Buurtlunch zonder plek" in html
        assert f'href="/admin/snippets/events/event/edit/{missing.pk}/"' in html
        for hidden in ["Met plek", "Online", "Volgende maand", "Afgelast", "concept", "Oost"]:
            assert hidden not in html

    def test_a_free_text_place_is_shown_so_it_can_be_linked_to_a_venue(self, client, lunetten):
        add_event(lunetten, "Picknick", place="Park achter de school")
        html = panel(dashboard(client, person("ed", lunetten.editors)), "events-without-venue")
        assert "Picknick" in html and "Park achter de school" in html

    def test_a_superuser_sees_every_neighbourhood_labelled(self, client, lunetten, oost):
        add_event(lunetten, "Buurtlunch")
        add_event(oost, "Oostfeest")
        html = panel(dashboard(client, person("stad", superuser=True)), "events-without-venue")
        rows = re.findall(r"<tr>.*?</tr>", html, re.S)
        assert any("Buurtlunch" in row and "Lunetten" in row for row in rows)
        assert any("Oostfeest" in row and "Oost" in row for row in rows)

    def test_users_without_a_neighbourhood_see_no_such_panel(self, client, lunetten):
        from django.contrib.auth.models import Permission

        user = person("bezoeker")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        html = dashboard(client, user)
        assert panel(html, "events-without-venue") is None
        assert panel(html, "guides-to-check") is None


@pytest.mark.django_db
class TestGuidesToCheck:
    def test_lists_guides_of_the_neighbourhood_in_every_language(self, client, lunetten, oost):
        guides = section(lunetten, GuideIndexPage)
        old = add_guide(guides, "Hulp bij je energierekening", "energie", last_checked=LONG_AGO)
        add_guide(guides, "Afval", "afval")
        add_guide(section(oost, GuideIndexPage), "Oostgids", "oostgids", last_checked=LONG_AGO)
        english = translate(
            old, Locale.objects.get(language_code="en"), {"title": "Help with your energy bill"}
        )
        editor = person("lunetten-editor", lunetten.editors)

        html = panel(dashboard(client, editor), "guides-to-check")

        assert f'href="/admin/pages/{old.pk}/edit/"' in html
        assert f'href="/admin/pages/{english.pk}/edit/"' in html
        assert "Help with your energy bill" in html
        assert "Afval" not in html and "Oostgids" not in html

    def test_nothing_to_check_says_so(self, client, lunetten):
        add_guide(section(lunetten, GuideIndexPage), "Afval", "afval")
        html = panel(dashboard(client, person("ed", lunetten.editors)), "guides-to-check")
        assert "<table" not in html and "<p>" in html


@pytest.mark.django_db
class TestAwaitingReview:
    """Wagtail's own panel: each neighbourhood's task belongs to its moderators group."""

    def test_a_moderator_sees_their_neighbourhoods_submissions_only(self, client, lunetten, oost):
        editor = person("lunetten-editor", lunetten.editors)
        event = add_event(lunetten, "Ingediend evenement", live=False)
        submit(event, editor)
        other = add_event(oost, "Ingediend in Oost", live=False)
        submit(other, editor)
        page = add_guide(section(lunetten, GuideIndexPage), "Ingediende gids", "gids")
        submit(page, editor)

        html = panel(
            dashboard(client, person("lunetten-moderator", lunetten.moderators)), "awaiting-review"
        )
        assert "Ingediend evenement" in html and "Ingediende gids" in html
        assert "Ingediend in Oost" not in html
        # The moderator can act from the dashboard on both.
        assert f"/admin/snippets/events/event/workflow/action/{event.pk}/approve/" in html
        assert f"/admin/pages/workflow/action/{page.pk}/approve/" in html

        oost_html = dashboard(client, person("oost-moderator", oost.moderators))
        assert "Ingediend in Oost" in panel(oost_html, "awaiting-review")
        assert "Ingediend evenement" not in oost_html

        assert panel(dashboard(client, editor), "awaiting-review") is None


# Measured: 28 for a superuser, 35 for a moderator, 30 for an editor (SQLite); then one query
# each for the guide-report and partner-calendar panels and for two-step sign-in's device check:
# 41 at most. What the test holds is that the count does not grow with the work listed.
BUDGET = 45


def queries_for(client, user, django_assert_max_num_queries):
    client.force_login(user)
    client.get(DASHBOARD)  # the first visit sets up the user's profile and session
    with django_assert_max_num_queries(BUDGET) as queries:
        html = client.get(DASHBOARD).content.decode()
    assert "Zonder plek" in panel(html, "events-without-venue")
    assert "Gids" in panel(html, "guides-to-check")
    return len(queries)


def add_work(lunetten, oost, editor, start, stop):
    """Events without a venue, stale guides and submissions waiting for review."""
    guides = section(lunetten, GuideIndexPage)
    for number in range(start, stop):
        add_event(lunetten if number % 2 else oost, f"Zonder plek {number}", days_ahead=2)
        add_guide(guides, f"Gids {number}", f"gids-{number}", last_checked=LONG_AGO)
        submitted = add_event(lunetten, f"Ingediend {number}", live=False)
        submit(submitted, editor)


@pytest.mark.django_db
def test_the_dashboard_runs_the_same_queries_however_much_needs_attention(
    client, lunetten, oost, django_assert_max_num_queries
):
    editor = person("lunetten-editor", lunetten.editors)
    people = [
        person("stad", superuser=True),
        person("lunetten-moderator", lunetten.moderators),
        editor,
    ]
    add_work(lunetten, oost, editor, 0, 10)
    few = [queries_for(client, user, django_assert_max_num_queries) for user in people]
    add_work(lunetten, oost, editor, 10, 100)
    many = [queries_for(client, user, django_assert_max_num_queries) for user in people]
    assert many == few

    # A superuser sees 100 of each: 20 listed, the other 80 counted.
    html = dashboard(client, people[0])
    for panel_id in ["events-without-venue", "guides-to-check"]:
        assert len(re.findall(r'<td class="title">', panel(html, panel_id))) == 20
        assert "En nog 80 " in panel(html, panel_id)
    assert "En nog 80 wachten op beoordeling." in html
