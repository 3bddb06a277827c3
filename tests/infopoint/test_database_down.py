"""A database that cannot be reached: a 503 that says so in the visitor's language."""

from types import SimpleNamespace

import pytest
from django.db import OperationalError
from django.test import Client
from wagtail.models import Site

from infopoint import views


@pytest.fixture
def database_down(monkeypatch):
    def unreachable(request):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(Site, "_find_for_request", staticmethod(unreachable))
    monkeypatch.setattr(views, "connection", SimpleNamespace(connection=None))


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/nl/agenda/", "nl", "Deze site is even niet bereikbaar"),
        ("/en/events/", "en", "This site is briefly unavailable"),
        ("/ar/events/", "ar", 'dir="rtl"'),
    ],
)
def test_an_unreachable_database_is_a_503_in_the_visitors_language(database_down, path, lang, text):
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="lunetten.localhost")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f'lang="{lang}"' in html and text in html


def test_a_failing_query_on_a_working_database_stays_a_500(database_down, monkeypatch):
    monkeypatch.setattr(views, "connection", SimpleNamespace(connection=object()))
    response = Client(raise_request_exception=False).get("/nl/", HTTP_HOST="lunetten.localhost")
    assert response.status_code == 500
