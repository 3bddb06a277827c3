"""Which part of the city a page speaks for: its own neighbourhood, or (on the portal) all of it."""

from django.apps import apps
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction, Site

from .cache import cached


def home_path(page):
    """The tree path of the site root (portal or neighbourhood home) a page lives under."""
    return page.path[: Page.steplen * 2]


def portal_paths():
    """Tree paths of the portal's home page in every language: the root of the default site
    and the pages that share its translation key."""

    def build():
        portal_key = Page.objects.filter(sites_rooted_here__is_default_site=True).values(
            "translation_key"
        )[:1]
        homes = Page.objects.filter(depth=2, translation_key__in=portal_key)
        return set(homes.values_list("path", flat=True))

    return cached("portal-paths", build)


def is_on_portal(page):
    """True when the page belongs to the city portal, whose listings show the whole city."""
    return home_path(page) in portal_paths()


def public(pages):
    """`pages` without those behind a login or password, in the same query.

    Wagtail's own `.public()` first loads every view restriction (one more query per listing).
    """
    restricted = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return pages.filter(~Exists(restricted))


def site_names():
    """Site id -> name, to say which neighbourhood an item on a city-wide listing comes from.

    Remembered until a site changes (infopoint.cache).
    """
    return cached("site-names", lambda: dict(Site.objects.values_list("pk", "site_name")))


def neighbourhoods():
    """Every neighbourhood with its site and home page: a short list, remembered until a
    neighbourhood or a site changes (infopoint.cache)."""
    # Looked up by name: the models import this module.
    neighbourhood = apps.get_model("infopoint", "Neighbourhood")
    return cached(
        "neighbourhoods", lambda: list(neighbourhood.objects.select_related("site__root_page"))
    )


def neighbourhood_for_site(site):
    """The neighbourhood a site serves, or None for the city portal."""
    if site is None:
        return None
    return next((n for n in neighbourhoods() if n.site_id == site.pk), None)


def site_id_for(page, request):
    """The id of the site a page is served on, from Wagtail's cached site root paths."""
    for root in Page._get_site_root_paths(request):
        if page.url_path.startswith(root.root_path):
            return root.site_id
    return None
