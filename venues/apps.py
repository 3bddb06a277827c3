from django.apps import AppConfig


class VenuesConfig(AppConfig):
    name = "venues"
    default_auto_field = "django.db.models.BigAutoField"
