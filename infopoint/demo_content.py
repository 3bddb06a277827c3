"""The demo city's words, in Dutch: news, guides, lasting pages, the contact page and the
portal's news item. infopoint.demo writes them as pages; infopoint.demo_translations pairs them
with their translations."""

from datetime import datetime, timedelta

from django.utils import translation
from django.utils.dates import WEEKDAYS

# The weekly meetings the news and guides speak of, as the demo agenda holds them: events.demo
# builds those events from these facts, so no text names another day or time than the agenda.
# weekday (0 is Monday), start, minutes.
WEEKLY_MEETINGS = {
    "koffieochtend": (1, "10:00", 90),
    "taalcafe": (2, "19:30", 90),
}


def _clock(moment, language):
    if language == "en":  # "7.30 pm", "10 am"
        minutes = f".{moment:%M}" if moment.minute else ""
        return f"{moment.hour % 12 or 12}{minutes} {'am' if moment.hour < 12 else 'pm'}"
    separator = ":" if language == "ar" else "."
    return f"{moment:%H}{separator}{moment:%M}"


def meeting_time(key, language):
    """When a weekly meeting is, as `language` writes it: {"day": "woensdag", "start": "19.30",
    "end": "21.00"} (the day's name from Django's catalogue, in lower case where the language
    writes it so in a sentence)."""
    weekday, start, minutes = WEEKLY_MEETINGS[key]
    begins = datetime.strptime(start, "%H:%M")
    with translation.override(language):
        day = str(WEEKDAYS[weekday])
    if language in {"nl", "tr"}:
        day = day.lower()
    return {
        "day": day,
        "start": _clock(begins, language),
        "end": _clock(begins + timedelta(minutes=minutes), language),
    }


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def news_items(name):
    """(slug, title, days ago, intro, body paragraphs, tags) — six items per neighbourhood."""
    return [
        (
            "energietoeslag-aanvragen",
            "Hulp bij de hoge energierekening",
            3,
            f"Energiecoaches helpen bewoners van {name} gratis om de energierekening omlaag "
            "te krijgen.",
            [
                "Vanaf deze maand houden vrijwillige energiecoaches elke dinsdagochtend "
                "spreekuur in het wijkinformatiepunt. Zij kijken samen met u naar uw "
                "energierekening en geven tips om energie te besparen.",
                "Heeft u een laag inkomen? Dan kunt u misschien ook de energietoeslag van de "
                "gemeente aanvragen. De coaches helpen u met het formulier.",
            ],
            ["energie", "geldzaken"],
        ),
        (
            "grofvuil-ophaaldagen",
            "Nieuwe ophaaldagen voor grofvuil",
            8,
            "De gemeente haalt grofvuil voortaan op afspraak op. Zo meldt u het aan.",
            [
                "Oude meubels, matrassen of een kapotte wasmachine? Meld uw grofvuil aan via "
                "de website van de gemeente of bel 14 030. Zet het pas op de afgesproken dag "
                "vóór 7.30 uur buiten.",
                "Lukt aanmelden niet? Kom langs bij het wijkinformatiepunt, wij helpen u.",
            ],
            ["afval"],
        ),
        (
            "taalcafe-weer-open",
            "Het taalcafé is weer open",
            12,
            "Nederlands oefenen in een ontspannen sfeer, elke {day} om {start} uur.".format(
                **meeting_time("taalcafe", "nl")
            ),
            [
                "Wilt u beter Nederlands leren spreken? In het taalcafé praat u met "
                "vrijwilligers en andere buurtbewoners over alledaagse onderwerpen.",
                "Iedereen is welkom, u hoeft zich niet aan te melden. De koffie en thee staan "
                "klaar.",
            ],
            ["taal", "ontmoeten"],
        ),
        (
            "wijkbudget-ideeen-gezocht",
            "Ideeën gezocht voor het wijkbudget",
            20,
            f"Heeft u een plan dat {name} mooier, groener of gezelliger maakt? Dien het in.",
            [
                "Elk jaar is er geld beschikbaar voor initiatieven van bewoners: een "
                "buurtfeest, een geveltuin, een speelmiddag. Tot het einde van de maand kunt "
                "u uw idee indienen.",
                "Wij helpen u graag met het schrijven van uw aanvraag.",
            ],
            ["wijkbudget", "meedoen"],
        ),
        (
            "vrijwilligers-gezocht",
            "Vrijwilligers gezocht voor het wijkinformatiepunt",
            27,
            "Heeft u een paar uur per week tijd? Kom ons team versterken.",
            [
                "We zoeken gastvrouwen en gastheren die bewoners te woord staan, de "
                "website bijhouden of helpen bij activiteiten. Ervaring is niet nodig.",
            ],
            ["meedoen"],
        ),
        (
            "schoonmaakactie-voorjaar",
            "Samen de buurt schoonmaken",
            35,
            "Tijdens de voorjaarsschoonmaak ruimen buren samen zwerfafval op.",
            [
                "Grijpers, handschoenen en vuilniszakken liggen klaar bij het "
                "wijkinformatiepunt. Na afloop is er soep voor alle helpers.",
            ],
            ["afval", "ontmoeten"],
        ),
    ]


def guides(name):
    """(slug, title, topic, intro, body, months since checked) — the neighbourhood's guides."""
    return [
        (
            "hulp-bij-energierekening",
            "Waar krijg ik hulp bij mijn energierekening?",
            "money",
            "Is uw energierekening te hoog of kunt u hem niet betalen? Hier leest u wie u "
            "kan helpen.",
            [
                {
                    "type": "steps",
                    "value": {
                        "steps": [
                            {
                                "title": "Verzamel uw rekeningen",
                                "text": _p("Neem uw laatste jaarafrekening en uw maandbedrag mee."),
                            },
                            {
                                "title": "Kom naar het spreekuur van de energiecoach",
                                "text": _p(
                                    "Elke dinsdag van 10.00 tot 12.00 uur in het "
                                    "wijkinformatiepunt."
                                ),
                            },
                            {
                                "title": "Vraag de energietoeslag aan",
                                "text": _p(
                                    "Met een laag inkomen heeft u misschien recht "
                                    "op een toeslag van de gemeente."
                                ),
                            },
                        ]
                    },
                },
                {
                    "type": "questions",
                    "value": {
                        "questions": [
                            {
                                "question": "Kost de hulp van de energiecoach geld?",
                                "answer": _p(
                                    "Nee, de energiecoaches zijn vrijwilligers en helpen u gratis."
                                ),
                            },
                            {
                                "question": "Ik heb een betalingsachterstand. Wat nu?",
                                "answer": _p(
                                    "Neem zo snel mogelijk contact op met uw "
                                    "energieleverancier en vraag om een "
                                    "betalingsregeling. Buurtteam Utrecht helpt "
                                    "u daarbij."
                                ),
                            },
                        ]
                    },
                },
                {
                    "type": "contact",
                    "value": {
                        "organisation": "Energieloket Utrecht",
                        "phone": "030 123 45 67",
                        "email": "energieloket@example.org",
                        "hours": "Maandag tot en met vrijdag, 9.00–17.00 uur",
                    },
                },
            ],
            2,
        ),
        (
            "grofvuil-laten-ophalen",
            "Hoe laat ik grofvuil ophalen?",
            "living",
            "Grote spullen die niet in de container passen, haalt de gemeente op afspraak "
            "bij u op.",
            [
                {
                    "type": "steps",
                    "value": {
                        "steps": [
                            {"title": "Maak een afspraak", "text": _p("Online of via 14 030.")},
                            {
                                "title": "Zet het grofvuil buiten",
                                "text": _p(
                                    "Op de afgesproken dag vóór 7.30 uur, op de stoep bij uw huis."
                                ),
                            },
                        ]
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "warning",
                        "text": _p(
                            "Chemisch afval zoals verf en batterijen neemt de "
                            "grofvuilwagen niet mee. Breng dat naar het "
                            "afvalbrengstation."
                        ),
                    },
                },
            ],
            14,  # more than a year: shows up in "Guides to review"
        ),
        (
            "taalcafe",
            "Nederlands oefenen in het taalcafé",
            "language",
            "In het taalcafé oefent u Nederlands met buren en vrijwilligers.",
            [
                {
                    "type": "paragraph",
                    "value": _p(
                        "Het taalcafé is elke {day} van {start} tot {end} uur in de "
                        "bibliotheek. U hoeft zich niet aan te melden en het is "
                        "gratis.".format(**meeting_time("taalcafe", "nl"))
                    ),
                },
                {"type": "events", "value": {"tag": "taalcafé", "count": 3}},
            ],
            4,
        ),
        (
            "koffieochtend",
            "De koffieochtend: buren ontmoeten",
            "meeting",
            "Elke {day} van {start} tot {end} uur drinken buren samen koffie in het buurthuis. "
            "Iedereen is welkom.".format(**meeting_time("koffieochtend", "nl")),
            [
                {
                    "type": "paragraph",
                    "value": _p(
                        "Zin in een praatje? Op de koffieochtend ontmoet u buren, hoort u wat "
                        "er speelt in de wijk en kunt u vragen stellen aan het "
                        "wijkinformatiepunt. De koffie en thee zijn gratis.",
                        "Slecht ter been? Vraag naar de vrijwilligers die u kunnen ophalen.",
                    ),
                },
                {"type": "events", "value": {"tag": "koffieochtend", "count": 3}},
                {
                    "type": "questions",
                    "value": {
                        "questions": [
                            {
                                "question": "Moet ik me aanmelden voor de koffieochtend?",
                                "answer": _p("Nee, u kunt gewoon binnenlopen."),
                            }
                        ]
                    },
                },
            ],
            1,
        ),
        (
            "wijkbudget-aanvragen",
            "Hoe vraag ik geld aan uit het wijkbudget?",
            "participation",
            f"Met het wijkbudget maken bewoners hun eigen plannen voor {name} waar.",
            [
                {
                    "type": "steps",
                    "value": {
                        "steps": [
                            {
                                "title": "Bedenk uw plan",
                                "text": _p("Wat wilt u doen, en voor wie?"),
                            },
                            {
                                "title": "Zoek medestanders",
                                "text": _p("Een plan met buren maakt meer kans."),
                            },
                            {
                                "title": "Dien uw aanvraag in",
                                "text": _p("Wij helpen u met het formulier."),
                            },
                        ]
                    },
                },
            ],
            6,
        ),
        (
            "mantelzorg-ondersteuning",
            "Ondersteuning als u voor een naaste zorgt",
            "care",
            "Zorgt u voor iemand in uw omgeving? U staat er niet alleen voor.",
            [
                {
                    "type": "paragraph",
                    "value": _p(
                        "Mantelzorgers kunnen terecht bij het buurtteam voor advies, "
                        "respijtzorg en lotgenotencontact."
                    ),
                },
                {
                    "type": "contact",
                    "value": {
                        "organisation": "Buurtteam Utrecht",
                        "phone": "030 765 43 21",
                        "email": "",
                        "hours": "Werkdagen 8.30–17.00 uur",
                    },
                },
            ],
            3,
        ),
    ]


LASTING_PAGES = [
    (
        "over-ons",
        "Over ons",
        "Het wijkinformatiepunt wordt gerund door bewoners, voor bewoners.",
        [
            "Wij zijn een groep vrijwilligers uit de wijk. We helpen buren op weg met vragen "
            "over geld, wonen, zorg en meedoen, en we houden deze website bij.",
            "Wilt u meedoen? Loop binnen tijdens onze openingstijden.",
        ],
    ),
    (
        "privacyverklaring",
        "Privacyverklaring",
        "Hoe wij omgaan met uw gegevens.",
        [
            "Deze website gebruikt geen cookies om u te volgen en laadt niets van andere partijen.",
            "Berichten die u via het contactformulier stuurt, bewaren wij een jaar (365 "
            "dagen); daarna worden ze automatisch verwijderd.",
            "Meldt u een activiteit aan, dan bewaren wij uw naam en e-mailadres een half jaar "
            "(180 dagen), zodat een vrijwilliger u kan bereiken. Ze staan nooit op de website; "
            "de activiteit zelf blijft staan.",
            "Een melding dat de informatie over een plek niet klopt, bewaren wij een half jaar "
            "(180 dagen), met uw e-mailadres als u dat opgeeft, zodat een vrijwilliger het kan "
            "nakijken en u kan antwoorden; daarna wordt de melding automatisch verwijderd.",
            "Wie inlogt als vrijwilliger en een verkeerd wachtwoord gebruikt, wordt met het "
            "adres van de computer dertig dagen onthouden, om wachtwoordraden tegen te gaan.",
            "U kunt ons altijd vragen welke gegevens wij van u hebben en die laten verwijderen.",
        ],
    ),
    (
        "toegankelijkheidsverklaring",
        "Toegankelijkheidsverklaring",
        "Iedereen moet deze website kunnen gebruiken.",
        [
            "Wij streven ernaar dat deze website voldoet aan de WCAG 2.1 op niveau AA. We "
            "testen elke pagina automatisch en met toetsenbord en schermlezer.",
            "Loopt u toch ergens tegenaan? Laat het ons weten via het contactformulier.",
        ],
    ),
]


def contact_texts(name):
    """The contact page: slug, title, intro, thank-you text and the e-mail subject."""
    return (
        "contact",
        "Contact",
        f"Heeft u een vraag voor het wijkinformatiepunt {name}? Stuur ons een "
        "bericht; we antwoorden binnen drie werkdagen.",
        "We hebben uw bericht ontvangen en antwoorden binnen drie werkdagen.",
        f"Bericht via de website van {name}",
    )


# The portal's news item: slug, title, intro, body paragraphs.
PORTAL_NEWS = (
    "wijkinfo-van-start",
    "Wijkinfo gaat van start in drie wijken",
    "Lunetten, Oost en Kanaleneiland hebben vanaf nu hun eigen wijksite.",
    [
        "Bewoners houden zelf bij wat er te doen is, waar je elkaar kunt "
        "ontmoeten en bij wie je terechtkunt met vragen."
    ],
)
