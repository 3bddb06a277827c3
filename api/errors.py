"""How the API answers what it cannot serve: RFC 9457 problem details, never a 500 for a bad
parameter (api.problems writes them)."""

import logging
import uuid

from django.http import Http404
from ninja.errors import HttpError, ValidationError

from .pagination import BadCursor
from .problems import form_errors, problem

logger = logging.getLogger(__name__)


class BadParameters(Exception):
    """A filter value the page's filter form refuses (an unknown facility, venue or topic)."""

    def __init__(self, form):
        super().__init__("bad parameters")
        self.form = form


def item_key(value):
    """An item's id (its translation key, a UUID); anything else names no item."""
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise Http404("No such item.") from error


def _validation(request, exc):
    errors = [
        {
            "parameter": ".".join(str(part) for part in error.get("loc", ())[1:]) or "query",
            "message": error.get("msg", ""),
        }
        for error in exc.errors
    ]
    return problem(422, "Some parameters are not valid.", errors=errors)


def register(api):
    api.add_exception_handler(ValidationError, _validation)
    api.add_exception_handler(
        BadParameters,
        lambda request, exc: problem(
            400, "Some filter values are unknown here.", errors=form_errors(exc.form)
        ),
    )
    api.add_exception_handler(BadCursor, lambda request, exc: problem(400, str(exc)))
    api.add_exception_handler(Http404, lambda request, exc: problem(404, "No such item here."))
    api.add_exception_handler(
        HttpError, lambda request, exc: problem(exc.status_code, str(exc) or "")
    )

    def server_error(request, exc):
        logger.exception("API error on %s", request.path, exc_info=exc)
        return problem(500, "Something went wrong on our side.")

    api.add_exception_handler(Exception, server_error)
