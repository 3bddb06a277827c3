from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Site


class Neighbourhood(models.Model):
    """A neighbourhood with its own site, editors and images.

    Venues and events belong to exactly one neighbourhood. The city portal is the one site without a
    neighbourhood: its listings show the whole city.
    """

    name = models.CharField(
        max_length=100, unique=True, help_text=_("For example: Lunetten."), verbose_name=_("name")
    )
    slug = models.SlugField(
        max_length=50,
        unique=True,
        help_text=_("Used in host names and links, e.g. lunetten."),
        verbose_name=_("slug"),
    )
    site = models.OneToOneField(
        Site, on_delete=models.PROTECT, related_name="neighbourhood", verbose_name=_("site")
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        default=52.09074,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Centre of the neighbourhood map (latitude)."),
        verbose_name=_("latitude"),
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        default=5.12142,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Centre of the neighbourhood map (longitude)."),
        verbose_name=_("longitude"),
    )
    editors = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="edits_neighbourhood",
        verbose_name=_("editors"),
    )
    moderators = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="moderates_neighbourhood",
        verbose_name=_("moderators"),
    )
    collection = models.OneToOneField(
        Collection,
        on_delete=models.PROTECT,
        related_name="neighbourhood",
        verbose_name=_("collection"),
    )

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def home_page(self):
        return self.site.root_page
