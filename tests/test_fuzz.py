"""Hypothesis throws hostile input at every public page and form: no answer is ever a 5xx.

Every GET parameter each public page type reads (and some it does not) gets text with NUL bytes
and full-text syntax, out-of-range dates and months, huge numbers and repeated values; every
field of the public forms gets the same while the other fields stay valid. Requests go through
the Django test client to the baseline sites (Lunetten and the city portal), so the whole stack
answers: routing, middleware, filters, templates.

Examples are bounded so the module stays well under a minute on SQLite (FUZZ_EXAMPLES raises
them for a longer hunt). The "ci" profile, the default, is derandomized: `make test` tries the
same inputs every run, so a failure reproduces; HYPOTHESIS_PROFILE=explore draws fresh ones.
"""

import os
from datetime import timedelta
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Locale

from events.models import Event
from tests.events.conftest import local
from tests.infopoint.conftest import contact  # noqa: F401 - the contact form page
from tests.utils import host
from tests.venues.factories import VenueFactory

hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
fuzz = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

pytestmark = pytest.mark.django_db

# --- What hostile input looks like ------------------------------------------------------------

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    '"',
    "'\"\\`",
    '" OR 1=1 --',
    "NEAR(a b)",
    "a*",
    "-",
    "^",
    "%",
    "_",
    "\\",
    "{}",
    "[]",
    "<script>alert(1)</script>",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2026-02-31",
    "2026-99999999999999999999",
    "99999999999999999999-01",
    "-1",
    "0",
    "1e309",
    "nan",
    "99999999999999999999999999999",
    "on",
    "true",
    "ا" * 300,
    "a " * 60,
    "\ud800",
]
text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=120),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.integers().map(str),
)


dates = st.dates().map(lambda day: day.isoformat())  # 0001-01-01 … 9999-12-31
months = st.builds(lambda y, m: f"{y}-{m}", st.integers(-10, 10**25), st.integers(-10, 10**25))
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
TYPED = {
    "start": dates,
    "end": dates,
    "date": dates,
    "repeat_until": dates,
    "month": months,
    "page": numbers,
    "capacity": numbers,
    "repeat_count": numbers,
}


def value_for(name):
    single = st.one_of(TYPED[name], text) if name in TYPED else text
    return st.one_of(single, st.lists(single, min_size=2, max_size=3))


def params(names, extra_names=("page", "utm_source")):
    """A query: any of `names` (and stray ones), each with one value or several."""
    return st.fixed_dictionaries(
        {}, optional={name: value_for(name) for name in dict.fromkeys([*names, *extra_names])}
    )


# Edges that random drawing rarely hits exactly; every page tries them first, all at once.
EDGES = {"start": "0001-01-01", "end": "9999-12-31", "month": "2026-99999999999999999999"}
EDGES |= {"page": "99999999999999999999", "date": "0001-01-01", "capacity": "1e309"}


def edge_queries(names):
    return [
        {name: EDGES.get(name, "a\x00b") for name in names},
        dict.fromkeys(names, "'\"\\`"),
        {name: ["9999-12-31", "0001-01-01"] for name in names},
    ]


def fuzzed(names, request):
    """`request(query)` for the edge queries and then for drawn ones."""

    def check(query):
        request(query)

    check = given(query=params(names))(check)
    for query in edge_queries(names):
        check = example(query=query)(check)
    return fuzz(check)


def query_string(query):
    return urlencode(query, doseq=True, encoding="utf-8", errors="surrogatepass")


def get(client, where, path, query):
    response = client.get(f"{path}?{query_string(query)}", HTTP_HOST=host(where))
    assert response.status_code < 500, (path, query)
    return response


AGENDA = ["q", "when", "start", "end", "neighbourhood", "tag", "audience", "venue", "free"]
AGENDA += ["step_free"]
FINDER = ["q", "kind", "neighbourhood", "facility", "access", "capacity", "open_now", "free"]
HELP = ["q", "topic", "when", "language", "channel", "free", "page"]


@pytest.fixture
def content(lunetten):
    """One venue and one event in Lunetten, so detail pages and filters have something."""
    venue = VenueFactory(neighbourhood=lunetten, name="Buurthuis De Ster", slug="de-ster")
    venue.tags.add("koffie")
    venue.save()
    day = timezone.localdate() + timedelta(days=1)
    event = Event(
        title="Koffieochtend",
        slug="koffieochtend",
        neighbourhood=lunetten,
        venue=venue,
        locale=Locale.get_default(),
        start=local(day.year, day.month, day.day, 10, 0),
        end=local(day.year, day.month, day.day, 12, 0),
        summary="Koffie in de wijk.",
        live=False,
    )
    event.full_clean()
    event.save()
    event.save_revision().publish()
    return {"venue": venue, "event": event}


# --- GET parameters of every public page type ---------------------------------------------------

PAGES = [
    ("/nl/", ["q"]),
    ("/en/", ["q"]),
    ("/nl/agenda/", AGENDA),
    ("/nl/agenda/month/", [*AGENDA, "month"]),
    ("/nl/agenda/feed.ics", AGENDA),
    ("/nl/agenda/archive/", ["page"]),
    ("/nl/agenda/koffieochtend/", ["q"]),
    ("/nl/agenda/koffieochtend/calendar.ics", ["q"]),
    ("/nl/ontmoetingsplekken/", FINDER),
    ("/nl/ontmoetingsplekken/de-ster/", ["q"]),
    ("/nl/ontmoetingsplekken/de-ster/report/", ["q"]),
    ("/nl/zoeken/", ["q", "kind"]),
    ("/nl/hulp/", HELP),
    ("/ar/", ["q"]),
    ("/nl/nieuws/", ["tag"]),
    ("/nl/nieuws/feed/", ["tag"]),
    ("/nl/wegwijzer/", ["tag", "topic"]),
    ("/nl/evenement-aanmelden/", ["venue", "date"]),
    ("/nl/contact/", ["q"]),
]
PORTAL_PAGES = [
    ("/nl/", ["q"]),
    ("/nl/agenda/", AGENDA),
    ("/nl/agenda/month/", [*AGENDA, "month"]),
    ("/nl/agenda/feed.ics", AGENDA),
    ("/nl/ontmoetingsplekken/", FINDER),
    ("/nl/hulp/", [*HELP, "neighbourhood"]),
    ("/nl/zoeken/", ["q", "kind"]),
    ("/nl/nieuws/", ["tag"]),
    ("/nl/wegwijzer/", []),
]


@pytest.mark.parametrize(("path", "names"), PAGES, ids=[path for path, _names in PAGES])
def test_neighbourhood_pages_never_fail(client, lunetten, content, contact, path, names):  # noqa: F811
    assert client.get(path, HTTP_HOST=host(lunetten)).status_code == 200
    fuzzed(names, lambda query: get(client, lunetten, path, query))()


@pytest.mark.parametrize(
    ("path", "names"), PORTAL_PAGES, ids=[path for path, _names in PORTAL_PAGES]
)
def test_portal_pages_never_fail(client, portal, lunetten, content, path, names):
    assert client.get(path, HTTP_HOST=host(portal)).status_code == 200
    fuzzed(names, lambda query: get(client, portal, path, query))()


slugs = st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=60))


@pytest.mark.parametrize(
    "prefix", ["/nl/agenda/", "/nl/ontmoetingsplekken/", "/nl/nieuws/", "/nl/wegwijzer/"]
)
def test_made_up_addresses_are_not_found_not_broken(client, lunetten, prefix):
    @fuzz
    @given(slug=slugs, suffix=st.sampled_from(["", "/", ".ics", "/report/"]))
    def check(slug, suffix):
        path = prefix + quote(slug.encode("utf-8", "surrogatepass"), safe="") + suffix
        response = client.get(path, HTTP_HOST=host(lunetten))
        assert response.status_code < 500, path

    check()


# --- Every field of the public forms ------------------------------------------------------------


def post(client, where, path, data):
    cache.clear()  # the per-address limits count successes; every example is a fresh resident
    response = client.post(path, data, HTTP_HOST=host(where), REMOTE_ADDR="192.0.2.1")
    assert response.status_code < 500, (path, data)
    return response


def fuzz_form(client, where, path, valid):
    """Each field in turn gets hostile values (one or several) while the others stay valid."""

    @fuzz
    @given(field=st.sampled_from([*valid, "unknown"]), data=st.data())
    def check(field, data):
        post(client, where, path, {**valid, field: data.draw(value_for(field))})

    assert post(client, where, path, valid).status_code in (200, 302)  # thanked or sent on
    check()


def test_the_contact_form_never_fails(client, lunetten, contact):  # noqa: F811
    valid = {"naam": "Ayse", "e_mailadres": "ayse@example.org", "bericht": "Hallo", "website": ""}
    fuzz_form(client, lunetten, "/nl/contact/", valid)


def test_the_event_submission_form_never_fails(client, lunetten, content):
    day = (timezone.localdate() + timedelta(days=7)).isoformat()
    valid = {
        "name": "Fatima",
        "email": "fatima@example.org",
        "title": "Buurtbreien",
        "date": day,
        "start_time": "14:00",
        "end_time": "16:00",
        "repeat": "once",
        "repeat_until": "",
        "repeat_count": "",
        "venue": str(content["venue"].pk),
        "place": "",
        "description": "Samen breien.",
        "cost": "paid",
        "price": "€ 2, koffie inbegrepen",
        "image_alt": "",
        "website": "",
    }
    fuzz_form(client, lunetten, "/nl/evenement-aanmelden/", valid)


def test_the_venue_report_form_never_fails(client, lunetten, content):
    valid = {"message": "De lift is kapot.", "email": "bewoner@example.org"}
    fuzz_form(client, lunetten, "/nl/ontmoetingsplekken/de-ster/report/", valid)
