import pytest
from wagtail.models import Locale

from infopoint.translation import translate


@pytest.mark.django_db
def test_translations_follow_the_dutch_source_when_it_is_published(lunetten):
    english = Locale.objects.get(language_code="en")
    agenda = lunetten.home_page.get_children().get(slug="agenda").specific
    translate(agenda, english, {"intro": "<p>What is on in Lunetten.</p>"})

    agenda.intro = "<p>Wat er te doen is.</p>"
    agenda.show_in_menus = False
    agenda.save_revision().publish()

    events = agenda.get_translation(english).specific
    # The translator's work stays; a field without text follows the Dutch source.
    assert (events.title, events.slug) == ("Events", "events")
    assert events.show_in_menus is False


@pytest.mark.django_db
def test_untranslated_text_shows_the_new_dutch_until_it_is_translated(lunetten):
    english = Locale.objects.get(language_code="en")
    home = lunetten.home_page.specific

    home.intro = "<p>Nieuwe welkomsttekst.</p>"
    home.save_revision().publish()

    assert home.get_translation(english).specific.intro == "<p>Nieuwe welkomsttekst.</p>"


@pytest.mark.django_db
def test_a_venues_translations_follow_its_dutch_capacity_and_place(
    lunetten, django_capture_on_commit_callbacks
):
    from venues.models import Venue

    english = Locale.objects.get(language_code="en")
    venue = Venue.objects.create(
        name="Buurthuis",
        slug="buurthuis",
        neighbourhood=lunetten,
        capacity=40,
        locale=Locale.objects.get(language_code="nl"),
    )
    translate(venue, english, {"name": "Community centre"})

    venue.capacity = 80
    venue.latitude, venue.longitude = "52.06170", "5.13920"
    venue.save()  # a plain save (a draft's bookkeeping, say) leaves the translations alone
    assert venue.get_translation(english).capacity == 40
    with django_capture_on_commit_callbacks(execute=True):
        venue.save_revision().publish()  # as the admin publishes

    translated = venue.get_translation(english)
    assert (translated.name, translated.capacity) == ("Community centre", 80)
    assert str(translated.latitude) == "52.06170"
