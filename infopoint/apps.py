from django.apps import AppConfig


class InfopointConfig(AppConfig):
    name = "infopoint"
    verbose_name = "Information point"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models are loaded by now (the reason signal code is imported here, not at the top).
        from . import checks  # noqa: F401 - registers the system checks
        from .signals import connect

        connect()
