"""Translations go through wagtail-localize, so translators keep working in its editor.

Code that creates translated content (create_neighbourhood, the demo) fills the strings it knows and
leaves the rest to fall back to the Dutch source until a translator fills them in.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .cache import cached


def default_locale_id():
    """The id of the Dutch Locale, remembered (it changes only with the installation)."""
    return cached(
        "default-locale-id",
        lambda: (
            Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
            .values_list("pk", flat=True)
            .first()
        ),
    )


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales():
    """Every content language has a Wagtail Locale; Dutch (the default) comes first."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in content_languages()
    }


def _wanted(strings, catalogue, path, text):
    """The translation asked for one segment: by its context first, else by its source text."""
    if strings and path in strings:
        return strings[path]
    if catalogue:
        return catalogue.get(text, "")
    return ""


def translate(instance, locale, strings=None, publish=True, catalogue=None):
    """Create or update `instance`'s translation in `locale` and return it.

    `strings` maps a segment's context (a field path such as "title", "slug" or "intro") to its
    translated text; `catalogue` maps a segment's source text (a Dutch sentence, title or slug) to
    its translation, which suits StreamField blocks whose context paths carry block ids. Non-text
    fields follow the source: wagtail-localize synchronises them.
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:  # a new source was just extracted from the instance: no need to do it twice
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if strings or catalogue:
        po = translation.export_po()
        for entry in po:
            wanted = _wanted(strings, catalogue, entry.msgctxt, entry.msgid)
            if wanted:
                entry.msgstr = wanted
        translation.import_po(po)
    return _save_target(instance, translation, publish)


def _save_target(instance, translation, publish=True):
    """Write `translation` onto its target object and return that object."""
    locale = translation.target_locale
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


def is_translated(instance, locale, strings=None, catalogue=None):
    """Whether `instance` already has a translation in `locale` holding exactly these strings.

    A cheap check (a handful of queries, nothing extracted or rendered) so code that translates
    the same content again, such as the demo loader, can skip what is already done. It reads the
    strings wagtail-localize recorded when the source was last extracted, so a source extracted
    before its model changed (say, before its rooms became translatable) counts as not done.
    """
    if instance.get_translation_or_none(locale) is None:
        return False
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None or source.schema_out_of_date():
        return False
    # A rich text field or block has one segment per paragraph, all with the same context path.
    done = {
        (path, text): data
        for path, text, data in StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=locale
        ).values_list("context__path", "translation_of__data", "data")
    }
    for path, text in StringSegment.objects.filter(source=source).values_list(
        "context__path", "string__data"
    ):
        wanted = _wanted(strings, catalogue, path, text)
        if wanted and done.get((path, text)) != wanted:
            return False
    return True


def sync_translations(instance):
    """Bring every existing translation of a Dutch source up to date after it changed.

    Non-text fields (dates, coordinates, capacity, images) follow the source; text a translator
    already translated stays; text that is new in the source shows in Dutch until it is translated.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    source.update_from_db()  # once for every language, not again per translation
    return [
        _save_target(instance, translation)
        for translation in Translation.objects.filter(source=source, enabled=True).select_related(
            "target_locale"
        )
    ]


def language_code(language=None):
    """A language code from a code, a Locale or nothing (the active language)."""
    if isinstance(language, Locale):
        return language.language_code
    return language or translation.get_language() or settings.LANGUAGE_CODE


def in_language_or_dutch(queryset, language=None, *, via="", translations=None):
    """What a listing shows of translatable things: the rows of `queryset` in `language` (the
    active one by default), and the Dutch rows that have no such translation, which residents then
    read in Dutch. The one rule for venues, events, terms and their listings.

    `via` is the path to the translatable model when the queryset lists something else (an
    occurrence's event: "event__"); `translations` narrows the rows that count as a translation
    (only live events, say). Locales are matched by language code, which spares a Locale query.
    """
    code = language_code(language)
    default = settings.LANGUAGE_CODE
    if code == default:
        return queryset.filter(**{f"{via}locale__language_code": code})
    if translations is None:
        translations = queryset.model.objects.all()
    translated = translations.filter(
        locale__language_code=code, translation_key=OuterRef(f"{via}translation_key")
    )
    return queryset.filter(
        Q(**{f"{via}locale__language_code": code})
        | Q(**{f"{via}locale__language_code": default}) & ~Exists(translated)
    )


def in_language(objects, locale_id):
    """Each object (venues, events: translatable, with a neighbourhood) in the locale `locale_id`
    where translated, else as it is (usually Dutch): the same rule as `in_language_or_dutch`, for
    objects already chosen (search hits, featured venues) rather than a queryset.

    One query for the whole list (all of one model). Duplicates (an object listed in two
    languages) are dropped, so the caller may pass objects chosen in any language.
    """
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    translations = {}
    if keys:
        model = type(objects[0])
        found = model.objects.filter(translation_key__in=keys, locale_id=locale_id)
        if issubclass(model, DraftStateMixin):
            found = found.filter(live=True)  # a translation still in draft is not shown yet
        translations = {
            obj.translation_key: obj
            for obj in found.select_related("neighbourhood__site", "locale")
        }
    seen = set()
    result = []
    for obj in objects:
        if obj.translation_key in seen:
            continue
        seen.add(obj.translation_key)
        result.append(translations.get(obj.translation_key, obj))
    return result


# --- Pages not translated yet -----------------------------------------------------------------
#
# The same rule as for venues and events: a page that has no translation in the visitor's
# language is shown in Dutch, at an address in the visitor's language (the nearest translated
# ancestor's address followed by the Dutch slugs), inside the visitor's language chrome. Listings,
# the menu and the footer include such pages; the page's content block says it is Dutch.


def is_dutch_fallback(page, language=None):
    """Whether `page` (or a venue/event) is shown in Dutch to a visitor reading another language."""
    code = language_code(language)
    locale_id = getattr(page, "locale_id", None)
    return code != settings.LANGUAGE_CODE and locale_id == default_locale_id()


def pages_in_language_or_dutch(queryset, parent, *, translations=None):
    """The children (in `queryset`) of `parent` and of its Dutch source that a visitor reading
    `parent`'s language sees: those in that language, and the Dutch ones not translated into it.

    Each Dutch one gets `href`, its address under `parent`; the others get their own address.
    `translations` narrows what counts as a translation (by default: live pages).
    """
    code = parent.locale.language_code
    dutch = None
    if code != settings.LANGUAGE_CODE:
        dutch = parent.get_translation_or_none(default_locale_id())
    parents = Q(path__startswith=parent.path, depth=parent.depth + 1)
    if dutch is not None:
        parents |= Q(path__startswith=dutch.path, depth=dutch.depth + 1)
    if translations is None:
        translations = queryset.model.objects.live()
    pages = in_language_or_dutch(queryset.filter(parents), code, translations=translations)
    return pages, dutch


def attach_hrefs(pages, parent, dutch, request=None):
    """Give each page of a listing under `parent` its address for the visitor: its own, or for a
    Dutch page shown in another language, under `parent` (no query per page). On a city-wide
    listing (`dutch` None) a page from another neighbourhood not yet in the visitor's language
    goes to its Dutch text inside that language's site too (two queries for any number)."""
    base = parent.get_url(request) if pages else ""
    elsewhere = [
        page
        for page in pages
        if page.locale_id != parent.locale_id
        and (dutch is None or page.locale_id != dutch.locale_id)
    ]
    urls = urls_in_language(elsewhere, request=request) if elsewhere else {}
    for page in pages:
        if dutch is not None and page.locale_id == dutch.locale_id:
            page.href = base + page.url_path[len(dutch.url_path) :]
        else:
            page.href = urls.get(page.pk) or page.get_url(request)
    return pages


def urls_in_language(pages, language=None, request=None):
    """{pk: address} of Dutch `pages` for a visitor reading `language` (the active one by
    default): each under its deepest ancestor translated into that language, as the routing
    serves it. Two queries for any number of pages (search results)."""
    code = language_code(language)
    step = Page.steplen
    prefixes = {page.path[: step * depth] for page in pages for depth in range(2, page.depth)}
    if not prefixes:
        return {}
    keys = dict(Page.objects.filter(path__in=prefixes).values_list("path", "translation_key"))
    translated = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=set(keys.values()), locale__language_code=code
        )
    }
    urls = {}
    for page in pages:
        parts = page.url_path.strip("/").split("/")
        for depth in range(page.depth - 1, 1, -1):
            target = translated.get(keys.get(page.path[: step * depth]))
            if target is not None:
                urls[page.pk] = target.get_url(request) + "".join(
                    f"{part}/" for part in parts[depth - 1 :]
                )
                break
    return urls
