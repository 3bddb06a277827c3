"""Dashboard panels: what needs a volunteer's attention in their own neighbourhood.

"Awaiting your review" is Wagtail's panel, which already lists only what waits for the user: each
neighbourhood's workflow task belongs to that neighbourhood's moderators group (superusers see
every task); it is replaced only to read it in fewer queries. Guides nobody has checked for a year
are a chore editors forget. Apps above add their own chores on `NeighbourhoodPanel` (the agenda:
events coming up without a place). Each panel runs a fixed number of queries however much it
lists, and shows at most LIMIT rows with a count of the rest.
"""

import copy

from django.conf import settings
from django.db.models import Count, Q, Window
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, Task, TaskState, WorkflowTask

from .models import GuidePage, GuideReport
from .permissions import neighbourhoods_of

LIMIT = 20


def _neighbourhoods(request):
    """The user's neighbourhoods with their home pages, read once per request for all panels."""
    if not hasattr(request, "_dashboard_neighbourhoods"):
        request._dashboard_neighbourhoods = list(
            neighbourhoods_of(request.user).select_related("site__root_page").order_by("name")
        )
    return request._dashboard_neighbourhoods


def _home_paths(request, neighbourhoods):
    """{tree path of a home page, in any language: its neighbourhood}."""
    if not hasattr(request, "_dashboard_home_paths"):
        by_key = {n.site.root_page.translation_key: n for n in neighbourhoods}
        homes = Page.objects.filter(depth=2, translation_key__in=by_key).values_list(
            "path", "translation_key"
        )
        request._dashboard_home_paths = {path: by_key[key] for path, key in homes}
    return request._dashboard_home_paths


class NeighbourhoodPanel(Component):
    """A panel for editors, moderators and superusers; other users have no neighbourhood."""

    def render_html(self, parent_context=None):
        if not _neighbourhoods(parent_context["request"]):
            return ""
        return super().render_html(parent_context)

    @staticmethod
    def first_rows(queryset, *ordering):
        """The first LIMIT rows in `ordering`, each carrying the total of all rows (one query:
        a window count, read by get_context_data for "and n more")."""
        return list(queryset.annotate(total=Window(Count("pk"))).order_by(*ordering)[:LIMIT])

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        neighbourhoods = _neighbourhoods(request)
        rows = self.get_rows(request, neighbourhoods)
        return {
            "rows": rows,
            # Each row carries the total (a window count), which spares a count query.
            "more": rows[0].total - len(rows) if rows else 0,
            # A superuser or someone in several neighbourhoods needs to see whose item it is.
            "show_neighbourhood": len(neighbourhoods) > 1,
        }


class GuidesToCheckPanel(NeighbourhoodPanel):
    """Guides in the user's neighbourhood trees (every language) not checked for a year."""

    name = "guides_to_check"
    template_name = "infopoint/dashboard/guides_to_check.html"
    order = 240

    def queryset(self, request, neighbourhoods):
        homes = _home_paths(request, neighbourhoods)
        if not homes:
            return GuidePage.objects.none()
        within = Q()
        for path in homes:
            within |= Q(path__startswith=path)
        return GuidePage.due_for_review().filter(within)

    def get_rows(self, request, neighbourhoods):
        homes = _home_paths(request, neighbourhoods)
        guides = self.first_rows(
            self.queryset(request, neighbourhoods).select_related("locale"), "last_checked", "title"
        )
        for guide in guides:
            guide.neighbourhood = homes.get(guide.path[: Page.steplen * 2])
        return guides


class ReportsPanel(NeighbourhoodPanel):
    """Open reports about the user's neighbourhoods' things, oldest first, each with a link to
    put the thing right and a "done" button. Subclasses give `heading`, `subject_heading`,
    `empty_text`, `done_url_name` and `queryset(neighbourhoods)` (with what `subject_name` and
    `edit_url()` read selected)."""

    template_name = "infopoint/dashboard/reports.html"
    heading = subject_heading = empty_text = done_url_name = ""

    def queryset(self, neighbourhoods):
        raise NotImplementedError

    def get_rows(self, request, neighbourhoods):
        reports = self.first_rows(self.queryset(neighbourhoods), "created_at", "pk")
        for report in reports:
            report.neighbourhood_name = getattr(report.neighbourhood_of_subject(), "name", "")
            report.done_url = reverse(self.done_url_name, args=[report.pk])
        return reports

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            panel_id=self.name.replace("_", "-"),
            heading=self.heading,
            subject_heading=self.subject_heading,
            empty_text=self.empty_text,
        )
        return context


class GuideReportsPanel(ReportsPanel):
    """Open "outdated information" reports about the user's neighbourhoods' guides."""

    name = "guide_reports"
    order = 230
    heading = gettext_lazy("Guides residents reported as outdated")
    subject_heading = gettext_lazy("Guide")
    empty_text = gettext_lazy("No open reports about your guides.")
    done_url_name = "guide_report_done"

    def queryset(self, neighbourhoods):
        return GuideReport.objects.filter(
            neighbourhood__in=neighbourhoods, done=False
        ).select_related("guide", "neighbourhood")


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", with the same template and rows, but read in a fixed
    number of queries: Wagtail's own panel asks for each row's task and task list separately
    and lists every submission, so a busy neighbourhood slowed down its moderators' dashboard.

    Task statuses are those of the whole workflow run, as with Wagtail's default
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False.
    """

    template_name = "infopoint/dashboard/awaiting_review.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "more": 0, "request": request}
        context["csrf_token"] = parent_context["csrf_token"]
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context

        reviewable = TaskState.objects.reviewable_by(request.user)
        states = list(
            reviewable.select_related(
                "revision",
                "revision__user",
                "workflow_state",
                "workflow_state__workflow",
            )
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .annotate(
                previous_revision_id=Revision.objects.previous_revision_id_subquery(),
                total=Window(Count("pk")),
            )
            .order_by("-started_at")[:LIMIT]
        )
        if not states:
            return context
        context["more"] = states[0].total - len(states)
        tasks = Task.objects.filter(pk__in={s.task_id for s in states}).specific().in_bulk()
        workflow_tasks = self._tasks_with_status(states)

        for state in states:
            obj = state.revision.content_object
            if not obj:  # the object was deleted without its workflow states
                continue
            task = tasks[state.task_id]
            if isinstance(obj, Page):
                urls = ("wagtailadmin_pages:" + name for name in self.URL_NAMES)
            else:
                urls = (obj.snippet_viewset.get_url_name(name) for name in self.URL_NAMES)
            action_url, preview_url, compare_url = urls
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": task.get_actions(obj, request.user),
                    "workflow_tasks": workflow_tasks[state.workflow_state_id],
                    "workflow_action_url_name": action_url,
                    "workflow_preview_url_name": (
                        preview_url if getattr(obj, "is_previewable", False) else None
                    ),
                    "revisions_compare_url_name": compare_url,
                }
            )
        return context

    URL_NAMES = ("workflow_action", "workflow_preview", "revisions_compare")

    @staticmethod
    def _tasks_with_status(states):
        """{workflow state id: its workflow's tasks, each with .status and .status_display},
        as WorkflowState.all_tasks_with_status() gives for one state, in two queries."""
        state_ids = {s.workflow_state_id for s in states}
        steps = {}
        for step in (
            WorkflowTask.objects.filter(
                workflow_id__in={s.workflow_state.workflow_id for s in states}
            )
            .select_related("task")
            .order_by("sort_order")
        ):
            steps.setdefault(step.workflow_id, []).append(step.task)
        latest = {}
        for row in (
            TaskState.objects.filter(workflow_state_id__in=state_ids)
            .order_by("started_at", "id")
            .values("workflow_state_id", "task_id", "status")
        ):
            latest[row["workflow_state_id"], row["task_id"]] = row["status"]
        labels = dict(TaskState.STATUS_CHOICES)
        result = {}
        for state in states:
            tasks = []
            for task in steps.get(state.workflow_state.workflow_id, []):
                task = copy.copy(task)
                task.status = latest.get((state.workflow_state_id, task.pk))
                task.status_display = labels.get(task.status, _("Not started"))
                tasks.append(task)
            result[state.workflow_state_id] = tasks
        return result
