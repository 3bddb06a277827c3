"""The admin forms for events and feeds: weekdays as tick boxes instead of a code string, and
neighbourhoods and venues limited to where the editor works."""

from django import forms
from django.utils.translation import gettext_lazy as _

from infopoint.permissions import NeighbourhoodScopedForm

from .choices import WEEKDAY_CHOICES


class EventFeedAdminForm(NeighbourhoodScopedForm):
    """A feed created or changed by someone who may not publish events in its neighbourhood
    imports as drafts into the neighbourhood's workflow: only a moderator's feed publishes
    directly (the rule is the Event permission policy's, infopoint.permissions)."""

    venue_fields = ("default_venue",)

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        field = self.fields.get("import_as_drafts")
        if field is not None and for_user is not None and not self._may_publish(None):
            field.help_text = _(
                "Events from this calendar wait for a moderator: only moderators may publish "
                "directly."
            )

    def _may_publish(self, neighbourhood):
        from wagtail.permissions import policy_registry

        from .models import Event  # lazily: the models import this module for their admin forms

        policy = policy_registry.get_by_type(Event)
        if neighbourhood is None:
            return policy.user_has_permission(self.for_user, "publish")
        return policy.user_has_permission_in(self.for_user, "publish", neighbourhood.pk)

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is None:
            return cleaned_data
        neighbourhood = cleaned_data.get("neighbourhood") or (
            self.instance.neighbourhood if self.instance.neighbourhood_id else None
        )
        if neighbourhood is not None and not self._may_publish(neighbourhood):
            cleaned_data["import_as_drafts"] = True
        return cleaned_data


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
