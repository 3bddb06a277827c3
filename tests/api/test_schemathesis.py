"""Schemathesis against the API's schema: every endpoint, a bounded number of generated requests
each (valid and invalid ones), no 5xx, and every answer as its schema says.

The schema is the one /api/v1/schema/ serves (test_the_schema_served_is_the_one_tested), loaded
once at collection, when the database is not open yet. A few items exist so lists are not empty.
"""

import json
from datetime import date

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.config import SchemathesisConfig

from api.v1 import api
from infopoint.models import GuideIndexPage, NewsIndexPage
from tests.infopoint.conftest import add_guide, add_news, section
from tests.services.factories import make_organisation, make_service
from tests.utils import host

# Generated requests per endpoint; 20 endpoints.
EXAMPLES = 20

# A schema-valid value may still name nothing known here (a facility code, a venue's slug, a
# neighbourhood): the API says so with a 400 problem rather than ignoring the filter.
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404"]}}}
)


def served_schema():
    """The schema as /api/v1/schema/ sends it (JSON: status codes as strings)."""
    return json.loads(json.dumps(api.get_openapi_schema()))


schema = schemathesis.openapi.from_dict(served_schema(), config=CONFIG)
schema.app = get_wsgi_application()


@pytest.fixture
def wsgi_in_the_test_transaction():
    """Schemathesis calls the WSGI application itself, which closes the database connection
    after each request (and with it the test's transaction, on PostgreSQL); Django's own test
    client keeps it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def content(db, wsgi_in_the_test_transaction, settings, lunetten, make_venue, make_event, kitchen):
    settings.API_RATE_LIMIT = (1_000_000, 60)  # every generated request comes from one address
    venue = make_venue("Buurthuis De Linde", facilities=[kitchen], latitude=52.06, longitude=5.14)
    make_event("Taalcafé", venue=venue, tags=["taal"])
    make_service(
        lunetten,
        "Formulierenhulp",
        organisation=make_organisation(lunetten, "Buurtteam", description="Wij helpen."),
        languages=["nl", "ar"],
        last_checked=date(2026, 11, 1),
        hours=[(venue, 1, "09:00", "12:00"), (None, 3, "13:00", "15:00")],
    )
    add_news(section(lunetten, NewsIndexPage), 2, tags=["buurt"])
    add_guide(section(lunetten, GuideIndexPage), "Afval scheiden", "afval", topic="living")
    return lunetten


@pytest.mark.clock
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_endpoint_answers_as_its_schema_says(case, content):
    case.call_and_validate(headers={"Host": host(content)})


@pytest.mark.clock
def test_following_the_links_from_lists_to_items(content):
    """The stateful part: from each list through its links to the items and their forms."""
    host_header = {"Host": host(content)}
    called = set()

    class Machine(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            called.add(case.operation.path)
            return {"headers": host_header}

    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=4,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        ),
    )
    # Items were reached through the links (their ids come only from the lists' answers).
    assert len({path for path in called if "{" in path}) >= 3, called


def test_the_schema_served_is_the_one_tested(client, portal):
    assert client.get("/api/v1/schema/", HTTP_HOST="localhost").json() == served_schema()
