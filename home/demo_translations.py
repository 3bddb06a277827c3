"""The demo's home pages and their agenda and venue finder sections in English, Arabic and Turkish.

create_neighbourhood already translates every home page's and section's title and slug; this adds
the welcome texts. Each maps the Dutch text in `home/demo.py` to its translation, so a changed
Dutch text shows in Dutch until its translation here follows.
"""

from django.conf import settings

from infopoint.demo_translations import demo_locales, translate_demo

PORTAL_INTRO_TRANSLATIONS = {
    "en": "Wijkinfo connects Utrecht's neighbourhood information points: places to meet, "
    "activities, news and practical help, for each neighbourhood and for the whole city.",
    "ar": "يربط Wijkinfo بين نقاط معلومات الأحياء في أوتريخت: أماكن اللقاء والأنشطة والأخبار "
    "والمساعدة العملية، لكل حي وللمدينة كلها.",
    "tr": "Wijkinfo, Utrecht'in mahalle bilgi noktalarını bir araya getirir: buluşma yerleri, "
    "etkinlikler, haberler ve pratik yardım; her mahalle ve bütün şehir için.",
}

# neighbourhood slug -> language -> the home page's welcome
WELCOME = {
    "lunetten": {
        "en": "Lunetten is a green neighbourhood with four forts, the Nieuwe Park and many active "
        "residents. Here you find what is on, where you can meet each other and who you can "
        "turn to with questions.",
        "ar": "لونيتن حي أخضر فيه أربع قلاع وحديقة Nieuwe Park وكثير من السكان النشطين. هنا تجد "
        "ما يجري من أنشطة، وأين يمكنكم اللقاء، ومن يمكنك التوجه إليه بأسئلتك.",
        "tr": "Lunetten; dört kalesi, Nieuwe Park'ı ve pek çok aktif sakiniyle yeşil bir "
        "mahalledir. Burada neler olup bittiğini, nerede buluşabileceğinizi ve sorularınız "
        "için kime başvurabileceğinizi bulursunuz.",
    },
    "oost": {
        "en": "Utrecht-Oost runs from the city canals to the Science Park. Community centres, the "
        "library and dozens of residents' initiatives make this neighbourhood website "
        "together.",
        "ar": "يمتد حي أوتريخت الشرقي (Oost) من قنوات المدينة إلى Science Park. تصنع مراكز الحي "
        "والمكتبة وعشرات من مبادرات السكان هذا الموقع معًا.",
        "tr": "Utrecht-Oost, şehir kanallarından Science Park'a kadar uzanır. Mahalle evleri, "
        "kütüphane ve onlarca sakin girişimi bu mahalle sitesini birlikte hazırlıyor.",
    },
    "kanaleneiland": {
        "en": "Kanaleneiland is a young, colourful neighbourhood between the Merwede Canal and "
        "the Amsterdam-Rhine Canal. The neighbourhood information point helps you on your "
        "way, in your own language.",
        "ar": "كانالينآيلاند حي شاب ومتنوع بين قناة ميروِده وقناة أمستردام–الراين. تساعدك نقطة "
        "معلومات الحي على إيجاد طريقك، بلغتك.",
        "tr": "Kanaleneiland, Merwede Kanalı ile Amsterdam-Ren Kanalı arasında genç ve renkli bir "
        "mahalledir. Mahalle bilgi noktası size kendi dilinizde yol gösterir.",
    },
}

# Section page model -> language -> its intro (Dutch is the source, set once on an empty intro).
SECTION_INTROS = {
    "events.EventIndexPage": {
        "nl": "Wat is er te doen? Activiteiten van buren, verenigingen en het "
        "wijkinformatiepunt, de meeste gratis.",
        "en": "What is on? Activities by neighbours, clubs and the neighbourhood information "
        "point, most of them free.",
        "ar": "ماذا يجري؟ أنشطة ينظمها الجيران والجمعيات ونقطة معلومات الحي، ومعظمها مجاني.",
        "tr": "Neler oluyor? Komşuların, derneklerin ve mahalle bilgi noktasının etkinlikleri; "
        "çoğu ücretsiz.",
    },
    "venues.VenueIndexPage": {
        "nl": "Zoek een plek om elkaar te ontmoeten of een activiteit te houden: buurthuizen, "
        "de bibliotheek, tuinen en meer.",
        "en": "Find a place to meet or to hold an activity: community centres, the library, "
        "gardens and more.",
        "ar": "ابحث عن مكان للقاء أو لتنظيم نشاط: مراكز الحي والمكتبة والحدائق وغير ذلك.",
        "tr": "Buluşmak ya da bir etkinlik düzenlemek için bir yer bulun: mahalle evleri, "
        "kütüphane, bahçeler ve daha fazlası.",
    },
}


def _set_dutch_intro(page, text):
    """An empty Dutch intro gets the demo's; one an editor wrote stays."""
    if not page.intro:
        page.intro = f"<p>{text}</p>"
        page.save_revision().publish()


def translate_home(home, dutch_welcome, translations):
    """The home page's welcome and its agenda and venue finder intros in every demo language."""
    from django.apps import apps

    locales = demo_locales()
    others = {code: locale for code, locale in locales.items() if code != settings.LANGUAGE_CODE}
    for code, locale in others.items():
        if code in translations:
            translate_demo(home, locale, {dutch_welcome: translations[code]})
    for model_name, intros in SECTION_INTROS.items():
        section = apps.get_model(model_name).objects.child_of(home).first()
        if section is None:
            continue
        _set_dutch_intro(section, intros[settings.LANGUAGE_CODE])
        for code, locale in others.items():
            if code in intros:
                translate_demo(section, locale, {intros[settings.LANGUAGE_CODE]: intros[code]})
