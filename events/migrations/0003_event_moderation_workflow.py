"""Events go through Wagtail's default "Moderators approval" workflow, like pages do.

Resident and volunteer submissions then wait for a neighbourhood moderator. Sites that renamed or
removed that workflow keep their own choice (assign one under Settings → Workflows).
"""

from django.db import migrations


def assign(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    workflow = Workflow.objects.filter(name="Moderators approval", active=True).first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="event")
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


def unassign(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="events", content_type__model="event"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_occurrence_feed"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(assign, unassign)]
