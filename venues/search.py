"""Meeting places in site search (infopoint.search): this site's venues, in the resident's
language where translated, else in Dutch."""

from django.utils.translation import gettext_lazy as _

from infopoint.search import SearchResult, SearchSource, matching
from infopoint.translation import in_language

from .links import attach_urls
from .queries import public_venues


class VenueSearchSource(SearchSource):
    kind = "venues"
    label = _("Meeting places")
    order = 20

    def search(self, query, scope):
        # A place marked not in use, or not published yet, has no page (it answers 404): it is
        # not found either. The row is the published version: a draft edit is not searched.
        venues = public_venues().select_related("locale", "neighbourhood__site__root_page")
        if scope.neighbourhood_id is not None:
            venues = venues.filter(neighbourhood=scope.neighbourhood_id)
        # Venues in the current language, and Dutch ones (shown as such) where not translated.
        locales = {scope.locale_id, scope.default_locale_id}
        return matching(
            venues.filter(locale__in=locales), query, ["name", "short_description", "street"]
        ).order_by("name", "pk")

    def results(self, hits, scope):
        venues = attach_urls(in_language(list(hits), scope.locale_id), scope.request)
        return [
            SearchResult(
                venue.name,
                venue.get_url(scope.request) or "",
                venue.short_address,
                lang="" if venue.locale_id == scope.locale_id else venue.locale.language_code,
                kind=str(_("Meeting place")),
                where=venue.neighbourhood.name,
            )
            for venue in venues
        ]
