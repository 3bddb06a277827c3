"""The fixed words of the help directory: topics, kinds of organisation, cost, ways of getting
help and languages spoken.

Stored as language-independent codes (the finder's links, the HSDS export and the demo use
them); residents and editors read the labels, translated through gettext.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """What residents need help with: the sociale kaart's controlled vocabulary."""

    MONEY = "money-debt", _("Money and debt")
    ENERGY = "energy", _("Energy")
    HOUSING = "housing", _("Housing")
    HEALTH = "health-care", _("Health and care")
    LONELINESS = "meeting-people", _("Loneliness and meeting people")
    LANGUAGE = "language-reading", _("Language and reading")
    DIGITAL = "digital-help", _("Digital help")
    FORMS = "forms-letters", _("Forms and letters")
    WORK = "work-volunteering", _("Work and volunteering")
    FAMILY = "family-children", _("Family and children")
    OLDER = "older-residents", _("Older residents")
    LEGAL = "legal", _("Legal help")
    FOOD = "food", _("Food")


# A plain word and an icon per topic, for the finder's tiles (the icons are emoji: no request,
# no icon font; they are decoration, hidden from screen readers).
TOPIC_ICONS = {
    Topic.MONEY: "💶",
    Topic.ENERGY: "💡",
    Topic.HOUSING: "🏠",
    Topic.HEALTH: "🩺",
    Topic.LONELINESS: "🤝",
    Topic.LANGUAGE: "📖",
    Topic.DIGITAL: "💻",
    Topic.FORMS: "✉️",
    Topic.WORK: "🧰",
    Topic.FAMILY: "👪",
    Topic.OLDER: "🧓",
    Topic.LEGAL: "⚖️",
    Topic.FOOD: "🥕",
}


class OrganisationKind(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipality")
    WELFARE = "welfare", _("Welfare organisation")
    HEALTH = "health", _("Health care")
    VOLUNTEERS = "volunteers", _("Volunteer group")
    RESIDENTS = "residents", _("Resident initiative")
    FAITH = "faith", _("Faith community")
    OTHER = "other", _("Other")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    FEE = "fee", _("There is a fee")
    ON_REQUEST = "on-request", _("Cost on request")


class Channel(models.TextChoices):
    """How a resident gets the help."""

    WALK_IN = "walk-in", _("Walk in")
    APPOINTMENT = "appointment", _("By appointment")
    PHONE = "phone", _("By phone")
    ONLINE = "online", _("Online")
    HOME_VISIT = "home-visit", _("Home visit")


class SpokenLanguage(models.TextChoices):
    """Languages a service can help in (ISO 639 codes, as HSDS wants them)."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    BERBER = "ber", _("Tamazight (Berber)")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    SPANISH = "es", _("Spanish")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")
    SOMALI = "so", _("Somali")
    TIGRINYA = "ti", _("Tigrinya")
    PERSIAN = "fa", _("Persian")
    SIGN = "dse", _("Dutch Sign Language")
