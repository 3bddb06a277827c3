"""Demo content shared by every app's demo module: generated images and the demo city's shape."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from .models import CustomImage

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
