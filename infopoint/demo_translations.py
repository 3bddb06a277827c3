"""The demo's information point content in other languages: all of it in English, two guides per
neighbourhood also in Arabic and Turkish.

Translations go through wagtail-localize (as a volunteer translator's would), matched to the Dutch
source by its text: each translated structure below mirrors the Dutch one in `demo.py`, so a
changed Dutch sentence simply shows in Dutch until its translation here is updated. Running the
demo again skips every translation that is already complete (see `translate_demo`).
"""

import re

from django.conf import settings

from .demo_content import (
    LASTING_PAGES,
    PORTAL_NEWS,
    contact_texts,
    guides,
    meeting_time,
    news_items,
)
from .models import FormPage, GuideIndexPage, GuidePage, NewsIndexPage, NewsPage, StandardPage
from .translation import ensure_locales, is_translated, translate

# Keys of demo structures that are not text a resident reads (or must stay as they are, such as
# the tag an events block looks up).
NOT_TEXT = {"type", "kind", "tag", "count", "email", "phone", "id"}


def texts(value):
    """The translatable texts of demo content in reading order: strings, and each paragraph of rich
    text on its own (wagtail-localize makes every paragraph a segment)."""
    if isinstance(value, str):
        return re.findall(r"<p>(.*?)</p>", value) or [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in NOT_TEXT for text in texts(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in texts(item)]
    return []


def catalogue(dutch, translated):
    """Dutch text -> translation, from two structures of the same shape."""
    source, target = texts(dutch), texts(translated)
    if len(source) != len(target):
        raise ValueError(f"{len(source)} Dutch texts but {len(target)} translations: {source}")
    return dict(zip(source, target, strict=True))


def translate_demo(instance, locale, strings, slug=None):
    """Translate `instance` into `locale` unless that translation is already complete.

    `strings` maps Dutch source texts to their translation; a page's `slug` is given apart (a
    slug's text can also be a tag's, which must stay as it is). Returns the translation, or None
    when nothing needed doing (re-running the demo costs a few queries per object, no rendering).
    """
    by_path = {"slug": slug} if slug else None
    if is_translated(instance, locale, by_path, catalogue=strings):
        return None
    return translate(instance, locale, by_path, catalogue=strings)


def page_texts(dutch, translated):
    """(texts, slugs) from a Dutch and a translated page structure that each start with the slug."""
    return catalogue(dutch[1:], translated[1:]), {dutch[0]: translated[0]}


def page_catalogue(pairs):
    """(texts, slugs) for several pages: (Dutch structure, translated structure) pairs."""
    strings, slugs = {}, {}
    for dutch, translated in pairs:
        texts_, slug = page_texts(dutch, translated)
        strings |= texts_
        slugs |= slug
    return strings, slugs


def demo_locales():
    """The demo's Wagtail locales by language code (Dutch, English, Arabic, Turkish)."""
    return ensure_locales()


# --- English ----------------------------------------------------------------------------------


def news_items_en(name):
    """English for `demo.news_items`: slug, title, intro, body paragraphs."""
    return [
        (
            "help-with-high-energy-bills",
            "Help with high energy bills",
            f"Energy coaches help residents of {name} to bring their energy bill down, free of "
            "charge.",
            [
                "From this month, volunteer energy coaches hold a drop-in session at the "
                "neighbourhood information point every Tuesday morning. They go through your "
                "energy bill with you and give tips on saving energy.",
                "Do you have a low income? Then you may also be able to apply for the "
                "municipality's energy allowance. The coaches help you fill in the form.",
            ],
        ),
        (
            "bulky-waste-collection-days",
            "New collection days for bulky waste",
            "The municipality now collects bulky waste by appointment. This is how you book it.",
            [
                "Old furniture, mattresses or a broken washing machine? Book a bulky waste "
                "collection on the municipality's website or call 14 030. Only put it outside "
                "on the agreed day, before 7.30 am.",
                "Can't manage to book? Drop in at the neighbourhood information point and we "
                "will help you.",
            ],
        ),
        (
            "language-cafe-open-again",
            "The language café is open again",
            "Practise Dutch in a relaxed atmosphere, every {day} at {start}.".format(
                **meeting_time("taalcafe", "en")
            ),
            [
                "Would you like to speak Dutch better? At the language café you talk with "
                "volunteers and other neighbours about everyday topics.",
                "Everyone is welcome and there is no need to sign up. Coffee and tea are ready.",
            ],
        ),
        (
            "neighbourhood-budget-ideas-wanted",
            "Ideas wanted for the neighbourhood budget",
            f"Do you have a plan that makes {name} nicer, greener or friendlier? Send it in.",
            [
                "Every year there is money for residents' initiatives: a street party, a "
                "front-wall garden, an afternoon of games. You can send in your idea until the "
                "end of the month.",
                "We are happy to help you write your application.",
            ],
        ),
        (
            "volunteers-wanted",
            "Volunteers wanted for the neighbourhood information point",
            "Do you have a few hours a week to spare? Come and join our team.",
            [
                "We are looking for hosts who welcome residents, keep the website up to date or "
                "help out at activities. No experience needed.",
            ],
        ),
        (
            "spring-clean-up",
            "Cleaning up the neighbourhood together",
            "During the spring clean-up, neighbours pick up litter together.",
            [
                "Litter pickers, gloves and rubbish bags are ready at the neighbourhood "
                "information point. Afterwards there is soup for all helpers.",
            ],
        ),
    ]


def guides_en(name):
    """English for `demo.guides`: slug, title, intro and the body's texts in reading order."""
    return [
        (
            "help-with-your-energy-bill",
            "Where can I get help with my energy bill?",
            "Is your energy bill too high, or can you not pay it? Here you can read who can "
            "help you.",
            [
                "Collect your bills",
                "Bring your latest annual statement and your monthly amount.",
                "Come to the energy coach's drop-in session",
                "Every Tuesday from 10 am to 12 noon at the neighbourhood information point.",
                "Apply for the energy allowance",
                "On a low income you may be entitled to an allowance from the municipality.",
                "Does the energy coach's help cost money?",
                "No, the energy coaches are volunteers and help you free of charge.",
                "I am behind with my payments. What now?",
                "Contact your energy supplier as soon as possible and ask for a payment plan. "
                "Buurtteam Utrecht (the neighbourhood support team) can help you with this.",
                "Energieloket Utrecht (energy advice desk)",
                "Monday to Friday, 9 am–5 pm",
            ],
        ),
        (
            "bulky-waste-collection",
            "How do I get bulky waste collected?",
            "Large items that do not fit in the bin are collected from your home by the "
            "municipality, by appointment.",
            [
                "Make an appointment",
                "Online or by calling 14 030.",
                "Put the bulky waste outside",
                "On the agreed day before 7.30 am, on the pavement by your home.",
                "The bulky waste lorry does not take chemical waste such as paint and "
                "batteries. Take that to the waste drop-off centre.",
            ],
        ),
        (
            "language-cafe",
            "Practising Dutch at the language café",
            "At the language café you practise Dutch with neighbours and volunteers.",
            [
                "The language café is on every {day} from {start} to {end} at the library. "
                "There is no need to sign up and it is free.".format(
                    **meeting_time("taalcafe", "en")
                ),
            ],
        ),
        (
            "coffee-morning",
            "The coffee morning: meeting your neighbours",
            "Every {day} from {start} to {end} neighbours have coffee together at the "
            "community centre. Everyone is welcome.".format(**meeting_time("koffieochtend", "en")),
            [
                "Fancy a chat? At the coffee morning you meet neighbours, hear what is going on "
                "in the neighbourhood and can ask the neighbourhood information point your "
                "questions. Coffee and tea are free.",
                "Not very mobile? Ask about the volunteers who can pick you up.",
                "Do I need to sign up for the coffee morning?",
                "No, you can just walk in.",
            ],
        ),
        (
            "neighbourhood-budget",
            "How do I apply for money from the neighbourhood budget?",
            f"With the neighbourhood budget, residents make their own plans for {name} happen.",
            [
                "Think up your plan",
                "What do you want to do, and for whom?",
                "Find people to support it",
                "A plan made with neighbours stands a better chance.",
                "Send in your application",
                "We help you with the form.",
            ],
        ),
        (
            "support-for-carers",
            "Support when you care for someone close to you",
            "Do you look after someone close to you? You do not have to do it alone.",
            [
                "Carers can turn to the neighbourhood team for advice, respite care and contact "
                "with others in the same situation.",
                "Buurtteam Utrecht (neighbourhood support team)",
                "Working days 8.30 am–5 pm",
            ],
        ),
    ]


LASTING_PAGES_EN = [
    (
        "about-us",
        "About us",
        "The neighbourhood information point is run by residents, for residents.",
        [
            "We are a group of volunteers from the neighbourhood. We help neighbours along with "
            "questions about money, housing, care and taking part, and we keep this website up "
            "to date.",
            "Would you like to join in? Drop in during our opening hours.",
        ],
    ),
    (
        "privacy-statement",
        "Privacy statement",
        "How we handle your data.",
        [
            "This website uses no cookies to track you and loads nothing from other parties.",
            "Messages you send through the contact form are kept for a year (365 days); then "
            "they are deleted automatically.",
            "If you submit an event, we keep your name and e-mail address for six months (180 "
            "days), so a volunteer can reach you. They are never shown on the website; the "
            "event itself stays.",
            "A report that the information about a place is wrong is forwarded by e-mail to the "
            "neighbourhood's volunteers; the website itself does not keep it.",
            "When a volunteer signs in with a wrong password, the attempt is remembered with the "
            "computer's address for thirty days, to stop password guessing.",
            "You can always ask us what data we hold about you and have it deleted.",
        ],
    ),
    (
        "accessibility-statement",
        "Accessibility statement",
        "Everyone should be able to use this website.",
        [
            "We aim for this website to meet WCAG 2.1 at level AA. We test every page "
            "automatically and with a keyboard and a screen reader.",
            "Still running into a problem? Let us know through the contact form.",
        ],
    ),
]


def contact_en(name):
    """English for `demo.contact_texts`."""
    return (
        "contact",
        "Contact",
        f"Do you have a question for the {name} neighbourhood information point? Send us a "
        "message; we reply within three working days.",
        "We have received your message and will reply within three working days.",
        f"Message via the {name} website",
    )


# The contact form's field labels, translated with their page; a field's name (the key of a
# submission) stays the same in every language.
CONTACT_LABELS_EN = {
    "Naam": "Name",
    "E-mailadres": "Email address",
    "Uw vraag of bericht": "Your question or message",
}


PORTAL_NEWS_EN = (
    "wijkinfo-launches",
    "Wijkinfo launches in three neighbourhoods",
    "Lunetten, Oost and Kanaleneiland now each have their own neighbourhood website.",
    [
        "Residents themselves keep track of what is on, where you can meet each other and "
        "who you can turn to with questions.",
    ],
)


def english(name):
    """(texts, slugs): a neighbourhood's information point texts and slugs with their English."""

    pairs = [
        ((slug, title, intro, paragraphs), translated)
        for (slug, title, _days, intro, paragraphs, _tags), translated in zip(
            news_items(name), news_items_en(name), strict=True
        )
    ]
    pairs += [
        ((slug, title, intro, body), translated)
        for (slug, title, _topic, intro, body, _months), translated in zip(
            guides(name), guides_en(name), strict=True
        )
    ]
    pairs += list(zip(LASTING_PAGES, LASTING_PAGES_EN, strict=True))
    pairs.append((contact_texts(name), contact_en(name)))
    strings, slugs = page_catalogue(pairs)
    return strings | CONTACT_LABELS_EN, slugs


# --- Arabic and Turkish: two practical guides --------------------------------------------------

# Dutch slug -> language -> (slug, title, intro, body texts in reading order)
GUIDES_ELSEWHERE = {
    "hulp-bij-energierekening": {
        "ar": (
            "energy-bill",
            "أين أجد مساعدة في فاتورة الطاقة؟",
            "هل فاتورة الطاقة مرتفعة جدًا أو لا تستطيع دفعها؟ هنا تقرأ من يمكنه مساعدتك.",
            [
                "اجمع فواتيرك",
                "أحضر آخر كشف حساب سنوي والمبلغ الذي تدفعه شهريًا.",
                "تعال إلى ساعة استشارة مدرب الطاقة",
                "كل يوم ثلاثاء من الساعة 10:00 إلى 12:00 في نقطة معلومات الحي.",
                "قدّم طلبًا للحصول على بدل الطاقة",
                "إذا كان دخلك منخفضًا فقد يحق لك الحصول على بدل من البلدية.",
                "هل مساعدة مدرب الطاقة مدفوعة؟",
                "لا، مدربو الطاقة متطوعون ويساعدونك مجانًا.",
                "لدي متأخرات في الدفع. ماذا أفعل؟",
                "اتصل بشركة الطاقة في أسرع وقت ممكن واطلب ترتيبًا للدفع بالتقسيط. فريق الحي في "
                "أوتريخت (Buurtteam Utrecht) يساعدك في ذلك.",
                "مكتب الطاقة في أوتريخت (Energieloket Utrecht)",
                "من الاثنين إلى الجمعة، 9:00–17:00",
            ],
        ),
        "tr": (
            "enerji-faturasi",
            "Enerji faturam için nereden yardım alabilirim?",
            "Enerji faturanız çok mu yüksek ya da ödeyemiyor musunuz? Size kimin yardım "
            "edebileceğini burada okuyabilirsiniz.",
            [
                "Faturalarınızı toplayın",
                "Son yıllık hesap dökümünüzü ve aylık ödeme tutarınızı yanınızda getirin.",
                "Enerji koçunun danışma saatine gelin",
                "Her salı 10.00–12.00 arası mahalle bilgi noktasında.",
                "Enerji yardımına başvurun",
                "Geliriniz düşükse belediyeden yardım alma hakkınız olabilir.",
                "Enerji koçunun yardımı ücretli mi?",
                "Hayır, enerji koçları gönüllüdür ve size ücretsiz yardım eder.",
                "Ödemelerim gecikti. Şimdi ne yapmalıyım?",
                "En kısa sürede enerji şirketinizle iletişime geçin ve bir ödeme planı isteyin. "
                "Buurtteam Utrecht (mahalle destek ekibi) bu konuda size yardım eder.",
                "Energieloket Utrecht (enerji danışma masası)",
                "Pazartesiden cumaya, 09.00–17.00",
            ],
        ),
    },
    "taalcafe": {
        "ar": (
            "language-cafe",
            "تدرّب على اللغة الهولندية في مقهى اللغة",
            "في مقهى اللغة تتدرّب على اللغة الهولندية مع الجيران والمتطوعين.",
            [
                "مقهى اللغة مفتوح كل يوم {day} من الساعة {start} إلى {end} في المكتبة. لا حاجة "
                "إلى التسجيل والمشاركة مجانية.".format(**meeting_time("taalcafe", "ar")),
            ],
        ),
        "tr": (
            "dil-kafe",
            "Dil kafede Felemenkçe pratik yapın",
            "Dil kafede komşularınız ve gönüllülerle Felemenkçe pratik yaparsınız.",
            [
                "Dil kafe her {day} {start}–{end} arası kütüphanede açıktır. Kayıt olmanıza "
                "gerek yok ve ücretsizdir.".format(**meeting_time("taalcafe", "tr")),
            ],
        ),
    },
}


# --- Loading --------------------------------------------------------------------------------


def _translate_pages(pages, locale, strings, slugs):
    for page in pages:
        translate_demo(page, locale, strings, slugs.get(page.slug))


def translate_neighbourhood_content(home, name):
    """English for all of a home page's information point pages; Arabic and Turkish for two
    guides."""
    locales = demo_locales()
    news = NewsPage.objects.child_of(NewsIndexPage.objects.child_of(home).first())
    guide_pages = GuidePage.objects.child_of(GuideIndexPage.objects.child_of(home).first())
    if "en" in locales:
        strings, slugs = english(name)
        for pages in (news, guide_pages, StandardPage.objects.child_of(home)):
            _translate_pages(pages, locales["en"], strings, slugs)
        _translate_pages(FormPage.objects.child_of(home), locales["en"], strings, slugs)
    dutch = {slug: (slug, title, intro, body) for slug, title, _t, intro, body, _m in guides(name)}
    for page in guide_pages.filter(slug__in=GUIDES_ELSEWHERE):
        for code, translated in GUIDES_ELSEWHERE[page.slug].items():
            if code in locales and code != settings.LANGUAGE_CODE:
                strings, slugs = page_texts(dutch[page.slug], translated)
                translate_demo(page, locales[code], strings, slugs[page.slug])


def translate_portal_content(portal):
    """English for the portal's lasting pages, contact page and news item."""
    english_ = demo_locales().get("en")
    if english_ is None:
        return
    pairs = list(zip(LASTING_PAGES, LASTING_PAGES_EN, strict=True))
    pairs.append((contact_texts("Utrecht"), contact_en("Utrecht")))
    pairs.append((PORTAL_NEWS, PORTAL_NEWS_EN))
    strings, slugs = page_catalogue(pairs)
    strings |= CONTACT_LABELS_EN
    index = NewsIndexPage.objects.child_of(portal).first()
    for pages in (
        StandardPage.objects.child_of(portal),
        FormPage.objects.child_of(portal),
        NewsPage.objects.child_of(index).filter(slug=PORTAL_NEWS[0]),
    ):
        _translate_pages(pages, english_, strings, slugs)
