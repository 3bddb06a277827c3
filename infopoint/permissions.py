"""Who may touch which neighbourhood's venues, events and feeds.

Wagtail scopes page permissions to a tree, but snippets are global: a Django permission such as
`change_venue` lets its holder change every venue in the city. Here the permission still says
*what* a group may do, and the neighbourhood says *where*: a user works for the neighbourhoods
whose editors or moderators group they are in. Superusers and the city administrators group
work for the whole city.

`NeighbourhoodPermissionPolicy` is registered for each scoped model (in the app's
`wagtail_hooks.py`), so every Wagtail view, chooser and bulk action that asks the policy registry
gets the scoped answer; `infopoint.snippet_views` makes the views that ask only about the model
ask about the item as well.
"""

from django import forms
from django.contrib.auth import get_permission_codename
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Neighbourhood

# A group, made by `ensure_portal`, for city staff who look after every neighbourhood without
# being superusers (they cannot manage users or settings). Identified by its name: a custom
# permission would need a migration for what is one group per installation.
CITY_ADMINISTRATORS = "City administrators"

# What lets a user see an item in a listing or chooser at all (as for Wagtail's listings).
LIST_ACTIONS = ["add", "change", "delete", "view"]


class Scope:
    """Where one user works: the whole city, or a set of neighbourhood ids."""

    def __init__(self, citywide=False, neighbourhood_ids=()):
        self.citywide = citywide
        self.neighbourhood_ids = frozenset(neighbourhood_ids)

    def covers(self, neighbourhood_id):
        return self.citywide or neighbourhood_id in self.neighbourhood_ids

    def filter(self, queryset, field="neighbourhood"):
        """The rows of `queryset` (of any model with a neighbourhood) this user works on."""
        if self.citywide:
            return queryset
        return queryset.filter(**{f"{field}_id__in": self.neighbourhood_ids})


def scope_of(user):
    """The user's scope, worked out once per user object (that is, once per request): listings
    ask about every row, and that must not cost a query per row."""
    scope = getattr(user, "_wijkinfo_scope", None)
    if scope is None:
        scope = _work_out_scope(user)
        if user.is_authenticated:
            user._wijkinfo_scope = scope
    return scope


def _work_out_scope(user):
    if not user.is_authenticated or not user.is_active:
        return Scope()
    if user.is_superuser:
        return Scope(citywide=True)
    groups = list(user.groups.values_list("pk", "name"))
    if any(name == CITY_ADMINISTRATORS for _pk, name in groups):
        return Scope(citywide=True)
    group_ids = [pk for pk, _name in groups]
    if not group_ids:
        return Scope()
    ids = Neighbourhood.objects.filter(
        Q(editors_id__in=group_ids) | Q(moderators_id__in=group_ids)
    ).values_list("pk", flat=True)
    return Scope(neighbourhood_ids=ids)


def neighbourhoods_of(user):
    """The neighbourhoods the user works for (every one for city-wide users)."""
    scope = scope_of(user)
    if scope.citywide:
        return Neighbourhood.objects.all()
    return Neighbourhood.objects.filter(pk__in=scope.neighbourhood_ids)


class NeighbourhoodPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the user's groups, limited to the neighbourhoods they work for.

    For any model with a `neighbourhood` foreign key (Venue, Event, EventFeed).
    """

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and scope_of(user).covers(
            instance.neighbourhood_id
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return scope_of(user).filter(super().instances_user_has_any_permission_for(user, actions))

    def user_has_permission_in(self, user, action, neighbourhood_id):
        """Whether the user may do `action` to this model's items in that neighbourhood.

        Stricter than the model permission: a moderator of one neighbourhood who also edits
        another may publish only in the one they moderate. City-wide users may wherever their
        permission says. The rule behind "only a moderator's calendar feed publishes directly".
        """
        if not self.user_has_permission(user, action):
            return False
        scope = scope_of(user)
        if scope.citywide:
            return True
        if not scope.covers(neighbourhood_id):
            return False
        codename = get_permission_codename(action, self.model._meta)
        return user.groups.filter(
            Q(edits_neighbourhood=neighbourhood_id) | Q(moderates_neighbourhood=neighbourhood_id),
            permissions__codename=codename,
            permissions__content_type__app_label=self.model._meta.app_label,
        ).exists()

    def users_with_any_permission_for_instance(self, actions, instance):
        # Who to notify about an item: its neighbourhood's people and the city-wide ones.
        return self.users_with_any_permission(actions).filter(
            Q(is_superuser=True)
            | Q(groups__name=CITY_ADMINISTRATORS)
            | Q(groups__edits_neighbourhood=instance.neighbourhood_id)
            | Q(groups__moderates_neighbourhood=instance.neighbourhood_id)
        )


class NeighbourhoodScopedForm(WagtailAdminModelForm):
    """The admin form of an item that belongs to a neighbourhood.

    The neighbourhood field offers only the neighbourhoods the editor works for (the only one, if
    there is one, is filled in for a new item), so a posted foreign neighbourhood is refused like
    any invalid choice. The fields named in `venue_fields` offer the editor's venues, and the venue
    chosen must be in the item's own neighbourhood: a resident looking at Lunetten's agenda would
    otherwise be sent across the city.
    """

    venue_fields = ()

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        scope = scope_of(for_user)
        field = self.fields.get("neighbourhood")
        if field is not None:
            # A city has a handful of neighbourhoods: a plain list (not the snippet chooser,
            # which would offer all of them) shows just the editor's.
            if not isinstance(field.widget, forms.Select):
                field.widget = forms.Select()
            field.queryset = neighbourhoods_of(for_user)
            field.error_messages["invalid_choice"] = _(
                "Choose one of the neighbourhoods you work for."
            )
            if not scope.citywide and len(scope.neighbourhood_ids) == 1:
                # Nothing to choose: no empty "---------" beside the only neighbourhood.
                field.empty_label = None
                if not self.instance.pk:
                    self.initial["neighbourhood"] = next(iter(scope.neighbourhood_ids))
        for name in self.venue_fields:
            if name in self.fields:
                self.fields[name].queryset = scope.filter(self.fields[name].queryset)

    def clean(self):
        cleaned_data = super().clean()
        if "neighbourhood" in self.fields:
            neighbourhood = cleaned_data.get("neighbourhood")
        else:
            neighbourhood = self.instance.neighbourhood if self.instance.neighbourhood_id else None
        if neighbourhood is None:
            return cleaned_data
        for name in self.venue_fields:
            venue = cleaned_data.get(name)
            if venue is not None and venue.neighbourhood_id != neighbourhood.pk:
                self.add_error(
                    name,
                    _("Choose a meeting place in %(neighbourhood)s, where this belongs.")
                    % {"neighbourhood": neighbourhood},
                )
        return cleaned_data
