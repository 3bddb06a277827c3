from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.fetching import FeedError, max_bytes
from events.importer import import_events, run_feed
from events.models import EventFeed
from infopoint.models import Neighbourhood


class Command(BaseCommand):
    help = (
        "Import partner calendars (iCalendar) into the agenda: every active feed, one feed "
        "(--feed ID), or a local file (--file PATH --neighbourhood SLUG)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, help="Import only the feed with this ID.")
        parser.add_argument("--file", type=Path, help="Import this .ics file instead of feeds.")
        parser.add_argument("--neighbourhood", help="The neighbourhood slug for --file.")

    def handle(self, *args, feed=None, file=None, neighbourhood=None, **options):
        if file is not None:
            return self._import_file(file, neighbourhood)
        feeds = EventFeed.objects.select_related("neighbourhood", "default_venue")
        if feed is not None:
            feeds = feeds.filter(pk=feed)
            if not feeds.exists():
                raise CommandError(f"There is no calendar feed with ID {feed}.")
        else:
            feeds = feeds.filter(active=True)
        failures = 0
        for item in feeds:
            ok, message = run_feed(item, stdout=self.stdout)
            style = self.style.SUCCESS if ok else self.style.ERROR
            self.stdout.write(style(f"{item.name}: {message}"))
            failures += not ok
        if failures:
            raise CommandError(f"{failures} calendar feed(s) failed; nothing was changed for them.")

    def _import_file(self, path, slug):
        if not slug:
            raise CommandError("--file needs --neighbourhood SLUG.")
        neighbourhood = Neighbourhood.objects.filter(slug=slug).first()
        if neighbourhood is None:
            raise CommandError(f"There is no neighbourhood “{slug}”.")
        if not path.is_file():
            raise CommandError(f"There is no file {path}.")
        if path.stat().st_size > max_bytes():
            raise CommandError(f"{path} is larger than {max_bytes() // 1024} kB.")
        try:
            result = import_events(
                path.read_bytes(), neighbourhood=neighbourhood, stdout=self.stdout
            )
        except FeedError as error:
            raise CommandError(f"{path}: {error} Nothing was changed.") from error
        self.stdout.write(self.style.SUCCESS(f"{path.name}: {result}"))
