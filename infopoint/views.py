import sys

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views import defaults
from django.views.decorators.http import require_GET
from wagtail.models import Site
from wagtail.views import serve

from .colours import HEX_COLOUR
from .models import InformationPointSettings


@require_GET
def root(request):
    """The bare host name shows the site's home in the resident's preferred language.

    Every page links to and declares the language-prefixed URL as canonical (/nl/, /en/), so this
    only spares residents (and link checkers) a redirect.
    """
    language = translation.get_language_from_request(request)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = serve(request, "")
        if hasattr(response, "render"):
            response.render()
    patch_vary_headers(response, ["Accept-Language"])
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers and feed readers ask /favicon.ico whatever a page links: the static icon.

    A temporary redirect, remembered for a day: the icon's static URL changes with its content
    (hashed names in production).
    """
    response = HttpResponseRedirect(static("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response


@require_GET
def theme_css(request):
    """The site's accent colour as a stylesheet: the strict CSP forbids inline styles.

    Pages link it with the colour's hash in the URL, so browsers may keep it for a long time.
    """
    site = Site.find_for_request(request)
    colour = InformationPointSettings.for_site(site).accent_colour if site else ""
    # Validated on save; checked again so nothing but a colour can ever reach the stylesheet.
    css = f":root {{ --colour-accent: {colour}; }}\n" if HEX_COLOUR.match(colour or "") else ""
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


RETRY_AFTER_SECONDS = 30


def database_unreachable(error):
    """Whether `error` means the database cannot be reached (no live connection), rather than
    a query that failed on a working one."""
    if not isinstance(error, DatabaseError):
        return False
    live = connection.connection
    return live is None or bool(getattr(live, "closed", False))


def server_error(request):
    """handler500: an unreachable database is a 503 in the visitor's language (from the address,
    else the browser) with Retry-After; anything else is the plain 500 page."""
    if not database_unreachable(sys.exc_info()[1]):
        return defaults.server_error(request)
    language = translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)
    with translation.override(language):
        body = render_to_string("503.html")
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
