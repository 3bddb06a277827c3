from .forms import FormField, FormPage
from .guides import GuideIndexPage, GuidePage
from .images import CustomImage, CustomRendition
from .mixins import IntroMixin, SectionPageMixin
from .neighbourhood import Neighbourhood
from .news import NewsIndexPage, NewsPage, NewsPageRelatedLink, NewsPageTag
from .pages import SearchPage
from .reports import GuideReport, OutdatedReport
from .settings import InformationPointSettings
from .standard import StandardPage

__all__ = [
    "CustomImage",
    "CustomRendition",
    "FormField",
    "FormPage",
    "GuideIndexPage",
    "GuidePage",
    "GuideReport",
    "InformationPointSettings",
    "IntroMixin",
    "Neighbourhood",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedLink",
    "NewsPageTag",
    "OutdatedReport",
    "SearchPage",
    "SectionPageMixin",
    "StandardPage",
]
