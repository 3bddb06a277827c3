"""A municipality's sociale kaart as CSV: `manage.py import_services` (columns in README.md).

One service a row. All or nothing, read the same way as the venue import (infopoint.csvfile,
venues.csv_cells): every row is checked first and every problem named as “line N, column NAME:
what is wrong”; only a file without problems is written, in one transaction.

A row is the service with the same name at the same organisation (the Dutch original), so a
municipality that sends its updated list again updates its services rather than doubling them;
a row the file does not change is left alone. Organisations are found by name, or created in the
neighbourhood imported into.

Moderation: imported services are drafts (a revision each, not shown to residents), submitted to
the neighbourhood's moderation workflow as a calendar feed's drafts are, so they wait on its
moderators' dashboard; unless the import is told to publish (`--publish`). A draft import leaves
an already published service as residents see it; the change waits as its latest revision.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from infopoint.csvfile import numbered, open_rows, sorted_problems
from infopoint.models import Neighbourhood
from venues.csv_cells import RowError, parse_bool, parse_hours
from venues.models import Venue

from .models import Organisation, Service, WalkInHours
from .vocabulary import Channel, Cost, OrganisationKind, SpokenLanguage, Topic

COLUMNS = [
    "organisation",
    "organisation_kind",
    "name",
    "summary",
    "description",
    "topics",
    "audience",
    "cost",
    "cost_details",
    "languages",
    "channels",
    "how_to_get_it",
    "neighbourhoods",
    "email",
    "phone",
    "website",
    "walk_in_venue",
    "walk_in_hours",
    "closed_on_public_holidays",
    "last_checked",
]
REQUIRED = ["organisation", "name", "summary", "topics"]
# What each column holds, for the command's --help (README.md has the same, with examples).
COLUMN_HELP = {
    "organisation": "required; found by name, or created",
    "organisation_kind": "municipal, welfare, health, volunteers, residents, faith, other",
    "name": "required; with organisation, what a row is matched on when sent again",
    "summary": "required; one plain sentence",
    "description": "plain text; an empty line starts a paragraph",
    "topics": "required; codes or labels (Dutch or English), e.g. “Geld en schulden, energy”",
    "audience": "who it is for (empty: everyone)",
    "cost": "free, fee, on-request (or gratis, …); default free",
    "cost_details": "e.g. “€ 5 per keer”",
    "languages": "ISO 639 codes or names, e.g. “nl, Arabisch, tr”; default nl",
    "channels": "walk-in, appointment, phone, online, home-visit; empty with a venue: walk-in",
    "how_to_get_it": "e.g. “Bel eerst voor een afspraak”",
    "neighbourhoods": "others served, slugs or names; “hele stad” for the whole city",
    "email": "contact e-mail address",
    "phone": "e.g. 030 123 45 67",
    "website": "https://…",
    "walk_in_venue": "a venue on the site, by name or slug",
    "walk_in_hours": "e.g. “ma 09:00-12:00; do 13:00-16:00”; without a venue: by phone/online",
    "closed_on_public_holidays": "ja/nee (yes/no), default ja",
    "last_checked": "e.g. 2026-11-01",
}
# Copied as text onto the service.
TEXT_FIELDS = ["name", "summary", "audience", "cost_details", "how_to_get_it", "email", "phone"]
# Words in the `neighbourhoods` column that mean the whole city.
WHOLE_CITY = {"*", "stad", "hele stad", "de hele stad", "city", "whole city", "the whole city"}
LIST_SEPARATORS = (",", ";")


@dataclass
class ParsedRow:
    line: int
    organisation: str
    organisation_kind: str
    values: dict
    areas: list = field(default_factory=list)
    venue: object = None
    hours: list = field(default_factory=list)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_created: int = 0
    errors: list = field(default_factory=list)


# -- the cells ------------------------------------------------------------------------------


def _words(vocabulary):
    """Each code of `vocabulary` by its code and by its Dutch and English labels (lower case)."""
    words = {}
    for language in ("en", settings.LANGUAGE_CODE):
        with translation.override(language):
            for code, label in vocabulary.choices:
                words[str(label).lower()] = code
    words.update({code.lower(): code for code in vocabulary.values})
    return words


def _labels(vocabulary):
    return ", ".join(str(label) for _code, label in vocabulary.choices)


def _split(text):
    for separator in LIST_SEPARATORS[1:]:
        text = text.replace(separator, LIST_SEPARATORS[0])
    return [part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip()]


def parse_codes(column, text, vocabulary):
    """“Geld en schulden, energy”: codes or labels of `vocabulary`, in Dutch or English."""
    words = _words(vocabulary)
    codes, unknown = [], []
    for part in _split(text):
        code = words.get(part.lower())
        if code is None:
            unknown.append(part)
        elif code not in codes:
            codes.append(code)
    if unknown:
        raise RowError(
            column,
            _("unknown: %(words)s (known: %(known)s).")
            % {"words": ", ".join(f"“{w}”" for w in unknown), "known": _labels(vocabulary)},
        )
    return codes


def parse_code(column, text, vocabulary):
    codes = parse_codes(column, text, vocabulary)
    if len(codes) != 1:
        raise RowError(column, _("give one of %(known)s.") % {"known": _labels(vocabulary)})
    return codes[0]


def parse_date(column, text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowError(
            column, _("“%(text)s” is not a date like 2026-09-01.") % {"text": text}
        ) from None


class _Lookup:
    """The neighbourhoods, venues, organisations and services rows refer to, read once."""

    def __init__(self, dutch):
        self.neighbourhoods = {}
        for neighbourhood in Neighbourhood.objects.all():
            self.neighbourhoods[neighbourhood.slug.lower()] = neighbourhood
            self.neighbourhoods[neighbourhood.name.lower()] = neighbourhood
        # A venue by slug or name; a name two venues share cannot be told apart.
        self.venues, self.ambiguous = {}, set()
        for venue in Venue.objects.filter(locale=dutch).order_by("pk"):
            self.venues[venue.slug.lower()] = venue
            name = venue.name.lower()
            if name in self.venues and self.venues[name].slug.lower() != name:
                self.ambiguous.add(name)
            self.venues.setdefault(name, venue)
        self.organisations = {
            o.name.lower(): o for o in Organisation.objects.filter(locale=dutch).order_by("-pk")
        }
        self.services = {
            (s.organisation.name.lower(), s.name.lower()): s
            for s in Service.objects.filter(locale=dutch).select_related(
                "organisation", "neighbourhood"
            )
        }

    def areas(self, column, text, own):
        """(serves the whole city, [other neighbourhoods])."""
        if text.strip().lower() in WHOLE_CITY:
            return True, []
        found, unknown = [], []
        for part in _split(text):
            neighbourhood = self.neighbourhoods.get(part.lower())
            if neighbourhood is None:
                unknown.append(part)
            elif neighbourhood != own and neighbourhood not in found:
                found.append(neighbourhood)
        if unknown:
            known = sorted({n.slug for n in self.neighbourhoods.values()})
            raise RowError(
                column,
                _("unknown neighbourhood %(words)s (known: %(known)s, or “hele stad”).")
                % {"words": ", ".join(f"“{w}”" for w in unknown), "known": ", ".join(known)},
            )
        return False, found

    def venue(self, column, text):
        key = text.strip().lower()
        if key in self.ambiguous:
            raise RowError(
                column,
                _("more than one meeting place is called “%(text)s”; give its slug.")
                % {"text": text},
            )
        venue = self.venues.get(key)
        if venue is None:
            raise RowError(
                column,
                _("no meeting place “%(text)s” (give the name or slug of a venue on the site).")
                % {"text": text},
            )
        return venue


# -- reading --------------------------------------------------------------------------------


def read_rows(data, neighbourhood):
    """Parse and check every row. Returns (rows, errors); nothing is written."""
    reader, errors = open_rows(data, COLUMNS, REQUIRED)
    if errors:
        return [], errors
    header = reader.fieldnames
    dutch = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    lookup = _Lookup(dutch)
    seen, rows = {}, []
    for line, raw in numbered(reader):
        if None in raw:
            errors.append((line, header[-1], _("this row has more cells than the header.")))
            continue
        cells = {k: (v or "").strip() for k, v in raw.items()}
        row_errors = []

        def check(column, parse, *args, _errors=row_errors, _cells=cells, _line=line):
            if not _cells.get(column):
                return None
            try:
                return parse(column, _cells[column], *args)
            except RowError as error:
                _errors.append((_line, error.column, error.message))
                return None

        for column in REQUIRED:
            if not cells.get(column):
                row_errors.append((line, column, _("this cell is empty; it is required.")))
        key = (cells.get("organisation", "").lower(), cells.get("name", "").lower())
        if all(key) and key in seen:
            row_errors.append(
                (
                    line,
                    "name",
                    _("“%(name)s” of %(organisation)s is also on line %(line)s.")
                    % {
                        "name": cells["name"],
                        "organisation": cells["organisation"],
                        "line": seen[key],
                    },
                )
            )
        elif all(key):
            seen[key] = line
        existing = lookup.services.get(key)
        if existing is not None and existing.neighbourhood_id != neighbourhood.pk:
            row_errors.append(
                (
                    line,
                    "name",
                    _("“%(name)s” is a service of %(neighbourhood)s; import it there.")
                    % {"name": existing.name, "neighbourhood": existing.neighbourhood.name},
                )
            )

        topics = check("topics", parse_codes, Topic) or []
        channels = check("channels", parse_codes, Channel) or []
        venue = check("walk_in_venue", lookup.venue)
        hours = check("walk_in_hours", parse_hours) or []
        if not channels and not cells.get("channels"):
            if venue is not None:
                channels = [Channel.WALK_IN]
            else:
                row_errors.append(
                    (line, "channels", _("this cell is empty; it is required without a venue."))
                )
        if venue is not None and not cells.get("walk_in_hours"):
            row_errors.append(
                (line, "walk_in_hours", _("give the walk-in hours at this meeting place."))
            )
        whole_city, areas = check("neighbourhoods", lookup.areas, neighbourhood) or (False, [])
        holidays = check("closed_on_public_holidays", lambda c, t: parse_bool(c, t, True))
        description = cells.get("description", "")
        values = {name: cells.get(name, "") for name in TEXT_FIELDS}
        values.update(
            description="".join(
                f"<p>{escape(part.strip())}</p>" for part in description.split("\n\n") if part
            ),
            website=cells.get("website", ""),
            topics=topics,
            channels=channels,
            languages=check("languages", parse_codes, SpokenLanguage) or ["nl"],
            cost=check("cost", parse_code, Cost) or Cost.FREE,
            serves_whole_city=whole_city,
            closed_on_public_holidays=True if holidays is None else holidays,
            last_checked=check("last_checked", parse_date),
        )
        kind = check("organisation_kind", parse_code, OrganisationKind) or ""

        # The model's own validation (lengths, e-mail and web addresses), each under its column.
        reported = {column for _line, column, _message in row_errors}
        candidate = Service(neighbourhood=neighbourhood, locale=dutch, **values)
        exclude = ["organisation", "slug", "translation_key", "locale", *reported]
        try:
            candidate.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                row_errors.extend((line, name, message) for message in messages)
        if len(cells.get("organisation", "")) > Organisation._meta.get_field("name").max_length:
            row_errors.append((line, "organisation", _("this name is too long.")))
        errors.extend(row_errors)
        rows.append(
            ParsedRow(
                line,
                cells.get("organisation", ""),
                kind,
                values,
                areas=areas,
                venue=venue,
                hours=hours,
            )
        )
    return rows, errors


# -- writing --------------------------------------------------------------------------------


def _state(service, areas):
    """What a row sets on a service, to see whether the file changes it."""
    return (
        {name: getattr(service, name) for name in _COMPARED},
        sorted((h.venue_id, h.weekday, h.opens, h.closes) for h in service.walk_in_hours.all()),
        sorted(area.pk for area in areas),
    )


_COMPARED = [
    *TEXT_FIELDS,
    "description",
    "website",
    "topics",
    "channels",
    "languages",
    "cost",
    "serves_whole_city",
    "closed_on_public_holidays",
    "last_checked",
]


def _organisation(row, neighbourhood, dutch, known, result):
    organisation = known.get(row.organisation.lower())
    if organisation is None:
        base = slugify(row.organisation)[:70] or "organisatie"
        slug, number = base, 1
        while Organisation.objects.filter(slug=slug, locale=dutch).exists():
            number += 1
            slug = f"{base}-{number}"
        organisation = Organisation.objects.create(
            name=row.organisation,
            slug=slug,
            kind=row.organisation_kind or OrganisationKind.OTHER,
            neighbourhood=neighbourhood,
            locale=dutch,
        )
        known[row.organisation.lower()] = organisation
        result.organisations_created += 1
    elif row.organisation_kind and organisation.kind != row.organisation_kind:
        organisation.kind = row.organisation_kind
        organisation.save(update_fields=["kind"])
    return organisation


def import_services(data, neighbourhood, *, publish=False, user=None):
    """Check the whole file; write it only when every row is right (see the module's text)."""
    rows, errors = read_rows(data, neighbourhood)
    result = ImportResult(errors=sorted_problems(errors))
    if result.errors:
        return result
    dutch = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    with transaction.atomic():
        lookup = _Lookup(dutch)
        for row in rows:
            organisation = _organisation(row, neighbourhood, dutch, lookup.organisations, result)
            service = lookup.services.get((organisation.name.lower(), row.values["name"].lower()))
            hours = [
                WalkInHours(venue=row.venue, weekday=weekday, opens=opens, closes=closes)
                for weekday, opens, closes in row.hours
            ]
            if service is None:
                service = Service(
                    organisation=organisation, neighbourhood=neighbourhood, locale=dutch, live=False
                )
                before = None
            else:
                # On top of the latest revision, so a draft waiting is built on, not lost.
                service = service.get_latest_revision_as_object()
                before = _state(service, service.areas_served.all())
            for name, value in row.values.items():
                setattr(service, name, value)
            service.walk_in_hours = hours
            if before is None:
                result.created += 1
            elif _state(service, row.areas) == before:
                result.unchanged += 1
                continue
            else:
                result.updated += 1
            service.areas_served = row.areas
            if service.pk is None or not service.live or publish:
                service.full_clean()
                service.save()
            service.publish_or_submit(publish, user)
    return result
