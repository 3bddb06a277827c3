"""What a venue's page shows, for residents (the finder's route) and for editors (the admin
preview): the same context either way.

Other apps add to the page by registering a function under `VENUE_SECTIONS` (Wagtail hooks):
given the venue and the request it returns a dict with the `template` to include and what that
template reads (as `section.…`), or None to add nothing. The agenda shows what is on at the
venue that way.
"""

from django.utils import timezone, translation
from wagtail import hooks

from . import jsonld
from .opening import coming_changes, is_open_at, week_schedule

VENUE_SECTIONS = "wijkinfo_venue_sections"


def sections(venue, request):
    found = (register(venue, request) for register in hooks.get_hooks(VENUE_SECTIONS))
    return [section for section in found if section]


def detail_context(request, venue, page, now=None):
    now = now or timezone.now()
    context = page.get_context(request) if page is not None else {"page": None}
    finder_url = page.get_url(request) if page is not None else ""
    url = (
        request.build_absolute_uri(f"{finder_url}{venue.slug}/")
        if finder_url and request is not None
        else None
    )
    context.update(
        {
            "venue": venue,
            "open_now": is_open_at(venue, now),
            "week": week_schedule(venue, now),
            "coming_changes": coming_changes(venue, now),
            "json_ld": jsonld.venue_page(venue, url),
            "language_code": translation.get_language(),
            "finder_url": finder_url,
            "sections": sections(venue, request),
        }
    )
    return context
