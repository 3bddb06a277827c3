"""The event editor's form: what volunteers fill in, grouped the way they think about an event."""

import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

# The plain repeat options (everything but "does not repeat" and the expert's own rule).
RULES = ("daily", "weekly", "monthly_weekday", "monthly_date", "yearly")
REPEATING = (*RULES, "custom")


def shown_for(*repeats, ends=None):
    """The HTML attributes telling the recurrence controller when a field belongs to the form:
    for which kinds of repetition and, for the end date or count, which way the series ends."""
    attrs = {"data-recurrence-repeat": " ".join(repeats)}
    if ends:
        attrs["data-recurrence-ends"] = ends
    return attrs


class ChangedDatesPanel(InlinePanel):
    """The changed dates, each showing its date in its heading, so a collapsed list still says
    which dates were changed."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "events/panels/changed_dates_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            for child in self.children:
                child.date_label = _date_label(child.form)
            return context


def _date_label(form):
    value = form["date"].value()
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            return ""
    return date_format(value, "l j F Y") if value else ""


EVENT_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("title"),
            FieldPanel("slug"),
            # A plain list: a city has a handful of neighbourhoods, no chooser needed.
            FieldPanel("neighbourhood", widget=forms.Select),
            FieldPanel("summary"),
            FieldPanel("description"),
            FieldPanel("image"),
            FieldPanel("tags"),
            FieldPanel("status"),
        ],
        heading=_("What"),
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            FieldPanel("all_day"),
        ],
        heading=_("When"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("repeat"),
            FieldPanel("interval", attrs=shown_for(*RULES)),
            FieldPanel("weekdays", attrs=shown_for("weekly")),
            FieldPanel("week_of_month", attrs=shown_for("monthly_weekday")),
            FieldPanel("ends", attrs=shown_for(*RULES)),
            FieldRowPanel(
                [
                    FieldPanel("repeat_until", attrs=shown_for(*RULES, ends="until")),
                    FieldPanel("repeat_count", attrs=shown_for(*RULES, ends="count")),
                ],
            ),
            FieldPanel("skip_holidays", attrs=shown_for(*REPEATING)),
            FieldPanel("suspended_from", attrs=shown_for(*REPEATING)),
            FieldPanel("rrule", attrs=shown_for("custom")),
        ],
        heading=_("Repeats"),
        # events/static/events/js/recurrence.js hides the fields that do not belong to the
        # chosen kind of repetition; without JavaScript every field stays visible.
        attrs={"data-controller": "recurrence"},
    ),
    ChangedDatesPanel(
        "exceptions",
        heading=_("Changed dates"),
        label=_("Change to one date"),
        help_text=_("Cancel one date, move it to another time, or add a note to it."),
    ),
    MultiFieldPanel(
        [FieldPanel("venue"), FieldPanel("place"), FieldPanel("online_url")],
        heading=_("Where"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("is_free"),
            FieldPanel("price"),
            FieldPanel("registration_url"),
            FieldPanel("registration_notes"),
            FieldPanel("organiser"),
            FieldPanel("organiser_url"),
        ],
        heading=_("Price, registration, organiser"),
    ),
    MultiFieldPanel(
        [FieldPanel("audience"), FieldPanel("accessibility_notes")],
        heading=_("Audience and accessibility"),
    ),
]
