"""The help finder's GET filters. Every filter narrows the list (they combine with AND).

A value that does not validate (an unknown topic, "when=tomorrow") is reported next to its field
and ignored; the page still answers 200 with the other filters applied (as venues.filters).
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from infopoint.search import word_filter

from .fields import contains_code
from .models.service import Service
from .vocabulary import Channel, Cost, SpokenLanguage, Topic
from .walkin import services_walk_in

WHEN_CHOICES = [("today", _("Walk in today")), ("now", _("Walk in now"))]


class HelpFinderFilterSet(django_filters.FilterSet):
    """The help finder's filters. Form fields keep the names residents see in the address bar."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text", strip=True)
    neighbourhood = django_filters.ChoiceFilter(
        label=_("Neighbourhood"), empty_label=_("All neighbourhoods"), method="filter_serving"
    )
    topic = django_filters.ChoiceFilter(
        label=_("What do you need help with?"),
        choices=Topic.choices,
        empty_label=_("Any topic"),
        method="filter_code",
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=WHEN_CHOICES,
        empty_label=_("Any time"),
        method="filter_when",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language spoken"),
        choices=SpokenLanguage.choices,
        empty_label=_("Any language"),
        method="filter_code",
        field_name="languages",
    )
    channel = django_filters.ChoiceFilter(
        label=_("Way of getting help"),
        choices=Channel.choices,
        empty_label=_("Any way"),
        method="filter_code",
        field_name="channels",
    )
    free = django_filters.BooleanFilter(
        label=_("Free of charge"), method="filter_free", widget=forms.CheckboxInput
    )

    class Meta:
        model = Service
        fields = []

    def __init__(self, data, queryset, *, at, neighbourhoods=None):
        super().__init__(data, queryset)
        self.at = at  # the moment "now" and "today" mean
        self.filters["topic"].field_name = "topics"
        if neighbourhoods is None:
            del self.filters["neighbourhood"]  # a neighbourhood's own site
        else:
            # The portal: the services residents of the chosen neighbourhood can use.
            self.neighbourhood_ids = {n.slug: n.pk for n in neighbourhoods}
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
        return queryset.filter(word_filter(value, ["name", "summary", "organisation__name"]))

    def filter_serving(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Service.serving(self.neighbourhood_ids[value]))

    def filter_code(self, queryset, name, value):
        return queryset.filter(contains_code(name, value)) if value else queryset

    def filter_when(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=services_walk_in(queryset, self.at, value))

    def filter_free(self, queryset, name, value):
        return queryset.filter(cost=Cost.FREE) if value else queryset
