"""Site search: one list of sources, each finding one kind of thing (pages, venues, …).

A source decides what belongs to the current site (a neighbourhood, or the whole city on the
portal) and how to show a result. infopoint searches pages itself; the apps above it register
their own sources (infopoint.registry.SEARCH_SOURCES) in their wagtail_hooks.py.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .registry import SEARCH_SOURCES, contributions

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


@dataclass
class SearchScope:
    request: object
    neighbourhood_id: int | None  # None on the portal: search the whole city
    locale_id: int
    default_locale_id: int
    home_path: str  # tree path of the site's root page in the current language


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
        pages = Page.objects.live().public().filter(locale_id=scope.locale_id).exclude(depth__lte=2)
        if scope.neighbourhood_id is not None:
            pages = pages.filter(path__startswith=scope.home_path)
        # Specific pages (one query per page type on a result page) so results can show intros.
        return pages.defer_streamfields().specific().search(query)

    def results(self, hits, scope):
        return [
            SearchResult(
                page.title,
                page.get_url(scope.request),
                getattr(page, "meta_description", "") or page.search_description,
            )
            for page in hits
        ]


def search_sources():
    """Every registered source, in their order (pages first)."""
    return contributions(SEARCH_SOURCES)
