"""What the home app contributes: its own home-page sections (news, guide topics, contact)."""

from wagtail import hooks

from infopoint.registry import HOME_SECTIONS

from . import sections


@hooks.register(HOME_SECTIONS)
def latest_news_section():
    return sections.NEWS


@hooks.register(HOME_SECTIONS)
def guide_topics_section():
    return sections.GUIDE_TOPICS


@hooks.register(HOME_SECTIONS)
def contact_section():
    return sections.CONTACT
