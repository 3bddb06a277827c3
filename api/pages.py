"""News and guides: the live, public pages of this site's neighbourhood (on the portal: the
city's), in the language asked for with the Dutch fallback the listings use."""

import enum
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from infopoint.cache import cached
from infopoint.models import GuidePage, NewsPage
from infopoint.models.guides import TOPICS
from infopoint.scope import neighbourhoods, public, site_id_for
from infopoint.translation import in_language_or_dutch, urls_in_language

from . import pagination
from .common import DetailParams, ListParams, NeighbourhoodRef, absolute, site_neighbourhood
from .errors import item_key

news_router = Router(tags=["news"])
guides_router = Router(tags=["guides"])

NEWS_ORDER = pagination.Order(
    ("-date", "date"), ("-first_published_at", "datetime"), ("-pk", "int")
)
GUIDE_ORDER = pagination.Order(("title", "str"), ("pk", "int"))
Topic = enum.Enum("Topic", {code: code for code, _label in TOPICS}, type=str)


class NewsParams(ListParams):
    tag: str | None = Field(
        None, max_length=100, pattern=r"^[-\w]+$", description="Only news with this tag (slug)."
    )


class GuideParams(ListParams):
    topic: Topic | None = Field(None, description="Only guides on this topic.")


class PageLinks(Schema):
    page: str | None = Field(description="The page on its site, in the language asked for.")


class NewsOut(Schema):
    id: str = Field(description="Stable across languages and moves.")
    slug: str
    language: str = Field(description="The language of the texts (Dutch where not translated).")
    title: str
    date: date
    intro: str = Field(description="HTML.")
    tags: list[str]
    neighbourhood: NeighbourhoodRef | None = Field(description="None: the city portal's own.")
    links: PageLinks


class GuideOut(Schema):
    id: str = Field(description="Stable across languages and moves.")
    slug: str
    language: str = Field(description="The language of the texts (Dutch where not translated).")
    title: str
    topic: str
    intro: str = Field(description="HTML.")
    last_checked: date
    neighbourhood: NeighbourhoodRef | None = Field(description="None: the city portal's own.")
    links: PageLinks


class NewsList(Schema):
    count: int
    next: str | None = Field(description="The next page, or null on the last one.")
    results: list[NewsOut]


class GuideList(Schema):
    count: int
    next: str | None = Field(description="The next page, or null on the last one.")
    results: list[GuideOut]


def _home_paths(neighbourhood):
    """Tree paths of the neighbourhood's home page in every language (remembered)."""
    key = neighbourhood.site.root_page.translation_key
    return cached(
        f"api-home-paths:{neighbourhood.pk}",
        lambda: list(
            Page.objects.filter(depth=2, translation_key=key).values_list("path", flat=True)
        ),
    )


def published(model, request):
    """Live pages of `model` nobody needs a login or password for, under this site's
    neighbourhood (every neighbourhood's and the portal's on the portal), in the active language
    or else in Dutch."""
    pages = public(model.objects.live())
    neighbourhood = site_neighbourhood(request)
    if neighbourhood is not None:
        under = Q()
        for path in _home_paths(neighbourhood):
            under |= Q(path__startswith=path)
        pages = pages.filter(under)
    return in_language_or_dutch(pages, translations=model.objects.live()).defer_streamfields()


def _links(request, pages):
    """{pk: absolute address} as the visitor reading the active language is sent to."""
    code = translation.get_language()
    dutch = [p for p in pages if code != settings.LANGUAGE_CODE and p.locale.language_code != code]
    fallback = urls_in_language(dutch, code, request) if dutch else {}
    return {
        page.pk: absolute(request, fallback.get(page.pk) or page.get_url(request)) for page in pages
    }


def _neighbourhood(request, page, by_site):
    return by_site.get(site_id_for(page, request))


def _common(request, page, urls, by_site):
    return {
        "id": str(page.translation_key),
        "slug": page.slug,
        "language": page.locale.language_code,
        "title": page.title,
        "intro": expand_db_html(page.intro or ""),
        "neighbourhood": _neighbourhood(request, page, by_site),
        "links": {"page": urls.get(page.pk)},
    }


def _by_site():
    return {n.site_id: {"slug": n.slug, "name": n.name} for n in neighbourhoods()}


def serialise_news(request, pages):
    urls, by_site = _links(request, pages), _by_site()
    return [
        {
            **_common(request, page, urls, by_site),
            "date": page.date,
            "tags": sorted(tag.name for tag in page.tags.all()),
        }
        for page in pages
    ]


def serialise_guides(request, pages):
    urls, by_site = _links(request, pages), _by_site()
    return [
        {
            **_common(request, page, urls, by_site),
            "topic": page.topic,
            "last_checked": page.last_checked,
        }
        for page in pages
    ]


def _news(request):
    return (
        published(NewsPage, request)
        .filter(first_published_at__isnull=False)
        .select_related("locale")
        .prefetch_related("tags")
    )


def _guides(request):
    return published(GuidePage, request).select_related("locale")


@news_router.get("/", response=NewsList, summary="News")
def list_news(request: HttpRequest, params: Query[NewsParams]):
    """This neighbourhood's news (on the city portal: the whole city's), newest first."""
    with translation.override(params.lang.value):
        items = _news(request)
        if params.tag:
            items = items.filter(tagged_items__tag__slug=params.tag)
        return pagination.listing(
            request, items, NEWS_ORDER, params, lambda rows: serialise_news(request, rows)
        )


@news_router.get("/{news_id}/", response=NewsOut, summary="One news item")
def news_detail(request: HttpRequest, news_id: str, params: Query[DetailParams]):
    with translation.override(params.lang.value):
        page = _news(request).filter(translation_key=item_key(news_id)).first()
        if page is None:
            raise Http404("No such news item here.")
        return serialise_news(request, [page])[0]


@guides_router.get("/", response=GuideList, summary="Guides")
def list_guides(request: HttpRequest, params: Query[GuideParams]):
    """This neighbourhood's practical guides (on the city portal: the whole city's), by title."""
    with translation.override(params.lang.value):
        items = _guides(request)
        if params.topic:
            items = items.filter(topic=params.topic.value)
        return pagination.listing(
            request, items, GUIDE_ORDER, params, lambda rows: serialise_guides(request, rows)
        )


@guides_router.get("/{guide_id}/", response=GuideOut, summary="One guide")
def guide_detail(request: HttpRequest, guide_id: str, params: Query[DetailParams]):
    with translation.override(params.lang.value):
        page = _guides(request).filter(translation_key=item_key(guide_id)).first()
        if page is None:
            raise Http404("No such guide here.")
        return serialise_guides(request, [page])[0]
