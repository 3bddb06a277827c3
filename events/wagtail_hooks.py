from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from infopoint.permissions import NeighbourhoodPermissionPolicy
from infopoint.snippet_views import NeighbourhoodSnippetViewSet

from .admin_views import EventCreateView
from .models import Event, EventFeed

# Before the viewsets, which look the policies up when they are registered.
register_permission_policy(Event, NeighbourhoodPermissionPolicy(Event))
register_permission_policy(EventFeed, NeighbourhoodPermissionPolicy(EventFeed))


class EventViewSet(NeighbourhoodSnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    list_display = ["title", "neighbourhood", "start", "repeat", "status", "live"]
    list_filter = ["neighbourhood", "status", "repeat", "locale"]
    search_fields = ["title", "summary"]
    ordering = ["-start"]
    list_per_page = 50
    list_select_related = ("neighbourhood", "locale")
    add_view_class = EventCreateView


class EventFeedViewSet(NeighbourhoodSnippetViewSet):
    model = EventFeed
    icon = "download"
    menu_label = _("Calendar feeds")
    list_display = ["name", "neighbourhood", "active", "last_run_at", "last_run_ok"]
    list_filter = ["neighbourhood", "active"]
    search_fields = ["name", "url"]


class AgendaViewSetGroup(SnippetViewSetGroup):
    items = (EventViewSet, EventFeedViewSet)
    menu_icon = "date"
    menu_label = _("Agenda")
    menu_name = "agenda"


register_snippet(AgendaViewSetGroup)
