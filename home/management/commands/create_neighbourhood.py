from django.core.management.base import BaseCommand, CommandError

from home.neighbourhoods import NeighbourhoodError, create_neighbourhood, ensure_portal


class Command(BaseCommand):
    help = (
        "Create a neighbourhood: its Wagtail site, home page with standard sections, image "
        "collection, and editor and moderator groups. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The neighbourhood's name, e.g. “Lunetten”.")
        parser.add_argument("--hostname", required=True, help="e.g. lunetten.localhost")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--slug", help="Defaults to the name in lower case.")

    def handle(self, *args, name, hostname, port, slug, **options):
        ensure_portal()
        try:
            neighbourhood, created = create_neighbourhood(
                name, hostname=hostname.lower(), port=port, slug=slug
            )
        except NeighbourhoodError as error:
            raise CommandError(" ".join(error.messages)) from error
        verb = "Created" if created else "Checked"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {neighbourhood.name}: {neighbourhood.site.root_url}/ "
                f"(groups “{neighbourhood.editors}” and “{neighbourhood.moderators}”)"
            )
        )
