"""The demo city reads in English throughout, and its homes and two guides in Arabic and Turkish.

Each test loads the whole demo (slow), so each checks a resident's view across several pages.
"""

import pytest
from wagtail.models import Locale, Page

from events.models import Event
from infopoint.models import GuidePage, Neighbourhood
from tests.utils import get
from venues.models import AccessibilityFeature, Facility, Venue

# Clock: the demo's agenda is built around today.
pytestmark = pytest.mark.clock


def text(client, neighbourhood, path):
    response = get(client, neighbourhood, path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.django_db
def test_every_demo_page_venue_and_event_reads_in_english(client, demo_city):
    lunetten = Neighbourhood.objects.get(slug="lunetten")

    home = text(client, lunetten, "/en/")
    assert "Lunetten is a green neighbourhood with four forts" in home
    news = text(client, lunetten, "/en/news/help-with-high-energy-bills/")
    assert "Energy coaches help residents of Lunetten" in news
    assert "Energiecoaches" not in news
    guide = text(client, lunetten, "/en/guides/help-with-your-energy-bill/")
    # The steps and questions of a guide are translated too, not only its title.
    assert "Bring your latest annual statement and your monthly amount." in guide
    assert "Does the energy coach's help cost money?" in guide
    assert "Verzamel uw rekeningen" not in guide
    venue = text(client, lunetten, "/en/venues/buurthuis-lunetten/")
    assert "a big hall, a kitchen and coffee always on" in venue
    assert "Main hall" in venue
    contact = text(client, lunetten, "/en/contact/")
    assert "Send us a message" in contact
    assert "Your question or message" in contact
    event = text(client, lunetten, "/en/events/samen-eten/")
    assert "Dinner together" in event
    assert "A three-course meal with neighbours every other week." in event

    dutch, english = Locale.objects.get(language_code="nl"), Locale.objects.get(language_code="en")
    for model in (Venue, Event):
        assert model.objects.filter(locale=english).count() == (
            model.objects.filter(locale=dutch).count()
        )
    untranslated = Page.objects.filter(locale=dutch, depth__gt=1).exclude(
        translation_key__in=Page.objects.filter(locale=english).values("translation_key")
    )
    assert list(untranslated) == []


@pytest.mark.django_db
def test_homes_and_two_guides_read_in_arabic_and_turkish(client, demo_city):
    oost = Neighbourhood.objects.get(slug="oost")

    arabic_home = text(client, oost, "/ar/")
    assert "يمتد حي أوتريخت الشرقي" in arabic_home
    assert 'dir="rtl"' in arabic_home
    assert "ماذا يجري؟" in text(client, oost, "/ar/events/")
    arabic_guide = text(client, oost, "/ar/guides/energy-bill/")
    assert "أين أجد مساعدة في فاتورة الطاقة؟" in arabic_guide
    assert "اجمع فواتيرك" in arabic_guide

    assert "Utrecht-Oost, şehir kanallarından" in text(client, oost, "/tr/")
    assert "Buluşmak ya da bir etkinlik" in text(client, oost, "/tr/bulusma-yerleri/")
    turkish_guide = text(client, oost, "/tr/rehber/dil-kafe/")
    assert "Dil kafede Felemenkçe pratik yapın" in turkish_guide
    assert "Dil kafe her çarşamba 19.30–21.00" in turkish_guide  # the agenda's day and time

    arabic, turkish = Locale.objects.get(language_code="ar"), Locale.objects.get(language_code="tr")
    # The guide still lists the language café's events: the tag it looks up stays untranslated.
    turkish_home = oost.home_page.get_translation(turkish)
    guide = GuidePage.objects.descendant_of(turkish_home).get(slug="dil-kafe")
    assert [block.value["tag"] for block in guide.body if block.block_type == "events"] == [
        "taalcafé"
    ]
    assert Facility.objects.get(slug="kitchen", locale=arabic).name == "مطبخ"
    assert AccessibilityFeature.objects.get(slug="lift", locale=turkish).name == "Asansör"


@pytest.mark.django_db
def test_the_english_rooms_notes_and_labels_stay_english_after_a_dutch_edit(
    client, demo_city, django_capture_on_commit_callbacks
):
    from events.models import EventException
    from infopoint.models import FormPage

    lunetten = Neighbourhood.objects.get(slug="lunetten")
    dutch, english = Locale.objects.get(language_code="nl"), Locale.objects.get(language_code="en")
    venue = Venue.objects.get(slug="buurthuis-lunetten", locale=dutch)
    event = Event.objects.filter(
        neighbourhood=lunetten, locale=dutch, exceptions__note="Vakantie"
    ).first()
    contact = FormPage.objects.descendant_of(lunetten.home_page).get(locale=dutch)

    # A volunteer saves the Dutch venue and republishes the event and the contact page.
    with django_capture_on_commit_callbacks(execute=True):
        venue.save()
        event.save_revision().publish()
        contact.save_revision().publish()

    translated = venue.get_translation(english)
    assert list(translated.rooms.values_list("name", flat=True)) == ["Main hall", "Meeting room"]
    assert list(translated.opening_exceptions.values_list("note", flat=True)) == ["New Year's Eve"]
    assert EventException.objects.filter(
        event=event.get_translation(english), note="Holiday"
    ).exists()
    html = text(client, lunetten, "/en/contact/")
    assert "Your question or message" in html
    assert "Uw vraag of bericht" not in html
