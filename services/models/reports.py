"""A resident's "this is out of date" about a service, kept until an editor has seen to it."""

from django.contrib.admin.utils import quote
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infopoint.models import OutdatedReport

from .service import Service


class ServiceReport(OutdatedReport):
    """What a resident reported as out of date about a service (see OutdatedReport)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="reports")

    class Meta(OutdatedReport.Meta):
        verbose_name = _("report about a service")
        verbose_name_plural = _("reports about services")
        indexes = [models.Index(fields=["done", "created_at"])]

    def __str__(self):
        return f"{self.service}: {self.message[:40]}"

    @property
    def subject_name(self):
        return self.service.name

    def neighbourhood_of_subject(self):
        return self.service.neighbourhood

    def edit_url(self):
        return reverse(Service.snippet_viewset.get_url_name("edit"), args=[quote(self.service_id)])
