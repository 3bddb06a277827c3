"""Editors can open every information-point page type in the admin."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from infopoint.models import GuideIndexPage, NewsIndexPage
from tests.infopoint.conftest import add_guide, add_news, section
from venues.models import Venue

# Clock: news is dated from today.
pytestmark = pytest.mark.clock

# The guide's venue block chooses from the Venue snippet, which the venues app registers.
needs_venue_snippet = pytest.mark.skipif(
    not hasattr(Venue, "snippet_viewset"),
    reason="venues.Venue is not registered as a snippet yet (the venues branch does that)",
)


@pytest.mark.django_db
class TestEditing:
    @pytest.mark.parametrize(
        ("parent", "model"),
        [
            ("home", "standardpage"),
            ("home", "formpage"),
            ("news", "newspage"),
            pytest.param("guides", "guidepage", marks=needs_venue_snippet),
        ],
    )
    def test_an_editor_can_open_the_add_form(self, client, lunetten, admin_user, parent, model):
        parents = {
            "home": lunetten.home_page,
            "news": section(lunetten, NewsIndexPage),
            "guides": section(lunetten, GuideIndexPage),
        }
        client.force_login(admin_user)
        response = client.get(f"/admin/pages/add/infopoint/{model}/{parents[parent].pk}/")
        assert response.status_code == 200

    def test_the_home_page_edit_form_offers_its_sections(self, client, lunetten, admin_user):
        client.force_login(admin_user)
        html = client.get(f"/admin/pages/{lunetten.home_page.pk}/edit/").content.decode()
        for field in ["show_this_week", "news_heading", "show_featured_venues", "show_contact"]:
            assert f'name="{field}"' in html
        assert "featured_venues-TOTAL_FORMS" in html

    @needs_venue_snippet
    def test_existing_news_and_guides_open_for_editing(self, client, lunetten, admin_user):
        (news,) = add_news(section(lunetten, NewsIndexPage), 1)
        guide = add_guide(section(lunetten, GuideIndexPage), "Gids", "gids")
        client.force_login(admin_user)
        assert client.get(f"/admin/pages/{news.pk}/edit/").status_code == 200
        assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200

    def test_a_news_item_is_created_through_the_admin(self, client, lunetten, admin_user):
        from infopoint.models import NewsPage

        index = section(lunetten, NewsIndexPage)
        client.force_login(admin_user)
        response = client.post(
            f"/admin/pages/add/infopoint/newspage/{index.pk}/",
            nested_form_data(
                {
                    "title": "Straatfeest",
                    "slug": "straatfeest",
                    "date": "2026-06-01",
                    "intro": rich_text("<p>Kom ook!</p>"),
                    "body": streamfield([("paragraph", rich_text("<p>Op zaterdag.</p>"))]),
                    "tags": "feest",
                    "related_links": inline_formset([]),
                    "action-publish": "publish",
                }
            ),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        page = NewsPage.objects.get(slug="straatfeest")
        assert page.live
        assert page.body[0].block_type == "paragraph"
        assert "Op zaterdag." in str(page.body[0].value)
        assert list(page.tags.names()) == ["feest"]
