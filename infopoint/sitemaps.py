from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    """Every live public page of this site, in every language.

    Wagtail's own sitemap walks only the site's root page, which is the Dutch tree; translations
    of the home page sit beside it, so they are added here. Index pages that route to detail views
    (venues, events) list those through their own `get_sitemap_urls`.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
