from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from infopoint import navigation
from infopoint.translation import is_dutch_fallback

register = template.Library()


def _site(context):
    site = context.get("current_site")
    if site is None and context.get("request") is not None:
        site = Site.find_for_request(context["request"])
    return site


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Menu, footer and theme data of the current site and language (cached)."""
    return navigation.site_chrome(_site(context), translation.get_language())


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context, chrome=None):
    """The sections of the current site in the current language that editors put in menus.

    The current page is marked `aria-current="page"`; the section it sits in, `"true"`.
    """
    chrome = chrome if chrome is not None else site_chrome(context)
    current = getattr(context.get("page"), "url_path", "")
    items = []
    for position, item in enumerate(chrome.get("menu", [])):
        if item["url_path"] == current:
            state = "page"
        elif position and current.startswith(item["url_path"]):
            state = "true"
        else:
            state = ""
        items.append({**item, "home": position == 0, "current": state})
    return {"items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page):
        return {"trail": []}
    *trail, current = navigation.breadcrumbs(page, context.get("request")) or [None]
    return {"trail": trail, "page": page, "url": current and current["url"]}


def language_links(context):
    """This page in every language: links for the switcher and the hreflang alternates.

    A language without a translation of the page links to the page in Dutch inside that
    language's site (marked not exact, so it gets no hreflang). A detail view routed below the
    page (a venue, an event) keeps its path, so the switcher lands on the same item in the other
    language.
    Computed once per request, and cached across requests until pages change (it costs a few
    queries on every page otherwise).
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or page.pk is None:
        return []
    cached = getattr(request, "_language_links", None)
    if cached is not None:
        return cached
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    page_url = page.get_url(request) or ""
    routed = request.path[len(page_url) :] if request.path.startswith(page_url) else ""
    links = navigation.cached(
        f"language-links:{page.pk}:{request.get_host()}:{routed}",
        lambda: _language_links(page, request, routed),
    )
    links = [{**link, "current": link["code"] == current} for link in links]
    request._language_links = links
    return links


def _language_links(page, request, routed):
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    # What a language without a translation shows is the Dutch page, at its Dutch slugs.
    source = translations.get(settings.LANGUAGE_CODE, page)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        exact = target is not None
        remainder = ""
        if not exact:
            # Not translated yet: the page shows in Dutch inside that language's site, under
            # its nearest translated ancestor (infopoint.translation).
            target = _nearest_translated_ancestor(source, code)
            if target is not None:
                parts = source.url_path.strip("/").split("/")
                remainder = "".join(f"{part}/" for part in parts[target.depth - 1 :])
        if target is None:
            continue
        url = target.get_url(request) + remainder + routed
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": request.build_absolute_uri(url),
                "exact": exact,
            }
        )
    return links


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language, each language named in itself (“Nederlands”, “العربية”)."""
    return {"links": language_links(context)}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """`<link rel="alternate" hreflang>` for every language this page really exists in."""
    links = [link for link in language_links(context) if link["exact"]]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"links": links if len(links) > 1 else [], "default": default}


def _nearest_translated_ancestor(page, code):
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return None
    for ancestor in page.get_ancestors().filter(depth__gt=1).reverse():
        translation_ = ancestor.get_translation_or_none(locale)
        if translation_ is not None and translation_.live:
            return translation_
    return None


@register.simple_tag(takes_context=True)
def dutch_fallback(context):
    """The language of the page's own content when it differs from the visitor's ("nl" for a page
    not translated yet), else "": the content block then carries its own lang and dir."""
    page = context.get("page")
    if isinstance(page, Page) and is_dutch_fallback(page):
        return settings.LANGUAGE_CODE
    return ""
