from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from infopoint.scope import is_on_portal, neighbourhood_for_site
from infopoint.search import SearchScope, full_text_query, search_sources, search_words
from infopoint.translation import default_locale_id

from .mixins import SectionPageMixin

SEARCH_PER_PAGE = 10
SEARCH_PER_KIND = 5


class SearchPage(SectionPageMixin, Page):
    """Search across the neighbourhood's pages, venues and events (on the portal: the city's).

    Editors can put chosen pages on top for a search term under Settings → Promoted search results.
    """

    class Meta:
        verbose_name = _("search page")
        verbose_name_plural = _("search pages")

    content_panels = Page.content_panels + SectionPageMixin.content_panels

    @cached_property
    def city_wide(self):
        return is_on_portal(self)

    def get_scope(self, request):
        site = Site.find_for_request(request)
        neighbourhood = None if self.city_wide else neighbourhood_for_site(site)
        return SearchScope(
            request=request,
            neighbourhood_id=getattr(neighbourhood, "pk", None),
            locale_id=self.locale_id,
            default_locale_id=default_locale_id() or self.locale_id,
            home_path=self.path[: Page.steplen * 2],
            dutch_home_path=site.root_page.path if site is not None else "",
        )

    def promoted(self, query, scope):
        """Pages editors promoted for this exact search term, limited to this site's pages."""
        promotions = (
            SearchPromotion.objects.filter(
                query__query_string=normalise(query),
                page__live=True,
                page__locale_id=self.locale_id,
            )
            .select_related("page")
            .order_by("sort_order")
        )
        if not self.city_wide:
            promotions = promotions.filter(page__path__startswith=scope.home_path)
        return [
            {"title": p.page.title, "url": p.page.get_url(scope.request), "text": p.description}
            for p in promotions
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        words = search_words(request.GET.get("q", ""))
        query = " ".join(words)
        kind = request.GET.get("kind", "")
        sources = search_sources()
        if kind not in {source.kind for source in sources}:
            kind = ""  # an unknown kind shows the overview
        context.update(
            query=query,
            kind=kind,
            groups=[],
            promoted=[],
            found=False,
            max_length=settings.SEARCH_MAX_LENGTH,
        )
        if not query:
            return context
        scope = self.get_scope(request)
        context["promoted"] = self.promoted(query, scope)
        terms = full_text_query(words)
        for source in sources:
            if not terms:
                break  # punctuation only: nothing to look for, "Nothing found"
            if kind and source.kind != kind:
                continue
            hits = source.search(terms, scope)
            if kind:
                page_obj = Paginator(hits, SEARCH_PER_PAGE).get_page(request.GET.get("page"))
                results = source.results(list(page_obj.object_list), scope)
                more = False
            else:
                # The overview shows the first few of each kind; no counting, so each kind
                # costs one query plus what its results need.
                page_obj = None
                results = source.results(list(hits[: SEARCH_PER_KIND + 1]), scope)
                more = len(results) > SEARCH_PER_KIND
                results = results[:SEARCH_PER_KIND]
            context["groups"].append(
                {
                    "kind": source.kind,
                    "label": source.label,
                    "results": results,
                    "page": page_obj,
                    "more": more,
                }
            )
            context["found"] = context["found"] or bool(results)
        return context


def normalise(query):
    return normalise_query_string(query)
