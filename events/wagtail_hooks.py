from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import EventCreateView
from .models import Event, EventFeed


def _neighbourhoods_of(user):
    """The neighbourhoods whose editor or moderator group the user belongs to."""
    from infopoint.models import Neighbourhood

    groups = user.groups.all()
    return Neighbourhood.objects.filter(editors__in=groups) | Neighbourhood.objects.filter(
        moderators__in=groups
    )


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    list_display = ["title", "neighbourhood", "start", "repeat", "status", "live"]
    list_filter = ["neighbourhood", "status", "repeat", "locale"]
    search_fields = ["title", "summary"]
    ordering = ["-start"]
    list_per_page = 50
    add_view_class = EventCreateView

    def get_queryset(self, request):
        queryset = Event.objects.select_related("neighbourhood", "locale")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(neighbourhood__in=_neighbourhoods_of(request.user))


class EventFeedViewSet(SnippetViewSet):
    model = EventFeed
    icon = "download"
    menu_label = _("Calendar feeds")
    list_display = ["name", "neighbourhood", "active", "last_run_at", "last_run_ok"]
    list_filter = ["neighbourhood", "active"]
    search_fields = ["name", "url"]

    def get_queryset(self, request):
        queryset = EventFeed.objects.select_related("neighbourhood")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(neighbourhood__in=_neighbourhoods_of(request.user))


class AgendaViewSetGroup(SnippetViewSetGroup):
    items = (EventViewSet, EventFeedViewSet)
    menu_icon = "date"
    menu_label = _("Agenda")
    menu_name = "agenda"


register_snippet(AgendaViewSetGroup)
