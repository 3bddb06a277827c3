"""The meeting places' chore on the volunteers' dashboard: what residents reported out of date.

Registered in venues/wagtail_hooks.py; built on infopoint's NeighbourhoodPanel, which shows it
only to people who work for a neighbourhood and only their neighbourhoods' rows.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse

from infopoint.dashboard import NeighbourhoodPanel

from .models import Venue, VenueReport


class VenueReportsPanel(NeighbourhoodPanel):
    """Open "outdated information" reports about the user's neighbourhoods' venues, oldest
    first, each with a button to mark it done once the venue is put right."""

    name = "venue_reports"
    template_name = "venues/dashboard/venue_reports.html"
    order = 220

    def queryset(self, neighbourhoods):
        return VenueReport.objects.filter(venue__neighbourhood__in=neighbourhoods, done=False)

    def get_rows(self, request, neighbourhoods):
        reports = self.first_rows(
            self.queryset(neighbourhoods).select_related("venue__neighbourhood"), "created_at", "pk"
        )
        edit = Venue.snippet_viewset.get_url_name("edit")
        for report in reports:
            report.edit_url = reverse(edit, args=[quote(report.venue_id)])
            report.done_url = reverse("venue_report_done", args=[report.pk])
        return reports
