"""Site search finds the meeting places residents can visit, and only those."""

import pytest

from tests.utils import get

pytestmark = pytest.mark.django_db


def test_a_venue_not_in_use_is_not_found_and_no_result_links_to_a_404(client, lunetten, make_venue):
    make_venue(name="Koffiehuis De Ster", slug="koffiehuis-de-ster")
    make_venue(name="Koffiehuis Gesloten", slug="koffiehuis-gesloten", is_active=False)

    response = get(client, lunetten, "/nl/zoeken/?q=Koffiehuis")

    groups = {group["kind"]: group for group in response.context["groups"]}
    found = [result.title for result in groups["venues"]["results"]]
    assert found == ["Koffiehuis De Ster"]
    for result in groups["venues"]["results"]:
        assert get(client, lunetten, result.url).status_code == 200
