"""Residents' "this is out of date" reports, kept until an editor has seen to them.

`OutdatedReport` is what every report holds; an app gives the things it publishes a report of
their own on it (venues: `venues.VenueReport`) and infopoint does so for guides.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .guides import GuidePage
from .neighbourhood import Neighbourhood


class OutdatedReport(models.Model):
    """What a resident reported as out of date.

    Stored before anything is mailed, so a mail server that is down loses nothing: the
    neighbourhood's editors see open reports on their dashboard and mark them done. The
    reporter's e-mail address is for an answer only and never shown on a public page.

    A concrete report says what it is about: `subject_name`, `neighbourhood_of_subject()` and
    `edit_url()` (the admin page where the subject is put right).
    """

    message = models.TextField(_("message"), max_length=2000)
    email = models.EmailField(
        _("reporter's e-mail address"),
        blank=True,
        help_text=_("Private: only to answer the resident."),
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True, db_index=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class GuideReport(OutdatedReport):
    """A report about a guide (in the language the resident read it in)."""

    guide = models.ForeignKey(GuidePage, on_delete=models.CASCADE, related_name="reports")
    # Guides live in a neighbourhood's page tree; kept on the report so the dashboard and the
    # mail find the neighbourhood's editors without walking the tree.
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta(OutdatedReport.Meta):
        verbose_name = _("report about a guide")
        verbose_name_plural = _("reports about guides")
        indexes = [models.Index(fields=["done", "created_at"])]

    def __str__(self):
        return f"{self.guide}: {self.message[:40]}"

    @property
    def subject_name(self):
        return self.guide.title

    def neighbourhood_of_subject(self):
        return self.neighbourhood

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.guide_id])
