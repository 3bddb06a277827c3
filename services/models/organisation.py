"""An organisation that offers help: the municipality's buurtteam, a welfare organisation, a
volunteer group, a resident initiative."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from infopoint.permissions import NeighbourhoodScopedForm

from ..vocabulary import OrganisationKind


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """Who offers a service, described once and linked from each of its services.

    Residents read its name and contact on a service's page; the HSDS export lists it as an
    `organization`.
    """

    name = models.CharField(
        max_length=150,
        help_text=_("The name residents know, e.g. “Buurtteam Lunetten”."),
        verbose_name=_("name"),
    )
    slug = models.SlugField(
        max_length=80,
        help_text=_("A short code for links and exports, e.g. buurtteam-lunetten."),
        verbose_name=_("slug"),
    )
    kind = models.CharField(
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.WELFARE,
        help_text=_("What sort of organisation this is."),
        verbose_name=_("kind"),
    )
    neighbourhood = models.ForeignKey(
        "infopoint.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("The neighbourhood whose editors keep this organisation up to date."),
        verbose_name=_("neighbourhood"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("What the organisation does, in two or three plain sentences."),
        verbose_name=_("description"),
    )
    phone = models.CharField(
        max_length=30, blank=True, help_text=_("E.g. 030 123 45 67."), verbose_name=_("phone")
    )
    email = models.EmailField(blank=True, verbose_name=_("email"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    contact_bounced_on = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "The day a message to this organisation came back or its number no longer worked. "
            "Its services are then on the dashboard; clear this once the contact is right."
        ),
        verbose_name=_("contact bounced on"),
    )

    base_form_class = NeighbourhoodScopedForm

    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("contact_bounced_on"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("neighbourhood"),
        index.FilterField("locale"),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("neighbourhood")]),
                FieldPanel("description"),
            ],
            heading=_("Who is it?"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("contact_bounced_on"),
            ],
            heading=_("Contact"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_organisation_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name
