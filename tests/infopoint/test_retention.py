"""Residents' data is deleted when its period is over (`manage.py apply_retention`, daily)."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission

from events.models import Event
from submissions.models import EventSubmission
from tests.events.conftest import make_event  # noqa: F401 - a fixture

SENT = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def apply_retention(*args):
    out = StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def message(contact, text):
    return FormSubmission.objects.create(page=contact, form_data={"bericht": text})


def submission(event, name):
    return EventSubmission.objects.create(
        event=event, name=name, email=f"{name}@example.org", language="nl", client="x" * 32
    )


@pytest.fixture
def kept_data(contact, make_event, time_machine):  # noqa: F811
    """Two contact messages and two event submissions: one of each sent on SENT, one 300 days
    later."""
    time_machine.move_to(SENT, tick=False)
    old = message(contact, "Oud"), submission(make_event("Oude bingo"), "oud")
    time_machine.shift(timedelta(days=300))
    recent = message(contact, "Nieuw"), submission(make_event("Nieuwe bingo"), "nieuw")
    return old, recent


def test_messages_and_submissions_past_their_period_are_deleted(kept_data, settings, time_machine):
    settings.CONTACT_RETENTION_DAYS = 365
    settings.SUBMISSION_RETENTION_DAYS = 180
    (old_message, old_submission), (recent_message, recent_submission) = kept_data
    time_machine.move_to(SENT + timedelta(days=366), tick=False)

    report = apply_retention()

    assert list(FormSubmission.objects.all()) == [recent_message]
    assert list(EventSubmission.objects.all()) == [recent_submission]
    # Only who sent it is forgotten: the event itself stays.
    assert Event.objects.filter(title="Oude bingo").exists()
    assert "contact-form messages: deleted 1 older than 365 days" in report
    assert "resident event submissions: deleted 1 older than 180 days" in report


def test_nothing_is_deleted_before_its_period_is_over(kept_data, settings, time_machine):
    settings.CONTACT_RETENTION_DAYS = 365
    settings.SUBMISSION_RETENTION_DAYS = 365
    time_machine.move_to(SENT + timedelta(days=364), tick=False)

    apply_retention()

    assert FormSubmission.objects.count() == 2
    assert EventSubmission.objects.count() == 2


def test_the_periods_are_read_when_the_command_runs(kept_data, settings, time_machine):
    time_machine.move_to(SENT + timedelta(days=366), tick=False)
    settings.CONTACT_RETENTION_DAYS = 0  # kept without limit
    settings.SUBMISSION_RETENTION_DAYS = 30

    apply_retention()

    assert FormSubmission.objects.count() == 2
    assert EventSubmission.objects.count() == 0


def test_a_dry_run_deletes_nothing(kept_data, settings, time_machine):
    time_machine.move_to(SENT + timedelta(days=366), tick=False)
    settings.CONTACT_RETENTION_DAYS = 30

    report = apply_retention("--dry-run")

    assert "contact-form messages: would delete 2 older than 30 days" in report
    assert FormSubmission.objects.count() == 2


def test_failed_sign_ins_are_forgotten_after_their_period(client, db, settings, time_machine):
    settings.LOGIN_ATTEMPT_RETENTION_DAYS = 30
    time_machine.move_to(SENT, tick=False)
    client.post("/admin/login/", {"username": "someone", "password": "wrong"})
    assert AccessAttempt.objects.count() == 1

    time_machine.shift(timedelta(days=31))
    apply_retention()

    assert AccessAttempt.objects.count() == 0
