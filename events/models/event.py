"""An event: something happening in the neighbourhood, once or on a schedule."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from infopoint.workflows import NeighbourhoodWorkflowMixin

from .. import recurrence
from ..choices import (
    AUDIENCE_CHOICES,
    ENDS_CHOICES,
    REPEAT_CHOICES,
    WEEK_OF_MONTH_CHOICES,
    EventStatus,
)
from ..detail import detail_context
from ..forms import EventAdminForm
from ..links import event_url
from ..occurrences import write_occurrences
from ..panels import EVENT_PANELS
from .feed import EventFeed
from .rules import free_slug, schedule_errors


class EventTag(TaggedItemBase):
    content_object = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="tagged")


class Event(
    NeighbourhoodWorkflowMixin,  # the neighbourhood's own moderators (infopoint.workflows)
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """Something happening in the neighbourhood, once or on a schedule.

    Editors describe the schedule in plain choices; the concrete dates (occurrences) are written
    when the event is published and read by every listing.
    """

    title = models.CharField(
        max_length=200, help_text=_("What is on, e.g. “Coffee morning”."), verbose_name=_("title")
    )
    slug = models.SlugField(
        max_length=100,
        blank=True,
        help_text=_("The last part of the web address; filled in from the title when left empty."),
        verbose_name=_("slug"),
    )
    neighbourhood = models.ForeignKey(
        "infopoint.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The neighbourhood whose agenda shows this event."),
        verbose_name=_("neighbourhood"),
    )
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in the agenda."),
        verbose_name=_("summary"),
    )
    description = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("Everything else residents should know."),
        verbose_name=_("description"),
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional picture; its alt text is shown to screen-reader users."),
        verbose_name=_("image"),
    )
    start = models.DateTimeField(
        help_text=_("When it starts (the first time, for a series)."), verbose_name=_("start")
    )
    end = models.DateTimeField(
        help_text=_("When it ends (the first time, for a series)."), verbose_name=_("end")
    )
    all_day = models.BooleanField(
        default=False,
        help_text=_("Tick when times do not matter (a market day, a festival)."),
        verbose_name=_("all day"),
    )

    repeat = models.CharField(
        max_length=20,
        choices=REPEAT_CHOICES,
        default="none",
        help_text=_("How often it happens again."),
        verbose_name=_("repeat"),
    )
    interval = models.PositiveSmallIntegerField(
        default=1,
        help_text=_("1 = every week (or month), 2 = every other week, and so on."),
        verbose_name=_("interval"),
    )
    weekdays = models.CharField(
        max_length=27,
        blank=True,
        help_text=_("For a weekly event: on which days. None ticked = the weekday of the start."),
        verbose_name=_("weekdays"),
    )
    week_of_month = models.SmallIntegerField(
        null=True,
        blank=True,
        choices=WEEK_OF_MONTH_CHOICES,
        help_text=_("For “monthly on the n-th weekday”: which one. Empty = as on the start date."),
        verbose_name=_("week of month"),
    )
    ends = models.CharField(
        max_length=10,
        choices=ENDS_CHOICES,
        default="never",
        help_text=_("When the series stops."),
        verbose_name=_("ends"),
    )
    repeat_until = models.DateField(
        null=True,
        blank=True,
        help_text=_("The last possible date (when it ends on a date)."),
        verbose_name=_("repeat until"),
    )
    repeat_count = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("How many times in total (when it ends after a number)."),
        verbose_name=_("repeat count"),
    )
    rrule = models.CharField(
        _("RRULE"),
        max_length=255,
        blank=True,
        help_text=_("Only for experts: an RFC 5545 rule such as FREQ=MONTHLY;BYDAY=1SA."),
    )
    skip_holidays = models.BooleanField(
        default=False,
        help_text=_("Tick to leave out Dutch public holidays (Easter, King's Day, …)."),
        verbose_name=_("skip holidays"),
    )
    suspended_from = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "Suspended until further notice from this date: no dates are shown from then on."
        ),
        verbose_name=_("suspended from"),
    )

    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Set this when the whole event is cancelled, postponed or moved online."),
        verbose_name=_("status"),
    )
    venue = models.ForeignKey(
        "venues.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Where it takes place; choose a meeting place so residents find the address."),
        verbose_name=_("venue"),
    )
    place = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Or describe the place if it is not a meeting place (“Park behind the school”)."
        ),
        verbose_name=_("place"),
    )
    online_url = models.URLField(
        blank=True,
        help_text=_("The link to join online, for an online or hybrid event."),
        verbose_name=_("online url"),
    )
    is_free = models.BooleanField(
        default=True, help_text=_("Untick when residents have to pay."), verbose_name=_("is free")
    )
    price = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("What it costs, e.g. “€ 3, coffee included”."),
        verbose_name=_("price"),
    )
    registration_url = models.URLField(
        blank=True,
        help_text=_("Where to sign up, if residents must register."),
        verbose_name=_("registration url"),
    )
    registration_notes = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("How to sign up otherwise, e.g. “call Anja”."),
        verbose_name=_("registration notes"),
    )
    organiser = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("Who organises it (a group or a person)."),
        verbose_name=_("organiser"),
    )
    organiser_url = models.URLField(
        blank=True, help_text=_("The organiser's website, if any."), verbose_name=_("organiser url")
    )
    audience = models.CharField(
        max_length=20,
        choices=AUDIENCE_CHOICES,
        default="everyone",
        help_text=_("Who it is meant for."),
        verbose_name=_("audience"),
    )
    accessibility_notes = models.TextField(
        blank=True,
        help_text=_("Anything about access: a lift, a hearing loop, quiet hours, help on arrival."),
        verbose_name=_("accessibility notes"),
    )
    tags = ClusterTaggableManager(
        through=EventTag, blank=True, help_text=_("Topics, e.g. music."), verbose_name=_("tags")
    )

    feed = models.ForeignKey(
        EventFeed,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        editable=False,
    )
    source_uid = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    source_sequence = models.IntegerField(null=True, blank=True, editable=False)
    source_modified = models.DateTimeField(null=True, blank=True, editable=False)
    # A digest of what the feed last sent for this event: an unchanged event is not saved again.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    # An imported series is expanded as RFC 5545 says: in its DTSTART's own zone (an IANA name;
    # empty = Europe/Amsterdam), with every RRULE it has (the first is `rrule`).
    time_zone = models.CharField(max_length=64, blank=True, editable=False)
    extra_rules = models.TextField(blank=True, editable=False)

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("organiser"),
        index.FilterField("neighbourhood"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    # Schedule and place are the same in every language; only the words are translated.
    # The venue too: a translation must not fail because a venue has no translation yet, and
    # venue pages find their events through the venue's translation key.
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("venue"),
        SynchronizedField("weekdays"),
        SynchronizedField("rrule"),
    ]

    base_form_class = EventAdminForm
    panels = EVENT_PANELS

    class Meta(TranslatableMixin.Meta):
        verbose_name_plural = _("events")
        ordering = ["start"]
        verbose_name = _("event")
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "locale", "slug"], name="unique_event_slug"
            )
        ]

    def __str__(self):
        return self.title

    # -- schedule ---------------------------------------------------------------------------

    def rule_text(self):
        """The RRULE text for this event (empty for a one-off event)."""
        return recurrence.build_rule(
            repeat=self.repeat,
            start_local=recurrence.to_local(self.start),
            interval=self.interval,
            weekdays=[code for code in self.weekdays.split(",") if code],
            week_of_month=self.week_of_month,
            ends=self.ends,
            until=self.repeat_until,
            count=self.repeat_count,
            expert_rule=self.rrule,
        )

    def schedule(self, changes=None):
        if changes is None:
            changes = self.exceptions.all()
        return recurrence.Schedule(
            start=self.start,
            end=self.end,
            all_day=self.all_day,
            rule=self.rule_text(),
            skip_holidays=self.skip_holidays,
            suspended_from=self.suspended_from,
            changes=[change.as_change() for change in changes],
            time_zone=self.time_zone,
            extra_rules=self.extra_rules.split(),
            start_is_instance=bool(self.source_uid),
        )

    @property
    def is_recurring(self):
        return self.repeat != "none"

    @property
    def is_online(self):
        return bool(self.online_url) and self.venue_id is None and not self.place

    def clean(self):
        super().clean()
        errors = schedule_errors(self)
        if errors:
            raise ValidationError(errors)

    # -- saving -----------------------------------------------------------------------------

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = self._free_slug()
        super().full_clean(*args, **kwargs)

    def _free_slug(self):
        siblings = Event.objects.filter(
            neighbourhood_id=self.neighbourhood_id, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        return free_slug(self.title, siblings)

    # Saves that only touch revision or lock bookkeeping do not change the dates.
    BOOKKEEPING_FIELDS = {
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
    }

    def save(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = self._free_slug()
        # ClusterableModel.save commits the inline exceptions too, so the occurrences written
        # below see the final state of the event.
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= self.BOOKKEEPING_FIELDS:
            return
        write_occurrences(self)

    # -- urls and preview ---------------------------------------------------------------------

    def get_url(self, request=None):
        return event_url(self, request)

    def get_preview_template(self, request, mode_name):
        return "events/event_detail.html"

    def get_preview_context(self, request, mode_name):
        return detail_context(request, self, preview=True)
