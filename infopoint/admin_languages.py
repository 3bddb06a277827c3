"""Admin listings of translatable things in one language, with the languages each item has.

A listing of venues or events mixes every language ("Kerstbingo" beside "Christmas bingo")
unless it is told otherwise. `EditorLanguageFilterSet` makes the editor's own admin language
(Dutch by default) the listing's language when none is chosen; the locale filter still offers
the others and "all". `TranslationsColumn` says which languages each row exists in, read for
the whole listing page in one query.
"""

from collections import defaultdict

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column


def editor_language():
    """The content language matching the editor's admin language, else the default."""
    code = (translation.get_language() or "").split("-")[0]
    known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


class EditorLanguageFilterSet(WagtailFilterSet):
    """A listing filter that shows the editor's language until they choose another."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "locale" not in data:
            data = data.copy()
            data["locale"] = editor_language()
        super().__init__(data, *args, **kwargs)


class TranslationsColumn(Column):
    """The languages a row exists in ("nl, en, ar"), one query for every row on the page."""

    def __init__(self, name="translations", **kwargs):
        kwargs.setdefault("label", _("Languages"))
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return ""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        table = parent_context["table"]
        languages = getattr(table, "_wijkinfo_languages", None)
        if languages is None:
            keys = {row.translation_key for row in table.data}
            pairs = (
                type(instance)
                ._default_manager.filter(translation_key__in=keys)
                .order_by("locale__language_code")
                .values_list("translation_key", "locale__language_code")
            )
            languages = defaultdict(list)
            for key, code in pairs:
                languages[key].append(code)
            table._wijkinfo_languages = languages
        context["value"] = ", ".join(languages[instance.translation_key])
        return context
