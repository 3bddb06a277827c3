from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Neighbourhood


class NeighbourhoodPermissionPolicy(ModelPermissionPolicy):
    """A neighbourhood needs a site, groups and a collection, which only the
    `create_neighbourhood` command sets up together; the admin may rename or re-centre it."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "site"
    menu_label = "Neighbourhoods"
    add_to_settings_menu = True
    list_display = ["name", "slug", "site"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("latitude"), FieldPanel("longitude")]


register_permission_policy(Neighbourhood, NeighbourhoodPermissionPolicy(Neighbourhood))
register_snippet(NeighbourhoodViewSet)
