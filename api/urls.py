from django.urls import path
from django.views.generic import RedirectView

from .v1 import api

urlpatterns = [
    path("api/v1/", api.urls),
    # The bare /api/ leads to the documentation of the current version.
    path("api/", RedirectView.as_view(url="/api/v1/docs/", permanent=False)),
]
