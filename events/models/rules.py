"""What an event must satisfy before it is saved: a schedule that can be expanded, a free slug."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .. import recurrence
from ..choices import WEEKDAY_CHOICES


def schedule_errors(event):
    """{field name: message} for an event's repeat fields, as the admin form shows them."""
    errors = {}
    if event.start and event.end and event.end < event.start:
        errors["end"] = _("The end must be after the start.")
    if event.repeat == "custom" and not event.rrule:
        errors["rrule"] = _("Write a rule, or choose one of the plain repeat options.")
    if event.ends == "until" and event.repeat != "none" and not event.repeat_until:
        errors["repeat_until"] = _("Choose the last date.")
    if event.ends == "count" and event.repeat != "none" and not event.repeat_count:
        errors["repeat_count"] = _("Say how many times.")
    if event.repeat_until and event.start and event.repeat_until < event.start.date():
        errors["repeat_until"] = _("The last date cannot be before the start.")
    if event.weekdays:
        codes = {code for code, _label in WEEKDAY_CHOICES}
        if not set(event.weekdays.split(",")) <= codes:
            errors["weekdays"] = _("Use weekday codes such as MO,TH.")
    if event.start and not errors:
        try:
            text = event.rule_text()
            if text:
                recurrence.validate_rule(text, recurrence.to_local(event.start))
        except recurrence.RecurrenceError as error:
            errors["rrule" if event.repeat == "custom" else "repeat"] = str(error)
    return errors


def free_slug(title, siblings):
    """The title's slug, numbered (-2, -3, …) until no sibling has it."""
    base = slugify(title)[:90] or "event"
    slug, number = base, 1
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class SlugPool:
    """Free slugs for many new events at once (an import): the taken ones are read once, not
    one query per event and number as `free_slug` does for a single save."""

    def __init__(self, taken):
        self.taken = set(taken)

    def take(self, title):
        base = slugify(title)[:90] or "event"
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        return slug
