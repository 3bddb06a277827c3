"""What the apps above infopoint contribute to it.

infopoint is the base and imports none of them. Each app registers its parts with Wagtail's hooks
in its own `wagtail_hooks.py`, under the names below, and whoever needs them asks for them here:

- `SEARCH_SOURCES`: a function returning an `infopoint.search.SearchSource` (site search);
- `NEIGHBOURHOOD_SECTIONS`: a function returning a `Section`, a standard page every neighbourhood
  (and the portal) gets under its home page: the agenda, the meeting places, the news, …;
- `NEIGHBOURHOOD_PERMISSIONS`: a function returning `SnippetPermissions`, what a neighbourhood's
  editors and moderators may do with the app's snippets (infopoint.permissions scopes them to
  their own neighbourhood);
- `HOME_SECTIONS`: a function returning a `HomeSection`, a section of a home page ("this week",
  the meeting places, the latest news);
- `RETENTION`: a function returning a `Retention`, personal data the app keeps and for how long
  (`manage.py apply_retention` deletes what is older).

Dashboard panels use Wagtail's own `construct_homepage_panels` hook; signal handlers are connected
in each app's `AppConfig.ready()`.
"""

from dataclasses import dataclass

from wagtail import hooks

SEARCH_SOURCES = "wijkinfo_search_sources"
NEIGHBOURHOOD_SECTIONS = "wijkinfo_neighbourhood_sections"
NEIGHBOURHOOD_PERMISSIONS = "wijkinfo_neighbourhood_permissions"
HOME_SECTIONS = "wijkinfo_home_sections"
RETENTION = "wijkinfo_retention"


@dataclass(frozen=True)
class Section:
    """A standard section page of every home page."""

    model: str  # "app_label.ModelName" of the page type
    titles: dict  # language code -> (title, slug)
    order: int = 100  # the menu's order
    show_in_menus: bool = True
    on_portal: bool = True


@dataclass(frozen=True)
class SnippetPermissions:
    """Django permissions ("app_label", "codename") a neighbourhood's groups get on the app's
    snippets."""

    editors: tuple = ()
    moderators_also: tuple = ()  # on top of the editors' ones

    @property
    def moderators(self):
        return self.editors + self.moderators_also


@dataclass(frozen=True)
class HomeSection:
    """A section of a neighbourhood's (or the portal's) home page.

    `context(home, request, section)` adds what `template` shows (as `section.…`) to `section`,
    which already holds the editors' choices: `show`, `heading`, `count` and `city_wide`. Home
    pages keep those choices in fields named after the section (`show_<prefix>`,
    `<prefix>_heading`, `<prefix>_count`, the prefix being `settings_prefix` or `name`); a
    section without such fields is always shown with its default `heading`.
    """

    name: str
    template: str
    context: object  # callable(home, request, section) -> dict | None
    heading: str = ""
    settings_prefix: str = ""
    order: int = 100
    on_portal: bool = True


@dataclass(frozen=True)
class Retention:
    """Personal data an app keeps: `apply_retention` deletes the rows of `queryset()` whose
    `date_field` is more than the setting named `days_setting` (a number of days, read when the
    command runs; 0 keeps them) in the past."""

    name: str  # what is kept, as the command reports it
    queryset: object  # callable() -> QuerySet
    date_field: str
    days_setting: str
    order: int = 100


def contributions(hook_name):
    """What every app registered under `hook_name`, in their `order` (then registration order)."""
    parts = [register() for register in hooks.get_hooks(hook_name)]
    return sorted(parts, key=lambda part: getattr(part, "order", 100))
