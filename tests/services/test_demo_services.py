"""The demo city's help directory: every neighbourhood has services to find, city-wide ones too,
with walk-in hours at the demo venues (tests/test_demo.py checks that loading twice adds
nothing)."""

import pytest

from infopoint.models import Neighbourhood
from tests.utils import get

pytestmark = pytest.mark.clock


def test_every_neighbourhood_has_help_to_find(client, demo_city):
    for neighbourhood in Neighbourhood.objects.all():
        response = get(client, neighbourhood, "/nl/hulp/")
        assert response.status_code == 200
        count = response.context["paginator"].count
        assert count == 10, neighbourhood.slug  # its own eight and the two city-wide ones
        names = [service.name for service in response.context["services"]]
        assert "Energiecoach" in names  # city-wide

    money = get(client, neighbourhood, "/nl/hulp/?topic=money-debt")
    assert money.context["paginator"].count >= 2
    page = get(client, neighbourhood, f"/nl/hulp/schuldhulp-{neighbourhood.slug}/")
    assert page.status_code == 200
    assert "Volgende inloop" in page.content.decode() or "Nu inloop" in page.content.decode()
    assert "Buurthuis" in page.content.decode()
