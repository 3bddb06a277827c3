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


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language to this page, or to its nearest translated ancestor.

    Each language is named in itself (“Nederlands”, “English”).
    """
    request = context.get("request")
    page = context.get("page")
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    links = []
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or _nearest_translated_ancestor(page, code)
            if target is not None:
                links.append(
                    {
                        "code": code,
                        "name": name,
                        "url": target.get_url(request),
                        "current": code == current,
                    }
                )
    return {"links": links}


def _nearest_translated_ancestor(page, code):
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return None
    for ancestor in page.get_ancestors().filter(depth__gt=1).reverse():
        translation = ancestor.get_translation_or_none(locale)
        if translation is not None and translation.live:
            return translation
    return None
