"""Snippets moderated by their own neighbourhood's workflow, as its pages are."""

from wagtail.models import Page


class NeighbourhoodWorkflowMixin:
    """For a snippet with a `neighbourhood`: the workflow on that neighbourhood's home page, so
    the item waits for that neighbourhood's moderators. Wagtail assigns snippet workflows per
    model; the model's own assignment remains the fallback."""

    def get_workflow(self):
        cached = getattr(self, "_workflow_for", None)
        if cached is not None and cached[0] == self.neighbourhood_id:
            return cached[1]
        workflow = None
        if self.neighbourhood_id is not None:
            home = (
                Page.objects.filter(sites_rooted_here__neighbourhood=self.neighbourhood_id)
                .select_related("workflowpage__workflow")
                .first()
            )
            workflow = home.get_workflow() if home is not None else None
        workflow = workflow or super().get_workflow()
        # The admin asks several times per request (menus, panels); ask the database once.
        self._workflow_for = (self.neighbourhood_id, workflow)
        return workflow

    def publish_or_submit(self, publish, user=None):
        """Save as the admin would: a revision, published, or else waiting in the
        neighbourhood's workflow (unless it is in one already), so what an import leaves as a
        draft is on the moderators' dashboard instead of lying unnoticed among the drafts.
        `user` None: an unattended run (the workflow records no requester; Wagtail allows it)."""
        revision = self.save_revision(user=user)
        if publish:
            revision.publish(user=user)
            return
        workflow = self.get_workflow()
        if workflow is not None and not self.workflow_in_progress:
            workflow.start(self, user)
