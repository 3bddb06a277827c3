from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from home.neighbourhoods import create_neighbourhood, ensure_portal
from infopoint.demo import CITY_NAME, NEIGHBOURHOODS
from infopoint.tasks import batched

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "wijkinfo-demo"  # noqa: S105 - a published demo login, never for production


def demo_modules():
    """Every installed app's `demo` module (with load_neighbourhood() and/or load_portal()), in
    INSTALLED_APPS order, so venues come before the events held at them. Found by name, as Django
    finds models and Wagtail finds wagtail_hooks: this command knows no app above it."""
    for app in apps.get_app_configs():
        if module_has_submodule(app.module, "demo"):
            yield import_module(f"{app.name}.demo")


class Command(BaseCommand):
    help = (
        "Build the demo city: the portal and three neighbourhoods. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--domain", default="localhost")

    def handle(self, *args, **options):
        # Every page and snippet is saved several times on the way (created, published,
        # translated, its translations following): its search and reference index entries are
        # written once, after the city is committed.
        with batched():
            self._load(**options)

    @transaction.atomic
    def _load(self, *, port, domain, **options):
        portal = ensure_portal(CITY_NAME, hostname=domain, port=port)
        self.stdout.write(f"Portal: {portal.root_url}/")
        neighbourhoods = []
        for name, slug, (latitude, longitude), _welcome in NEIGHBOURHOODS:
            neighbourhood, created = create_neighbourhood(
                name,
                hostname=f"{slug}.{domain}",
                port=port,
                slug=slug,
                latitude=latitude,
                longitude=longitude,
            )
            neighbourhoods.append(neighbourhood)
            self.stdout.write(
                f"{'Created' if created else 'Kept'} {name}: {neighbourhood.site.root_url}/"
            )
        for module in demo_modules():
            if hasattr(module, "load_portal"):
                module.load_portal(portal, self.stdout)
            if hasattr(module, "load_neighbourhood"):
                for neighbourhood in neighbourhoods:
                    module.load_neighbourhood(neighbourhood, self.stdout)
        self._ensure_admin()
        self._ensure_volunteers(neighbourhoods)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo city ready. Admin: {portal.root_url}/admin/ "
                f"(user “{ADMIN_USERNAME}”, password “{ADMIN_PASSWORD}”; volunteers "
                f"“<neighbourhood>-editor” and “<neighbourhood>-moderator”, same password)"
            )
        )

    def _ensure_volunteers(self, neighbourhoods):
        """An editor and a moderator per neighbourhood, to try moderation: lunetten-editor
        submits, lunetten-moderator approves, oost-moderator sees none of it."""
        User = get_user_model()
        for neighbourhood in neighbourhoods:
            for role, group in [
                ("editor", neighbourhood.editors),
                ("moderator", neighbourhood.moderators),
            ]:
                username = f"{neighbourhood.slug}-{role}"
                user = User.objects.filter(username=username).first()
                if user is None:
                    user = User.objects.create_user(
                        username, f"{username}@wijkinfo.localhost", ADMIN_PASSWORD
                    )
                user.groups.add(group)

    def _ensure_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(
                ADMIN_USERNAME, "admin@wijkinfo.localhost", ADMIN_PASSWORD
            )
