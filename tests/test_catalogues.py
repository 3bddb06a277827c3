"""The interface speaks every resident's language: catalogues are complete and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
# Dutch and English are complete; Arabic and Turkish cover everything residents see.
COMPLETE = ["nl", "en"]
RESIDENT_FACING = ["ar", "tr"]


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def seen_by_residents(entry):
    return any(
        "templates" in path or path.endswith("forms.py") for path, _line in entry.occurrences
    )


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_has_a_catalogue_without_fuzzy_entries(language):
    po = catalogue(language)

    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert po.metadata["Language"] == language


@pytest.mark.parametrize("language", COMPLETE)
def test_dutch_and_english_are_complete(language):
    assert [entry.msgid for entry in catalogue(language).untranslated_entries()] == []


@pytest.mark.parametrize("language", RESIDENT_FACING)
def test_arabic_and_turkish_translate_what_residents_see(language):
    missing = [
        entry.msgid
        for entry in catalogue(language).untranslated_entries()
        if seen_by_residents(entry)
    ]
    assert missing == []


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))

    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in mo
        if entry.msgid and not entry.msgid_plural
    }
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in po.translated_entries()
        if not entry.msgid_plural
    }
    assert compiled == source, "run `make messages` to compile the catalogues"
