"""The demo's news and guides say the same day and time as the demo agenda: a resident who
reads "every Thursday afternoon" and finds the Taalcafé on Wednesday evening stops trusting
both."""

import pytest
from django.utils import translation
from django.utils.dates import WEEKDAYS

from events.demo import EVENTS
from events.recurrence import WEEKDAY_CODES
from infopoint.demo_content import guides, news_items
from infopoint.demo_translations import GUIDES_ELSEWHERE, guides_en, news_items_en, texts

NAME = "Lunetten"


def agenda_schedule(slug):
    """(weekday, "HH:MM") of a weekly demo event, as the agenda builds it."""
    item = next(item for item in EVENTS if item[0] == slug)
    repeat, weekdays, _offset, start, _minutes, _extra = item[3]
    assert repeat == "weekly"
    return WEEKDAY_CODES.index(weekdays), start


def day_names(language):
    with translation.override(language):
        return {number: str(name).casefold() for number, name in WEEKDAYS.items()}


def texts_about(language):
    """{event slug: the texts of the news item and guides about it} in `language`."""
    if language == "nl":
        news, pages = news_items(NAME), guides(NAME)
        by_slug = {item[0]: item for item in [*news, *pages]}
        return {
            "taalcafe": texts(by_slug["taalcafe-weer-open"][3]) + texts(by_slug["taalcafe"][3:5]),
            "koffieochtend": texts(by_slug["koffieochtend"][3:5]),
        }
    if language == "en":
        by_slug = {item[0]: item for item in [*news_items_en(NAME), *guides_en(NAME)]}
        return {
            "taalcafe": texts(by_slug["language-cafe-open-again"][2])
            + texts(by_slug["language-cafe"][2:]),
            "koffieochtend": texts(by_slug["coffee-morning"][2:]),
        }
    return {"taalcafe": texts(GUIDES_ELSEWHERE["taalcafe"][language][2:])}


@pytest.mark.parametrize("language", ["nl", "en", "ar", "tr"])
def test_the_news_and_guides_name_the_agendas_weekday(language):
    names = day_names(language)
    for slug, about in texts_about(language).items():
        weekday, _start = agenda_schedule(slug)
        text = " ".join(about).casefold()
        assert names[weekday] in text, (slug, about)
        others = [name for number, name in names.items() if number != weekday and name in text]
        assert others == [], (slug, about)


@pytest.mark.parametrize("language", ["nl", "ar", "tr"])
def test_the_guides_give_the_agendas_starting_time(language):
    for slug, about in texts_about(language).items():
        _weekday, start = agenda_schedule(slug)
        written = start if language == "ar" else start.replace(":", ".")
        assert written in " ".join(about), (slug, about)
