from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
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

HEADING_HELP = "Leave empty for the standard heading."


def _show(default_label):
    return models.BooleanField(default=True, help_text=f"Show “{default_label}” on the home page.")


def _heading():
    return models.CharField(max_length=80, blank=True, help_text=HEADING_HELP)


def _count(default, maximum, help_text):
    return models.PositiveSmallIntegerField(
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(maximum)],
        help_text=help_text,
    )


class HomeSectionsMixin(models.Model):
    """The home page's sections: each one can be hidden or retitled by editors."""

    show_this_week = _show("This week")
    this_week_heading = _heading()
    this_week_count = _count(5, 20, "How many upcoming activities to show (1–20).")
    show_news = _show("Latest news")
    news_heading = _heading()
    news_count = _count(3, 12, "How many news items to show (1–12).")
    show_featured_venues = _show("Meeting places")
    featured_venues_heading = _heading()

    sections_panels = [
        MultiFieldPanel(
            [
                FieldPanel("show_this_week"),
                FieldPanel("this_week_heading"),
                FieldPanel("this_week_count"),
            ],
            heading="This week",
        ),
        MultiFieldPanel(
            [FieldPanel("show_news"), FieldPanel("news_heading"), FieldPanel("news_count")],
            heading="Latest news",
        ),
        MultiFieldPanel(
            [
                FieldPanel("show_featured_venues"),
                FieldPanel("featured_venues_heading"),
                InlinePanel("featured_venues", label="Meeting place", max_num=6),
            ],
            heading="Featured meeting places",
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
        default=True, help_text="Show the guide topics on the home page."
    )
    guide_topics_heading = _heading()
    show_contact = models.BooleanField(
        default=True,
        help_text="Show the information point's address, contact and opening hours "
        "(from Settings → Information point).",
    )
    contact_heading = _heading()

    content_panels = (
        Page.content_panels
        + IntroMixin.content_panels
        + HomeSectionsMixin.sections_panels
        + [
            MultiFieldPanel(
                [FieldPanel("show_guide_topics"), FieldPanel("guide_topics_heading")],
                heading="Guide topics",
            ),
            MultiFieldPanel(
                [FieldPanel("show_contact"), FieldPanel("contact_heading")],
                heading="Contact and opening hours",
            ),
        ]
    )


class PortalPage(HomeSectionsMixin, IntroMixin, Page):  # noqa: DJ008 - Page gives __str__
    """The city portal's front page: every neighbourhood, with city-wide highlights."""

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
        help_text="Choose a meeting place to show on the home page.",
    )

    panels = [FieldPanel("venue")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured meeting place")
