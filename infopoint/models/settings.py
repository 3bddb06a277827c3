from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from infopoint.colours import validate_accent_colour

DEFAULT_ACCENT_COLOUR = "#1d5c4d"


@register_setting(icon="site")
class InformationPointSettings(BaseSiteSetting):
    """Who runs this neighbourhood's information point and how residents reach it.

    Shown on the home page and in the footer of every page of the site.
    """

    select_related = ["logo"]

    name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The information point's name, e.g. “Wijkinformatiepunt Lunetten”."),
        verbose_name=_("name"),
    )
    address = models.TextField(
        blank=True,
        help_text=_("Street, number, postcode and city, one per line."),
        verbose_name=_("address"),
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text=_("e.g. 030 123 45 67"), verbose_name=_("phone")
    )
    email = models.EmailField(
        blank=True, help_text=_("Where residents can e-mail the team."), verbose_name=_("email")
    )
    opening_hours = models.TextField(
        blank=True,
        help_text=_(
            "When residents can walk in, one line per day, e.g. “Dinsdag 10.00–12.00 uur”."
        ),
        verbose_name=_("opening hours"),
    )
    facebook_url = models.URLField(
        blank=True,
        help_text=_("Link to the Facebook page, if any."),
        verbose_name=_("facebook url"),
    )
    instagram_url = models.URLField(
        blank=True,
        help_text=_("Link to the Instagram page, if any."),
        verbose_name=_("instagram url"),
    )
    mastodon_url = models.URLField(
        blank=True,
        help_text=_("Link to the Mastodon account, if any."),
        verbose_name=_("mastodon url"),
    )
    whatsapp_url = models.URLField(
        blank=True,
        help_text=_("Link to the WhatsApp channel or community, if any."),
        verbose_name=_("whatsapp url"),
    )
    logo = models.ForeignKey(
        "infopoint.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the site name; its alt text is read out to screen-reader users."),
        verbose_name=_("logo"),
    )
    accent_colour = models.CharField(
        max_length=7,
        default=DEFAULT_ACCENT_COLOUR,
        validators=[validate_accent_colour],
        help_text=(
            _(
                "The colour of the header, as #rrggbb. It must be dark enough for white text "
                "(a contrast of at least 4.5:1); a colour that is too light is refused."
            )
        ),
        verbose_name=_("accent colour"),
    )
    footer_text = models.TextField(
        blank=True,
        help_text=_("A line or two at the bottom of every page, e.g. who supports you."),
        verbose_name=_("footer text"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact and opening hours"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("whatsapp_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("accent_colour"), FieldPanel("footer_text")],
            heading=_("Look and footer"),
        ),
    ]

    class Meta:
        verbose_name_plural = _("information points")
        verbose_name = _("information point")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in [
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("Mastodon", self.mastodon_url),
                ("WhatsApp", self.whatsapp_url),
            ]
            if url
        ]
