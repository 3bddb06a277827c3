"""Dutch postcodes as residents type them and as the venue stores them."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Dutch postcodes: four digits (the first not 0), an optional space, two letters; SA, SD and SS
# are never issued.
POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s?(?!SA|SD|SS)([A-Za-z]{2})\s*$")


def normalise_postcode(value):
    """“3521az” and “3521 AZ” are the same postcode; we store the official “3521 AZ” form."""
    match = POSTCODE_RE.match((value or "").upper())
    return f"{match.group(1)} {match.group(2).upper()}" if match else value


def validate_postcode(value):
    """Accepts what people type (“3521az”); the venue stores the official “3521 AZ”."""
    if not POSTCODE_RE.match((value or "").upper()):
        raise ValidationError(
            _("Enter a Dutch postcode: four digits and two letters, like 3521 AZ."),
            code="invalid_postcode",
        )
