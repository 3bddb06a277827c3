"""Venues as CSV in the admin: upload, see what would change, then apply; or download.

The same format and checks as `manage.py import_venues` / `export_venues` (venues.csv_io). An
upload changes nothing by itself: a file with problems lists every one by line and column; a
good file shows, row by row, which venues are new and which fields of existing ones change. Only
"Apply" writes it, all or nothing, and only the exact file that was previewed (kept in the
session under its digest). Editors import into and export from their own neighbourhoods only.
A moderator's import is published; an editor's is a draft per venue, in moderation.
"""

import base64
import hashlib
import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from infopoint.models import Neighbourhood
from infopoint.permissions import neighbourhoods_of

from .csv_io import changed_columns, export_venues, import_venues, read_rows
from .models import Venue

SESSION_KEY = "venues-csv-upload"


def neighbourhoods_for(user):
    """The neighbourhoods whose venues the user may add and change."""
    policy = policy_registry.get_by_type(Venue)
    return [
        neighbourhood
        for neighbourhood in neighbourhoods_of(user).order_by("name")
        if policy.user_has_permission_in(user, "add", neighbourhood.pk)
        and policy.user_has_permission_in(user, "change", neighbourhood.pk)
    ]


def may_publish(user, neighbourhood):
    """Whether the user's import is published at once; else each venue waits for moderation."""
    return policy_registry.get_by_type(Venue).user_has_permission_in(
        user, "publish", neighbourhood.pk
    )


class UploadForm(forms.Form):
    neighbourhood = forms.ModelChoiceField(
        label=gettext_lazy("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        empty_label=None,
    )
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, comma-separated, with a header row: the columns of the export."
        ),
    )

    def __init__(self, *args, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            pk__in=[n.pk for n in neighbourhoods]
        ).order_by("name")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.VENUES_CSV_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(kb)s kB.") % {"kb": limit // 1024}
            )
        return upload.read()


def changes(rows, neighbourhood):
    """[(line, name, slug, None for a new venue or the names of the fields that change)]."""
    existing = {
        venue.slug: venue
        for venue in Venue.objects.filter(
            neighbourhood=neighbourhood,
            locale__language_code=settings.LANGUAGE_CODE,
            slug__in=[row.values["slug"] for row in rows],
        ).prefetch_related("facilities", "accessibility_features", "tags", "rooms", "opening_hours")
    }
    preview = []
    for row in rows:
        venue = existing.get(row.values["slug"])
        changed = None if venue is None else changed_columns(venue, row)
        preview.append((row.line, row.values.get("name", ""), row.values["slug"], changed))
    return preview


class VenueCsvView(WagtailAdminTemplateMixin, FormView):
    """Step 1: choose the neighbourhood and the file. Step 2 (same page): the problems, or the
    preview with an "Apply" button. Step 3 (POST apply): write it, all or nothing."""

    template_name = "venues/admin/csv.html"
    page_title = gettext_lazy("Venues as CSV")
    header_icon = "site"
    form_class = UploadForm

    def dispatch(self, request, *args, **kwargs):
        self.neighbourhoods = neighbourhoods_for(request.user)
        if not self.neighbourhoods:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "neighbourhoods": self.neighbourhoods}

    def get_context_data(self, **kwargs):
        return super().get_context_data(neighbourhoods=self.neighbourhoods, **kwargs)

    def post(self, request, *args, **kwargs):
        if "apply" in request.POST:
            return self.apply()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data, neighbourhood = form.cleaned_data["file"], form.cleaned_data["neighbourhood"]
        rows, problems = read_rows(data, neighbourhood)
        context = {"form": form, "neighbourhood": neighbourhood}
        if problems:
            self.request.session.pop(SESSION_KEY, None)
            context["problems"] = sorted(set(problems), key=lambda p: (p[0], str(p[1])))
        else:
            digest = hashlib.sha256(data).hexdigest()
            self.request.session[SESSION_KEY] = {
                "digest": digest,
                "neighbourhood": neighbourhood.pk,
                "data": base64.b64encode(data).decode("ascii"),
            }
            context.update(
                preview=changes(rows, neighbourhood),
                digest=digest,
                publishes=may_publish(self.request.user, neighbourhood),
            )
        return self.render_to_response(self.get_context_data(**context))

    def apply(self):
        upload = self.request.session.get(SESSION_KEY)
        allowed = {n.pk: n for n in self.neighbourhoods}
        if (
            not upload
            or upload["digest"] != self.request.POST.get("digest")
            or upload["neighbourhood"] not in allowed
        ):
            messages.error(self.request, _("Upload the file again: nothing was imported."))
            return redirect("venues_csv")
        neighbourhood = allowed[upload["neighbourhood"]]
        publish = may_publish(self.request.user, neighbourhood)
        result = import_venues(
            base64.b64decode(upload["data"]),
            neighbourhood,
            publish=publish,
            user=self.request.user,
        )
        del self.request.session[SESSION_KEY]
        if result.errors:  # changed underneath since the preview (checked again, all or nothing)
            messages.error(
                self.request,
                _("Nothing was imported: the venues changed since the preview. Upload it again."),
            )
            return redirect("venues_csv")
        if publish:
            said = _("Imported into %(neighbourhood)s: %(created)s new, %(updated)s updated.")
        else:
            said = _(
                "Imported into %(neighbourhood)s as drafts for its moderators to approve: "
                "%(created)s new, %(updated)s updated. Residents see them once approved."
            )
        messages.success(
            self.request,
            said
            % {
                "neighbourhood": neighbourhood.name,
                "created": result.created,
                "updated": result.updated,
            },
        )
        return redirect(Venue.snippet_viewset.get_url_name("list"))


def export_csv(request):
    """The venues of one of the user's neighbourhoods, in the import format."""
    allowed = {str(n.pk): n for n in neighbourhoods_for(request.user)}
    neighbourhood = allowed.get(request.GET.get("neighbourhood", ""))
    if neighbourhood is None:
        raise PermissionDenied
    out = io.StringIO()
    export_venues(neighbourhood, out)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="venues-{neighbourhood.slug}.csv"'
    return response
