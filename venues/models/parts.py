"""A venue's parts, edited inline with it: rooms, weekly opening hours, dated exceptions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from .venue import Venue
from .vocabulary import PriceClass, Weekday


class VenueRoom(TranslatableMixin, Orderable):
    """A room in a venue, with its own size, price and way of booking.

    Translatable with its venue: its words (name, equipment, tariff, booking) are segments in the
    venue's translation; its capacity and price class follow the Dutch room.
    """

    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(
        max_length=80, help_text=_("E.g. “Big hall” or “Kitchen”."), verbose_name=_("name")
    )
    capacity = models.PositiveIntegerField(
        help_text=_("How many people fit (people)."), verbose_name=_("capacity")
    )
    equipment = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("What is in the room, e.g. “Projector, 40 chairs”."),
        verbose_name=_("equipment"),
    )
    price_class = models.CharField(
        max_length=20,
        choices=PriceClass.choices,
        default=PriceClass.ON_REQUEST,
        verbose_name=_("price class"),
    )
    tariff = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("E.g. “€ 15 per part of day, free for residents”."),
        verbose_name=_("tariff"),
    )
    booking = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("A booking link or contact for this room, if it differs from the venue's."),
        verbose_name=_("booking"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("capacity")]),
        FieldPanel("equipment"),
        FieldRowPanel([FieldPanel("price_class"), FieldPanel("tariff")]),
        FieldPanel("booking"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        pass

    def __str__(self):
        return f"{self.name} ({self.capacity})"

    @property
    def booking_is_link(self):
        return self.booking.startswith(("https://", "http://"))


class WeeklyPeriod(models.Model):
    """A weekday with an opening and a closing time: a venue's opening hours, a service's walk-in
    hours. venues.opening reads any rows with these fields."""

    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices, verbose_name=_("weekday"))
    opens = models.TimeField(help_text=_("E.g. 09:00."), verbose_name=_("opens"))
    closes = models.TimeField(
        help_text=_("E.g. 17:00. At or before the opening time: next day."),
        verbose_name=_("closes"),
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningHours(WeeklyPeriod, Orderable):
    """One weekly opening period: a weekday with an opening and a closing time."""

    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="opening_hours")

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        ordering = ["weekday", "opens"]
        verbose_name_plural = _("opening hours")


class DatedChange(models.Model):
    """A dated change to weekly hours: closed that day, or open at special times."""

    date = models.DateField(verbose_name=_("date"))
    closed = models.BooleanField(
        default=True,
        help_text=_("Closed all day. Untick and give times for special hours."),
        verbose_name=_("closed"),
    )
    opens = models.TimeField(null=True, blank=True, verbose_name=_("opens"))
    closes = models.TimeField(null=True, blank=True, verbose_name=_("closes"))
    note = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Why, in a few words, e.g. “Renovation”."),
        verbose_name=_("note"),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.date}: {'closed' if self.closed else f'{self.opens}–{self.closes}'}"

    def clean(self):
        super().clean()
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                _("Give the special opening and closing times, or tick “closed”.")
            )


class OpeningException(TranslatableMixin, DatedChange, Orderable):
    """A dated change to the weekly hours: closed that day, or open at special times.

    Translatable with its venue: the note is a segment; the date and times follow the Dutch one.
    """

    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="opening_exceptions")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")
        ordering = ["date", "opens"]
