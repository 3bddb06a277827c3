"""Several app servers behind one address: what an editor changes through one, a resident reads
through the other at once.

Two gunicorn processes share this test database (PostgreSQL) and one Redis, as a city's app
servers behind a load balancer do. The venue page is first served (and remembered in the page
cache) by the second; an editor renames the venue in the admin of the first; the second server's
very next answer has the new name. Only PostgreSQL and Redis can be shared between processes, so
the embedded default (SQLite, local memory) has nothing to test here.
"""

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection

from home.management.commands.load_demo import ADMIN_PASSWORD, ADMIN_USERNAME
from venues.models import Venue

ROOT = Path(settings.BASE_DIR)
SHARED = "redis" in settings.CACHES["default"]["BACKEND"].lower()

pytestmark = pytest.mark.skipif(
    not SHARED or connection.vendor != "postgresql",
    reason="app servers share PostgreSQL and Redis; the embedded default is one process",
)


def free_port():
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def app_server():
    port = free_port()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": settings.CACHES["default"]["LOCATION"],
        "PAGE_CACHE_SECONDS": "300",
    }
    env.pop("PYTEST_XDIST_WORKER", None)  # the Redis address above is already this worker's
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn and code
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(150):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.1)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def form_fields(html):
    """What a browser would send back for the form on this page, as (name, value) pairs."""
    form = BeautifulSoup(html, "html.parser").find(
        "form", action=lambda action: action and "/edit/" in action
    )
    fields = []
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("type") in {"submit", "button", "file"}:
            continue
        if element.name == "textarea":
            fields.append((name, element.text))
        elif element.name == "select":
            options = element.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")] or options[:1]
            fields.extend((name, option.get("value", option.text)) for option in chosen)
        elif element.get("type") in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                fields.append((name, element.get("value", "on")))
        else:
            fields.append((name, element.get("value", "")))
    return fields


def rename(editor, base, venue, new_name):
    edit = f"{base}/admin/snippets/venues/venue/edit/{venue.pk}/"
    page = editor.get(edit, headers={"Host": "localhost"})
    data = [(k, new_name if k == "name" else v) for k, v in form_fields(page.text)]
    data.append(("action-publish", "action-publish"))  # venues are drafts until published
    answer = editor.post(edit, data=data, headers={"Host": "localhost", "Referer": edit})
    assert answer.status_code == 200 and "/admin/snippets/venues/venue/" in answer.url


def test_an_edit_through_one_server_shows_through_the_other_at_once(demo_city):
    venue = Venue.objects.filter(neighbourhood__slug="lunetten", locale__language_code="nl").first()
    page = f"/nl/ontmoetingsplekken/{venue.slug}/"
    resident, editor = requests.Session(), requests.Session()
    with app_server() as first, app_server() as second:
        shown = resident.get(second + page, headers={"Host": "lunetten.localhost"})
        assert venue.name in shown.text
        again = resident.get(second + page, headers={"Host": "lunetten.localhost"})
        assert again.headers["X-Wijkinfo-Cache"] == "hit"

        login = f"{first}/admin/login/"
        editor.get(login, headers={"Host": "localhost"})
        editor.post(
            login,
            data={
                "username": ADMIN_USERNAME,
                "password": ADMIN_PASSWORD,
                "csrfmiddlewaretoken": editor.cookies["csrftoken"],
            },
            headers={"Host": "localhost", "Referer": login},
        )
        try:
            rename(editor, first, venue, "Buurthuis Twee Servers")
            after = resident.get(second + page, headers={"Host": "lunetten.localhost"})
            assert "Buurthuis Twee Servers" in after.text
            assert after.headers["X-Wijkinfo-Cache"] == "miss"
        finally:
            rename(editor, first, venue, venue.name)  # the demo stays as other tests expect it
