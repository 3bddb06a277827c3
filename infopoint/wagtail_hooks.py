from axes.models import AccessAttempt
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.widgets import ListingButton
from wagtail.contrib.forms.models import FormSubmission
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import scoped_admin, scoped_localize, twofactor
from .admin_views import GuidesToReviewView, mark_guide_report_done
from .dashboard import AwaitingReviewPanel, GuideReportsPanel, GuidesToCheckPanel
from .models import GuideReport, Neighbourhood
from .registry import (
    NEIGHBOURHOOD_PERMISSIONS,
    NEIGHBOURHOOD_SECTIONS,
    RETENTION,
    SEARCH_SOURCES,
    Retention,
    Section,
    SnippetPermissions,
)
from .search import PageSearchSource


class NeighbourhoodRecordPolicy(ModelPermissionPolicy):
    """A neighbourhood needs a site, groups and a collection, which only the
    `create_neighbourhood` command sets up together; the admin may rename or re-centre it."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "site"
    menu_label = _("Neighbourhoods")
    add_to_settings_menu = True
    list_display = ["name", "slug", "site"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("latitude"), FieldPanel("longitude")]


register_permission_policy(Neighbourhood, NeighbourhoodRecordPolicy(Neighbourhood))
register_snippet(NeighbourhoodViewSet)


@hooks.register("register_admin_urls")
def register_guide_review_urls():
    return [
        path("reports/guides-to-review/", GuidesToReviewView.as_view(), name="guides_to_review"),
        path(
            "reports/guides-to-review/results/",
            GuidesToReviewView.as_view(results_only=True),
            name="guides_to_review_results",
        ),
        path("guide-reports/<int:pk>/done/", mark_guide_report_done, name="guide_report_done"),
    ]


class GuidesToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return twofactor.urlpatterns()


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("wagtail_2fa_device_list", kwargs={"user_id": request.user.pk}),
        "label": _("Manage your 2FA devices"),
        "help_text": _("Add or remove devices for 2 factor authentication."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_user_listing_button(user, request_user):
    if twofactor.may_manage_devices_of(request_user, user.pk):
        yield ListingButton(
            _("Manage 2FA"),
            reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk}),
            priority=100,
        )


@hooks.register("construct_main_menu")
def only_two_factor_setup_until_done(request, menu_items):
    """A superuser who must add an authenticator app first sees only the way to it (every
    other page sends them there); everyone else keeps their menu."""
    if getattr(request.user, "two_factor_setup_required", False):
        menu_items[:] = [
            MenuItem(
                _("Set up two-step sign-in"),
                reverse("wagtail_2fa_device_new"),
                icon_name="key",
                name="two-factor-setup",
            )
        ]


@hooks.register("register_reports_menu_item")
def register_guide_review_menu_item():
    return GuidesToReviewMenuItem(
        _("Guides to review"), reverse("guides_to_review"), icon_name="help", order=50
    )


# After Wagtail adds its own items (order 0), so there is a page count to replace.
hooks.register("construct_homepage_summary_items", scoped_admin.scope_summary_items, order=100)
# After Wagtail's images and documents register theirs, so these replace them.
hooks.register("construct_admin_api", scoped_admin.scope_admin_api, order=100)
hooks.register("construct_page_chooser_queryset", scoped_admin.scope_page_chooser)
# The listings' translation buttons from one look-up per listing page, not per row.
scoped_localize.replace_localize_listing_hooks()
hooks.register("construct_explorer_page_queryset", scoped_localize.annotate_translation_state)


@hooks.register("construct_homepage_panels")
def add_neighbourhood_panels(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if isinstance(panel, WorkflowObjectsToModeratePanel) else panel
        for panel in panels
    ]
    panels.append(GuidesToCheckPanel())
    panels.append(GuideReportsPanel())


@hooks.register(NEIGHBOURHOOD_PERMISSIONS)
def translation_permissions():
    """Volunteers translate their own neighbourhood's pages and snippets: wagtail-localize's
    "Translate" (infopoint.scoped_localize keeps them to what they may change)."""
    return SnippetPermissions(editors=(("wagtail_localize", "submit_translation"),))


@hooks.register(SEARCH_SOURCES)
def search_pages():
    return PageSearchSource()


@hooks.register(NEIGHBOURHOOD_SECTIONS)
def news_section():
    return Section(
        "infopoint.NewsIndexPage",
        {
            "nl": ("Nieuws", "nieuws"),
            "en": ("News", "news"),
            "ar": ("الأخبار", "news"),
            "tr": ("Haberler", "haberler"),
        },
        order=30,
    )


@hooks.register(NEIGHBOURHOOD_SECTIONS)
def guides_section():
    return Section(
        "infopoint.GuideIndexPage",
        {
            "nl": ("Wegwijzer", "wegwijzer"),
            "en": ("Guides", "guides"),
            "ar": ("دليل الحي", "guides"),
            "tr": ("Rehber", "rehber"),
        },
        order=40,
    )


@hooks.register(NEIGHBOURHOOD_SECTIONS)
def search_section():
    return Section(
        "infopoint.SearchPage",
        {
            "nl": ("Zoeken", "zoeken"),
            "en": ("Search", "search"),
            "ar": ("بحث", "search"),
            "tr": ("Arama", "arama"),
        },
        order=50,
        show_in_menus=False,
    )


@hooks.register(RETENTION)
def contact_messages_retention():
    return Retention(
        "contact-form messages",
        FormSubmission.objects.all,
        "submit_time",
        "CONTACT_RETENTION_DAYS",
        order=10,
    )


@hooks.register(RETENTION)
def failed_logins_retention():
    """Failed sign-ins (django-axes) hold the address they came from."""
    return Retention(
        "failed sign-in attempts",
        AccessAttempt.objects.all,
        "attempt_time",
        "LOGIN_ATTEMPT_RETENTION_DAYS",
        order=90,
    )


@hooks.register(RETENTION)
def guide_reports_retention():
    """A resident's report may carry their e-mail address; seen to or not, it goes in time."""
    return Retention(
        "reports about guides",
        GuideReport.objects.all,
        "created_at",
        "REPORT_RETENTION_DAYS",
        order=31,
    )
