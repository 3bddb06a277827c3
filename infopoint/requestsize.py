"""Refuse a request body that is too large from its Content-Length, before anything reads it.

Django reads a POST body as soon as something asks for request.POST (the CSRF check does, before
any view), spooling large uploads to a temporary file. This middleware stands before all of that
and answers 413 at once for a body larger than the largest upload the site accepts.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

# Room for the form fields and multipart framing around the largest file.
MARGIN = 1024 * 1024


def largest_request_bytes():
    """REQUEST_MAX_BYTES if set, else the largest upload any form accepts plus a margin."""
    if settings.REQUEST_MAX_BYTES:
        return settings.REQUEST_MAX_BYTES
    largest_file = max(
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
        getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024),
        settings.SUBMISSION_IMAGE_MAX_BYTES,
    )
    return max(largest_file + MARGIN, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > largest_request_bytes():
            # The body stays unread; the connection is closed rather than drained.
            response = HttpResponse(render_to_string("413.html"), status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
