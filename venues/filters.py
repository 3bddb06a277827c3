"""The finder's GET filters. Every filter narrows the list (they combine with AND).

A value that does not validate (an unknown facility, "capacity=lots") is reported next to its
field and ignored; the page still answers 200 with the other filters applied.
"""

from collections import defaultdict

from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from .models import OpeningException, OpeningHours, PriceClass, Venue, VenueKind, VenueRoom
from .opening import days_that_reach, is_open_during


class VenueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind of place"), required=False)
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    facility = forms.MultipleChoiceField(
        label=_("Facilities"), required=False, widget=forms.CheckboxSelectMultiple
    )
    access = forms.MultipleChoiceField(
        label=_("Accessibility"), required=False, widget=forms.CheckboxSelectMultiple
    )
    capacity = forms.IntegerField(
        label=_("At least this many people"), required=False, min_value=1, max_value=100_000
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)

    def __init__(self, data, *, facilities, accessibility, neighbourhoods=None):
        super().__init__(data)
        self.fields["kind"].choices = [("", _("Any kind"))] + list(VenueKind.choices)
        self.fields["facility"].choices = facilities
        self.fields["access"].choices = accessibility
        if neighbourhoods is None:
            del self.fields["neighbourhood"]
        else:
            self.fields["neighbourhood"].choices = [("", _("All neighbourhoods"))] + [
                (n.slug, n.name) for n in neighbourhoods
            ]

    def filters(self):
        """The valid filters (an invalid field is left out, never raised)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in ("", None, [], False)}


def apply_filters(queryset, filters, at):
    """Narrow a venue queryset by the finder's filters; `at` is the moment "open now" means."""
    if text := filters.get("q", "").strip():
        for word in text.split():
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(short_description__icontains=word)
                | Q(street__icontains=word)
                | Q(postcode__icontains=word)
                | Q(tags__name__iexact=word)
            )
        queryset = queryset.distinct()
    if kind := filters.get("kind"):
        queryset = queryset.filter(kind=kind)
    if neighbourhood := filters.get("neighbourhood"):
        queryset = queryset.filter(neighbourhood__slug=neighbourhood)
    # Several facilities mean all of them: one EXISTS per term (no duplicate rows, no GROUP BY).
    for slug in filters.get("facility", []):
        queryset = queryset.filter(
            Exists(
                Venue.facilities.through.objects.filter(venue=OuterRef("pk"), facility__slug=slug)
            )
        )
    for slug in filters.get("access", []):
        queryset = queryset.filter(
            Exists(
                Venue.accessibility_features.through.objects.filter(
                    venue=OuterRef("pk"), accessibilityfeature__slug=slug
                )
            )
        )
    if capacity := filters.get("capacity"):
        queryset = queryset.filter(
            Q(capacity__gte=capacity)
            | Exists(VenueRoom.objects.filter(venue=OuterRef("pk"), capacity__gte=capacity))
        )
    if filters.get("free"):
        queryset = queryset.filter(price_class=PriceClass.FREE)
    if filters.get("open_now"):
        queryset = queryset.filter(pk__in=open_venue_ids(queryset, at))
    return queryset


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
