"""Context builders for the agenda's routes (kept out of models.py so they read top to bottom)."""

import calendar
import json
from datetime import date, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.html import strip_tags
from taggit.models import Tag
from wagtail.models import Site

from infopoint.scope import neighbourhood_for_site

from . import dates, ical
from .filters import AgendaFilterForm, apply_filters
from .queries import annotate, cached, occurrence_queryset
from .recurrence import TZ

PAGE_SIZE = 20


def serve_ics(request, path):
    """`…/feed.ics` and `…/<slug>/calendar.ics`: handed to the agenda page's routes."""
    from wagtail.views import serve

    return serve(request, f"{path}/")


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_neighbourhood(request):
    """The neighbourhood of the site serving the request (None on the city portal)."""
    return neighbourhood_for_site(Site.find_for_request(request))


def _scoped(queryset, neighbourhood):
    return (
        queryset if neighbourhood is None else queryset.filter(event__neighbourhood=neighbourhood)
    )


def filter_form(request, neighbourhood):
    """The filter form with the choices that exist here (three small queries at most)."""
    from infopoint.models import Neighbourhood
    from venues.models import Venue

    def choices():
        tags = Tag.objects.filter(events_eventtag_items__content_object__live=True)
        venues = Venue.objects.filter(
            events__live=True, locale__language_code=settings.LANGUAGE_CODE
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

    key = f"filter-choices-{neighbourhood.pk if neighbourhood else 'city'}"
    return AgendaFilterForm(
        request.GET, show_neighbourhood=neighbourhood is None, **cached(key, choices)
    )


def _base_urls(page, request, neighbourhood):
    """On a neighbourhood's site every event lives under this very agenda: no lookup needed."""
    if neighbourhood is None:
        return None
    return {neighbourhood.pk: page.get_url(request)}


def _annotate(occurrences, page, request, neighbourhood):
    urls = _base_urls(page, request, neighbourhood)
    annotate(occurrences, request, urls=urls)
    return occurrences


def query_string(request, **changes):
    params = request.GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value is not None:
            params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def filtered(request, *, ignore=()):
    """(neighbourhood, form, occurrence queryset, window) for the request's valid filters."""
    neighbourhood = site_neighbourhood(request)
    form = filter_form(request, neighbourhood)
    values = {k: v for k, v in form.valid_values().items() if k not in ignore}
    queryset = _scoped(occurrence_queryset(), neighbourhood)
    queryset, window = apply_filters(queryset, values)
    return neighbourhood, form, queryset, window


def agenda_context(page, request):
    neighbourhood, form, queryset, window = filtered(request)
    if window is None:
        queryset = queryset.filter(end__gt=timezone.now())
    paginator = Paginator(queryset.order_by("start", "pk"), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    occurrences = _annotate(list(page_obj.object_list), page, request, neighbourhood)
    feed_path = f"{page.get_url(request)}feed.ics{query_string(request, page=None)}"
    feed_url = request.build_absolute_uri(feed_path)
    return {
        "form": form,
        "occurrences": occurrences,
        "page_obj": page_obj,
        "paginator": paginator,
        "neighbourhood": neighbourhood,
        "filter_query": query_string(request, page=None),
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        "month_url": f"{page.get_url(request)}month/{query_string(request, page=None)}",
    }


def archive_context(page, request):
    neighbourhood = site_neighbourhood(request)
    queryset = _scoped(occurrence_queryset(), neighbourhood).filter(end__lte=timezone.now())
    paginator = Paginator(queryset.order_by("-start", "-pk"), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    occurrences = _annotate(list(page_obj.object_list), page, request, neighbourhood)
    return {"occurrences": occurrences, "page_obj": page_obj, "paginator": paginator}


def _month_from(request):
    today = dates.local_today()
    raw = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in raw.split("-"))
        return date(year, month, 1) if 1900 < year < 3000 else today.replace(day=1)
    except ValueError:
        return today.replace(day=1)


def month_context(page, request):
    neighbourhood, form, queryset, _window = filtered(request, ignore={"when", "start", "end"})
    first = _month_from(request)
    following = (first + timedelta(days=32)).replace(day=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    queryset = queryset.filter(
        end__gt=dates.local_midnight(first), start__lt=dates.local_midnight(following)
    ).order_by("start", "pk")
    occurrences = _annotate(list(queryset), page, request, neighbourhood)
    by_day = {}
    for occurrence in occurrences:
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
    return {
        "form": form,
        "month": first,
        "month_name": f"{MONTHS[first.month]} {first.year}",
        "weeks": weeks,
        "previous_query": query_string(request, month=previous.strftime("%Y-%m")),
        "next_query": query_string(request, month=following.strftime("%Y-%m")),
        "agenda_query": query_string(request, month=None),
    }


def find_event(page, request, slug):
    """The live event with this slug on this site, in the current language or else in Dutch."""
    from .models import Event

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


def _json_ld(event, occurrence, url, venue_url):
    mode = "OfflineEventAttendanceMode"
    if event.online_url and (event.venue_id or event.place):
        mode = "MixedEventAttendanceMode"
    elif event.online_url:
        mode = "OnlineEventAttendanceMode"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or strip_tags(event.description or "")[:300],
        "url": url,
        "eventStatus": f"https://schema.org/{event.status}",
        "eventAttendanceMode": f"https://schema.org/{mode}",
    }
    if occurrence is not None:
        start, end = occurrence.start.astimezone(TZ), occurrence.end.astimezone(TZ)
        if event.all_day:
            data["startDate"] = start.date().isoformat()
            data["endDate"] = (end - timedelta(microseconds=1)).date().isoformat()
        else:
            data["startDate"] = start.isoformat()
            data["endDate"] = end.isoformat()
    locations = []
    if event.venue_id:
        venue = event.venue
        place = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": f"{venue.street} {venue.house_number}".strip(),
                "postalCode": venue.postcode,
                "addressLocality": venue.city,
                "addressCountry": "NL",
            },
        }
        if venue.latitude is not None and venue.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        if venue_url:
            place["url"] = venue_url
        locations.append(place)
    elif event.place:
        locations.append({"@type": "Place", "name": event.place})
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    offer = {"@type": "Offer", "url": event.registration_url or url, "priceCurrency": "EUR"}
    if event.is_free:
        offer["price"] = "0"
    elif event.price:
        offer["description"] = event.price
    data["offers"] = offer
    if event.organiser:
        organizer = {"@type": "Organization", "name": event.organiser}
        if event.organiser_url:
            organizer["url"] = event.organiser_url
        data["organizer"] = organizer
    return json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)


def detail_context(request, event, page=None, preview=False):
    from .models import Occurrence

    now = timezone.now()
    if preview:
        # A preview shows what the dates would be, without writing anything.
        from .occurrences import horizon, occurrence_rows
        from .recurrence import expand

        instances = [i for i in expand(event.schedule(), horizon()) if i.end > now][:10]
        occurrences = occurrence_rows(event, instances)
    else:
        occurrences = list(
            Occurrence.objects.filter(event=event, end__gt=now).order_by("start", "pk")[:10]
        )
    for occurrence in occurrences:
        occurrence.event = event
    annotate(occurrences, request, urls={})
    language = translation.get_language() or "nl"
    url = request.build_absolute_uri(event.get_url(request) or "") if not preview else ""
    upcoming = next((o for o in occurrences if not o.is_cancelled), None)
    venue_url = None
    if event.venue_id:
        # The venue's page URL costs several page lookups; it changes only with pages or venues.
        site = Site.find_for_request(request)
        key = f"venue-url-{event.venue_id}-{language}-{site.pk if site else 0}"
        venue_url = cached(key, lambda: event.venue.get_url(request) or "") or None
    context = {
        "event": event,
        "event_lang": "" if event.locale.language_code == language else event.locale.language_code,
        "occurrences": occurrences,
        "next_occurrence": upcoming,
        "venue_url": venue_url,
        "json_ld": _json_ld(event, upcoming, url, venue_url),
        "request": request,
        "page": page,
        "preview": preview,
    }
    if upcoming is not None and url:
        context["google_url"] = ical.google_calendar_link(event, upcoming, url)
        context["outlook_url"] = ical.outlook_calendar_link(event, upcoming, url)
    if url:
        context["ics_url"] = f"{url}calendar.ics"
    return context


def feed_events(page, request):
    """The events behind the agenda's feed: same filters as the page, recent and upcoming."""
    from .models import Event

    _neighbourhood, _form, queryset, window = filtered(request)
    if window is None:
        # Keep the last month so subscribers still see what just happened.
        queryset = queryset.filter(end__gt=timezone.now() - timedelta(days=31))
    ids = queryset.order_by().values("event_id")
    return (
        Event.objects.filter(pk__in=ids)
        .select_related("venue", "neighbourhood", "locale")
        .prefetch_related("exceptions")
        .order_by("start", "pk")
    )
