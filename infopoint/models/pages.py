from django.core.paginator import Paginator
from django.utils.functional import cached_property
from wagtail.models import Locale, Page

from infopoint.scope import is_on_portal

from .mixins import SectionPageMixin

SEARCH_PER_PAGE = 10
SEARCH_PER_KIND = 5
MAX_QUERY_LENGTH = 100


class SearchPage(SectionPageMixin, Page):
    """Search across the neighbourhood's pages, venues and events (on the portal: the city's).

    Editors can put chosen pages on top for a search term under Settings → Promoted search results.
    """

    content_panels = Page.content_panels + SectionPageMixin.content_panels

    @cached_property
    def city_wide(self):
        return is_on_portal(self)

    def get_scope(self, request):
        from infopoint.search import SearchScope

        neighbourhood = None
        if not self.city_wide:
            from wagtail.models import Site

            from infopoint.models import Neighbourhood

            site = Site.find_for_request(request)
            neighbourhood = Neighbourhood.objects.filter(site=site).first() if site else None
        return SearchScope(
            request=request,
            site=None,
            neighbourhood=neighbourhood,
            locale=self.locale,
            default_locale=Locale.get_default(),
            home=Page(path=self.path[: Page.steplen * 2], depth=2),
        )

    def promoted(self, query, scope):
        """Pages editors promoted for this exact search term, limited to this site's pages."""
        from wagtail.contrib.search_promotions.models import SearchPromotion

        promotions = (
            SearchPromotion.objects.filter(
                query__query_string=normalise(query), page__live=True, page__locale=self.locale
            )
            .select_related("page")
            .order_by("sort_order")
        )
        if not self.city_wide:
            promotions = promotions.filter(page__path__startswith=scope.home.path)
        return [
            {"title": p.page.title, "url": p.page.get_url(scope.request), "text": p.description}
            for p in promotions
        ]

    def get_context(self, request, *args, **kwargs):
        from infopoint.search import search_sources

        context = super().get_context(request, *args, **kwargs)
        query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
        kind = request.GET.get("kind", "")
        sources = search_sources()
        if kind not in {source.kind for source in sources}:
            kind = ""  # an unknown kind shows the overview
        context.update(query=query, kind=kind, groups=[], promoted=[], total=0)
        if not query:
            return context
        scope = self.get_scope(request)
        context["promoted"] = self.promoted(query, scope)
        for source in sources:
            hits = source.search(query, scope)
            if kind and source.kind != kind:
                continue
            if kind:
                page_obj = Paginator(hits, SEARCH_PER_PAGE).get_page(request.GET.get("page"))
                results = source.results(list(page_obj.object_list), scope)
                count = page_obj.paginator.count
            else:
                page_obj = None
                count = hits.count()
                results = source.results(list(hits[:SEARCH_PER_KIND]), scope) if count else []
            context["groups"].append(
                {
                    "kind": source.kind,
                    "label": source.label,
                    "count": count,
                    "results": results,
                    "page": page_obj,
                    "more": not kind and count > len(results),
                }
            )
            context["total"] += count
        return context


def normalise(query):
    from wagtail.search.utils import normalise_query_string

    return normalise_query_string(query)
