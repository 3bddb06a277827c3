"""Service look-ups: published, in the current language with the Dutch fallback, for one
neighbourhood's residents, ready for a listing in a fixed number of queries."""

from datetime import timedelta

from django.db.models import Prefetch
from django.utils import timezone

from infopoint.translation import in_language_or_dutch

from .models.service import Service, WalkInChange, WalkInHours
from .walkin import HORIZON_DAYS, published_place


def live_services(locale=None):
    """Published services in `locale`, plus published Dutch ones not yet translated into it."""
    live = Service.objects.filter(live=True)
    return in_language_or_dutch(live, locale, translations=live)


def for_neighbourhood(queryset, neighbourhood):
    """The services residents of `neighbourhood` can use (every one on the portal)."""
    if neighbourhood is None:
        return queryset
    return queryset.filter(Service.serving(neighbourhood.pk))


def with_listing_data(queryset, at=None):
    """What a service card and page need: the organisation, the walk-in hours with their places
    and the dated changes from yesterday to the walk-in horizon (the next walk-in moment)."""
    today = timezone.localdate(at) if at else timezone.localdate()
    return queryset.select_related("organisation", "locale", "neighbourhood").prefetch_related(
        Prefetch(
            "walk_in_hours",
            # Hours at a meeting place not published yet are not shown (nor is the place).
            queryset=WalkInHours.objects.filter(published_place())
            .select_related("venue")
            .order_by("weekday", "opens"),
        ),
        Prefetch(
            "walk_in_changes",
            queryset=WalkInChange.objects.filter(
                published_place(),
                date__gte=today - timedelta(days=1),
                date__lte=today + timedelta(days=HORIZON_DAYS + 45),
            ).order_by("date", "opens"),
        ),
    )
