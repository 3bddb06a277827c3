from django.core.exceptions import PermissionDenied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from .models import AccessibilityFeature, Facility, Venue
from .permissions import VenuePermissionPolicy, neighbourhoods_of


class VenueFilterSet(WagtailFilterSet):
    class Meta:
        model = Venue
        fields = ["neighbourhood", "kind", "is_active", "locale"]


class InstancePermissionMixin:
    """Wagtail's generic views check the model permission only; a venue also needs its
    neighbourhood to be the editor's (VenuePermissionPolicy)."""

    def get_object(self, queryset=None):
        venue = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, venue
        ):
            raise PermissionDenied
        return venue


class VenueEditView(InstancePermissionMixin, EditView):
    pass


class VenueDeleteView(InstancePermissionMixin, DeleteView):
    pass


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = "Venues"
    list_display = ["name", "kind", "neighbourhood", "capacity", "last_checked", "is_active"]
    list_per_page = 50
    search_fields = ["name", "short_description", "street", "postcode"]
    filterset_class = VenueFilterSet
    edit_view_class = VenueEditView
    delete_view_class = VenueDeleteView
    ordering = ["name"]

    def get_queryset(self, request):
        """Editors see the venues of the neighbourhoods they edit or moderate."""
        queryset = self.model.objects.select_related("neighbourhood", "locale")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(neighbourhood__in=neighbourhoods_of(request.user))


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


register_permission_policy(Venue, VenuePermissionPolicy(Venue))
register_snippet(VenueViewSetGroup)
