"""A Lunetten editor's numbers and suggestions come from Lunetten, not the whole city."""

import re

import pytest
from wagtail.models import Page

from events.models import Event
from tests.infopoint.snippet_forms import make_event
from venues.models import Venue

# Clock: events are dated from today.
pytestmark = pytest.mark.clock


@pytest.fixture
def editor(client, lunetten, django_user_model):
    user = django_user_model.objects.create_user("lunetten-editor", password="x")
    user.groups.add(lunetten.editors)
    client.force_login(user)
    return client


@pytest.fixture
def both(lunetten, oost):
    """A venue and an event in each neighbourhood, tagged with the neighbourhood's words."""
    for neighbourhood, tag in ((lunetten, "lunettenfeest"), (oost, "oostmarkt")):
        venue = Venue.objects.create(
            neighbourhood=neighbourhood,
            name=f"Buurthuis {neighbourhood}",
            slug=f"buurthuis-{neighbourhood.slug}",
        )
        venue.tags.add(f"{tag}-plek")
        venue.save()
        event = make_event(neighbourhood, f"Feest in {neighbourhood}")
        event.tags.add(tag)
        event.save()
    return lunetten, oost


def pages_of(neighbourhood):
    """The pages of a neighbourhood, in every language."""
    keys = [neighbourhood.site.root_page.translation_key]
    homes = Page.objects.filter(depth=2, translation_key__in=keys)
    return sum(Page.objects.descendant_of(home, inclusive=True).count() for home in homes)


def test_the_dashboard_counts_the_pages_of_the_editors_neighbourhood(editor, lunetten, oost):
    html = editor.get("/admin/").content.decode()

    counted = int(re.search(r"(\d+)\s+Pagina", html).group(1))
    assert counted == pages_of(lunetten)
    assert counted < Page.objects.filter(depth__gt=1).count()


def test_the_dashboard_of_a_superuser_counts_the_whole_city(admin_client, lunetten, oost):
    html = admin_client.get("/admin/").content.decode()

    counted = int(re.search(r"(\d+)\s+Pagina", html).group(1))
    assert counted == Page.objects.filter(depth__gt=1).count()


@pytest.fixture
def overview_of_all(settings):
    """The overview lists every snippet (by default only those without a menu of their own)."""
    settings.WAGTAILSNIPPETS_MENU_SHOW_ALL = True


def snippet_counts(response):
    return {
        snippet_type["model"]: snippet_type["count"]
        for snippet_type in response.context["view"].snippet_types
    }


def test_the_snippets_overview_counts_the_editors_own_items(editor, both, overview_of_all):
    counts = snippet_counts(editor.get("/admin/snippets/"))

    assert counts[Venue] == 1
    assert counts[Event] == 1


def test_the_snippets_overview_of_a_superuser_counts_the_whole_city(
    admin_client, both, overview_of_all
):
    counts = snippet_counts(admin_client.get("/admin/snippets/"))

    assert counts[Venue] == 2
    assert counts[Event] == 2


@pytest.mark.parametrize(
    "listing", ["/admin/snippets/venues/venue/", "/admin/snippets/events/event/"]
)
def test_the_neighbourhood_filter_offers_only_the_editors_neighbourhoods(
    editor, lunetten, oost, listing
):
    response = editor.get(listing)

    offered = response.context["filters"].form.fields["neighbourhood"].queryset
    assert list(offered) == [lunetten]
    assert response.status_code == 200


def test_filtering_on_another_neighbourhood_answers_without_an_error(editor, both):
    lunetten, oost = both

    response = editor.get("/admin/snippets/events/event/", {"neighbourhood": oost.pk})

    assert response.status_code == 200
    assert "Feest in Oost" not in response.content.decode()


@pytest.mark.parametrize("url", ["/admin/tag-autocomplete/", "/admin/tag-autocomplete/taggit/tag/"])
def test_tag_suggestions_come_from_the_editors_neighbourhood(editor, both, url):
    assert editor.get(url, {"term": "lun"}).json() == ["lunettenfeest", "lunettenfeest-plek"]
    assert editor.get(url, {"term": "oost"}).json() == []


def test_a_superuser_is_suggested_every_tag(admin_client, both):
    response = admin_client.get("/admin/tag-autocomplete/", {"term": "oost"})

    assert response.json() == ["oostmarkt", "oostmarkt-plek"]
