"""The concrete dates of published events, and the changes editors make to single dates."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from .. import recurrence
from ..choices import EventStatus


class EventException(TranslatableMixin, Orderable):
    """A change to one date of a series: cancelled, moved, extra information, or an extra date.

    Translatable with its event: the note is a segment; the date, action and times follow the
    Dutch exception, so every language shows the same dates.
    """

    ACTIONS = [
        ("cancel", _("Cancel this date")),
        ("move", _("Move this date")),
        ("note", _("Add information to this date")),
        ("add", _("Add an extra date")),
        ("future", _("Move this date and all later ones")),
    ]
    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(
        help_text=_("The date in the series this is about (for an extra date: the new date)."),
        verbose_name=_("date"),
    )
    action = models.CharField(
        max_length=10, choices=ACTIONS, default="cancel", verbose_name=_("action")
    )
    new_start = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("For a moved or extra date: when it takes place."),
        verbose_name=_("new start"),
    )
    new_end = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("Optional: when it ends (otherwise as long as usual)."),
        verbose_name=_("new end"),
    )
    note = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Shown with this date, e.g. “in the small hall”."),
        verbose_name=_("note"),
    )
    # Imported changes name the exact instance they are about (RECURRENCE-ID, EXDATE, RDATE),
    # matched by instant; and a changed date may be all day in a timed series.
    original_start = models.DateTimeField(null=True, blank=True, editable=False)
    all_day = models.BooleanField(default=False, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("action")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("changed date")
        verbose_name_plural = _("changed dates")
        pass

    def clean(self):
        super().clean()
        if self.action == "move" and not self.new_start:
            raise ValidationError({"new_start": _("Say when the date moves to.")})
        if self.new_start and self.new_end and self.new_end < self.new_start:
            raise ValidationError({"new_end": _("The end must be after the start.")})

    def as_change(self):
        return recurrence.Change(
            action=self.action,
            day=self.date,
            start=self.new_start,
            end=self.new_end,
            note=self.note,
            original=self.original_start,
            all_day=self.all_day,
        )


class Occurrence(models.Model):
    """One concrete date of a published event; written at save time, read by every listing."""

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="occurrences",
        verbose_name=_("event"),
    )
    start = models.DateTimeField(db_index=True, verbose_name=_("start"))
    end = models.DateTimeField(db_index=True, verbose_name=_("end"))
    # The date the rule gave before a move: the iCalendar RECURRENCE-ID.
    original_start = models.DateTimeField(null=True, blank=True, verbose_name=_("original start"))
    cancelled = models.BooleanField(default=False, verbose_name=_("cancelled"))
    moved = models.BooleanField(default=False, verbose_name=_("moved"))
    note = models.CharField(max_length=255, blank=True, verbose_name=_("note"))
    # This date is all day although its series is not (an imported change).
    all_day = models.BooleanField(default=False, verbose_name=_("all day"))

    class Meta:
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["start", "end"], name="occurrence_window")]

    def __str__(self):
        return f"{self.event} @ {timezone.localtime(self.start):%Y-%m-%d %H:%M}"

    @property
    def is_all_day(self):
        return self.all_day or self.event.all_day

    @property
    def is_cancelled(self):
        return self.cancelled or self.event.status == EventStatus.CANCELLED
