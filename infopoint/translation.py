"""Translations go through wagtail-localize, so translators keep working in its editor.

Code that creates translated content (create_neighbourhood, the demo) fills the strings it knows and
leaves the rest to fall back to the Dutch source until a translator fills them in.
"""

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource


def translate(instance, locale, strings=None, publish=True):
    """Create or update `instance`'s translation in `locale` and return it.

    `strings` maps a segment's context (a field path such as "title", "slug" or "intro") to its
    translated text. Non-text fields follow the source: wagtail-localize synchronises them.
    """
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if strings:
        po = translation.export_po()
        for entry in po:
            if entry.msgctxt in strings:
                entry.msgstr = strings[entry.msgctxt]
        translation.import_po(po)
    # wagtail-localize publishes a page translation when the transaction commits, from a copy
    # loaded before any children were added, which resets the page's child count. Publishing here,
    # inside the transaction, keeps the tree intact when a parent and its children are translated
    # together (as create_neighbourhood does).
    if not isinstance(instance, Page):
        translation.save_target(publish=publish)
        return instance.get_translation(locale)
    translation.save_target(publish=False)
    target = instance.get_translation(locale).specific
    if publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def sync_translations(instance):
    """Bring every existing translation of a Dutch source up to date after it changed.

    Non-text fields (dates, coordinates, capacity, images) follow the source; text a translator
    already translated stays; text that is new in the source shows in Dutch until it is translated.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    source.update_from_db()
    updated = []
    for translation in Translation.objects.filter(source=source, enabled=True).select_related(
        "target_locale"
    ):
        updated.append(translate(instance, translation.target_locale))
    return updated
