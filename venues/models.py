import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
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
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PreviewableMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from infopoint.models import SectionPageMixin
from infopoint.permissions import NeighbourhoodScopedForm

from .widgets import MapPickerInput

# ---------------------------------------------------------------------------------------------
# Vocabularies


class VocabularyTerm(TranslatableMixin, models.Model):
    """A term of a controlled, editable vocabulary (a facility or an accessibility feature)."""

    name = models.CharField(max_length=100, help_text="The name residents see, e.g. “Kitchen”.")
    slug = models.SlugField(
        max_length=60, help_text="A stable code used in links and imports, e.g. step-free."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Facility(VocabularyTerm):
    """What a venue offers: kitchen, wifi, projector, piano, garden, bike parking, …"""

    class Meta(VocabularyTerm.Meta):
        verbose_name_plural = "facilities"
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_facility_slug")
        ]


class AccessibilityFeature(VocabularyTerm):
    """How a venue is accessible: step-free entrance, accessible toilet, hearing loop, …"""

    # The agenda's "step-free venue" filter and the finder rely on this code.
    STEP_FREE = "step-free"

    class Meta(VocabularyTerm.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_accessibility_feature_slug"
            )
        ]


# ---------------------------------------------------------------------------------------------
# Venue

# Dutch postcodes: four digits (the first not 0), an optional space, two letters; SA, SD and SS
# are never issued.
POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s?(?!SA|SD|SS)([A-Za-z]{2})\s*$")


def normalise_postcode(value):
    """“3521az” and “3521 AZ” are the same postcode; we store the official “3521 AZ” form."""
    match = POSTCODE_RE.match((value or "").upper())
    return f"{match.group(1)} {match.group(2).upper()}" if match else value


def validate_postcode(value):
    """Accepts what people type (“3521az”); the venue stores the official “3521 AZ”."""
    if not POSTCODE_RE.match((value or "").upper()):
        raise ValidationError(
            _("Enter a Dutch postcode: four digits and two letters, like 3521 AZ."),
            code="invalid_postcode",
        )


class PriceClass(models.TextChoices):
    FREE = "free", _("Free")
    PAID = "paid", _("Paid")
    ON_REQUEST = "on-request", _("Price on request")


class VenueKind(models.TextChoices):
    COMMUNITY_CENTRE = "community-centre", _("Community centre")
    LIBRARY = "library", _("Library")
    CHURCH_HALL = "church-hall", _("Church or church hall")
    CAFE = "cafe", _("Café")
    SCHOOL = "school", _("School")
    COWORKING = "coworking", _("Co-working place")
    SPORTS_HALL = "sports-hall", _("Sports hall")
    GARDEN = "garden", _("Garden or park")
    OTHER = "other", _("Other")


class VenueTag(TaggedItemBase):
    content_object = ParentalKey(
        "venues.Venue", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Venue(PreviewableMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """A place to meet, work or do things, described once and reused by every event held there.

    Residents find it in the meeting-place finder; its detail page answers “can we meet there,
    when, and how do we book it?”.
    """

    name = models.CharField(
        max_length=120, help_text="The name people use, e.g. “Buurthuis De Ster”."
    )
    slug = models.SlugField(
        max_length=80,
        help_text="The end of the web address, e.g. buurthuis-de-ster. Lower case, no spaces.",
    )
    kind = models.CharField(
        max_length=20,
        choices=VenueKind.choices,
        default=VenueKind.COMMUNITY_CENTRE,
        help_text="What sort of place this is; residents can filter on it.",
    )
    neighbourhood = models.ForeignKey(
        "infopoint.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="venues",
        help_text="The neighbourhood whose site shows this place.",
    )
    short_description = models.CharField(
        max_length=200,
        blank=True,
        help_text="One sentence shown in the finder, e.g. “A bright hall with a kitchen.”",
    )
    description = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Everything else a visitor should know: the rooms, the atmosphere, the rules.",
    )
    image = models.ForeignKey(
        "infopoint.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A photo of the place. Every image has alt text (a short description).",
    )

    street = models.CharField(max_length=120, blank=True)
    house_number = models.CharField(max_length=20, blank=True, help_text="E.g. 12 or 12-bis.")
    postcode = models.CharField(
        max_length=7, blank=True, validators=[validate_postcode], help_text="E.g. 3521 AZ."
    )
    city = models.CharField(max_length=80, default="Utrecht")
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Click the map below to set it, or type it, e.g. 52.06170.",
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="E.g. 5.13920.",
    )

    phone = models.CharField(max_length=30, blank=True, help_text="E.g. 030 123 45 67.")
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)

    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="The largest group that fits (people). Leave empty if you do not know.",
    )
    facilities = ParentalManyToManyField(
        Facility, blank=True, related_name="venues", help_text="Tick everything the place has."
    )
    accessibility_features = ParentalManyToManyField(
        AccessibilityFeature,
        blank=True,
        related_name="venues",
        help_text="Tick only what you have checked yourself.",
    )
    accessibility_notes = models.CharField(
        max_length=255,
        blank=True,
        help_text="Anything else, e.g. “The lift is next to the bike shed”.",
    )

    closed_on_public_holidays = models.BooleanField(
        default=True,
        help_text="Closed on Dutch public holidays such as King's Day, unless a dated "
        "exception below says otherwise.",
    )

    price_class = models.CharField(
        max_length=20,
        choices=PriceClass.choices,
        default=PriceClass.ON_REQUEST,
        help_text="What using the place usually costs. Rooms can say more below.",
    )
    booking_info = models.TextField(
        blank=True,
        help_text="How to book: whom to call or mail, how far ahead, what to bring.",
    )
    booking_url = models.URLField(blank=True, help_text="A booking form or page, if there is one.")
    tags = ClusterTaggableManager(through=VenueTag, blank=True)

    is_active = models.BooleanField(
        "open for use",
        default=True,
        help_text="Untick when the place has closed for good: it disappears from the finder.",
    )
    last_checked = models.DateField(
        null=True,
        blank=True,
        help_text="The day someone last checked that this information is right.",
    )

    base_form_class = NeighbourhoodScopedForm

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
        index.FilterField("neighbourhood"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("is_active"),
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
                        heading="What is this place?",
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
                        heading="Where is it?",
                    ),
                    MultiFieldPanel(
                        [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
                        heading="Contact",
                    ),
                    MultiFieldPanel(
                        [FieldPanel("is_active"), FieldPanel("last_checked")],
                        heading="Is this still right?",
                    ),
                ],
                heading="Place",
            ),
            ObjectList(
                [
                    FieldPanel("capacity"),
                    InlinePanel("rooms", heading="Rooms", label="Room"),
                    FieldPanel("facilities", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("accessibility_features", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("accessibility_notes"),
                ],
                heading="Rooms and facilities",
            ),
            ObjectList(
                [
                    HelpPanel(
                        "Add one line per opening period. A place open 9–12 and 13–17 on Monday "
                        "gets two Monday lines. Closing at or before the opening time means "
                        "open past midnight."
                    ),
                    InlinePanel("opening_hours", heading="Weekly opening hours", label="Period"),
                    FieldPanel("closed_on_public_holidays"),
                    InlinePanel(
                        "opening_exceptions",
                        heading="Exceptions on specific dates",
                        label="Exception",
                    ),
                ],
                heading="Opening hours",
            ),
            ObjectList(
                [
                    FieldPanel("price_class"),
                    FieldPanel("booking_info"),
                    FieldPanel("booking_url"),
                ],
                heading="Booking and price",
            ),
        ]
    )

    class Meta(TranslatableMixin.Meta):
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

    @property
    def address(self):
        street = " ".join(part for part in (self.street, self.house_number) if part)
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (street, place) if part)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def is_free(self):
        return self.price_class == PriceClass.FREE

    def get_url(self, request=None):
        """The venue's page under the finder of its neighbourhood, in the current language.

        Listings set `_finder_url` for many venues at once (see venues.queries.attach_urls), so
        this costs no query there.
        """
        finder_url = getattr(self, "_finder_url", None)
        if finder_url is None:
            finder = (
                VenueIndexPage.objects.live()
                .descendant_of(self.neighbourhood.site.root_page.localized)
                .first()
            )
            if finder is None:
                return None
            finder_url = finder.get_url(request)
        return f"{finder_url}{self.slug}/"

    # Opening hours (venues.opening does the work; these read prefetched rows when present).

    def is_open_at(self, at):
        from .opening import is_open_at

        return is_open_at(self, at)

    def is_open_now(self):
        from django.utils import timezone

        return self.is_open_at(timezone.now())

    # Preview in the admin: the same template residents see.

    def get_preview_template(self, request, mode_name):
        return "venues/venue_detail.html"

    def get_preview_context(self, request, mode_name):
        from .views import detail_context

        return detail_context(request, self, page=None)


class VenueRoom(TranslatableMixin, Orderable):
    """A room in a venue, with its own size, price and way of booking.

    Translatable with its venue: its words (name, equipment, tariff, booking) are segments in the
    venue's translation; its capacity and price class follow the Dutch room.
    """

    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(max_length=80, help_text="E.g. “Big hall” or “Kitchen”.")
    capacity = models.PositiveIntegerField(help_text="How many people fit (people).")
    equipment = models.CharField(
        max_length=200, blank=True, help_text="What is in the room, e.g. “Projector, 40 chairs”."
    )
    price_class = models.CharField(
        max_length=20, choices=PriceClass.choices, default=PriceClass.ON_REQUEST
    )
    tariff = models.CharField(
        max_length=120, blank=True, help_text="E.g. “€ 15 per part of day, free for residents”."
    )
    booking = models.CharField(
        max_length=200,
        blank=True,
        help_text="A booking link or contact for this room, if it differs from the venue's.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("capacity")]),
        FieldPanel("equipment"),
        FieldRowPanel([FieldPanel("price_class"), FieldPanel("tariff")]),
        FieldPanel("booking"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return f"{self.name} ({self.capacity})"

    @property
    def booking_is_link(self):
        return self.booking.startswith(("https://", "http://"))


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(Orderable):
    """One weekly opening period: a weekday with an opening and a closing time."""

    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField(help_text="E.g. 09:00.")
    closes = models.TimeField(help_text="E.g. 17:00. At or before the opening time: next day.")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        ordering = ["weekday", "opens"]
        verbose_name_plural = "opening hours"

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningException(TranslatableMixin, Orderable):
    """A dated change to the weekly hours: closed that day, or open at special times.

    Translatable with its venue: the note is a segment; the date and times follow the Dutch one.
    """

    venue = ParentalKey(Venue, on_delete=models.CASCADE, related_name="opening_exceptions")
    date = models.DateField()
    closed = models.BooleanField(
        default=True, help_text="Closed all day. Untick and give times for special hours."
    )
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    note = models.CharField(
        max_length=120, blank=True, help_text="Why, in a few words, e.g. “Renovation”."
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["date", "opens"]

    def __str__(self):
        return f"{self.date}: {'closed' if self.closed else f'{self.opens}–{self.closes}'}"

    def clean(self):
        super().clean()
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                _("Give the special opening and closing times, or tick “closed”.")
            )


# ---------------------------------------------------------------------------------------------
# The finder page


class VenueIndexPage(RoutablePageMixin, SectionPageMixin, Page):
    """The meeting-place finder: residents filter the places they can use and open one.

    A venue's page lives under it at <finder>/<slug>/. On the city portal it lists every
    neighbourhood's places, with a neighbourhood filter.
    """

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    subpage_types = []
    template = "venues/venue_index_page.html"

    @path("")
    def finder(self, request):
        from .views import finder

        return finder(request, self)

    @path("<slug:slug>/")
    def venue_detail(self, request, slug):
        from .views import venue_detail

        return venue_detail(request, self, slug)

    @path("<slug:slug>/report/")
    def report_outdated(self, request, slug):
        from .views import report_outdated

        return report_outdated(request, self, slug)

    def get_sitemap_urls(self, request=None):
        from infopoint.scope import neighbourhood_for_site

        from .queries import venues_in_locale

        urls = super().get_sitemap_urls(request)
        site = self.get_site()
        if site is None or neighbourhood_for_site(site) is None:
            # The portal's finder links to venue pages on the neighbourhood sites.
            return urls
        base = self.get_full_url(request)
        venues = venues_in_locale(self.locale).filter(neighbourhood__site=site, is_active=True)
        # No lastmod: venues keep no modification time, and "last checked" is not one.
        urls.extend(
            {"location": f"{base}{slug}/"} for slug in venues.values_list("slug", flat=True)
        )
        return urls
