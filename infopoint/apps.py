from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfopointConfig(AppConfig):
    name = "infopoint"
    verbose_name = _("Information point")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models are loaded by now (the reason signal code is imported here, not at the top).
        from . import checks  # noqa: F401 - registers the system checks
        from .signals import connect

        connect()
