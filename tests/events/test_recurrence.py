"""The schedule → dates expansion, without a database."""

from datetime import UTC, date, datetime

import pytest

from events.recurrence import (
    Change,
    RecurrenceError,
    Schedule,
    build_rule,
    expand,
    first_date,
    parse_rule,
    validate_rule,
)
from tests.events.conftest import local

FAR = datetime(2028, 1, 1, tzinfo=UTC)


def starts(schedule, until=FAR):
    return [i.start.astimezone(local(2026, 1, 1).tzinfo) for i in expand(schedule, until)]


def weekly(**kwargs):
    kwargs.setdefault("start", local(2026, 12, 1, 19, 30))
    kwargs.setdefault("end", local(2026, 12, 1, 21, 0))
    rule = build_rule(
        repeat=kwargs.pop("repeat", "weekly"),
        start_local=kwargs["start"].replace(tzinfo=None),
        interval=kwargs.pop("interval", 1),
        weekdays=kwargs.pop("weekdays", ()),
        week_of_month=kwargs.pop("week_of_month", None),
        ends=kwargs.pop("ends", "never"),
        until=kwargs.pop("until", None),
        count=kwargs.pop("count", None),
        expert_rule=kwargs.pop("expert_rule", ""),
    )
    return Schedule(rule=rule, **kwargs)


def test_weekly_on_chosen_days():
    schedule = weekly(weekdays=["TU", "TH"], ends="count", count=4)
    # The rule means the same to every calendar whatever the order of its parts.
    assert parse_rule(schedule.rule) == parse_rule("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4")
    assert [s.date() for s in starts(schedule)] == [
        date(2026, 12, 1),
        date(2026, 12, 3),
        date(2026, 12, 8),
        date(2026, 12, 10),
    ]


def test_every_other_week_until_a_date_includes_that_date():
    schedule = weekly(interval=2, ends="until", until=date(2026, 12, 29))
    assert [s.date() for s in starts(schedule)] == [
        date(2026, 12, 1),
        date(2026, 12, 15),
        date(2026, 12, 29),
    ]


def test_first_saturday_and_last_friday_of_the_month():
    market = weekly(
        repeat="monthly_weekday",
        start=local(2026, 12, 5, 9),
        end=local(2026, 12, 5, 13),
        ends="count",
        count=3,
    )
    assert parse_rule(market.rule) == parse_rule("FREQ=MONTHLY;BYDAY=1SA;COUNT=3")
    assert [s.date() for s in starts(market)] == [
        date(2026, 12, 5),
        date(2027, 1, 2),
        date(2027, 2, 6),
    ]
    last_friday = weekly(
        repeat="monthly_weekday",
        week_of_month=-1,
        start=local(2026, 12, 25, 20),
        end=local(2026, 12, 25, 22),
        ends="count",
        count=2,
    )
    assert [s.date() for s in starts(last_friday)] == [date(2026, 12, 25), date(2027, 1, 29)]


def test_monthly_on_a_date_and_yearly():
    monthly = weekly(
        repeat="monthly_date", start=local(2027, 1, 31, 10), end=local(2027, 1, 31, 11)
    )
    # dateutil skips months without a 31st rather than inventing a date.
    assert [s.date() for s in starts(monthly, datetime(2027, 6, 1, tzinfo=UTC))] == [
        date(2027, 1, 31),
        date(2027, 3, 31),
        date(2027, 5, 31),
    ]
    yearly = weekly(repeat="yearly", start=local(2027, 4, 27, 9), end=local(2027, 4, 27, 17))
    assert [s.year for s in starts(yearly, datetime(2030, 1, 1, tzinfo=UTC))] == [
        2027,
        2028,
        2029,
    ]


def test_expert_rule_and_invalid_rules():
    schedule = weekly(repeat="custom", expert_rule="RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2")
    assert [s.weekday() for s in starts(schedule)] == [0, 0]
    with pytest.raises(RecurrenceError):
        validate_rule("FREQ=HOURLY", local(2026, 12, 1).replace(tzinfo=None))
    with pytest.raises(RecurrenceError):
        validate_rule("FREQ=WEEKLY;BYDAY=XX", local(2026, 12, 1).replace(tzinfo=None))
    with pytest.raises(RecurrenceError):
        validate_rule("BYDAY=MO", local(2026, 12, 1).replace(tzinfo=None))


@pytest.mark.parametrize(
    ("first", "switch"),
    [
        (local(2027, 3, 16, 19, 30), date(2027, 3, 28)),
        (local(2027, 10, 19, 19, 30), date(2027, 10, 31)),
    ],
)
def test_weekly_1930_stays_1930_across_dst(first, switch):
    schedule = weekly(start=first, end=first.replace(hour=21, minute=0), ends="count", count=4)
    instances = expand(schedule, FAR)
    local_times = [i.start.astimezone(first.tzinfo) for i in instances]
    assert {(t.hour, t.minute) for t in local_times} == {(19, 30)}
    assert {(i.end - i.start).total_seconds() for i in instances} == {5400}
    # The UTC time shifts by exactly one hour across the switch.
    before = [i.start for i in instances if i.start.date() < switch]
    after = [i.start for i in instances if i.start.date() > switch]
    assert {t.hour for t in before} != {t.hour for t in after}
    assert all(i.start.tzinfo == UTC for i in instances)


def test_cancelled_moved_noted_and_added_dates():
    schedule = weekly(
        ends="count",
        count=4,
        changes=[
            Change("cancel", date(2026, 12, 8), note="Vakantie"),
            Change("move", date(2026, 12, 15), start=local(2026, 12, 17, 20)),
            Change("note", date(2026, 12, 22), note="In de kleine zaal"),
            Change("add", date(2026, 12, 27)),
        ],
    )
    instances = expand(schedule, FAR)
    assert [
        (
            i.start.astimezone(local(2026, 1, 1).tzinfo).strftime("%m-%d %H:%M"),
            i.cancelled,
            i.moved,
            i.note,
        )
        for i in instances
    ] == [
        ("12-01 19:30", False, False, ""),
        ("12-08 19:30", True, False, "Vakantie"),
        ("12-17 20:00", False, True, ""),
        ("12-22 19:30", False, False, "In de kleine zaal"),
        ("12-27 19:30", False, False, ""),
    ]
    moved = instances[2]
    assert moved.original_start == local(2026, 12, 15, 19, 30)
    assert moved.end - moved.start == schedule.end - schedule.start
    assert instances[-1].original_start is None


def test_public_holidays_are_skipped_when_asked():
    # King's Day 2027 is a Tuesday.
    schedule = weekly(
        start=local(2027, 4, 20, 10), end=local(2027, 4, 20, 12), ends="count", count=3
    )
    assert date(2027, 4, 27) in [s.date() for s in starts(schedule)]
    schedule.skip_holidays = True
    assert [s.date() for s in starts(schedule)] == [date(2027, 4, 20), date(2027, 5, 4)]


def test_suspended_series_stops_from_that_date():
    schedule = weekly(suspended_from=date(2026, 12, 15))
    assert [s.date() for s in starts(schedule)] == [date(2026, 12, 1), date(2026, 12, 8)]


def test_all_day_multi_day_event_spans_local_midnights():
    schedule = Schedule(start=local(2027, 3, 27, 0), end=local(2027, 3, 28, 0), all_day=True)
    (instance,) = expand(schedule, FAR)
    assert instance.start == local(2027, 3, 27, 0)
    assert instance.end == local(2027, 3, 29, 0)  # two days, across the DST switch


def test_open_ended_series_stops_at_the_horizon_and_first_date_matches_the_rule():
    schedule = weekly(start=local(2026, 11, 30, 19, 30), weekdays=["WE"])  # starts on a Monday
    assert first_date(schedule).date() == date(2026, 12, 2)
    instances = expand(schedule, datetime(2027, 1, 1, tzinfo=UTC))
    assert len(instances) == 5
