"""The parts of every page that come from the site rather than the page: menu, footer, theme.

They are built once per site and language and remembered (infopoint.cache) until something
changes.
"""

import hashlib

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from .cache import cached
from .models import (
    FormPage,
    InformationPointSettings,
    Neighbourhood,
    NewsIndexPage,
    SearchPage,
    StandardPage,
)
from .models.settings import DEFAULT_ACCENT_COLOUR
from .translation import default_locale_id, language_code, urls_in_language


def _settings_data(site):
    point = InformationPointSettings.for_site(site)
    logo = None
    if point.logo is not None:
        rendition = point.logo.get_rendition("max-240x80")
        logo = {"url": rendition.url, "alt": point.logo.description}
    return {
        "name": point.name,
        "address": point.address,
        "phone": point.phone,
        "email": point.email,
        "opening_hours": point.opening_hours,
        "social_links": point.social_links,
        "footer_text": point.footer_text,
        "logo": logo,
        "accent_colour": point.accent_colour,
    }


def build_chrome(site, language):
    with translation.override(language):
        home = site.root_page.localized
    children, dutch_home = _children_in_language_or_dutch(home)
    home_url = home.relative_url(site)

    def link(page):
        if dutch_home is not None and page.locale_id == dutch_home.locale_id:
            # Not translated yet: the Dutch page, at its address in the visitor's language.
            url = home_url + page.url_path[len(dutch_home.url_path) :]
            return {"title": page.title, "url": url, "url_path": page.url_path}
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


def _children_in_language_or_dutch(home):
    """The live sections and pages under `home`, with the Dutch home's pages that are not
    translated into `home`'s language yet in their place: the menu and footer offer the same in
    every language. Returns them in the Dutch order, and the Dutch home (None for Dutch)."""
    children = list(home.get_children().live().public())
    if home.locale_id == default_locale_id():
        return children, None
    dutch_home = home.get_translation_or_none(default_locale_id())
    if dutch_home is None:
        return children, None
    translated = {page.translation_key: page for page in children}
    merged = []
    for page in dutch_home.get_children().live().public():
        merged.append(translated.pop(page.translation_key, page))
    return merged + list(translated.values()), dutch_home


def site_chrome(site, language):
    """The cached menu, footer and theme data of a site in a language (0 queries when cached)."""
    if site is None:
        return {}
    return cached(f"site-chrome:{site.pk}:{language}", lambda: build_chrome(site, language))


def breadcrumbs(page, request):
    """The page's ancestors from its home page down, then the page itself (`current`), in the
    visitor's language: a page read in Dutch inside another language's site (not translated
    yet) gets that site's ancestors, and its untranslated ones their Dutch text inside it.
    Cached like the menu, per page and language."""
    if page is None or page.depth <= 2:
        return []
    language = language_code()

    def build():
        ancestors = list(page.get_ancestors().filter(depth__gte=2))
        trail = [*ancestors, page]
        urls = {}
        if page.locale.language_code != language:
            translated = {
                other.translation_key: other
                for other in Page.objects.live().filter(
                    translation_key__in=[a.translation_key for a in ancestors],
                    locale__language_code=language,
                )
            }
            trail = [translated.get(a.translation_key, a) for a in ancestors] + [page]
            dutch = [crumb for crumb in trail if crumb.locale_id == page.locale_id]
            urls = urls_in_language(dutch, language, request)
        return [
            {
                "title": crumb.title,
                "url": urls.get(crumb.pk) or crumb.get_url(request),
                "home": crumb.depth == 2,
                "current": crumb is page,
            }
            for crumb in trail
        ]

    return cached(f"breadcrumbs:{page.pk}:{language}", build)
