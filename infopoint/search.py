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

SEARCH_SOURCES = getattr(
    settings,
    "WIJKINFO_SEARCH_SOURCES",
    [
        "infopoint.search.PageSearchSource",
        "infopoint.search.VenueSearchSource",
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
    site: object
    neighbourhood: object  # None on the portal: search the whole city
    locale: object
    default_locale: object
    home: object  # the site's root page in the current language


class SearchSource:
    """One kind of search result. Subclasses set `kind` and `label` and implement two methods."""

    kind = ""
    label = ""

    def search(self, query, scope):
        """A lazy result set (Wagtail search results) that supports count() and slicing."""
        raise NotImplementedError

    def results(self, hits, scope):
        """Turn a page of hits into SearchResult objects, in a fixed number of queries."""
        raise NotImplementedError


class PageSearchSource(SearchSource):
    kind = "pages"
    label = _("Pages")

    def search(self, query, scope):
        pages = Page.objects.live().public().filter(locale=scope.locale).exclude(depth__lte=2)
        if scope.neighbourhood is not None:
            pages = pages.descendant_of(scope.home)
        return pages.search(query)

    def results(self, hits, scope):
        ids = [hit.pk for hit in hits]
        # One query per page type on this result page, not one per result.
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=ids).defer_streamfields().specific()
        }
        results = []
        for pk in ids:
            page = specific.get(pk)
            if page is None:
                continue
            text = getattr(page, "meta_description", "") or page.search_description
            results.append(SearchResult(page.title, page.get_url(scope.request), text))
        return results


class VenueSearchSource(SearchSource):
    kind = "venues"
    label = _("Meeting places")

    @cached_property
    def model(self):
        from venues.models import Venue

        return Venue

    def search(self, query, scope):
        venues = self.model.objects.all()
        if scope.neighbourhood is not None:
            venues = venues.filter(neighbourhood=scope.neighbourhood)
        # Venues in the current language, and Dutch ones (shown as such) where not translated.
        locales = {scope.locale.pk, scope.default_locale.pk}
        return venues.filter(locale__in=locales).search(query)

    def results(self, hits, scope):
        from infopoint.venues import localized, venue_address, venue_links

        ids = [hit.pk for hit in hits]
        by_pk = {
            venue.pk: venue
            for venue in self.model.objects.filter(pk__in=ids).select_related(
                "neighbourhood__site", "locale"
            )
        }
        ordered = localized([by_pk[pk] for pk in ids if pk in by_pk], scope.locale)
        links = venue_links(ordered, scope.request)
        return [
            SearchResult(
                venue.name,
                links.get(venue.pk) or "",
                venue_address(venue),
                lang="" if venue.locale_id == scope.locale.pk else venue.locale.language_code,
            )
            for venue in ordered
        ]


def search_sources():
    return [import_string(path)() for path in SEARCH_SOURCES]
