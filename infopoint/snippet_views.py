"""Admin views for snippets that belong to a neighbourhood (venues, events, feeds).

Wagtail's generic views check the model permission when they start ("may this user change
events at all?") and consult the registered permission policy for the item in only a few places
(copy, preview, bulk delete). `NeighbourhoodSnippetViewSet` puts every view that works on one
item behind the policy's per-item check, and makes the listing and the chooser show only what
the policy allows, so another neighbourhood's item is neither shown nor reachable by its URL.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser, snippets

from .permissions import LIST_ACTIONS
from .scoped_localize import TranslationButtonsIndexMixin


class NeighbourhoodObjectMixin:
    """Refuses a view of an item the user may not act on in its neighbourhood, the way Wagtail
    refuses any action a user lacks the permission for (PermissionDenied: back to the dashboard
    with a message, or a 403 for a script).

    Every generic view loads its item through `get_object`, most of them in `setup`, before
    anything is shown or saved.
    """

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if instance is not None and instance.pk is not None:
            # The edit views work on the latest draft; where the item lives is the saved row.
            stored = getattr(self, "live_object", None) or instance
            policy = policy_registry.get_by_type(self.model)
            if not policy.user_has_any_permission_for_instance(
                self.request.user, self.instance_actions(), stored
            ):
                raise PermissionDenied
        return instance

    def instance_actions(self):
        if isinstance(getattr(self, "permission_required", None), str):
            return [self.permission_required]
        return getattr(self, "any_permission_required", None) or ["change"]


def scoped(view_class, **attrs):
    return type(
        f"Scoped{view_class.__name__}",
        (NeighbourhoodObjectMixin, view_class),
        {"__module__": __name__, **attrs},
    )


class ScopedChooserMixin:
    """The chooser offers, and accepts, only items the policy lets the user see."""

    def scoped_queryset(self):
        return policy_registry.get_by_type(self.model_class).instances_user_has_any_permission_for(
            self.request.user, LIST_ACTIONS
        )


class ChooseView(ScopedChooserMixin, chooser.ChooseView):
    def get_object_list(self):
        return self.scoped_queryset()


class ChooseResultsView(ScopedChooserMixin, chooser.ChooseResultsView):
    def get_object_list(self):
        return self.scoped_queryset()


class ChosenView(ScopedChooserMixin, chooser.SnippetChosenView):
    def get_object(self, pk):
        instance = super().get_object(pk)
        if not self.scoped_queryset().filter(pk=instance.pk).exists():
            raise PermissionDenied
        return instance


class ChosenMultipleView(ScopedChooserMixin, chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.scoped_queryset().filter(pk__in=pks)


class NeighbourhoodChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class IndexView(TranslationButtonsIndexMixin, snippets.IndexView):
    """The listing, whose translation buttons come from one look-up for all its rows."""


class NeighbourhoodSnippetViewSet(snippets.SnippetViewSet):
    """A snippet viewset for a model with a `neighbourhood`, whose permission policy is a
    `infopoint.permissions.NeighbourhoodPermissionPolicy` (registered before the viewset).

    Another neighbourhood's item is refused with Wagtail's permission-denied answer, so an
    editor who follows a stale link learns why instead of meeting a bare "not found".
    """

    #: Related objects the listing shows, fetched with the rows.
    list_select_related = ("neighbourhood",)

    chooser_viewset_class = NeighbourhoodChooserViewSet

    index_view_class = IndexView

    edit_view_class = scoped(snippets.EditView)  # the revert view is built on this one
    delete_view_class = scoped(snippets.DeleteView)
    copy_view_class = scoped(snippets.CopyView)
    usage_view_class = scoped(snippets.UsageView)
    history_view_class = scoped(snippets.HistoryView)
    inspect_view_class = scoped(snippets.InspectView)
    preview_on_edit_view_class = scoped(snippets.PreviewOnEditView)
    revisions_view_class = scoped(snippets.PreviewRevisionView)
    revisions_compare_view_class = scoped(snippets.RevisionsCompareView)
    revisions_unschedule_view_class = scoped(snippets.RevisionsUnscheduleView)
    unpublish_view_class = scoped(snippets.UnpublishView)
    # Locking follows the item's editors: whoever may change it here may lock and unlock it
    # (the views themselves still check the lock and unlock permissions).
    lock_view_class = scoped(snippets.LockView, instance_actions=lambda self: ["change"])
    unlock_view_class = scoped(snippets.UnlockView, instance_actions=lambda self: ["change"])
    workflow_action_view_class = scoped(snippets.WorkflowActionView)
    collect_workflow_action_data_view_class = scoped(snippets.CollectWorkflowActionDataView)
    confirm_workflow_cancellation_view_class = scoped(snippets.ConfirmWorkflowCancellationView)
    workflow_preview_view_class = scoped(snippets.WorkflowPreviewView)
    workflow_history_view_class = scoped(snippets.WorkflowHistoryView)
    workflow_history_detail_view_class = scoped(snippets.WorkflowHistoryDetailView)

    def get_queryset(self, request):
        """The listing shows what the policy lets the user see: their neighbourhoods' items."""
        policy = policy_registry.get_by_type(self.model)
        queryset = policy.instances_user_has_any_permission_for(request.user, LIST_ACTIONS)
        return queryset.select_related(*self.list_select_related)
