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
from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.widgets.button import Button as ListingButton
from wagtail.admin.widgets.button import Button as SnippetListingButton
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize import wagtail_hooks as localize_hooks
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


# --- The listings' "Translate" and "Sync translated snippets" buttons ------------------------
#
# wagtail-localize's snippet listing hook asks the database, for every row, which languages the
# item is in and whether it is the source of translations: two to four queries a row, so a page
# of 20 venues cost 40 more. `TranslationButtonsIndexMixin` asks once for the whole page of rows
# and leaves the answer on each row; `translation_listing_buttons` (which replaces
# wagtail-localize's hook) reads it there, and asks per row only on a listing that did not.

STATE = "_wijkinfo_translation_state"


class TranslationState:
    """What the buttons need to know of one row."""

    def __init__(self, untranslated_locales, source_id):
        self.untranslated_locales = untranslated_locales  # any language it is not in yet
        self.source_id = source_id  # its TranslationSource, when that has live translations


def prefetch_translation_state(rows):
    """Leave a `TranslationState` on each translatable row: three queries for any number."""
    rows = [row for row in rows if isinstance(row, TranslatableMixin)]
    if not rows:
        return
    model = type(rows[0]).get_translation_model()
    keys = {row.translation_key for row in rows}
    languages = defaultdict(set)
    for key, locale_id in model._default_manager.filter(translation_key__in=keys).values_list(
        "translation_key", "locale_id"
    ):
        languages[key].add(locale_id)
    locales = set(Locale.objects.values_list("pk", flat=True))
    sources = {
        (object_id, locale_id): pk
        for pk, object_id, locale_id in TranslationSource.objects.filter(
            Exists(Translation.objects.filter(source=OuterRef("pk"), enabled=True)),
            object_id__in=keys,
            object__content_type=ContentType.objects.get_for_model(model),
        ).values_list("pk", "object_id", "locale_id")
    }
    for row in rows:
        setattr(
            row,
            STATE,
            TranslationState(
                untranslated_locales=bool(locales - languages[row.translation_key]),
                source_id=sources.get((row.translation_key, row.locale_id)),
            ),
        )


class TranslationButtonsIndexMixin:
    """A snippet listing whose rows carry what their translation buttons need."""

    def get_table(self, object_list):
        rows = list(object_list)
        if self.request.user.has_perm("wagtail_localize.submit_translation"):
            prefetch_translation_state(rows)
        return super().get_table(rows)


def translation_listing_buttons(snippet, user, next_url=None):
    """wagtail-localize's "Translate" and "Sync translated snippets" buttons, the same ones, from
    what the listing fetched for all its rows."""
    state = getattr(snippet, STATE, None)
    if state is None:
        yield from localize_hooks.register_snippet_listing_buttons(snippet, user, next_url)
        return
    if not user.has_perm("wagtail_localize.submit_translation"):
        return
    opts = snippet._meta
    if state.untranslated_locales:
        yield SnippetListingButton(
            gettext("Translate"),
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[opts.app_label, opts.model_name, quote(snippet.pk)],
            ),
            attrs={"aria-label": gettext("Translate '%(title)s'") % {"title": str(snippet)}},
            icon_name="wagtail-localize-language",
            priority=100,
        )
    if state.source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[state.source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield SnippetListingButton(
            gettext("Sync translated snippets"),
            url,
            attrs={
                "aria-label": gettext("Sync translations of '%(title)s'") % {"title": str(snippet)}
            },
            icon_name="resubmit",
            priority=106,
        )


def replace_localize_listing_hooks():
    """Put `translation_listing_buttons` and `page_translation_buttons` where wagtail-localize's
    per-row hooks were (Wagtail has no way to unregister a hook; importing wagtail-localize's
    hooks module registers them, once). A page's own header keeps wagtail-localize's."""
    for name, theirs, ours in [
        (
            "register_snippet_listing_buttons",
            localize_hooks.register_snippet_listing_buttons,
            translation_listing_buttons,
        ),
        (
            "register_page_listing_more_buttons",
            localize_hooks.page_listing_more_buttons,
            page_translation_buttons,
        ),
    ]:
        registered = hooks._hooks.get(name, [])
        registered[:] = [(ours if fn is theirs else fn, order) for fn, order in registered]


# The page explorer: the same two buttons, from two subqueries in the explorer's own query
# (wagtail-localize's hook asks two to four queries for every child page).

UNTRANSLATED, SOURCE_ID = "wijkinfo_untranslated_locales", "wijkinfo_translation_source_id"


def annotate_translation_state(parent_page, pages, request):
    """`construct_explorer_page_queryset`: each page carries what its translation buttons need."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        return pages
    languages = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    sources = TranslationSource.objects.filter(
        Exists(Translation.objects.filter(source=OuterRef("pk"), enabled=True)),
        object_id=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=OuterRef("locale_id"),
    )
    return pages.annotate(
        **{
            UNTRANSLATED: Exists(Locale.objects.exclude(pk__in=languages)),
            SOURCE_ID: Subquery(sources.values("pk")[:1]),
        }
    )


def page_translation_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's "Translate this page" and "Sync translated pages" in the explorer's
    "More" menu, from `annotate_translation_state`."""
    if not hasattr(page, UNTRANSLATED):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if getattr(page, UNTRANSLATED):
        yield ListingButton(
            gettext("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source_id = getattr(page, SOURCE_ID)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(
            gettext("Sync translated pages"), url, priority=60, icon_name="resubmit"
        )
