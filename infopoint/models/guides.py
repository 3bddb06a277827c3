import datetime
from itertools import groupby

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from infopoint.blocks import GuideBodyBlock, faq_json_ld
from infopoint.reports import report_view
from infopoint.scope import (
    is_on_portal,
    neighbourhood_for_site,
    public,
    site_id_for,
    site_names,
)
from infopoint.translation import attach_hrefs, in_language_or_dutch, pages_in_language_or_dutch

from .mixins import IntroMixin, SectionPageMixin

# A guide not checked for this long shows up in the admin's "Guides to review" report.
REVIEW_AFTER = datetime.timedelta(days=365)

TOPICS = [
    ("money", _("Money and bills")),
    ("living", _("Housing and waste")),
    ("care", _("Health and care")),
    ("language", _("Language and learning")),
    ("meeting", _("Meeting people")),
    ("participation", _("Having your say")),
    ("other", _("Other")),
]
TOPIC_LABELS = dict(TOPICS)


class GuideIndexPage(SectionPageMixin, Page):
    """Practical guides: “where do I get help with…?”, grouped by topic."""

    class Meta:
        verbose_name = _("guide index page")
        verbose_name_plural = _("guide index pages")

    subpage_types = ["infopoint.GuidePage"]
    content_panels = Page.content_panels + SectionPageMixin.content_panels

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        order = {code: position for position, (code, _label) in enumerate(TOPICS)}
        # Guides not translated into this language yet are listed in Dutch; the portal lists
        # every neighbourhood's guides, each labelled by its neighbourhood.
        city_wide = is_on_portal(self)
        if city_wide:
            guides = in_language_or_dutch(
                public(GuidePage.objects.live()), translations=GuidePage.objects.live()
            )
            dutch = None
        else:
            guides, dutch = pages_in_language_or_dutch(public(GuidePage.objects.live()), self)
        guides = sorted(
            guides.only("title", "url_path", "intro", "topic", "path", "depth", "locale_id"),
            key=lambda guide: (order.get(guide.topic, len(order)), guide.title.lower()),
        )
        attach_hrefs(guides, self, dutch, request)
        if city_wide:
            names = site_names()
            for guide in guides:
                guide.site_name = names.get(site_id_for(guide, request), "")
        context["topics"] = [
            {"code": code, "label": TOPIC_LABELS.get(code, code), "guides": list(items)}
            for code, items in groupby(guides, key=lambda guide: guide.topic)
        ]
        return context


def _today():
    return timezone.localdate()


class GuidePage(RoutablePageMixin, IntroMixin, Page):
    """A practical guide that answers one question, kept current by checking it once a year.

    Residents who find something out of date say so at <guide>/report/ (infopoint.reports).
    """

    parent_page_types = ["infopoint.GuideIndexPage"]
    subpage_types = []

    topic = models.CharField(
        max_length=20,
        choices=TOPICS,
        default="other",
        help_text=_("Guides are grouped by topic on the guides page and the home page."),
        verbose_name=_("topic"),
    )
    body = StreamField(
        GuideBodyBlock(),
        blank=True,
        help_text=_("Build the guide from steps, questions, contacts, venues and events."),
        verbose_name=_("body"),
    )
    last_checked = models.DateField(
        default=_today,
        help_text=(
            _(
                "The day someone last checked that everything in this guide is still right. "
                "Guides not checked for a year appear in the “Guides to review” report."
            )
        ),
        verbose_name=_("last checked"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("topic"), FieldPanel("intro")], heading=_("Summary")),
        FieldPanel("body"),
        FieldPanel("last_checked"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("last_checked"),
    ]

    class Meta:
        verbose_name_plural = _("guides")
        verbose_name = _("guide")

    @property
    def topic_label(self):
        return TOPIC_LABELS.get(self.topic, self.topic)

    @property
    def needs_review(self):
        return self.last_checked < timezone.localdate() - REVIEW_AFTER

    @classmethod
    def due_for_review(cls, today=None):
        today = today or timezone.localdate()
        return cls.objects.filter(last_checked__lt=today - REVIEW_AFTER)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["faq_json_ld"] = faq_json_ld(self.body)
        return context

    @path("report/", name="report")
    def report_outdated(self, request):
        neighbourhood = neighbourhood_for_site(Site.find_for_request(request))
        return report_view(
            request,
            self,
            subject_name=self.title,
            # Where the visitor read it: in their language's site, also when it is Dutch text.
            subject_url=request.path.removesuffix("report/"),
            neighbourhood=neighbourhood,
            store=lambda **fields: self.reports.create(neighbourhood=neighbourhood, **fields),
        )
