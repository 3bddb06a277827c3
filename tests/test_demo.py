import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Max
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site, Workflow
from wagtail_localize.models import StringTranslation, Translation

from events.models import Event
from infopoint.models import Neighbourhood
from services.models import Organisation, Service, WalkInHours
from tests.utils import get

# Clock: the demo's agenda is built around today.
pytestmark = pytest.mark.clock


def snapshot():
    return {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "neighbourhoods": Neighbourhood.objects.count(),
        "events": Event.objects.count(),
        "services": Service.objects.count(),
        "walk-in hours": WalkInHours.objects.count(),
        "organisations": Organisation.objects.count(),
        "translations": Translation.objects.count(),
        "translated strings": StringTranslation.objects.count(),
        # A translation done again in place keeps the count but not the time it was changed.
        "strings last changed": StringTranslation.objects.aggregate(Max("updated_at")),
        "workflows": Workflow.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.mark.django_db
def test_demo_city_has_a_portal_and_three_neighbourhoods(client, demo_city):
    assert list(Neighbourhood.objects.values_list("slug", flat=True)) == [
        "kanaleneiland",
        "lunetten",
        "oost",
    ]
    portal = client.get("/nl/", HTTP_HOST="localhost").content.decode()
    for name in ["Lunetten", "Oost", "Kanaleneiland"]:
        assert f">{name}</a>" in portal

    oost = get(client, Neighbourhood.objects.get(slug="oost"), "/nl/").content.decode()
    assert "Science Park" in oost


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing(demo_city):
    before = snapshot()
    out = io.StringIO()

    call_command("load_demo", port=80, stdout=out)

    # Nothing added, published again or translated again: complete translations are skipped.
    assert snapshot() == before
    assert "user “admin”, password “wijkinfo-demo”" in out.getvalue()


@pytest.mark.django_db
def test_each_neighbourhood_has_news_guides_and_lasting_pages(client, demo_city):
    from infopoint.models import FormPage, GuidePage, NewsPage, StandardPage

    for neighbourhood in Neighbourhood.objects.all():
        home = neighbourhood.home_page
        assert NewsPage.objects.live().descendant_of(home).count() >= 6
        assert GuidePage.objects.live().descendant_of(home).count() >= 5
        slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
        assert {"over-ons", "privacyverklaring", "toegankelijkheidsverklaring"} <= slugs
        assert FormPage.objects.child_of(home).filter(slug="contact").exists()

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    html = get(client, lunetten, "/nl/zoeken/?q=koffie").content.decode()
    assert 'href="/nl/wegwijzer/koffieochtend/"' in html
    assert GuidePage.due_for_review().exists()


@pytest.mark.django_db
def test_demo_volunteers_can_try_moderation(client, demo_city):
    """lunetten-editor submits, lunetten-moderator approves (README)."""
    lunetten = Neighbourhood.objects.get(slug="lunetten")
    assert lunetten.home_page.get_workflow().name == "Moderatie Lunetten"
    for role in ["editor", "moderator"]:
        # Through the login form, as a volunteer signs in (and past the login throttling).
        credentials = {"username": f"lunetten-{role}", "password": "wijkinfo-demo"}
        assert client.post("/admin/login/", credentials, HTTP_HOST="localhost").status_code == 302
        assert client.get("/admin/", HTTP_HOST="localhost").status_code == 200
    moderator = get_user_model().objects.get(username="lunetten-moderator")
    assert list(moderator.groups.all()) == [lunetten.moderators]
