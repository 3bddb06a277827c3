"""A service as schema.org data: a `Service` with its provider, the area it serves, the hours it
is available and where to walk in (each a venue's Place, as venues.jsonld writes it)."""

from venues.jsonld import DAY_URIS, place

from .vocabulary import Cost


def _hours(row):
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": DAY_URIS[row.weekday],
        "opens": row.opens.strftime("%H:%M"),
        "closes": row.closes.strftime("%H:%M"),
    }


def service_page(service, url=None, neighbourhoods=(), city="Utrecht", venue_urls=None):
    """The Service on its own page. `neighbourhoods`: those it serves besides its own (names);
    `venue_urls`: {venue id: its page} for the places where residents walk in."""
    organisation = service.organisation
    provider = {"@type": "Organization", "name": organisation.name}
    for key in ("email", "website"):
        if getattr(organisation, key):
            provider["url" if key == "website" else key] = getattr(organisation, key)
    if organisation.phone:
        provider["telephone"] = organisation.phone
    if service.serves_whole_city:
        area = [{"@type": "City", "name": city}]
    else:
        names = [service.neighbourhood.name, *neighbourhoods]
        area = [{"@type": "AdministrativeArea", "name": name} for name in dict.fromkeys(names)]
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": service.name,
        "description": service.summary,
        "provider": provider,
        "areaServed": area,
        "serviceType": [str(label) for label in service.topic_labels()],
        "availableLanguage": service.languages,
        "hoursAvailable": [_hours(row) for row in service.walk_in_hours.all()],
    }
    if url:
        data["url"] = url
    if service.audience:
        data["audience"] = {"@type": "Audience", "audienceType": service.audience}
    if service.cost == Cost.FREE:
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
    elif service.cost_details:
        data["offers"] = {"@type": "Offer", "description": service.cost_details}
    venues = {row.venue_id: row.venue for row in service.walk_in_hours.all() if row.venue_id}
    channels = [
        {"@type": "ServiceChannel", "serviceLocation": place(venue, (venue_urls or {}).get(pk))}
        for pk, venue in venues.items()
    ]
    if service.phone:
        channels.append(
            {
                "@type": "ServiceChannel",
                "servicePhone": {"@type": "ContactPoint", "telephone": service.phone},
            }
        )
    if service.website:
        channels.append({"@type": "ServiceChannel", "serviceUrl": service.website})
    if channels:
        data["availableChannel"] = channels
    return data
