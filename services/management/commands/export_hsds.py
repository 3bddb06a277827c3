"""`manage.py export_hsds [--output FILE]`: the help directory as HSDS 3.0 JSON records."""

import json

from django.core.management.base import BaseCommand

from services.hsds import export


class Command(BaseCommand):
    help = (
        "Write the published services as Open Referral HSDS 3.0 records (organization, service, "
        "location, service_at_location, schedule, phone, language, service_area, taxonomy, "
        "taxonomy_term, attribute) as JSON, to standard output or a file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="A file to write (default: standard output).")

    def handle(self, *args, output=None, **options):
        text = json.dumps(export(), ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
            self.stderr.write(f"HSDS records written to {output}.")
        else:
            self.stdout.write(text)
