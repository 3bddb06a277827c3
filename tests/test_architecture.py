"""The layers between the apps hold in templates too.

import-linter (`make lint`) checks Python imports against the layers in pyproject.toml; a template
can reach up just as well, by loading another app's template tags. Here every `{% load %}` in an
app's templates (and in the site-wide templates, which sit beside infopoint) must name a tag
library of that app or of an app below it.
"""

import re
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def layers():
    """{app: its height}, from import-linter's layers contract (config on top)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contract = next(c for c in config["contracts"] if c["type"] == "layers")
    heights = {}
    for height, layer in enumerate(reversed(contract["layers"])):
        for app in re.split(r"\s*[|:]\s*", layer):
            heights[app] = height
    return heights


def our_tag_libraries():
    """{tag library name: the app of ours that defines it}."""
    ours = {}
    for app in layers():
        config = apps.app_configs.get(app)
        tags = Path(config.path) / "templatetags" if config else None
        if tags and tags.is_dir():
            for module in tags.glob("*.py"):
                if module.stem != "__init__":
                    ours[module.stem] = app
    return ours


def templates():
    for app in layers():
        config = apps.app_configs.get(app)
        if config is not None:
            for path in (Path(config.path) / "templates").rglob("*.html"):
                yield app, path
    for path in (ROOT / "site" / "templates").rglob("*.html"):
        yield "infopoint", path  # the site-wide front end sits beside the base


def test_the_layers_name_every_app_of_ours():
    assert set(layers()) == {
        "config",
        "api",
        "home",
        "submissions",
        "events",
        "services",
        "venues",
        "infopoint",
    }
    assert set(our_tag_libraries().values()) <= set(layers())


def _id(value):
    return str(value.relative_to(ROOT)) if isinstance(value, Path) else value


@pytest.mark.parametrize(("app", "path"), list(templates()), ids=_id)
def test_templates_load_tags_of_their_own_app_or_below(app, path):
    heights, libraries = layers(), our_tag_libraries()
    loaded = {
        library
        for match in LOAD.finditer(path.read_text())
        for library in match.group(1).split()
        if library in libraries
    }
    above = sorted(lib for lib in loaded if heights[libraries[lib]] > heights[app])
    assert above == [], f"{path.relative_to(ROOT)} loads tags of an app above {app}"
