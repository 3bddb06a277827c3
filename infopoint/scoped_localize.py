"""wagtail-localize's admin, kept to the neighbourhoods an editor works for.

wagtail-localize asks only whether a user may change a snippet *model* ("may this user change
events at all?") before it edits a translation's strings and overrides, takes or gives its PO
file, stops it, starts one or brings translations up to date; some of those views do not even ask
that. Snippets are global, so a Lunetten editor could change Oost's translations by their ids.

One rule covers every localize view, present and future: `LocalizeScopeMiddleware` looks at what
the URL names (a translation, a translation source, a page, a snippet) and lets the view run only
when the user may change that object where it lives, by the same permission policies as the rest
of the admin (`infopoint.permissions`). The view's own checks still run after it.
"""

import contextlib

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource

NAMESPACE = "wagtail_localize"


def may_change(user, instance):
    """Whether `user` may change `instance` where it lives: a page by its tree's permissions, a
    snippet by its model's permission policy (for venues and events: in their neighbourhood)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def _existing(*getters):
    found = []
    for get in getters:
        # The source or the target may be gone; the other one decides.
        with contextlib.suppress(ObjectDoesNotExist):
            found.append(get())
    return found


def objects_named(kwargs):
    """The objects a localize URL works on, from its arguments; empty when it names none (the
    report, the script catalogue) or names something that does not exist (the view says 404)."""
    if "translation_id" in kwargs:
        translation = (
            Translation.objects.select_related("source").filter(pk=kwargs["translation_id"]).first()
        )
        if translation is None:
            return []
        return _existing(translation.source.get_source_instance, translation.get_target_instance)
    if "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
        return _existing(source.get_source_instance) if source else []
    if "page_id" in kwargs:
        return list(Page.objects.filter(pk=kwargs["page_id"]))
    if {"app_label", "model_name", "pk"} <= kwargs.keys():
        try:
            model = get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])
        except Http404:
            return []
        return list(model._default_manager.filter(pk=unquote(kwargs["pk"])))
    return []


class LocalizeScopeMiddleware:
    """Refuses a wagtail-localize view of an object the user may not change where it lives.

    The refusal is Wagtail's: back to the dashboard with "Sorry, you do not have permission…" for
    a page the browser navigates to, 403 for the translation editor's script (PUT, DELETE, or an
    XMLHttpRequest).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        user = request.user
        if not user.is_authenticated:  # the view sends them to the login page
            return None
        if all(may_change(user, instance) for instance in objects_named(view_kwargs)):
            return None
        if request.method not in ("GET", "HEAD", "POST"):
            raise PermissionDenied
        return permission_denied(request)
