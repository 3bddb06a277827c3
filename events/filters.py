"""The agenda's filters: one FilterSet shared by the page, the month view and the iCal feed.

Invalid values never raise: django-filter leaves a field that does not validate out of the
filtering, and the form shows the resident what was wrong.
"""

from datetime import date, timedelta

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from venues.models import AccessibilityFeature

from . import dates
from .choices import AUDIENCE_CHOICES
from .search import matching_events

WHEN_CHOICES = [
    ("today", _("Today")),
    ("tomorrow", _("Tomorrow")),
    ("weekend", _("This weekend")),
    ("week", _("This week")),
    ("7days", _("Next 7 days")),
    ("month", _("This month")),
]

# Dates residents can ask for: far enough for any agenda, near enough that a window around them
# (a day after, midnight in Amsterdam as UTC) stays inside what Python's dates can hold.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2999, 12, 31)
DATE_RANGE_MESSAGE = _("Choose a date between 1900 and 2999.")


def date_filter(label):
    return django_filters.DateFilter(
        label=label,
        method="no_filter",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[
            MinValueValidator(FIRST_DATE, message=DATE_RANGE_MESSAGE),
            MaxValueValidator(LAST_DATE, message=DATE_RANGE_MESSAGE),
        ],
    )


class AgendaFilterSet(django_filters.FilterSet):
    """Narrows occurrences; the dates (`when`, or `start`–`end`) make one window together."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=100)
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=WHEN_CHOICES, empty_label=_("Any time"), method="no_filter"
    )
    start = date_filter(_("From"))
    end = date_filter(_("Until"))
    neighbourhood = django_filters.ChoiceFilter(
        label=_("Neighbourhood"),
        field_name="event__neighbourhood__slug",
        empty_label=_("All neighbourhoods"),
    )
    tag = django_filters.ChoiceFilter(
        label=_("Topic"), field_name="event__tags__slug", empty_label=_("All topics"), distinct=True
    )
    audience = django_filters.ChoiceFilter(
        label=_("For whom"),
        field_name="event__audience",
        choices=AUDIENCE_CHOICES[1:],
        empty_label=_("Everyone"),
    )
    venue = django_filters.ChoiceFilter(
        label=_("Place"), field_name="event__venue__slug", empty_label=_("All places")
    )
    free = django_filters.BooleanFilter(
        label=_("Free only"), method="filter_free", widget=forms.CheckboxInput
    )
    step_free = django_filters.BooleanFilter(
        label=_("Step-free venue"), method="filter_step_free", widget=forms.CheckboxInput
    )

    def __init__(
        self,
        data,
        queryset,
        *,
        neighbourhoods=(),
        tags=(),
        venues=(),
        show_neighbourhood=False,
        use_dates=True,
        today=None,
    ):
        super().__init__(data, queryset)
        self.today = today or dates.local_today()
        self.use_dates = use_dates
        self.filters["tag"].extra["choices"] = list(tags)
        self.filters["venue"].extra["choices"] = list(venues)
        if show_neighbourhood:
            self.filters["neighbourhood"].extra["choices"] = list(neighbourhoods)
        else:
            del self.filters["neighbourhood"]
        self.window = None

    def valid_values(self):
        """The values that validated; invalid ones are dropped, never raised."""
        self.is_valid()
        return getattr(self.form, "cleaned_data", {})

    @property
    def is_filtered(self):
        return any(self.valid_values().values())

    def filter_queryset(self, queryset):
        values = self.form.cleaned_data
        if self.use_dates:
            self.window = window(values, self.today)
        if self.window is not None:
            first_day, day_after = self.window
            queryset = queryset.filter(end__gt=dates.local_midnight(first_day))
            if day_after is not None:
                queryset = queryset.filter(start__lt=dates.local_midnight(day_after))
        return super().filter_queryset(queryset)

    def no_filter(self, queryset, name, value):
        return queryset  # the dates are applied together, as one window (filter_queryset)

    def filter_text(self, queryset, name, text):
        # The same events as site search finds for these words (events.search).
        return queryset.filter(event__in=matching_events(text).values("pk"))

    def filter_free(self, queryset, name, value):
        return queryset.filter(event__is_free=True) if value else queryset

    def filter_step_free(self, queryset, name, value):
        if not value:
            return queryset
        # What a published venue says: an event's venue not published yet is not shown either.
        return queryset.filter(
            event__venue__live=True,
            event__venue__accessibility_features__slug=AccessibilityFeature.STEP_FREE,
        ).distinct()


def window(values, today):
    """(first day, day after the last, or None) of the valid date filters, or None for any time.

    Dates typed in (`start`, `end`) win over a named window (`when`)."""
    found = dates.window_for(values["when"], today) if values.get("when") else None
    if values.get("start") or values.get("end"):
        first = values.get("start") or today
        last = values.get("end")
        found = (first, last + timedelta(days=1) if last else None)
    return found
