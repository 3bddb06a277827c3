from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """Every image carries alt text, so no resident meets an unlabelled picture."""

    # Wagtail uses `description` as the default alt text; we make it required and say what it is.
    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=(
            _(
                "Describe what the picture shows for someone who cannot see it, in one short "
                "sentence (for example: “Volunteers serving coffee in the community centre”)."
            )
        ),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions", verbose_name=_("image")
    )

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        unique_together = (("image", "filter_spec", "focal_point_key"),)
