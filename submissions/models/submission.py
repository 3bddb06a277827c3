"""Who handed in an event: private, for the neighbourhood's moderators only."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventSubmission(models.Model):
    """Who handed in an event: kept for the moderator, never shown on the site or in feeds."""

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="submission",
        help_text=_("The draft event this submission created."),
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(
        _("language"),
        max_length=10,
        help_text=_("The language the resident used on the form."),
    )
    client = models.CharField(
        max_length=32,
        editable=False,
        help_text=_("A hash of the sender's address, to spot floods (never the address itself)."),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("resident submission")
        verbose_name_plural = _("resident submissions")

    def __str__(self):
        return f"{self.event} ({self.name})"
