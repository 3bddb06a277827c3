"""Admin views of the event snippet that differ from Wagtail's."""

from wagtail.snippets.views.snippets import CreateView


class EventCreateView(CreateView):
    """Submitting a new event starts its neighbourhood's workflow.

    Before the form is saved the view only knows the workflow assigned to events as a whole (it
    uses that to offer "Submit"); once saved, the event knows its neighbourhood, and so which
    moderators it waits for.
    """

    def submit_action(self):
        self.workflow = self.object.get_workflow()
        return super().submit_action()
