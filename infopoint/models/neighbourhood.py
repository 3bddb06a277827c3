from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.models import Collection, Site


class Neighbourhood(models.Model):
    """A neighbourhood with its own site, editors and images.

    Venues and events belong to exactly one neighbourhood. The city portal is the one site without a
    neighbourhood: its listings show the whole city.
    """

    name = models.CharField(max_length=100, unique=True, help_text="For example: Lunetten.")
    slug = models.SlugField(
        max_length=50, unique=True, help_text="Used in host names and links, e.g. lunetten."
    )
    site = models.OneToOneField(Site, on_delete=models.PROTECT, related_name="neighbourhood")
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        default=52.09074,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Centre of the neighbourhood map (latitude).",
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        default=5.12142,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Centre of the neighbourhood map (longitude).",
    )
    editors = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="edits_neighbourhood"
    )
    moderators = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="moderates_neighbourhood"
    )
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, related_name="neighbourhood"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def home_page(self):
        return self.site.root_page
