from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from infopoint.admin_languages import TranslationsColumn
from infopoint.permissions import NeighbourhoodPermissionPolicy
from infopoint.registry import (
    HOME_SECTIONS,
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

from .admin_csv import VenueCsvView, export_csv
from .admin_views import mark_report_done
from .dashboard import VenueReportsPanel
from .models import AccessibilityFeature, Facility, Venue, VenueReport
from .search import VenueSearchSource
from .sections import FEATURED_VENUES

# Before the viewsets, which look the policy up when they are registered.
register_permission_policy(Venue, NeighbourhoodPermissionPolicy(Venue))


class VenueFilterSet(NeighbourhoodFilterSet):
    class Meta:
        model = Venue
        fields = ["neighbourhood", "kind", "is_active"]  # and Wagtail's locale filter


class VenueIndexView(NeighbourhoodSnippetViewSet.index_view_class):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        # The model permissions (already read for the listing) decide whether to offer it;
        # the CSV page itself offers only the neighbourhoods the user may change.
        policy = policy_registry.get_by_type(Venue)
        if policy.user_has_permission(self.request.user, "add") and policy.user_has_permission(
            self.request.user, "change"
        ):
            buttons.append(
                Button(
                    _("Import or export as CSV"), url=reverse("venues_csv"), icon_name="download"
                )
            )
        return buttons


class VenueViewSet(NeighbourhoodSnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = [
        "name",
        "kind",
        "neighbourhood",
        "capacity",
        "last_checked",
        "is_active",
        "live",
        TranslationsColumn(),
    ]
    list_per_page = 50
    search_fields = ["name", "short_description", "street", "postcode"]
    filterset_class = VenueFilterSet
    ordering = ["name"]
    list_select_related = ("neighbourhood", "locale")
    index_view_class = VenueIndexView


class VocabularyViewSet(SnippetViewSet):
    """A controlled vocabulary: editors add terms; the slug is the code imports and links use."""

    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class FacilityViewSet(VocabularyViewSet):
    model = Facility
    icon = "tag"
    menu_label = _("Facilities")


class AccessibilityFeatureViewSet(VocabularyViewSet):
    model = AccessibilityFeature
    icon = "user"
    menu_label = _("Accessibility features")


class VenueViewSetGroup(SnippetViewSetGroup):
    """Places to meet and the vocabularies that describe them, together in one menu."""

    menu_label = _("Venues")
    menu_icon = "site"
    menu_order = 250
    items = (VenueViewSet, FacilityViewSet, AccessibilityFeatureViewSet)


register_snippet(VenueViewSetGroup)


# What venues contribute to the rest of the site (infopoint.registry).


@hooks.register(NEIGHBOURHOOD_SECTIONS)
def finder_section():
    return Section(
        "venues.VenueIndexPage",
        {
            "nl": ("Ontmoetingsplekken", "ontmoetingsplekken"),
            "en": ("Meeting places", "venues"),
            "ar": ("أماكن اللقاء", "venues"),
            "tr": ("Buluşma yerleri", "bulusma-yerleri"),
        },
        order=20,
    )


@hooks.register(NEIGHBOURHOOD_PERMISSIONS)
def venue_permissions():
    return SnippetPermissions(
        editors=(
            ("venues", "add_venue"),
            ("venues", "change_venue"),
            ("venues", "delete_venue"),
            ("venues", "lock_venue"),
            ("venues", "unlock_venue"),
        ),
        # Editors save drafts and submit them; the neighbourhood's moderators publish.
        moderators_also=(("venues", "publish_venue"),),
    )


@hooks.register(SEARCH_SOURCES)
def search_venues():
    return VenueSearchSource()


@hooks.register(HOME_SECTIONS)
def featured_venues_section():
    return FEATURED_VENUES


@hooks.register("construct_homepage_panels")
def add_venue_reports_panel(request, panels):
    panels.append(VenueReportsPanel())


@hooks.register("register_admin_urls")
def register_venue_report_urls():
    return [
        path("venue-reports/<int:pk>/done/", mark_report_done, name="venue_report_done"),
        path("venues-csv/", VenueCsvView.as_view(), name="venues_csv"),
        path("venues-csv/export/", export_csv, name="venues_csv_export"),
    ]


@hooks.register(RETENTION)
def venue_reports_retention():
    """A resident's report may carry their e-mail address; seen to or not, it goes in time."""
    return Retention(
        "reports about venues",
        VenueReport.objects.all,
        "created_at",
        "REPORT_RETENTION_DAYS",
        order=30,
    )
