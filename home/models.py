from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from infopoint.models import IntroMixin, Neighbourhood

from .sections import home_sections

SECTION_PAGE_TYPES = [
    "events.EventIndexPage",
    "venues.VenueIndexPage",
    "infopoint.NewsIndexPage",
    "infopoint.GuideIndexPage",
    "infopoint.SearchPage",
]
# Besides the standard sections, a home page holds lasting pages (about, privacy, …) and forms.
HOME_SUBPAGE_TYPES = SECTION_PAGE_TYPES + ["infopoint.StandardPage", "infopoint.FormPage"]

HEADING_HELP = _("Leave empty for the standard heading.")


def _show(section, verbose_name):
    return models.BooleanField(
        default=True,
        verbose_name=verbose_name,
        help_text=format_lazy(_("Show “{section}” on the home page."), section=section),
    )


def _heading(verbose_name):
    return models.CharField(
        max_length=80, blank=True, verbose_name=verbose_name, help_text=HEADING_HELP
    )


def _count(default, maximum, help_text, verbose_name):
    return models.PositiveSmallIntegerField(
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(maximum)],
        verbose_name=verbose_name,
        help_text=help_text,
    )


class HomeSectionsMixin(models.Model):
    """The home page's sections: each one can be hidden or retitled by editors."""

    show_this_week = _show(_("This week"), _("show this week"))
    this_week_heading = _heading(_("heading of this week"))
    this_week_count = _count(
        5, 20, _("How many upcoming activities to show (1–20)."), _("number of activities")
    )
    show_news = _show(_("Latest news"), _("show news"))
    news_heading = _heading(_("heading of the news"))
    news_count = _count(3, 12, _("How many news items to show (1–12)."), _("number of news items"))
    show_featured_venues = _show(_("Meeting places"), _("show featured meeting places"))
    featured_venues_heading = _heading(_("heading of the meeting places"))

    sections_panels = [
        MultiFieldPanel(
            [
                FieldPanel("show_this_week"),
                FieldPanel("this_week_heading"),
                FieldPanel("this_week_count"),
            ],
            heading=_("This week"),
        ),
        MultiFieldPanel(
            [FieldPanel("show_news"), FieldPanel("news_heading"), FieldPanel("news_count")],
            heading=_("Latest news"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("show_featured_venues"),
                FieldPanel("featured_venues_heading"),
                InlinePanel("featured_venues", label=_("Meeting place"), max_num=6),
            ],
            heading=_("Featured meeting places"),
        ),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self, request))
        return context


class HomePage(HomeSectionsMixin, IntroMixin, Page):  # noqa: DJ008 - Page gives __str__
    """The front page of one neighbourhood: the root of its site."""

    parent_page_types = ["wagtailcore.Page"]
    # Residents submit events to a neighbourhood; the portal has no agenda of its own to fill.
    subpage_types = HOME_SUBPAGE_TYPES + ["submissions.EventSubmissionPage"]

    show_guide_topics = models.BooleanField(
        default=True,
        help_text=_("Show the guide topics on the home page."),
        verbose_name=_("show guide topics"),
    )
    guide_topics_heading = _heading(_("heading of the guide topics"))
    show_contact = models.BooleanField(
        default=True,
        help_text=_(
            "Show the information point's address, contact and opening hours "
            "(from Settings → Information point)."
        ),
        verbose_name=_("show contact"),
    )
    contact_heading = _heading(_("heading of the contact details"))

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + HomeSectionsMixin.sections_panels
        + [
            MultiFieldPanel(
                [FieldPanel("show_guide_topics"), FieldPanel("guide_topics_heading")],
                heading=_("Guide topics"),
            ),
            MultiFieldPanel(
                [FieldPanel("show_contact"), FieldPanel("contact_heading")],
                heading=_("Contact and opening hours"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class PortalPage(HomeSectionsMixin, IntroMixin, Page):  # noqa: DJ008 - Page gives __str__
    """The city portal's front page: every neighbourhood, with city-wide highlights."""

    class Meta:
        verbose_name = _("portal page")
        verbose_name_plural = _("portal pages")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = HOME_SUBPAGE_TYPES
    content_panels = (
        Page.content_panels + IntroMixin.content_panels + HomeSectionsMixin.sections_panels
    )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["neighbourhoods"] = Neighbourhood.objects.select_related("site")
        return context


class FeaturedVenue(Orderable):
    """A meeting place the editors put on the home page."""

    page = ParentalKey("wagtailcore.Page", related_name="featured_venues", on_delete=models.CASCADE)
    venue = models.ForeignKey(
        "venues.Venue",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose a meeting place to show on the home page."),
        verbose_name=_("venue"),
    )

    panels = [FieldPanel("venue")]

    class Meta(Orderable.Meta):
        verbose_name_plural = _("featured meeting places")
        verbose_name = _("featured meeting place")
