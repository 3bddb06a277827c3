"""Pages are found from the cache, and the cache never serves a page that is gone or moved."""

import pytest
from wagtail.models import PageViewRestriction

from infopoint.models import NewsIndexPage, StandardPage
from tests.infopoint.conftest import add_news, section
from tests.utils import get

# Clock: news is dated from today.
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def warm(client, neighbourhood, path):
    """Request `path` twice: the second answer comes through the remembered route."""
    first = get(client, neighbourhood, path)
    second = get(client, neighbourhood, path)
    assert first.status_code == second.status_code
    return second


def nested_pages(home, slug, depth):
    """`depth` standard pages, each below the last; the deepest and its address."""
    page, path = home, "/nl/"
    for level in range(depth):
        child = StandardPage(title=f"{slug} {level}", slug=f"{slug}-{level}")
        page = page.add_child(instance=child)
        path += f"{slug}-{level}/"
    return page, path


def test_a_remembered_page_costs_the_same_to_find_at_any_depth(
    client, lunetten, django_assert_max_num_queries
):
    """Found afresh, a page costs a query or two per level of its address; remembered, it is
    loaded at once, however deep it sits."""
    counts = []
    for slug, depth in [("ondiep", 1), ("diep", 5)]:
        page, path = nested_pages(lunetten.home_page, slug, depth)
        warm(client, lunetten, path)
        with django_assert_max_num_queries(1000) as remembered:
            response = get(client, lunetten, path)
        assert response.status_code == 200
        assert response.context["page"] == page
        counts.append(len(remembered))

    shallow, deep = counts
    assert deep == shallow


def test_each_site_and_language_has_its_own_routes(client, lunetten, oost):
    warm(client, lunetten, "/nl/nieuws/")
    warm(client, lunetten, "/en/news/")

    assert get(client, oost, "/nl/nieuws/").context["page"] == section(oost, NewsIndexPage)
    english = get(client, lunetten, "/en/news/").context["page"]
    assert english.locale.language_code == "en"
    assert english.translation_key == section(lunetten, NewsIndexPage).translation_key
    # The Dutch address in English is not the Dutch page: it leads to the English one.
    dutch_in_english = get(client, lunetten, "/en/nieuws/")
    assert dutch_in_english.status_code == 301
    assert dutch_in_english["Location"].endswith("/en/news/")


def test_an_unpublished_page_is_gone_at_once(client, lunetten, lunetten_news):
    (item,) = add_news(lunetten_news, 1)
    assert warm(client, lunetten, "/nl/nieuws/nieuws-0/").status_code == 200

    item.unpublish()

    assert get(client, lunetten, "/nl/nieuws/nieuws-0/").status_code == 404


def test_a_renamed_page_moves_to_its_new_address(client, lunetten, lunetten_news):
    (item,) = add_news(lunetten_news, 1)
    assert warm(client, lunetten, "/nl/nieuws/nieuws-0/").status_code == 200

    item.slug = "nieuw-adres"
    item.save_revision().publish()

    assert get(client, lunetten, "/nl/nieuws/nieuws-0/").status_code == 404
    assert get(client, lunetten, "/nl/nieuws/nieuw-adres/").status_code == 200


def test_a_new_page_under_a_remembered_one_is_found(client, lunetten, lunetten_news):
    warm(client, lunetten, "/nl/nieuws/")
    assert get(client, lunetten, "/nl/nieuws/nieuws-0/").status_code == 404

    add_news(lunetten_news, 1)

    assert get(client, lunetten, "/nl/nieuws/nieuws-0/").status_code == 200


def test_an_address_below_a_remembered_page_that_does_not_exist_is_404(
    client, lunetten, lunetten_news
):
    warm(client, lunetten, "/nl/nieuws/")
    assert get(client, lunetten, "/nl/nieuws/bestaat-niet/").status_code == 404
    assert get(client, lunetten, "/nl/nieuws/bestaat-niet/").status_code == 404


def test_a_page_made_private_after_it_was_remembered_asks_for_a_login(
    client, lunetten, lunetten_news
):
    add_news(lunetten_news, 1)
    assert warm(client, lunetten, "/nl/nieuws/nieuws-0/").status_code == 200

    PageViewRestriction.objects.create(page=lunetten_news, restriction_type="login")

    response = get(client, lunetten, "/nl/nieuws/nieuws-0/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_changed_host_name_reaches_the_site_at_once(client, lunetten):
    assert warm(client, lunetten, "/nl/nieuws/").context["page"].get_site() == lunetten.site

    site = lunetten.site
    site.hostname = "lunetten.example.org"
    site.save()

    moved = client.get("/nl/nieuws/", HTTP_HOST="lunetten.example.org")
    assert moved.status_code == 200
    assert moved.context["page"] == section(lunetten, NewsIndexPage)
    # The old name now falls back to the default site: the portal.
    old = client.get("/nl/", HTTP_HOST="lunetten.localhost")
    assert old.context["page"].get_site() != site


def test_an_address_without_language_is_sent_to_the_dutch_one(client, lunetten):
    response = get(client, lunetten, "/nieuws/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/nieuws/"


def test_a_missing_admin_item_is_a_404_not_a_redirect_to_a_public_page(
    client, lunetten, django_user_model
):
    admin = django_user_model.objects.create_superuser("city", "city@example.org", "x")
    client.force_login(admin)

    response = get(client, lunetten, "/admin/snippets/venues/venue/edit/999999/")

    assert response.status_code == 404
