from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET
from wagtail.views import serve


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
