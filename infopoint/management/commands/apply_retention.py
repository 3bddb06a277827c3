"""Delete residents' data kept longer than the site promises (run daily from a timer).

What is kept, and for how long, every app registers in infopoint.registry (RETENTION); the
periods are settings (CONTACT_RETENTION_DAYS, SUBMISSION_RETENTION_DAYS, …), read when the
command runs.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from infopoint.registry import RETENTION, contributions


class Command(BaseCommand):
    help = "Delete contact messages, event submissions and other residents' data past its period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        for kept in contributions(RETENTION):
            days = getattr(settings, kept.days_setting)
            if not days:
                self.stdout.write(f"{kept.name}: kept without limit ({kept.days_setting}=0)")
                continue
            expired = kept.queryset().filter(
                **{f"{kept.date_field}__lt": now - timedelta(days=days)}
            )
            if dry_run:
                count = expired.count()
                verb = "would delete"
            else:
                _total, per_model = expired.delete()
                count = per_model.get(expired.model._meta.label, 0)
                verb = "deleted"
            self.stdout.write(f"{kept.name}: {verb} {count} older than {days} days")
