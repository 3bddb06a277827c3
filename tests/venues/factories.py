import factory
from django.conf import settings
from wagtail.models import Locale

from venues.models import PriceClass, Venue, VenueKind


class VenueFactory(factory.django.DjangoModelFactory):
    """A Dutch, published venue in a neighbourhood; pass facilities=[…] and accessibility=[…] as
    terms, live=False for a new venue still in draft.

    Tests ask for it through the `make_venue` fixture (tests/conftest.py)."""

    class Meta:
        model = Venue
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Plek {n:03d}")
    slug = factory.Sequence(lambda n: f"plek-{n:03d}")
    kind = VenueKind.COMMUNITY_CENTRE
    locale = factory.LazyFunction(
        lambda: Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    )
    # Fixed words, not random ones: a random sentence could match what a search test looks for.
    short_description = ""
    street = "Hondsrug"
    house_number = factory.Sequence(lambda n: str(n + 1))
    postcode = "3526 AB"
    capacity = 20
    price_class = PriceClass.PAID
    closed_on_public_holidays = False
    live = True

    @factory.post_generation
    def facilities(self, create, extracted, **kwargs):
        if create and extracted:
            self.facilities.set(extracted)
            self.save()

    @factory.post_generation
    def accessibility(self, create, extracted, **kwargs):
        if create and extracted:
            self.accessibility_features.set(extracted)
            self.save()
