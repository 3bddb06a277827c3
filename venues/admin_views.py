"""Admin actions on residents' reports about venues."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.permissions import policy_registry

from .models import Venue, VenueReport


@require_POST
def mark_report_done(request, pk):
    """Mark a report done: whoever may change the venue (its neighbourhood's editors and
    moderators, the city's administrators; the venue's permission policy says who)."""
    report = get_object_or_404(VenueReport.objects.select_related("venue"), pk=pk)
    policy = policy_registry.get_by_type(Venue)
    if not policy.user_has_permission_for_instance(request.user, "change", report.venue):
        raise PermissionDenied
    if not report.done:
        report.done, report.done_at = True, timezone.now()
        report.save(update_fields=["done", "done_at"])
    messages.success(
        request, _("Report about “%(venue)s” marked done.") % {"venue": report.venue.name}
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "wagtailadmin_home"
    return redirect(next_url)
