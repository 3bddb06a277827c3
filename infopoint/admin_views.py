"""Admin reports and actions for volunteers: what needs their attention."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.reports import PageReportView

from .models import GuidePage, GuideReport
from .reports import mark_done


class GuidesToReviewView(PageReportView):
    """Guides nobody has checked for a year, oldest first, limited to pages the user may edit."""

    page_title = _("Guides to review")
    header_icon = "help"
    index_url_name = "guides_to_review"
    index_results_url_name = "guides_to_review_results"
    results_template_name = "infopoint/admin/guides_to_review_results.html"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "last_checked", "status_string"]
    export_headings = {"last_checked": _("Last checked on"), "status_string": _("Status")}

    def get_filename(self):
        return f"guides-to-review-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = (
            GuidePage.due_for_review()
            .filter(pk__in=editable.values("pk"))
            .select_related("locale")
            .order_by("last_checked", "title")
        )
        return super().get_queryset()


@require_POST
def mark_guide_report_done(request, pk):
    """Whoever may edit the guide marks a report about it done."""
    report = get_object_or_404(GuideReport.objects.select_related("guide"), pk=pk)
    return mark_done(request, report, report.guide.permissions_for_user(request.user).can_edit())
