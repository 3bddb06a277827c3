"""The venue form offers each facility and accessibility feature once, in the editor's language,
and stores the language-independent (Dutch) term (issue 13, item 3)."""

import pytest
from wagtail.users.models import UserProfile

from venues.models import AccessibilityFeature, Facility

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/venues/venue/add/"


@pytest.fixture
def editor(client, lunetten, django_user_model, terms):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    user.groups.add(lunetten.editors)
    client.force_login(user)
    return user


def offered(response, name):
    field = response.context["form"].fields[name]
    return {int(str(value)): label for value, label in field.choices}


def names(model, language):
    return {
        term.translation_key: term.name
        for term in model.objects.filter(locale__language_code=language)
    }


@pytest.mark.parametrize("model", [Facility, AccessibilityFeature])
def test_each_term_is_offered_once_in_dutch(client, editor, model):
    name = "facilities" if model is Facility else "accessibility_features"
    dutch = model.objects.filter(locale__language_code="nl")
    assert model.objects.exclude(locale__language_code="nl").exists()  # translated terms exist

    choices = offered(client.get(ADD), name)

    assert set(choices) == set(dutch.values_list("pk", flat=True))
    assert sorted(choices.values()) == sorted(dutch.values_list("name", flat=True))


def test_an_editor_who_reads_english_gets_the_same_terms_named_in_english(client, editor):
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    english = names(Facility, "en")

    choices = offered(client.get(ADD), "facilities")

    dutch = Facility.objects.filter(pk__in=choices)
    assert set(dutch.values_list("locale__language_code", flat=True)) == {"nl"}
    assert {choices[term.pk] for term in dutch} == {
        english.get(term.translation_key, term.name) for term in dutch
    }
    kitchen = Facility.objects.get(slug="kitchen", locale__language_code="nl")
    assert choices[kitchen.pk] == english[kitchen.translation_key]
    assert english[kitchen.translation_key] in client.get(ADD).content.decode()


def test_a_term_in_another_language_a_venue_already_has_stays_ticked(client, editor, make_venue):
    english_kitchen = Facility.objects.get(slug="kitchen", locale__language_code="en")
    venue = make_venue("Buurthuis De Ster")
    venue.facilities.set([english_kitchen])
    venue.save()

    response = client.get(f"/admin/snippets/venues/venue/edit/{venue.pk}/")

    form = response.context["form"]
    assert english_kitchen.pk in offered(response, "facilities")
    assert [term.pk for term in form.initial["facilities"]] == [english_kitchen.pk]
