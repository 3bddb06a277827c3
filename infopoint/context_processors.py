from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def _neighbourhood(site):
    if site is None:
        return None
    from .models import Neighbourhood

    return Neighbourhood.objects.filter(site=site).first()


def neighbourhood(request):
    """The site serving this request and, lazily, its neighbourhood (None on the city portal)."""
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "neighbourhood": SimpleLazyObject(lambda: _neighbourhood(site)),
    }
