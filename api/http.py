"""What every answer under /api/ carries, whatever endpoint made it.

- a per-address limit (infopoint.antispam.RateLimit, the address behind TRUSTED_PROXY_COUNT
  proxies): over it, 429 with Retry-After;
- CORS open for reading: any site's script may GET (no credentials, so nothing private leaks);
- Cache-Control for clients and CDNs, and an ETag, answered with 304 when it matches;
- errors as problem details (api.problems), also for what Django answers itself (a 404 of an
  unknown address, a 405 of a POST).
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from infopoint.antispam import RateLimit

from .problems import CONTENT_TYPE, problem

PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def rate_limit():
    return RateLimit("api-rate", *settings.API_RATE_LIMIT)


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "If-None-Match, Accept, Accept-Language"
    response["Access-Control-Expose-Headers"] = "ETag, Retry-After, Link"
    response["Access-Control-Max-Age"] = "86400"
    return response


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":  # a browser's preflight
            response = HttpResponse(status=204)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return _cors(response)
        if request.method not in READ_METHODS:
            return _cors(problem(405, "The API is read-only.", Allow="GET, HEAD, OPTIONS"))
        limit = rate_limit()
        if limit.exceeded(request):
            window = limit.window
            response = problem(
                429,
                f"At most {limit.limit} requests per {window} seconds from one address.",
                Retry_After=str(window),
            )
            return _cors(response)
        limit.count(request)
        head = request.method == "HEAD"
        if head:  # answered as GET, without the body (the operations are declared for GET)
            request.method = "GET"
        response = self.get_response(request)
        if response.status_code >= 400 and not _is_problem(response):
            response = problem(response.status_code)
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
            if not response.streaming:
                set_response_etag(response)
                response = get_conditional_response(
                    request, etag=response.get("ETag"), response=response
                )
        elif response.status_code >= 400:
            patch_cache_control(response, no_store=True)
        if head:
            request.method = "HEAD"
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        return _cors(response)


def _is_problem(response):
    return response.get("Content-Type", "").startswith(CONTENT_TYPE)
