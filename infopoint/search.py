"""Site search: one list of sources, each finding one kind of thing (pages, venues, …).

A source decides what belongs to the current site (a neighbourhood, or the whole city on the
portal) and how to show a result. Adding a kind of result is one entry in SEARCH_SOURCES, e.g.
"events.search.EventSearchSource".
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

SEARCH_SOURCES = getattr(
    settings,
    "WIJKINFO_SEARCH_SOURCES",
    [
        "infopoint.search.PageSearchSource",
        "infopoint.search.VenueSearchSource",
        "events.search.EventSearchSource",
    ],
)


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

    def search(self, query, scope):
        """A lazy result set (Wagtail search results) that supports count() and slicing."""
        raise NotImplementedError

    def results(self, hits, scope):
        """Turn a slice of hits into SearchResult objects, in a fixed number of queries."""
        raise NotImplementedError


class PageSearchSource(SearchSource):
    kind = "pages"
    label = _("Pages")

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


class VenueSearchSource(SearchSource):
    kind = "venues"
    label = _("Meeting places")

    @cached_property
    def model(self):
        from venues.models import Venue

        return Venue

    def search(self, query, scope):
        venues = self.model.objects.select_related("locale", "neighbourhood__site__root_page")
        if scope.neighbourhood_id is not None:
            venues = venues.filter(neighbourhood=scope.neighbourhood_id)
        # Venues in the current language, and Dutch ones (shown as such) where not translated.
        locales = {scope.locale_id, scope.default_locale_id}
        return get_search_backend().search(query, venues.filter(locale__in=locales))

    def results(self, hits, scope):
        from infopoint.translation import in_language
        from infopoint.venues import venue_address, venue_links

        venues = in_language(list(hits), scope.locale_id)
        links = venue_links(venues, scope.request)
        return [
            SearchResult(
                venue.name,
                links.get(venue.pk) or "",
                venue_address(venue),
                lang="" if venue.locale_id == scope.locale_id else venue.locale.language_code,
            )
            for venue in venues
        ]


def search_sources():
    return [import_string(path)() for path in SEARCH_SOURCES]
