"""Editors and moderators of the neighbourhoods that exist already may start translations, as
`create_neighbourhood` now lets the groups of a new neighbourhood."""

from django.db import migrations


def grant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Neighbourhood = apps.get_model("infopoint", "Neighbourhood")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:  # a fresh database: create_neighbourhood grants it
        return
    for neighbourhood in Neighbourhood.objects.select_related("editors", "moderators"):
        for group in (neighbourhood.editors, neighbourhood.moderators):
            if group is not None:
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_labels_in_dutch"),
        ("infopoint", "0004_labels_in_dutch"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
