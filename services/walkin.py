"""When can a resident walk in? A service's weekly walk-in hours per meeting place, with dated
changes and Dutch public holidays, decided by the same rules as a venue's opening hours
(venues.opening: the Amsterdam wall clock, DST, nights past midnight).

Functions read `service.walk_in_hours.all()` and `service.walk_in_changes.all()`, so listings
that prefetch both cost no query per service. Hours without a meeting place are hours by phone
or online: they count for "when can I call", never for "walk in".
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import F, Q

from venues.opening import TIME_ZONE, day_of, days_that_reach, is_open_during, next_period

from .models.service import WalkInChange, WalkInHours

HORIZON_DAYS = 14


@dataclass
class WalkIn:
    """One walk-in period: when, and at which meeting place (None: by phone or online)."""

    start: datetime
    end: datetime
    venue: object = None

    def is_now(self, at):
        return self.start <= at < self.end


def published_place():
    """Walk-in hours by phone or online, or at a published meeting place: residents never see a
    venue that is still a draft (its page would be a 404)."""
    return Q(venue__isnull=True) | Q(venue__live=True)


def _by_place(service):
    hours = defaultdict(list)
    for row in service.walk_in_hours.all():
        hours[row.venue_id].append(row)
    return hours


def _changes_at(changes, venue_id):
    # A change without a place applies to every place and to the phone hours.
    return [change for change in changes if change.venue_id in (None, venue_id)]


def places(service):
    """{venue id (None for phone/online): its weekly hours}, in the order of the first period."""
    return dict(_by_place(service))


def next_walk_ins(service, at, days=HORIZON_DAYS, with_phone=False):
    """The next walk-in period at each meeting place (the one going on, else the next), soonest
    first; hours by phone or online too when `with_phone`."""
    changes = list(service.walk_in_changes.all())
    found = []
    for venue_id, hours in _by_place(service).items():
        if venue_id is None and not with_phone:
            continue
        period = next_period(
            at, hours, _changes_at(changes, venue_id), service.closed_on_public_holidays, days
        )
        if period is not None:
            found.append(WalkIn(*period, venue=hours[0].venue if venue_id else None))
    return sorted(found, key=lambda walk_in: walk_in.start)


def next_walk_in(service, at, days=HORIZON_DAYS):
    """The soonest walk-in period at any meeting place, or None."""
    walk_ins = next_walk_ins(service, at, days)
    return walk_ins[0] if walk_ins else None


def end_of_day(at):
    """Midnight after `at` on the Amsterdam calendar, as an aware datetime."""
    today = at.astimezone(TIME_ZONE).date()
    return datetime.combine(today + timedelta(days=1), time(0), tzinfo=TIME_ZONE)


def walk_in_now(service, at):
    changes = list(service.walk_in_changes.all())
    return any(
        is_open_during(at, hours, _changes_at(changes, venue_id), service.closed_on_public_holidays)
        for venue_id, hours in _by_place(service).items()
        if venue_id is not None
    )


def walk_in_today(service, at):
    """Whether a resident can still walk in somewhere today (now, or later today)."""
    walk_in = next_walk_in(service, at, days=1)
    return walk_in is not None and walk_in.start < end_of_day(at)


def coming_changes(service, at, weeks=6):
    """Dated changes and public holidays in the coming weeks on which a weekly walk-in period
    would otherwise be held, each as (venues.opening.Day, venue or None), in date order."""
    today = at.astimezone(TIME_ZONE).date()
    last = today + timedelta(weeks=weeks)
    changes = list(service.walk_in_changes.all())
    found = []
    for venue_id, hours in _by_place(service).items():
        days = {c.date for c in _changes_at(changes, venue_id) if today <= c.date <= last}
        if service.closed_on_public_holidays:
            weekdays = {h.weekday for h in hours}
            day = today
            while day <= last:
                if day.weekday() in weekdays and day_of(day, hours, [], True).holiday:
                    days.add(day)
                day += timedelta(days=1)
        for day in days:
            schedule = day_of(
                day, hours, _changes_at(changes, venue_id), service.closed_on_public_holidays
            )
            found.append((schedule, hours[0].venue if venue_id else None))
    return sorted(found, key=lambda pair: pair[0].date)


def services_walk_in(services, at, when):
    """The ids of the services in the queryset `services` where a resident can walk in `now`
    or still `today`, in two queries however many there are (as venues.filters does for "open
    now": the rules are clearer in Python than in SQL; only the rows of the days that matter
    are read)."""
    days = list(days_that_reach(at))
    candidates = services.order_by().values("pk")
    hours = defaultdict(lambda: defaultdict(list))
    closed_on_holidays = {}
    for row in (
        WalkInHours.objects.filter(
            service__in=candidates,
            venue__live=True,  # at a published meeting place (a draft has no page)
            weekday__in={day.weekday() for day in days},
        )
        .annotate(closed_on_holidays=F("service__closed_on_public_holidays"))
        .only("service_id", "venue_id", "weekday", "opens", "closes")
    ):
        hours[row.service_id][row.venue_id].append(row)
        closed_on_holidays[row.service_id] = row.closed_on_holidays
    changes = defaultdict(list)
    for row in WalkInChange.objects.filter(
        published_place(), service__in=candidates, date__in=days
    ).only("service_id", "venue_id", "date", "closed", "opens", "closes"):
        changes[row.service_id].append(row)
        if row.venue_id is not None:  # special hours at a place with no weekly hours that day
            hours[row.service_id].setdefault(row.venue_id, [])
    midnight = end_of_day(at)
    found = []
    for pk, by_venue in hours.items():
        for venue_id, rows in by_venue.items():
            dated = _changes_at(changes[pk], venue_id)
            periods = [
                period
                for day in days
                for period in day_of(day, rows, dated, closed_on_holidays.get(pk, True)).periods
            ]
            if when == "now":
                hit = any(start <= at < end for start, end in periods)
            else:
                hit = any(end > at and start < midnight for start, end in periods)
            if hit:
                found.append(pk)
                break
    return found
