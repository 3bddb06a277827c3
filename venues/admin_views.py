"""Admin actions on residents' reports about venues."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST
from wagtail.permissions import policy_registry

from infopoint.reports import mark_done

from .models import Venue, VenueReport


@require_POST
def mark_report_done(request, pk):
    """Whoever may change the venue marks a report about it done (its neighbourhood's editors
    and moderators, the city's administrators; the venue's permission policy says who)."""
    report = get_object_or_404(VenueReport.objects.select_related("venue"), pk=pk)
    policy = policy_registry.get_by_type(Venue)
    return mark_done(
        request,
        report,
        policy.user_has_permission_for_instance(request.user, "change", report.venue),
    )
