"""Site search finds services residents of the site can use; the sitemap lists their pages."""

import pytest

from tests.services.factories import make_service
from tests.utils import get

pytestmark = pytest.mark.django_db


def test_site_search_finds_the_services_of_this_neighbourhood(client, lunetten, oost, organisation):
    make_service(lunetten, "Schuldhulp Lunetten")
    make_service(lunetten, "Schuldhulp voor de stad", serves_whole_city=True)
    make_service(oost, "Schuldhulp Oost")
    make_service(lunetten, "Schuldhulp concept", live=False)

    response = get(client, oost, "/nl/zoeken/?q=schuldhulp")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Schuldhulp Oost" in html and "Schuldhulp voor de stad" in html
    assert "Schuldhulp Lunetten" not in html and "concept" not in html
    # The city-wide one is linked under the help finder of the site searched.
    assert 'href="/nl/hulp/schuldhulp-voor-de-stad/"' in html


def test_the_sitemap_lists_the_services_pages(client, lunetten, organisation):
    make_service(lunetten, "Formulierenhulp")
    make_service(lunetten, "Concept", live=False)

    xml = get(client, lunetten, "/sitemap.xml").content.decode()

    assert "/nl/hulp/formulierenhulp/" in xml
    assert "/nl/hulp/concept/" not in xml
