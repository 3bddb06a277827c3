"""The venues app's models, by subject; everything is importable from `venues.models`."""

from ..postcodes import normalise_postcode, validate_postcode
from .pages import VenueIndexPage
from .parts import DatedChange, OpeningException, OpeningHours, VenueRoom, WeeklyPeriod
from .reports import VenueReport
from .venue import Venue, VenueTag
from .vocabulary import (
    AccessibilityFeature,
    Facility,
    PriceClass,
    VenueKind,
    VocabularyTerm,
    Weekday,
)

__all__ = [
    "AccessibilityFeature",
    "DatedChange",
    "Facility",
    "OpeningException",
    "OpeningHours",
    "PriceClass",
    "Venue",
    "VenueIndexPage",
    "VenueKind",
    "VenueReport",
    "VenueRoom",
    "VenueTag",
    "VocabularyTerm",
    "Weekday",
    "WeeklyPeriod",
    "normalise_postcode",
    "validate_postcode",
]
