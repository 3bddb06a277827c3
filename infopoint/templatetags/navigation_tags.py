from django import template
from django.conf import settings
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The sections of the current site in the current language that editors put in menus."""
    root = _site_root(context)
    items = []
    if root is not None:
        localized_root = root.localized
        items = list(localized_root.get_children().live().in_menu().only("title", "url_path"))
        items = [localized_root, *items]
    current = context.get("page")
    return {
        "items": items,
        "current_path": getattr(current, "url_path", ""),
        "request": context.get("request"),
    }


def language_links(context):
    """This page in every language: links for the switcher and the hreflang alternates.

    A language without a translation of the page links to the nearest translated ancestor
    instead (marked not exact, so it gets no hreflang). A detail view routed below the page (a
    venue, an event) keeps its path, so the switcher lands on the same item in the other language.
    Computed once per request.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return []
    cached = getattr(request, "_language_links", None)
    if cached is not None:
        return cached
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    page_url = page.get_url(request) or ""
    routed = request.path[len(page_url) :] if request.path.startswith(page_url) else ""
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        exact = target is not None
        if not exact:
            target = _nearest_translated_ancestor(page, code)
        if target is None:
            continue
        url = target.get_url(request) + (routed if exact else "")
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": request.build_absolute_uri(url),
                "exact": exact,
                "current": code == current,
            }
        )
    request._language_links = links
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
        translation = ancestor.get_translation_or_none(locale)
        if translation is not None and translation.live:
            return translation
    return None
