"""Demo content shared by every app's demo module: generated images and the demo city's shape."""

import datetime
import io
import random
import uuid

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from .demo_content import LASTING_PAGES, PORTAL_NEWS, _p, contact_texts, guides, news_items
from .demo_translations import translate_neighbourhood_content, translate_portal_content
from .models import (
    CustomImage,
    FormField,
    FormPage,
    GuideIndexPage,
    GuidePage,
    InformationPointSettings,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

CITY_NAME = "Wijkinfo Utrecht"

# name, slug, map centre, the home page's welcome
NEIGHBOURHOODS = [
    (
        "Lunetten",
        "lunetten",
        (52.06170, 5.13920),
        "Lunetten is een groene wijk met vier forten, het Nieuwe Park en veel actieve bewoners. "
        "Hier vindt u wat er te doen is, waar u elkaar kunt ontmoeten en bij wie u terecht kunt "
        "met vragen.",
    ),
    (
        "Oost",
        "oost",
        (52.08570, 5.14000),
        "Utrecht-Oost loopt van de singels tot het Science Park. Buurthuizen, de bibliotheek en "
        "tientallen bewonersinitiatieven maken samen deze wijksite.",
    ),
    (
        "Kanaleneiland",
        "kanaleneiland",
        (52.07340, 5.09160),
        "Kanaleneiland is een jonge, veelkleurige wijk tussen het Merwedekanaal en het "
        "Amsterdam-Rijnkanaal. Het wijkinformatiepunt helpt u op weg, in uw eigen taal.",
    ),
]

PALETTE = ["#1d5c4d", "#7a3b69", "#24527a", "#8a4b08", "#3d5a1e", "#5b3a8c"]


def seeded_random(*parts):
    """The same content on every run, different per neighbourhood."""
    return random.Random("|".join(str(part) for part in parts))


def demo_image(collection, title, alt_text, seed):
    """A small generated picture (nothing is downloaded), created once per collection and title."""
    existing = CustomImage.objects.filter(collection=collection, title=title).first()
    if existing is not None:
        return existing
    rng = seeded_random(seed, title)
    width, height = 960, 540
    picture = PILImage.new("RGB", (width, height), rng.choice(PALETTE))
    draw = ImageDraw.Draw(picture)
    for _ in range(7):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(40, 220)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=rng.choice(PALETTE),
            outline="#ffffff",
            width=4,
        )
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    image = CustomImage(title=title, description=alt_text, collection=collection)
    image.file = ImageFile(buffer, name=f"demo-{collection.pk}-{abs(hash(title)) % 10**8}.jpg")
    image.save()
    return image


# --- Information point content: news, guides, lasting pages, contact form, settings ---------


def _child(parent, model, slug, **fields):
    """A published child page, created once (an existing page is left as editors made it)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _section(home, model):
    return model.objects.child_of(home).first()


def _news(index, name, collection, seed):
    today = timezone.localdate()
    for position, (slug, title, days_ago, intro, paragraphs, tags) in enumerate(news_items(name)):
        page, created = _child(
            index,
            NewsPage,
            slug,
            title=title,
            date=today - datetime.timedelta(days=days_ago),
            intro=_p(intro),
            body=[{"type": "paragraph", "value": _p(*paragraphs)}],
            image=demo_image(collection, title, f"Illustratie bij: {title}", seed)
            if position < 2
            else None,
        )
        if created:
            page.tags.set(tags)
            page.save_revision().publish()


def _in_block_format(body):
    """The body with each list item stored as a block with an id, as Wagtail's editor saves it.

    wagtail-localize only offers list items (steps, questions) for translation in that format.
    """
    lists = {"steps": "steps", "questions": "questions"}
    stored = []
    for block in body:
        key = lists.get(block["type"])
        if key is not None:
            items = [
                {"type": "item", "value": item, "id": str(uuid.uuid4())}
                for item in block["value"][key]
            ]
            block = {**block, "value": {**block["value"], key: items}}
        stored.append(block)
    return stored


def _guides(index, name):
    today = timezone.localdate()
    for slug, title, topic, intro, body, months in guides(name):
        _child(
            index,
            GuidePage,
            slug,
            title=title,
            topic=topic,
            intro=_p(intro),
            body=_in_block_format(body),
            last_checked=today - datetime.timedelta(days=30 * months),
        )


def _lasting_pages(home, name):
    for slug, title, intro, paragraphs in LASTING_PAGES:
        _child(
            home,
            StandardPage,
            slug,
            title=title,
            intro=_p(intro),
            body=[{"type": "paragraph", "value": _p(*paragraphs)}],
            show_in_menus=False,
        )
    contact = FormPage.objects.child_of(home).filter(slug="contact").first()
    if contact is None:
        slug, title, intro, thank_you_text, subject = contact_texts(name)
        contact = FormPage(
            title=title,
            slug=slug,
            locale=home.locale,
            show_in_menus=False,
            intro=_p(intro),
            thank_you_text=_p(thank_you_text),
            subject=subject,
        )
        for order, (label, field_type, required) in enumerate(
            [
                ("Naam", "singleline", True),
                ("E-mailadres", "email", True),
                ("Uw vraag of bericht", "multiline", True),
            ]
        ):
            contact.form_fields.add(
                FormField(sort_order=order, label=label, field_type=field_type, required=required)
            )
        home.add_child(instance=contact)
        contact.save_revision().publish()


def _settings(site, name, slug, accent):
    settings = InformationPointSettings.for_site(site)
    if settings.name:
        return
    settings.name = f"Wijkinformatiepunt {name}"
    settings.address = f"Buurthuis {name}\nWijkplein 1\n3500 AA Utrecht"
    settings.phone = "030 200 30 40"
    settings.email = f"info@{slug}.wijkinfo.example"
    settings.opening_hours = "Dinsdag 10.00–12.00 uur\nDonderdag 14.00–16.00 uur"
    settings.footer_text = f"Wijkinfo {name} wordt gemaakt door vrijwilligers uit de wijk."
    settings.accent_colour = accent
    settings.save()


def load_neighbourhood(neighbourhood, stdout):
    home = neighbourhood.home_page.specific
    name = neighbourhood.name
    _news(_section(home, NewsIndexPage), name, neighbourhood.collection, neighbourhood.slug)
    _guides(_section(home, GuideIndexPage), name)
    _lasting_pages(home, name)
    accent = seeded_random("accent", neighbourhood.slug).choice(PALETTE)
    _settings(neighbourhood.site, name, neighbourhood.slug, accent)

    translate_neighbourhood_content(home, name)
    stdout.write(f"Information point content ready for {name}")


def load_portal(site, stdout):
    portal = site.root_page.specific
    _lasting_pages(portal, "Utrecht")
    _settings(site, "Utrecht", "portal", PALETTE[0])
    index = _section(portal, NewsIndexPage)
    slug, title, intro, paragraphs = PORTAL_NEWS
    _child(
        index,
        NewsPage,
        slug,
        title=title,
        date=timezone.localdate() - datetime.timedelta(days=5),
        intro=_p(intro),
        body=[{"type": "paragraph", "value": _p(*paragraphs)}],
    )

    translate_portal_content(portal)
    stdout.write("Information point content ready for the portal")
