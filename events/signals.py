"""An event changed: translations follow the Dutch event when it is published, and every page
that shows it forgets what it remembered (infopoint.cache). Writing an event's dates does the
same (events.occurrences)."""

from infopoint.cache import forget_when_changed
from infopoint.signals import translations_follow

from .models import Event, EventFeed


def connect():
    forget_when_changed(Event, publishable=True)
    forget_when_changed(EventFeed)
    translations_follow(Event, on_publish=True)
