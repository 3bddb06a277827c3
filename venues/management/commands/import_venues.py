from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from infopoint.csvfile import problems_text
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
            raise CommandError(problems_text(result.errors, path.name))
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {path.name} into {target.name}: "
                f"{result.created} created, {result.updated} updated."
            )
        )
