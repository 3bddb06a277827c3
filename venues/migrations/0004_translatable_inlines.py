"""Rooms and dated opening exceptions become translatable parts of their venue.

Every existing row takes its venue's locale; the rooms and exceptions of a translation share the
translation key of the Dutch row they were copied from, so wagtail-localize keeps matching them.
"""

import uuid
from collections import defaultdict

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def pair(sources, copies, same):
    """Which source child each copy in a translation was made from: the one with the same
    synchronised values first, else the one in the same position among those left."""
    left = list(sources)
    matched, rest = {}, []
    for copy in copies:
        source = next((source for source in left if same(source) == same(copy)), None)
        if source is None:
            rest.append(copy)
        else:
            left.remove(source)
            matched[copy.pk] = source
    matched.update({copy.pk: source for copy, source in zip(rest, left)})
    return matched


def share_keys(apps, parent_label, child_label, parent_field, same):
    """Give every child its parent's locale, and the children of a translation the translation
    key of the source child they were copied from (a fresh key where none matches)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Parent = apps.get_model(*parent_label.split("."))
    Child = apps.get_model(*child_label.split("."))
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    families = defaultdict(list)
    for parent in Parent.objects.order_by("pk").values("pk", "translation_key", "locale_id"):
        families[parent["translation_key"]].append(parent)
    children = defaultdict(list)
    for child in Child.objects.order_by("sort_order", "pk"):
        children[getattr(child, f"{parent_field}_id")].append(child)
    changed = []
    for parents in families.values():
        # The source is the parent in the default language (else the oldest).
        parents.sort(key=lambda parent: default is None or parent["locale_id"] != default.pk)
        source, *translations = parents
        for child in children[source["pk"]]:
            child.translation_key, child.locale_id = uuid.uuid4(), source["locale_id"]
            changed.append(child)
        for translation in translations:
            copies = children[translation["pk"]]
            matched = pair(children[source["pk"]], copies, same)
            for child in copies:
                source_child = matched.get(child.pk)
                child.translation_key = (
                    source_child.translation_key if source_child else uuid.uuid4()
                )
                child.locale_id = translation["locale_id"]
                changed.append(child)
    Child.objects.bulk_update(changed, ["translation_key", "locale"], batch_size=500)


def populate(apps, schema_editor):
    share_keys(apps, "venues.Venue", "venues.VenueRoom", "venue", lambda room: room.sort_order)
    share_keys(
        apps,
        "venues.Venue",
        "venues.OpeningException",
        "venue",
        lambda exception: (exception.date, exception.opens, exception.closes, exception.closed),
    )


class Migration(migrations.Migration):
    # PostgreSQL refuses to alter a table with row changes whose deferred foreign-key checks are
    # still pending in the same transaction; each step commits on its own instead.
    atomic = False

    dependencies = [
        ("venues", "0003_venue_details"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="venueroom",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="venueroom",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="openingexception",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="openingexception",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(populate, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="venueroom",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="venueroom",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="venueroom",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterField(
            model_name="openingexception",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="openingexception",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="openingexception",
            unique_together={("translation_key", "locale")},
        ),
    ]
