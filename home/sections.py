"""What a home page's sections show, each in a fixed number of queries.

The sections come from the apps (infopoint.registry.HOME_SECTIONS): "this week" from the agenda,
the featured meeting places from the venues, and the latest news, guide topics and contact from
here. The home page keeps the editors' choices for each (show it, its heading, how many items);
`home_sections` puts the two together.
"""

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from infopoint.models import GuideIndexPage, GuidePage, NewsIndexPage, NewsPage
from infopoint.models.guides import TOPIC_LABELS, TOPICS
from infopoint.navigation import site_chrome
from infopoint.registry import HOME_SECTIONS, HomeSection, contributions
from infopoint.scope import is_on_portal, public, site_id_for, site_names
from infopoint.translation import default_locale_id, in_language_or_dutch


def home_sections(home, request):
    """{name: section} for the home page's template, and `sections` in their order."""
    city_wide = is_on_portal(home)
    context = {"sections": []}
    for section in contributions(HOME_SECTIONS):
        if city_wide and not section.on_portal:
            continue
        prefix = section.settings_prefix or section.name
        data = {
            "name": section.name,
            "template": section.template,
            "show": getattr(home, f"show_{prefix}", True),
            "heading": getattr(home, f"{prefix}_heading", "") or str(section.heading),
            "count": getattr(home, f"{prefix}_count", None),
            "city_wide": city_wide,
        }
        if data["show"]:
            data.update(section.context(home, request, data) or {})
        context[section.name] = data
        context["sections"].append(data)
    # The footer shows the same address and hours on every page: not twice on this one.
    context["contact_on_page"] = bool(context.get("contact", {}).get("show"))
    return context


def _section_url(home, request, page_type):
    url = getattr(request, "_home_section_urls", None)
    if url is None:
        # The news and guide sections' addresses, in one query for both.
        url = {
            page.specific_class: page.get_url(request)
            for page in Page.objects.child_of(home).live().type(NewsIndexPage, GuideIndexPage)
        }
        request._home_section_urls = url
    return url.get(page_type)


def latest_news(home, request, section):
    # News not translated into this language yet shows in Dutch (infopoint.translation).
    items = in_language_or_dutch(
        public(NewsPage.objects.live()), translations=NewsPage.objects.live()
    )
    dutch_home = None
    if not section["city_wide"]:
        dutch_home = home.get_translation_or_none(default_locale_id())
        homes = [home] + ([dutch_home] if dutch_home and dutch_home.pk != home.pk else [])
        within = Q()
        for tree in homes:
            within |= Q(path__startswith=tree.path, depth__gt=tree.depth)
        items = items.filter(within)
    items = list(
        items.defer_streamfields().order_by("-date", "-first_published_at", "-pk")[
            : section["count"]
        ]
    )
    url = _section_url(home, request, NewsIndexPage)
    if dutch_home is not None and dutch_home.pk != home.pk and url:
        # News not translated yet, at its address under this language's news page.
        for item in items:
            if item.locale_id == dutch_home.locale_id:
                item.href = f"{url}{item.slug}/"
    if section["city_wide"] and items:
        names = site_names()
        for item in items:
            item.site_name = names.get(site_id_for(item, request), "")
    return {"items": items, "url": url}


def guide_topics(home, request, section):
    dutch_home = home.get_translation_or_none(default_locale_id()) or home
    used = set(
        public(GuidePage.objects.live())
        .filter(Q(path__startswith=home.path) | Q(path__startswith=dutch_home.path))
        .values_list("topic", flat=True)
    )
    return {
        "items": [
            {"code": code, "label": TOPIC_LABELS[code]} for code, _label in TOPICS if code in used
        ],
        "url": _section_url(home, request, GuideIndexPage),
    }


def contact(home, request, section):
    """The information point's address and hours (Settings → Information point)."""
    chrome = site_chrome(Site.find_for_request(request), translation.get_language())
    return {"info": chrome.get("info")}


NEWS = HomeSection(
    "latest_news",
    "home/sections/latest_news.html",
    latest_news,
    heading=_("Latest news"),
    settings_prefix="news",
    order=20,
)
GUIDE_TOPICS = HomeSection(
    "guide_topics",
    "home/sections/guide_topics.html",
    guide_topics,
    heading=_("Guides"),
    order=40,
    on_portal=False,
)
CONTACT = HomeSection(
    "contact",
    "home/sections/contact.html",
    contact,
    heading=_("Contact"),
    order=50,
    on_portal=False,
)
