from django.db import models
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
        help_text="The information point's name, e.g. “Wijkinformatiepunt Lunetten”.",
    )
    address = models.TextField(
        blank=True, help_text="Street, number, postcode and city, one per line."
    )
    phone = models.CharField(max_length=40, blank=True, help_text="e.g. 030 123 45 67")
    email = models.EmailField(blank=True, help_text="Where residents can e-mail the team.")
    opening_hours = models.TextField(
        blank=True,
        help_text="When residents can walk in, one line per day, e.g. “Dinsdag 10.00–12.00 uur”.",
    )
    facebook_url = models.URLField(blank=True, help_text="Link to the Facebook page, if any.")
    instagram_url = models.URLField(blank=True, help_text="Link to the Instagram page, if any.")
    mastodon_url = models.URLField(blank=True, help_text="Link to the Mastodon account, if any.")
    whatsapp_url = models.URLField(
        blank=True, help_text="Link to the WhatsApp channel or community, if any."
    )
    logo = models.ForeignKey(
        "infopoint.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown beside the site name; its alt text is read out to screen-reader users.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default=DEFAULT_ACCENT_COLOUR,
        validators=[validate_accent_colour],
        help_text=(
            "The colour of the header, as #rrggbb. It must be dark enough for white text "
            "(a contrast of at least 4.5:1); a colour that is too light is refused."
        ),
    )
    footer_text = models.TextField(
        blank=True, help_text="A line or two at the bottom of every page, e.g. who supports you."
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
            heading="Contact and opening hours",
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("whatsapp_url"),
            ],
            heading="Social media",
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("accent_colour"), FieldPanel("footer_text")],
            heading="Look and footer",
        ),
    ]

    class Meta:
        verbose_name = "information point"

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
