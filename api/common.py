"""What the endpoints share: the site a request is for, the language asked for, absolute links,
and the small records (a neighbourhood, a term, a page of results) every list uses."""

import enum

from django.conf import settings
from ninja import Field, Schema
from wagtail.models import Site

from infopoint.scope import neighbourhood_for_site, neighbourhoods

from .pagination import DEFAULT_LIMIT, MAX_LIMIT

# The content languages as an enumeration, so the schema lists them and anything else is a 422.
Language = enum.Enum(
    "Language", {code: code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}, type=str
)

LANG_DESCRIPTION = (
    "The language of the texts. Items not translated into it yet come in Dutch, as on the "
    "pages; each item's `language` says which."
)


class ListParams(Schema):
    lang: Language = Field(Language(settings.LANGUAGE_CODE), description=LANG_DESCRIPTION)
    cursor: str | None = Field(
        None, description="Where the page starts: the `next` link of the page before carries it."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")


class DetailParams(Schema):
    lang: Language = Field(Language(settings.LANGUAGE_CODE), description=LANG_DESCRIPTION)


class NeighbourhoodRef(Schema):
    slug: str
    name: str


class Term(Schema):
    slug: str
    name: str


def site_neighbourhood(request):
    """The neighbourhood whose site the Host header names, or None on the city portal."""
    return neighbourhood_for_site(Site.find_for_request(request))


def neighbourhood_refs():
    """{neighbourhood id: NeighbourhoodRef-shaped dict} from the remembered list (no query)."""
    return {n.pk: {"slug": n.slug, "name": n.name} for n in neighbourhoods()}


def absolute(request, url):
    """An absolute address for a link Wagtail gives relative on the request's own site."""
    return request.build_absolute_uri(url) if url else None
