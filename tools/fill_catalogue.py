"""Fill a gettext catalogue from a JSON dictionary {msgid: msgstr} and tidy its header.

    python tools/fill_catalogue.py locale/ar/LC_MESSAGES/django.po translations.json

English (the language of the msgids) is filled with the msgids themselves.
"""

import json
import sys
from pathlib import Path

import polib

LANGUAGE_TEAMS = {"nl": "Dutch", "en": "English", "ar": "Arabic", "tr": "Turkish"}


def fill(path, translations):
    po = polib.pofile(path)
    language = Path(path).parts[-3]  # locale/<language>/LC_MESSAGES/django.po
    for entry in po.obsolete_entries():  # strings the code no longer uses
        po.remove(entry)
    for entry in po:
        if language == "en":
            entry.msgstr = entry.msgid
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        elif entry.msgid in translations:
            value = translations[entry.msgid]
            if entry.msgid_plural and isinstance(value, list):
                entry.msgstr_plural = dict(enumerate(value))
            else:
                entry.msgstr = value
        else:
            # msgmerge's guess for a new string (from a similar old one) stays marked fuzzy
            # until a person confirms it: the catalogue test then names it.
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
    po.metadata_is_fuzzy = False
    po.header = f"{LANGUAGE_TEAMS.get(language, language)} interface strings for Wijkinfo."
    po.metadata.update(
        {
            "Project-Id-Version": "wijkinfo",
            "Last-Translator": "Wijkinfo developers",
            "Language-Team": LANGUAGE_TEAMS.get(language, language),
            "Language": language,
            "Content-Type": "text/plain; charset=UTF-8",
        }
    )
    po.save()
    return [entry.msgid for entry in po if not entry.translated()]


if __name__ == "__main__":
    data = json.loads(Path(sys.argv[2]).read_text("utf-8")) if len(sys.argv) > 2 else {}
    missing = fill(sys.argv[1], data)
    for msgid in missing:
        sys.stdout.write(f"untranslated: {msgid!r}\n")
