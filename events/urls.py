"""Calendar feeds end in .ics, which Wagtail's page addresses (always ending in /) cannot
express: `…/feed.ics` and `…/<slug>/calendar.ics` are handed to the agenda page's routes."""

from django.urls import re_path

from infopoint import routing


def serve_ics(request, path):
    return routing.serve(request, f"{path}/")


urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)*[\w\-]+\.ics)$", serve_ics, name="events_ics"),
]
