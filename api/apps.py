from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The open-data JSON API under /api/v1/: published content only, read-only."""

    name = "api"
