from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .cache import generation
from .scope import neighbourhood_for_site


def neighbourhood(request):
    """The site serving this request and, lazily, its neighbourhood (None on the city portal);
    and the cache generation, for template fragments remembered with `{% cache %}` (read once
    per request, and only when a template asks)."""
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "neighbourhood": SimpleLazyObject(lambda: neighbourhood_for_site(site)),
        "cache_generation": SimpleLazyObject(lambda: _generation_of(request)),
    }


def _generation_of(request):
    if not hasattr(request, "_cache_generation"):
        request._cache_generation = generation()
    return request._cache_generation
