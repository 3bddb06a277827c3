"""Helpers for the API's tests: requests by host, and items in bulk for the query budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.utils import host

PORTAL_HOST = "localhost"


@pytest.fixture
def api(client):
    """api(site_or_neighbourhood_or_None, path, **params) -> response; None is the portal."""

    def call(where, path, headers=None, **params):
        server = PORTAL_HOST if where is None else host(where)
        return client.get(path, params, HTTP_HOST=server, **(headers or {}))

    return call


@pytest.fixture
def api_json(api):
    def call(where, path, **params):
        response = api(where, path, **params)
        assert response.status_code == 200, response.content
        return response.json()

    return call


def queries(call):
    """The number of queries `call()` runs (after a first call has filled the caches)."""
    call()
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


# The agenda's, the finder's and the submission form's fixtures, shared with their own tests.
from tests.events.conftest import make_event  # noqa: E402, F401
from tests.submissions.conftest import next_week, submit, valid_data  # noqa: E402, F401
from tests.venues.conftest import kitchen, step_free, terms  # noqa: E402, F401
