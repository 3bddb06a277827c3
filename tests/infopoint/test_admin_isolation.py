"""A one-neighbourhood editor's admin names nothing of another neighbourhood: the reports
(wagtail-localize's translations report too), the admin's image and document APIs,
wagtail-localize's snippet API, bulk-action confirmations and the page chooser list Lunetten's
things to Lunetten's editor, not Oost's."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from infopoint.models import StandardPage
from infopoint.translation import translate
from tests.infopoint.snippet_forms import make_event
from tests.venues.factories import VenueFactory

# Clock: events are dated from today.
pytestmark = pytest.mark.clock

OWN, OTHER = "Lunetgeheim", "Oostgeheim"


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return ImageFile(buffer, name="foto.png")


@pytest.fixture
def things(lunetten, oost, django_user_model):
    """In each neighbourhood: a page, a venue and an event waiting for moderation, an image and a
    document, all with the neighbourhood's secret word in their names."""
    someone = django_user_model.objects.create_superuser("beheerder")
    made = {}
    for neighbourhood, word in ((lunetten, OWN), (oost, OTHER)):
        page = StandardPage(title=f"{word} pagina", slug=f"{word.lower()}-pagina")
        neighbourhood.site.root_page.add_child(instance=page)
        page.save_revision(user=someone, log_action=True).publish(user=someone)
        page.get_workflow().start(page, someone)
        venue = VenueFactory(neighbourhood=neighbourhood, name=f"{word} buurthuis")
        event = make_event(neighbourhood, f"{word} markt", live=False)
        event.save_revision(user=someone, log_action=True)
        event.get_workflow().start(event, someone)
        image = get_image_model().objects.create(
            title=f"{word} foto", file=png(), collection=neighbourhood.collection
        )
        document = get_document_model().objects.create(
            title=f"{word} stuk",
            file=ContentFile(b"tekst", name="stuk.txt"),
            collection=neighbourhood.collection,
        )
        translate(venue, Locale.objects.get(language_code="en"))
        translate(page, Locale.objects.get(language_code="en"))
        made[word] = {
            "page": page, "venue": venue, "event": event, "image": image, "document": document,
        }  # fmt: skip
    return made


@pytest.fixture
def editor(client, lunetten, django_user_model):
    user = django_user_model.objects.create_user("lunetten-editor", password="x")
    user.groups.add(lunetten.editors)
    client.force_login(user)
    return client


XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

# Each listing, and the item of Lunetten's it shows (so the test shows it is the right list).
# The site history is narrowed to both neighbourhoods' events by name: at a frozen clock every
# entry has the same time, and the newest would not come first.
LISTINGS = {
    "/admin/reports/site-history/?label=geheim+markt": "Lunetgeheim markt",
    "/admin/reports/workflow/": "Lunetgeheim markt",
    "/admin/reports/workflow_tasks/": "Lunetgeheim markt",
    "/admin/reports/page-types-usage/": "Lunetgeheim pagina",
    "/admin/localize/reports/translations/?source_title=geheim": "Lunetgeheim buurthuis",
    "/admin/localize/api/snippets/venues/venue/": "Lunetgeheim buurthuis",
    "/admin/localize/api/snippets/events/event/": "Lunetgeheim markt",
    "/admin/api/main/images/": "Lunetgeheim foto",
    "/admin/api/main/documents/": "Lunetgeheim stuk",
}


@pytest.mark.parametrize("url", list(LISTINGS))
def test_a_listing_names_only_the_editors_neighbourhood(editor, things, url):
    response = editor.get(url, **XHR)

    assert response.status_code == 200
    page = response.content.decode()
    assert OTHER not in page
    assert LISTINGS[url] in page


def test_the_page_chooser_finds_only_the_editors_pages(editor, things):
    def found(word):
        return editor.get(f"/admin/choose-page/search/?q={word}", **XHR).content.decode()

    assert f"{OWN} pagina" in found(OWN)
    assert OTHER not in found(OTHER)


def test_the_page_chooser_browses_only_the_editors_neighbourhood(editor, things, lunetten, oost):
    root = lunetten.site.root_page.get_parent()
    page = editor.get(f"/admin/choose-page/{root.pk}/", **XHR).content.decode()

    assert f"/admin/choose-page/{lunetten.site.root_page_id}/" in page
    assert f"/admin/choose-page/{oost.site.root_page_id}/" not in page
    # Oost's home page by its id: none of its pages are offered.
    inside_oost = editor.get(f"/admin/choose-page/{oost.site.root_page_id}/", **XHR)
    assert OTHER not in inside_oost.content.decode()


def bulk(model, action, *items):
    opts = model._meta
    ids = "&".join(f"id={item.pk}" for item in items)
    return f"/admin/bulk/{opts.app_label}/{opts.model_name}/{action}/?{ids}"


@pytest.mark.parametrize(
    ("kind", "action"),
    [("venue", "delete"), ("event", "delete"), ("page", "delete"), ("page", "publish"),
     ("image", "delete"), ("document", "delete")],
)  # fmt: skip
def test_a_bulk_action_does_not_name_other_neighbourhoods_items(editor, things, kind, action):
    own, other = things[OWN][kind], things[OTHER][kind]
    model = type(own) if kind != "page" else Page

    response = editor.get(bulk(model, action, own, other))

    assert response.status_code == 200
    page = response.content.decode()
    assert OTHER not in page
    assert OWN in page
