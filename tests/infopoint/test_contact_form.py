import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from infopoint.models.forms import MULTI_LINE_MAX_LENGTH
from tests.utils import host

MESSAGE = {"naam": "Fatima", "e_mailadres": "fatima@example.org", "bericht": "Hallo!"}


def post(client, neighbourhood, data, address="192.0.2.1"):
    return client.post("/nl/contact/", data, HTTP_HOST=host(neighbourhood), REMOTE_ADDR=address)


@pytest.mark.django_db
class TestContactForm:
    def test_stores_the_message_mails_the_team_and_thanks_the_resident(
        self, client, lunetten, contact
    ):
        response = post(client, lunetten, MESSAGE)

        assert response.status_code == 200
        assert "We antwoorden binnen drie dagen." in response.content.decode()
        (submission,) = FormSubmission.objects.filter(page=contact)
        assert submission.get_data()["bericht"] == "Hallo!"
        assert "website" not in submission.form_data
        assert mail.outbox[0].to == ["team@example.org"]

    def test_a_mail_failure_loses_nothing_and_still_confirms(
        self, client, lunetten, contact, monkeypatch
    ):
        def broken(*args, **kwargs):
            raise ConnectionRefusedError("mail server down")

        monkeypatch.setattr("wagtail.contrib.forms.models.send_mail", broken)

        response = post(client, lunetten, MESSAGE)

        assert response.status_code == 200
        assert "We antwoorden binnen drie dagen." in response.content.decode()
        assert FormSubmission.objects.filter(page=contact).count() == 1

    def test_the_honeypot_rejects_robots_and_stores_nothing(self, client, lunetten, contact):
        response = post(client, lunetten, {**MESSAGE, "website": "http://spam.example"})

        assert response.status_code == 400
        assert not FormSubmission.objects.exists()
        assert mail.outbox == []

    def test_the_honeypot_is_hidden_from_people(self, client, lunetten, contact):
        html = client.get("/nl/contact/", HTTP_HOST=host(lunetten)).content.decode()
        assert '<div class="form__trap">' in html
        assert 'name="website"' in html
        assert 'tabindex="-1"' in html

    def test_too_long_a_message_is_refused_with_an_explanation(self, client, lunetten, contact):
        response = post(client, lunetten, {**MESSAGE, "bericht": "x" * (MULTI_LINE_MAX_LENGTH + 1)})

        assert response.status_code == 400
        assert not FormSubmission.objects.exists()
        assert 'maxlength="4000"' in response.content.decode()
        assert 'role="alert"' in response.content.decode()

    def test_one_address_may_send_five_messages_an_hour(self, client, lunetten, contact):
        for _ in range(5):
            assert post(client, lunetten, MESSAGE).status_code == 200

        blocked = post(client, lunetten, MESSAGE)
        other_address = post(client, lunetten, MESSAGE, address="198.51.100.7")

        assert blocked.status_code == 429
        assert "several messages in a short time" in blocked.content.decode() or (
            "meerdere berichten" in blocked.content.decode()
        )
        assert other_address.status_code == 200
        assert FormSubmission.objects.count() == 6

    def test_invalid_posts_do_not_count_towards_the_limit(self, client, lunetten, contact):
        for _ in range(6):
            post(client, lunetten, {**MESSAGE, "e_mailadres": "geen-adres"})
        assert post(client, lunetten, MESSAGE).status_code == 200
