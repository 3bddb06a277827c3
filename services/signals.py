"""A service or organisation changed: translations follow the Dutch one (a service's when it is
published), and every page that shows it forgets what it remembered (infopoint.cache)."""

from infopoint.cache import forget_when_changed
from infopoint.signals import translations_follow

from .models import Organisation, Service


def connect():
    forget_when_changed(Service, publishable=True)
    forget_when_changed(Organisation)
    translations_follow(Service, on_publish=True)
    translations_follow(Organisation)
