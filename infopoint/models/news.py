import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from infopoint.blocks import BodyBlock
from infopoint.feeds import NewsAtomFeed, NewsRssFeed
from infopoint.scope import is_on_portal, public, site_id_for, site_names
from infopoint.translation import attach_hrefs, in_language_or_dutch, pages_in_language_or_dutch

from .mixins import IntroMixin, SectionPageMixin

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, SectionPageMixin, Page):
    """The neighbourhood's news (on the portal: the whole city's), with RSS and Atom feeds."""

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    subpage_types = ["infopoint.NewsPage"]
    content_panels = Page.content_panels + SectionPageMixin.content_panels

    @cached_property
    def city_wide(self):
        return is_on_portal(self)

    def news_items(self):
        """Live news of this neighbourhood, or of the whole city on the portal, newest first."""
        items = public(NewsPage.objects.live())
        # News not translated into this language yet is listed in Dutch.
        if self.city_wide:
            items = in_language_or_dutch(items, self.locale, translations=NewsPage.objects.live())
            self._dutch_source = None
        else:
            items, self._dutch_source = pages_in_language_or_dutch(items, self)
        return items.order_by("-date", "-first_published_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.news_items()
        tags = list(
            Tag.objects.filter(infopoint_newspagetag_items__content_object__in=items)
            .distinct()
            .order_by("name")
        )
        current_tag = next((tag for tag in tags if tag.slug == request.GET.get("tag")), None)
        if current_tag is not None:
            items = items.filter(tagged_items__tag=current_tag)
        elif request.GET.get("tag"):
            # A tag nobody uses (or a mistyped link) shows an empty list, never an error.
            items = items.none()
        page_obj = Paginator(items.defer_streamfields(), NEWS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context.update(
            news_page=page_obj,
            tags=tags,
            current_tag=current_tag,
            unknown_tag=current_tag is None and bool(request.GET.get("tag")),
            city_wide=self.city_wide,
        )
        attach_hrefs(list(page_obj), self, getattr(self, "_dutch_source", None), request)
        if self.city_wide:
            names = site_names()
            for item in page_obj:
                item.site_name = names.get(site_id_for(item, request), "")
        return context

    @path("feed/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "infopoint.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPageRelatedLink(Orderable):
    """A link under a news item to read more: a page on this site or another website."""

    page = ParentalKey("infopoint.NewsPage", related_name="related_links", on_delete=models.CASCADE)
    title = models.CharField(
        max_length=120, help_text=_("The link text, e.g. “Aanmelden”."), verbose_name=_("title")
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page on this site…"),
        verbose_name=_("link page"),
    )
    link_url = models.URLField(
        blank=True, help_text=_("…or the address of another website."), verbose_name=_("link url")
    )

    panels = [FieldPanel("title"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    def clean(self):
        if bool(self.link_page) == bool(self.link_url):
            raise ValidationError(_("Choose a page or enter a web address (one of the two)."))

    def url(self, request=None):
        return self.link_page.get_url(request) if self.link_page else self.link_url


def _today():
    return timezone.localdate()


class NewsPage(IntroMixin, Page):
    """A news item: what happened or is about to happen in the neighbourhood."""

    parent_page_types = ["infopoint.NewsIndexPage"]
    subpage_types = []

    date = models.DateField(
        default=_today,
        help_text=_("The date residents see on the news item."),
        verbose_name=_("date"),
    )
    image = models.ForeignKey(
        "infopoint.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A picture at the top; its alt text is read out to screen-reader users."),
        verbose_name=_("image"),
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text=_("The news item itself."), verbose_name=_("body")
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        help_text=_("Words residents can filter on, e.g. “afval”, “energie”, “jongeren”."),
        verbose_name=_("tags"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("intro"), FieldPanel("image")], heading=_("Summary")
        ),
        FieldPanel("body"),
        InlinePanel("related_links", heading=_("Related links"), label=_("Link")),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("tags")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name_plural = _("news items")
        verbose_name = _("news item")

    def published_at(self):
        """When the item counts as published: its date, at the first publication's time that day."""
        first = self.first_published_at and timezone.localtime(self.first_published_at)
        if first and first.date() == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(9)))

    def meta_image(self):
        return self.image
