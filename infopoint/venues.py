"""Showing venues (the `venues.Venue` contract) on information-point pages."""


def venue_address(venue):
    """“Street 12, Utrecht”: what a resident needs to find the place."""
    street = " ".join(part for part in [venue.street, venue.house_number] if part)
    return ", ".join(part for part in [street, venue.city] if part)


def venue_links(venues, request):
    """venue pk -> URL, asking `Venue.get_url` once per neighbourhood and language.

    The finder's address is the same for every venue of a neighbourhood, so the other venues' URLs
    follow from the first, and that prefix is cached until pages change. Where the contract's URL
    does not end in the slug, each venue is asked.
    """
    from .navigation import cached

    links = {}
    for venue in venues:
        suffix = f"{venue.slug}/"

        def prefix_of(venue=venue, suffix=suffix):
            url = venue.get_url(request) or ""
            return url[: -len(suffix)] if url.endswith(suffix) else ""

        prefix = cached(f"venue-prefix:{venue.neighbourhood_id}:{venue.locale_id}", prefix_of)
        links[venue.pk] = f"{prefix}{suffix}" if prefix else venue.get_url(request)
    return links
