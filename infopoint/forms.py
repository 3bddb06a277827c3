"""How public forms are drawn: one template for every field (FORM_RENDERER in settings)."""

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    """Django's renderer, with the site's field template for `{{ field.as_field_group }}`."""

    field_template_name = "infopoint/forms/field.html"
