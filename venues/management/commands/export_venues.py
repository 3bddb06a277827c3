import io

from django.core.management.base import BaseCommand, CommandError

from infopoint.models import Neighbourhood
from venues.csv_io import export_venues


class Command(BaseCommand):
    help = "Write a neighbourhood's venues as CSV in the format import_venues reads."

    def add_arguments(self, parser):
        parser.add_argument("--neighbourhood", required=True, help="The neighbourhood's slug")
        parser.add_argument("--output", "-o", help="A file to write (default: standard output)")

    def handle(self, *args, neighbourhood, output, **options):
        try:
            target = Neighbourhood.objects.get(slug=neighbourhood)
        except Neighbourhood.DoesNotExist:
            raise CommandError(f"No neighbourhood “{neighbourhood}”.") from None
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                export_venues(target, out)
        else:
            buffer = io.StringIO()
            export_venues(target, buffer)
            self.stdout.write(buffer.getvalue(), ending="")
