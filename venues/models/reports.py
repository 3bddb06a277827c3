"""A resident's "this is out of date" about a venue, kept until an editor has seen to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .venue import Venue


class VenueReport(models.Model):
    """What a resident reported as out of date about a venue.

    Stored before anything is mailed, so a mail server that is down loses nothing: the
    neighbourhood's editors see open reports on their dashboard and mark them done. The
    reporter's e-mail address is for an answer only and never shown on a public page.
    """

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="reports")
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
        ordering = ["-created_at"]
        verbose_name = _("report about a venue")
        verbose_name_plural = _("reports about venues")
        indexes = [models.Index(fields=["done", "created_at"])]

    def __str__(self):
        return f"{self.venue}: {self.message[:40]}"
