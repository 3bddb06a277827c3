"""Several codes of a fixed vocabulary in one column ("money-debt,energy").

Language-independent, cheap to filter on (`contains_code`) on SQLite and PostgreSQL alike, and
shown in the admin as tick boxes. Used for a service's topics, ways of getting help and languages.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class CodeListField(models.CharField):
    """A list of codes from `vocabulary` (a TextChoices class), stored comma-separated."""

    def __init__(self, *args, vocabulary=None, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["vocabulary"] = self.vocabulary
        if kwargs.get("max_length") == 255:
            del kwargs["max_length"]
        return name, path, args, kwargs

    @staticmethod
    def split(value):
        if value is None:
            return []
        if isinstance(value, str):
            return [code for code in value.split(",") if code]
        return [str(code) for code in value]

    def from_db_value(self, value, expression, connection):
        return self.split(value)

    def to_python(self, value):
        return self.split(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value  # a lookup's single code
        return ",".join(self.split(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        codes = self.split(value)
        if not codes and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        known = set(self.vocabulary.values) if self.vocabulary else None
        unknown = [code for code in codes if known is not None and code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown choice: %(codes)s."), params={"codes": ", ".join(unknown)}
            )

    def run_validators(self, value):
        # max_length applies to the stored text, not to the list.
        return super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.vocabulary.choices if self.vocabulary else [],
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value", "choices_form_class", "coerce"):
            defaults.pop(key, None)
        return form_class(**defaults)


def contains_code(field, code):
    """A filter for rows whose code list `field` holds `code` (exactly, not as part of another)."""
    return (
        Q(**{field: code})
        | Q(**{f"{field}__startswith": f"{code},"})
        | Q(**{f"{field}__endswith": f",{code}"})
        | Q(**{f"{field}__contains": f",{code},"})
    )
