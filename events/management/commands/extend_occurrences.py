from django.core.management.base import BaseCommand

from events.occurrences import extend_all


class Command(BaseCommand):
    help = (
        "Write the dates of every published recurring event up to the horizon (18 months). "
        "Run daily from a timer so open-ended series never run dry."
    )

    def handle(self, *args, **options):
        count = extend_all(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Extended {count} recurring events."))
