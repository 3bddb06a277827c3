"""Showing venues (the `venues.Venue` contract) on information-point pages."""


def venue_address(venue):
    """“Street 12, Utrecht”: what a resident needs to find the place."""
    street = " ".join(part for part in [venue.street, venue.house_number] if part)
    return ", ".join(part for part in [street, venue.city] if part)


def localized(venues, locale_id):
    """Each venue in the locale `locale_id` where translated, else as it is (usually Dutch).

    One query for the whole list. Duplicates (a venue listed in two languages) are dropped, so the
    caller may pass venues chosen in any language.
    """
    keys = {venue.translation_key for venue in venues if venue.locale_id != locale_id}
    translations = {}
    if keys:
        model = type(venues[0])
        translations = {
            venue.translation_key: venue
            for venue in model.objects.filter(
                translation_key__in=keys, locale_id=locale_id
            ).select_related("neighbourhood__site", "locale")
        }
    seen = set()
    result = []
    for venue in venues:
        if venue.translation_key in seen:
            continue
        seen.add(venue.translation_key)
        result.append(translations.get(venue.translation_key, venue))
    return result


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
