"""The venue's admin form."""

from django.conf import settings
from django.db.models import Q

from infopoint.admin_languages import editor_language
from infopoint.permissions import NeighbourhoodScopedForm


class VenueForm(NeighbourhoodScopedForm):
    """Facilities and accessibility features are offered once each, named in the editor's
    language: the vocabulary's Dutch terms, which every translation of a venue shares (the
    finder filters on their slugs), rather than one box per term and language. A term in
    another language that a venue already has stays ticked, so saving never drops it."""

    vocabulary_fields = ("facilities", "accessibility_features")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Lazily: venues.queries reads the venue models, which name this form.
        from .queries import localized_terms

        for name in self.vocabulary_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            chosen = [getattr(term, "pk", term) for term in self.initial.get(name) or ()]
            field.queryset = (
                localized_terms(field.queryset.model, editor_language())
                .filter(Q(locale__language_code=settings.LANGUAGE_CODE) | Q(pk__in=chosen))
                .order_by("label")
            )
            field.label_from_instance = lambda term: term.label
