from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField


class IntroMixin(models.Model):
    """A short introduction shown at the top of a page."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences that tell residents what they find on this page.",
    )

    content_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True


class SectionPageMixin(IntroMixin):
    """A standard section of a neighbourhood (agenda, venues, news, guides, search).

    One of each per home page; they live directly under a neighbourhood's home or the portal.
    """

    parent_page_types = ["home.HomePage", "home.PortalPage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
