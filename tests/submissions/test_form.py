"""A resident hands in an event without an account: it waits, as a draft, for a moderator."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Revision, WorkflowState

from events.models import Event, Occurrence
from submissions.forms import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH
from submissions.handling import max_post_bytes
from submissions.models import EventSubmission, EventSubmissionPage
from tests.submissions.conftest import SUBMIT_PATH, png_bytes
from tests.utils import get, host

# Clock: a submitted event is dated from today.
pytestmark = pytest.mark.clock


def nothing_stored():
    return (
        not Event.objects.exists()
        and not EventSubmission.objects.exists()
        and not get_image_model().objects.exists()
        and not WorkflowState.objects.exists()
    )


def text(response):
    return response.content.decode()


@pytest.mark.django_db
class TestThePage:
    def test_every_neighbourhood_and_the_portal_have_one_in_each_language(
        self, lunetten, oost, portal
    ):
        for neighbourhood in (lunetten, oost):
            home = neighbourhood.home_page
            pages = EventSubmissionPage.objects.filter(
                translation_key=EventSubmissionPage.objects.child_of(home).get().translation_key
            )
            assert sorted(pages.values_list("slug", flat=True)) == [
                "etkinlik-bildir",
                "evenement-aanmelden",
                "submit-an-event",
                "submit-an-event",
            ]
        # The portal's asks which neighbourhood first (tests/events/test_portal_city.py).
        assert EventSubmissionPage.objects.descendant_of(portal.root_page).count() == 1

    def test_the_form_is_labelled_grouped_and_hides_its_honeypot(
        self,
        client,
        lunetten,
        make_venue,
    ):
        make_venue("Buurthuis De Lunet")

        html = text(get(client, lunetten, SUBMIT_PATH))

        assert "<legend>Wanneer</legend>" in html
        assert "<legend>Waar</legend>" in html
        assert '<label for="id_title">' in html
        assert 'aria-describedby="id_email_helptext"' in html
        assert '<div class="form__trap">' in html and 'name="website"' in html
        assert ">Buurthuis De Lunet</option>" in html
        assert 'enctype="multipart/form-data"' in html

    def test_only_this_neighbourhoods_active_venues_are_offered(
        self,
        client,
        lunetten,
        oost,
        make_venue,
    ):
        make_venue("Buurthuis De Lunet")
        make_venue("Gesloten plek", is_active=False)
        make_venue("Oosterhuis", neighbourhood=oost)

        html = text(get(client, lunetten, SUBMIT_PATH))

        assert "Buurthuis De Lunet" in html
        assert "Gesloten plek" not in html
        assert "Oosterhuis" not in html

    def test_the_english_page_names_venues_in_english_where_translated(
        self,
        client,
        lunetten,
        make_venue,
    ):
        from wagtail.models import Locale

        venue = make_venue("Buurthuis De Lunet")
        english = venue.copy_for_translation(Locale.objects.get(language_code="en"))
        english.name = "Community centre De Lunet"
        english.save()

        html = text(get(client, lunetten, "/en/submit-an-event/"))

        assert f'<option value="{venue.pk}">Community centre De Lunet</option>' in html

    def test_showing_the_form_costs_the_same_few_queries_however_many_venues(
        self,
        client,
        lunetten,
        make_venue,
        django_assert_max_num_queries,
    ):
        make_venue("Plek 0")
        get(client, lunetten, SUBMIT_PATH)  # warm the site and menu caches
        with django_assert_max_num_queries(9) as captured:
            get(client, lunetten, SUBMIT_PATH)
        few = len(captured)
        for number in range(1, 12):
            make_venue(f"Plek {number}")
        # Saving a venue makes every page forget what it remembered; the first visitor after
        # the change warms the caches again.
        get(client, lunetten, SUBMIT_PATH)

        with django_assert_max_num_queries(few):
            response = get(client, lunetten, SUBMIT_PATH)
        assert response.status_code == 200
        assert "Plek 11" in text(response)

    def test_the_agenda_invites_residents_to_submit(self, client, lunetten):
        html = text(get(client, lunetten, "/nl/agenda/"))
        assert 'href="/nl/evenement-aanmelden/"' in html


@pytest.mark.django_db
class TestAValidSubmission:
    def test_becomes_a_draft_in_the_neighbourhood_waiting_for_a_moderator(
        self, client, lunetten, submit, valid_data, next_week
    ):
        response = submit(lunetten, valid_data)

        assert response.status_code == 302
        assert response["Location"] == "/nl/evenement-aanmelden/thanks/"
        event = Event.objects.get()
        assert (event.title, event.neighbourhood, event.locale.language_code) == (
            "Buurtbreien",
            lunetten,
            "nl",
        )
        assert not event.live and event.has_unpublished_changes
        assert event.place == "Speeltuin achter de school"
        assert event.repeat == "none"
        assert event.description.startswith("<p>Samen breien en kletsen.</p>")
        assert event.start.astimezone(event.start.tzinfo).date() == next_week
        assert Revision.objects.for_instance(event).count() == 1
        state = WorkflowState.objects.for_instance(event).get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by is None
        assert not Occurrence.objects.filter(event=event).exists()
        submission = EventSubmission.objects.get()
        assert (submission.event, submission.email, submission.name) == (
            event,
            "fatima.private@example.org",
            "Fatima el Amrani",
        )
        assert submission.language == "nl"

    def test_the_resident_is_thanked(self, client, lunetten, submit, valid_data):
        response = submit(lunetten, valid_data)
        thanks = client.get(response["Location"], HTTP_HOST=host(lunetten))

        assert thanks.status_code == 200
        assert "we hebben uw activiteit ontvangen" in text(thanks).lower()

    def test_a_draft_is_not_in_the_agenda(self, client, lunetten, submit, valid_data):
        submit(lunetten, valid_data)

        assert "Buurtbreien" not in text(get(client, lunetten, "/nl/agenda/"))

    def test_moderators_are_told_by_e_mail(
        self, lunetten, submit, valid_data, django_user_model, mailoutbox
    ):
        django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")

        submit(lunetten, valid_data)

        assert any("Buurtbreien" in message.body for message in mailoutbox)
        assert all("fatima.private@example.org" not in m.to for m in mailoutbox)

    @pytest.mark.parametrize(
        ("choice", "repeat", "interval"),
        [("weekly", "weekly", 1), ("fortnightly", "weekly", 2), ("monthly", "monthly_weekday", 1)],
    )
    def test_a_simple_repetition_becomes_the_events_own_schedule(
        self, lunetten, submit, valid_data, choice, repeat, interval
    ):
        submit(lunetten, {**valid_data, "repeat": choice, "repeat_count": "6"})

        event = Event.objects.get()
        assert (event.repeat, event.interval, event.ends, event.repeat_count) == (
            repeat,
            interval,
            "count",
            6,
        )

    def test_a_repetition_can_end_on_a_date(self, lunetten, submit, valid_data, next_week):
        last = next_week + timedelta(days=28)
        submit(lunetten, {**valid_data, "repeat": "weekly", "repeat_until": last.isoformat()})

        event = Event.objects.get()
        assert (event.ends, event.repeat_until) == ("until", last)

    def test_a_venue_of_this_neighbourhood_can_be_chosen(
        self,
        lunetten,
        submit,
        valid_data,
        make_venue,
    ):
        venue = make_venue("Buurthuis De Lunet")

        submit(lunetten, {**valid_data, "place": "", "venue": str(venue.pk)})

        assert Event.objects.get().venue == venue

    def test_a_picture_is_kept_in_the_neighbourhoods_collection_with_its_alt_text(
        self, lunetten, submit, valid_data
    ):
        picture = SimpleUploadedFile("breien.png", png_bytes(), content_type="image/png")

        response = submit(
            lunetten, {**valid_data, "image": picture, "image_alt": "Twee mensen breien"}
        )

        assert response.status_code == 302
        image = Event.objects.get().image
        assert (image.collection, image.description) == (lunetten.collection, "Twee mensen breien")
        assert image.width == 40 and image.file_size > 0

    def test_from_the_english_page_it_is_filed_in_dutch_with_the_language_noted(
        self, lunetten, submit, valid_data
    ):
        response = submit(lunetten, valid_data, path="/en/submit-an-event/")

        assert response["Location"] == "/en/submit-an-event/thanks/"
        assert Event.objects.get().locale.language_code == "nl"
        assert EventSubmission.objects.get().language == "en"


@pytest.mark.django_db
class TestRejectedSubmissions:
    def test_the_honeypot_turns_robots_away(self, lunetten, submit, valid_data):
        response = submit(lunetten, {**valid_data, "website": "http://spam.example"})

        assert response.status_code == 400
        assert "Uw activiteit kon niet worden verstuurd." in text(response)
        assert nothing_stored()

    def test_one_address_may_submit_five_events_an_hour(self, lunetten, submit, valid_data):
        for number in range(5):
            assert submit(lunetten, {**valid_data, "title": f"Breien {number}"}).status_code == 302

        blocked = submit(lunetten, valid_data)
        other_address = submit(lunetten, valid_data, address="198.51.100.7")

        assert blocked.status_code == 429
        assert "in korte tijd meerdere activiteiten gestuurd" in text(blocked)
        assert other_address.status_code == 302
        assert Event.objects.count() == EventSubmission.objects.count() == 6

    def test_invalid_attempts_do_not_count_towards_the_limit(self, lunetten, submit, valid_data):
        for _ in range(6):
            submit(lunetten, {**valid_data, "email": "geen-adres"})

        assert submit(lunetten, valid_data).status_code == 302

    @pytest.mark.parametrize(
        ("field", "length"),
        [
            ("title", TITLE_MAX_LENGTH + 1),
            ("description", DESCRIPTION_MAX_LENGTH + 1),
            ("name", 101),
            ("place", 201),
        ],
    )
    def test_oversized_answers_are_refused_with_an_explanation(
        self, lunetten, submit, valid_data, field, length
    ):
        response = submit(lunetten, {**valid_data, field: "x" * length})

        assert response.status_code == 400
        html = text(response)
        assert "Uw activiteit is nog niet verstuurd" in html
        assert f'href="#id_{field}"' in html  # the summary links to the field
        assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html or (
            f'aria-describedby="id_{field}_error"' in html
        )
        assert nothing_stored()

    def test_a_huge_request_is_refused_unread_with_an_explanation(
        self, lunetten, submit, valid_data
    ):
        response = submit(lunetten, valid_data, CONTENT_LENGTH=str(max_post_bytes() + 1))

        assert response.status_code == 413
        assert "te groot" in text(response)
        assert nothing_stored()

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"date": "31-02-2027"}, "Voer een geldige datum in."),
            ({"date": "morgen"}, "Voer een geldige datum in."),
            ({"start_time": "25:00"}, "Voer een geldige tijd in."),
            ({"end_time": "13:00"}, "Het einde moet na het begin liggen."),
            ({"date": "2020-01-01"}, "De datum is voorbij"),
            ({"repeat": "weekly"}, "Vul de laatste datum of het aantal keren in"),
            ({"repeat": "weekly", "repeat_count": "500"}, "52"),
            ({"repeat": "daily"}, "Selecteer een geldige keuze."),
            ({"venue": "99999", "place": ""}, "Selecteer een geldige keuze."),
            ({"venue": "abc", "place": ""}, "Selecteer een geldige keuze."),
            ({"place": ""}, "Kies een ontmoetingsplek of beschrijf waar het is."),
            ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ],
    )
    def test_bad_answers_get_a_clear_message_and_store_nothing(
        self, lunetten, submit, valid_data, changes, message
    ):
        response = submit(lunetten, {**valid_data, **changes})

        assert response.status_code == 400
        assert message in text(response)
        assert nothing_stored()

    def test_a_venue_of_another_neighbourhood_is_refused(
        self,
        lunetten,
        oost,
        submit,
        valid_data,
        make_venue,
    ):
        elsewhere = make_venue("Oosterhuis", neighbourhood=oost)

        response = submit(lunetten, {**valid_data, "place": "", "venue": str(elsewhere.pk)})

        assert response.status_code == 400
        assert not Event.objects.exists()

    def test_a_picture_needs_its_description(self, lunetten, submit, valid_data):
        picture = SimpleUploadedFile("breien.png", png_bytes(), content_type="image/png")

        response = submit(lunetten, {**valid_data, "image": picture})

        assert response.status_code == 400
        assert "wat de foto laat zien" in text(response)
        assert nothing_stored()

    def test_a_file_that_is_no_picture_is_refused(self, lunetten, submit, valid_data):
        fake = SimpleUploadedFile("breien.png", b"<?php echo 1; ?>", content_type="image/png")

        response = submit(lunetten, {**valid_data, "image": fake, "image_alt": "Iets"})

        assert response.status_code == 400
        assert nothing_stored()

    def test_a_picture_in_another_format_is_refused(self, lunetten, submit, valid_data):
        gif = SimpleUploadedFile("breien.gif", png_bytes(image_format="GIF"), "image/gif")

        response = submit(lunetten, {**valid_data, "image": gif, "image_alt": "Iets"})

        assert response.status_code == 400
        assert "JPEG, PNG of WebP" in text(response)
        assert nothing_stored()

    def test_a_picture_over_the_size_limit_is_refused(self, lunetten, submit, valid_data, settings):
        settings.SUBMISSION_IMAGE_MAX_BYTES = 100
        picture = SimpleUploadedFile("breien.png", png_bytes((400, 300)), "image/png")

        response = submit(lunetten, {**valid_data, "image": picture, "image_alt": "Breien"})

        assert response.status_code == 400
        assert "De foto is te groot; kies er een van hoogstens 100\xa0bytes." in text(response)
        assert nothing_stored()

    def test_every_problem_is_listed_at_once(self, lunetten, submit, valid_data):
        response = submit(
            lunetten, {**valid_data, "title": "x" * 500, "place": "", "end_time": "09:00"}
        )

        html = text(response)
        for anchor in ("id_title", "id_venue", "id_end_time"):
            assert f'<a href="#{anchor}">' in html

    def test_the_summary_names_the_field_of_each_problem(self, lunetten, submit, valid_data):
        empty = {**valid_data, "name": "", "title": "", "description": "", "start_time": ""}

        html = text(submit(lunetten, empty))
        summary = html[html.index('class="form-errors"') :]
        summary = summary[: summary.index("</ul>")]

        # Not "Dit is een verplicht veld." four times: each line says which field, and links to it.
        for anchor, label in [
            ("id_name", "Uw naam"),
            ("id_title", "Naam van de activiteit"),
            ("id_description", "Beschrijving"),
            ("id_start_time", "Begint om"),
        ]:
            assert f'<a href="#{anchor}">{label}: Dit is een verplicht veld.</a>' in summary

    def test_a_failure_while_saving_leaves_no_picture_behind(
        self, lunetten, submit, valid_data, monkeypatch, settings
    ):
        def broken(*args, **kwargs):
            raise RuntimeError("database went away")

        monkeypatch.setattr(EventSubmission.objects, "create", broken)
        picture = SimpleUploadedFile("breien.png", png_bytes(), content_type="image/png")

        with pytest.raises(RuntimeError):
            submit(lunetten, {**valid_data, "image": picture, "image_alt": "Twee mensen"})

        assert nothing_stored()
        media = settings.MEDIA_ROOT
        assert not [path for path in media.rglob("*") if path.is_file()]


@pytest.mark.django_db
class TestThePrice:
    def test_a_free_event_is_stored_as_free(self, lunetten, submit, valid_data):
        assert submit(lunetten, valid_data).status_code == 302
        event = Event.objects.get()
        assert event.is_free and event.price == ""

    def test_what_residents_pay_is_stored_and_shown(self, client, lunetten, submit, valid_data):
        response = submit(lunetten, {**valid_data, "cost": "paid", "price": " € 2 per keer "})

        assert response.status_code == 302
        event = Event.objects.get()
        assert not event.is_free and event.price == "€ 2 per keer"

    def test_the_form_asks_and_never_assumes_free(self, client, lunetten, submit, valid_data):
        html = text(get(client, lunetten, SUBMIT_PATH))
        legend = '<legend>Wat kost het? <span class="form__required">(verplicht)</span></legend>'
        assert legend in html
        free = re.search(r'<input type="radio" name="cost" value="free"[^>]*>', html).group(0)
        assert "required" in free and "checked" not in free

        unanswered = submit(lunetten, {**valid_data, "cost": ""})
        assert unanswered.status_code == 400
        assert '<a href="#id_cost">Wat kost het?: ' in text(unanswered)

        no_amount = submit(lunetten, {**valid_data, "cost": "paid", "price": ""})
        assert no_amount.status_code == 400
        assert "Zeg wat het kost, of kies “Gratis”." in text(no_amount)
        assert nothing_stored()
