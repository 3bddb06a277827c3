"""Moderators read who handed in an event (name, e-mail) in a read-only admin listing.

The submitter's details live only here, never on the event itself, so nothing that publishes an
event (pages, JSON-LD, iCalendar, the API) can leak them.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from events.views import AGENDA_LINKS
from infopoint.cache import cached
from infopoint.permissions import scope_of
from infopoint.registry import NEIGHBOURHOOD_SECTIONS, RETENTION, Retention, Section

from .models import EventSubmission, EventSubmissionPage


class SubmissionPermissionPolicy(BasePermissionPolicy):
    """Whoever may edit events may read the submissions (of their own neighbourhoods, see the
    listing); nobody adds or changes them in the admin."""

    def _may_read(self, user):
        return user.is_active and (user.is_superuser or user.has_perm("events.change_event"))

    def user_has_permission(self, user, action):
        return action == "view" and self._may_read(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename="change_event")
            | Q(groups__permissions__codename="change_event")
        ).distinct()


class SubmissionIndexView(IndexView):
    def get_base_queryset(self):
        # Where the reader works, by the one rule for every listing (infopoint.permissions):
        # their neighbourhoods, or the whole city for superusers and city administrators.
        queryset = EventSubmission.objects.select_related("event__neighbourhood")
        return scope_of(self.request.user).filter(queryset, field="event__neighbourhood")


register_permission_policy(EventSubmission, SubmissionPermissionPolicy(EventSubmission))


def _event_edit_url(submission):
    return reverse("wagtailsnippets_events_event:edit", args=[submission.event_id])


class EventSubmissionViewSet(ModelViewSet):
    model = EventSubmission
    icon = "mail"
    menu_label = _("Resident submissions")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = SubmissionIndexView
    copy_view_enabled = False
    # Required by ModelViewSet; the add and edit views are never allowed (see the policy).
    form_fields = ["name"]
    search_fields = ["name", "email", "event__title"]
    ordering = ["-created_at"]

    @property
    def list_display(self):
        return [
            TitleColumn("event", label=_("Event"), get_url=_event_edit_url),
            Column(
                "event__neighbourhood", label=_("Neighbourhood"), accessor="event.neighbourhood"
            ),
            Column("name", label=_("Submitted by")),
            Column("email", label=_("E-mail address")),
            Column("language", label=_("Language")),
            DateColumn("created_at", label=_("Sent at")),
        ]


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return EventSubmissionViewSet("event_submissions")


# Not under the agenda: the agenda's <slug>/ route would take its address for an event.
@hooks.register(NEIGHBOURHOOD_SECTIONS)
def submission_section():
    return Section(
        "submissions.EventSubmissionPage",
        {
            "nl": ("Evenement aanmelden", "evenement-aanmelden"),
            "en": ("Submit an event", "submit-an-event"),
            "ar": ("أضف نشاطًا", "submit-an-event"),
            "tr": ("Etkinlik bildir", "etkinlik-bildir"),
        },
        order=60,
        show_in_menus=False,
        # On the portal it asks which neighbourhood the event is in, then hands over to that
        # neighbourhood's own form (its moderators, its meeting places).
        on_portal=True,
    )


@hooks.register(AGENDA_LINKS)
def submit_an_event(agenda, request):
    """“Organising something? Submit an event”, when the agenda's home has a submission page."""

    def find():
        page = EventSubmissionPage.objects.live().sibling_of(agenda).first()
        return (page.get_url(request) or "") if page is not None else ""

    url = cached(f"submit-event-url:{agenda.pk}", find)
    return {"template": "submissions/includes/agenda_link.html", "url": url} if url else None


@hooks.register(RETENTION)
def submitters_retention():
    """Who handed in an event (name, e-mail); the event itself stays."""
    return Retention(
        "resident event submissions",
        EventSubmission.objects.all,
        "created_at",
        "SUBMISSION_RETENTION_DAYS",
        order=20,
    )
