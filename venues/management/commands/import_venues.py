from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infopoint.models import Neighbourhood
from venues.csv_io import import_venues


class Command(BaseCommand):
    help = (
        "Import venues from a CSV file (columns in README.md) into a neighbourhood. "
        "All or nothing: if any row is wrong, nothing changes and every problem is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file (UTF-8, comma-separated, with a header)")
        parser.add_argument("--neighbourhood", required=True, help="The neighbourhood's slug")

    def handle(self, *args, file, neighbourhood, **options):
        try:
            target = Neighbourhood.objects.get(slug=neighbourhood)
        except Neighbourhood.DoesNotExist:
            known = ", ".join(Neighbourhood.objects.values_list("slug", flat=True))
            raise CommandError(f"No neighbourhood “{neighbourhood}” (known: {known}).") from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        result = import_venues(path.read_bytes(), target)
        if result.errors:
            lines = [
                _("line %(line)s, column %(column)s: %(message)s")
                % {"line": line, "column": column, "message": message}
                for line, column, message in result.errors
            ]
            raise CommandError(
                ngettext(
                    "Nothing was imported; %(count)s problem in %(file)s:",
                    "Nothing was imported; %(count)s problems in %(file)s:",
                    len(lines),
                )
                % {"count": len(lines), "file": path.name}
                + "\n"
                + "\n".join(lines)
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {path.name} into {target.name}: "
                f"{result.created} created, {result.updated} updated."
            )
        )
