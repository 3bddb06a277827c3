"""Fixtures for the resident's “Submit an event” form."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image

from tests.utils import host

SUBMIT_PATH = "/nl/evenement-aanmelden/"


def png_bytes(size=(40, 30), image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.fixture
def next_week():
    return timezone.localdate() + timedelta(days=7)


@pytest.fixture
def valid_data(next_week):
    return {
        "name": "Fatima el Amrani",
        "email": "fatima.private@example.org",
        "title": "Buurtbreien",
        "date": next_week.isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "repeat": "once",
        "repeat_until": "",
        "repeat_count": "",
        "venue": "",
        "place": "Speeltuin achter de school",
        "description": "Samen breien en kletsen.\n\nIedereen is welkom, wol is er.",
        "cost": "free",
        "price": "",
        "image_alt": "",
        "website": "",
    }


@pytest.fixture
def submit(client):
    """POST the form to a neighbourhood's submission page from a given address."""

    def post(neighbourhood, data, address="192.0.2.1", path=SUBMIT_PATH, **extra):
        return client.post(path, data, HTTP_HOST=host(neighbourhood), REMOTE_ADDR=address, **extra)

    return post
