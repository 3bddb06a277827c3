"""Partners' calendars whose events flow into a neighbourhood's agenda."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from ..forms import EventFeedAdminForm


class EventFeedTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventFeed", on_delete=models.CASCADE, related_name="tagged"
    )


http_url_validator = URLValidator(schemes=["http", "https"])


class EventFeed(ClusterableModel):
    """A partner's calendar (an iCalendar URL) whose events flow into a neighbourhood's agenda."""

    name = models.CharField(
        max_length=120,
        help_text=_("Whose calendar this is, e.g. “Bibliotheek”."),
        verbose_name=_("name"),
    )
    url = models.URLField(
        max_length=500,
        validators=[http_url_validator],
        help_text=_(
            "The web address of the calendar (.ics); it must start with http:// or https://."
        ),
        verbose_name=_("url"),
    )
    neighbourhood = models.ForeignKey(
        "infopoint.Neighbourhood",
        on_delete=models.CASCADE,
        related_name="event_feeds",
        verbose_name=_("neighbourhood"),
    )
    default_venue = models.ForeignKey(
        "venues.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the events take place when the calendar does not say."),
        verbose_name=_("default venue"),
    )
    tags = ClusterTaggableManager(
        through=EventFeedTag,
        blank=True,
        help_text=_("Tags given to every imported event."),
        verbose_name=_("tags"),
    )
    active = models.BooleanField(
        default=True,
        help_text=_("Untick to stop importing this calendar."),
        verbose_name=_("active"),
    )
    import_as_drafts = models.BooleanField(
        default=False,
        help_text=_("Tick to import new and changed events as drafts that a moderator publishes."),
        verbose_name=_("import as drafts"),
    )
    last_run_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_run_ok = models.BooleanField(null=True, editable=False)
    last_message = models.TextField(blank=True, editable=False)
    # Events the last run could not use (named in last_message); the dashboard lists such feeds.
    last_skipped = models.PositiveIntegerField(default=0, editable=False)

    base_form_class = EventFeedAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("neighbourhood"),
        FieldPanel("default_venue"),
        FieldPanel("tags"),
        FieldRowPanel([FieldPanel("active"), FieldPanel("import_as_drafts")]),
    ]

    class Meta:
        verbose_name_plural = _("calendar feeds")
        ordering = ["name"]
        verbose_name = _("calendar feed")

    def __str__(self):
        return self.name
