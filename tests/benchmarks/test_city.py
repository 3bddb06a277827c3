"""The city generator of `make bench`, at a small scale: it must keep making a city that works."""

import pytest

from events.models import Event, Occurrence
from tests.benchmarks.city import Scale, build_city
from tests.utils import get

# Clock: the generated events are dated from today.
pytestmark = [pytest.mark.django_db, pytest.mark.clock]


def test_a_small_city_has_everything_and_its_pages_answer(client):
    city = build_city(Scale(neighbourhoods=2, venues=10, events=30, news=6, guides=4))

    assert city.counts["neighbourhoods"] == 2
    assert city.counts["venues"] == 10
    assert city.counts["events"] == 30
    assert 0 < city.counts["recurring events"] < 30
    assert city.counts["occurrences"] == Occurrence.objects.count() > 30
    assert (city.counts["news items"], city.counts["guides"]) == (6, 4)
    wijk = city.neighbourhoods[0]
    event = Event.objects.filter(neighbourhood=wijk).first()
    for path in [
        "/nl/",
        "/nl/agenda/",
        f"/nl/agenda/{event.slug}/",
        "/nl/ontmoetingsplekken/",
        "/nl/nieuws/",
        "/nl/wegwijzer/",
        "/nl/zoeken/?q=activiteit",
    ]:
        assert get(client, wijk, path).status_code == 200, path
    assert event.title in get(client, wijk, "/nl/agenda/?q=" + event.title).content.decode()
