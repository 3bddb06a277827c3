"""Where a venue's page is: <its neighbourhood's finder, in the current language>/<slug>/.

The one way every page, card, search result, feed and API finds a venue's address. The finders'
URLs are worked out together (three queries), remembered until pages change (infopoint.cache) and
once per request, so linking any number of venues costs nothing more.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, Site

from infopoint.cache import cached
from infopoint.scope import neighbourhoods
from infopoint.translation import language_code

FINDER = "venues.VenueIndexPage"


def _finder_urls(request, code, page_model=FINDER):
    # By name: the finder page's module imports the venue views, which read venues.
    finder_page = apps.get_model(page_model)
    finders = list(
        finder_page.objects.live()
        .filter(locale__language_code__in={code, settings.LANGUAGE_CODE})
        .select_related("locale")
    )
    # A finder belongs to the home page (depth 2) its path starts with; translations of a
    # neighbourhood's home share its translation key.
    steplen = Page.steplen
    home_keys = dict(
        Page.objects.filter(
            path__in={finder.path[: 2 * steplen] for finder in finders}
        ).values_list("path", "translation_key")
    )
    by_home = {}
    for finder in sorted(finders, key=lambda f: f.locale.language_code != code):
        by_home.setdefault(home_keys.get(finder.path[: 2 * steplen]), finder)
    urls = {}
    for neighbourhood in neighbourhoods():
        finder = by_home.get(neighbourhood.site.root_page.translation_key)
        if finder is not None:
            urls[neighbourhood.pk] = finder.get_url(request)
    return urls


def finder_urls(request=None, locale=None, page_model=FINDER):
    """{neighbourhood id: URL of its finder in `locale` (else in Dutch)}.

    URLs are relative on the request's own site and absolute for other sites, as Wagtail's
    `get_url` gives them. `page_model` ("app_label.ModelName") names another section page with
    items under it the same way (the help finder's services).
    """
    code = language_code(locale)
    site = Site.find_for_request(request) if request is not None else None
    memo = getattr(request, "_venue_finder_urls", {}) if request is not None else {}
    if (code, page_model) not in memo:
        suffix = "" if page_model == FINDER else f":{page_model}"
        memo[code, page_model] = cached(
            f"venue-finder-urls:{code}:{site.pk if site else '-'}{suffix}",
            lambda: _finder_urls(request, code, page_model),
        )
        if request is not None:
            request._venue_finder_urls = memo
    return memo[code, page_model]


def venue_url(venue, request=None, locale=None):
    """The URL of `venue`'s page, or None when its neighbourhood has no finder."""
    finder = getattr(venue, "_finder_url", None)
    if finder is None:
        finder = finder_urls(request, locale).get(venue.neighbourhood_id)
    return f"{finder}{venue.slug}/" if finder else None


def attach_urls(venues, request=None, locale=None, urls=None):
    """Let `venue.get_url()` answer without looking anything up for every venue in `venues`."""
    urls = finder_urls(request, locale) if urls is None else urls
    for venue in venues:
        venue._finder_url = urls.get(venue.neighbourhood_id)
    return venues
