"""The event editor's form: what volunteers fill in, grouped the way they think about an event."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

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
            FieldPanel("interval"),
            FieldPanel("weekdays"),
            FieldPanel("week_of_month"),
            FieldPanel("ends"),
            FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            FieldPanel("skip_holidays"),
            FieldPanel("suspended_from"),
            FieldPanel("rrule"),
        ],
        heading=_("Repeats"),
    ),
    InlinePanel(
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
