"""Building blocks for information-point tests: news, guides and venues in a neighbourhood."""

import datetime

import pytest
from django.utils import timezone

from infopoint.models import FormField, FormPage, GuideIndexPage, GuidePage, NewsIndexPage, NewsPage
from tests.bulk import publish_in_bulk


def section(neighbourhood_or_site, model):
    site = getattr(neighbourhood_or_site, "site", neighbourhood_or_site)
    return model.objects.child_of(site.root_page).get()


def add_news(index, count, start=0, tags=(), bulk=False, **fields):
    """`count` published news items under `index`, the newest first by date.

    `bulk=True` stores them in a few queries (tests.bulk) for budgets that need hundreds.
    """
    today = timezone.localdate()
    pages = [
        NewsPage(
            title=fields.get("title", f"Nieuwsbericht {number}"),
            slug=f"nieuws-{number}",
            date=today - datetime.timedelta(days=number),
            intro=fields.get("intro", f"<p>Samenvatting {number}</p>"),
            body=fields.get("body", [{"type": "paragraph", "value": f"<p>Tekst {number}</p>"}]),
        )
        for number in range(start, start + count)
    ]
    if bulk:
        return publish_in_bulk(index, pages, tags=tags)
    for page in pages:
        index.add_child(instance=page)
        if tags:
            page.tags.set(tags)
        page.save_revision().publish()
    return pages


def add_guide(index, title, slug, topic="other", body=(), intro="", **fields):
    page = GuidePage(title=title, slug=slug, topic=topic, body=list(body), intro=intro, **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def lunetten_news(lunetten):
    return section(lunetten, NewsIndexPage)


@pytest.fixture
def lunetten_guides(lunetten):
    return section(lunetten, GuideIndexPage)


@pytest.fixture
def contact(lunetten):
    home = lunetten.home_page
    page = FormPage(
        title="Contact",
        slug="contact",
        to_address="team@example.org",
        from_address="site@example.org",
        subject="Bericht",
        thank_you_text="<p>We antwoorden binnen drie dagen.</p>",
    )
    for order, (label, kind) in enumerate(
        [("Naam", "singleline"), ("E-mailadres", "email"), ("Bericht", "multiline")]
    ):
        page.form_fields.add(
            FormField(sort_order=order, label=label, field_type=kind, required=True)
        )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
