"""StreamField blocks shared by news, guides and standard pages (and usable by other apps).

Every block names its icon, template, description and a preview value so volunteers see what a
block looks like before they choose it. Block templates live in `components/blocks/`.
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph.html"
        description = _("Running text with bold, italic, links and lists.")
        preview_value = (
            "<p>Het wijkinformatiepunt is open op dinsdag en donderdag van 10.00 tot 12.00 uur.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=120, help_text=_("A short heading for the next part."), label=_("Text")
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Main heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use a sub-heading only under a main heading."),
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        description = _("A heading that splits a long page into parts residents can scan.")
        preview_value = {"text": "Wat kunt u zelf doen?", "level": "h2"}


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120, help_text=_("What to do, e.g. “Bel het Energieloket”."), label=_("Title")
    )
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Details for this step."),
        label=_("Text"),
    )

    class Meta:
        icon = "list-ol"


class StepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(
        StepBlock(), min_num=1, help_text=_("The steps, in order."), label=_("Steps")
    )

    class Meta:
        icon = "list-ol"
        template = "components/blocks/steps.html"
        description = _("Numbered steps a resident follows one after the other.")
        preview_value = {
            "steps": [
                {
                    "title": "Verzamel uw energierekeningen",
                    "text": "<p>Van het afgelopen jaar.</p>",
                },
                {"title": "Maak een afspraak", "text": "<p>Bij het wijkinformatiepunt.</p>"},
            ]
        }


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=200, help_text=_("The question as a resident asks it."), label=_("Question")
    )
    answer = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, help_text=_("A short, clear answer."), label=_("Answer")
    )

    class Meta:
        icon = "help"


class QuestionsBlock(blocks.StructBlock):
    """Questions and answers; the page also offers them to search engines as schema.org FAQPage."""

    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        template = "components/blocks/questions.html"
        description = _("Frequently asked questions with their answers.")
        preview_value = {
            "questions": [
                {
                    "question": "Kost het iets?",
                    "answer": "<p>Nee, de hulp van het wijkinformatiepunt is gratis.</p>",
                }
            ]
        }


class ContactCardBlock(blocks.StructBlock):
    organisation = blocks.CharBlock(
        max_length=120, help_text=_("Who residents can contact."), label=_("Organisation")
    )
    phone = blocks.CharBlock(
        max_length=40, required=False, help_text=_("e.g. 030 123 45 67"), label=_("Phone")
    )
    email = blocks.EmailBlock(required=False, label=_("Email"))
    hours = blocks.TextBlock(
        required=False,
        help_text=_("When they can be reached, e.g. “ma–vr 9.00–17.00 uur”."),
        label=_("Hours"),
    )

    class Meta:
        icon = "user"
        template = "components/blocks/contact_card.html"
        description = _("Who to contact: organisation, phone, e-mail and hours.")
        preview_value = {
            "organisation": "Energieloket Utrecht",
            "phone": "030 123 45 67",
            "email": "info@example.org",
            "hours": "Maandag tot vrijdag, 9.00–17.00 uur",
        }


class VenueBlock(blocks.StructBlock):
    """A venue chosen from the shared list, shown live: its current name and address."""

    venue = SnippetChooserBlock(
        "venues.Venue", help_text=_("Choose a meeting place."), label=_("Venue")
    )

    class Meta:
        icon = "home"
        # The venues app shows it: infopoint keeps the block's shape, not how venues look.
        template = "venues/blocks/venue.html"
        description = _("A meeting place from the list, always showing its current address.")


class ServiceBlock(blocks.StructBlock):
    """A service from the help directory, shown live: what it does, what it costs and when to
    walk in next."""

    service = SnippetChooserBlock(
        "services.Service",
        help_text=_("Choose a service from the help directory."),
        label=_("Service"),
    )

    class Meta:
        icon = "help"
        # The help directory shows it, as the venues app shows a venue.
        template = "services/blocks/service.html"
        description = _("A service from the help directory, always showing its next walk-in.")


class EventsWithTagBlock(blocks.StructBlock):
    """The next events carrying a tag; the agenda fills it in (its template is the agenda's)."""

    tag = blocks.CharBlock(
        max_length=100,
        help_text=_("Show upcoming events with this tag, e.g. “taalcafé”."),
        label=_("Tag"),
    )
    count = blocks.IntegerBlock(
        default=3,
        min_value=1,
        max_value=10,
        help_text=_("How many events to show at most."),
        label=_("Count"),
    )

    class Meta:
        icon = "date"
        template = "events/blocks/events_with_tag.html"
        description = _("The next few events with a tag, kept up to date automatically.")
        preview_value = {"tag": "taalcafé", "count": 3}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Good to know")), ("warning", _("Important"))],
        default="info",
        help_text=_("“Important” for deadlines and warnings."),
        label=_("Kind"),
    )
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        template = "components/blocks/callout.html"
        description = _("A highlighted note: a tip or an important warning.")
        preview_value = {"kind": "info", "text": "<p>Neem uw laatste jaarafrekening mee.</p>"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        help_text=_("A form or leaflet residents can download."), label=_("Document")
    )
    title = blocks.CharBlock(
        max_length=120,
        required=False,
        help_text=_("Link text; the document's title if empty."),
        label=_("Title"),
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"
        description = _("A document to download, with its file type and size.")


class FigureBlock(ImageBlock):
    """An image with its (required) alt text and an optional caption."""

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"
        description = _("A picture; its alt text comes from the image library.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's ImageBlock names its chooser without gettext; editors read it in Dutch.
        self.child_blocks["image"].label = _("Image")


class BodyBlock(blocks.StreamBlock):
    """The body of news items and standard pages."""

    paragraph = ParagraphBlock(label=_("Paragraph"))
    heading = HeadingBlock(label=_("Heading"))
    image = FigureBlock(label=_("Image"))
    callout = CalloutBlock(label=_("Callout"))
    questions = QuestionsBlock(label=_("Questions"))
    document = DocumentBlock(label=_("Document"))
    contact = ContactCardBlock(label=_("Contact"))


class GuideBodyBlock(BodyBlock):
    """The body of a guide: everything a body has, plus steps, a venue, a service from the help
    directory and upcoming events."""

    steps = StepsBlock(label=_("Steps"))
    venue = VenueBlock(label=_("Venue"))
    service = ServiceBlock(label=_("Help service"))
    events = EventsWithTagBlock(label=_("Events"))


def faq_json_ld(stream):
    """schema.org FAQPage data for every question in a StreamField value, or None."""
    entities = []
    for block in stream:
        if block.block_type != "questions":
            continue
        for item in block.value["questions"]:
            entities.append(
                {
                    "@type": "Question",
                    "name": item["question"],
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": strip_tags(item["answer"].source).strip(),
                    },
                }
            )
    if not entities:
        return None
    return {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities}
