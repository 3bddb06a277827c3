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
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.http import Http404, JsonResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.auth import require_admin_access
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views import tags as wagtail_tags
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports import workflows
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import ModelLogEntry, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import ModelIndexView
from wagtail_localize.views import report, snippets_api

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


# --- Reports, APIs, bulk actions, the page chooser ---------------------------------------------
#
# Wagtail decides what a report or an API lists by the model permission (for snippets) or by the
# page tree (for pages). A tree is per neighbourhood already; snippets are not, so every list of
# venues, events or feeds — and of log entries and workflow states about them — is narrowed here
# to the items the policy lets the user see. Pages follow the editor's home pages where Wagtail
# would list the whole city (the page types report, the page chooser).


def scoped_models():
    """The models whose items belong to a neighbourhood (their policy says so)."""
    return [
        model
        for model in apps.get_models()
        if isinstance(
            policy_registry.get_by_type(model, fallback=False), NeighbourhoodPermissionPolicy
        )
    ]


def about_other_neighbourhoods(user, content_type="content_type", object_id="object_id"):
    """A filter for rows that are about an item (by content type and object id, as log entries and
    workflow states name theirs) of a neighbourhood the user does not work for."""
    scope = scope_of(user)
    other = Q(pk__in=[])
    if scope.citywide:
        return other
    for model in scoped_models():
        own = scope.filter(model.objects.all()).values_list(Cast("pk", CharField()), flat=True)
        other |= Q(**{f"{content_type}": ContentType.objects.get_for_model(model)}) & ~Q(
            **{f"{object_id}__in": own}
        )
    return other


class SiteHistoryView(LogEntriesView):
    """The site history, without what happened to other neighbourhoods' venues and events."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if issubclass(queryset.model, ModelLogEntry):
            queryset = queryset.exclude(about_other_neighbourhoods(self.request.user))
        return queryset


class WorkflowView(workflows.WorkflowView):
    """Items in moderation: the editor's neighbourhoods' only."""

    def get_queryset(self):
        return super().get_queryset().exclude(about_other_neighbourhoods(self.request.user))


class WorkflowTasksView(workflows.WorkflowTasksView):
    def get_queryset(self):
        other = about_other_neighbourhoods(
            self.request.user, "workflow_state__content_type", "workflow_state__object_id"
        )
        return super().get_queryset().exclude(other)


class PageTypesUsageView(PageTypesUsageReportView):
    """How often each page type is used, and its last edited page, among the editor's pages."""

    def get_queryset(self):
        user = self.request.user
        if scope_of(user).citywide:
            return super().get_queryset()
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        queryset = self.filter_queryset(self.queryset)
        mine = under(home_paths(user))
        count_filter = under(home_paths(user), "pages__path")
        latest = Page.objects.filter(mine, content_type=OuterRef("pk"))
        language_code = self.filters.form.cleaned_data.get("page_locale")
        site_root_path = self.filters.form.cleaned_data.get("site")
        if language_code:
            latest = latest.filter(locale__language_code=language_code)
            count_filter &= Q(pages__locale__language_code=language_code)
        if site_root_path:
            latest = latest.filter(path__startswith=site_root_path)
            count_filter &= Q(pages__path__startswith=site_root_path)
        latest = latest.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            count=Count("pages", filter=count_filter),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


class LocalizeSnippetsAPI(snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API (its editor's snippet chooser), listing venues and events
    the policy lets the user see."""

    def get_queryset(self):
        model = self.get_model()
        policy = policy_registry.get_by_type(model)
        if isinstance(policy, NeighbourhoodPermissionPolicy):
            return policy.instances_user_has_any_permission_for(self.request.user, LIST_ACTIONS)
        return super().get_queryset()


class TranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's translations report (which checks no permission at all), listing the
    translations of the editor's own pages, venues and events."""

    def get_queryset(self):
        # Newest first: wagtail-localize's own is unordered, so pages of it could repeat rows.
        queryset = super().get_queryset().order_by("-created_at", "-pk")
        user = self.request.user
        scope = scope_of(user)
        if scope.citywide:
            return queryset
        mine = Q(
            source__object__content_type=ContentType.objects.get_for_model(Page),
            source__object_id__in=Page.objects.filter(under(home_paths(user))).values(
                "translation_key"
            ),
        )
        for model in scoped_models():
            if issubclass(model, TranslatableMixin):
                mine |= Q(
                    source__object__content_type=ContentType.objects.get_for_model(model),
                    source__object_id__in=scope.filter(model.objects.all()).values(
                        "translation_key"
                    ),
                )
        return queryset.filter(mine)


class ChoosableMixin:
    """An admin API endpoint (images, documents) listing what the user may choose: the images
    and documents of the collections they work in."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        choosable = policy.instances_user_has_any_permission_for(
            self.request.user, ["choose", "add", "change", "delete"]
        )
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ImagesAdminAPI(ChoosableMixin, ImagesAdminAPIViewSet):
    pass


class DocumentsAdminAPI(ChoosableMixin, DocumentsAdminAPIViewSet):
    pass


def scope_admin_api(router):
    router.register_endpoint("images", ImagesAdminAPI)
    router.register_endpoint("documents", DocumentsAdminAPI)


def may_see(user, obj):
    """Whether the user may see `obj` at all (a page in their trees, an item of their
    neighbourhood, an image in their collections)."""
    if isinstance(obj, Page):
        return (
            policy_registry.get_by_type(Page).explorable_instances(user).filter(pk=obj.pk).exists()
        )
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, [*LIST_ACTIONS, "choose"], obj)


class ScopedBulkActionMixin:
    """A bulk action's confirmation lists what the user may not act on by name; what they may
    not even see (another neighbourhood's) is left out instead of named."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        extra["items_with_no_access"] = [
            obj for obj in extra["items_with_no_access"] if may_see(user, obj)
        ]
        return objects, extra


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk-action dispatcher, with `ScopedBulkActionMixin` on every action."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as err:
        raise Http404 from err
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    scoped = type(f"Scoped{action_class.__name__}", (ScopedBulkActionMixin, action_class), {})
    return scoped(request, model).dispatch(request)


def scope_page_chooser(pages, request):
    """The page chooser offers the editor's own neighbourhoods' pages (and Wagtail's root, to
    browse from)."""
    user = request.user
    if scope_of(user).citywide:
        return pages
    return pages.filter(under(home_paths(user)) | Q(depth=1))


def admin_urls():
    """The admin URLs replaced by scoped views, to come before Wagtail's own."""
    reports = [
        ("reports/site-history/", "site_history", SiteHistoryView),
        ("reports/workflow/", "workflow", WorkflowView),
        ("reports/workflow_tasks/", "workflow_tasks", WorkflowTasksView),
        ("reports/page-types-usage/", "page_types_usage", PageTypesUsageView),
        ("localize/reports/translations/", "translations_report", TranslationsReportView),
    ]
    urls = []
    for route, name, view in reports:
        urls += [
            path(route, require_admin_access(view.as_view()), name=f"scoped_{name}"),
            path(
                f"{route}results/",
                require_admin_access(view.as_view(results_only=True)),
                name=f"scoped_{name}_results",
            ),
        ]
    snippets = "localize/api/snippets/<slug:app_label>/<slug:model_name>/"
    return [
        *urls,
        path(
            snippets,
            require_admin_access(LocalizeSnippetsAPI.as_view({"get": "list"})),
            name="scoped_localize_snippets",
        ),
        path(
            f"{snippets}<str:pk>/",
            require_admin_access(LocalizeSnippetsAPI.as_view({"get": "retrieve"})),
            name="scoped_localize_snippet",
        ),
        path(
            "bulk/<str:app_label>/<str:model_name>/<str:action>/",
            require_admin_access(bulk_action),
            name="scoped_bulk_action",
        ),
    ]
