"""The agenda's idea of "today" and its named time windows, in Europe/Amsterdam.

`local_today` is looked up at call time everywhere, so tests can pin the reference date.
"""

from datetime import date, timedelta

from django.utils import timezone

from .recurrence import TZ, local_midnight  # noqa: F401 - re-exported


def local_today():
    return timezone.now().astimezone(TZ).date()


def _next_month(day):
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def window_for(when, today):
    """(first day, day after the last) for a named window, or None for an unknown name."""
    if when == "today":
        return today, today + timedelta(days=1)
    if when == "tomorrow":
        return today + timedelta(days=1), today + timedelta(days=2)
    if when == "weekend":
        # Saturday and Sunday of this week; on a Sunday, what is left of it.
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        return max(saturday, today), saturday + timedelta(days=2)
    if when == "week":
        return today, today + timedelta(days=7 - today.weekday())
    if when == "7days":
        return today, today + timedelta(days=7)
    if when == "month":
        return today, _next_month(today)
    return None
