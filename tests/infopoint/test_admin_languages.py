"""Admin listings show one language, the editor's, with the languages each item exists in
(issue 13, item 3)."""

import re

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db

VENUES = "/admin/snippets/venues/venue/"


@pytest.fixture
def editor(client, lunetten, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    user.groups.add(lunetten.editors)
    client.force_login(user)
    return user


@pytest.fixture
def bingo(make_venue):
    dutch = make_venue(name="Kerstbingo-zaal", slug="kerstbingo-zaal")
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Christmas bingo hall"
    english.save()
    return dutch


def rows(html):
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    return [re.sub(r"\s+", " ", row) for row in re.findall(r"<tr.*?</tr>", body, re.S)]


def test_a_dutch_editor_sees_the_dutch_venues_with_their_languages(client, editor, bingo):
    html = client.get(VENUES).content.decode()

    assert "Kerstbingo-zaal" in html and "Christmas bingo hall" not in html
    (row,) = rows(html)
    assert "en, nl" in row


def test_another_language_or_all_of_them_is_one_choice_away(client, editor, bingo):
    english = client.get(VENUES, {"locale": "en"}).content.decode()
    assert "Christmas bingo hall" in english and "Kerstbingo-zaal" not in english

    every = client.get(VENUES, {"locale": ""}).content.decode()
    assert "Christmas bingo hall" in every and "Kerstbingo-zaal" in every


def test_an_english_editor_sees_the_english_list(client, editor, bingo):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()

    html = client.get(VENUES).content.decode()

    assert "Christmas bingo hall" in html and "Kerstbingo-zaal" not in html


def test_the_languages_column_costs_one_query_for_any_number_of_rows(
    client, editor, make_venue, django_assert_max_num_queries
):
    def measure(count, start):
        for number in range(start, start + count):
            make_venue(name=f"Plek {number:03}", slug=f"plek-{number:03}")
        client.get(VENUES)
        with django_assert_max_num_queries(80) as queries:
            client.get(VENUES)
        return len(queries)

    assert measure(2, 0) == measure(20, 2)
