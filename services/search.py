"""Services in site search (infopoint.search): the published services residents of this site's
neighbourhood can use, in their language where translated, else in Dutch."""

from django.utils.translation import gettext_lazy as _

from infopoint.search import SearchResult, SearchSource, matching
from infopoint.translation import in_language

from .links import attach_urls, help_finder_urls
from .models import Service


class ServiceSearchSource(SearchSource):
    kind = "services"
    label = _("Help")
    order = 25

    def search(self, query, scope):
        services = Service.objects.filter(live=True).select_related(
            "locale", "neighbourhood__site__root_page", "organisation"
        )
        if scope.neighbourhood_id is not None:
            services = services.filter(Service.serving(scope.neighbourhood_id))
        locales = {scope.locale_id, scope.default_locale_id}
        # The search backend filters only on its FilterFields; "serves this neighbourhood" is
        # applied to what it finds.
        searched = Service.objects.filter(live=True, locale__in=locales)
        return matching(
            services.filter(locale__in=locales),
            query,
            ["name", "summary", "organisation__name"],
            searched=searched,
        ).order_by("name", "pk")

    def results(self, hits, scope):
        services = in_language(list(hits), scope.locale_id)
        # On a neighbourhood's site every service found serves it: linked under its own finder.
        here = None
        if scope.neighbourhood_id is not None:
            here = help_finder_urls(scope.request).get(scope.neighbourhood_id)
        return [
            SearchResult(
                service.name,
                service.get_url(scope.request) or "",
                service.summary,
                lang="" if service.locale_id == scope.locale_id else service.locale.language_code,
                kind=str(_("Help")),
                where=service.neighbourhood.name,
            )
            for service in attach_urls(services, scope.request, finder_url=here)
        ]
