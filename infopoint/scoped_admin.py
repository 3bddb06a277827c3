"""The admin's numbers and suggestions, limited to the neighbourhoods an editor works for.

Wagtail counts and suggests city-wide: the dashboard's page count starts from the common ancestor
of the editor's pages (Wagtail's root, since each language's home page is a tree of its own), the
snippets overview counts every row, a listing's neighbourhood filter offers every neighbourhood
and tag suggestions come from every tag. A one-neighbourhood volunteer should see their own
numbers and their own words; city-wide users (superusers, city administrators) keep Wagtail's.
"""

import operator
from functools import reduce

import django_filters
from django.apps import apps
from django.db.models import Q
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views import tags as wagtail_tags
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import ModelIndexView

from .admin_languages import EditorLanguageFilterSet
from .models import Neighbourhood
from .permissions import LIST_ACTIONS, NeighbourhoodPermissionPolicy, neighbourhoods_of, scope_of

TAGS_LIMIT = 10


def home_paths(user):
    """Tree paths of the home pages, in every language, of the neighbourhoods the user works for."""
    keys = neighbourhoods_of(user).values("site__root_page__translation_key")
    return list(
        Page.objects.filter(depth=2, translation_key__in=keys).values_list("path", flat=True)
    )


def under(paths, field="path"):
    """A filter for pages under (or at) any of `paths`; matches nothing for no paths."""
    if not paths:
        return Q(pk__in=[])
    return reduce(operator.or_, (Q(**{f"{field}__startswith": path}) for path in paths))


# --- The dashboard ----------------------------------------------------------------------------


class NeighbourhoodPagesSummaryItem(PagesSummaryItem):
    """ "12 pagina's": the pages of the editor's own neighbourhoods, in every language."""

    def get_context_data(self, parent_context):
        user = self.request.user
        if scope_of(user).citywide:
            return super().get_context_data(parent_context)
        neighbourhoods = list(neighbourhoods_of(user).select_related("site__root_page"))
        paths = home_paths(user)
        only = neighbourhoods[0] if len(neighbourhoods) == 1 else None
        return {
            "root_page": only.site.root_page if only else Page.get_first_root_node(),
            "total_pages": Page.objects.filter(under(paths)).count(),
            "site_name": only.name if only else "",
        }


def scope_summary_items(request, summary_items):
    summary_items[:] = [
        NeighbourhoodPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in summary_items
    ]


# --- The snippets overview --------------------------------------------------------------------


class SnippetIndexView(ModelIndexView):
    """The snippets overview, counting only the rows of the editor's neighbourhoods where a
    snippet belongs to one (venues, events, calendar feeds)."""

    def _get_snippet_types(self):
        snippet_types = super()._get_snippet_types()
        for snippet_type in snippet_types:
            policy = policy_registry.get_by_type(snippet_type["model"])
            if isinstance(policy, NeighbourhoodPermissionPolicy):
                snippet_type["count"] = policy.instances_user_has_any_permission_for(
                    self.request.user, LIST_ACTIONS
                ).count()
        return snippet_types


# --- Listing filters --------------------------------------------------------------------------


def _editors_neighbourhoods(request):
    if request is None:
        return Neighbourhood.objects.none()
    return neighbourhoods_of(request.user)


class NeighbourhoodFilterSet(EditorLanguageFilterSet):
    """A listing filter whose neighbourhood choice offers only the editor's neighbourhoods (and
    whose language is the editor's until they choose another)."""

    neighbourhood = django_filters.ModelChoiceFilter(
        queryset=_editors_neighbourhoods, label=_("neighbourhood")
    )


# --- Tag suggestions --------------------------------------------------------------------------


def _tags_in_scope(user):
    """Tags used on an item (or a page) of the user's neighbourhoods."""
    paths = None
    scope = scope_of(user)
    used = Q(pk__in=[])
    for through in apps.get_models():
        if not issubclass(through, TaggedItemBase):
            continue
        item_model = through._meta.get_field("content_object").related_model
        if item_model is None:  # a generic relation (taggit's own TaggedItem): none of ours
            continue
        field_names = {field.name for field in item_model._meta.get_fields()}
        if "neighbourhood" in field_names:
            items = scope.filter(item_model.objects.all())
        elif issubclass(item_model, Page):
            if paths is None:
                paths = home_paths(user)
            items = item_model.objects.filter(under(paths))
        else:
            continue
        used |= Q(pk__in=through.objects.filter(content_object__in=items).values("tag_id"))
    return Tag.objects.filter(used)


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag suggestions, from the tags of the editor's own neighbourhoods."""
    if scope_of(request.user).citywide:
        return wagtail_tags.autocomplete(request, app_name=app_name, model_name=model_name)
    if app_name and model_name and (app_name, model_name) != ("taggit", "tag"):
        # A tag model of its own (none of ours has one) is not scoped: Wagtail's answer.
        return wagtail_tags.autocomplete(request, app_name=app_name, model_name=model_name)
    term = request.GET.get("term", "")[:100]
    if not term:
        return JsonResponse([], safe=False)
    names = (
        _tags_in_scope(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_LIMIT]
    )
    return JsonResponse(list(names), safe=False)
