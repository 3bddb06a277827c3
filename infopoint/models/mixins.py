from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

META_DESCRIPTION_LENGTH = 160


class IntroMixin(models.Model):
    """A short introduction shown at the top of a page."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences that tell residents what they find on this page."),
        verbose_name=_("intro"),
    )

    content_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True

    @property
    def intro_text(self):
        """The introduction as plain text (for feeds, search results and meta descriptions)."""
        return " ".join(strip_tags(self.intro).split())

    @property
    def meta_description(self):
        """What search engines and link previews show: the editor's own, else the intro."""
        description = self.search_description or self.intro_text
        return Truncator(description).chars(META_DESCRIPTION_LENGTH)


class SectionPageMixin(IntroMixin):
    """A standard section of a neighbourhood (agenda, venues, news, guides, search).

    One of each per home page; they live directly under a neighbourhood's home or the portal.
    """

    parent_page_types = ["home.HomePage", "home.PortalPage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
