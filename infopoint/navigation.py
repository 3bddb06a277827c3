"""The parts of every page that come from the site rather than the page: menu, footer, theme.

They are built once per site and language and cached; publishing, unpublishing, moving or deleting
a page, or saving the information point's settings, starts a new cache generation.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.utils import translation

from .models.settings import DEFAULT_ACCENT_COLOUR

GENERATION_KEY = "site-chrome:generation"
TIMEOUT = 60 * 60 * 24


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate(**kwargs):
    """Forget every cached menu, footer and breadcrumb trail (signal receiver)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _settings_data(site):
    from .models import InformationPointSettings

    settings = InformationPointSettings.for_site(site)
    logo = None
    if settings.logo is not None:
        rendition = settings.logo.get_rendition("max-240x80")
        logo = {"url": rendition.url, "alt": settings.logo.description}
    return {
        "name": settings.name,
        "address": settings.address,
        "phone": settings.phone,
        "email": settings.email,
        "opening_hours": settings.opening_hours,
        "social_links": settings.social_links,
        "footer_text": settings.footer_text,
        "logo": logo,
        "accent_colour": settings.accent_colour,
    }


def build_chrome(site, language):
    from django.conf import settings
    from wagtail.models import Locale

    from .models import FormPage, Neighbourhood, NewsIndexPage, SearchPage, StandardPage

    with translation.override(language):
        home = site.root_page.localized
        children = list(home.get_children().live().public())

    def link(page):
        return {"title": page.title, "url": page.relative_url(site), "url_path": page.url_path}

    def first(page_class):
        return next((page for page in children if page.specific_class is page_class), None)

    menu = [link(home)] + [link(page) for page in children if page.show_in_menus]
    # Lasting pages (about, privacy, accessibility, contact) go in the footer unless editors
    # put them in the menu.
    footer_links = [
        link(page)
        for page in children
        if not page.show_in_menus and page.specific_class in (StandardPage, FormPage)
    ]
    news, search = first(NewsIndexPage), first(SearchPage)
    info = _settings_data(site)
    accent = info["accent_colour"]
    return {
        "site_name": site.site_name,
        # For listings and search: what this site covers (None on the portal: the whole city).
        "neighbourhood_id": Neighbourhood.objects.filter(site=site)
        .values_list("pk", flat=True)
        .first(),
        "default_locale_id": Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
        .first(),
        "menu": menu,
        "footer_links": footer_links,
        "info": info,
        "news_feed_url": f"{news.relative_url(site)}feed/" if news else None,
        "news_title": news.title if news else None,
        "search_url": search.relative_url(site) if search else None,
        "theme_version": (
            hashlib.sha256(accent.encode()).hexdigest()[:10]
            if accent and accent.lower() != DEFAULT_ACCENT_COLOUR
            else None
        ),
    }


def site_chrome(site, language):
    """The cached menu, footer and theme data of a site in a language (0 queries when cached)."""
    if site is None:
        return {}
    key = f"site-chrome:{generation()}:{site.pk}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = build_chrome(site, language)
        cache.set(key, chrome, TIMEOUT)
    return chrome


def cached(key, build):
    """`build()`, cached until the next page or settings change."""
    full_key = f"{key}:{generation()}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, TIMEOUT)
    return value


def breadcrumbs(page, request):
    """The page's ancestors from its home page down, cached like the menu."""
    if page is None or page.depth <= 2:
        return []

    def build():
        return [
            {
                "title": ancestor.title,
                "url": ancestor.get_url(request),
                "home": ancestor.depth == 2,
            }
            for ancestor in page.get_ancestors().filter(depth__gte=2)
        ]

    return cached(f"breadcrumbs:{page.pk}", build)
