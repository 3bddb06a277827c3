"""The “Submit an event” page of a neighbourhood; the form itself is handled in views."""

from django.db.models import Subquery
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from infopoint.models import IntroMixin, Neighbourhood

from .. import views


class EventSubmissionPage(RoutablePageMixin, IntroMixin, Page):  # noqa: DJ008 - Page gives __str__
    """“Submit an event”: residents hand in an activity without an account.

    Each submission becomes a draft event in this neighbourhood that a moderator approves before
    it appears in the agenda. The form itself is fixed; editors write the texts around it.
    """

    confirmation_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What residents read after sending, e.g. when a moderator looks at it."),
        verbose_name=_("confirmation text"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("confirmation_text"),
    ]
    parent_page_types = ["home.HomePage", "home.PortalPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "submissions/event_submission_page.html"

    class Meta:
        verbose_name_plural = _("submit-an-event pages")
        verbose_name = _("submit-an-event page")

    def neighbourhood(self):
        """The neighbourhood whose home this page lives under (in any of its languages)."""
        home_key = Page.objects.filter(path=self.path[: Page.steplen * 2]).values("translation_key")
        return (
            Neighbourhood.objects.filter(site__root_page__translation_key=Subquery(home_key))
            .select_related("collection")
            .first()
        )

    @path("")
    def submit(self, request):
        if self.neighbourhood() is None:  # on the portal: first choose the neighbourhood
            return views.choose_neighbourhood(request, self)
        return views.submit(request, self)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return TemplateResponse(
            request,
            "submissions/event_submission_thanks.html",
            self.get_context(request),
        )
