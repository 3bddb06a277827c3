"""Walk-in "now" and "today": the venue opening-hours rules (Amsterdam wall clock, DST, nights
past midnight, public holidays, dated changes) applied to a service's hours at its places."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from services.models import Service, WalkInChange, WalkInHours
from services.walkin import next_walk_in, services_walk_in, walk_in_now, walk_in_today
from tests.services.factories import make_service
from venues.models import Venue

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.clock


def at(*args):
    return datetime(*args, tzinfo=AMSTERDAM)


def service(hours=(), changes=(), closed_on_public_holidays=True):
    """An unsaved service: the walk-in rules read its rows from memory."""
    item = Service(name="Spreekuur", closed_on_public_holidays=closed_on_public_holidays)
    for venue, weekday, opens, closes in hours:
        item.walk_in_hours.add(
            WalkInHours(venue=venue, weekday=weekday, opens=time(*opens), closes=time(*closes))
        )
    for venue, day, closed, opens, closes in changes:
        item.walk_in_changes.add(
            WalkInChange(
                venue=venue,
                date=day,
                closed=closed,
                opens=time(*opens) if opens else None,
                closes=time(*closes) if closes else None,
            )
        )
    return item


PLACE = Venue(pk=1, name="Buurthuis", slug="buurthuis")
OTHER = Venue(pk=2, name="Bieb", slug="bieb")


def test_walk_in_now_and_today_on_a_tuesday_morning():
    tuesday = service([(PLACE, 1, (9, 30), (12, 0)), (PLACE, 1, (14, 0), (16, 0))])

    assert walk_in_now(tuesday, at(2026, 12, 1, 10, 0))
    assert not walk_in_now(tuesday, at(2026, 12, 1, 12, 30))
    assert walk_in_today(tuesday, at(2026, 12, 1, 12, 30))  # the afternoon is still to come
    assert not walk_in_today(tuesday, at(2026, 12, 1, 16, 0))
    walk_in = next_walk_in(tuesday, at(2026, 12, 1, 16, 0))
    assert walk_in.start == at(2026, 12, 8, 9, 30)
    assert walk_in.venue is PLACE


def test_hours_by_phone_are_no_walk_in():
    phone = service([(None, 1, (9, 0), (17, 0))])

    assert not walk_in_now(phone, at(2026, 12, 1, 10, 0))
    assert next_walk_in(phone, at(2026, 12, 1, 10, 0)) is None


def test_summer_and_winter_hours_are_the_same_wall_clock():
    sunday = service([(PLACE, 6, (9, 0), (12, 0))])

    # The Sunday the clocks go back (25 October 2026) and the one they go forward (29 March).
    assert walk_in_now(sunday, at(2026, 10, 25, 9, 0))
    assert walk_in_now(sunday, at(2026, 3, 29, 11, 59))
    assert not walk_in_now(sunday, at(2026, 10, 25, 8, 59))
    assert next_walk_in(sunday, at(2026, 10, 24, 12, 0)).start == at(2026, 10, 25, 9, 0)


def test_the_repeated_hour_of_the_autumn_switch():
    night = service([(PLACE, 6, (1, 0), (4, 0))])
    second_half_past_two = datetime(2026, 10, 25, 2, 30, tzinfo=AMSTERDAM, fold=1)

    assert walk_in_now(night, second_half_past_two)
    assert walk_in_now(night, at(2026, 10, 25, 3, 30))
    assert not walk_in_now(night, at(2026, 10, 25, 4, 0))


def test_no_walk_in_on_a_public_holiday_unless_the_service_says_so():
    friday = [(PLACE, 4, (10, 0), (12, 0))]
    christmas = at(2026, 12, 25, 10, 30)

    assert not walk_in_now(service(friday), christmas)
    assert not walk_in_today(service(friday), christmas)
    # New Year's Day is a Friday too: the next walk-in is a fortnight away.
    assert next_walk_in(service(friday), christmas).start == at(2027, 1, 8, 10, 0)
    assert walk_in_now(service(friday, closed_on_public_holidays=False), christmas)


def test_a_dated_change_closes_or_opens_one_place():
    tuesday = [(PLACE, 1, (9, 30), (12, 0)), (OTHER, 1, (9, 30), (12, 0))]
    closed_here = service(tuesday, [(PLACE, date(2026, 12, 1), True, None, None)])

    assert walk_in_now(closed_here, at(2026, 12, 1, 10, 0))  # still at the other place
    assert next_walk_in(closed_here, at(2026, 12, 1, 10, 0)).venue is OTHER

    everywhere = service(tuesday, [(None, date(2026, 12, 1), True, None, None)])
    assert not walk_in_now(everywhere, at(2026, 12, 1, 10, 0))

    extra = service(tuesday, [(PLACE, date(2026, 12, 5), False, (10, 0), (13, 0))])
    assert next_walk_in(extra, at(2026, 12, 4, 20, 0)).start == at(2026, 12, 5, 10, 0)


@pytest.mark.django_db
def test_the_finder_query_agrees_with_the_rules(lunetten, buurthuis):
    morning = make_service(lunetten, "Ochtend", hours=[(buurthuis, 1, "09:00", "12:00")])
    afternoon = make_service(lunetten, "Middag", hours=[(buurthuis, 1, "14:00", "16:00")])
    make_service(lunetten, "Telefoon", hours=[(None, 1, "09:00", "17:00")])
    special = make_service(
        lunetten, "Extra", changes=[(buurthuis, date(2026, 12, 1), False, "10:00", "11:00")]
    )
    services = Service.objects.filter(live=True)

    assert set(services_walk_in(services, at(2026, 12, 1, 10, 30), "now")) == {
        morning.pk,
        special.pk,
    }
    assert set(services_walk_in(services, at(2026, 12, 1, 12, 30), "today")) == {afternoon.pk}
    assert services_walk_in(services, at(2026, 12, 25, 10, 0), "today") == []
