from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from infopoint import routing, scoped_admin
from infopoint import views as infopoint_views
from infopoint.sitemaps import SiteSitemap

handler500 = "infopoint.views.server_error"

urlpatterns = [
    # Before Wagtail's own: the snippets overview and tag suggestions, scoped to the editor's
    # neighbourhoods (infopoint.scoped_admin).
    path(
        "admin/snippets/",
        require_admin_access(scoped_admin.SnippetIndexView.as_view()),
        name="scoped_snippet_index",
    ),
    path(
        "admin/tag-autocomplete/",
        require_admin_access(scoped_admin.tag_autocomplete),
        name="scoped_tag_autocomplete",
    ),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(scoped_admin.tag_autocomplete),
        name="scoped_tag_model_autocomplete",
    ),
    # Reports, APIs and bulk actions that list only the editor's neighbourhoods' items.
    path("admin/", include(scoped_admin.admin_urls())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", infopoint_views.robots_txt, name="robots_txt"),
    path("favicon.ico", infopoint_views.favicon, name="favicon"),
    path("theme.css", infopoint_views.theme_css, name="theme_css"),
    # The open-data API: outside the language prefixes and the pages' routing (api.urls).
    path("", include("api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("", infopoint_views.root, name="root"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language: /nl/…, /en/…
urlpatterns += i18n_patterns(
    # Calendar feeds end in .ics, which Wagtail's page URLs (always ending in /) cannot express.
    path("", include("events.urls")),
    # Wagtail's page view with the route remembered between requests (same pattern and name).
    re_path(r"^((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
