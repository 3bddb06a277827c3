"""The meeting places' chore on the volunteers' dashboard: what residents reported out of date.

Registered in venues/wagtail_hooks.py; built on infopoint's ReportsPanel, which shows it only to
people who work for a neighbourhood and only their neighbourhoods' rows.
"""

from django.utils.translation import gettext_lazy as _

from infopoint.dashboard import ReportsPanel

from .models import VenueReport


class VenueReportsPanel(ReportsPanel):
    """Open "outdated information" reports about the user's neighbourhoods' venues."""

    name = "venue_reports"
    order = 220
    heading = _("Outdated information reported by residents")
    subject_heading = _("Meeting place")
    empty_text = _("No open reports about your meeting places.")
    done_url_name = "venue_report_done"

    def queryset(self, neighbourhoods):
        return VenueReport.objects.filter(
            venue__neighbourhood__in=neighbourhoods, done=False
        ).select_related("venue__neighbourhood")
