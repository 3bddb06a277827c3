from django.core.management.base import BaseCommand

from events.models import Event
from events.occurrences import write_occurrences


def extend_all(stdout=None):
    """Rewrite the occurrences of every live recurring event up to the horizon (a daily job)."""
    events = Event.objects.filter(live=True).exclude(repeat="none").prefetch_related("exceptions")
    count = 0
    for event in events.iterator(chunk_size=200):
        write_occurrences(event)
        count += 1
        if stdout is not None and count % 100 == 0:
            stdout.write(f"  {count} events…")
    return count


class Command(BaseCommand):
    help = (
        "Write the dates of every published recurring event up to the horizon (18 months). "
        "Run daily from a timer so open-ended series never run dry."
    )

    def handle(self, *args, **options):
        count = extend_all(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Extended {count} recurring events."))
