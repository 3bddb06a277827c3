"""A guide embeds a service from the help directory as a card that stays current: what it does,
what it costs and when to walk in next, in the guide's language (issue 18, item 3)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from infopoint.models import GuideIndexPage
from tests.infopoint.conftest import add_guide, section
from tests.services.factories import make_service
from tests.utils import get

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Tuesday 1 December 2026, 10:00: the next walk-in is on Thursday.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM), tick=False),
]


def guide_with(lunetten, service):
    guides = section(lunetten, GuideIndexPage)
    body = [{"type": "service", "value": {"service": service.pk}}]
    return add_guide(guides, "Geldzorgen", "geldzorgen", topic="money", body=body)


def test_the_card_shows_the_service_as_it_is_now(client, lunetten, buurthuis):
    service = make_service(
        lunetten, "Schuldhulp", topics=["money-debt"], hours=[(buurthuis, 3, "13:30", "16:00")]
    )
    guide_with(lunetten, service)
    service.summary = "Samen zetten we uw rekeningen op een rij."
    service.save_revision().publish()

    html = get(client, lunetten, "/nl/wegwijzer/geldzorgen/").content.decode()

    assert 'aria-label="Hulp: Schuldhulp"' in html
    assert 'href="/nl/hulp/schuldhulp/"' in html
    assert "Samen zetten we uw rekeningen op een rij." in html
    assert "Gratis" in html
    assert "donderdag 3 december" in html and "13:30" in html


def test_a_service_not_published_shows_nothing(client, lunetten):
    service = make_service(lunetten, "Nog niet klaar", live=False)
    guide_with(lunetten, service)

    response = get(client, lunetten, "/nl/wegwijzer/geldzorgen/")

    assert response.status_code == 200
    assert "Nog niet klaar" not in response.content.decode()


def test_an_english_guide_shows_the_english_service(client, lunetten):
    service = make_service(lunetten, "Schuldhulp", topics=["money-debt"])
    english = service.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Debt advice"
    english.live = True
    english.save()
    guide = guide_with(lunetten, service)
    translated = guide.copy_for_translation(Locale.objects.get(language_code="en"))
    translated.save_revision().publish()

    html = get(client, lunetten, translated.url).content.decode()

    assert "Debt advice" in html
    assert ">Schuldhulp<" not in html
