from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from infopoint.models import SectionPageMixin


class VenueIndexPage(SectionPageMixin, Page):
    """The meeting-place finder: rooms and places residents can use."""

    content_panels = Page.content_panels + SectionPageMixin.content_panels
    template = "infopoint/section_placeholder.html"


class VocabularyTerm(TranslatableMixin, models.Model):
    """A term of a controlled, editable vocabulary (a facility or an accessibility feature)."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=60, help_text="A stable code used in links and imports, e.g. step-free."
    )

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


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """A place to meet, work or do things, described once and reused by every event held there."""

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("neighbourhood"),
        index.FilterField("locale"),
    ]

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80)
    neighbourhood = models.ForeignKey(
        "infopoint.Neighbourhood", on_delete=models.PROTECT, related_name="venues"
    )
    street = models.CharField(max_length=120, blank=True)
    house_number = models.CharField(max_length=20, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    city = models.CharField(max_length=80, default="Utrecht")
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    facilities = models.ManyToManyField(Facility, blank=True, related_name="venues")
    accessibility_features = models.ManyToManyField(
        AccessibilityFeature, blank=True, related_name="venues"
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_venue_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def get_url(self, request=None):
        """The venue's page under the finder of its neighbourhood, in the current language."""
        finder = (
            VenueIndexPage.objects.live()
            .descendant_of(self.neighbourhood.site.root_page.localized)
            .first()
        )
        if finder is None:
            return None
        return f"{finder.get_url(request)}{self.slug}/"
