"""A Dutch volunteer meets the whole admin in Dutch.

Every label, help text, panel or tab heading, block name and choice that our own apps put on an
editor's form goes through gettext and has a Dutch translation: the admin's add and edit forms of
every snippet, page type and setting of ours are rendered for an editor whose admin language is
Dutch, and whatever of ours they show must read differently in Dutch than in English (a string
that is not wrapped, or has no Dutch msgstr, reads the same in both).
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

from events.models import Event, EventFeed
from infopoint.models import Neighbourhood
from tests.infopoint.snippet_forms import make_event
from venues.models import Venue

OUR_APPS = {"events", "services", "venues", "infopoint", "home", "submissions"}

# Words that are the same in Dutch and in English; nothing else may read the same in both.
SAME_IN_BOTH = {
    "Agenda",
    "Status",
    "Slug",
    "RRULE",
    "Postcode",
    "Website",
    "Tags",
    "Tag",
    "Interval",
    "Intro",
    "Label",
    "Logo",
    "Link",
    "Document",
    "Contact",
    "Café",
    "School",
    "URL",
    "Checkbox",
    "Online",
}


def ours(model):
    return model._meta.app_label in OUR_APPS


def block_texts(block, where):
    where = f"{where} › {block.name or block.__class__.__name__}"
    if block.name:  # the items of a list show no label of their own
        yield where, block.label
    for attribute in ("help_text", "description"):
        text = getattr(block.meta, attribute, None)
        if text:
            yield f"{where} ({attribute})", text
    if isinstance(block, blocks.ChoiceBlock):
        for value, label in block.field.choices:
            if value:
                yield f"{where} (choice {value})", label
    if isinstance(block, blocks.ListBlock):
        yield from block_texts(block.child_block, where)
    for child in getattr(block, "child_blocks", {}).values():
        yield from block_texts(child, where)


def field_texts(model, form_class, name, where):
    form_field = form_class.base_fields.get(name)
    if form_field is None:
        return
    try:
        owner = model._meta.get_field(name).model
    except Exception:  # a field the form declares itself: ours when the form is
        owner = None
    if owner is not None and not ours(owner):
        return  # Wagtail's own fields (a page's title, its promote tab) speak Dutch already
    where = f"{where} › {name}"
    yield where, form_field.label
    if form_field.help_text:
        yield f"{where} (help text)", form_field.help_text
    if hasattr(form_field, "block"):
        for child in form_field.block.child_blocks.values():
            yield from block_texts(child, where)
    elif hasattr(form_field, "choices") and not hasattr(form_field, "queryset"):
        for value, label in form_field.choices:
            if value not in ("", None):
                yield f"{where} (choice {value})", label


def panel_texts(panel, model, form_class, where):
    if isinstance(panel, FormSubmissionsPanel):
        return  # Wagtail's own: it formats its heading once, when the model is loaded
    for attribute in ("heading", "help_text"):
        text = getattr(panel, attribute, "")
        if text and not isinstance(panel, FieldPanel):
            yield f"{where} › panel {attribute}", text
    if isinstance(panel, FieldPanel):
        yield from field_texts(model, form_class, panel.field_name, where)
    elif isinstance(panel, InlinePanel):
        if panel.label:
            yield f"{where} › {panel.relation_name} (label)", panel.label
        child_form = form_class.formsets[panel.relation_name].form
        child_model = panel.db_field.related_model
        yield from panel_texts(
            panel.child_edit_handler, child_model, child_form, f"{where} › {panel.relation_name}"
        )
    for child in getattr(panel, "children", ()):
        yield from panel_texts(child, model, form_class, where)


def texts_of(model, edit_handler):
    where = model.__name__
    yield f"{where} (verbose name)", model._meta.verbose_name
    yield f"{where} (plural)", model._meta.verbose_name_plural
    yield from panel_texts(edit_handler, model, edit_handler.get_form_class(), where)


def edit_handler_of(model):
    if model in get_snippet_models():
        return model.snippet_viewset.get_edit_handler()
    if model in settings_registry:
        from wagtail.admin.panels import get_edit_handler

        return get_edit_handler(model)
    return model.get_edit_handler()


def our_models():
    return sorted(
        {
            *[model for model in get_page_models() if ours(model)],
            *[model for model in get_snippet_models() if ours(model)],
            *[model for model in settings_registry if ours(model)],
        },
        key=lambda model: model.__name__,
    )


def untranslated(model):
    with translation.override("en"):
        english = [(where, str(text)) for where, text in texts_of(model, edit_handler_of(model))]
    with translation.override("nl"):
        dutch = [str(text) for _where, text in texts_of(model, edit_handler_of(model))]
    return [
        f"{where}: {text!r}"
        for (where, text), in_dutch in zip(english, dutch, strict=True)
        if text == in_dutch and text not in SAME_IN_BOTH
    ]


@pytest.mark.parametrize("model", our_models(), ids=lambda model: model.__name__)
def test_every_label_help_text_heading_and_choice_of_ours_is_translated(model):
    assert untranslated(model) == []


def test_a_list_of_events_is_called_activiteiten():
    with translation.override("nl"):
        assert str(Event._meta.verbose_name_plural) == "activiteiten"


# --- The forms as a Dutch editor sees them ---------------------------------------------------


@pytest.fixture
def dutch_admin(client, portal):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(user)
    return client


def admin_forms(lunetten):
    """(model, url) of an add and an edit form of each of our snippets, page types and settings."""
    event = make_event(lunetten, "Koffieochtend")
    venue = Venue.objects.create(neighbourhood=lunetten, name="Buurthuis", slug="buurthuis")
    feed = EventFeed.objects.create(
        name="Bibliotheek", url="https://example.org/agenda.ics", neighbourhood=lunetten
    )
    existing = {Event: event, Venue: venue, EventFeed: feed, Neighbourhood: lunetten}
    for model in get_snippet_models():
        if not ours(model):
            continue
        viewset = model.snippet_viewset
        if model is not Neighbourhood:  # only `create_neighbourhood` adds one
            yield model, reverse(viewset.get_url_name("add"))
        instance = existing.get(model) or model.objects.first()
        if instance is not None:
            yield model, reverse(viewset.get_url_name("edit"), args=[instance.pk])
    for model in settings_registry:
        if ours(model):
            yield (
                model,
                reverse(
                    "wagtailsettings:edit",
                    args=[model._meta.app_label, model._meta.model_name, lunetten.site_id],
                ),
            )
    parents = list(Page.objects.filter(depth__gt=1).specific())
    for model in get_page_models():
        if not ours(model):
            continue
        page = model.objects.first()
        if page is not None:
            yield model, reverse("wagtailadmin_pages:edit", args=[page.pk])
        parent = next(
            (p for p in parents if model in p.specific_class.creatable_subpage_models()), None
        )
        if parent is not None and model.can_create_at(parent):
            yield (
                model,
                reverse(
                    "wagtailadmin_pages:add",
                    args=[model._meta.app_label, model._meta.model_name, parent.pk],
                ),
            )


@pytest.mark.django_db
def test_the_dutch_editor_sees_every_form_of_ours_in_dutch(dutch_admin, lunetten):
    shown = 0
    missing = []
    for model, url in admin_forms(lunetten):
        response = dutch_admin.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        with translation.override("en"):
            english = [str(text) for _where, text in texts_of(model, edit_handler_of(model))]
        with translation.override("nl"):
            dutch = [(where, str(text)) for where, text in texts_of(model, edit_handler_of(model))]
        for (where, text), in_english in zip(dutch, english, strict=True):
            if "(verbose name)" in where or "(plural)" in where or "(choice" in where:
                continue
            if text == in_english and text not in SAME_IN_BOTH:
                missing.append(f"{url} {where}: {text!r} is English")
                continue
            if "›" in where and "panel" not in where and "(" not in where:
                text = text[:1].upper() + text[1:]  # form labels get capfirst
            if escape(text) not in html and text not in html:
                missing.append(f"{url} {where}: {text!r} is not shown")
            shown += 1
    assert shown > 300
    assert missing == []


def test_the_neighbourhood_workflow_is_named_in_dutch(lunetten):
    workflow = lunetten.home_page.get_workflow()

    assert workflow.name == "Moderatie Lunetten"
    assert workflow.tasks.get().name == "Moderatoren Lunetten keuren goed"
