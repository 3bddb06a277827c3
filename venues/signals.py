"""A venue changed: translations follow the Dutch venue when it is published, and every page
that shows it forgets what it remembered (infopoint.cache)."""

from infopoint.cache import forget_when_changed
from infopoint.signals import translations_follow

from .models import Venue


def connect():
    forget_when_changed(Venue, publishable=True)
    translations_follow(Venue, on_publish=True)
