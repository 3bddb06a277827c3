"""Building a city: the portal site and one site per neighbourhood.

`create_neighbourhood` is what the management command and the demo loader call; it is idempotent
so a city administrator can run it again to repair a half-configured neighbourhood.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from infopoint.models import Neighbourhood
from infopoint.permissions import CITY_ADMINISTRATORS
from infopoint.registry import NEIGHBOURHOOD_PERMISSIONS, NEIGHBOURHOOD_SECTIONS, contributions
from infopoint.translation import ensure_locales, translate

from .models import HomePage, PortalPage


def sections():
    """The standard sections every home page gets, as the apps registered them (menu order)."""
    return contributions(NEIGHBOURHOOD_SECTIONS)


def snippet_permissions(role):
    """("app_label", "codename") pairs a neighbourhood's `role` group ("editors" or
    "moderators") gets on the snippets the apps registered."""
    return [
        permission
        for granted in contributions(NEIGHBOURHOOD_PERMISSIONS)
        for permission in getattr(granted, role)
    ]


EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


class NeighbourhoodError(ValidationError):
    """A neighbourhood cannot be created as asked (taken host name, slug or name)."""


def _publish(page):
    page.save_revision().publish()
    return page


def _translate(source, locale, title, slug):
    """The page in another language, created once through wagtail-localize."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return translate(source, locale, {"title": title, "slug": slug})


def _tree_roots(default_locale):
    """Wagtail's page and collection roots, created by its migrations (and again after a flush)."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=default_locale)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return root


def _root_page_in_all_languages(page_class, title, slug, locales, intro=""):
    """A site root (portal or neighbourhood home) and its translations, under Wagtail's root."""
    root = _tree_roots(locales[settings.LANGUAGE_CODE])
    default = locales[settings.LANGUAGE_CODE]
    page = page_class.objects.filter(locale=default, depth=2, slug=slug).first()
    if page is None:
        page = page_class(title=title, slug=slug, locale=default, intro=intro)
        root.add_child(instance=page)
        _publish(page)
    for code, locale in locales.items():
        if locale != default:
            _translate(page, locale, title, f"{slug}-{code}")
    return page


def _ensure_sections(home, locales, portal=False):
    default = locales[settings.LANGUAGE_CODE]
    homes = list(home.get_translations())
    for section in sections():
        if portal and not section.on_portal:
            continue
        model = apps.get_model(section.model)
        title, slug = section.titles[settings.LANGUAGE_CODE]
        page = model.objects.child_of(home).first()
        if page is None:
            # A section deleted in Dutch but still present in another language is re-linked to
            # that translation rather than duplicated.
            translated = [model.objects.child_of(other).first() for other in homes]
            keys = [p.translation_key for p in translated if p is not None]
            page = model(
                title=title, slug=slug, locale=default, show_in_menus=section.show_in_menus
            )
            if keys:
                page.translation_key = keys[0]
            home.add_child(instance=page)
            _publish(page)
        for code, locale in locales.items():
            if locale == default:
                continue
            title, slug = section.titles.get(code, section.titles[settings.LANGUAGE_CODE])
            _translate(page, locale, title, slug)


def _remove_wagtail_welcome_page():
    """Wagtail's initial migration creates a placeholder site and page; the portal replaces them."""
    for page in Page.objects.filter(depth=2, content_type__model="page", slug="home"):
        Site.objects.filter(root_page=page).delete()
        page.delete()


@transaction.atomic
def ensure_portal(name="Wijkinfo Utrecht", hostname="localhost", port=8000):
    """The city portal: the default site, whose listings show the whole city."""
    locales = ensure_locales()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, PortalPage):
        portal = site.root_page.specific
    else:
        _remove_wagtail_welcome_page()
        portal = _root_page_in_all_languages(PortalPage, name, "portal", locales)
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site, _ = Site.objects.update_or_create(
            hostname=hostname,
            port=port,
            defaults={"root_page": portal, "is_default_site": True, "site_name": name},
        )
    _ensure_sections(portal, locales, portal=True)
    ensure_city_administrators()
    return site


def ensure_city_administrators():
    """City staff who look after every neighbourhood: they moderate all pages, images,
    documents, venues, events and feeds, without a superuser's power over users and settings.
    (`infopoint.permissions` lets this group past the neighbourhood scoping.)"""
    group, _ = Group.objects.get_or_create(name=CITY_ADMINISTRATORS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in snippet_permissions("moderators")
        ),
    )
    _grant_page_permissions(group, [Page.get_first_root_node()], MODERATOR_PAGE_PERMISSIONS)
    _grant_collection_permissions(group, Collection.get_first_root_node())
    return group


def _grant_page_permissions(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def _grant_collection_permissions(group, collection):
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def _ensure_group(name, home_pages, page_codenames, collection, snippet_permissions):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in snippet_permissions
        ),
    )
    _grant_page_permissions(group, home_pages, page_codenames)
    _grant_collection_permissions(group, collection)
    return group


def _check_free(name, slug, hostname, port):
    existing = Neighbourhood.objects.filter(slug=slug).select_related("site").first()
    if existing is not None:
        if existing.name != name:
            raise NeighbourhoodError(
                f"The slug “{slug}” already belongs to the neighbourhood “{existing.name}”."
            )
        if (existing.site.hostname, existing.site.port) != (hostname, port):
            raise NeighbourhoodError(
                f"“{name}” already exists on {existing.site.hostname}:{existing.site.port}; "
                f"it cannot also live on {hostname}:{port}."
            )
        return existing
    if Neighbourhood.objects.filter(name=name).exists():
        raise NeighbourhoodError(f"A neighbourhood called “{name}” already exists.")
    taken = Site.objects.filter(hostname=hostname, port=port).first()
    if taken is not None:
        raise NeighbourhoodError(
            f"The host name {hostname}:{port} is already taken by the site “{taken}”."
        )
    return None


def _in_site_language(message, name):
    """A workflow or task name: stored once, shown to every editor on buttons ("Submit to …"),
    so written in the site's main language (Dutch) whatever language runs the command."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(message) % {"name": name}


def _ensure_workflow(name, home_pages, moderators):
    """The neighbourhood's moderation workflow, on its home page in every language.

    Translated home pages are separate trees under Wagtail's root, so each carries the workflow
    itself; pages below follow their home (Page.get_workflow walks up the tree) and events follow
    their neighbourhood's home (Event.get_workflow). A workflow an administrator has since put on
    a home page is kept: only what is missing is added.
    """
    assigned = WorkflowPage.objects.filter(page__in=home_pages).select_related("workflow").first()
    if assigned is not None:
        workflow = assigned.workflow
    else:
        workflow = Workflow.objects.create(
            name=_in_site_language(gettext_noop("%(name)s moderation"), name)
        )
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(
            name=_in_site_language(gettext_noop("%(name)s moderators approve"), name)
        )
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in home_pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def create_neighbourhood(name, hostname, port=80, slug=None, latitude=None, longitude=None):
    """Create (or complete) a neighbourhood: site, home page, sections, collection, groups and the
    moderation workflow.

    Returns (neighbourhood, created). Raises NeighbourhoodError when the host name, slug or name is
    taken by something else.
    """
    name = name.strip()
    slug = slug or slugify(name)
    if not name or not slug:
        raise NeighbourhoodError("A neighbourhood needs a name.")
    existing = _check_free(name, slug, hostname, port)
    locales = ensure_locales()

    if existing is not None:
        home = existing.site.root_page.specific
    else:
        home = _root_page_in_all_languages(
            HomePage,
            name,
            slug,
            locales,
            intro=f"<p>Welkom bij het wijkinformatiepunt van {name}.</p>",
        )
    _ensure_sections(home, locales)
    home_pages = list(home.get_translations(inclusive=True))

    if existing is not None:
        neighbourhood = existing
        collection = existing.collection
    else:
        site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
        collection = Collection.get_first_root_node().add_child(name=name)
    editors = _ensure_group(
        f"{name} editors",
        home_pages,
        EDITOR_PAGE_PERMISSIONS,
        collection,
        snippet_permissions("editors"),
    )
    moderators = _ensure_group(
        f"{name} moderators",
        home_pages,
        MODERATOR_PAGE_PERMISSIONS,
        collection,
        snippet_permissions("moderators"),
    )
    _ensure_workflow(name, home_pages, moderators)
    if existing is None:
        extra = {}
        if latitude is not None:
            extra["latitude"] = latitude
        if longitude is not None:
            extra["longitude"] = longitude
        neighbourhood = Neighbourhood.objects.create(
            name=name,
            slug=slug,
            site=site,
            editors=editors,
            moderators=moderators,
            collection=collection,
            **extra,
        )
    return neighbourhood, existing is None
