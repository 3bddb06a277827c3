from .images import CustomImage, CustomRendition
from .mixins import IntroMixin, SectionPageMixin
from .neighbourhood import Neighbourhood
from .pages import GuideIndexPage, NewsIndexPage, SearchPage

__all__ = [
    "CustomImage",
    "CustomRendition",
    "GuideIndexPage",
    "IntroMixin",
    "Neighbourhood",
    "NewsIndexPage",
    "SearchPage",
    "SectionPageMixin",
]
