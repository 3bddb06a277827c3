"""The help directory's chores on the volunteers' dashboard: services nobody has checked for six
months or whose organisation's contact bounced (with an "I checked it" button), and what
residents reported out of date.

Registered in services/wagtail_hooks.py; built on infopoint's panels, which show them only to
people who work for a neighbourhood and only their neighbourhoods' rows.
"""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infopoint.dashboard import NeighbourhoodPanel, ReportsPanel

from .models import Service, ServiceReport


class ServicesToCheckPanel(NeighbourhoodPanel):
    """Dutch services of the user's neighbourhoods not checked for six months (or never), or
    whose organisation's contact bounced: those first, then the longest unchecked."""

    name = "services_to_check"
    template_name = "services/dashboard/services_to_check.html"
    order = 245

    def queryset(self, neighbourhoods):
        return Service.objects.filter(
            Service.due_for_review() | Q(organisation__contact_bounced_on__isnull=False),
            neighbourhood__in=neighbourhoods,
            # Translations follow the Dutch service: checking that one checks them all.
            locale__language_code=settings.LANGUAGE_CODE,
        )

    def get_rows(self, request, neighbourhoods):
        services = self.first_rows(
            self.queryset(neighbourhoods).select_related("neighbourhood", "organisation"),
            F("organisation__contact_bounced_on").desc(nulls_last=True),
            # Never checked first: SQLite and PostgreSQL disagree on where NULLs go by default.
            F("last_checked").asc(nulls_first=True),
            "name",
        )
        edit = Service.snippet_viewset.get_url_name("edit")
        for service in services:
            service.edit_url = reverse(edit, args=[quote(service.pk)])
            service.checked_url = reverse("service_checked", args=[service.pk])
        return services


class ServiceReportsPanel(ReportsPanel):
    """Open "outdated information" reports about the user's neighbourhoods' services."""

    name = "service_reports"
    order = 225
    heading = _("Services residents reported as outdated")
    subject_heading = _("Service")
    empty_text = _("No open reports about your services.")
    done_url_name = "service_report_done"

    def queryset(self, neighbourhoods):
        return ServiceReport.objects.filter(
            service__neighbourhood__in=neighbourhoods, done=False
        ).select_related("service__neighbourhood")
