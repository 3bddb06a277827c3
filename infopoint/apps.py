from django.apps import AppConfig


class InfopointConfig(AppConfig):
    name = "infopoint"
    verbose_name = "Information point"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
