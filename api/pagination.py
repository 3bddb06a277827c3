"""Keyset pagination: a page is "the next N after this item" in a fixed, total order.

Items added or removed while a client pages through never shift what it sees next (no item twice,
none skipped among those that were there), and every page costs the same queries however deep it
is. The cursor is the last item's sort values, signed so a client cannot hand us values of its
own making; a cursor that does not verify is a 400, never a 500.
"""

from datetime import date, datetime

from django.core import signing
from django.db.models import Q

SALT = "wijkinfo-api-cursor"
MAX_LIMIT = 100
DEFAULT_LIMIT = 20

_PARSE = {
    "str": str,
    "int": int,
    "date": date.fromisoformat,
    "datetime": datetime.fromisoformat,
}


class BadCursor(ValueError):
    pass


class Order:
    """A total order: `fields` are (name, kind) with "-name" for descending; the last one must
    be unique (the primary key)."""

    def __init__(self, *fields):
        self.fields = fields

    @property
    def order_by(self):
        return [name for name, _kind in self.fields]

    def values(self, item):
        result = []
        for name, kind in self.fields:
            value = getattr(item, name.lstrip("-"))
            result.append(value.isoformat() if kind in ("date", "datetime") else value)
        return result

    def after(self, values):
        """The condition "comes after `values`" in this order, as one Q."""
        parsed = []
        for (_name, kind), value in zip(self.fields, values, strict=True):
            try:
                parsed.append(_PARSE[kind](value))
            except (TypeError, ValueError) as error:
                raise BadCursor(str(error)) from error
        condition = Q()
        for position, (name, _kind) in enumerate(self.fields):
            field = name.lstrip("-")
            lookup = "lt" if name.startswith("-") else "gt"
            step = Q(**{f"{field}__{lookup}": parsed[position]})
            for (earlier, _k), value in zip(self.fields[:position], parsed, strict=False):
                step &= Q(**{earlier.lstrip("-"): value})
            condition |= step
        return condition


def encode(values):
    return signing.dumps(values, salt=SALT, compress=True)


def decode(cursor, order):
    try:
        values = signing.loads(cursor, salt=SALT)
    except signing.BadSignature as error:
        raise BadCursor("This cursor was not made by this API.") from error
    if not isinstance(values, list) or len(values) != len(order.fields):
        raise BadCursor("This cursor is for another list.")
    return values


def page(queryset, order, cursor=None, limit=DEFAULT_LIMIT):
    """(items of this page, the cursor of the next page or None): one query."""
    if cursor:
        queryset = queryset.filter(order.after(decode(cursor, order)))
    rows = list(queryset.order_by(*order.order_by)[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode(order.values(rows[-1]))


def next_link(request, cursor):
    """The absolute address of the next page: this request's with `cursor` replaced."""
    if cursor is None:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def listing(request, queryset, order, params, serialise, *, counted=None):
    """A list endpoint's answer: `count` (of `counted`, by default `queryset`), the `next` page's
    address and this page's rows as `serialise(rows)` gives them."""
    rows, cursor = page(queryset, order, params.cursor, params.limit)
    return {
        "count": (queryset if counted is None else counted).count(),
        "next": next_link(request, cursor),
        "results": serialise(rows),
    }
