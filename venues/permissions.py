"""Editors and moderators of a neighbourhood edit that neighbourhood's venues only.

The Django permissions (add/change/delete venue) say what a group may do; this policy adds
where: a venue belongs to the neighbourhood whose editors or moderators group the user is in.
"""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy


def neighbourhoods_of(user):
    from infopoint.models import Neighbourhood

    if user.is_superuser:
        return Neighbourhood.objects.all()
    groups = user.groups.all()
    return Neighbourhood.objects.filter(Q(editors__in=groups) | Q(moderators__in=groups)).distinct()


class VenuePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return (
            user.is_superuser
            or neighbourhoods_of(user).filter(pk=instance.neighbourhood_id).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser:
            return instances
        return instances.filter(neighbourhood__in=neighbourhoods_of(user))


class VenueForm(WagtailAdminModelForm):
    """Offers only the neighbourhoods the editor works for."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "neighbourhood" in self.fields:
            choices = neighbourhoods_of(for_user)
            self.fields["neighbourhood"].queryset = choices
            if not self.instance.pk and choices.count() == 1:
                self.fields["neighbourhood"].initial = choices.first()
