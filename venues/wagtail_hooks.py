from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AccessibilityFeature, Facility, Venue


class VenueFilterSet(WagtailFilterSet):
    class Meta:
        model = Venue
        fields = ["neighbourhood", "kind", "is_active", "locale"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = "Venues"
    list_display = ["name", "kind", "neighbourhood", "capacity", "last_checked", "is_active"]
    list_per_page = 50
    search_fields = ["name", "short_description", "street", "postcode"]
    filterset_class = VenueFilterSet
    ordering = ["name"]

    def get_queryset(self, request):
        """Editors see the venues of the neighbourhoods they edit or moderate."""
        queryset = self.model.objects.select_related("neighbourhood", "locale")
        user = request.user
        if user.is_superuser:
            return queryset
        groups = user.groups.all()
        return queryset.filter(neighbourhood__editors__in=groups) | queryset.filter(
            neighbourhood__moderators__in=groups
        )


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
