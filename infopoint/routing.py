"""Finding a request's site and page from the cache instead of walking the tree.

Wagtail looks up the site (one query), the active locale (one), the localised home page (one) and
then two queries per level of the path on every request. Those answers change only when a page is
published, unpublished, moved or deleted or a site is saved, which is exactly when the cache
generation changes (see `infopoint.cache`). So the site is remembered per host and port,
and a page's place in the tree per site, language and path; a request then costs one query for its
page. Anything not remembered yet, or no longer live, goes through Wagtail's own routing, whose
answer is remembered for the next request.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .cache import TIMEOUT
from .cache import prefix as key_prefix
from .translation import default_locale_id

_NO_SITE = "none"


def find_site(request):
    """Wagtail's `Site.find_for_request`, remembered per host name and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"{key_prefix('route-site')}{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        # The root page travels with the site: Wagtail's own lookup loads it in the same query.
        cache.set(key, site if site is not None else _NO_SITE, TIMEOUT)
    elif site == _NO_SITE:
        site = None
    request._wagtail_site = site
    return site


class SiteMiddleware:
    """Lets every view that asks Wagtail for the current site get the remembered one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        find_site(request)
        return self.get_response(request)


def _route_prefix(site):
    # One cache read for the generation per request, however deep the path.
    return f"{key_prefix('route')}{site.pk}:{translation.get_language()}:"


def _cached_route(request, prefix, components):
    """The route through the longest remembered prefix of the path: a RouteResult, False for a
    path that cannot exist under a remembered page, or None when nothing usable is remembered."""
    keys = {prefix + "/".join(components[:n]): n for n in range(len(components), -1, -1)}
    remembered = cache.get_many(list(keys))
    for key, consumed in keys.items():
        if key not in remembered:
            continue
        page_id, content_type_id = remembered[key]
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id, live=True).first() if model else None
        if page is None:
            return None
        try:
            return page.route(request, components[consumed:])
        except Http404:
            return False
    return None


def _remember(site, prefix, components, route):
    consumed = route.page.depth - site.root_page.depth
    key = prefix + "/".join(components[:consumed])
    cache.set(key, (route.page.pk, route.page.content_type_id), TIMEOUT)


def _dutch_route(site, request, components):
    """The route to a Dutch page not translated into the visitor's language yet: down the
    visitor's tree as far as it goes, then on from that page's Dutch source (see
    infopoint.translation: the page is shown in Dutch inside the visitor's language chrome)."""
    default_id = default_locale_id()
    page = site.root_page.localized
    if page.locale_id == default_id:
        return None
    for consumed, component in enumerate(components):
        child = page.get_children().live().filter(slug=component).first()
        if child is not None:
            page = child
            continue
        dutch = page.get_translation_or_none(default_id)
        if dutch is None or not dutch.live:
            return None
        missing = dutch.get_children().live().filter(slug=component).first()
        if missing is None or missing.get_translations().live().filter(locale=page.locale_id):
            # A Dutch address of a translated page leads to the translation (a redirect).
            return None
        try:
            return dutch.specific.route(request, components[consumed:])
        except Http404:
            return None
    return None


def serve(request, path):
    """Wagtail's page view, with the route looked up in the cache first."""
    site = find_site(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        components = [component for component in path.split("/") if component]
        prefix = _route_prefix(site)
        route = _cached_route(request, prefix, components)
        if not route:
            if route is None:
                route = Page.route_for_request(request, path)
            route = route or _dutch_route(site, request, components)
            if route:
                _remember(site, prefix, components, route)
        request._wagtail_route_for_request = route or None
    return wagtail_views.serve(request, path)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a missing admin, document or API address stays a 404.

    Django retries a 404 under the language prefix and redirects when that resolves; Wagtail's
    page pattern under /<language>/ resolves everything, so a missing admin item became a
    redirect to a public "page not found".
    """

    unprefixed = ("/admin/", "/documents/", "/api/")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.unprefixed):
            return response
        return super().process_response(request, response)
