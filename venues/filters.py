"""The finder's GET filters. Every filter narrows the list (they combine with AND).

A value that does not validate (an unknown facility, "capacity=lots") is reported next to its
field and ignored; the page still answers 200 with the other filters applied.
"""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from .models import PriceClass, Venue, VenueKind, VenueRoom
from .opening import is_open_at


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
        # Opening hours with exceptions, holidays and nights past midnight are clearer in Python
        # than in SQL; three queries whatever the number of candidates.
        candidates = (
            queryset.select_related(None)
            .prefetch_related(None)
            .only("pk", "closed_on_public_holidays")
            .prefetch_related("opening_hours", "opening_exceptions")
        )
        open_ids = [venue.pk for venue in candidates if is_open_at(venue, at)]
        queryset = queryset.filter(pk__in=open_ids)
    return queryset
