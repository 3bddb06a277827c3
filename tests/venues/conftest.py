import pytest

from venues.demo import ensure_vocabulary
from venues.models import AccessibilityFeature, Facility


@pytest.fixture
def terms(portal):
    """The demo vocabulary (Dutch with English translations), by slug: terms["kitchen"]."""
    created = ensure_vocabulary()
    return {slug: term for (_model, slug), term in created.items()}


@pytest.fixture
def kitchen(terms):
    return Facility.objects.get(slug="kitchen", locale__language_code="nl")


@pytest.fixture
def step_free(terms):
    return AccessibilityFeature.objects.get(
        slug=AccessibilityFeature.STEP_FREE, locale__language_code="nl"
    )
