from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .scope import neighbourhood_for_site


def neighbourhood(request):
    """The site serving this request and, lazily, its neighbourhood (None on the city portal)."""
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "neighbourhood": SimpleLazyObject(lambda: neighbourhood_for_site(site)),
    }
