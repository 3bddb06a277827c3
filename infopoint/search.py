"""Site search: one list of sources, each finding one kind of thing (pages, venues, …).

A source decides what belongs to the current site (a neighbourhood, or the whole city on the
portal) and how to show a result. infopoint searches pages itself; the apps above it register
their own sources (infopoint.registry.SEARCH_SOURCES) in their wagtail_hooks.py.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .registry import SEARCH_SOURCES, contributions
from .scope import site_id_for, site_names
from .translation import in_language_or_dutch, urls_in_language

CONTROL = {"Cc", "Cs"}  # control characters and lone surrogates


def search_words(text):
    """A resident's search text as the distinct words that count, in their order.

    Control characters (a NUL byte among them) are dropped, the text is cut at
    SEARCH_MAX_LENGTH characters and the words at SEARCH_MAX_WORDS (both settings, read here so
    tests and deployments can change them): fifty copies of one word cost what one does.
    """
    text = "".join(" " if unicodedata.category(char) in CONTROL else char for char in text or "")
    words, seen = [], set()
    for word in text[: settings.SEARCH_MAX_LENGTH].split():
        if word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return words[: settings.SEARCH_MAX_WORDS]


def full_text_query(words):
    """The words as plain terms for the full-text backend: letters and digits only, so quotes,
    operators and brackets (SQLite FTS5 syntax) are never read as a query language."""
    return " ".join(re.findall(r"\w+", " ".join(words)))


@dataclass
class SearchResult:
    """What the results template needs for one hit, whatever its kind."""

    title: str
    url: str
    text: str = ""
    lang: str = ""  # set when the result is shown in another language than the page
    kind: str = ""  # what it is: "Guide", "News", "Activity", "Meeting place"
    where: str = ""  # the neighbourhood it belongs to


@dataclass
class SearchScope:
    request: object
    neighbourhood_id: int | None  # None on the portal: search the whole city
    locale_id: int
    default_locale_id: int
    home_path: str  # tree path of the site's root page in the current language
    dutch_home_path: str = ""  # and in Dutch: pages not translated yet are found in Dutch


# The search backend's hits weighed against the cost of reading them back: enough for any result
# page a resident reads, bounded so a common word cannot load the whole city.
MAX_BACKEND_HITS = 1000


def word_filter(query, fields, prefix="", also=None):
    """Partial matches: every word of `query` inside one of `fields` ("Stoelyoga" for "yoga",
    "fietsen" for "fiets"), or matching `also(word)` where given (a tag, say). The agenda's text
    filter, the finder and site search share it, so they agree; one condition in one query."""
    words = search_words(query)  # capped in number and length, control characters gone
    if not words:
        return Q()

    def anywhere(word):
        condition = reduce(or_, (Q(**{f"{prefix}{field}__icontains": word}) for field in fields))
        return condition | also(word) if also is not None else condition

    return reduce(and_, (anywhere(word) for word in words))


def matching(queryset, query, fields, searched=None):
    """The rows of `queryset` the search backend finds for `query` (on PostgreSQL with the
    `dutch` configuration, so "vergaderen" finds "vergadering") together with the partial matches
    of `word_filter`: a lazy queryset (count and slicing work), in the queryset's own order."""
    # `searched`: a wider queryset the backend can filter (only on its FilterFields).
    # The backend sees plain words only, whoever calls: quotes and operators are no query language.
    terms = full_text_query(search_words(query))
    pks = []
    if terms:
        hits = get_search_backend().search(terms, queryset if searched is None else searched)
        pks = [hit.pk for hit in hits[:MAX_BACKEND_HITS]]
    return queryset.filter(Q(pk__in=pks) | word_filter(query, fields))


class SearchSource:
    """One kind of search result. Subclasses set `kind` and `label` and implement two methods."""

    kind = ""
    label = ""
    order = 100  # where its results show among the others

    def search(self, query, scope):
        """A lazy result set (Wagtail search results) that supports count() and slicing."""
        raise NotImplementedError

    def results(self, hits, scope):
        """Turn a slice of hits into SearchResult objects, in a fixed number of queries."""
        raise NotImplementedError


class PageSearchSource(SearchSource):
    kind = "pages"
    label = _("Pages")
    order = 10

    def search(self, query, scope):
        # Pages in the visitor's language, and Dutch ones not translated into it yet (shown in
        # Dutch, as listings show them: infopoint.translation).
        live = Page.objects.live()
        locales = {scope.locale_id, scope.default_locale_id}
        searched = live.public().filter(locale_id__in=locales).exclude(depth__lte=2)
        if scope.neighbourhood_id is not None:
            within = Q(path__startswith=scope.home_path)
            if scope.dutch_home_path:
                within |= Q(path__startswith=scope.dutch_home_path)
            searched = searched.filter(within)
        pages = in_language_or_dutch(searched, translations=live)
        # Specific pages (one query per page type on a result page) so results can show intros.
        fields = ["title", "search_description"]
        return matching(pages, query, fields, searched).defer_streamfields().specific()

    def results(self, hits, scope):
        names = site_names()
        dutch = [page for page in hits if page.locale_id != scope.locale_id]
        urls = urls_in_language(dutch, request=scope.request) if dutch else {}
        return [
            SearchResult(
                page.title,
                urls.get(page.pk) or page.get_url(scope.request),
                getattr(page, "meta_description", "") or page.search_description,
                lang="" if page.locale_id == scope.locale_id else settings.LANGUAGE_CODE,
                kind=str(PAGE_KINDS.get(page.specific_class.__name__, _("Page"))),
                where=names.get(site_id_for(page, scope.request), ""),
            )
            for page in hits
        ]


PAGE_KINDS = {"GuidePage": _("Guide"), "NewsPage": _("News"), "NewsIndexPage": _("News")}


def search_sources():
    """Every registered source, in their order (pages first)."""
    return contributions(SEARCH_SOURCES)
