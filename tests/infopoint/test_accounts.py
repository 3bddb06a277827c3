"""Accounts: password guessing is throttled per account and per address, and a real user can wait
a lock-out out; passwords must be long enough."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

PASSWORD = "lang-en-geheim-42"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def volunteer(db):
    return get_user_model().objects.create_superuser("volunteer", "volunteer@example.org", PASSWORD)


def sign_in(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_right_password_is_refused_after_too_many_wrong_ones_until_the_cool_off(
    client, volunteer, settings, time_machine
):
    url = "/admin/login/"  # Wagtail's admin: the only login form
    time_machine.move_to(START, tick=False)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, url, "volunteer", "wrong-guess").status_code == 200
    assert sign_in(client, url, "volunteer", "wrong-guess").status_code == 429

    response = sign_in(client, url, "volunteer", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()  # the admin speaks Dutch by default
    assert "Te vaak geprobeerd in te loggen" in page
    assert "Wacht 15 minuten" in page

    time_machine.shift(settings.AXES_COOLOFF_TIME - timedelta(seconds=30))
    assert sign_in(client, url, "volunteer", PASSWORD).status_code == 429
    assert not signed_in(client)

    time_machine.shift(timedelta(seconds=31))
    assert sign_in(client, url, "volunteer", PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_account_is_locked_however_many_addresses_the_guesses_come_from(
    client, volunteer, settings, time_machine
):
    time_machine.move_to(START, tick=False)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/admin/login/", "volunteer", "wrong", address=f"198.51.100.{attempt}")

    assert sign_in(client, "/admin/login/", "volunteer", PASSWORD, "192.0.2.1").status_code == 429
    assert not signed_in(client)


def test_an_address_is_locked_however_many_accounts_it_tries(
    client, volunteer, settings, time_machine
):
    time_machine.move_to(START, tick=False)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/admin/login/", f"guess-{attempt}", "wrong", address="198.51.100.9")

    response = sign_in(client, "/admin/login/", "volunteer", PASSWORD, "198.51.100.9")
    assert response.status_code == 429
    assert not signed_in(client)
    # The volunteer's own address is not affected.
    assert sign_in(client, "/admin/login/", "volunteer", PASSWORD, "192.0.2.1").status_code == 302


def test_a_successful_login_forgets_earlier_mistakes(client, volunteer, settings, time_machine):
    time_machine.move_to(START, tick=False)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "/admin/login/", "volunteer", "typo")
    assert sign_in(client, "/admin/login/", "volunteer", PASSWORD).status_code == 302
    client.logout()

    sign_in(client, "/admin/login/", "volunteer", "typo")
    assert sign_in(client, "/admin/login/", "volunteer", PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["kort-9ab!", "123456789012", "password1234"])
def test_short_common_or_numeric_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_password_is_accepted():
    validate_password(PASSWORD)


def test_behind_a_trusted_proxy_one_guesser_does_not_lock_out_the_others(
    client, volunteer, settings, time_machine
):
    settings.TRUSTED_PROXY_COUNT = 1
    time_machine.move_to(START, tick=False)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"guess-{attempt}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.9",
        )

    response = client.post(
        "/admin/login/",
        {"username": "volunteer", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",  # the same proxy
        HTTP_X_FORWARDED_FOR="192.0.2.1",
    )
    assert response.status_code == 302
