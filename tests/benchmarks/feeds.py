"""A partner calendar of any size, as a large agenda export looks (`make bench`, issue 16).

Most events are one-off dates, a fifth are weekly or monthly series (some with an EXDATE and a
moved date), and many share a title ("Spreekuur", "Koffieochtend"), which is what made finding
free slugs slow.
"""

import random
from datetime import datetime, timedelta

TITLES = ["Spreekuur", "Koffieochtend", "Taalcafé", "Repair Café", "Buurtmaaltijd", "Yoga"]


def _stamp(value):
    return value.strftime("%Y%m%dT%H%M%S")


def generated_feed(count, *, start=None, seed=16):
    """iCalendar bytes with `count` events from `start` (a naive Amsterdam time) on."""
    rng = random.Random(seed)
    start = start or datetime(2026, 12, 1, 10, 0)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Wijkinfo//Benchmark feed//NL",
        "X-WR-TIMEZONE:Europe/Amsterdam",
    ]
    for number in range(count):
        first = start + timedelta(days=rng.randrange(0, 300), hours=rng.randrange(0, 9))
        title = rng.choice(TITLES) if number % 3 else f"Activiteit {number}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{number}@example.org",
            "DTSTAMP:20261119T080000Z",
            "LAST-MODIFIED:20261101T080000Z",
            "SEQUENCE:0",
            f"SUMMARY:{title}",
            f"DESCRIPTION:Activiteit nummer {number} in de wijk.",
            "LOCATION:Buurthuis De Linde\\, Utrecht",
            f"DTSTART;TZID=Europe/Amsterdam:{_stamp(first)}",
            f"DTEND;TZID=Europe/Amsterdam:{_stamp(first + timedelta(hours=2))}",
        ]
        if number % 5 == 0:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=20" if number % 2 else "RRULE:FREQ=MONTHLY")
            lines.append(f"EXDATE;TZID=Europe/Amsterdam:{_stamp(first + timedelta(weeks=2))}")
        lines.append("END:VEVENT")
        if number % 10 == 0:
            moved = first + timedelta(weeks=4)
            lines += [
                "BEGIN:VEVENT",
                f"UID:bench-{number}@example.org",
                "DTSTAMP:20261119T080000Z",
                "SEQUENCE:1",
                f"SUMMARY:{title}",
                f"RECURRENCE-ID;TZID=Europe/Amsterdam:{_stamp(moved)}",
                f"DTSTART;TZID=Europe/Amsterdam:{_stamp(moved + timedelta(hours=1))}",
                f"DTEND;TZID=Europe/Amsterdam:{_stamp(moved + timedelta(hours=3))}",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()
