"""A venue as schema.org data: the Place on its own page and the location of an event."""

DAY_URIS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]


def place(venue, url=None):
    """The schema.org Place every mention of a venue starts from: name, address, coordinates."""
    data = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street_address,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": "NL",
        },
    }
    if venue.has_location:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    if url:
        data["url"] = url
    return data


def venue_page(venue, url=None):
    """The Place on the venue's own page: everything residents read there, for machines."""
    data = {"@context": "https://schema.org", **place(venue, url)}
    data.update(
        {
            "isAccessibleForFree": venue.is_free,
            "publicAccess": True,
            "openingHoursSpecification": [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": DAY_URIS[hours.weekday],
                    "opens": hours.opens.strftime("%H:%M"),
                    "closes": hours.closes.strftime("%H:%M"),
                }
                for hours in venue.opening_hours.all()
            ]
            + [
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": exception.date.isoformat(),
                    "validThrough": exception.date.isoformat(),
                    "opens": "00:00" if exception.closed else exception.opens.strftime("%H:%M"),
                    "closes": "00:00" if exception.closed else exception.closes.strftime("%H:%M"),
                }
                for exception in venue.opening_exceptions.all()
            ],
            # Accessibility of a place is an amenity; schema.org's accessibilityFeature is meant
            # for creative works.
            "amenityFeature": [
                {
                    "@type": "LocationFeatureSpecification",
                    "name": getattr(term, "label", term.name),
                    "identifier": term.slug,
                    "value": True,
                }
                for term in [*venue.facilities.all(), *venue.accessibility_features.all()]
            ],
        }
    )
    if venue.short_description:
        data["description"] = venue.short_description
    if venue.capacity:
        data["maximumAttendeeCapacity"] = venue.capacity
    if venue.phone:
        data["telephone"] = venue.phone
    if venue.email:
        data["email"] = venue.email
    if venue.website:
        data["sameAs"] = venue.website
    return data
