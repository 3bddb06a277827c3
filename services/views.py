"""The help finder and a service's page, served by ServiceIndexPage's routes."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from wagtail.models import Site

from infopoint import scope
from infopoint.reports import report_view

from .detail import detail_context
from .filters import HelpFinderFilterSet
from .links import attach_urls
from .models.reports import ServiceReport
from .queries import for_neighbourhood, live_services, with_listing_data
from .vocabulary import TOPIC_ICONS, Topic
from .walkin import next_walk_in

PER_PAGE = 20


def _neighbourhood(request, page):
    site = Site.find_for_request(request) or page.get_site()
    return scope.neighbourhood_for_site(site)


def finder(request, page, now=None):
    """Topic tiles, filters, the result count and one page of service cards.

    A fixed number of queries for any number of services: one light query lists the matches
    (count, this page's ids); only this page's services are loaded in full.
    """
    now = now or timezone.now()
    neighbourhood = _neighbourhood(request, page)
    base = for_neighbourhood(live_services(), neighbourhood)
    filterset = HelpFinderFilterSet(
        request.GET,
        base,
        at=now,
        neighbourhoods=None if neighbourhood else scope.neighbourhoods(),
    )
    matches = list(filterset.qs.order_by("name", "pk").values_list("pk", flat=True))
    paginator = Paginator(matches, PER_PAGE)
    page_of_services = paginator.get_page(request.GET.get("page"))
    ids = list(page_of_services)
    loaded = {s.pk: s for s in with_listing_data(base.filter(pk__in=ids), at=now)}
    # On a neighbourhood's site a service opens under this finder; on the portal, under its
    # own neighbourhood's.
    finder_url = page.get_url(request) if neighbourhood else None
    services = attach_urls(
        [loaded[pk] for pk in ids if pk in loaded], request, finder_url=finder_url
    )
    for service in services:
        service.next_walk_in = next_walk_in(service, now)
    applied = filterset.applied
    context = page.get_context(request)
    context.update(
        {
            "form": filterset.form,
            "filters": applied,
            "services": services,
            "page_of_services": page_of_services,
            "paginator": paginator,
            "topics": [
                {"code": code, "label": label, "icon": TOPIC_ICONS.get(code, "")}
                for code, label in Topic.choices
            ],
            "topic": applied.get("topic", ""),
            "is_portal": neighbourhood is None,
            "now": now,
            "language_code": translation.get_language(),
        }
    )
    return TemplateResponse(request, "services/service_index_page.html", context)


def _service_for(request, page, slug, now):
    """The published service with this slug that serves this neighbourhood, in the current
    language where translated, else in Dutch."""
    neighbourhood = _neighbourhood(request, page)
    queryset = with_listing_data(
        for_neighbourhood(live_services(), neighbourhood), at=now
    ).prefetch_related("areas_served")
    # A translation may carry its own slug; the Dutch slug works in every language.
    service = queryset.filter(slug=slug).first()
    if service is None:
        raise Http404
    return service


def service_detail(request, page, slug, now=None):
    now = now or timezone.now()
    service = _service_for(request, page, slug, now)
    if _neighbourhood(request, page) is None:
        # On the portal a service's page is its own neighbourhood's one.
        url = attach_urls([service], request)[0].get_url()
        if url and not url.startswith(page.get_url(request)):
            return redirect(url)
    context = detail_context(request, service, page, now)
    return TemplateResponse(request, "services/service_detail.html", context)


def report_outdated(request, page, slug):
    service = _service_for(request, page, slug, timezone.now())
    return report_view(
        request,
        page,
        subject_name=service.name,
        subject_url=f"{page.get_url(request)}{service.slug}/",
        neighbourhood=service.neighbourhood,
        store=lambda **fields: _store_report(service, **fields),
    )


def _store_report(service, **fields):
    return ServiceReport.objects.create(service=service, **fields)
