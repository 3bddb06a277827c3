"""The demo city's help directory: every neighbourhood has 15 to 25 services to find on every
topic, city-wide ones too, with walk-in hours at the demo venues, in Dutch, English, Arabic and
Turkish (tests/test_demo.py checks that loading twice adds nothing)."""

import re

import pytest

from infopoint.models import Neighbourhood
from services.demo_content import LANGUAGES, SERVICES
from services.models import Service, WalkInHours
from services.vocabulary import Topic
from tests.utils import get

pytestmark = pytest.mark.clock

CITY_WIDE = sum(1 for item in SERVICES.values() if item["city"])


def card_names(response):
    return re.findall(r'class="card__link"[^>]*>([^<]+)</a>', response.content.decode())


def test_every_neighbourhood_has_help_on_every_topic_to_find(client, demo_city):
    for neighbourhood in Neighbourhood.objects.all():
        response = get(client, neighbourhood, "/nl/hulp/")
        assert response.status_code == 200
        count = response.context["paginator"].count
        assert 15 <= count <= 25, neighbourhood.slug
        assert count == len(SERVICES), neighbourhood.slug  # its own and the city-wide ones
        names = [service.name for service in response.context["services"]]
        assert "Energiecoach" in names  # city-wide
        dutch = Service.objects.filter(
            Service.serving(neighbourhood.pk), live=True, locale__language_code="nl"
        )
        topics = {code for service in dutch for code in service.topics}
        assert topics == set(Topic.values), neighbourhood.slug
        assert dutch.filter(serves_whole_city=True).count() == CITY_WIDE
        # Walk-in hours at the neighbourhood's own meeting places (or by phone).
        places = WalkInHours.objects.filter(service__in=dutch, venue__isnull=False)
        assert (
            places.exclude(service__serves_whole_city=True)
            .exclude(venue__neighbourhood=neighbourhood)
            .count()
            == 0
        )

    money = get(client, neighbourhood, "/nl/hulp/?topic=money-debt")
    assert money.context["paginator"].count >= 5
    page = get(client, neighbourhood, f"/nl/hulp/schuldhulp-{neighbourhood.slug}/")
    assert page.status_code == 200
    assert "Volgende inloop" in page.content.decode() or "Nu inloop" in page.content.decode()
    assert "Buurthuis" in page.content.decode()


def test_every_service_and_organisation_is_translated_into_the_four_languages(demo_city):
    dutch = Service.objects.filter(locale__language_code="nl")
    assert dutch.count() == len(SERVICES) + 2 * (len(SERVICES) - CITY_WIDE)
    for service in dutch.select_related("organisation"):
        translations = Service.objects.filter(translation_key=service.translation_key)
        by_language = {t.locale.language_code: t for t in translations.select_related("locale")}
        assert sorted(by_language) == sorted(LANGUAGES), service.slug
        for code, translation in by_language.items():
            # One address in every language; the codes and contact are the Dutch ones.
            assert translation.slug == service.slug
            assert translation.topics == service.topics
            assert translation.phone == service.phone
            # The organisation in the same language, a translation of the Dutch one.
            assert translation.organisation.locale_id == translation.locale_id
            assert translation.organisation.translation_key == (
                service.organisation.translation_key
            )
            assert translation.walk_in_hours.count() == service.walk_in_hours.count()
            if code != "nl":
                assert translation.name != service.name or service.name == "Repair Café"
                assert translation.summary != service.summary


def test_the_help_finder_in_english_and_arabic_shows_translated_services(client, demo_city):
    lunetten = Neighbourhood.objects.get(slug="lunetten")

    english = get(client, lunetten, "/en/help/")
    assert english.status_code == 200
    assert english.context["paginator"].count == len(SERVICES)
    names = card_names(english)
    assert "Debt advice" in names
    assert "Energy coach" in names
    assert "Schuldhulp" not in names
    # No card in the Dutch fallback (that one would say lang="nl").
    assert 'class="card__title" lang=' not in english.content.decode()

    arabic = get(client, lunetten, "/ar/help/")
    assert arabic.status_code == 200
    assert arabic.context["paginator"].count == len(SERVICES)
    assert "المساعدة في الديون" in card_names(arabic)
    assert 'class="card__title" lang=' not in arabic.content.decode()

    money = get(client, lunetten, "/ar/help/?topic=money-debt")
    assert "المساعدة في الديون" in card_names(money)

    page = get(client, lunetten, "/ar/help/schuldhulp-lunetten/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "نساعدك على ترتيب فواتيرك وديونك." in html
    assert "فريق الحي Lunetten" in html  # the organisation in Arabic

    page = get(client, lunetten, "/en/help/schuldhulp-lunetten/")
    html = page.content.decode()
    assert "We help you get your bills and debts in order." in html
    # The meeting place in English (the venues demo translated it).
    assert "Community Centre" in html
