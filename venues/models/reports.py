"""A resident's "this is out of date" about a venue, kept until an editor has seen to it."""

from django.contrib.admin.utils import quote
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infopoint.models import OutdatedReport

from .venue import Venue


class VenueReport(OutdatedReport):
    """What a resident reported as out of date about a venue (see OutdatedReport)."""

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="reports")

    class Meta(OutdatedReport.Meta):
        verbose_name = _("report about a venue")
        verbose_name_plural = _("reports about venues")
        indexes = [models.Index(fields=["done", "created_at"])]

    def __str__(self):
        return f"{self.venue}: {self.message[:40]}"

    @property
    def subject_name(self):
        return self.venue.name

    def neighbourhood_of_subject(self):
        return self.venue.neighbourhood

    def edit_url(self):
        return reverse(Venue.snippet_viewset.get_url_name("edit"), args=[quote(self.venue_id)])
