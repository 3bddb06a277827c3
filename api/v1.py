"""Version 1 of the open-data API: what residents read on the sites, for other systems.

One django-ninja API for everything. Wagtail 8 ships a ninja-based API v3 (wagtail.api.v3), but
it is an editors' read-and-write API (bearer tokens, revisions, publishing actions; a signed-in
user sees drafts), answers for one site by a `site` parameter rather than the Host, and knows
neither the Dutch fallback of untranslated pages nor neighbourhoods. Here every endpoint is
read-only, anonymous, scoped by the Host like the pages, and serves published content only.
"""

from ninja import NinjaAPI, Swagger

from . import errors, events, hsds, pages, services, venues

DESCRIPTION = """\
Open data of the neighbourhood information points: meeting places, events with their dates, news
and guides, and the help directory (services with their walk-in hours, and the organisations
offering them), read-only and published content only.

**Which neighbourhood**: the host name, as for the pages. A neighbourhood's site
(`lunetten.…`) answers with its own items; the city portal answers for the whole city and takes
a `neighbourhood` filter.

**Language**: `lang` (default `nl`). Items not translated yet come in Dutch, as on the pages;
each item's `language` says which.

**Pages**: lists are ordered (venues, services, organisations and guides by name, events by
their first date, news newest first) and follow the `next` link; a page keeps its place when
items are added meanwhile.

**Caching**: answers carry an `ETag`; send it back in `If-None-Match` for a `304`. At most a
number of requests per minute per address (`429` with `Retry-After` beyond it). Errors are
RFC 9457 problem details (`application/problem+json`).

Venues are also offered as Open Referral HSDS 3.0 `location` records under `/api/v1/hsds/`, and
the help directory as HSDS `service` (with `service_at_location` and `schedule`) and
`organization` records, the same records as the `export_hsds` command writes.
"""

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "parameter": {"type": "string"},
                    "message": {"type": "string"},
                },
                "required": ["parameter", "message"],
            },
        },
    },
    "required": ["type", "title", "status"],
}
ERRORS = {
    "400": "A filter value unknown here (a facility, venue or topic), or a cursor not ours.",
    "404": "No such item on this site, or not published.",
    "422": "A parameter of the wrong type or out of range.",
    "429": "Too many requests from this address; try again after Retry-After seconds.",
}


class OpenDataAPI(NinjaAPI):
    """django-ninja's API, whose schema also documents the problem details every operation may
    answer (api.errors writes them outside the operations' own responses)."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERRORS.items():
                    responses[status] = {"description": description, "content": problem}
                responses["429"]["headers"] = {
                    "Retry-After": {"schema": {"type": "string"}, "required": True}
                }
        _link_lists_to_items(schema["paths"])
        return schema


# Where a list's first item leads (OpenAPI links: clients and Schemathesis's stateful run
# follow them): {list path: (item path, its id parameter, where the id is in the list)}.
LINKS = {
    "/api/v1/venues/": ("/api/v1/venues/{venue_id}/", "venue_id", "/results/0/id"),
    "/api/v1/events/": ("/api/v1/events/{event_id}/", "event_id", "/results/0/id"),
    "/api/v1/news/": ("/api/v1/news/{news_id}/", "news_id", "/results/0/id"),
    "/api/v1/guides/": ("/api/v1/guides/{guide_id}/", "guide_id", "/results/0/id"),
    "/api/v1/services/": ("/api/v1/services/{service_id}/", "service_id", "/results/0/id"),
    "/api/v1/organisations/": (
        "/api/v1/organisations/{organisation_id}/",
        "organisation_id",
        "/results/0/id",
    ),
    "/api/v1/hsds/services/": (
        "/api/v1/hsds/services/{service_id}/",
        "service_id",
        "/contents/0/id",
    ),
    "/api/v1/hsds/organizations/": (
        "/api/v1/hsds/organizations/{organization_id}/",
        "organization_id",
        "/contents/0/id",
    ),
    "/api/v1/hsds/locations/": (
        "/api/v1/hsds/locations/{location_id}/",
        "location_id",
        "/contents/0/id",
    ),
}
LINKED_FORMS = {
    "/api/v1/venues/{venue_id}/": ("/api/v1/venues/{venue_id}/jsonld/", "venue_id", "/id"),
    "/api/v1/events/{event_id}/": ("/api/v1/events/{event_id}/jsonld/", "event_id", "/id"),
}


def _link_lists_to_items(paths):
    for source, (target, parameter, pointer) in {**LINKS, **LINKED_FORMS}.items():
        if source not in paths or target not in paths:
            continue
        responses = paths[source]["get"]["responses"]
        ok = responses.get(200) or responses["200"]
        ok["links"] = {
            "item": {
                "operationId": paths[target]["get"]["operationId"],
                "parameters": {parameter: f"$response.body#{pointer}"},
            }
        }


api = OpenDataAPI(
    title="Wijkinfo open data",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/schema/",
    docs_url="/docs/",
    # The assets django-ninja vendors (it is an installed app): no third-party request, and no
    # validator badge phoning swagger.io.
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": True}),
)
errors.register(api)
api.add_router("/venues/", venues.router)
api.add_router("/events/", events.router)
api.add_router("/news/", pages.news_router)
api.add_router("/guides/", pages.guides_router)
api.add_router("/services/", services.router)
api.add_router("/organisations/", services.organisations_router)
api.add_router("/hsds/", hsds.router)
