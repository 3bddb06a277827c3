"""Showing venues (the `venues.Venue` contract) on information-point pages."""


def venue_address(venue):
    """“Street 12, Utrecht”: what a resident needs to find the place."""
    street = " ".join(part for part in [venue.street, venue.house_number] if part)
    return ", ".join(part for part in [street, venue.city] if part)


def localized(venues, locale):
    """Each venue in `locale` where it has a translation, else as it is (usually Dutch).

    One query for the whole list. Duplicates (a venue listed in two languages) are dropped, so the
    caller may pass venues chosen in any language.
    """
    keys = {venue.translation_key for venue in venues if venue.locale_id != locale.pk}
    translations = {}
    if keys:
        model = type(venues[0])
        translations = {
            venue.translation_key: venue
            for venue in model.objects.filter(
                translation_key__in=keys, locale=locale
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
    """venue pk -> URL, asking `Venue.get_url` once per neighbourhood rather than per venue.

    The finder's address is the same for every venue of a neighbourhood, so the other venues' URLs
    follow from the first; where the contract's URL does not end in the slug, each venue is asked.
    """
    links = {}
    prefixes = {}
    for venue in venues:
        key = (venue.neighbourhood_id, venue.locale_id)
        prefix = prefixes.get(key)
        if prefix is None:
            url = venue.get_url(request)
            links[venue.pk] = url
            suffix = f"{venue.slug}/"
            if url and url.endswith(suffix):
                prefixes[key] = url[: -len(suffix)]
            continue
        links[venue.pk] = f"{prefix}{venue.slug}/"
    return links
