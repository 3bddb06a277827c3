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

    def __init__(self, data, queryset, *, at):
        super().__init__(data, queryset)
        self.at = at  # the moment "now" and "today" mean
        self.filters["topic"].field_name = "topics"

    @property
    def applied(self):
        """The valid filters that narrow the list (invalid ones are left out, never raised)."""
        self.is_valid()
        data = getattr(self.form, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in ("", None, [], False)}

    def filter_text(self, queryset, name, value):
        return queryset.filter(word_filter(value, ["name", "summary", "organisation__name"]))

    def filter_code(self, queryset, name, value):
        return queryset.filter(contains_code(name, value)) if value else queryset

    def filter_when(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=services_walk_in(queryset, self.at, value))

    def filter_free(self, queryset, name, value):
        return queryset.filter(cost=Cost.FREE) if value else queryset
