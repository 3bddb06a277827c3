"""The words that describe venues: editable vocabularies (facilities, accessibility) and fixed
choices (kinds of place, price classes, weekdays)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class VocabularyTerm(TranslatableMixin, models.Model):
    """A term of a controlled, editable vocabulary (a facility or an accessibility feature)."""

    name = models.CharField(
        max_length=100,
        help_text=_("The name residents see, e.g. “Kitchen”."),
        verbose_name=_("name"),
    )
    slug = models.SlugField(
        max_length=60,
        help_text=_("A stable code used in links and imports, e.g. step-free."),
        verbose_name=_("slug"),
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
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_facility_slug")
        ]


class AccessibilityFeature(VocabularyTerm):
    """How a venue is accessible: step-free entrance, accessible toilet, hearing loop, …"""

    # The agenda's "step-free venue" filter and the finder rely on this code.
    STEP_FREE = "step-free"

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_accessibility_feature_slug"
            )
        ]


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


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
