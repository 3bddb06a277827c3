"""Venues as CSV: the format of `import_venues` and `export_venues` (documented in README.md).

Import is all-or-nothing: every row is checked first and each problem is reported as
“line N, column NAME: what is wrong”; only a file without problems is written, in one transaction.
Rows are matched on `slug` (Dutch originals), so importing the same file twice changes nothing.
What an import writes is published, unless whoever imports may not publish venues in the
neighbourhood: then each venue is a draft waiting for the neighbourhood's moderators.
"""

import csv
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from infopoint.csvfile import numbered, open_rows, sorted_problems

from .csv_cells import (
    RowError,
    format_hours,
    format_rooms,
    not_one_of,
    parse_bool,
    parse_decimal,
    parse_hours,
    parse_rooms,
    parse_terms,
)
from .models import (
    AccessibilityFeature,
    Facility,
    OpeningHours,
    PriceClass,
    Venue,
    VenueKind,
    VenueRoom,
    normalise_postcode,
)

COLUMNS = [
    "slug",
    "name",
    "kind",
    "short_description",
    "street",
    "house_number",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "capacity",
    "price_class",
    "facilities",
    "accessibility",
    "opening_hours",
    "closed_on_public_holidays",
    "booking_info",
    "booking_url",
    "rooms",
    "tags",
    "is_active",
    "last_checked",
]
REQUIRED = ["slug", "name"]
# Model fields copied as text; the rest are parsed below.
TEXT_FIELDS = [
    "name",
    "short_description",
    "street",
    "house_number",
    "city",
    "phone",
    "email",
    "website",
    "booking_info",
    "booking_url",
]


@dataclass
class ParsedRow:
    line: int
    values: dict
    facilities: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    hours: list = field(default_factory=list)
    rooms: list = field(default_factory=list)
    tags: list = field(default_factory=list)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)


def read_rows(data, neighbourhood):
    """Parse and check every row. Returns (rows, errors); nothing is written."""
    reader, errors = open_rows(data, COLUMNS, REQUIRED)
    if errors:
        return [], errors
    header = reader.fieldnames

    dutch = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    facilities = {t.slug: t for t in Facility.objects.filter(locale=dutch)}
    accessibility = {t.slug: t for t in AccessibilityFeature.objects.filter(locale=dutch)}
    existing = {
        v.slug: v for v in Venue.objects.filter(locale=dutch).select_related("neighbourhood")
    }
    seen = {}
    rows = []
    for line, raw in numbered(reader):
        if None in raw:
            errors.append((line, header[-1], _("this row has more cells than the header.")))
            continue
        cells = {k: (v or "").strip() for k, v in raw.items()}
        row_errors = []

        def check(column, parse, *args, _errors=row_errors, _cells=cells, _line=line):
            if column not in _cells or _cells[column] == "":
                return None
            try:
                return parse(column, _cells[column], *args)
            except RowError as error:
                _errors.append((_line, error.column, error.message))
                return None

        slug = cells.get("slug", "")
        for column in REQUIRED:
            if not cells.get(column):
                row_errors.append((line, column, _("this cell is empty; it is required.")))
        if slug in seen:
            row_errors.append(
                (
                    line,
                    "slug",
                    _("“%(slug)s” is also used on line %(line)s.")
                    % {"slug": slug, "line": seen[slug]},
                )
            )
        elif slug:
            seen[slug] = line
        venue = existing.get(slug)
        if venue is not None and venue.neighbourhood_id != neighbourhood.pk:
            row_errors.append(
                (
                    line,
                    "slug",
                    _("“%(slug)s” belongs to a venue in %(neighbourhood)s.")
                    % {"slug": slug, "neighbourhood": venue.neighbourhood.name},
                )
            )
        kind = cells.get("kind") or VenueKind.OTHER
        if kind not in VenueKind.values:
            row_errors.append((line, "kind", not_one_of(kind, VenueKind.values)))
        price = cells.get("price_class") or PriceClass.ON_REQUEST
        if price not in PriceClass.values:
            row_errors.append((line, "price_class", not_one_of(price, PriceClass.values)))
        capacity = cells.get("capacity", "")
        if capacity and not capacity.isdigit():
            row_errors.append(
                (line, "capacity", _("“%(text)s” is not a whole number.") % {"text": capacity})
            )
        last_checked = None
        if cells.get("last_checked"):
            try:
                last_checked = date.fromisoformat(cells["last_checked"])
            except ValueError:
                row_errors.append(
                    (
                        line,
                        "last_checked",
                        _("“%(text)s” is not a date like 2026-09-01.")
                        % {"text": cells["last_checked"]},
                    )
                )

        values = {name: cells[name] for name in TEXT_FIELDS if name in cells}
        values.update(
            slug=slug,
            kind=kind,
            price_class=price,
            capacity=int(capacity) if capacity.isdigit() else None,
            postcode=normalise_postcode(cells.get("postcode", "")),
            latitude=check("latitude", parse_decimal),
            longitude=check("longitude", parse_decimal),
            closed_on_public_holidays=check(
                "closed_on_public_holidays", lambda c, t: parse_bool(c, t, True)
            ),
            is_active=check("is_active", lambda c, t: parse_bool(c, t, True)),
            last_checked=last_checked,
        )
        for name in ("closed_on_public_holidays", "is_active"):
            if values[name] is None:
                values[name] = True
        parsed = ParsedRow(
            line,
            values,
            facilities=check("facilities", parse_terms, facilities) or [],
            accessibility=check("accessibility", parse_terms, accessibility) or [],
            hours=check("opening_hours", parse_hours) or [],
            rooms=check("rooms", parse_rooms) or [],
            tags=[t.strip() for t in cells.get("tags", "").split(",") if t.strip()],
        )
        # The model's own validation: postcode, e-mail, web addresses, coordinate ranges.
        candidate = Venue(neighbourhood=neighbourhood, locale=dutch, **values)
        if venue is not None:
            candidate.pk, candidate.translation_key = venue.pk, venue.translation_key
        # Fields already reported above are not checked twice.
        reported = {column for _line, column, _message in row_errors}
        exclude = ["translation_key", "locale", *reported]
        try:
            candidate.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = name if name in COLUMNS else "slug" if name == "__all__" else name
                already = {(c, m) for _l, c, m in row_errors}
                for message in messages:
                    if (column, message) not in already:
                        row_errors.append((line, column, message))
        errors.extend(row_errors)
        rows.append(parsed)
    return rows, errors


ROOM_FIELDS = ("name", "capacity", "price_class", "tariff", "booking")
# Related values compared: the row's column, the venue's related name and the attribute both
# sides are compared by (terms by row, tags by name).
RELATED = [
    ("facilities", "facilities", "pk"),
    ("accessibility", "accessibility_features", "pk"),
    ("tags", "tags", "name"),
]


def _comparable(value):
    return "" if value is None else str(value)


def changed_columns(venue, row):
    """The columns whose value in `row` differs from `venue` (a saved venue or a draft of one)."""
    changed = [
        name
        for name, value in row.values.items()
        if _comparable(getattr(venue, name)) != _comparable(value)
    ]
    for column, related, key in RELATED:
        given = {
            item if isinstance(item, str) else getattr(item, key) for item in getattr(row, column)
        }
        if given != {getattr(item, key) for item in getattr(venue, related).all()}:
            changed.append(column)
    rooms = [tuple(getattr(room, key) for key in ROOM_FIELDS) for room in venue.rooms.all()]
    if rooms != [tuple(room[key] for key in ROOM_FIELDS) for room in row.rooms]:
        changed.append("rooms")
    # The same periods in any order are the same hours (a venue lists them by weekday).
    hours = sorted((h.weekday, h.opens, h.closes) for h in venue.opening_hours.all())
    if hours != sorted(row.hours):
        changed.append("opening_hours")
    return changed


def import_venues(data, neighbourhood, *, publish=True, user=None):
    """Check the whole file; write it only when every row is right.

    Each venue is stored as the admin stores it: a revision, published at once (`publish`: the
    command line, or someone who may publish in the neighbourhood), or else a draft submitted to
    the neighbourhood's moderation, as a calendar feed set up by an editor imports its events.
    A draft leaves what residents see as it was until a moderator approves it.
    """
    rows, errors = read_rows(data, neighbourhood)
    result = ImportResult(errors=sorted_problems(errors))
    if result.errors:
        return result
    dutch = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    with transaction.atomic():
        for row in rows:
            venue = Venue.objects.filter(slug=row.values["slug"], locale=dutch).first()
            if venue is None:
                venue = Venue(locale=dutch, neighbourhood=neighbourhood, live=publish)
                result.created += 1
                _write(venue, row)
            elif publish:
                result.updated += 1
                _write(venue, row)
            else:
                # The row stays the published version; the change lives in the revision, made
                # on top of any draft already waiting (as the admin's form does). A venue the
                # file does not change is left alone rather than sent to the moderators.
                venue = venue.get_latest_revision_as_object()
                if not changed_columns(venue, row):
                    continue
                result.updated += 1
                _fill_in_memory(venue, row)
            venue.publish_or_submit(publish, user)
    return result


def _write(venue, row):
    """Write the row's values onto the venue's row and its parts."""
    for name, value in row.values.items():
        setattr(venue, name, value)
    venue.save()
    venue.facilities.set(row.facilities)
    venue.accessibility_features.set(row.accessibility)
    venue.tags.set(row.tags)
    venue.save()
    venue.rooms.all().delete()
    for order, room in enumerate(row.rooms):
        VenueRoom.objects.create(venue=venue, sort_order=order, **room)
    venue.opening_hours.all().delete()
    for order, (weekday, opens, closes) in enumerate(row.hours):
        OpeningHours.objects.create(
            venue=venue, sort_order=order, weekday=weekday, opens=opens, closes=closes
        )


def _fill_in_memory(venue, row):
    """The row's values on the venue object only: a revision records them, the database not."""
    for name, value in row.values.items():
        setattr(venue, name, value)
    venue.facilities = row.facilities
    venue.accessibility_features = row.accessibility
    venue.tags.set(row.tags)
    venue.rooms = [VenueRoom(sort_order=order, **room) for order, room in enumerate(row.rooms)]
    venue.opening_hours = [
        OpeningHours(sort_order=order, weekday=weekday, opens=opens, closes=closes)
        for order, (weekday, opens, closes) in enumerate(row.hours)
    ]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def export_venues(neighbourhood, out):
    """Write the neighbourhood's Dutch venues in the import format."""
    venues = (
        Venue.objects.filter(
            neighbourhood=neighbourhood, locale__language_code=settings.LANGUAGE_CODE
        )
        .order_by("slug")
        .prefetch_related("facilities", "accessibility_features", "opening_hours", "rooms", "tags")
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for venue in venues:
        row = {name: _cell(getattr(venue, name)) for name in TEXT_FIELDS}
        row.update(
            slug=venue.slug,
            kind=venue.kind,
            postcode=venue.postcode,
            latitude=_cell(venue.latitude),
            longitude=_cell(venue.longitude),
            capacity=_cell(venue.capacity),
            price_class=venue.price_class,
            facilities=",".join(sorted(t.slug for t in venue.facilities.all())),
            accessibility=",".join(sorted(t.slug for t in venue.accessibility_features.all())),
            opening_hours=format_hours(venue.opening_hours.all()),
            closed_on_public_holidays=_cell(venue.closed_on_public_holidays),
            rooms=format_rooms(venue.rooms.all()),
            tags=",".join(sorted(t.name for t in venue.tags.all())),
            is_active=_cell(venue.is_active),
            last_checked=venue.last_checked.isoformat() if venue.last_checked else "",
        )
        writer.writerow([row[name] for name in COLUMNS])
