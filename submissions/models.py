from django.db import models
from django.db.models import Subquery
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from infopoint.models import IntroMixin


class EventSubmissionPage(RoutablePageMixin, IntroMixin, Page):  # noqa: DJ008 - Page gives __str__
    """“Submit an event”: residents hand in an activity without an account.

    Each submission becomes a draft event in this neighbourhood that a moderator approves before
    it appears in the agenda. The form itself is fixed; editors write the texts around it.
    """

    confirmation_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="What residents read after sending, e.g. when a moderator looks at it.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("confirmation_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "submissions/event_submission_page.html"

    class Meta:
        verbose_name = _("submit-an-event page")

    def neighbourhood(self):
        """The neighbourhood whose home this page lives under (in any of its languages)."""
        from infopoint.models import Neighbourhood

        home_key = Page.objects.filter(path=self.path[: Page.steplen * 2]).values("translation_key")
        return (
            Neighbourhood.objects.filter(site__root_page__translation_key=Subquery(home_key))
            .select_related("collection")
            .first()
        )

    @path("")
    def submit(self, request):
        from .forms import EventSubmissionForm
        from .handling import RequestTooLarge, read_post, save_submission, submission_rate_limit

        neighbourhood = self.neighbourhood()
        if neighbourhood is None:
            raise Http404("This page is not part of a neighbourhood.")
        context = {"neighbourhood": neighbourhood}
        status = 200
        form = EventSubmissionForm(page=self, neighbourhood=neighbourhood)
        if request.method == "POST":
            limit = submission_rate_limit(self)
            try:
                data, files = read_post(request)
            except RequestTooLarge:
                # The input cannot be read back, so the form starts empty, with the reason why.
                context["problem"] = "too_large"
                status = 413
            else:
                form = EventSubmissionForm(data, files, page=self, neighbourhood=neighbourhood)
                if limit.exceeded(request):
                    context["problem"] = "rate_limited"
                    status = 429
                elif form.is_valid():
                    save_submission(form, self, neighbourhood, request)
                    limit.count(request)
                    thanks = self.reverse_subpage("thanks")
                    return HttpResponseRedirect(f"{self.get_url(request)}{thanks}")
                else:
                    status = 400
        form.describe_errors()
        context["form"] = form
        response = self.render(request, context_overrides=context)
        response.status_code = status
        return response

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return TemplateResponse(
            request,
            "submissions/event_submission_thanks.html",
            self.get_context(request),
        )


class EventSubmission(models.Model):
    """Who handed in an event: kept for the moderator, never shown on the site or in feeds."""

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="submission",
        help_text="The draft event this submission created.",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(
        _("language"),
        max_length=10,
        help_text="The language the resident used on the form.",
    )
    client = models.CharField(
        max_length=32,
        editable=False,
        help_text="A hash of the sender's address, to spot floods (never the address itself).",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("resident submission")
        verbose_name_plural = _("resident submissions")

    def __str__(self):
        return f"{self.event} ({self.name})"
