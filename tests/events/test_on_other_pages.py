"""The agenda reaches residents where they already are: on a venue's page."""

from datetime import timedelta

import pytest

from tests.utils import get


@pytest.mark.django_db
def test_venue_page_lists_what_is_on_there_and_how_to_subscribe(
    client, lunetten, make_event, make_venue, soon_days
):
    venue = make_venue("Buurthuis De Lunet", slug="buurthuis-de-lunet")
    other = make_venue("Fort Lunet", slug="fort-lunet")
    make_event("Repair café", venue=venue, **soon_days(3))
    make_event("Rondleiding", venue=other, **soon_days(4))

    html = get(client, lunetten, "/nl/ontmoetingsplekken/buurthuis-de-lunet/").content.decode()

    assert "Repair café" in html
    assert "Rondleiding" not in html
    assert 'href="webcal://lunetten.localhost/nl/agenda/feed.ics?venue=buurthuis-de-lunet"' in html
    assert 'value="http://lunetten.localhost/nl/agenda/feed.ics?venue=buurthuis-de-lunet"' in html


@pytest.fixture
def soon_days():
    from django.utils import timezone

    def days(n):
        start = timezone.now().replace(microsecond=0) + timedelta(days=n)
        return {"start": start, "end": start + timedelta(hours=2)}

    return days
