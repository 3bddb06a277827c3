"""Venues are moderated as events are: existing groups get the new venue permissions, and venues
fall back to Wagtail's default "Moderators approval" workflow (events.0003) where their
neighbourhood's home page has none.

Existing venues stay live (the `live` field defaults to true) and get no revision until someone
edits them, as events got none either. The publish, lock and unlock permissions are made here
rather than left to Wagtail's post-migrate step, so the groups that exist already can get them:
a neighbourhood's editors lock and unlock, its moderators and the city administrators also
publish (home.neighbourhoods does the same for new neighbourhoods, from venues.wagtail_hooks).
"""

from django.db import migrations

CITY_ADMINISTRATORS = "City administrators"  # infopoint.permissions, as it was at this migration
EDITORS = ["lock", "unlock"]
MODERATORS = [*EDITORS, "publish"]


def _permissions(apps, actions):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="venues", model="venue")
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_venue",
            defaults={"name": f"Can {action} venue"},
        )[0]
        for action in actions
    ]


def _groups(apps):
    """(editors groups, moderators groups) of the neighbourhoods that exist already, the city
    administrators counting as moderators."""
    Group = apps.get_model("auth", "Group")
    Neighbourhood = apps.get_model("infopoint", "Neighbourhood")
    pairs = list(Neighbourhood.objects.values_list("editors_id", "moderators_id"))
    editors = Group.objects.filter(pk__in=[e for e, _m in pairs if e is not None])
    moderators = Group.objects.filter(pk__in=[m for _e, m in pairs if m is not None])
    return list(editors), [*moderators, *Group.objects.filter(name=CITY_ADMINISTRATORS)]


def grant(apps, schema_editor):
    editors, moderators = _groups(apps)
    if not editors and not moderators:  # a fresh database: create_neighbourhood grants them
        return
    for group in editors:
        group.permissions.add(*_permissions(apps, EDITORS))
    for group in moderators:
        group.permissions.add(*_permissions(apps, MODERATORS))


def withdraw(apps, schema_editor):
    editors, moderators = _groups(apps)
    permissions = _permissions(apps, MODERATORS)
    for group in [*editors, *moderators]:
        group.permissions.remove(*permissions)


def assign(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    workflow = Workflow.objects.filter(name="Moderators approval", active=True).first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="venues", model="venue")
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


def unassign(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="venues", content_type__model="venue"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("venues", "0007_venue_drafts_revisions_moderation"),
        ("infopoint", "0004_labels_in_dutch"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(grant, withdraw),
        migrations.RunPython(assign, unassign),
    ]
