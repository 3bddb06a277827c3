"""Where an event's page is: <its neighbourhood's agenda, in the current language>/<slug>/.

The one way every listing, search result, feed, JSON-LD and API finds an event's address. The
agendas' URLs are worked out together, remembered until something changes (infopoint.cache) and
once per request, so linking any number of events costs nothing more.
"""

from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Site

from infopoint.cache import cached
from infopoint.models import Neighbourhood
from infopoint.scope import neighbourhood_for_site, neighbourhoods

from .recurrence import TZ


def _agenda_pages():
    """{neighbourhood id: {language code: EventIndexPage}} in two queries."""
    # By name: the agenda page's module imports the event views, which link to events.
    agenda_page = apps.get_model("events", "EventIndexPage")
    pages = list(
        agenda_page.objects.live()
        .select_related("locale")
        .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
    )
    homes = list(Neighbourhood.objects.values_list("id", "site__root_page__path"))
    key_to_neighbourhood = {}
    for page in pages:
        for neighbourhood_id, home_path in homes:
            if page.path.startswith(home_path):
                key_to_neighbourhood[page.translation_key] = neighbourhood_id
    result = {}
    for page in pages:
        neighbourhood_id = key_to_neighbourhood.get(page.translation_key)
        if neighbourhood_id is not None:
            result.setdefault(neighbourhood_id, {})[page.locale.language_code] = page
    return result


def agenda_urls(request=None):
    """{neighbourhood id: URL of its agenda in the current language (Dutch as fallback)}."""
    memo = getattr(request, "_events_agenda_urls", None)
    language = translation.get_language() or settings.LANGUAGE_CODE
    if memo is not None and memo[0] == language:
        return memo[1]
    urls = {}
    for neighbourhood_id, by_language in cached("agenda-pages", _agenda_pages).items():
        page = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
        if page is not None:
            urls[neighbourhood_id] = page.get_url(request)
    if request is not None:
        request._events_agenda_urls = (language, urls)
    return urls


def agenda_url_for(neighbourhood_id, request=None):
    return agenda_urls(request).get(neighbourhood_id)


def event_url(event, request=None):
    """The URL of `event`'s page, or None when its neighbourhood has no agenda."""
    base = agenda_url_for(event.neighbourhood_id, request=request)
    return f"{base}{event.slug}/" if base else None


def annotate(occurrences, request=None, urls=None):
    """Attach what a listing shows: local times, the link and the language of the text.

    `urls` ({neighbourhood id: agenda URL}) spares the lookup when the caller knows it.
    """
    if urls is None:
        urls = agenda_urls(request) if occurrences else {}
    language = translation.get_language() or settings.LANGUAGE_CODE
    # On the city portal each item says which neighbourhood it is in (names cached: no query).
    names = {}
    if (
        occurrences
        and request is not None
        and neighbourhood_for_site(Site.find_for_request(request)) is None
    ):
        names = {neighbourhood.pk: neighbourhood.name for neighbourhood in neighbourhoods()}
    for occurrence in occurrences:
        event = occurrence.event
        occurrence.where = names.get(event.neighbourhood_id, "")
        occurrence.local_start = occurrence.start.astimezone(TZ)
        occurrence.local_end = occurrence.end.astimezone(TZ)
        occurrence.local_date = occurrence.local_start.date()
        base = urls.get(event.neighbourhood_id)
        occurrence.url = f"{base}{event.slug}/" if base else ""
        occurrence.lang = (
            event.locale.language_code if event.locale.language_code != language else ""
        )
    return occurrences


def feed_urls(request, *, neighbourhood, venue=None):
    """(https URL, webcal:// URL) of a neighbourhood's agenda feed, optionally for one venue."""
    base = agenda_url_for(neighbourhood.pk, request=request)
    if not base:
        return None, None
    path = f"{base}feed.ics" + (f"?venue={venue.slug}" if venue is not None else "")
    url = request.build_absolute_uri(path) if request is not None else path
    return url, webcal(url)


def webcal(url):
    """The webcal:// form of a feed's URL, which calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[-1]
