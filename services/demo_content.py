"""The words of the demo help directory in Dutch, English, Arabic and Turkish.

Each text is a tuple in the order of `LANGUAGES`. Arabic and Turkish are kept short and plain, as
an information point's volunteer would write them. `services.demo` writes them in bulk.
"""

from .vocabulary import Channel, Cost, OrganisationKind, Topic

LANGUAGES = ("nl", "en", "ar", "tr")

# key -> kind, names ({n}: the neighbourhood), descriptions
ORGANISATIONS = {
    "buurtteam": (
        OrganisationKind.MUNICIPAL,
        ("Buurtteam {n}", "{n} Neighbourhood Team", "فريق الحي {n}", "{n} Mahalle Ekibi"),
        (
            "Het buurtteam helpt bewoners met vragen over geld, wonen, zorg en opvoeden.",
            "The neighbourhood team helps residents with questions about money, housing, care "
            "and parenting.",
            "فريق الحي يساعد السكان في أسئلة المال والسكن والرعاية وتربية الأطفال.",
            "Mahalle ekibi para, konut, bakım ve çocuk yetiştirme sorularında yardım eder.",
        ),
    ),
    "bibliotheek": (
        OrganisationKind.WELFARE,
        ("Bibliotheek {n}", "{n} Library", "مكتبة {n}", "{n} Kütüphanesi"),
        (
            "De bibliotheek helpt met lezen, taal en alles wat digitaal moet.",
            "The library helps with reading, language and everything that has to be done online.",
            "المكتبة تساعد في القراءة واللغة وكل ما يجب عمله عبر الإنترنت.",
            "Kütüphane okuma, dil ve internetten yapılması gereken her şeyde yardım eder.",
        ),
    ),
    "bewoners": (
        OrganisationKind.RESIDENTS,
        (
            "Bewonersinitiatief {n}",
            "{n} Residents' Initiative",
            "مبادرة سكان {n}",
            "{n} Mahalle Girişimi",
        ),
        (
            "Buren die elkaar helpen: repareren, samen eten, een maatje.",
            "Neighbours helping each other: repairs, meals together, a buddy.",
            "جيران يساعدون بعضهم: تصليح، أكل معًا، صديق.",
            "Birbirine yardım eden komşular: tamir, birlikte yemek, bir arkadaş.",
        ),
    ),
    "welzijn": (
        OrganisationKind.WELFARE,
        ("Welzijn {n}", "{n} Welfare", "الرعاية الاجتماعية {n}", "{n} Sosyal Hizmetler"),
        (
            "Welzijnswerk voor ouderen, mantelzorgers, jongeren en iedereen die mensen wil "
            "ontmoeten.",
            "Welfare work for older people, carers, young people and anyone who wants to meet "
            "people.",
            "عمل اجتماعي لكبار السن ومقدمي الرعاية والشباب وكل من يريد التعرف على الناس.",
            "Yaşlılar, bakım verenler, gençler ve insanlarla tanışmak isteyen herkes için.",
        ),
    ),
    "gezondheid": (
        OrganisationKind.HEALTH,
        (
            "Gezondheidscentrum {n}",
            "{n} Health Centre",
            "المركز الصحي {n}",
            "{n} Sağlık Merkezi",
        ),
        (
            "Huisartsen, wijkverpleging en fysiotherapie onder één dak.",
            "GPs, district nurses and physiotherapy under one roof.",
            "أطباء عامون وممرضات الحي وعلاج طبيعي في مكان واحد.",
            "Aile hekimleri, mahalle hemşireleri ve fizyoterapi bir arada.",
        ),
    ),
    "voedselbank": (
        OrganisationKind.VOLUNTEERS,
        ("Voedselbank {n}", "{n} Food Bank", "بنك الطعام {n}", "{n} Gıda Bankası"),
        (
            "Vrijwilligers delen elke week voedselpakketten uit.",
            "Volunteers hand out food parcels every week.",
            "متطوعون يوزعون طرود الطعام كل أسبوع.",
            "Gönüllüler her hafta gıda paketi dağıtır.",
        ),
    ),
    "diaconie": (
        OrganisationKind.FAITH,
        ("Diaconie {n}", "{n} Church Aid", "المساعدة الكنسية {n}", "{n} Kilise Yardımı"),
        (
            "De kerken in de wijk helpen iedereen die het nodig heeft, gelovig of niet.",
            "The local churches help anyone in need, whatever their faith.",
            "كنائس الحي تساعد كل محتاج، مهما كان دينه.",
            "Mahalledeki kiliseler, inancı ne olursa olsun ihtiyacı olan herkese yardım eder.",
        ),
    ),
}

# Fixed sentences of every service, by language.
WALK_IN_HOW = (
    "Loop gewoon binnen.",
    "Just walk in.",
    "تعال بدون موعد.",
    "Randevusuz gelebilirsiniz.",
)
CALL_HOW = (
    "Bel ons voor een afspraak.",
    "Call us for an appointment.",
    "اتصل بنا لتحديد موعد.",
    "Randevu için bizi arayın.",
)
FOR_RESIDENTS = (
    "Voor bewoners van {n}.",
    "For residents of {n}.",
    "لسكان {n}.",
    "{n} sakinleri için.",
)
FOR_THE_CITY = (
    "Voor alle bewoners van Utrecht.",
    "For all residents of Utrecht.",
    "لجميع سكان أوترخت.",
    "Tüm Utrecht sakinleri için.",
)
CLOSED_NOTE = ("Oudejaarsdag", "New Year's Eve", "ليلة رأس السنة", "Yılbaşı arifesi")


def _same(text):
    return (text,) * len(LANGUAGES)


NONE = _same("")

# key: organisation, topics, cost, languages spoken, channels,
#      walk-in hours [(venue key or None for by phone, weekday, opens, closes)], city-wide,
#      names, summaries, audiences, cost details (each a tuple per language)
SERVICES = {
    "schuldhulp": {
        "org": "buurtteam",
        "topics": [Topic.MONEY, Topic.FORMS],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "ar", "tr"],
        "channels": [Channel.WALK_IN, Channel.APPOINTMENT, Channel.PHONE],
        "hours": [("buurthuis", 0, "09:30", "12:00"), ("buurthuis", 3, "13:30", "16:00")],
        "name": ("Schuldhulp", "Debt advice", "المساعدة في الديون", "Borç danışmanlığı"),
        "summary": (
            "Wij helpen u uw rekeningen en schulden op een rij te zetten.",
            "We help you get your bills and debts in order.",
            "نساعدك على ترتيب فواتيرك وديونك.",
            "Faturalarınızı ve borçlarınızı düzenlemenize yardım ediyoruz.",
        ),
    },
    "formulierenhulp": {
        "org": "bibliotheek",
        "topics": [Topic.FORMS, Topic.DIGITAL],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "ar"],
        "channels": [Channel.WALK_IN],
        "hours": [("bibliotheek", 1, "10:00", "12:00"), ("bibliotheek", 4, "14:00", "16:00")],
        "name": (
            "Formulierenhulp",
            "Help with forms",
            "المساعدة في الاستمارات",
            "Form doldurma yardımı",
        ),
        "summary": (
            "Een vrijwilliger helpt u met formulieren en brieven van instanties.",
            "A volunteer helps you with forms and letters from official bodies.",
            "متطوع يساعدك في الاستمارات والرسائل الرسمية.",
            "Bir gönüllü resmi form ve mektuplarda size yardım eder.",
        ),
    },
    "digicafe": {
        "org": "bibliotheek",
        "topics": [Topic.DIGITAL],
        "cost": Cost.FREE,
        "languages": ["nl", "en"],
        "channels": [Channel.WALK_IN],
        "hours": [("bibliotheek", 2, "13:00", "15:00")],
        "name": ("Digicafé", "Digital café", "المقهى الرقمي", "Dijital kafe"),
        "summary": (
            "Vragen over uw telefoon, laptop of DigiD? Loop binnen.",
            "Questions about your phone, laptop or DigiD? Just drop in.",
            "عندك سؤال عن هاتفك أو حاسوبك أو DigiD؟ تعال إلينا.",
            "Telefonunuz, bilgisayarınız veya DigiD hakkında sorunuz mu var? Uğrayın.",
        ),
    },
    "repair-cafe": {
        "org": "bewoners",
        "topics": [Topic.LONELINESS, Topic.MONEY],
        "cost": Cost.FEE,
        "languages": ["nl"],
        "channels": [Channel.WALK_IN],
        "hours": [("werkplek", 5, "10:00", "13:00")],
        "name": ("Repair Café", "Repair Café", "مقهى التصليح", "Tamir Kafe"),
        "summary": (
            "Samen repareren we uw kapotte spullen, met koffie.",
            "Together we repair your broken things, with coffee.",
            "نصلح أغراضك المكسورة معًا، مع القهوة.",
            "Bozuk eşyalarınızı birlikte tamir ediyoruz, kahve eşliğinde.",
        ),
        "cost_details": (
            "Een vrijwillige bijdrage",
            "A voluntary contribution",
            "تبرع اختياري",
            "Gönüllü bağış",
        ),
    },
    "taalmaatjes": {
        "org": "welzijn",
        "topics": [Topic.LANGUAGE, Topic.LONELINESS],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "ar", "tr", "uk"],
        "channels": [Channel.APPOINTMENT, Channel.HOME_VISIT],
        "hours": [],
        "name": ("Taalmaatjes", "Language buddies", "رفيق اللغة", "Dil arkadaşı"),
        "summary": (
            "Oefen Nederlands met een vaste vrijwilliger, thuis of in de bibliotheek.",
            "Practise Dutch with the same volunteer, at home or in the library.",
            "تدرّب على اللغة الهولندية مع متطوع ثابت، في البيت أو في المكتبة.",
            "Evde veya kütüphanede sabit bir gönüllüyle Hollandaca pratik yapın.",
        ),
        "audience": (
            "Volwassenen die Nederlands leren",
            "Adults learning Dutch",
            "الكبار الذين يتعلمون الهولندية",
            "Hollandaca öğrenen yetişkinler",
        ),
    },
    "ouderenadviseur": {
        "org": "welzijn",
        "topics": [Topic.OLDER, Topic.HEALTH, Topic.HOUSING],
        "cost": Cost.FREE,
        "languages": ["nl", "tr"],
        "channels": [Channel.WALK_IN, Channel.HOME_VISIT, Channel.PHONE],
        "hours": [("buurthuis", 2, "10:00", "12:00"), (None, 0, "09:00", "12:00")],
        "name": (
            "Ouderenadviseur",
            "Adviser for older residents",
            "مستشار كبار السن",
            "Yaşlı danışmanı",
        ),
        "summary": (
            "Advies over wonen, zorg en geld voor wie ouder wordt, ook bij u thuis.",
            "Advice on housing, care and money as you grow older, also at your home.",
            "نصائح عن السكن والرعاية والمال لكبار السن، في بيتك أيضًا.",
            "Yaşlananlar için konut, bakım ve para konusunda danışmanlık, evinizde de.",
        ),
        "audience": (
            "Bewoners van 65 jaar en ouder",
            "Residents aged 65 and over",
            "السكان من عمر 65 سنة فأكثر",
            "65 yaş ve üzeri sakinler",
        ),
    },
    "gezinsspreekuur": {
        "org": "buurtteam",
        "topics": [Topic.FAMILY],
        "cost": Cost.FREE,
        "languages": ["nl", "ar", "ber"],
        "channels": [Channel.WALK_IN, Channel.APPOINTMENT],
        "hours": [("school", 2, "15:30", "17:00")],
        "name": (
            "Spreekuur opvoeden",
            "Parenting advice hour",
            "استشارات تربية الأطفال",
            "Ebeveynlik danışma saati",
        ),
        "summary": (
            "Vragen over opvoeden en opgroeien? Praat erover met een gezinswerker.",
            "Questions about raising children? Talk to a family worker.",
            "عندك أسئلة عن تربية الأطفال؟ تحدث مع مرشد الأسرة.",
            "Çocuk yetiştirme hakkında sorularınız mı var? Bir aile çalışanıyla konuşun.",
        ),
        "audience": (
            "Ouders en verzorgers",
            "Parents and carers",
            "الآباء والأمهات ومن يرعى الأطفال",
            "Anne babalar ve bakıcılar",
        ),
    },
    "maaltijd": {
        "org": "bewoners",
        "topics": [Topic.FOOD, Topic.LONELINESS],
        "cost": Cost.FEE,
        "languages": ["nl"],
        "channels": [Channel.WALK_IN],
        "hours": [("buurthuis", 3, "17:30", "19:30")],
        "name": ("Buurtmaaltijd", "Neighbourhood meal", "وجبة الحي", "Mahalle yemeği"),
        "summary": (
            "Elke donderdag samen eten voor een kleine prijs.",
            "Eat together every Thursday for a small price.",
            "نأكل معًا كل يوم خميس بسعر بسيط.",
            "Her perşembe uygun fiyata birlikte yemek.",
        ),
        "cost_details": ("€ 4 per maaltijd", "€4 per meal", "4 يورو للوجبة", "Yemek başı 4 €"),
    },
    "buurtteam-inloop": {
        "org": "buurtteam",
        "topics": [Topic.MONEY, Topic.HOUSING, Topic.HEALTH, Topic.FAMILY],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "tr"],
        "channels": [Channel.WALK_IN, Channel.PHONE],
        "hours": [("buurthuis", 1, "09:00", "11:00"), ("buurthuis", 4, "09:00", "11:00")],
        "name": (
            "Inloop buurtteam",
            "Neighbourhood team drop-in",
            "استقبال فريق الحي",
            "Mahalle ekibi açık saati",
        ),
        "summary": (
            "Met elke vraag over geld, wonen, zorg of opvoeden kunt u hier terecht.",
            "Come here with any question about money, housing, care or parenting.",
            "تعال بأي سؤال عن المال أو السكن أو الرعاية أو التربية.",
            "Para, konut, bakım veya çocuk yetiştirme hakkında her sorunuzla gelin.",
        ),
    },
    "mantelzorg": {
        "org": "welzijn",
        "topics": [Topic.HEALTH, Topic.OLDER],
        "cost": Cost.FREE,
        "languages": ["nl", "en"],
        "channels": [Channel.WALK_IN, Channel.PHONE, Channel.HOME_VISIT],
        "hours": [("buurthuis", 3, "10:00", "12:00"), (None, 1, "13:00", "16:00")],
        "name": (
            "Steunpunt mantelzorg",
            "Carers' support point",
            "دعم مقدمي الرعاية",
            "Bakım verenlere destek",
        ),
        "summary": (
            "Zorgt u voor een naaste? Wij denken mee en regelen even rust.",
            "Do you care for someone close? We think along and arrange a break for you.",
            "هل تعتني بشخص قريب منك؟ نساعدك وننظم لك وقتًا للراحة.",
            "Bir yakınınıza mı bakıyorsunuz? Birlikte düşünür, size dinlenme zamanı ayarlarız.",
        ),
        "audience": ("Mantelzorgers", "Carers", "من يعتني بقريب أو صديق", "Yakınına bakan kişiler"),
    },
    "voedselbank": {
        "org": "voedselbank",
        "topics": [Topic.FOOD, Topic.MONEY],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "ar"],
        "channels": [Channel.WALK_IN],
        "hours": [("kerkzaal", 2, "13:00", "15:00")],
        "name": (
            "Voedselbank uitgifte",
            "Food bank distribution",
            "توزيع بنك الطعام",
            "Gıda bankası dağıtımı",
        ),
        "summary": (
            "Elke week een pakket met eten voor wie het nodig heeft.",
            "A weekly food parcel for those who need it.",
            "طرد طعام كل أسبوع لمن يحتاجه.",
            "İhtiyacı olanlara her hafta bir gıda paketi.",
        ),
        "audience": (
            "Huishoudens met een verwijzing van het buurtteam",
            "Households referred by the neighbourhood team",
            "الأسر التي لديها إحالة من فريق الحي",
            "Mahalle ekibinden yönlendirmesi olan haneler",
        ),
    },
    "sociaal-makelaar": {
        "org": "welzijn",
        "topics": [Topic.LONELINESS, Topic.WORK],
        "cost": Cost.FREE,
        "languages": ["nl", "en"],
        "channels": [Channel.WALK_IN, Channel.APPOINTMENT],
        "hours": [("cafe", 0, "14:00", "16:00")],
        "name": ("Sociaal makelaar", "Community connector", "الوسيط الاجتماعي", "Sosyal aracı"),
        "summary": (
            "Wilt u iets organiseren of mensen ontmoeten? De sociaal makelaar brengt u in contact.",
            "Want to organise something or meet people? The community connector puts you in touch.",
            "تريد أن تنظم نشاطًا أو تتعرف على الناس؟ الوسيط الاجتماعي يربطك بهم.",
            "Bir etkinlik düzenlemek veya insanlarla tanışmak mı istiyorsunuz? Sosyal aracı "
            "sizi tanıştırır.",
        ),
    },
    "wijkverpleging": {
        "org": "gezondheid",
        "topics": [Topic.HEALTH, Topic.OLDER],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "tr"],
        "channels": [Channel.WALK_IN, Channel.PHONE],
        "hours": [("buurthuis", 1, "13:30", "15:00")],
        "name": (
            "Spreekuur wijkverpleging",
            "District nurse's hour",
            "ساعة ممرضة الحي",
            "Mahalle hemşiresi saati",
        ),
        "summary": (
            "Vragen over zorg thuis, wondjes of medicijnen? De wijkverpleegkundige helpt.",
            "Questions about care at home, small wounds or medicines? The district nurse helps.",
            "أسئلة عن الرعاية في البيت أو الجروح أو الأدوية؟ ممرضة الحي تساعدك.",
            "Evde bakım, yaralar veya ilaçlar hakkında sorular mı? Mahalle hemşiresi yardım eder.",
        ),
    },
    "jongerenwerk": {
        "org": "welzijn",
        "topics": [Topic.FAMILY, Topic.WORK],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "ar", "tr"],
        "channels": [Channel.WALK_IN, Channel.ONLINE],
        "hours": [("sporthal", 2, "15:00", "18:00"), ("sporthal", 4, "15:00", "18:00")],
        "name": ("Jongerenwerk", "Youth work", "العمل الشبابي", "Gençlik çalışması"),
        "summary": (
            "Een plek om te chillen, te sporten en te praten over school, werk of thuis.",
            "A place to hang out, do sports and talk about school, work or home.",
            "مكان للقاء والرياضة والحديث عن المدرسة أو العمل أو البيت.",
            "Takılmak, spor yapmak ve okul, iş veya ev hakkında konuşmak için bir yer.",
        ),
        "audience": (
            "Jongeren van 12 tot 23 jaar",
            "Young people aged 12 to 23",
            "الشباب من 12 إلى 23 سنة",
            "12-23 yaş arası gençler",
        ),
    },
    "huiswerkbegeleiding": {
        "org": "bibliotheek",
        "topics": [Topic.FAMILY, Topic.LANGUAGE],
        "cost": Cost.FREE,
        "languages": ["nl", "en"],
        "channels": [Channel.WALK_IN],
        "hours": [("bibliotheek", 0, "15:30", "17:30"), ("bibliotheek", 3, "15:30", "17:30")],
        "name": (
            "Huiswerkbegeleiding",
            "Homework support",
            "المساعدة في الواجبات المدرسية",
            "Ödev desteği",
        ),
        "summary": (
            "Vrijwilligers helpen kinderen met huiswerk en leren plannen.",
            "Volunteers help children with homework and with planning it.",
            "متطوعون يساعدون الأطفال في الواجبات وتنظيم الوقت.",
            "Gönüllüler çocuklara ödevde ve plan yapmayı öğrenmede yardım eder.",
        ),
        "audience": (
            "Kinderen van 9 tot 14 jaar",
            "Children aged 9 to 14",
            "الأطفال من 9 إلى 14 سنة",
            "9-14 yaş arası çocuklar",
        ),
    },
    "belastingaangifte": {
        "org": "bibliotheek",
        "topics": [Topic.MONEY, Topic.FORMS, Topic.DIGITAL],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "tr"],
        "channels": [Channel.WALK_IN, Channel.APPOINTMENT],
        "hours": [("bibliotheek", 5, "10:00", "12:00")],
        "name": (
            "Hulp bij belastingaangifte",
            "Help with your tax return",
            "المساعدة في التصريح الضريبي",
            "Vergi beyannamesi yardımı",
        ),
        "summary": (
            "Vrijwilligers vullen samen met u uw aangifte en toeslagen in.",
            "Volunteers fill in your tax return and benefit claims with you.",
            "متطوعون يملؤون معك التصريح الضريبي وطلبات الإعانات.",
            "Gönüllüler vergi beyannamenizi ve yardım başvurularınızı sizinle birlikte doldurur.",
        ),
        "audience": (
            "Bewoners met een laag inkomen",
            "Residents on a low income",
            "السكان ذوو الدخل المحدود",
            "Düşük gelirli sakinler",
        ),
    },
    "werk-inloop": {
        "org": "welzijn",
        "topics": [Topic.WORK],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "ar"],
        "channels": [Channel.WALK_IN, Channel.ONLINE],
        "hours": [("bibliotheek", 3, "10:00", "12:00")],
        "name": (
            "Inloop werk en vrijwilligerswerk",
            "Work and volunteering drop-in",
            "استقبال العمل والتطوع",
            "İş ve gönüllülük açık saati",
        ),
        "summary": (
            "Op zoek naar werk, een opleiding of vrijwilligerswerk? Wij zoeken met u mee.",
            "Looking for work, training or volunteering? We look with you.",
            "تبحث عن عمل أو تدريب أو عمل تطوعي؟ نبحث معك.",
            "İş, eğitim veya gönüllü çalışma mı arıyorsunuz? Sizinle birlikte arıyoruz.",
        ),
    },
    "kledingbank": {
        "org": "diaconie",
        "topics": [Topic.MONEY, Topic.FAMILY],
        "cost": Cost.FREE,
        "languages": ["nl", "ar"],
        "channels": [Channel.WALK_IN],
        "hours": [("kerkzaal", 5, "10:00", "13:00")],
        "name": ("Kledingbank", "Clothing bank", "بنك الملابس", "Giysi bankası"),
        "summary": (
            "Gratis kleding voor volwassenen en kinderen, schoon en in uw maat.",
            "Free clothes for adults and children, clean and in your size.",
            "ملابس مجانية نظيفة للكبار والأطفال.",
            "Yetişkinler ve çocuklar için ücretsiz, temiz giysiler.",
        ),
        "audience": (
            "Bewoners met een laag inkomen",
            "Residents on a low income",
            "السكان ذوو الدخل المحدود",
            "Düşük gelirli sakinler",
        ),
    },
    # City-wide: made once, with the first neighbourhood as the one that keeps them current.
    "energiecoach": {
        "org": "welzijn",
        "topics": [Topic.ENERGY, Topic.MONEY],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "pl"],
        "channels": [Channel.HOME_VISIT, Channel.PHONE],
        "hours": [(None, 1, "09:00", "17:00")],
        "city": True,
        "name": ("Energiecoach", "Energy coach", "مدرب الطاقة", "Enerji koçu"),
        "summary": (
            "Een energiecoach komt langs en helpt u energie en geld te besparen.",
            "An energy coach visits you and helps you save energy and money.",
            "يزورك مدرب الطاقة ويساعدك على توفير الطاقة والمال.",
            "Bir enerji koçu evinize gelir, enerji ve para tasarrufu yapmanıza yardım eder.",
        ),
    },
    "juridisch-loket": {
        "org": "buurtteam",
        "topics": [Topic.LEGAL, Topic.HOUSING],
        "cost": Cost.FREE,
        "languages": ["nl", "en"],
        "channels": [Channel.WALK_IN, Channel.PHONE],
        "hours": [("buurthuis", 1, "19:00", "21:00")],
        "city": True,
        "name": (
            "Juridisch spreekuur",
            "Free legal advice",
            "استشارة قانونية مجانية",
            "Ücretsiz hukuk danışmanlığı",
        ),
        "summary": (
            "Gratis advies over huur, werk, uitkering en schulden van een jurist.",
            "Free advice from a lawyer on rent, work, benefits and debts.",
            "نصيحة مجانية من محامٍ عن الإيجار والعمل والإعانة والديون.",
            "Kira, iş, sosyal yardım ve borçlar hakkında bir hukukçudan ücretsiz danışmanlık.",
        ),
    },
    "huurteam": {
        "org": "buurtteam",
        "topics": [Topic.HOUSING, Topic.LEGAL],
        "cost": Cost.FREE,
        "languages": ["nl", "en", "tr"],
        "channels": [Channel.WALK_IN, Channel.APPOINTMENT, Channel.PHONE],
        "hours": [("buurthuis", 2, "19:00", "20:30")],
        "city": True,
        "name": ("Huurteam", "Tenants' team", "فريق المستأجرين", "Kiracı ekibi"),
        "summary": (
            "Is uw huur te hoog of wordt er niet gerepareerd? Het huurteam komt voor u op.",
            "Is your rent too high or are repairs not done? The tenants' team stands up for you.",
            "إيجارك مرتفع أو لا يتم إصلاح بيتك؟ فريق المستأجرين يدافع عنك.",
            "Kiranız çok mu yüksek veya tamir yapılmıyor mu? Kiracı ekibi hakkınızı savunur.",
        ),
        "audience": ("Huurders", "Tenants", "المستأجرون", "Kiracılar"),
    },
}

for _key, _item in SERVICES.items():
    _item.setdefault("city", False)
    _item.setdefault("audience", NONE)
    _item.setdefault("cost_details", NONE)
    for _field in ("name", "summary", "audience", "cost_details"):
        if len(_item[_field]) != len(LANGUAGES):
            raise ValueError(f"{_key}: {_field} needs a text in each of {LANGUAGES}")
