"""The finder's GET filters. Every filter narrows the list (they combine with AND).

A value that does not validate (an unknown facility, "capacity=lots") is reported next to its
field and ignored; the page still answers 200 with the other filters applied.

Other apps add a checkbox by registering a function under `VENUE_FINDER_FILTERS` (Wagtail
hooks) that returns a `FinderCheckbox`: the help directory's "walk-in hours here" that way.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from infopoint.search import word_filter

from .models.parts import OpeningException, OpeningHours, VenueRoom
from .models.venue import Venue, VenueTag
from .models.vocabulary import PriceClass, VenueKind
from .opening import days_that_reach, is_open_during

VENUE_FINDER_FILTERS = "wijkinfo_venue_finder_filters"


@dataclass(frozen=True)
class FinderCheckbox:
    """A finder checkbox another app contributes: its name in the address bar, its label, and
    what it keeps of a queryset of venues (one condition, no extra query per venue)."""

    name: str
    label: str
    narrow: Callable


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (django-filter's NumberFilter takes decimals)."""

    field_class = forms.IntegerField


class FinderFilterSet(django_filters.FilterSet):
    """The finder's filters. Form fields keep the names residents see in the address bar."""

    # No max_length: longer text is cut (search_words), not refused.
    q = django_filters.CharFilter(label=_("Search"), method="filter_text", strip=True)
    kind = django_filters.ChoiceFilter(
        label=_("Kind of place"), choices=VenueKind.choices, empty_label=_("Any kind")
    )
    neighbourhood = django_filters.ChoiceFilter(
        label=_("Neighbourhood"),
        field_name="neighbourhood__slug",
        empty_label=_("All neighbourhoods"),
    )
    facility = django_filters.MultipleChoiceFilter(
        label=_("Facilities"), method="filter_facilities", widget=forms.CheckboxSelectMultiple
    )
    access = django_filters.MultipleChoiceFilter(
        label=_("Accessibility"),
        method="filter_accessibility",
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = IntegerFilter(
        label=_("At least this many people"),
        method="filter_capacity",
        min_value=1,
        max_value=100_000,
    )
    open_now = django_filters.BooleanFilter(
        label=_("Open now"), method="filter_open_now", widget=forms.CheckboxInput
    )
    free = django_filters.BooleanFilter(
        label=_("Free of charge"), method="filter_free", widget=forms.CheckboxInput
    )

    class Meta:
        model = Venue
        fields = []

    def __init__(self, data, queryset, *, facilities, accessibility, neighbourhoods=None, at):
        super().__init__(data, queryset)
        self.at = at  # the moment "open now" means
        self.filters["facility"].extra["choices"] = facilities
        self.filters["access"].extra["choices"] = accessibility
        self.contributed = [register() for register in hooks.get_hooks(VENUE_FINDER_FILTERS)]
        for box in self.contributed:
            extra = django_filters.BooleanFilter(
                label=box.label,
                method=lambda queryset, name, value, box=box: (
                    box.narrow(queryset) if value else queryset
                ),
                widget=forms.CheckboxInput,
            )
            extra.model, extra.parent = queryset.model, self
            self.filters[box.name] = extra
        if neighbourhoods is None:
            del self.filters["neighbourhood"]  # a neighbourhood's own site
        else:
            self.filters["neighbourhood"].extra["choices"] = [
                (n.slug, n.name) for n in neighbourhoods
            ]

    @property
    def applied(self):
        """The valid filters that narrow the list (invalid ones are left out, never raised)."""
        self.is_valid()
        data = getattr(self.form, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in ("", None, [], False)}

    def filter_text(self, queryset, name, value):
        """Every word must match somewhere (infopoint.search.word_filter: capped, one condition
        in one query), a tag counting as EXISTS rather than a join."""

        def tagged(word):
            return Exists(
                VenueTag.objects.filter(content_object=OuterRef("pk"), tag__name__iexact=word)
            )

        fields = ["name", "short_description", "street", "postcode"]
        return queryset.filter(word_filter(value, fields, also=tagged))

    def filter_facilities(self, queryset, name, slugs):
        # Several facilities mean all of them: one EXISTS per term (no duplicate rows).
        for slug in slugs:
            queryset = queryset.filter(
                Exists(
                    Venue.facilities.through.objects.filter(
                        venue=OuterRef("pk"), facility__slug=slug
                    )
                )
            )
        return queryset

    def filter_accessibility(self, queryset, name, slugs):
        for slug in slugs:
            queryset = queryset.filter(
                Exists(
                    Venue.accessibility_features.through.objects.filter(
                        venue=OuterRef("pk"), accessibilityfeature__slug=slug
                    )
                )
            )
        return queryset

    def filter_capacity(self, queryset, name, capacity):
        if self.form.cleaned_data.get("free"):
            # Size and price of the same room: a library whose only 60-person room is paid is
            # no free place for 50. A venue without rooms is hired as a whole.
            rooms = VenueRoom.objects.filter(venue=OuterRef("pk"))
            return queryset.filter(
                Exists(rooms.filter(capacity__gte=capacity, price_class=PriceClass.FREE))
                | (~Exists(rooms) & Q(capacity__gte=capacity, price_class=PriceClass.FREE))
            )
        return queryset.filter(
            Q(capacity__gte=capacity)
            | Exists(VenueRoom.objects.filter(venue=OuterRef("pk"), capacity__gte=capacity))
        )

    def filter_open_now(self, queryset, name, value):
        return queryset.filter(pk__in=open_venue_ids(queryset, self.at)) if value else queryset

    def filter_free(self, queryset, name, value):
        if not value or self.form.cleaned_data.get("capacity"):
            return queryset  # with a capacity, matched on the same room (filter_capacity)
        return queryset.filter(price_class=PriceClass.FREE)


def open_venue_ids(venues, at):
    """The ids of the venues in the queryset `venues` that are open at `at`, in two queries
    however many there are.

    Opening hours with exceptions, holidays and nights past midnight are clearer in Python than in
    SQL, so venues.opening decides; only the rows of the days that can reach `at` are read.
    """
    days = days_that_reach(at)
    candidates = venues.order_by().values("pk")
    hours, exceptions, closed_on_holidays = defaultdict(list), defaultdict(list), {}
    for row in (
        OpeningHours.objects.filter(venue__in=candidates, weekday__in={d.weekday() for d in days})
        .annotate(closed_on_holidays=F("venue__closed_on_public_holidays"))
        .only("venue_id", "weekday", "opens", "closes")
    ):
        hours[row.venue_id].append(row)
        closed_on_holidays[row.venue_id] = row.closed_on_holidays
    for row in OpeningException.objects.filter(venue__in=candidates, date__in=days).only(
        "venue_id", "date", "closed", "opens", "closes"
    ):
        exceptions[row.venue_id].append(row)
    return [
        pk
        for pk in hours.keys() | exceptions.keys()
        if is_open_during(at, hours[pk], exceptions[pk], closed_on_holidays.get(pk, False))
    ]
