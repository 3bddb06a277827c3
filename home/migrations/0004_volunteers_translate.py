"""Editors and moderators of the neighbourhoods that exist already, and the city administrators,
may start translations, as `create_neighbourhood` and `ensure_portal` now let new groups
(infopoint's NEIGHBOURHOOD_PERMISSIONS)."""

from django.db import migrations

CITY_ADMINISTRATORS = "City administrators"  # infopoint.permissions, as it was at this migration


def grant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Neighbourhood = apps.get_model("infopoint", "Neighbourhood")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:  # a fresh database: the groups do not exist yet either
        return
    groups = [
        group
        for neighbourhood in Neighbourhood.objects.select_related("editors", "moderators")
        for group in (neighbourhood.editors, neighbourhood.moderators)
        if group is not None
    ]
    groups += list(Group.objects.filter(name=CITY_ADMINISTRATORS))
    for group in groups:
        group.permissions.add(permission)


def withdraw(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Neighbourhood = apps.get_model("infopoint", "Neighbourhood")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    ids = [
        pk
        for pair in Neighbourhood.objects.values_list("editors_id", "moderators_id")
        for pk in pair
        if pk is not None
    ]
    for group in Group.objects.filter(pk__in=ids) | Group.objects.filter(name=CITY_ADMINISTRATORS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_labels_in_dutch"),
        ("infopoint", "0004_labels_in_dutch"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
