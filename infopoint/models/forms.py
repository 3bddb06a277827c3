import logging

import django.forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..antispam import HONEYPOT_FIELD, RateLimit, honeypot_field
from .mixins import IntroMixin

logger = logging.getLogger(__name__)

# Residents write short messages; anything longer is almost always spam or a mistake.
SINGLE_LINE_MAX_LENGTH = 200
MULTI_LINE_MAX_LENGTH = 4000
# How many messages one address may send to one form in a window (seconds).


class FormField(TranslatableMixin, AbstractFormField):
    """A field of a contact form. Translatable with its page: label, help text and choices are
    segments; the name stays the Dutch one, so a message's keys are the same in every language."""

    page = ParentalKey("infopoint.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    override_translatable_fields = [SynchronizedField("clean_name", overridable=False)]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
        pass


class LimitedFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits on free text."""

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLE_LINE_MAX_LENGTH
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTI_LINE_MAX_LENGTH
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 6}))
        return django.forms.CharField(**options)

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = honeypot_field()
        return fields

    def get_form_class(self):
        form_class = super().get_form_class()

        def clean_honeypot(form):
            if form.cleaned_data.get(HONEYPOT_FIELD):
                raise django.forms.ValidationError(
                    _("Your message could not be sent."), code="honeypot"
                )
            return ""

        form_class.honeypot_name = HONEYPOT_FIELD
        setattr(form_class, f"clean_{HONEYPOT_FIELD}", clean_honeypot)
        return form_class


class FormPage(IntroMixin, AbstractEmailForm):
    """A contact form. Every message is stored first; e-mail is only a notification.

    Read the messages under “Forms” in the admin, even when e-mail was not delivered.
    """

    parent_page_types = ["home.HomePage", "home.PortalPage", "infopoint.StandardPage"]
    subpage_types = []
    form_builder = LimitedFormBuilder
    template = "infopoint/form_page.html"
    landing_page_template = "infopoint/form_page_landing.html"

    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What residents read after sending, e.g. when they can expect an answer."),
        verbose_name=_("thank you text"),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail a copy of each message (optional)"),
        ),
    ]

    class Meta:
        verbose_name_plural = _("contact forms")
        verbose_name = _("contact form")

    @property
    def rate_limit(self):
        return RateLimit(f"contact-rate:{self.pk}", *settings.CONTACT_RATE_LIMIT)

    def rate_limited(self, request):
        return self.rate_limit.exceeded(request)

    def count_submission(self, request):
        self.rate_limit.count(request)

    def process_form_submission(self, form):
        """Store the message, then try to e-mail it; a mail failure loses nothing."""
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                # The message is safe in the database; editors read it in the admin.
                logger.exception(
                    "Contact form %s: stored submission %s, e-mail failed", self.pk, submission.pk
                )
        return submission

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and self.rate_limited(request):
            context = self.get_context(request)
            context["form"] = self.get_form(request.POST, page=self, user=request.user)
            context["rate_limited"] = True
            return TemplateResponse(request, self.get_template(request), context, status=429)
        response = super().serve(request, *args, **kwargs)
        if request.method == "POST" and "form_submission" in (response.context_data or {}):
            self.count_submission(request)
        elif request.method == "POST":
            response.status_code = 400
        return response
