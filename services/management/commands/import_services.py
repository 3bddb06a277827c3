"""`manage.py import_services FILE --neighbourhood SLUG [--publish]`: a sociale kaart as CSV."""

from argparse import RawDescriptionHelpFormatter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from infopoint.csvfile import problems_text
from infopoint.models import Neighbourhood
from services.csv_import import COLUMN_HELP, COLUMNS, REQUIRED, import_services


class Command(BaseCommand):
    help = (
        "Import services (a municipality's sociale kaart) from a CSV file into a neighbourhood: "
        "one service a row, UTF-8, comma- or semicolon-separated, with a header row. "
        f"Columns: {', '.join(COLUMNS)} (required: {', '.join(REQUIRED)}; README.md says what "
        "each holds). A row updates the service with the same name at the same organisation, "
        "or adds it; organisations are created as needed. All or nothing: if any row is "
        "wrong, nothing changes and every problem is listed by line and column. Services are "
        "saved as drafts in the neighbourhood's moderation, unless --publish."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        # The columns one a line after the options, as a volunteer reads them.
        width = max(map(len, COLUMNS))
        columns = "\n".join(f"  {name:<{width}}  {COLUMN_HELP[name]}".rstrip() for name in COLUMNS)
        kwargs.setdefault("epilog", f"columns:\n{columns}")
        kwargs.setdefault("formatter_class", RawDescriptionHelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file")
        parser.add_argument(
            "--neighbourhood",
            required=True,
            help="The slug of the neighbourhood whose editors keep these services up to date",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish at once instead of drafts for the neighbourhood's moderators",
        )

    def handle(self, *args, file, neighbourhood, publish=False, **options):
        try:
            target = Neighbourhood.objects.get(slug=neighbourhood)
        except Neighbourhood.DoesNotExist:
            known = ", ".join(Neighbourhood.objects.values_list("slug", flat=True))
            raise CommandError(
                _("No neighbourhood “%(slug)s” (known: %(known)s).")
                % {"slug": neighbourhood, "known": known}
            ) from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        result = import_services(path.read_bytes(), target, publish=publish)
        if result.errors:
            raise CommandError(problems_text(result.errors, path.name))
        counts = {
            "file": path.name,
            "neighbourhood": target.name,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "organisations": result.organisations_created,
        }
        if publish:
            message = _(
                "Imported %(file)s into %(neighbourhood)s and published: %(created)s new, "
                "%(updated)s updated, %(unchanged)s unchanged; %(organisations)s new "
                "organisations."
            )
        else:
            message = _(
                "Imported %(file)s into %(neighbourhood)s as drafts: %(created)s new, "
                "%(updated)s updated, %(unchanged)s unchanged; %(organisations)s new "
                "organisations. Residents see them once a moderator approves them."
            )
        self.stdout.write(self.style.SUCCESS(message % counts))
