"""The cells of a venues CSV file: each column's text read into values (and written back), with a
RowError naming the column and saying what is wrong in words a volunteer understands."""

import re
from datetime import time
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import PriceClass

DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
# The Dutch abbreviations are read too (a municipality's list says “ma 09:00-12:00”); none of
# them is also an English one, so a day is never read as another.
DUTCH_DAYS = ["Ma", "Di", "Wo", "Do", "Vr", "Za", "Zo"]
TRUE = {"yes", "ja", "true", "1", "y", "j"}
FALSE = {"no", "nee", "false", "0", "n"}
HOURS_RULE = re.compile(r"^(?P<days>[A-Za-z,\-]+)\s+(?P<times>[0-9:,\- ]+)$")


def not_one_of(text, choices):
    return _("“%(text)s” is not one of %(choices)s.") % {
        "text": text,
        "choices": ", ".join(choices),
    }


class RowError(Exception):
    def __init__(self, column, message):
        super().__init__(message)
        self.column = column
        self.message = message


def parse_bool(column, text, default):
    text = text.strip().lower()
    if not text:
        return default
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise RowError(column, _("“%(text)s” is not yes or no.") % {"text": text})


def parse_time(column, text):
    try:
        value = time.fromisoformat(text.strip())
    except ValueError:
        raise RowError(
            column, _("“%(text)s” is not a time like 09:00.") % {"text": text.strip()}
        ) from None
    return value


def _day(text):
    """The weekday number (Monday 0) of “Mo” or “ma”, or None."""
    text = text.strip().capitalize()
    for names in (DAYS, DUTCH_DAYS):
        if text in names:
            return names.index(text)
    return None


def parse_days(column, text):
    days = []
    for part in text.split(","):
        bounds = part.split("-")
        if not 1 <= len(bounds) <= 2 or any(_day(b) is None for b in bounds):
            raise RowError(
                column, _("“%(text)s” is not a day or day range like Mo or Mo-Fr.") % {"text": part}
            )
        first, last = (_day(b) for b in (bounds[0], bounds[-1]))
        if last < first:
            raise RowError(column, _("the day range “%(text)s” runs backwards.") % {"text": part})
        days.extend(range(first, last + 1))
    return days


def parse_hours(column, text):
    """“Mo-Fr 09:00-17:00; Sa 10:00-12:00,13:00-16:00” (a subset of OpenStreetMap's syntax)."""
    periods = []
    for rule in filter(None, (r.strip() for r in text.split(";"))):
        match = HOURS_RULE.match(rule)
        if not match:
            raise RowError(
                column, _("“%(text)s” is not like “Mo-Fr 09:00-17:00”.") % {"text": rule}
            )
        days = parse_days(column, match["days"])
        for span in match["times"].replace(" ", "").split(","):
            bounds = span.split("-")
            if len(bounds) != 2:
                raise RowError(
                    column, _("“%(text)s” is not a time span like 09:00-17:00.") % {"text": span}
                )
            opens, closes = (parse_time(column, b) for b in bounds)
            periods.extend((day, opens, closes) for day in days)
    return periods


def format_hours(hours):
    by_day = {}
    for item in sorted(hours, key=lambda h: (h.weekday, h.opens)):
        by_day.setdefault(item.weekday, []).append(f"{item.opens:%H:%M}-{item.closes:%H:%M}")
    return "; ".join(f"{DAYS[day]} {','.join(spans)}" for day, spans in by_day.items())


def parse_rooms(column, text):
    """“Hall|80|free|€ 10 an hour|https://…; Kitchen|12”: name|capacity[|price|tariff|booking]"""
    rooms = []
    for item in filter(None, (r.strip() for r in text.split(";"))):
        parts = [p.strip() for p in item.split("|")]
        if len(parts) < 2 or not parts[0]:
            raise RowError(
                column,
                _("“%(text)s” needs at least a name and a capacity: Name|40.") % {"text": item},
            )
        if not parts[1].isdigit():
            raise RowError(
                column, _("the capacity of “%(name)s” is not a whole number.") % {"name": parts[0]}
            )
        price = parts[2] if len(parts) > 2 and parts[2] else PriceClass.ON_REQUEST
        if price not in PriceClass.values:
            raise RowError(column, not_one_of(price, PriceClass.values))
        rooms.append(
            {
                "name": parts[0],
                "capacity": int(parts[1]),
                "price_class": price,
                "tariff": parts[3] if len(parts) > 3 else "",
                "booking": parts[4] if len(parts) > 4 else "",
            }
        )
    return rooms


def format_rooms(rooms):
    return "; ".join(
        "|".join([r.name, str(r.capacity), r.price_class, r.tariff, r.booking]).rstrip("|")
        for r in rooms
    )


def parse_terms(column, text, known):
    slugs = [s.strip() for s in text.replace(";", ",").split(",") if s.strip()]
    unknown = [s for s in slugs if s not in known]
    if unknown:
        raise RowError(
            column,
            ngettext(
                "unknown code %(codes)s (known: %(known)s).",
                "unknown codes %(codes)s (known: %(known)s).",
                len(unknown),
            )
            % {"codes": ", ".join(unknown), "known": ", ".join(sorted(known))},
        )
    return [known[s] for s in slugs]


def parse_decimal(column, text):
    try:
        return Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise RowError(
            column, _("“%(text)s” is not a number like 52.06170.") % {"text": text.strip()}
        ) from None


# --- reading a file ----------------------------------------------------------------------------
