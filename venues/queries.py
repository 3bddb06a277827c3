"""Venue look-ups other apps can use (home page "featured venues", search, events).

Every function here is locale-aware with the Dutch fallback: a venue appears in the current
language where it is translated, else in Dutch (templates then mark it `lang="nl"`). Listings cost
a fixed number of queries however many venues they show.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from infopoint.scope import neighbourhood_for_site

from .models import (
    AccessibilityFeature,
    Facility,
    OpeningException,
    Venue,
    VenueIndexPage,
)


def _language_code(locale=None):
    if locale is None:
        return translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(locale, Locale):
        return locale.language_code
    return locale


def in_locale(queryset, locale=None):
    """Rows of a translatable queryset in `locale`, plus Dutch rows not yet translated into it."""
    code = _language_code(locale)
    if code == settings.LANGUAGE_CODE:
        return queryset.filter(locale__language_code=code)
    translated = queryset.model.objects.filter(
        locale__language_code=code, translation_key=OuterRef("translation_key")
    )
    return queryset.filter(
        Q(locale__language_code=code)
        | Q(locale__language_code=settings.LANGUAGE_CODE) & ~Exists(translated)
    )


def venues_in_locale(locale=None):
    return in_locale(Venue.objects.all(), locale)


def localized_terms(model, locale=None):
    """A vocabulary's terms annotated with `label`: the name in `locale`, else the stored one."""
    code = _language_code(locale)
    translated_name = model.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=code
    ).values("name")[:1]
    return model.objects.annotate(label=Coalesce(Subquery(translated_name), F("name")))


def vocabulary(model, locale=None):
    """The terms of a vocabulary as (slug, label) pairs in `locale` with the Dutch fallback."""
    terms = in_locale(localized_terms(model, locale), locale).order_by("label")
    return list(terms.values_list("slug", "label"))


def vocabularies(locale=None):
    """Facilities and accessibility features as two lists of (slug, label), in one query."""
    facilities, accessibility = [], []
    rows = (
        in_locale(localized_terms(Facility, locale), locale)
        .annotate(vocabulary=Value("f"))
        .order_by()
        .values_list("slug", "label", "vocabulary")
        .union(
            in_locale(localized_terms(AccessibilityFeature, locale), locale)
            .annotate(vocabulary=Value("a"))
            .order_by()
            .values_list("slug", "label", "vocabulary"),
            all=True,
        )
    )
    for slug, label, kind in sorted(rows, key=lambda row: row[1].casefold()):
        (facilities if kind == "f" else accessibility).append((slug, label))
    return facilities, accessibility


def with_listing_data(queryset, locale=None, at=None):
    """What a venue card needs (vocabulary in the current language, this week's hours)."""
    today = timezone.localdate(at) if at else timezone.localdate()
    return queryset.select_related("locale", "neighbourhood").prefetch_related(
        Prefetch("facilities", queryset=localized_terms(Facility, locale)),
        Prefetch("accessibility_features", queryset=localized_terms(AccessibilityFeature, locale)),
        "opening_hours",
        # A card needs only the exceptions around today (open now, a night past midnight).
        Prefetch(
            "opening_exceptions",
            queryset=OpeningException.objects.filter(
                date__gte=today - timedelta(days=7), date__lte=today + timedelta(days=7)
            ),
        ),
    )


def venues_for_site(site, locale=None, at=None):
    """Active venues a site shows, in `locale` with the Dutch fallback.

    On a neighbourhood's site its own venues; on the city portal every neighbourhood's. Ready for
    a listing: iterating N venues and reading their facilities, accessibility features and
    opening hours costs the same few queries for any N. Call `attach_urls` to link them.
    """
    queryset = venues_in_locale(locale).filter(is_active=True)
    neighbourhood = neighbourhood_for_site(site)
    if neighbourhood is not None:
        queryset = queryset.filter(neighbourhood=neighbourhood)
    return with_listing_data(queryset, locale, at)


def finder_urls(request=None, locale=None, neighbourhoods=None):
    """{neighbourhood id: URL of its finder in `locale` (else in Dutch)} in three queries.

    Pass `neighbourhoods` fetched with select_related("site__root_page") to save one.
    """
    from infopoint.models import Neighbourhood

    if neighbourhoods is None:
        neighbourhoods = Neighbourhood.objects.select_related("site__root_page")
    code = _language_code(locale)
    finders = list(
        VenueIndexPage.objects.live()
        .filter(locale__language_code__in={code, settings.LANGUAGE_CODE})
        .select_related("locale")
    )
    # A finder belongs to the home page (depth 2) its path starts with; translations of a
    # neighbourhood's home share its translation key.
    steplen = Page.steplen
    home_keys = dict(
        Page.objects.filter(
            path__in={finder.path[: 2 * steplen] for finder in finders}
        ).values_list("path", "translation_key")
    )
    by_home = {}
    for finder in sorted(finders, key=lambda f: f.locale.language_code != code):
        by_home.setdefault(home_keys.get(finder.path[: 2 * steplen]), finder)
    urls = {}
    for neighbourhood in neighbourhoods:
        finder = by_home.get(neighbourhood.site.root_page.translation_key)
        if finder is not None:
            urls[neighbourhood.pk] = finder.get_url(request)
    return urls


def attach_urls(venues, request=None, locale=None, urls=None):
    """Let `venue.get_url()` answer without a query for every venue in `venues`."""
    urls = finder_urls(request, locale) if urls is None else urls
    for venue in venues:
        venue._finder_url = urls.get(venue.neighbourhood_id)
    return venues
