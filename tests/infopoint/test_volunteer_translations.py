"""Volunteers translate their own neighbourhood: editors and moderators may start a translation
of its pages and snippets, and of nothing in another neighbourhood."""

import pytest
from wagtail.models import Locale

from events.models import Event
from infopoint.models import StandardPage
from tests.infopoint.snippet_forms import make_event

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

SNIPPET = "/admin/localize/submit/snippet/events/event/{pk}/"
PAGE = "/admin/localize/submit/page/{pk}/"


@pytest.fixture(params=["editors", "moderators"])
def volunteer(request, client, lunetten, django_user_model):
    user = django_user_model.objects.create_user("vrijwilliger", password="x")
    user.groups.add(getattr(lunetten, request.param))
    client.force_login(user)
    return client


def english():
    return Locale.objects.get(language_code="en")


def test_the_neighbourhood_groups_may_start_translations(lunetten):
    for group in (lunetten.editors, lunetten.moderators):
        assert group.permissions.filter(codename="submit_translation").exists()


def test_a_volunteer_translates_an_event_of_their_neighbourhood(volunteer, lunetten):
    event = make_event(lunetten, "Koffieochtend")
    url = SNIPPET.format(pk=event.pk)

    assert volunteer.get(url).status_code == 200
    response = volunteer.post(url, {"locales": [english().pk]})

    assert response.status_code == 302
    assert Event.objects.filter(translation_key=event.translation_key, locale=english()).exists()


def test_a_volunteer_cannot_translate_another_neighbourhoods_event(volunteer, oost):
    event = make_event(oost, "Markt")
    url = SNIPPET.format(pk=event.pk)

    assert volunteer.get(url).status_code in (302, 403)
    assert volunteer.post(url, {"locales": [english().pk]}).status_code in (302, 403)
    assert not Event.objects.filter(
        translation_key=event.translation_key, locale=english()
    ).exists()


def standard_page(neighbourhood, slug):
    page = StandardPage(title="Over ons", slug=slug)
    neighbourhood.site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_volunteer_may_translate_a_page_of_their_neighbourhood_only(volunteer, lunetten, oost):
    own = standard_page(lunetten, "over-ons")
    other = standard_page(oost, "over-oost")

    assert volunteer.get(PAGE.format(pk=own.pk)).status_code == 200
    assert volunteer.get(PAGE.format(pk=other.pk)).status_code in (302, 403)
    volunteer.post(PAGE.format(pk=other.pk), {"locales": [english().pk]})
    assert not StandardPage.objects.filter(
        translation_key=other.translation_key, locale=english()
    ).exists()
