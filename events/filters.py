"""The agenda's filters: one form shared by the page, the month view and the iCal feed.

Invalid values never raise: a field that does not validate is simply not applied, and the form
shows the resident what was wrong.
"""

from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import dates
from .choices import AUDIENCE_CHOICES

WHEN_CHOICES = [
    ("", _("Any time")),
    ("today", _("Today")),
    ("tomorrow", _("Tomorrow")),
    ("weekend", _("This weekend")),
    ("week", _("This week")),
    ("7days", _("Next 7 days")),
    ("month", _("This month")),
]


class AgendaFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    tag = forms.ChoiceField(label=_("Topic"), required=False)
    audience = forms.ChoiceField(
        label=_("For whom"), choices=[("", _("Everyone"))] + AUDIENCE_CHOICES[1:], required=False
    )
    venue = forms.ChoiceField(label=_("Place"), required=False)
    free = forms.BooleanField(label=_("Free only"), required=False)
    step_free = forms.BooleanField(label=_("Step-free venue"), required=False)

    def __init__(self, data, *, neighbourhoods=(), tags=(), venues=(), show_neighbourhood=False):
        super().__init__(data)
        self.fields["neighbourhood"].choices = [("", _("All neighbourhoods"))] + list(
            neighbourhoods
        )
        self.fields["tag"].choices = [("", _("All topics"))] + list(tags)
        self.fields["venue"].choices = [("", _("All places"))] + list(venues)
        if not show_neighbourhood:
            del self.fields["neighbourhood"]

    def valid_values(self):
        """The values that validated; invalid ones are dropped, never raised."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if name not in self.errors}

    @property
    def is_filtered(self):
        return any(self.valid_values().values())


def apply_filters(queryset, values, today=None):
    """Narrow an Occurrence queryset by the valid filter values; returns (queryset, window)."""
    today = today or dates.local_today()
    window = None
    if values.get("when"):
        window = dates.window_for(values["when"], today)
    if values.get("start") or values.get("end"):
        first = values.get("start") or today
        last = values.get("end")
        window = (first, last + timedelta(days=1) if last else None)
    if window is not None:
        first_day, day_after = window
        queryset = queryset.filter(end__gt=dates.local_midnight(first_day))
        if day_after is not None:
            queryset = queryset.filter(start__lt=dates.local_midnight(day_after))
    if values.get("neighbourhood"):
        queryset = queryset.filter(event__neighbourhood__slug=values["neighbourhood"])
    if values.get("tag"):
        queryset = queryset.filter(event__tags__slug=values["tag"])
    if values.get("audience"):
        queryset = queryset.filter(event__audience=values["audience"])
    if values.get("venue"):
        queryset = queryset.filter(event__venue__slug=values["venue"])
    if values.get("free"):
        queryset = queryset.filter(event__is_free=True)
    if values.get("step_free"):
        from venues.models import AccessibilityFeature

        queryset = queryset.filter(
            event__venue__accessibility_features__slug=AccessibilityFeature.STEP_FREE
        )
    if values.get("q"):
        text = values["q"]
        queryset = queryset.filter(
            Q(event__title__icontains=text)
            | Q(event__summary__icontains=text)
            | Q(event__description__icontains=text)
            | Q(event__organiser__icontains=text)
        )
    if values.get("tag") or values.get("step_free"):
        queryset = queryset.distinct()
    return queryset, window
