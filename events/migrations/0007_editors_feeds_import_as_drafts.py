"""Calendar feeds that a plain editor set up before feeds followed moderation now import as drafts.

Since issue 14 a feed saved by someone who may not publish in its neighbourhood imports as
drafts; feeds saved before kept publishing until someone saved them again. Wagtail's log says who
created or last changed each feed: where that was not a superuser, a city administrator or one of
the feed's neighbourhood's moderators, the feed now imports as drafts. A feed with no log entry
(made from the command line or the demo, by whoever runs the installation) keeps its setting.
"""

from django.db import migrations

CITY_ADMINISTRATORS = "City administrators"  # infopoint.permissions.CITY_ADMINISTRATORS


def may_publish(user, neighbourhood):
    if user is None or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=CITY_ADMINISTRATORS).exists() or (
        neighbourhood.moderators_id is not None
        and user.groups.filter(pk=neighbourhood.moderators_id).exists()
    )


def editors_feeds_import_as_drafts(apps, schema_editor):
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="events", model="eventfeed")
        .first()
    )
    if content_type is None:  # a new installation: no feed yet
        return
    log = apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(
        content_type=content_type, action__in=["wagtail.create", "wagtail.edit"]
    )
    feeds = apps.get_model("events", "EventFeed").objects.filter(import_as_drafts=False)
    for feed in feeds.select_related("neighbourhood"):
        last = log.filter(object_id=str(feed.pk)).select_related("user").order_by("-timestamp", "-pk")
        entry = last.first()
        if entry is not None and not may_publish(entry.user, feed.neighbourhood):
            feed.import_as_drafts = True
            feed.save(update_fields=["import_as_drafts"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_rfc5545_zones_rules_and_import_digest"),
        ("infopoint", "0004_labels_in_dutch"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(editors_feeds_import_as_drafts, migrations.RunPython.noop),
    ]
