from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models are loaded by now (the reason signal code is imported here, not at the top).
        from .signals import connect

        connect()
