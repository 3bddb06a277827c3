from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from infopoint.admin_languages import TranslationsColumn
from infopoint.permissions import NeighbourhoodPermissionPolicy
from infopoint.registry import (
    NEIGHBOURHOOD_PERMISSIONS,
    NEIGHBOURHOOD_SECTIONS,
    RETENTION,
    SEARCH_SOURCES,
    Retention,
    Section,
    SnippetPermissions,
)
from infopoint.scoped_admin import NeighbourhoodFilterSet
from infopoint.snippet_views import NeighbourhoodSnippetViewSet
from venues.detail import VENUE_SECTIONS
from venues.filters import VENUE_FINDER_FILTERS, FinderCheckbox

from . import sections
from .admin_views import mark_checked, mark_report_done
from .dashboard import ServiceReportsPanel, ServicesToCheckPanel
from .models import Organisation, Service, ServiceReport
from .search import ServiceSearchSource

# Before the viewsets, which look the policies up when they are registered.
register_permission_policy(Service, NeighbourhoodPermissionPolicy(Service))
register_permission_policy(Organisation, NeighbourhoodPermissionPolicy(Organisation))


class ServiceFilterSet(NeighbourhoodFilterSet):
    class Meta:
        model = Service
        fields = ["neighbourhood", "organisation", "cost", "serves_whole_city"]


class OrganisationFilterSet(NeighbourhoodFilterSet):
    class Meta:
        model = Organisation
        fields = ["neighbourhood", "kind"]


class ServiceViewSet(NeighbourhoodSnippetViewSet):
    model = Service
    icon = "help"
    menu_label = _("Services")
    list_display = [
        "name",
        "organisation",
        "neighbourhood",
        "last_checked",
        "live",
        TranslationsColumn(),
    ]
    filterset_class = ServiceFilterSet
    search_fields = ["name", "summary"]
    ordering = ["name"]
    list_per_page = 50
    list_select_related = ("neighbourhood", "organisation", "locale")


class OrganisationViewSet(NeighbourhoodSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "neighbourhood", TranslationsColumn()]
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "description"]
    ordering = ["name"]
    list_per_page = 50
    list_select_related = ("neighbourhood", "locale")


class HelpViewSetGroup(SnippetViewSetGroup):
    """The sociale kaart: services and the organisations that offer them, in one menu."""

    items = (ServiceViewSet, OrganisationViewSet)
    menu_icon = "help"
    menu_label = _("Help directory")
    menu_name = "help-directory"
    menu_order = 260


register_snippet(HelpViewSetGroup)


# What the help directory contributes to the rest of the site (infopoint.registry, venues.detail).


@hooks.register(NEIGHBOURHOOD_SECTIONS)
def help_finder_section():
    return Section(
        "services.ServiceIndexPage",
        {
            "nl": ("Hulp", "hulp"),
            "en": ("Help", "help"),
            "ar": ("المساعدة", "help"),
            "tr": ("Yardım", "yardim"),
        },
        order=25,
    )


@hooks.register(NEIGHBOURHOOD_PERMISSIONS)
def service_permissions():
    return SnippetPermissions(
        editors=(
            ("services", "add_service"),
            ("services", "change_service"),
            ("services", "delete_service"),
            ("services", "lock_service"),
            ("services", "unlock_service"),
            ("services", "add_organisation"),
            ("services", "change_organisation"),
            ("services", "delete_organisation"),
        ),
        moderators_also=(("services", "publish_service"),),
    )


@hooks.register(SEARCH_SOURCES)
def search_services():
    return ServiceSearchSource()


@hooks.register(VENUE_SECTIONS)
def walk_in_hours_at_venue(venue, request):
    return sections.at_venue(venue, request)


@hooks.register(VENUE_FINDER_FILTERS)
def venues_with_walk_in_hours_filter():
    return FinderCheckbox(
        "walk_in",
        _("Has walk-in hours for help"),
        lambda venues: venues.filter(translation_key__in=sections.venues_with_walk_in_hours()),
    )


@hooks.register("construct_homepage_panels")
def add_service_panels(request, panels):
    panels.append(ServicesToCheckPanel())
    panels.append(ServiceReportsPanel())


@hooks.register("register_admin_urls")
def register_service_urls():
    return [
        path("services/<int:pk>/checked/", mark_checked, name="service_checked"),
        path("service-reports/<int:pk>/done/", mark_report_done, name="service_report_done"),
    ]


@hooks.register(RETENTION)
def service_reports_retention():
    """A resident's report may carry their e-mail address; seen to or not, it goes in time."""
    return Retention(
        "reports about services",
        ServiceReport.objects.all,
        "created_at",
        "REPORT_RETENTION_DAYS",
        order=35,
    )
