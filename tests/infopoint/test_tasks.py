"""Bulk writers run each index update once, after their work (infopoint.tasks.batched)."""

import pytest
from django_tasks.signals import task_finished

from infopoint.tasks import batched
from tests.utils import get

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_runs():
    """The search index updates that ran, as (app label, model, pk) of the row they indexed."""
    runs = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "insert_or_update_object_task":
            runs.append(tuple(task_result.args))

    task_finished.connect(record, dispatch_uid="test-index-runs")
    yield runs
    task_finished.disconnect(dispatch_uid="test-index-runs")


def found_venues(client, neighbourhood, words):
    response = get(client, neighbourhood, f"/nl/zoeken/?q={words}")
    return [
        result.title
        for group in response.context["groups"]
        if group["kind"] == "venues"
        for result in group["results"]
    ]


def test_a_venue_saved_three_times_in_a_batch_is_indexed_once_and_found(
    client, lunetten, make_venue, index_runs
):
    with batched():
        venue = make_venue("Buurtkamer Het Anker")
        venue.save()
        venue.save()
        assert index_runs == []  # not yet: when the block ends
    assert index_runs.count(("venues", "venue", str(venue.pk))) == 1
    assert found_venues(client, lunetten, "anker") == ["Buurtkamer Het Anker"]


def test_without_a_batch_each_save_is_indexed_at_once(client, lunetten, make_venue, index_runs):
    venue = make_venue("Buurtkamer Het Anker")
    assert ("venues", "venue", str(venue.pk)) in index_runs
    venue.name = "Buurtkamer De Vuurtoren"
    venue.save()
    assert found_venues(client, lunetten, "vuurtoren") == ["Buurtkamer De Vuurtoren"]


def test_a_batch_that_fails_runs_none_of_its_tasks(lunetten, make_venue, index_runs):
    with pytest.raises(ZeroDivisionError), batched():
        make_venue("Buurtkamer Het Anker")
        1 / 0  # noqa: B018 - the failure under test
    assert index_runs == []
