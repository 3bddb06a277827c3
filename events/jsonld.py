"""An event as schema.org data, on its own page (search engines, other calendars)."""

from datetime import timedelta

from django.utils.html import strip_tags

from venues.jsonld import place

from .recurrence import TZ


def event_page(event, occurrence, url, venue_url):
    """schema.org Event for `event`, dated by its next `occurrence`, else by its own start.

    schema.org requires `startDate` even of a cancelled event: it keeps its date, with
    `eventStatus` Cancelled. A moved date carries `previousStartDate`. `venue_url` must be
    absolute (machines read this without the page's address).
    """
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
        start, end = occurrence.start, occurrence.end
    else:
        start, end = event.start, event.end
    start, end = start.astimezone(TZ), end.astimezone(TZ)
    if event.all_day:
        data["startDate"] = start.date().isoformat()
        data["endDate"] = (end - timedelta(microseconds=1)).date().isoformat()
    else:
        data["startDate"] = start.isoformat()
        data["endDate"] = end.isoformat()
    previous = getattr(occurrence, "original_start", None)
    if previous is not None and getattr(occurrence, "moved", False):
        previous = previous.astimezone(TZ)
        data["previousStartDate"] = (
            previous.date().isoformat() if event.all_day else previous.isoformat()
        )
    locations = []
    if event.venue_id:
        locations.append(place(event.venue, venue_url))
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
    return data
