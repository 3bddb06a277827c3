"""Errors as RFC 9457 problem details: `application/problem+json` with type, title, status and
detail, so a client reads every error the same way (a bad filter, an unknown item, a limit)."""

import json

from django.http import HttpResponse

CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Request too large",
    422: "Invalid parameters",
    429: "Too many requests",
    500: "Server error",
}


def problem(status, detail="", *, errors=None, **headers):
    """A problem-details response; `errors` lists what was wrong with which parameter."""
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def form_errors(form):
    """[{parameter, message}] from a filter form that did not validate."""
    return [
        {"parameter": name, "message": str(message)}
        for name, messages in form.errors.items()
        for message in messages
    ]
