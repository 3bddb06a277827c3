"""Where a service's page is: <a help finder it is shown in, in the current language>/<slug>/.

A service serving several neighbourhoods is shown in each of their finders; its link goes to
the finder of the neighbourhood being looked at when it serves it, else to its own
neighbourhood's. The finders' URLs are found the way the meeting-place finders' are
(venues.links), so linking any number of services costs nothing more.
"""

from venues.links import finder_urls

FINDER = "services.ServiceIndexPage"


def help_finder_urls(request=None, locale=None):
    """{neighbourhood id: URL of its help finder in `locale` (else in Dutch)}."""
    return finder_urls(request, locale, page_model=FINDER)


def service_url(service, request=None, locale=None):
    """The URL of `service`'s page, or None when its neighbourhood has no help finder."""
    finder = getattr(service, "_finder_url", None)
    if finder is None:
        finder = help_finder_urls(request, locale).get(service.neighbourhood_id)
    return f"{finder}{service.slug}/" if finder else None


def attach_urls(services, request=None, locale=None, urls=None, finder_url=None):
    """Let `service.get_url()` answer without looking anything up; `finder_url`: the finder
    being looked at, which every service listed there is linked under."""
    urls = help_finder_urls(request, locale) if urls is None else urls
    for service in services:
        service._finder_url = finder_url or urls.get(service.neighbourhood_id)
    return services
