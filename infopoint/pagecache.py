"""Whole pages for visitors without a session, remembered in the one cache (infopoint.cache).

A visitor who is not logged in and sends no session cookie gets the page as the last such
visitor got it: per host and port, path and query (parameters in any order), in the one
generation every change renews, so a published page, a renamed venue or a new event shows on
the very next request everywhere, in every language, on every app server that shares the cache.

Never remembered: anything with a session (editors, previews, a form that just stored a message),
a response that sets a cookie, that is not a success, that says private/no-store, that streams,
and the admin, documents, media and the API (which has its own validators). A page with a POST
form is remembered without its CSRF token: each visitor gets a fresh token (and cookie) filled in,
so the form keeps working and stays protected.

Time-dependent content ("open now", "this week", "today") is at most PAGE_CACHE_SECONDS old
(five minutes by default); the same bound is sent to a CDN as s-maxage.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control

from .cache import prefix

SKIPPED_PATHS = ("/admin/", "/documents/", "/media/", "/static/", "/api/", "/django-admin/")
CACHED_TYPES = (
    "text/html",
    "text/calendar",
    "text/plain",
    "text/css",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
)
STATUS_HEADER = "X-Wijkinfo-Cache"
MAX_QUERY_LENGTH = 512
CSRF_PLACEHOLDER = "\x00wijkinfo-csrf\x00"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")([^"]*)(")')


def _key(request):
    query = sorted((name, sorted(values)) for name, values in request.GET.lists())
    text = f"{request.get_host()}\n{request.path}\n{query!r}"
    return prefix("page") + hashlib.sha256(text.encode()).hexdigest()


def _may_use_cache(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # The bare host name answers in the browser's preferred language (Vary: Accept-Language).
        and request.path != "/"
        and not request.path.startswith(SKIPPED_PATHS)
        # Endless made-up queries would only fill the cache.
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _may_store(request, response):
    cache_control = response.get("Cache-Control", "")
    cookies = [name for name in response.cookies if name != settings.CSRF_COOKIE_NAME]
    return (
        response.status_code == 200
        and not response.streaming
        and not cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").split(";")[0] in CACHED_TYPES
        and not getattr(request, "is_preview", False)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return self._replay(request, stored)
        response = self.get_response(request)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if _may_store(request, response):
            self._store(key, response)
            self._mark(response, "miss")
        return response

    def _store(self, key, response):
        content, csrf_holes = CSRF_INPUT.subn(
            lambda match: match.group(1) + CSRF_PLACEHOLDER.encode() + match.group(3),
            response.content,
        )
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in {"set-cookie", STATUS_HEADER.lower()}
        }
        cache.set(
            key,
            {"status": response.status_code, "headers": headers, "content": content},
            settings.PAGE_CACHE_SECONDS,
        )
        response.csrf_holes = bool(csrf_holes)

    def _replay(self, request, stored):
        content = stored["content"]
        has_form = CSRF_PLACEHOLDER.encode() in content
        if has_form:
            # A fresh token for this visitor; the CSRF middleware sets its cookie on the way out.
            content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
        response = HttpResponse(b"" if request.method == "HEAD" else content)
        response.status_code = stored["status"]
        for name, value in stored["headers"].items():
            response[name] = value
        response["Content-Length"] = str(len(content))
        response.csrf_holes = has_form
        self._mark(response, "hit")
        return response

    def _mark(self, response, status):
        response[STATUS_HEADER] = status
        if getattr(response, "csrf_holes", False):
            # A page with a form carries a visitor's own token: a CDN must not share it.
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS
            )
