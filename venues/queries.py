"""Venue look-ups other apps can use (home page "featured venues", search, events).

Every function here is locale-aware with the Dutch fallback: a venue appears in the current
language where it is translated, else in Dutch (templates then mark it `lang="nl"`). Listings cost
a fixed number of queries however many venues they show.
"""

from datetime import timedelta

from django.db.models import F, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from infopoint.scope import neighbourhood_for_site
from infopoint.translation import in_language_or_dutch, language_code

from .models.parts import OpeningException
from .models.venue import Venue
from .models.vocabulary import AccessibilityFeature, Facility


def in_locale(queryset, locale=None):
    """Rows of a translatable queryset in `locale`, plus Dutch rows not yet translated into it."""
    return in_language_or_dutch(queryset, locale)


def public_venues():
    """The venues residents may see: published (not a new venue still in draft) and in use.

    A venue's row holds its live version (a draft edit waits in a revision until it is
    published), so reading these rows shows residents only what was published.
    """
    return Venue.objects.filter(live=True, is_active=True)


def venues_in_locale(locale=None):
    """The public venues in `locale`, with the Dutch ones not translated into it (a translation
    still in draft does not count: residents then read the published Dutch venue)."""
    return in_language_or_dutch(
        public_venues(), locale, translations=Venue.objects.filter(live=True)
    )


def localized_terms(model, locale=None):
    """A vocabulary's terms annotated with `label`: the name in `locale`, else the stored one."""
    code = language_code(locale)
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
    """Public venues a site shows, in `locale` with the Dutch fallback.

    On a neighbourhood's site its own venues; on the city portal every neighbourhood's. Ready for
    a listing: iterating N venues and reading their facilities, accessibility features and
    opening hours costs the same few queries for any N. Call `venues.links.attach_urls` to link
    them.
    """
    queryset = venues_in_locale(locale)
    neighbourhood = neighbourhood_for_site(site)
    if neighbourhood is not None:
        queryset = queryset.filter(neighbourhood=neighbourhood)
    return with_listing_data(queryset, locale, at)
