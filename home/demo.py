"""Welcome texts for the portal and each demo neighbourhood's home page, in every demo language."""

from django.conf import settings

from infopoint.demo import NEIGHBOURHOODS

from .demo_translations import PORTAL_INTRO_TRANSLATIONS, WELCOME, translate_home

PORTAL_INTRO = (
    "Wijkinfo verbindt de wijkinformatiepunten van Utrecht: ontmoetingsplekken, activiteiten, "
    "nieuws en praktische hulp, per wijk en voor de hele stad."
)


def _set_intro(page, intro):
    if page.intro != intro:
        page.intro = intro
        page.save_revision().publish()


def load_portal(site, stdout):
    portal = site.root_page.specific
    _set_intro(portal, f"<p>{PORTAL_INTRO}</p>")
    translate_home(portal, PORTAL_INTRO, PORTAL_INTRO_TRANSLATIONS)


def load_neighbourhood(neighbourhood, stdout):
    welcome = {slug: text for _name, slug, _centre, text in NEIGHBOURHOODS}[neighbourhood.slug]
    home = neighbourhood.home_page.specific
    if home.locale.language_code == settings.LANGUAGE_CODE:
        _set_intro(home, f"<p>{welcome}</p>")
        translate_home(home, welcome, WELCOME.get(neighbourhood.slug, {}))
