"""Read-side helpers other apps use: upcoming dates and links to events.

Every function here runs a fixed number of queries however many occurrences it returns.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from wagtail.models import Locale

from .recurrence import TZ

VERSION_KEY = "events:version"
CACHE_SECONDS = 300


def bump_cache_version():
    """Called whenever events or agenda pages change: every cached lookup below goes stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def cached(name, build):
    """A small lookup shared by requests until the next change to events or agenda pages."""
    version = cache.get_or_set(VERSION_KEY, 1, None)
    return cache.get_or_set(f"events:{name}:v{version}", build, CACHE_SECONDS)


def _language_code(locale=None):
    if isinstance(locale, Locale):
        return locale.language_code
    return locale or translation.get_language() or settings.LANGUAGE_CODE


def occurrence_queryset(locale=None):
    """Occurrences of live events in `locale`, falling back to the Dutch event where an event
    has no live translation in that language (residents then see the Dutch text).

    Locales are matched by language code, which spares a Locale query per request.
    """
    from .models import Event, Occurrence

    code = _language_code(locale)
    default = settings.LANGUAGE_CODE
    queryset = Occurrence.objects.filter(event__live=True)
    if code == default:
        queryset = queryset.filter(event__locale__language_code=code)
    else:
        translated = Event.objects.filter(
            translation_key=OuterRef("event__translation_key"),
            locale__language_code=code,
            live=True,
        )
        queryset = queryset.filter(
            Q(event__locale__language_code=code)
            | (Q(event__locale__language_code=default) & ~Exists(translated))
        )
    return queryset.select_related("event", "event__venue", "event__neighbourhood", "event__locale")


def _agenda_pages():
    """{neighbourhood id: {language code: EventIndexPage}} in two queries (then cached)."""
    from infopoint.models import Neighbourhood

    from .models import EventIndexPage

    pages = list(
        EventIndexPage.objects.live()
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


def annotate(occurrences, request=None, urls=None):
    """Attach what a listing shows: local times, the link and the language of the text.

    `urls` ({neighbourhood id: agenda URL}) spares the lookup when the caller knows it.
    """
    if urls is None:
        urls = agenda_urls(request) if occurrences else {}
    language = translation.get_language() or "nl"
    for occurrence in occurrences:
        event = occurrence.event
        occurrence.local_start = occurrence.start.astimezone(TZ)
        occurrence.local_end = occurrence.end.astimezone(TZ)
        occurrence.local_date = occurrence.local_start.date()
        base = urls.get(event.neighbourhood_id)
        occurrence.url = f"{base}{event.slug}/" if base else ""
        occurrence.lang = (
            event.locale.language_code if event.locale.language_code != language else ""
        )
    return occurrences


def upcoming_occurrences(
    *,
    neighbourhood=None,
    venue=None,
    tag=None,
    start=None,
    days=None,
    limit=None,
    locale=None,
    request=None,
):
    """Upcoming dates (including ones still going on) for listings on other pages.

    Returns a list of Occurrence objects with `event`, its venue and neighbourhood loaded and
    `url`, `local_start`, `local_end` and `lang` set; five queries at most, whatever the count.
    """
    start = start or timezone.now()
    queryset = occurrence_queryset(locale).filter(end__gt=start)
    if days is not None:
        queryset = queryset.filter(start__lt=start + timedelta(days=days))
    if neighbourhood is not None:
        queryset = queryset.filter(event__neighbourhood=neighbourhood)
    if venue is not None:
        # The venue of the event in any language: venues are translatable too.
        queryset = queryset.filter(event__venue__translation_key=venue.translation_key)
    if tag is not None:
        queryset = queryset.filter(event__tags__slug=getattr(tag, "slug", tag)).distinct()
    queryset = queryset.order_by("start", "pk")
    if limit is not None:
        queryset = queryset[:limit]
    return annotate(list(queryset), request)


def feed_urls(request, *, neighbourhood, venue=None):
    """(https URL, webcal:// URL) of a neighbourhood's agenda feed, optionally for one venue.

    For the "subscribe" line on venue pages: include "events/components/subscribe.html" with
    feed_url and webcal_url.
    """
    base = agenda_url_for(neighbourhood.pk, request=request)
    if not base:
        return None, None
    path = f"{base}feed.ics" + (f"?venue={venue.slug}" if venue is not None else "")
    url = request.build_absolute_uri(path) if request is not None else path
    return url, "webcal://" + url.split("://", 1)[-1]
