"""The service editor's form: organisations of the editor's own neighbourhoods, and who last
checked the service recorded with the date."""

from infopoint.permissions import NeighbourhoodScopedForm, scope_of


class ServiceAdminForm(NeighbourhoodScopedForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        field = self.fields.get("organisation")
        if field is not None and for_user is not None:
            field.queryset = scope_of(for_user).filter(field.queryset)

    def save(self, commit=True):
        # Whoever sets "last checked on" is who checked it.
        if "last_checked" in self.changed_data and self.for_user is not None:
            self.instance.last_checked_by = (
                self.for_user if self.instance.last_checked is not None else None
            )
        return super().save(commit=commit)
