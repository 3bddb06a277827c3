"""The help directory's models, by subject; everything is importable from `services.models`."""

from .organisation import Organisation
from .pages import ServiceIndexPage
from .reports import ServiceReport
from .service import REVIEW_AFTER_DAYS, Service, WalkInChange, WalkInHours

__all__ = [
    "REVIEW_AFTER_DAYS",
    "Organisation",
    "Service",
    "ServiceIndexPage",
    "ServiceReport",
    "WalkInChange",
    "WalkInHours",
]
