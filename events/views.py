"""The agenda's views: the list, the month, the archive, the iCalendar feeds and an event's page.

Each is a route of the agenda page (events.models.pages.EventIndexPage). Other apps add links
next to the agenda's own (“Submit an event”) by registering a function under `AGENDA_LINKS`
(Wagtail hooks): given the agenda page and the request it returns a dict with the `template` to
include and what it reads (as `section.…`), or None.
"""

import calendar
import re
from datetime import date, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.dates import MONTHS
from taggit.models import Tag
from wagtail import hooks
from wagtail.models import Site

from infopoint.cache import cached
from infopoint.models import Neighbourhood
from infopoint.scope import neighbourhood_for_site
from venues.models import Venue

from . import dates
from .detail import detail_context
from .filters import AgendaFilterSet
from .ical import calendar_for
from .links import annotate, webcal
from .models.event import Event
from .queries import occurrence_queryset

PAGE_SIZE = 20
AGENDA_LINKS = "wijkinfo_agenda_links"


def site_neighbourhood(request):
    """The neighbourhood of the site serving the request (None on the city portal)."""
    return neighbourhood_for_site(Site.find_for_request(request))


def _scoped(queryset, neighbourhood):
    return (
        queryset if neighbourhood is None else queryset.filter(event__neighbourhood=neighbourhood)
    )


def _choices(neighbourhood):
    """The filters' choices that exist here: tags and venues in use (remembered)."""
    tags = Tag.objects.filter(events_eventtag_items__content_object__live=True)
    venues = Venue.objects.filter(
        events__live=True, live=True, locale__language_code=settings.LANGUAGE_CODE
    )
    neighbourhoods = []
    if neighbourhood is not None:
        tags = tags.filter(events_eventtag_items__content_object__neighbourhood=neighbourhood)
        venues = venues.filter(neighbourhood=neighbourhood)
    else:
        neighbourhoods = list(Neighbourhood.objects.values_list("slug", "name"))
    return {
        "tags": list(tags.values_list("slug", "name").distinct().order_by("name")),
        "venues": list(venues.values_list("slug", "name").distinct().order_by("name")),
        "neighbourhoods": neighbourhoods,
    }


def filtered(request, *, use_dates=True):
    """(neighbourhood, filterset) for the request: the filterset's `qs` holds the occurrences."""
    neighbourhood = site_neighbourhood(request)
    key = f"agenda-filter-choices:{neighbourhood.pk if neighbourhood else 'city'}"
    filterset = AgendaFilterSet(
        request.GET,
        _scoped(occurrence_queryset(), neighbourhood),
        show_neighbourhood=neighbourhood is None,
        use_dates=use_dates,
        **cached(key, lambda: _choices(neighbourhood)),
    )
    return neighbourhood, filterset


def _listed(occurrences, page, request, neighbourhood):
    # On a neighbourhood's site every event lives under this very agenda: no lookup needed.
    urls = {neighbourhood.pk: page.get_url(request)} if neighbourhood is not None else None
    return annotate(list(occurrences), request, urls=urls)


def _links(page, request):
    found = (register(page, request) for register in hooks.get_hooks(AGENDA_LINKS))
    return [link for link in found if link]


def agenda(request, page):
    neighbourhood, filterset = filtered(request)
    queryset = filterset.qs
    if filterset.window is None:
        queryset = queryset.filter(end__gt=timezone.now())
    paginator = Paginator(queryset.order_by("start", "pk"), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    # The route is "feed.ics/"; the address residents subscribe to has no slash (events.urls).
    feed_path = page.get_url(request) + page.reverse_subpage("feed").rstrip("/")
    feed_url = request.build_absolute_uri(feed_path + _query(request, page=None))
    context = {
        "form": filterset.form,
        "occurrences": _listed(page_obj.object_list, page, request, neighbourhood),
        "page_obj": page_obj,
        "paginator": paginator,
        "neighbourhood": neighbourhood,
        "feed_url": feed_url,
        "webcal_url": webcal(feed_url),
        "links": _links(page, request),
    }
    return page.render(request, template="events/event_index_page.html", context_overrides=context)


def archive(request, page):
    neighbourhood = site_neighbourhood(request)
    queryset = _scoped(occurrence_queryset(), neighbourhood).filter(end__lte=timezone.now())
    paginator = Paginator(queryset.order_by("-start", "-pk"), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "occurrences": _listed(page_obj.object_list, page, request, neighbourhood),
        "page_obj": page_obj,
        "paginator": paginator,
    }
    return page.render(request, template="events/event_archive.html", context_overrides=context)


MONTH_PATTERN = re.compile(r"(\d{4})-(\d{1,2})")


def _month_from(request):
    """The month asked for as YYYY-MM (1901–2999); anything else is this month."""
    found = MONTH_PATTERN.fullmatch(request.GET.get("month", "").strip())
    if found:
        year, month = int(found[1]), int(found[2])
        if 1900 < year < 3000 and 1 <= month <= 12:
            return date(year, month, 1)
    return dates.local_today().replace(day=1)


def month(request, page):
    neighbourhood, filterset = filtered(request, use_dates=False)
    first = _month_from(request)
    following = (first + timedelta(days=32)).replace(day=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    queryset = filterset.qs.filter(
        end__gt=dates.local_midnight(first), start__lt=dates.local_midnight(following)
    ).order_by("start", "pk")
    by_day = {}
    for occurrence in _listed(queryset, page, request, neighbourhood):
        day = occurrence.local_date
        last = (occurrence.local_end - timedelta(microseconds=1)).date()
        while day <= last:
            by_day.setdefault(day, []).append(occurrence)
            day += timedelta(days=1)
    today = dates.local_today()
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == first.month,
                "today": day == today,
                "occurrences": by_day.get(day, []) if day.month == first.month else [],
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    context = {
        "form": filterset.form,
        "month": first,
        "month_name": f"{MONTHS[first.month]} {first.year}",
        "weeks": weeks,
        "previous_month": previous.strftime("%Y-%m"),
        "next_month": following.strftime("%Y-%m"),
    }
    return page.render(request, template="events/event_month.html", context_overrides=context)


def _query(request, **changes):
    """This request's query string with `changes` (None removes a parameter): for links that
    Python builds, where templates use {% querystring %}."""
    params = request.GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value is not None:
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def find_event(request, slug):
    """The live event with this slug on this site, in the current language or else in Dutch."""
    neighbourhood = site_neighbourhood(request)
    if neighbourhood is None:
        raise Http404("Events live on their neighbourhood's site.")
    language = translation.get_language() or settings.LANGUAGE_CODE
    candidates = (
        Event.objects.filter(neighbourhood=neighbourhood, slug=slug, live=True)
        .filter(locale__language_code__in=[language, settings.LANGUAGE_CODE])
        .select_related("venue__neighbourhood__site__root_page", "neighbourhood", "locale", "image")
    )
    found = sorted(candidates, key=lambda event: event.locale.language_code != language)
    if not found:
        raise Http404("No such event.")
    return found[0]


def event_detail(request, page, slug):
    context = detail_context(request, find_event(request, slug), page=page)
    return page.render(request, template="events/event_detail.html", context_overrides=context)


def event_without_slash(request, page, slug):
    url = page.get_url(request) + page.reverse_subpage("event", args=[slug])
    return redirect(url, permanent=True)


def _ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, max_age=900)
    return response


def feed_events(request, filterset=None):
    """The events behind the agenda's feed: same filters as the page, recent and upcoming."""
    if filterset is None:
        _neighbourhood, filterset = filtered(request)
    queryset = filterset.qs
    if filterset.window is None:
        # Keep the last month so subscribers still see what just happened.
        queryset = queryset.filter(end__gt=timezone.now() - timedelta(days=31))
    ids = queryset.order_by().values("event_id")
    return (
        Event.objects.filter(pk__in=ids)
        .select_related("venue", "neighbourhood", "locale")
        .prefetch_related("exceptions")
        .order_by("start", "pk")
    )


def feed_name(request, page, neighbourhood, filterset):
    """What a subscriber's calendar app calls the feed: by what it holds, so two
    neighbourhoods' or a venue's agenda are told apart ("Agenda Lunetten — Buurthuis De Linde")."""
    if neighbourhood is not None:
        where = neighbourhood.name
    else:
        site = Site.find_for_request(request)
        where = site.site_name if site is not None else ""
    name = f"{page.title} {where}".strip()
    filterset.is_valid()
    venue = getattr(filterset.form, "cleaned_data", {}).get("venue")
    if venue and "venue" in filterset.filters:
        venue_name = dict(filterset.filters["venue"].extra["choices"]).get(venue)
        if venue_name:
            name = f"{name} — {venue_name}"
    return name


def feed(request, page):
    neighbourhood, filterset = filtered(request)
    events = list(feed_events(request, filterset))
    base = request.build_absolute_uri(page.get_url(request))
    name = feed_name(request, page, neighbourhood, filterset)
    body = calendar_for(events, lambda event: f"{base}{event.slug}/", name=name)
    return _ics_response(body, "agenda.ics")


def event_ics(request, page, slug):
    event = find_event(request, slug)
    url = request.build_absolute_uri(
        page.get_url(request) + page.reverse_subpage("event", args=[event.slug])
    )
    return _ics_response(calendar_for([event], lambda _event: url), f"{event.slug}.ics")
