"""A venue: a place to meet, work or do things, described once and reused by every event."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
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
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from infopoint.workflows import NeighbourhoodWorkflowMixin

from ..detail import detail_context
from ..forms import VenueForm
from ..links import venue_url
from ..opening import is_open_at
from ..postcodes import normalise_postcode, validate_postcode
from ..widgets import MapPickerInput
from .vocabulary import AccessibilityFeature, Facility, PriceClass, VenueKind


class VenueTag(TaggedItemBase):
    content_object = ParentalKey(
        "venues.Venue", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Venue(
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
    """A place to meet, work or do things, described once and reused by every event held there.

    Residents find it in the meeting-place finder; its detail page answers “can we meet there,
    when, and how do we book it?”. Like events, a venue has drafts, revisions and its
    neighbourhood's moderation: the row holds what residents see (the live version), a draft
    lives in a revision until it is published.
    """

    name = models.CharField(
        max_length=120,
        help_text=_("The name people use, e.g. “Buurthuis De Ster”."),
        verbose_name=_("name"),
    )
    slug = models.SlugField(
        max_length=80,
        help_text=_("The end of the web address, e.g. buurthuis-de-ster. Lower case, no spaces."),
        verbose_name=_("slug"),
    )
    kind = models.CharField(
        max_length=20,
        choices=VenueKind.choices,
        default=VenueKind.COMMUNITY_CENTRE,
        help_text=_("What sort of place this is; residents can filter on it."),
        verbose_name=_("kind"),
    )
    neighbourhood = models.ForeignKey(
        "infopoint.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="venues",
        help_text=_("The neighbourhood whose site shows this place."),
        verbose_name=_("neighbourhood"),
    )
    short_description = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("One sentence shown in the finder, e.g. “A bright hall with a kitchen.”"),
        verbose_name=_("short description"),
    )
    description = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Everything else a visitor should know: the rooms, the atmosphere, the rules."),
        verbose_name=_("description"),
    )
    image = models.ForeignKey(
        "infopoint.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo of the place. Every image has alt text (a short description)."),
        verbose_name=_("image"),
    )

    street = models.CharField(max_length=120, blank=True, verbose_name=_("street"))
    house_number = models.CharField(
        max_length=20, blank=True, help_text=_("E.g. 12 or 12-bis."), verbose_name=_("house number")
    )
    postcode = models.CharField(
        max_length=7,
        blank=True,
        validators=[validate_postcode],
        help_text=_("E.g. 3521 AZ."),
        verbose_name=_("postcode"),
    )
    city = models.CharField(max_length=80, default="Utrecht", verbose_name=_("city"))
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Click the map below to set it, or type it, e.g. 52.06170."),
        verbose_name=_("latitude"),
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("E.g. 5.13920."),
        verbose_name=_("longitude"),
    )

    phone = models.CharField(
        max_length=30, blank=True, help_text=_("E.g. 030 123 45 67."), verbose_name=_("phone")
    )
    email = models.EmailField(blank=True, verbose_name=_("email"))
    website = models.URLField(blank=True, verbose_name=_("website"))

    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_("The largest group that fits (people). Leave empty if you do not know."),
        verbose_name=_("capacity"),
    )
    facilities = ParentalManyToManyField(
        Facility,
        blank=True,
        related_name="venues",
        help_text=_("Tick everything the place has."),
        verbose_name=_("facilities"),
    )
    accessibility_features = ParentalManyToManyField(
        AccessibilityFeature,
        blank=True,
        related_name="venues",
        help_text=_("Tick only what you have checked yourself."),
        verbose_name=_("accessibility features"),
    )
    accessibility_notes = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Anything else, e.g. “The lift is next to the bike shed”."),
        verbose_name=_("accessibility notes"),
    )

    closed_on_public_holidays = models.BooleanField(
        default=True,
        help_text=_(
            "Closed on Dutch public holidays such as King's Day, unless a dated "
            "exception below says otherwise."
        ),
        verbose_name=_("closed on public holidays"),
    )

    price_class = models.CharField(
        max_length=20,
        choices=PriceClass.choices,
        default=PriceClass.ON_REQUEST,
        help_text=_("What using the place usually costs. Rooms can say more below."),
        verbose_name=_("price class"),
    )
    booking_info = models.TextField(
        blank=True,
        help_text=_("How to book: whom to call or mail, how far ahead, what to bring."),
        verbose_name=_("booking info"),
    )
    booking_url = models.URLField(
        blank=True,
        help_text=_("A booking form or page, if there is one."),
        verbose_name=_("booking url"),
    )
    tags = ClusterTaggableManager(through=VenueTag, blank=True, verbose_name=_("tags"))

    is_active = models.BooleanField(
        _("open for use"),
        default=True,
        help_text=_("Untick when the place has closed for good: it disappears from the finder."),
    )
    last_checked = models.DateField(
        null=True,
        blank=True,
        help_text=_("The day someone last checked that this information is right."),
        verbose_name=_("last checked"),
    )

    base_form_class = VenueForm

    # Translations keep the vocabulary of their source: a kitchen is a kitchen in every
    # language, and the finder filters on the terms' slugs.
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("facilities"),
        SynchronizedField("accessibility_features"),
        SynchronizedField("postcode"),
        SynchronizedField("house_number"),
        SynchronizedField("phone"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("street"),
        # The admin's venue listing searches postcodes too (venues.wagtail_hooks).
        index.SearchField("postcode"),
        index.FilterField("neighbourhood"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("is_active"),
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
                            FieldRowPanel([FieldPanel("kind"), FieldPanel("neighbourhood")]),
                            FieldPanel("short_description"),
                            FieldPanel("description"),
                            FieldPanel("image"),
                            FieldPanel("tags"),
                        ],
                        heading=_("What is this place?"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("street"), FieldPanel("house_number")]),
                            FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                            FieldRowPanel(
                                [
                                    FieldPanel("latitude", widget=MapPickerInput),
                                    FieldPanel("longitude"),
                                ]
                            ),
                        ],
                        heading=_("Where is it?"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
                        heading=_("Contact"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("is_active"), FieldPanel("last_checked")],
                        heading=_("Is this still right?"),
                    ),
                ],
                heading=_("Place"),
            ),
            ObjectList(
                [
                    FieldPanel("capacity"),
                    InlinePanel("rooms", heading=_("Rooms"), label=_("Room")),
                    FieldPanel("facilities", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("accessibility_features", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("accessibility_notes"),
                ],
                heading=_("Rooms and facilities"),
            ),
            ObjectList(
                [
                    HelpPanel(
                        "Add one line per opening period. A place open 9–12 and 13–17 on Monday "
                        "gets two Monday lines. Closing at or before the opening time means "
                        "open past midnight."
                    ),
                    InlinePanel(
                        "opening_hours", heading=_("Weekly opening hours"), label=_("Period")
                    ),
                    FieldPanel("closed_on_public_holidays"),
                    InlinePanel(
                        "opening_exceptions",
                        heading=_("Exceptions on specific dates"),
                        label=_("Exception"),
                    ),
                ],
                heading=_("Opening hours"),
            ),
            ObjectList(
                [
                    FieldPanel("price_class"),
                    FieldPanel("booking_info"),
                    FieldPanel("booking_url"),
                ],
                heading=_("Booking and price"),
            ),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_venue_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.postcode = normalise_postcode(self.postcode)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})

    def save(self, *args, **kwargs):
        self.postcode = normalise_postcode(self.postcode)
        super().save(*args, **kwargs)

    # One way to write a venue's address everywhere: pages, cards, search, JSON-LD, iCalendar.

    @property
    def street_address(self):
        """“Hoofdstraat 12”."""
        return " ".join(part for part in (self.street, self.house_number) if part)

    @property
    def short_address(self):
        """“Hoofdstraat 12, Utrecht”: what a resident needs to find the place."""
        return ", ".join(part for part in (self.street_address, self.city) if part)

    @property
    def address(self):
        """“Hoofdstraat 12, 3526 AB Utrecht”."""
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street_address, place) if part)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def is_free(self):
        return self.price_class == PriceClass.FREE

    def get_url(self, request=None):
        """The venue's page under its neighbourhood's finder, in the current language (venues.links
        says how that is found for many venues at once)."""
        return venue_url(self, request)

    # Opening hours (venues.opening does the work; these read prefetched rows when present).

    def is_open_at(self, at):
        return is_open_at(self, at)

    def is_open_now(self):
        return self.is_open_at(timezone.now())

    # Preview in the admin: the same template residents see.

    def get_preview_template(self, request, mode_name):
        return "venues/venue_detail.html"

    def get_preview_context(self, request, mode_name):
        return detail_context(request, self, page=None)
