"""Choices shared by the event model, its admin form and the agenda filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

REPEAT_CHOICES = [
    ("none", _("Does not repeat")),
    ("daily", _("Every day")),
    ("weekly", _("Weekly, on the chosen days")),
    ("monthly_weekday", _("Monthly, on the n-th weekday (e.g. first Saturday)")),
    ("monthly_date", _("Monthly, on the same date")),
    ("yearly", _("Every year")),
    ("custom", _("Expert: my own RRULE")),
]
WEEKDAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
WEEK_OF_MONTH_CHOICES = [
    (1, _("first")),
    (2, _("second")),
    (3, _("third")),
    (4, _("fourth")),
    (-1, _("last")),
]
ENDS_CHOICES = [
    ("never", _("Never")),
    ("until", _("On a date")),
    ("count", _("After a number of times")),
]
AUDIENCE_CHOICES = [
    ("everyone", _("Everyone")),
    ("children", _("Children")),
    ("youth", _("Young people")),
    ("adults", _("Adults")),
    ("seniors", _("Older residents")),
    ("families", _("Families")),
]


class EventStatus(models.TextChoices):
    # The values are schema.org's eventStatus names, so JSON-LD and iCal need no mapping table.
    SCHEDULED = "EventScheduled", _("Scheduled")
    CANCELLED = "EventCancelled", _("Cancelled")
    POSTPONED = "EventPostponed", _("Postponed")
    RESCHEDULED = "EventRescheduled", _("Rescheduled")
    MOVED_ONLINE = "EventMovedOnline", _("Moved online")
