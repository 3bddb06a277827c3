"""The events app's models, by subject; everything is importable from `events.models`."""

from ..choices import EventStatus
from .event import Event, EventTag
from .feed import EventFeed, EventFeedTag
from .occurrence import EventException, Occurrence
from .pages import EventIndexPage

__all__ = [
    "Event",
    "EventException",
    "EventFeed",
    "EventFeedTag",
    "EventIndexPage",
    "EventStatus",
    "EventTag",
    "Occurrence",
]
