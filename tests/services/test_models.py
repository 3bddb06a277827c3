"""Services and organisations: validation, slugs, the neighbourhoods a service serves."""

import pytest
from django.core.exceptions import ValidationError

from services.models import Service
from tests.services.factories import make_service, service_fields

pytestmark = pytest.mark.django_db


def test_topics_and_ways_to_get_help_are_required_and_from_the_vocabulary(lunetten, organisation):
    with pytest.raises(ValidationError) as error:
        Service(
            **service_fields(lunetten, "Hulp", organisation, topics=[], channels=[])
        ).full_clean()
    assert {"topics", "channels"} <= set(error.value.message_dict)

    with pytest.raises(ValidationError) as error:
        Service(**service_fields(lunetten, "Hulp", organisation, topics=["astrology"])).full_clean()
    assert "astrology" in str(error.value.message_dict["topics"])


def test_codes_are_stored_language_independently_and_read_back_as_lists(lunetten, organisation):
    service = make_service(lunetten, "Schuldhulp", topics=["money-debt", "forms-letters"])

    stored = Service.objects.get(pk=service.pk)
    assert stored.topics == ["money-debt", "forms-letters"]
    assert Service.objects.filter(topics="money-debt,forms-letters").exists()
    assert [str(label) for label in stored.topic_labels()] == [
        "Geld en schulden",
        "Formulieren en brieven",
    ]


def test_a_slug_is_made_from_the_name_and_kept_free(lunetten, organisation):
    first = make_service(lunetten, "Taal Maatjes")
    second = make_service(lunetten, "Taal Maatjes")

    assert (first.slug, second.slug) == ("taal-maatjes", "taal-maatjes-2")


def test_who_a_service_serves(lunetten, oost, make_neighbourhood, organisation):
    kanaleneiland = make_neighbourhood("Kanaleneiland")
    own = make_service(lunetten, "Eigen")
    shared = make_service(lunetten, "Gedeeld", areas=[oost])
    city = make_service(lunetten, "Stad", serves_whole_city=True)

    def served(neighbourhood):
        return set(Service.objects.filter(Service.serving(neighbourhood.pk)))

    assert served(lunetten) == {own, shared, city}
    assert served(oost) == {shared, city}
    assert served(kanaleneiland) == {city}
