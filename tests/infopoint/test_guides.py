import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from infopoint.models import GuideIndexPage, GuidePage
from tests.infopoint.conftest import add_guide, section
from tests.utils import get

# Clock: a guide is stale after a year, counted from today.
pytestmark = pytest.mark.clock

QUESTIONS = {
    "type": "questions",
    "value": {
        "questions": [
            {"question": "Kost het iets?", "answer": "<p>Nee, het is <b>gratis</b>.</p>"},
            {"question": "Moet ik me aanmelden?", "answer": "<p>Nee.</p>"},
        ]
    },
}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.django_db
class TestGuideIndex:
    def test_groups_guides_by_topic_in_a_fixed_order(self, client, lunetten, lunetten_guides):
        add_guide(lunetten_guides, "Taalcafé", "taalcafe", topic="language")
        add_guide(lunetten_guides, "Energierekening", "energie", topic="money")
        add_guide(lunetten_guides, "Afbetalen", "afbetalen", topic="money")

        response = get(client, lunetten, "/nl/wegwijzer/")

        topics = response.context["topics"]
        assert [topic["code"] for topic in topics] == ["money", "language"]
        assert [guide.title for guide in topics[0]["guides"]] == ["Afbetalen", "Energierekening"]
        assert 'href="#topic-money"' in response.content.decode()


@pytest.mark.django_db
class TestGuidePage:
    def test_shows_steps_questions_contact_and_when_it_was_last_checked(
        self, client, lunetten, lunetten_guides
    ):
        add_guide(
            lunetten_guides,
            "Hulp bij de energierekening",
            "energie",
            topic="money",
            last_checked=datetime.date(2026, 3, 1),
            body=[
                {
                    "type": "steps",
                    "value": {"steps": [{"title": "Bel ons", "text": "<p>Elke dag.</p>"}]},
                },
                QUESTIONS,
                {
                    "type": "contact",
                    "value": {
                        "organisation": "Energieloket",
                        "phone": "030 123 45 67",
                        "email": "energie@example.org",
                        "hours": "Ma–vr",
                    },
                },
                {"type": "callout", "value": {"kind": "warning", "text": "<p>Let op!</p>"}},
            ],
        )

        html = get(client, lunetten, "/nl/wegwijzer/energie/").content.decode()

        assert '<ol class="steps">' in html and "Bel ons" in html
        assert "<summary" in html and "Kost het iets?" in html
        assert 'href="tel:0301234567"' in html
        assert 'href="mailto:energie@example.org"' in html
        assert "Let op!" in html
        assert '<time datetime="2026-03-01">' in html

    def test_questions_are_offered_as_schema_org_faq_page(self, client, lunetten, lunetten_guides):
        add_guide(lunetten_guides, "Vragen", "vragen", body=[QUESTIONS])

        (data,) = json_ld(get(client, lunetten, "/nl/wegwijzer/vragen/").content.decode())

        assert data["@type"] == "FAQPage"
        assert [q["name"] for q in data["mainEntity"]] == [
            "Kost het iets?",
            "Moet ik me aanmelden?",
        ]
        assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "Nee, het is gratis."

    def test_faq_data_cannot_break_out_of_its_script_element(
        self, client, lunetten, lunetten_guides
    ):
        evil = {
            "type": "questions",
            "value": {
                "questions": [
                    {"question": "</script><script>alert(1)</script>", "answer": "<p>x</p>"}
                ]
            },
        }
        add_guide(lunetten_guides, "Vragen", "vragen", body=[evil])

        html = get(client, lunetten, "/nl/wegwijzer/vragen/").content.decode()

        assert "<script>alert(1)" not in html
        assert json_ld(html)[0]["mainEntity"][0]["name"] == "</script><script>alert(1)</script>"

    def test_a_guide_without_questions_has_no_faq_data(self, client, lunetten, lunetten_guides):
        add_guide(
            lunetten_guides, "Kort", "kort", body=[{"type": "paragraph", "value": "<p>Hoi</p>"}]
        )
        assert json_ld(get(client, lunetten, "/nl/wegwijzer/kort/").content.decode()) == []

    def test_a_chosen_venue_shows_its_current_name_and_address(
        self, client, lunetten, lunetten_guides, make_venue
    ):
        venue = make_venue("Buurthuis De Brug", street="Brugstraat", house_number="4")
        add_guide(
            lunetten_guides, "Waar", "waar", body=[{"type": "venue", "value": {"venue": venue.pk}}]
        )
        venue.name = "Wijkcentrum De Brug"
        venue.save()

        html = get(client, lunetten, "/nl/wegwijzer/waar/").content.decode()

        assert "Wijkcentrum De Brug" in html
        assert "Brugstraat 4, Utrecht" in html

    def test_the_events_block_renders_nothing_until_the_agenda_fills_it(
        self, client, lunetten, lunetten_guides
    ):
        add_guide(
            lunetten_guides,
            "Taal",
            "taal",
            body=[{"type": "events", "value": {"tag": "taalcafé", "count": 3}}],
        )
        response = get(client, lunetten, "/nl/wegwijzer/taal/")
        assert response.status_code == 200
        assert "taalcafé" not in response.content.decode()


@pytest.mark.django_db
class TestGuidesToReview:
    def _guides(self, lunetten, oost):
        today = timezone.localdate()
        add_guide(
            section(lunetten, GuideIndexPage),
            "Oud",
            "oud",
            last_checked=today - datetime.timedelta(days=400),
        )
        add_guide(
            section(lunetten, GuideIndexPage),
            "Nieuw",
            "nieuw",
            last_checked=today - datetime.timedelta(days=30),
        )
        add_guide(
            section(oost, GuideIndexPage),
            "Oost oud",
            "oost-oud",
            last_checked=today - datetime.timedelta(days=800),
        )

    def test_lists_guides_not_checked_for_a_year_oldest_first(self, client, lunetten, oost):
        self._guides(lunetten, oost)
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        client.force_login(admin)

        response = client.get("/admin/reports/guides-to-review/")

        assert response.status_code == 200
        assert [page.title for page in response.context["pages"]] == ["Oost oud", "Oud"]
        assert list(
            GuidePage.due_for_review().values_list("title", flat=True).order_by("title")
        ) == [
            "Oost oud",
            "Oud",
        ]

    def test_an_editor_sees_only_their_own_neighbourhoods_guides(self, client, lunetten, oost):
        self._guides(lunetten, oost)
        editor = get_user_model().objects.create_user("editor", "e@example.org", "pw")
        editor.groups.add(lunetten.editors)
        client.force_login(editor)

        response = client.get("/admin/reports/guides-to-review/")

        assert response.status_code == 200
        assert [page.title for page in response.context["pages"]] == ["Oud"]
        assert "Te controleren wegwijzers" in client.get("/admin/").content.decode()
