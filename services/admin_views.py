"""Admin actions of the help directory: "I checked it" and marking a resident's report done."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from wagtail.permissions import policy_registry

from infopoint.reports import mark_done

from .models import Organisation, Service, ServiceReport


@require_POST
def mark_checked(request, pk):
    """Whoever may change the service says it is still right: today, by them.

    Only the two bookkeeping fields are written (on the row and on the latest draft, so the
    next publish keeps the date); no new revision, no new moderation round for a check that
    changed nothing. Checking it means its contact works again: a bounce recorded on its
    organisation (in every language) is cleared.
    """
    service = get_object_or_404(Service, pk=pk)
    policy = policy_registry.get_by_type(Service)
    if not policy.user_has_permission_for_instance(request.user, "change", service):
        raise PermissionDenied
    today = timezone.localdate()
    service.last_checked, service.last_checked_by = today, request.user
    service.save(update_fields=["last_checked", "last_checked_by"])
    revision = service.latest_revision
    if revision is not None:
        revision.content = {**revision.content, "last_checked": today.isoformat()}
        revision.content["last_checked_by"] = request.user.pk
        revision.save(update_fields=["content"])
    Organisation.objects.filter(
        translation_key=service.organisation.translation_key, contact_bounced_on__isnull=False
    ).update(contact_bounced_on=None)
    messages.success(
        request, gettext("“%(service)s” marked as checked today.") % {"service": service.name}
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "wagtailadmin_home"
    return redirect(next_url)


@require_POST
def mark_report_done(request, pk):
    """Whoever may change the service marks a report about it done."""
    report = get_object_or_404(ServiceReport.objects.select_related("service"), pk=pk)
    policy = policy_registry.get_by_type(Service)
    return mark_done(
        request,
        report,
        policy.user_has_permission_for_instance(request.user, "change", report.service),
    )
