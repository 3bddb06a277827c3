"""What the home page's sections show, each in a fixed number of queries."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from infopoint.models import GuideIndexPage, GuidePage, NewsIndexPage, NewsPage
from infopoint.models.guides import TOPIC_LABELS, TOPICS
from infopoint.scope import public, site_id_for, site_names
from infopoint.translation import in_language
from infopoint.venues import venue_address, venue_links


def _section(show, heading, default_heading, **extra):
    return {"show": show, "heading": heading or default_heading, **extra}


def _latest_news(home, request, city_wide):
    items = public(NewsPage.objects.live()).filter(locale_id=home.locale_id)
    if not city_wide:
        items = items.descendant_of(home)
    items = list(
        items.defer_streamfields().order_by("-date", "-first_published_at", "-pk")[
            : home.news_count
        ]
    )
    if city_wide and items:
        names = site_names()
        for item in items:
            item.site_name = names.get(site_id_for(item, request), "")
    return items


def _featured_venues(home, request):
    chosen = [
        featured.venue
        for featured in home.featured_venues.select_related(
            "venue__neighbourhood__site__root_page", "venue__locale"
        )
    ]
    venues = in_language(chosen, home.locale_id)
    links = venue_links(venues, request)
    return [
        {
            "name": venue.name,
            "url": links.get(venue.pk),
            "address": venue_address(venue),
            "lang": "" if venue.locale_id == home.locale_id else venue.locale.language_code,
        }
        for venue in venues
    ]


def _guide_topics(home):
    used = set(public(GuidePage.objects.live().descendant_of(home)).values_list("topic", flat=True))
    return [{"code": code, "label": TOPIC_LABELS[code]} for code, _label in TOPICS if code in used]


def _section_urls(home, request):
    """The URLs of the home page's news and guide sections (one query for both)."""
    urls = {}
    for page in Page.objects.child_of(home).live().type(NewsIndexPage, GuideIndexPage):
        urls[page.specific_class] = page.get_url(request)
    return urls.get(NewsIndexPage), urls.get(GuideIndexPage)


def home_sections(home, request):
    from home.models import PortalPage

    city_wide = isinstance(home, PortalPage)
    news_url, guides_url = _section_urls(home, request)
    context = {
        "this_week": _section(
            home.show_this_week,
            home.this_week_heading,
            _("This week"),
            count=home.this_week_count,
            city_wide=city_wide,
        ),
        "latest_news": _section(
            home.show_news,
            home.news_heading,
            _("Latest news"),
            items=_latest_news(home, request, city_wide) if home.show_news else [],
            url=news_url,
            city_wide=city_wide,
        ),
        "featured_venues": _section(
            home.show_featured_venues,
            home.featured_venues_heading,
            _("Meeting places"),
            items=_featured_venues(home, request) if home.show_featured_venues else [],
        ),
    }
    if not city_wide:
        context["guide_topics"] = _section(
            home.show_guide_topics,
            home.guide_topics_heading,
            _("Guides"),
            items=_guide_topics(home) if home.show_guide_topics else [],
            url=guides_url,
        )
        context["contact"] = _section(home.show_contact, home.contact_heading, _("Contact"))
    return context
