from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from infopoint.admin_languages import TranslationsColumn
from infopoint.permissions import NeighbourhoodPermissionPolicy
from infopoint.registry import (
    HOME_SECTIONS,
    NEIGHBOURHOOD_PERMISSIONS,
    NEIGHBOURHOOD_SECTIONS,
    SEARCH_SOURCES,
    Section,
    SnippetPermissions,
)
from infopoint.scoped_admin import NeighbourhoodFilterSet
from infopoint.snippet_views import NeighbourhoodSnippetViewSet
from venues.detail import VENUE_SECTIONS

from . import sections
from .admin_views import EventCreateView
from .dashboard import EventsWithoutVenuePanel, FeedsToCheckPanel
from .models import Event, EventFeed
from .search import EventSearchSource

# Before the viewsets, which look the policies up when they are registered.
register_permission_policy(Event, NeighbourhoodPermissionPolicy(Event))
register_permission_policy(EventFeed, NeighbourhoodPermissionPolicy(EventFeed))


class EventFilterSet(NeighbourhoodFilterSet):
    class Meta:
        model = Event
        fields = ["neighbourhood", "status", "repeat"]  # and Wagtail's locale filter


class EventFeedFilterSet(NeighbourhoodFilterSet):
    class Meta:
        model = EventFeed
        fields = ["neighbourhood", "active"]


class EventViewSet(NeighbourhoodSnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    list_display = [
        "title",
        "neighbourhood",
        "start",
        "repeat",
        "status",
        "live",
        TranslationsColumn(),
    ]
    filterset_class = EventFilterSet
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
    filterset_class = EventFeedFilterSet
    search_fields = ["name", "url"]


class AgendaViewSetGroup(SnippetViewSetGroup):
    items = (EventViewSet, EventFeedViewSet)
    menu_icon = "date"
    menu_label = _("Agenda")
    menu_name = "agenda"


register_snippet(AgendaViewSetGroup)


# What the agenda contributes to the rest of the site (infopoint.registry, venues.detail).


@hooks.register(NEIGHBOURHOOD_SECTIONS)
def agenda_section():
    return Section(
        "events.EventIndexPage",
        {
            "nl": ("Agenda", "agenda"),
            "en": ("Events", "events"),
            "ar": ("الأنشطة", "events"),
            "tr": ("Etkinlikler", "etkinlikler"),
        },
        order=10,
    )


@hooks.register(NEIGHBOURHOOD_PERMISSIONS)
def event_permissions():
    return SnippetPermissions(
        editors=(
            ("events", "add_event"),
            ("events", "change_event"),
            ("events", "delete_event"),
            ("events", "lock_event"),
            ("events", "unlock_event"),
            ("events", "add_eventfeed"),
            ("events", "change_eventfeed"),
            ("events", "delete_eventfeed"),
        ),
        moderators_also=(("events", "publish_event"),),
    )


@hooks.register(SEARCH_SOURCES)
def search_events():
    return EventSearchSource()


@hooks.register(HOME_SECTIONS)
def this_week_section():
    return sections.THIS_WEEK


@hooks.register(VENUE_SECTIONS)
def coming_up_at_venue(venue, request):
    return sections.at_venue(venue, request)


@hooks.register("construct_homepage_panels")
def add_events_without_venue_panel(request, panels):
    panels.append(EventsWithoutVenuePanel())
    panels.append(FeedsToCheckPanel())
