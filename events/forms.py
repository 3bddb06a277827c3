"""The admin forms for events and feeds: weekdays as tick boxes instead of a code string, and
neighbourhoods and venues limited to where the editor works."""

from django import forms
from django.utils.translation import gettext_lazy as _

from infopoint.permissions import NeighbourhoodScopedForm

from .choices import WEEKDAY_CHOICES


class EventFeedAdminForm(NeighbourhoodScopedForm):
    venue_fields = ("default_venue",)


class EventAdminForm(NeighbourhoodScopedForm):
    venue_fields = ("venue",)

    weekdays = forms.MultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a weekly event: on which days. None ticked = the weekday of the start."),
    )

    class Media:
        js = ["events/js/recurrence.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.initial.get("weekdays")
        if isinstance(stored, str):
            self.initial["weekdays"] = [code for code in stored.split(",") if code]

    def clean_weekdays(self):
        chosen = set(self.cleaned_data.get("weekdays") or [])
        return ",".join(code for code, _label in WEEKDAY_CHOICES if code in chosen)
