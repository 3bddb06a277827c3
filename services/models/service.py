"""A service: help an organisation offers residents, with its walk-in hours at venues."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from infopoint.workflows import NeighbourhoodWorkflowMixin
from venues.models import DatedChange, WeeklyPeriod

from ..fields import CodeListField
from ..forms import ServiceAdminForm
from ..links import service_url
from ..vocabulary import Channel, Cost, SpokenLanguage, Topic
from .organisation import Organisation

# After this long without a check, a service is on the dashboard's "to check" list.
REVIEW_AFTER_DAYS = 183


class Service(
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
    """Help residents can get: who offers it, for whom, what it costs, in which languages, how to
    get it, and when to walk in where.

    Residents find it in the help finder; the HSDS export lists it as a `service`.
    """

    name = models.CharField(
        max_length=150,
        help_text=_("What residents ask for, e.g. “Help with forms and letters”."),
        verbose_name=_("name"),
    )
    slug = models.SlugField(
        max_length=100,
        blank=True,
        help_text=_("The last part of the web address; filled in from the name when left empty."),
        verbose_name=_("slug"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="services",
        help_text=_("Who offers this help."),
        verbose_name=_("organisation"),
    )
    neighbourhood = models.ForeignKey(
        "infopoint.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="services",
        help_text=_("The neighbourhood whose editors keep this service up to date."),
        verbose_name=_("neighbourhood"),
    )
    summary = models.CharField(
        max_length=200,
        help_text=_("One plain sentence: what they help with, e.g. “We sort out your post.”"),
        verbose_name=_("summary"),
    )
    description = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Everything else: what to bring, what happens, how long it takes."),
        verbose_name=_("description"),
    )
    topics = CodeListField(
        vocabulary=Topic,
        help_text=_("Which needs this helps with; residents start the help finder from these."),
        verbose_name=_("topics"),
    )
    audience = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Who it is for, e.g. “Residents of 65 and over” (empty: everyone)."),
        verbose_name=_("who it is for"),
    )
    cost = models.CharField(
        max_length=20,
        choices=Cost.choices,
        default=Cost.FREE,
        help_text=_("Whether residents pay for it."),
        verbose_name=_("cost"),
    )
    cost_details = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("E.g. “€ 5 per visit, free with a U-pas”."),
        verbose_name=_("cost details"),
    )
    languages = CodeListField(
        vocabulary=SpokenLanguage,
        default=["nl"],
        help_text=_("The languages someone at the service speaks."),
        verbose_name=_("languages spoken"),
    )
    channels = CodeListField(
        vocabulary=Channel,
        help_text=_("The ways residents can get this help."),
        verbose_name=_("ways to get help"),
    )
    serves_whole_city = models.BooleanField(
        default=False,
        help_text=_("Tick when residents of every neighbourhood can come."),
        verbose_name=_("serves the whole city"),
    )
    areas_served = ParentalManyToManyField(
        "infopoint.Neighbourhood",
        blank=True,
        related_name="services_served",
        help_text=_("Other neighbourhoods it serves besides its own (not needed for the city)."),
        verbose_name=_("also serves"),
    )
    phone = models.CharField(
        max_length=30, blank=True, help_text=_("E.g. 030 123 45 67."), verbose_name=_("phone")
    )
    email = models.EmailField(blank=True, verbose_name=_("email"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    how_to_get_it = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("E.g. “Just walk in” or “Call for an appointment first”."),
        verbose_name=_("how to get it"),
    )
    closed_on_public_holidays = models.BooleanField(
        default=True,
        help_text=_("No walk-in hours on Dutch public holidays, unless a dated change says so."),
        verbose_name=_("closed on public holidays"),
    )
    last_checked = models.DateField(
        null=True,
        blank=True,
        help_text=_("The day someone last checked this with the organisation."),
        verbose_name=_("last checked on"),
    )
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("last checked by"),
    )

    base_form_class = ServiceAdminForm

    # Codes, contact and where it is held are the same in every language; only words translate.
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("organisation"),
        SynchronizedField("topics"),
        SynchronizedField("languages"),
        SynchronizedField("channels"),
        SynchronizedField("areas_served"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("neighbourhood"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("name"),
                            FieldPanel("slug"),
                            FieldRowPanel(
                                [FieldPanel("organisation"), FieldPanel("neighbourhood")]
                            ),
                            FieldPanel("summary"),
                            FieldPanel("description"),
                            FieldPanel("topics"),
                            FieldPanel("audience"),
                        ],
                        heading=_("What help is this?"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_details")]),
                            FieldPanel("languages"),
                            FieldPanel("channels"),
                            FieldPanel("how_to_get_it"),
                        ],
                        heading=_("How do residents get it?"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("serves_whole_city"), FieldPanel("areas_served")],
                        heading=_("For which neighbourhoods?"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
                        heading=_("Contact"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("last_checked")],
                        heading=_("Is this still right?"),
                    ),
                ],
                heading=_("Service"),
            ),
            ObjectList(
                [
                    HelpPanel(
                        _(
                            "One line per walk-in period. Choose the meeting place where "
                            "residents can walk in; leave it empty for hours by phone or online."
                        )
                    ),
                    InlinePanel("walk_in_hours", heading=_("Weekly hours"), label=_("Period")),
                    FieldPanel("closed_on_public_holidays"),
                    InlinePanel(
                        "walk_in_changes",
                        heading=_("Changes on specific dates"),
                        label=_("Change"),
                    ),
                ],
                heading=_("Walk-in hours"),
            ),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_service_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    # -- saving -----------------------------------------------------------------------------

    def _free_slug(self):
        base = slugify(self.name)[:90] or "hulp"
        taken = Service.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        slug, number = base, 1
        while taken.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.name:
            self.slug = self._free_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if not self.slug and self.name:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    # -- what residents read ----------------------------------------------------------------

    @property
    def is_free(self):
        return self.cost == Cost.FREE

    @property
    def needs_checking(self):
        due = timezone.localdate() - timedelta(days=REVIEW_AFTER_DAYS)
        return self.last_checked is None or self.last_checked < due

    def topic_labels(self):
        labels = dict(Topic.choices)
        return [labels[code] for code in self.topics if code in labels]

    def language_labels(self):
        labels = dict(SpokenLanguage.choices)
        return [labels[code] for code in self.languages if code in labels]

    def channel_labels(self):
        labels = dict(Channel.choices)
        return [labels[code] for code in self.channels if code in labels]

    @classmethod
    def serving(cls, neighbourhood_id):
        """A filter for the services residents of that neighbourhood can use: its own, those
        that also serve it and the city-wide ones (EXISTS: no duplicate rows)."""
        also = cls.areas_served.through.objects.filter(
            service=OuterRef("pk"), neighbourhood=neighbourhood_id
        )
        return Q(neighbourhood=neighbourhood_id) | Q(serves_whole_city=True) | Exists(also)

    @classmethod
    def due_for_review(cls, today=None):
        today = today or timezone.localdate()
        due = today - timedelta(days=REVIEW_AFTER_DAYS)
        return Q(last_checked__isnull=True) | Q(last_checked__lt=due)

    # -- urls and preview ---------------------------------------------------------------------

    def get_url(self, request=None):
        """The service's page under a help finder (services.links says which)."""
        return service_url(self, request)

    def get_preview_template(self, request, mode_name):
        return "services/service_detail.html"

    def get_preview_context(self, request, mode_name):
        # Lazily: services.detail reads the walk-in rules, which import this module.
        from ..detail import detail_context

        return detail_context(request, self, page=None, preview=True)


class WalkInHours(WeeklyPeriod, Orderable):
    """A weekly period when residents can walk in at a meeting place (or, without one, call or
    go online): the same shape and the same "open now" rules as a venue's opening hours."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="walk_in_hours")
    venue = models.ForeignKey(
        "venues.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="walk_in_hours",
        help_text=_("Where to walk in. Empty: these are hours by phone or online."),
        verbose_name=_("meeting place"),
    )

    panels = [FieldPanel("venue"), *WeeklyPeriod.panels]

    class Meta(Orderable.Meta):
        verbose_name = _("walk-in hours")
        verbose_name_plural = _("walk-in hours")
        ordering = ["weekday", "opens"]
        indexes = [models.Index(fields=["venue", "weekday"])]


class WalkInChange(TranslatableMixin, DatedChange, Orderable):
    """A dated change to the walk-in hours: no walk-in that day, or other times.

    Translatable with its service: the note is a segment; the date and times follow the Dutch one.
    """

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="walk_in_changes")
    venue = models.ForeignKey(
        "venues.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only at this meeting place. Empty: at every place and by phone."),
        verbose_name=_("meeting place"),
    )

    panels = [FieldPanel("venue"), *DatedChange.panels]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("change to the walk-in hours")
        verbose_name_plural = _("changes to the walk-in hours")
        ordering = ["date", "opens"]
