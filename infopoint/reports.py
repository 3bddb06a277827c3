"""Residents tell the editors what is out of date: one form, one flow, one dashboard shape.

The flow is the same for whatever a report is about (a venue, a guide): the report is stored
first, mailed to the neighbourhood's editors after, and the resident is thanked either way, so
a mail server that is down loses nothing. Editors see open reports on their dashboard
(`infopoint.dashboard.ReportsPanel`) and mark them done (`mark_done`) if they may change what
the report is about.
A flood is limited per neighbourhood: what it would fill is the editors' mailboxes.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .antispam import HONEYPOT_FIELD, RateLimit, honeypot_field

logger = logging.getLogger(__name__)


class ReportForm(forms.Form):
    """A resident tells the editors what is out of date."""

    message = forms.CharField(
        label=_("What is not right?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_("For example: the opening hours changed, or the lift is out of order."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_("Only if you would like an answer."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = honeypot_field()


def editor_addresses(neighbourhood):
    """Who hears of a report: the neighbourhood's editors and moderators, else the city's
    administrators (ADMINS), else the sender address, so a report always goes somewhere."""
    addresses = []
    if neighbourhood is not None:
        users = get_user_model().objects.filter(
            groups__in=[neighbourhood.editors_id, neighbourhood.moderators_id], is_active=True
        )
        addresses = sorted(set(users.exclude(email="").values_list("email", flat=True)))
    return addresses or [a for _name, a in settings.ADMINS] or [settings.DEFAULT_FROM_EMAIL]


def mail_report(report):
    """Tell the editors; a failure is logged, never raised (the report is already stored)."""
    neighbourhood = report.neighbourhood_of_subject()
    base = settings.WAGTAILADMIN_BASE_URL
    body = (
        f"Someone reported outdated information about “{report.subject_name}”.\n\n"
        f"{report.message}\n\n"
        f"Reply to: {report.email or '(no address given)'}\n"
        f"Put it right: {base}{report.edit_url()}\n"
        f"Mark the report done on the dashboard: {base}{reverse('wagtailadmin_home')}\n"
    )
    prefix = f"[{neighbourhood.name}] " if neighbourhood else ""
    try:
        send_mail(
            f"{prefix}Outdated information: {report.subject_name}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            editor_addresses(neighbourhood),
        )
    except Exception:
        logger.exception("%s %s stored but not mailed", type(report).__name__, report.pk)


def report_view(request, page, *, subject_name, subject_url, neighbourhood, store):
    """The report form about one thing, shown inside `page` (which serves it as a route).

    `store(message=…, email=…)` creates the report; it is called only for a valid form that a
    person (not a robot filling the hidden field) sent, within the neighbourhood's rate limit.
    """
    form = ReportForm(request.POST or None)
    sent = False
    limit = RateLimit(
        f"report-rate:{neighbourhood.pk if neighbourhood else 'city'}",
        *settings.REPORT_RATE_LIMIT,
    )
    rate_limited = request.method == "POST" and limit.exceeded(request)
    if rate_limited:
        form = ReportForm()
    elif request.method == "POST" and form.is_valid():
        limit.count(request)
        if not form.cleaned_data[HONEYPOT_FIELD]:
            report = store(message=form.cleaned_data["message"], email=form.cleaned_data["email"])
            mail_report(report)
        sent = True
    context = page.get_context(request)
    context.update(
        {
            "subject_name": subject_name,
            "subject_url": subject_url,
            "form": form,
            "honeypot_name": HONEYPOT_FIELD,
            "sent": sent,
            "rate_limited": rate_limited,
        }
    )
    return TemplateResponse(
        request, "infopoint/report_outdated.html", context, status=429 if rate_limited else 200
    )


def mark_done(request, report, may_change):
    """Mark `report` done if `may_change` (the user may change what it is about), then go back
    to where the button was (the dashboard)."""
    if not may_change:
        raise PermissionDenied
    if not report.done:
        report.done, report.done_at = True, timezone.now()
        report.save(update_fields=["done", "done_at"])
    messages.success(
        request,
        gettext("Report about “%(subject)s” marked done.") % {"subject": report.subject_name},
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "wagtailadmin_home"
    return redirect(next_url)
