"""Which part of the city a page speaks for: its own neighbourhood, or (on the portal) all of it."""

from django.apps import apps
from wagtail.models import Page


def home_path(page):
    """The tree path of the site root (portal or neighbourhood home) a page lives under."""
    return page.path[: Page.steplen * 2]


def is_on_portal(page):
    """True when the page belongs to the city portal, whose listings show the whole city."""
    portal_page = apps.get_model("home", "PortalPage")
    return portal_page.objects.filter(path=home_path(page)).exists()


def site_names():
    """Site id -> name, to say which neighbourhood an item on a city-wide listing comes from."""
    from wagtail.models import Site

    return dict(Site.objects.values_list("pk", "site_name"))


def site_id_for(page, request):
    """The id of the site a page is served on, from Wagtail's cached site root paths."""
    for root in Page._get_site_root_paths(request):
        if page.url_path.startswith(root.root_path):
            return root.site_id
    return None
