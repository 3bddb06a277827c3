import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from events.models import EventIndexPage
from home.models import HomePage
from infopoint.models import GuideIndexPage, Neighbourhood, NewsIndexPage, SearchPage
from services.models import ServiceIndexPage
from submissions.models import EventSubmissionPage
from venues.models import VenueIndexPage


def create(name, hostname, port=8000, **options):
    out = io.StringIO()
    call_command("create_neighbourhood", name, hostname=hostname, port=port, stdout=out, **options)
    return out.getvalue()


def snapshot():
    """Everything create_neighbourhood writes, counted."""
    return {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "neighbourhoods": Neighbourhood.objects.count(),
    }


@pytest.mark.django_db
class TestCreateNeighbourhood:
    def test_builds_site_home_sections_collection_and_groups(self):
        output = create("Hoograven", "hoograven.localhost")

        neighbourhood = Neighbourhood.objects.get(slug="hoograven")
        site = neighbourhood.site
        assert (site.hostname, site.port, site.site_name) == (
            "hoograven.localhost",
            8000,
            "Hoograven",
        )
        assert "Created Hoograven: http://hoograven.localhost:8000/" in output

        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert home.live
        sections = {type(page.specific) for page in home.get_children().live()}
        assert sections == {
            EventIndexPage,
            VenueIndexPage,
            ServiceIndexPage,
            NewsIndexPage,
            GuideIndexPage,
            SearchPage,
            EventSubmissionPage,
        }
        english_home = home.get_translation(home.locale.__class__.objects.get(language_code="en"))
        assert sorted(english_home.get_children().values_list("slug", flat=True)) == [
            "events",
            "guides",
            "help",
            "news",
            "search",
            "submit-an-event",
            "venues",
        ]
        assert neighbourhood.collection.name == "Hoograven"
        assert neighbourhood.collection.get_parent() == Collection.get_first_root_node()

    def test_groups_may_work_on_their_own_tree_only(self):
        create("Hoograven", "hoograven.localhost")
        create("Zuilen", "zuilen.localhost")
        hoograven = Neighbourhood.objects.get(slug="hoograven")
        zuilen = Neighbourhood.objects.get(slug="zuilen")

        hoograven_homes = set(hoograven.home_page.get_translations(inclusive=True))
        for group, publishes in [(hoograven.editors, False), (hoograven.moderators, True)]:
            permitted_pages = {p.page for p in GroupPagePermission.objects.filter(group=group)}
            assert permitted_pages == hoograven_homes
            codenames = set(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "permission__codename", flat=True
                )
            )
            assert ("publish_page" in codenames) is publishes
            assert {"add_page", "change_page"} <= codenames
            assert set(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection", flat=True
                )
            ) == {hoograven.collection.pk}
            assert group.permissions.filter(codename="access_admin").exists()

        assert not GroupPagePermission.objects.filter(
            group=hoograven.editors, page=zuilen.home_page
        ).exists()

    def test_running_again_changes_nothing(self):
        create("Hoograven", "hoograven.localhost")
        before = snapshot()

        output = create("Hoograven", "hoograven.localhost")

        assert snapshot() == before
        assert "Checked Hoograven" in output

    def test_running_again_repairs_a_missing_section(self):
        create("Hoograven", "hoograven.localhost")
        home = Neighbourhood.objects.get(slug="hoograven").home_page
        home.get_children().type(SearchPage).first().delete()

        create("Hoograven", "hoograven.localhost")

        assert home.get_children().type(SearchPage).exists()

    def test_refuses_a_hostname_that_is_taken(self):
        create("Hoograven", "hoograven.localhost")
        before = snapshot()

        with pytest.raises(CommandError) as error:
            create("Tuindorp", "hoograven.localhost")

        assert "hoograven.localhost:8000 is already taken by the site" in str(error.value)
        assert snapshot() == before

    def test_refuses_the_same_neighbourhood_on_another_hostname(self):
        create("Hoograven", "hoograven.localhost")

        with pytest.raises(CommandError, match="already exists on hoograven.localhost:8000"):
            create("Hoograven", "hoograven.example")

    def test_refuses_a_slug_that_belongs_to_another_neighbourhood(self):
        create("Hoograven", "hoograven.localhost")

        with pytest.raises(CommandError, match="already belongs to the neighbourhood “Hoograven”"):
            create("Hoograven-Zuid", "zuid.localhost", slug="hoograven")

    def test_the_portal_is_the_default_site(self):
        create("Hoograven", "hoograven.localhost")

        portal = Site.objects.get(is_default_site=True)
        assert portal.root_page.specific_class.__name__ == "PortalPage"
        assert not Neighbourhood.objects.filter(site=portal).exists()
        # Wagtail's placeholder welcome page is gone.
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


@pytest.mark.django_db
def test_translated_sections_stay_reachable_once_the_transaction_commits(
    client, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes translations on commit from stale copies, which once reset the
    # translated home pages' child counts and made /en/events/ answer 404.
    with django_capture_on_commit_callbacks(execute=True):
        create("Hoograven", "hoograven.localhost", port=80)

    for path in ["/en/events/", "/en/venues/", "/tr/etkinlikler/", "/ar/events/"]:
        response = client.get(path, HTTP_HOST="hoograven.localhost")
        assert response.status_code == 200, path


@pytest.mark.django_db
def test_a_new_editor_can_work_on_venues_and_events_of_their_own_neighbourhood_only(
    client, lunetten, oost
):
    from django.contrib.auth import get_user_model

    from events.models import Event
    from venues.models import Venue

    dutch = lunetten.home_page.locale
    Venue.objects.create(
        name="Buurthuis Lunetten", slug="bh-l", neighbourhood=lunetten, locale=dutch
    )
    Venue.objects.create(name="Buurthuis Oost", slug="bh-o", neighbourhood=oost, locale=dutch)
    editor = get_user_model().objects.create_user("vrijwilliger", password="x")
    editor.groups.add(lunetten.editors)  # nothing else: the group carries the permissions
    client.force_login(editor)

    venues = client.get("/admin/snippets/venues/venue/", HTTP_HOST="localhost")
    events = client.get("/admin/snippets/events/event/add/", HTTP_HOST="localhost")

    assert venues.status_code == 200
    assert "Buurthuis Lunetten" in venues.content.decode()
    assert "Buurthuis Oost" not in venues.content.decode()
    assert events.status_code == 200
    assert not editor.has_perm("events.publish_event")
    assert lunetten.moderators.permissions.filter(codename="publish_event").exists()
    assert Event.objects.count() == 0
