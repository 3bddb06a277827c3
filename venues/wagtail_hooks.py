from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from infopoint.permissions import NeighbourhoodPermissionPolicy
from infopoint.snippet_views import NeighbourhoodSnippetViewSet

from .models import AccessibilityFeature, Facility, Venue

# Before the viewsets, which look the policy up when they are registered.
register_permission_policy(Venue, NeighbourhoodPermissionPolicy(Venue))


class VenueFilterSet(WagtailFilterSet):
    class Meta:
        model = Venue
        fields = ["neighbourhood", "kind", "is_active", "locale"]


class VenueViewSet(NeighbourhoodSnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = "Venues"
    list_display = ["name", "kind", "neighbourhood", "capacity", "last_checked", "is_active"]
    list_per_page = 50
    search_fields = ["name", "short_description", "street", "postcode"]
    filterset_class = VenueFilterSet
    ordering = ["name"]
    list_select_related = ("neighbourhood", "locale")


class VocabularyViewSet(SnippetViewSet):
    """A controlled vocabulary: editors add terms; the slug is the code imports and links use."""

    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class FacilityViewSet(VocabularyViewSet):
    model = Facility
    icon = "tag"
    menu_label = "Facilities"


class AccessibilityFeatureViewSet(VocabularyViewSet):
    model = AccessibilityFeature
    icon = "user"
    menu_label = "Accessibility features"


class VenueViewSetGroup(SnippetViewSetGroup):
    """Places to meet and the vocabularies that describe them, together in one menu."""

    menu_label = "Venues"
    menu_icon = "site"
    menu_order = 250
    items = (VenueViewSet, FacilityViewSet, AccessibilityFeatureViewSet)


register_snippet(VenueViewSetGroup)
