"""Travel, directions and weather: templates over a small hand-written lexicon, plus hand-written sentences.

Everything here is written for the demo corpus of Tarjama Studio (English / French / Modern Standard Arabic).
Conjugations are written out per person (order of ``PERSONS``: I, you m., you f., he, she, we, you pl., they);
only the fully regular Arabic jussive/subjunctive (dropping the final ``ن`` of ``-ين``/``-ون``) is derived.
"""

from __future__ import annotations

import random

from engine.demo.corpus.common import PERSONS, Triple, balanced, capitalise, fr_elide

DOMAIN = "travel_weather"
TARGET = 3000


def _t(en: str, fr: str, ar: str) -> Triple:
    return Triple(en=en, fr=fr, ar=ar, domain=DOMAIN)


def _fr(text: str) -> str:
    """Elision/contraction, then the capital letter."""
    return capitalise(fr_elide(text))


def _w(text: str) -> list[str]:
    forms = text.split("|") if "|" in text else text.split()
    assert len(forms) == 8, text
    return forms


def _drop_n(pres: list[str]) -> list[str]:
    """Subjunctive (and jussive of sound verbs), unvocalised: -ين → -ي, -ون → -وا."""
    out = list(pres)
    out[2] = pres[2][:-1]
    out[6] = pres[6][:-1] + "ا"
    out[7] = pres[7][:-1] + "ا"
    return out


PIDX = {p: i for i, p in enumerate(PERSONS)}
EN_SUBJ = {"i": "I", "you_m": "you", "you_f": "you", "he": "he", "she": "she", "we": "we", "you_pl": "you",
           "they": "they"}
FR_SUBJ = {"i": "je", "you_m": "tu", "you_f": "tu", "he": "il", "she": "elle", "we": "nous", "you_pl": "vous",
           "they": "ils"}
AR_PRON = {"i": "أنا", "you_m": "أنت", "you_f": "أنتِ", "he": "هو", "she": "هي", "we": "نحن", "you_pl": "أنتم",
           "they": "هم"}
FR_AVOIR = _w("ai as as a a avons avez ont")
FR_ETRE = _w("suis es es est est sommes êtes sont")
FR_ETRE_IMP = _w("étais étais étais était était étions étiez étaient")
FR_ETRE_FUT = _w("serai seras seras sera sera serons serez seront")
AR_KANA = _w("كنت كنت كنتِ كان كانت كنا كنتم كانوا")
AR_YAKUN = _w("أكون تكون تكونين يكون تكون نكون تكونون يكونون")
AR_YAKUN_J = _w("أكن تكن تكوني يكن تكن نكن تكونوا يكونوا")
AR_LAYSA = _w("لست لست لستِ ليس ليست لسنا لستم ليسوا")
AR_LADA = _w("لدي لديك لديكِ لديه لديها لدينا لديكم لديهم")
EN_BE = {"i": "am", "you_m": "are", "you_f": "are", "he": "is", "she": "is", "we": "are", "you_pl": "are",
         "they": "are"}
EN_WAS = {"i": "was", "you_m": "were", "you_f": "were", "he": "was", "she": "was", "we": "were", "you_pl": "were",
          "they": "were"}
EN_POSS = {"i": "my", "you_m": "your", "you_f": "your", "he": "his", "she": "her", "we": "our", "you_pl": "your",
           "they": "their"}
AR_SUF = {"i": "ي", "you_m": "ك", "you_f": "كِ", "he": "ه", "she": "ها", "we": "نا", "you_pl": "كم", "they": "هم"}
FR_POSS = {  # (m sg / f sg before consonant, plural)
    "i": ("mon", "ma", "mes"), "you_m": ("ton", "ta", "tes"), "you_f": ("ton", "ta", "tes"),
    "he": ("son", "sa", "ses"), "she": ("son", "sa", "ses"), "we": ("notre", "notre", "nos"),
    "you_pl": ("votre", "votre", "vos"), "they": ("leur", "leur", "leurs")}
FR_PLURAL_P = {"we", "you_pl", "they"}
FR_FEM_P = {"you_f", "she"}
EN_3S = {"he", "she"}


def fr_poss(p: str, gender: str, plural: bool, word: str) -> str:
    m, f, pl = FR_POSS[p]
    if plural:
        return f"{pl} {word}"
    if gender == "f" and word[:1].lower() not in "aeiouéèêâîôh":
        return f"{f} {word}"
    return f"{m} {word}"


def ar_poss(noun: str, p: str) -> str:
    """``حقيبة`` + ``ي`` → ``حقيبتي``; ``جواز سفر`` + ``ي`` → ``جواز سفري`` (suffix on the last word)."""
    if noun.endswith("ة"):
        noun = noun[:-1] + "ت"
    return noun + AR_SUF[p]


def fr_pp(pp: str, p: str) -> str:
    """Participle agreeing with the subject (passé composé with être)."""
    if p in FR_PLURAL_P:
        return pp + "s"
    if p in FR_FEM_P:
        return pp + "e"
    return pp


class Verb:
    """One verb in three languages, every form written out per person."""

    def __init__(self, en: str, fr_pres: str, fr_fut: str, fr_aux: str, fr_pp: str, ar_past: str, ar_pres: str,
                 ar_juss: str | None = None):
        self.en_base, self.en_s3, self.en_past = en.split("|")
        self.fr_pres, self.fr_fut = _w(fr_pres), _w(fr_fut)
        self.fr_aux, self.fr_pp = fr_aux, fr_pp
        self.ar_past, self.ar_pres = _w(ar_past), _w(ar_pres)
        self.ar_subj = _drop_n(self.ar_pres)
        self.ar_juss = _w(ar_juss) if ar_juss else self.ar_subj


V_TRAVEL = Verb("travel|travels|travelled",
                "voyage voyages voyages voyage voyage voyageons voyagez voyagent",
                "voyagerai voyageras voyageras voyagera voyagera voyagerons voyagerez voyageront", "a", "voyagé",
                "سافرت سافرت سافرتِ سافر سافرت سافرنا سافرتم سافروا",
                "أسافر تسافر تسافرين يسافر تسافر نسافر تسافرون يسافرون")
V_GO = Verb("go|goes|went",
            "vais vas vas va va allons allez vont",
            "irai iras iras ira ira irons irez iront", "e", "allé",
            "ذهبت ذهبت ذهبتِ ذهب ذهبت ذهبنا ذهبتم ذهبوا",
            "أذهب تذهب تذهبين يذهب تذهب نذهب تذهبون يذهبون")
V_RETURN = Verb("go back|goes back|went back",
                "retourne retournes retournes retourne retourne retournons retournez retournent",
                "retournerai retourneras retourneras retournera retournera retournerons retournerez retourneront",
                "e", "retourné",
                "عدت عدت عدتِ عاد عادت عدنا عدتم عادوا",
                "أعود تعود تعودين يعود تعود نعود تعودون يعودون",
                "أعد تعد تعودي يعد تعد نعد تعودوا يعودوا")
V_ARRIVE = Verb("arrive|arrives|arrived",
                "arrive arrives arrives arrive arrive arrivons arrivez arrivent",
                "arriverai arriveras arriveras arrivera arrivera arriverons arriverez arriveront", "e", "arrivé",
                "وصلت وصلت وصلتِ وصل وصلت وصلنا وصلتم وصلوا",
                "أصل تصل تصلين يصل تصل نصل تصلون يصلون")
V_VISIT = Verb("visit|visits|visited",
               "visite visites visites visite visite visitons visitez visitent",
               "visiterai visiteras visiteras visitera visitera visiterons visiterez visiteront", "a", "visité",
               "زرت زرت زرتِ زار زارت زرنا زرتم زاروا",
               "أزور تزور تزورين يزور تزور نزور تزورون يزورون",
               "أزر تزر تزوري يزر تزر نزر تزوروا يزوروا")
V_LEAVE = Verb("leave|leaves|left",
               "quitte quittes quittes quitte quitte quittons quittez quittent",
               "quitterai quitteras quitteras quittera quittera quitterons quitterez quitteront", "a", "quitté",
               "غادرت غادرت غادرتِ غادر غادرت غادرنا غادرتم غادروا",
               "أغادر تغادر تغادرين يغادر تغادر نغادر تغادرون يغادرون")
V_BOOK = Verb("book|books|booked",
              "réserve réserves réserves réserve réserve réservons réservez réservent",
              "réserverai réserveras réserveras réservera réservera réserverons réserverez réserveront", "a",
              "réservé",
              "حجزت حجزت حجزتِ حجز حجزت حجزنا حجزتم حجزوا",
              "أحجز تحجز تحجزين يحجز تحجز نحجز تحجزون يحجزون")
V_STAY = Verb("stay|stays|stayed",
              "séjourne séjournes séjournes séjourne séjourne séjournons séjournez séjournent",
              "séjournerai séjourneras séjourneras séjournera séjournera séjournerons séjournerez séjourneront",
              "a", "séjourné",
              "نزلت نزلت نزلتِ نزل نزلت نزلنا نزلتم نزلوا",
              "أنزل تنزل تنزلين ينزل تنزل ننزل تنزلون ينزلون")
V_SPEND = Verb("spend|spends|spent",
               "passe passes passes passe passe passons passez passent",
               "passerai passeras passeras passera passera passerons passerez passeront", "a", "passé",
               "قضيت قضيت قضيتِ قضى قضت قضينا قضيتم قضوا",
               "أقضي تقضي تقضين يقضي تقضي نقضي تقضون يقضون",
               "أقض تقض تقضي يقض تقض نقض تقضوا يقضوا")
V_RENT = Verb("rent|rents|rented",
              "loue loues loues loue loue louons louez louent",
              "louerai loueras loueras louera louera louerons louerez loueront", "a", "loué",
              "استأجرت استأجرت استأجرتِ استأجر استأجرت استأجرنا استأجرتم استأجروا",
              "أستأجر تستأجر تستأجرين يستأجر تستأجر نستأجر تستأجرون يستأجرون")
V_TAKE = Verb("take|takes|took",
              "prends prends prends prend prend prenons prenez prennent",
              "prendrai prendras prendras prendra prendra prendrons prendrez prendront", "a", "pris",
              "أخذت أخذت أخذتِ أخذ أخذت أخذنا أخذتم أخذوا",
              "آخذ تأخذ تأخذين يأخذ تأخذ نأخذ تأخذون يأخذون")
V_LOSE = Verb("lose|loses|lost",
              "perds perds perds perd perd perdons perdez perdent",
              "perdrai perdras perdras perdra perdra perdrons perdrez perdront", "a", "perdu",
              "فقدت فقدت فقدتِ فقد فقدت فقدنا فقدتم فقدوا",
              "أفقد تفقد تفقدين يفقد تفقد نفقد تفقدون يفقدون")


class Subj:
    """A subject: a pronoun person (with an optional vocative) or a noun (Arabic verb before it, singular)."""

    def __init__(self, p: str, en: str, fr: str, ar_noun: str = "", voc: tuple[str, str, str] | None = None,
                 ar_p: str | None = None, question_ok: bool = True):
        self.p = p  # person for EN / FR agreement
        self.en, self.fr, self.ar_noun = en, fr, ar_noun
        self.voc = voc
        self.ar_p = ar_p or p  # person of the Arabic verb
        self.question_ok = question_ok

    @property
    def en_3s(self) -> bool:
        return self.p in EN_3S


VOC_M = [("Karim", "Karim", "يا كريم"), ("Omar", "Omar", "يا عمر"), ("Paul", "Paul", "يا بول"),
         ("Youssef", "Youssef", "يا يوسف")]
VOC_F = [("Sarah", "Sarah", "يا سارة"), ("Leila", "Leïla", "يا ليلى"), ("Nadia", "Nadia", "يا نادية"),
         ("Marie", "Marie", "يا ماري")]
VOC_PL = [("My friends", "Mes amis", "يا أصدقائي"), ("Children", "Les enfants", "يا أطفال"),
          ("Ladies and gentlemen", "Mesdames et messieurs", "سيداتي وسادتي")]


def pronoun_subjects() -> list[Subj]:
    out = [Subj(p, EN_SUBJ[p], FR_SUBJ[p]) for p in ("i", "you_m", "he", "she", "we", "they")]
    out += [Subj("you_m", "you", "tu", voc=v) for v in VOC_M[:2]]
    out += [Subj("you_f", "you", "tu", voc=v) for v in VOC_F]
    out += [Subj("you_pl", "you", "vous", voc=v) for v in VOC_PL]
    return out


NOUN_SUBJECTS = [
    Subj("he", "Karim", "Karim", "كريم"), Subj("he", "Omar", "Omar", "عمر"), Subj("he", "Pierre", "Pierre", "بيار"),
    Subj("he", "Youssef", "Youssef", "يوسف"), Subj("he", "Thomas", "Thomas", "توما"),
    Subj("she", "Sarah", "Sarah", "سارة"), Subj("she", "Leila", "Leïla", "ليلى"), Subj("she", "Amina", "Amina", "أمينة"),
    Subj("she", "Sophie", "Sophie", "صوفي"), Subj("she", "Julie", "Julie", "جولي"),
    Subj("he", "my brother", "mon frère", "أخي", question_ok=False),
    Subj("she", "my sister", "ma sœur", "أختي", question_ok=False),
    Subj("he", "my father", "mon père", "أبي", question_ok=False),
    Subj("she", "my mother", "ma mère", "أمي", question_ok=False),
    Subj("they", "my parents", "mes parents", "والداي", ar_p="he", question_ok=False),
    Subj("they", "the tourists", "les touristes", "السياح", ar_p="he"),
    Subj("they", "our neighbours", "nos voisins", "جيراننا", ar_p="he", question_ok=False),
    Subj("they", "the students", "les étudiants", "الطلاب", ar_p="he"),
    Subj("they", "my cousins", "mes cousins", "أبناء عمي", ar_p="he", question_ok=False),
]


class Dest:
    """A city or a country: English name, French name and its ``à``/``en``/``de`` forms, Arabic name."""

    def __init__(self, en: str, fr: str, fr_to: str, fr_de: str, ar: str, country: bool = False,
                 fr_def: str | None = None, region: str = ""):
        self.en, self.fr, self.fr_to, self.fr_de, self.ar = en, fr, fr_to, fr_de, ar
        self.country = country
        self.fr_def = fr_def or fr  # with its article, as an object: "l'Espagne", "Rome"
        self.region = region


def _city(en: str, fr: str, ar: str, region: str, fr_to: str | None = None, fr_de: str | None = None) -> Dest:
    if fr_de is None:
        fr_de = ("d'" + fr) if fr[:1].lower() in "aeiouéèê" else "de " + fr
    return Dest(en, fr, fr_to or "à " + fr, fr_de, ar, region=region)


CITIES = [
    _city("Paris", "Paris", "باريس", "fr"), _city("Lyon", "Lyon", "ليون", "fr"),
    _city("Marseille", "Marseille", "مرسيليا", "fr"), _city("Nice", "Nice", "نيس", "fr"),
    _city("Toulouse", "Toulouse", "تولوز", "fr"), _city("Bordeaux", "Bordeaux", "بوردو", "fr"),
    _city("Rome", "Rome", "روما", "eu"), _city("Madrid", "Madrid", "مدريد", "eu"),
    _city("Barcelona", "Barcelone", "برشلونة", "eu"), _city("Lisbon", "Lisbonne", "لشبونة", "eu"),
    _city("London", "Londres", "لندن", "eu"), _city("Berlin", "Berlin", "برلين", "eu"),
    _city("Brussels", "Bruxelles", "بروكسل", "eu"), _city("Geneva", "Genève", "جنيف", "eu"),
    _city("Athens", "Athènes", "أثينا", "eu"), _city("Istanbul", "Istanbul", "إسطنبول", "eu"),
    _city("Cairo", "Le Caire", "القاهرة", "me", "au Caire", "du Caire"),
    _city("Tunis", "Tunis", "تونس", "ma"), _city("Algiers", "Alger", "الجزائر", "ma"),
    _city("Casablanca", "Casablanca", "الدار البيضاء", "ma"), _city("Rabat", "Rabat", "الرباط", "ma"),
    _city("Marrakesh", "Marrakech", "مراكش", "ma"), _city("Beirut", "Beyrouth", "بيروت", "me"),
    _city("Amman", "Amman", "عمّان", "me"), _city("Dubai", "Dubaï", "دبي", "me"),
    _city("Doha", "Doha", "الدوحة", "me"), _city("Montreal", "Montréal", "مونتريال", "am"),
    _city("Tokyo", "Tokyo", "طوكيو", "as"),
]
CITY = {c.en: c for c in CITIES}


def _country(en: str, fr_def: str, fr_to: str, fr_de: str, ar: str) -> Dest:
    return Dest(en, fr_def, fr_to, fr_de, ar, country=True, fr_def=fr_def)


COUNTRIES = [
    _country("France", "la France", "en France", "de France", "فرنسا"),
    _country("Morocco", "le Maroc", "au Maroc", "du Maroc", "المغرب"),
    _country("Egypt", "l'Égypte", "en Égypte", "d'Égypte", "مصر"),
    _country("Spain", "l'Espagne", "en Espagne", "d'Espagne", "إسبانيا"),
    _country("Italy", "l'Italie", "en Italie", "d'Italie", "إيطاليا"),
    _country("Tunisia", "la Tunisie", "en Tunisie", "de Tunisie", "تونس"),
    _country("Lebanon", "le Liban", "au Liban", "du Liban", "لبنان"),
    _country("Jordan", "la Jordanie", "en Jordanie", "de Jordanie", "الأردن"),
    _country("Canada", "le Canada", "au Canada", "du Canada", "كندا"),
    _country("Japan", "le Japon", "au Japon", "du Japon", "اليابان"),
    _country("Germany", "l'Allemagne", "en Allemagne", "d'Allemagne", "ألمانيا"),
    _country("Turkey", "la Turquie", "en Turquie", "de Turquie", "تركيا"),
    _country("Greece", "la Grèce", "en Grèce", "de Grèce", "اليونان"),
    _country("Portugal", "le Portugal", "au Portugal", "du Portugal", "البرتغال"),
    _country("Algeria", "l'Algérie", "en Algérie", "d'Algérie", "الجزائر"),
    _country("Switzerland", "la Suisse", "en Suisse", "de Suisse", "سويسرا"),
    _country("Belgium", "la Belgique", "en Belgique", "de Belgique", "بلجيكا"),
    _country("Qatar", "le Qatar", "au Qatar", "du Qatar", "قطر"),
]
DESTS = CITIES + COUNTRIES

ADV = {
    "past": [("yesterday", "hier", "أمس"), ("last week", "la semaine dernière", "الأسبوع الماضي"),
             ("last month", "le mois dernier", "الشهر الماضي"), ("last year", "l'année dernière", "العام الماضي"),
             ("last summer", "l'été dernier", "الصيف الماضي"), ("two days ago", "il y a deux jours", "قبل يومين"),
             ("three weeks ago", "il y a trois semaines", "قبل ثلاثة أسابيع"),
             ("last winter", "l'hiver dernier", "الشتاء الماضي")],
    "pres": [("every summer", "chaque été", "كل صيف"), ("every year", "chaque année", "كل عام"),
             ("every month", "tous les mois", "كل شهر"), ("every winter", "chaque hiver", "كل شتاء"),
             ("twice a year", "deux fois par an", "مرتين في السنة"),
             ("every spring", "chaque printemps", "كل ربيع")],
    "fut": [("tomorrow", "demain", "غدًا"), ("next week", "la semaine prochaine", "الأسبوع القادم"),
            ("next month", "le mois prochain", "الشهر القادم"), ("next year", "l'année prochaine", "العام القادم"),
            ("next summer", "l'été prochain", "الصيف القادم"), ("in two weeks", "dans deux semaines", "بعد أسبوعين"),
            ("on Monday", "lundi", "يوم الاثنين"), ("this weekend", "ce week-end", "في نهاية هذا الأسبوع")],
}
TENSES = ("past", "pres", "fut")


def clause(s: Subj, v: Verb, tense: str, neg: bool, q: bool, en_c: str, fr_c: str, ar_c: str,
           adv: tuple[str, str, str] | None, short: bool = False) -> Triple:
    """One simple clause ``S V complement adverb`` in three languages (statement or yes/no question)."""
    i, ia = PIDX[s.p], PIDX[s.ar_p]
    # English
    if q:
        aux = {"pres": "does" if s.en_3s else "do", "past": "did", "fut": "will"}[tense]
        core = f"{aux} {s.en} {v.en_base}"
    else:
        if tense == "pres":
            if neg:
                vb = (("doesn't" if short else "does not") if s.en_3s else ("don't" if short else "do not"))
                vb += " " + v.en_base
            else:
                vb = v.en_s3 if s.en_3s else v.en_base
        elif tense == "past":
            vb = (("didn't " if short else "did not ") + v.en_base) if neg else v.en_past
        else:
            vb = (("won't " if short else "will not ") if neg else "will ") + v.en_base
        core = f"{s.en} {vb}"
    en = " ".join(x for x in (core, en_c, adv[0] if adv else "") if x)
    # French
    if tense == "pres":
        vb = v.fr_pres[i]
        vb = f"ne {vb} pas" if neg else vb
    elif tense == "past":
        aux = (FR_AVOIR if v.fr_aux == "a" else FR_ETRE)[i]
        pp = v.fr_pp if v.fr_aux == "a" else fr_pp(v.fr_pp, s.p)
        vb = f"ne {aux} pas {pp}" if neg else f"{aux} {pp}"
    else:
        vb = v.fr_fut[i]
        vb = f"ne {vb} pas" if neg else vb
    if neg:  # "pas de" after a negation: "je n'ai pas loué de voiture"
        for art in ("un ", "une ", "des "):
            if fr_c.startswith(art):
                fr_c = "de " + fr_c[len(art):]
    fr = " ".join(x for x in (s.fr, vb, fr_c, adv[1] if adv else "") if x)
    if q:
        fr = "est-ce que " + fr
    # Arabic
    if tense == "pres":
        vb = ("لا " if neg else "") + v.ar_pres[ia]
    elif tense == "past":
        vb = ("لم " + v.ar_juss[ia]) if neg else v.ar_past[ia]
    else:
        vb = ("لن " + v.ar_subj[ia]) if neg else "س" + v.ar_pres[ia]
    ar = " ".join(x for x in (vb, s.ar_noun, ar_c, adv[2] if adv else "") if x)
    if q:
        ar = "هل " + ar
    if s.voc:
        en = f"{s.voc[0]}, {en}"
        fr = f"{s.voc[1]}, {fr}"
        ar = f"{s.voc[2]}، {ar}"
    end_en, end_fr, end_ar = ("?", " ?", "؟") if q else (".", ".", ".")
    return _t(capitalise(en) + end_en, _fr(fr) + end_fr, ar + end_ar)


def _uniq(items: list[Triple]) -> list[Triple]:
    """Drops any triple whose English or French source was already seen."""
    seen_en: set[str] = set()
    seen_fr: set[str] = set()
    out = []
    for t in items:
        if t.en in seen_en or t.fr in seen_fr:
            continue
        seen_en.add(t.en)
        seen_fr.add(t.fr)
        out.append(t)
    return out


def _subjects(with_nouns: bool = True) -> list[Subj]:
    return pronoun_subjects() + (NOUN_SUBJECTS if with_nouns else [])


# ---------------------------------------------------------------- travel: verbs of movement
def _dest_c(v: Verb, d: Dest) -> tuple[str, str, str]:
    if v in (V_VISIT, V_LEAVE):
        return d.en, d.fr_def, d.ar
    if v is V_ARRIVE:
        return f"in {d.en}", d.fr_to, f"إلى {d.ar}"
    return f"to {d.en}", d.fr_to, f"إلى {d.ar}"


def _movement(verbs: list[Verb], seed: int, question: bool = False, n: int = 500) -> list[Triple]:
    rng = random.Random(seed)
    subs = [s for s in _subjects() if s.question_ok or not question]
    out = []
    for _ in range(n):
        s, v, d = rng.choice(subs), rng.choice(verbs), rng.choice(DESTS)
        tense = rng.choice(TENSES)
        neg = (not question) and tense != "pres" and rng.random() < 0.4
        adv = rng.choice(ADV[tense]) if (tense == "pres" or rng.random() < 0.85) else None
        out.append(clause(s, v, tense, neg, question, *_dest_c(v, d), adv, short=rng.random() < 0.4))
    return _uniq(out)


def g_travel_go() -> list[Triple]:
    return _movement([V_TRAVEL, V_GO], 101)


def g_arrive_return() -> list[Triple]:
    return _movement([V_ARRIVE, V_RETURN], 102)


def g_visit_leave() -> list[Triple]:
    return _movement([V_VISIT, V_LEAVE], 103)


def g_movement_questions() -> list[Triple]:
    return _movement([V_TRAVEL, V_GO, V_ARRIVE, V_RETURN, V_VISIT, V_LEAVE], 104, question=True)


MODES_CITY = [("by train", "en train", "بالقطار"), ("by plane", "en avion", "بالطائرة"),
              ("by bus", "en autocar", "بالحافلة"), ("by car", "en voiture", "بالسيارة")]
MODES_TOWN = [("by bus", "en bus", "بالحافلة"), ("by taxi", "en taxi", "بسيارة أجرة"),
              ("by metro", "en métro", "بالمترو"), ("on foot", "à pied", "سيرًا على الأقدام"),
              ("by bike", "à vélo", "بالدراجة"), ("by car", "en voiture", "بالسيارة"),
              ("by tram", "en tramway", "بالترام")]


class Place:
    """A place in town: English, French (definite, indefinite), Arabic (definite, indefinite), genders."""

    def __init__(self, en: str, fr: str, fr_ind: str | None, fr_g: str, ar: str, ar_ind: str | None, ar_g: str,
                 fr_in: str | None = None):
        self.en, self.fr, self.fr_ind, self.fr_g = en, fr, fr_ind, fr_g
        self.ar, self.ar_ind, self.ar_g = ar, ar_ind, ar_g
        self.fr_in = fr_in  # locative, when not "à" + article

    @property
    def fr_at(self) -> str:
        return self.fr_in or f"à {self.fr}"


PLACES = [
    Place("the train station", "la gare", "une gare", "f", "محطة القطار", "محطة قطار", "f"),
    Place("the bus station", "la gare routière", "une gare routière", "f", "محطة الحافلات", "محطة حافلات", "f"),
    Place("the airport", "l'aéroport", "un aéroport", "m", "المطار", "مطار", "m"),
    Place("the museum", "le musée", "un musée", "m", "المتحف", "متحف", "m"),
    Place("the post office", "la poste", "un bureau de poste", "f", "مكتب البريد", "مكتب بريد", "m"),
    Place("the bank", "la banque", "une banque", "f", "البنك", "بنك", "m"),
    Place("the pharmacy", "la pharmacie", "une pharmacie", "f", "الصيدلية", "صيدلية", "f"),
    Place("the hospital", "l'hôpital", "un hôpital", "m", "المستشفى", "مستشفى", "m"),
    Place("the hotel", "l'hôtel", "un hôtel", "m", "الفندق", "فندق", "m"),
    Place("the beach", "la plage", "une plage", "f", "الشاطئ", "شاطئ", "m"),
    Place("the market", "le marché", "un marché", "m", "السوق", "سوق", "f"),
    Place("the city centre", "le centre-ville", None, "m", "وسط المدينة", None, "m", "dans le centre-ville"),
    Place("the mosque", "la mosquée", "une mosquée", "f", "المسجد", "مسجد", "m"),
    Place("the park", "le parc", "un parc", "m", "الحديقة", "حديقة", "f", "dans le parc"),
    Place("the library", "la bibliothèque", "une bibliothèque", "f", "المكتبة", "مكتبة", "f"),
    Place("the tourist office", "l'office de tourisme", "un office de tourisme", "m", "مكتب السياحة",
          "مكتب سياحة", "m"),
    Place("the metro station", "la station de métro", "une station de métro", "f", "محطة المترو", "محطة مترو",
          "f"),
    Place("the port", "le port", "un port", "m", "الميناء", "ميناء", "m"),
    Place("the restaurant", "le restaurant", "un restaurant", "m", "المطعم", "مطعم", "m"),
    Place("the French embassy", "l'ambassade de France", None, "f", "السفارة الفرنسية", None, "f"),
    Place("the bridge", "le pont", None, "m", "الجسر", None, "m", "sur le pont"),
    Place("the university", "l'université", "une université", "f", "الجامعة", "جامعة", "f"),
    Place("the café", "le café", "un café", "m", "المقهى", "مقهى", "m"),
    Place("the cathedral", "la cathédrale", None, "f", "الكاتدرائية", None, "f"),
    Place("the taxi rank", "la station de taxis", "une station de taxis", "f", "موقف سيارات الأجرة",
          "موقف لسيارات الأجرة", "m"),
    Place("the cash machine", "le distributeur de billets", "un distributeur de billets", "m", "الصراف الآلي",
          "صراف آلي", "m"),
    Place("the swimming pool", "la piscine", "une piscine", "f", "المسبح", "مسبح", "m"),
    Place("the old town", "la vieille ville", None, "f", "المدينة القديمة", None, "f", "dans la vieille ville"),
    Place("the castle", "le château", None, "m", "القلعة", None, "f"),
    Place("the stadium", "le stade", "un stade", "m", "الملعب", "ملعب", "m"),
]
PLACE = {p.en: p for p in PLACES}
DESTINATION_PLACES = [p for p in PLACES if p.en not in ("the bridge", "the cash machine", "the taxi rank")]


def g_modes() -> list[Triple]:
    """``We travelled to Lyon by train last week.`` / ``I go to the museum on foot.``"""
    rng = random.Random(105)
    out = []
    subs = _subjects()
    for _ in range(500):
        s, tense = rng.choice(subs), rng.choice(TENSES)
        neg = rng.random() < 0.25
        if rng.random() < 0.5:
            d, m, v = rng.choice(DESTS), rng.choice(MODES_CITY), rng.choice([V_TRAVEL, V_GO])
            if d.region in ("am", "as") and m[0] != "by plane":
                continue
            en_c, fr_c, ar_c = f"to {d.en} {m[0]}", f"{d.fr_to} {m[1]}", f"إلى {d.ar} {m[2]}"
        else:
            p, m, v = rng.choice(DESTINATION_PLACES), rng.choice(MODES_TOWN), V_GO
            en_c, fr_c, ar_c = f"to {p.en} {m[0]}", f"à {p.fr} {m[1]}", f"إلى {p.ar} {m[2]}"
        adv = rng.choice(ADV[tense]) if tense != "fut" or rng.random() < 0.7 else None
        if adv and adv[0] in ("last year", "next year", "twice a year", "in two weeks", "three weeks ago"):
            adv = None if tense != "pres" else ("every day", "tous les jours", "كل يوم")
        out.append(clause(s, v, tense, neg, False, en_c, fr_c, ar_c, adv, short=rng.random() < 0.4))
    return _uniq(out)


# ---------------------------------------------------------------- asking the way, directions, distances
def _en_a(bare: str) -> str:
    return ("an " if bare[:1] in "aeiou" else "a ") + bare


EXCUSE = [("Excuse me, ", "Excusez-moi, ", "عفوًا، "), ("Sorry, ", "Pardon, ", "المعذرة، "), ("", "", "")]


def g_ask_where() -> list[Triple]:
    out = []
    for _k, p in enumerate(PLACES):
        for _j, (ee, fe, ae) in enumerate(EXCUSE):
            ve = "يقع" if p.ar_g == "m" else "تقع"
            lo = lambda s, ee=ee: s[:1].lower() + s[1:] if (ee and not s.startswith("I ")) else s  # noqa: E731
            out.append(_t(capitalise(ee + lo(f"Where is {p.en}?")), _fr(fe + f"où est {p.fr} ?"),
                          f"{ae}أين {p.ar}؟"))
            out.append(_t(capitalise(ee + lo(f"Where can I find {p.en}?")), _fr(fe + f"où se trouve {p.fr} ?"),
                          f"{ae}أين {ve} {p.ar}؟"))
            out.append(_t(capitalise(ee + lo(f"How do I get to {p.en}?")), _fr(fe + f"comment aller à {p.fr} ?"),
                          f"{ae}كيف أصل إلى {p.ar}؟"))
            out.append(_t(capitalise(ee + lo(f"Can you tell me the way to {p.en}?")),
                          _fr(fe + f"pouvez-vous m'indiquer le chemin pour aller à {p.fr} ?"),
                          f"{ae}هل يمكنك أن تدلني على الطريق إلى {p.ar}؟"))
            if p.ar_ind and p.en.startswith("the "):
                plus = "le plus proche" if p.fr_g == "m" else "la plus proche"
                out.append(_t(capitalise(ee + lo(f"Where is the nearest {p.en[4:]}?")),
                              _fr(fe + f"où est {p.fr} {plus} ?"), f"{ae}أين أقرب {p.ar_ind}؟"))
    return _uniq(out)


def g_far_near() -> list[Triple]:
    out = []
    rng = random.Random(106)
    for p in PLACES:
        far = "بعيد" if p.ar_g == "m" else "بعيدة"
        near = "قريب" if p.ar_g == "m" else "قريبة"
        out.append(_t(f"Is {p.en} far from here?", _fr(f"est-ce que {p.fr} est loin d'ici ?"),
                      f"هل {p.ar} {far} عن هنا؟"))
        out.append(_t(f"Is {p.en} far from the hotel?", _fr(f"est-ce que {p.fr} est loin de l'hôtel ?"),
                      f"هل {p.ar} {far} عن الفندق؟") if p.en != "the hotel" else None)
        if p.ar_ind and p.fr_ind:
            bare = p.en[4:]
            yu = "يوجد" if p.ar_g == "m" else "توجد"
            out.append(_t(f"Is there {_en_a(bare)} near here?", _fr(f"est-ce qu'il y a {p.fr_ind} près d'ici ?"),
                          f"هل {yu} {p.ar_ind} {near} من هنا؟"))
            out.append(_t(f"There is {_en_a(bare)} near the station.",
                          _fr(f"il y a {p.fr_ind} près de la gare."), f"{yu} {p.ar_ind} قرب محطة القطار.")
                       if p.en != "the train station" else None)
        n = rng.choice([3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25])
        mins = ar_count(n, "دقيقة", "دقائق", "دقيقة")
        la = "ليس بعيدًا" if p.ar_g == "m" else "ليست بعيدة"
        pr = "إنه" if p.ar_g == "m" else "إنها"
        fr_pr = "il" if p.fr_g == "m" else "elle"
        out.append(_t(f"{capitalise(p.en)} is not far; it is a {n}-minute walk.",
                      _fr(f"{p.fr} n'est pas loin : {fr_pr} est à {n} minutes à pied."),
                      f"{p.ar} {la}، {pr} على بعد {mins} سيرًا على الأقدام."))
    return _uniq([t for t in out if t])


STEPS = [
    ("go straight on", "allez tout droit", "امش مستقيمًا"),
    ("turn left", "tournez à gauche", "انعطف يسارًا"),
    ("turn right", "tournez à droite", "انعطف يمينًا"),
    ("take the first street on the left", "prenez la première rue à gauche", "خذ الشارع الأول على اليسار"),
    ("take the second street on the right", "prenez la deuxième rue à droite", "خذ الشارع الثاني على اليمين"),
    ("take the third street on the left", "prenez la troisième rue à gauche", "خذ الشارع الثالث على اليسار"),
    ("cross the bridge", "traversez le pont", "اعبر الجسر"),
    ("cross the square", "traversez la place", "اعبر الساحة"),
    ("go past the bank", "passez devant la banque", "مر أمام البنك"),
    ("go past the church", "passez devant l'église", "مر أمام الكنيسة"),
    ("walk for five minutes", "marchez pendant cinq minutes", "امش خمس دقائق"),
    ("walk to the end of the street", "allez jusqu'au bout de la rue", "امش حتى نهاية الشارع"),
    ("at the traffic lights, turn right", "au feu, tournez à droite", "عند الإشارة الضوئية، انعطف يمينًا"),
    ("at the traffic lights, turn left", "au feu, tournez à gauche", "عند الإشارة الضوئية، انعطف يسارًا"),
    ("at the roundabout, take the second exit", "au rond-point, prenez la deuxième sortie",
     "عند الدوار، خذ المخرج الثاني"),
    ("follow the signs", "suivez les panneaux", "اتبع اللافتات"),
    ("go down the stairs", "descendez l'escalier", "انزل الدرج"),
    ("take bus number 12", "prenez le bus numéro 12", "اركب الحافلة رقم 12"),
    ("get off at the third stop", "descendez au troisième arrêt", "انزل في المحطة الثالثة"),
    ("walk along the river", "longez la rivière", "امش بمحاذاة النهر"),
]
ENDS = [
    ("{en} is on your left", "{fr} est sur votre gauche", "ستجد {ar} على يسارك"),
    ("{en} is on your right", "{fr} est sur votre droite", "ستجد {ar} على يمينك"),
    ("you will see {en} in front of you", "vous verrez {fr} devant vous", "سترى {ar} أمامك"),
    ("{en} is at the end of the street", "{fr} est au bout de la rue", "ستجد {ar} في نهاية الشارع"),
    ("{en} is opposite the park", "{fr} est en face du parc", "ستجد {ar} مقابل الحديقة"),
]


def g_directions() -> list[Triple]:
    rng = random.Random(107)
    out = []
    targets = [p for p in PLACES if p.en not in ("the city centre", "the old town", "the park", "the bridge")]
    for _ in range(600):
        a, b = rng.sample(STEPS, 2)
        if a[0].startswith("at the") and b[0].startswith("at the"):
            continue
        if rng.random() < 0.6:
            p, e = rng.choice(targets), rng.choice(ENDS)
            en = f"{a[0]}, then {b[0]}, and " + e[0].format(en=p.en) + "."
            fr = f"{a[1]}, puis {b[1]}, et " + e[1].format(fr=p.fr) + "."
            ar = f"{a[2]}، ثم {b[2]}، و" + e[2].format(ar=p.ar) + "."
        elif rng.random() < 0.5:
            en, fr, ar = f"{a[0]}, then {b[0]}.", f"{a[1]}, puis {b[1]}.", f"{a[2]}، ثم {b[2]}."
        else:
            p = rng.choice(targets)
            en = f"To get to {p.en}, {a[0]} and then {b[0]}."
            fr = f"pour aller à {p.fr}, {a[1]}, puis {b[1]}."
            ar = f"للوصول إلى {p.ar}، {a[2]} ثم {b[2]}."
        out.append(_t(capitalise(en), _fr(fr), ar))
    return _uniq(out)


RELS = [("next to", "à côté de", "بجانب", None), ("opposite", "en face de", "مقابل", None),
        ("behind", "derrière", "خلف", None), ("in front of", "devant", "أمام", None),
        ("near", "près de", ("قريب من", "قريبة من"), ("قريبًا من", "قريبة من")),
        ("far from", "loin de", ("بعيد عن", "بعيدة عن"), ("بعيدًا عن", "بعيدة عن"))]


def g_relations() -> list[Triple]:
    rng = random.Random(108)
    out = []
    for _ in range(500):
        a, b = rng.sample(PLACES, 2)
        if "city centre" in a.en or "old town" in a.en:
            continue
        en_r, fr_r, ar_r, ar_acc = rng.choice(RELS)
        g = 0 if a.ar_g == "m" else 1
        mode = rng.choice(["aff", "aff", "neg", "q"])
        rel = ar_r if isinstance(ar_r, str) else ar_r[g]
        if mode == "aff":
            out.append(_t(f"{capitalise(a.en)} is {en_r} {b.en}.", _fr(f"{a.fr} est {fr_r} {b.fr}."),
                          f"{a.ar} {rel} {b.ar}."))
        elif mode == "neg":
            laysa = "ليس" if g == 0 else "ليست"
            rel_n = rel if isinstance(ar_r, str) else ar_acc[g]
            out.append(_t(f"{capitalise(a.en)} is not {en_r} {b.en}.", _fr(f"{a.fr} ne est pas {fr_r} {b.fr}."),
                          f"{a.ar} {laysa} {rel_n} {b.ar}."))
        else:
            out.append(_t(f"Is {a.en} {en_r} {b.en}?", _fr(f"est-ce que {a.fr} est {fr_r} {b.fr} ?"),
                          f"هل {a.ar} {rel} {b.ar}؟"))
    return _uniq(out)


def ar_count(n: int, sg: str, pl: str, acc: str) -> str:
    """Digits with the counted noun: 3–10 plural, 11–99 singular accusative, round hundreds singular."""
    last = n % 100
    assert n > 2 and last not in (1, 2), n
    if 3 <= last <= 10:
        return f"{n} {pl}"
    if last == 0:
        return f"{n} {sg}"
    return f"{n} {acc}"


DIST_PAIRS = [("Paris", "Lyon", 465), ("Paris", "Marseille", 775), ("Paris", "Bordeaux", 585),
              ("Paris", "Toulouse", 680), ("Lyon", "Marseille", 315), ("Marseille", "Nice", 200),
              ("Toulouse", "Bordeaux", 245), ("Paris", "Brussels", 310), ("Lyon", "Geneva", 150),
              ("Madrid", "Barcelona", 620), ("Rabat", "Casablanca", 90), ("Casablanca", "Marrakesh", 240),
              ("Rabat", "Marrakesh", 320), ("Lisbon", "Madrid", 625), ("Toulouse", "Marseille", 405),
              ("Nice", "Lyon", 470), ("Brussels", "London", 370), ("Beirut", "Amman", 230),
              ("Dubai", "Doha", 380), ("Lyon", "Toulouse", 535)]


def g_distance() -> list[Triple]:
    rng = random.Random(109)
    out = []
    for a, b, km in DIST_PAIRS:
        for x, y in ((CITY[a], CITY[b]), (CITY[b], CITY[a])):
            n = ar_count(km, "كيلومتر", "كيلومترات", "كيلومترًا")
            out.append(_t(f"{x.en} is {km} kilometres from {y.en}.", _fr(f"{x.fr} est à {km} kilomètres {y.fr_de}."),
                          f"تبعد {x.ar} {n} عن {y.ar}."))
            out.append(_t(f"How far is {x.en} from {y.en}?", _fr(f"à quelle distance {y.fr_de} se trouve {x.fr} ?"),
                          f"كم تبعد {x.ar} عن {y.ar}؟"))
    modes = [("on foot", "à pied", "سيرًا على الأقدام"), ("by car", "en voiture", "بالسيارة"),
             ("by bus", "en bus", "بالحافلة"), ("by metro", "en métro", "بالمترو")]
    for _ in range(400):
        a, b = rng.sample(DESTINATION_PLACES, 2)
        v = "يبعد" if a.ar_g == "m" else "تبعد"
        if rng.random() < 0.3 and a.en == "the airport":
            km = rng.choice([12, 15, 18, 20, 25, 30, 35, 40])
            n = ar_count(km, "كيلومتر", "كيلومترات", "كيلومترًا")
            out.append(_t(f"The airport is {km} kilometres from {b.en}.",
                          _fr(f"l'aéroport est à {km} kilomètres de {b.fr}."), f"يبعد المطار {n} عن {b.ar}."))
            continue
        m = rng.choice(modes)
        mins = rng.choice([3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30])
        n = ar_count(mins, "دقيقة", "دقائق", "دقيقة")
        if rng.random() < 0.75:
            out.append(_t(f"{capitalise(a.en)} is {mins} minutes from {b.en} {m[0]}.",
                          _fr(f"{a.fr} est à {mins} minutes de {b.fr} {m[1]}."),
                          f"{v} {a.ar} {n} عن {b.ar} {m[2]}."))
        else:
            out.append(_t(f"How far is {a.en} from {b.en}?", _fr(f"à quelle distance de {b.fr} se trouve {a.fr} ?"),
                          f"كم {v} {a.ar} عن {b.ar}؟"))
    return _uniq(out)


# ---------------------------------------------------------------- timetables, tickets, journeys
EN_NUM = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
          10: "ten"}
FR_NUM = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf",
          10: "dix"}
AR_NUM_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}  # feminine noun
AR_NUM_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}

VEHICLES = [  # en, fr, ar, ar gender, which cities
    ("train", "train", "القطار", "m", ("fr", "eu")),
    ("bus", "car", "الحافلة", "f", ("fr", "ma")),
    ("flight", "vol", "الرحلة", "f", ("fr", "eu", "ma", "me", "am", "as")),
    ("boat", "bateau", "السفينة", "f", ("port",)),
]
PORTS = {"Marseille", "Nice", "Tunis", "Algiers", "Barcelona", "Athens", "Istanbul"}


def _time(rng: random.Random) -> tuple[str, str, str]:
    h, m = rng.randint(5, 23), rng.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55])
    en = f"{h}:{m:02d}"
    fr = f"{h} h {m:02d}" if m else f"{h} h"
    return en, fr, en


def g_timetable() -> list[Triple]:
    rng = random.Random(110)
    out = []
    for _ in range(700):
        en_v, fr_v, ar_v, g, regions = rng.choice(VEHICLES)
        cities = [c for c in CITIES if c.region in regions or ("port" in regions and c.en in PORTS)]
        c = rng.choice(cities)
        te, tf, ta = _time(rng)
        f = g == "f"
        dest_ar = f"{ar_v} {'المتجهة' if f else 'المتجه'} إلى {c.ar}"
        from_ar = f"{ar_v} {'القادمة' if f else 'القادم'} من {c.ar}"
        leave = "تغادر" if f else "يغادر"
        arrive = "تصل" if f else "يصل"
        kind = rng.randrange(9)
        if kind == 0:
            out.append(_t(f"The {en_v} to {c.en} leaves at {te}.", _fr(f"le {fr_v} pour {c.fr} part à {tf}."),
                          f"{leave} {dest_ar} في الساعة {ta}."))
        elif kind == 1:
            out.append(_t(f"The {en_v} from {c.en} arrives at {te}.",
                          _fr(f"le {fr_v} en provenance {c.fr_de} arrive à {tf}."),
                          f"{arrive} {from_ar} في الساعة {ta}."))
        elif kind == 2:
            out.append(_t(f"What time does the {en_v} to {c.en} leave?", _fr(f"à quelle heure part le {fr_v} pour {c.fr} ?"),
                          f"متى {leave} {dest_ar}؟"))
        elif kind == 3:
            out.append(_t(f"The {en_v} to {c.en} left at {te}.", _fr(f"le {fr_v} pour {c.fr} est parti à {tf}."),
                          f"{'غادرت' if f else 'غادر'} {dest_ar} في الساعة {ta}."))
        elif kind == 4:
            out.append(_t(f"The {en_v} from {c.en} will arrive at {te}.",
                          _fr(f"le {fr_v} en provenance {c.fr_de} arrivera à {tf}."),
                          f"س{arrive} {from_ar} في الساعة {ta}."))
        elif kind == 5:
            n = rng.choice([5, 10, 15, 20, 25, 30, 40, 45])
            late = "تأخرت" if f else "تأخر"
            out.append(_t(f"The {en_v} to {c.en} is {n} minutes late.",
                          _fr(f"le {fr_v} pour {c.fr} a {n} minutes de retard."),
                          f"{late} {dest_ar} {ar_count(n, 'دقيقة', 'دقائق', 'دقيقة')}."))
        elif kind == 6:
            out.append(_t(f"The {en_v} to {c.en} has been cancelled.", _fr(f"le {fr_v} pour {c.fr} a été annulé."),
                          f"تم إلغاء {dest_ar}."))
        elif kind == 7 and en_v in ("train", "flight"):
            n = rng.randint(3, 24)
            if n % 100 in (1, 2):
                continue
            if en_v == "train":
                out.append(_t(f"The train to {c.en} leaves from platform {n}.",
                              _fr(f"le train pour {c.fr} part de la voie {n}."),
                              f"يغادر القطار المتجه إلى {c.ar} من الرصيف رقم {n}."))
            else:
                out.append(_t(f"Passengers for {c.en} should go to gate {n}.",
                              _fr(f"les passagers pour {c.fr} doivent se rendre à la porte {n}."),
                              f"على المسافرين إلى {c.ar} التوجه إلى البوابة رقم {n}."))
        elif kind == 8:
            out.append(_t(f"Is this the {en_v} to {c.en}?", _fr(f"est-ce que c'est bien le {fr_v} pour {c.fr} ?"),
                          f"هل هذه هي {ar_v} المتجهة إلى {c.ar}؟" if f else
                          f"هل هذا هو {ar_v} المتجه إلى {c.ar}؟"))
    return _uniq(out)


TICKETS = [  # en sg, en pl, fr sg, fr pl, fr gender, Arabic complement of تذكرة
    ("ticket", "tickets", "billet", "billets", ""),
    ("single ticket", "single tickets", "aller simple", "allers simples", "ذهاب"),
    ("return ticket", "return tickets", "aller-retour", "allers-retours", "ذهاب وعودة"),
    ("train ticket", "train tickets", "billet de train", "billets de train", "قطار"),
    ("plane ticket", "plane tickets", "billet d'avion", "billets d'avion", "طائرة"),
    ("bus ticket", "bus tickets", "billet de car", "billets de car", "حافلة"),
]


def _tickets(n: int, t: tuple) -> tuple[str, str, str]:
    en_sg, en_pl, fr_sg, fr_pl, comp = t
    if n == 1:
        ar = "تذكرة" + (f" {comp}" if comp else "")
        return _en_a(en_sg), f"un {fr_sg}", ar
    if n == 2:
        ar = f"تذكرتي {comp}" if comp else "تذكرتين"
    else:
        ar = f"{AR_NUM_F[n]} تذاكر" + (f" {comp}" if comp else "")
    return f"{EN_NUM[n]} {en_pl}", f"{FR_NUM[n]} {fr_pl}", ar


CLASSES = [("", "", ""), (" in first class", " en première classe", " في الدرجة الأولى"),
           (" in second class", " en seconde classe", " في الدرجة الثانية"),
           (" for tomorrow morning", " pour demain matin", " لصباح الغد"),
           (" for Saturday", " pour samedi", " ليوم السبت")]


def g_tickets() -> list[Triple]:
    rng = random.Random(111)
    out = []
    for _ in range(600):
        n = rng.choice([1, 1, 2, 2, 3, 4, 5, 6])
        t = rng.choice(TICKETS)
        c = rng.choice(CITIES)
        if t[0].startswith("train") and c.region not in ("fr", "eu"):
            continue
        if t[0].startswith("bus") and c.region not in ("fr", "ma"):
            continue
        en_n, fr_n, ar_n = _tickets(n, t)
        cl = rng.choice(CLASSES if not t[0].startswith("bus") else CLASSES[:1] + CLASSES[3:])
        frame = rng.randrange(4)
        if frame == 0:
            out.append(_t(f"I would like {en_n} to {c.en}{cl[0]}, please.",
                          _fr(f"je voudrais {fr_n} pour {c.fr}{cl[1]}, s'il vous plaît."),
                          f"أريد {ar_n} إلى {c.ar}{cl[2]} من فضلك."))
        elif frame == 1:
            out.append(_t(f"Could I have {en_n} to {c.en}{cl[0]}, please?",
                          _fr(f"est-ce que je pourrais avoir {fr_n} pour {c.fr}{cl[1]}, s'il vous plaît ?"),
                          f"هل يمكنني الحصول على {ar_n} إلى {c.ar}{cl[2]} من فضلك؟"))
        elif frame == 2:
            out.append(_t(f"We need {en_n} to {c.en}{cl[0]}.", _fr(f"il nous faut {fr_n} pour {c.fr}{cl[1]}."),
                          f"نحتاج إلى {ar_n} إلى {c.ar}{cl[2]}."))
        elif n == 1:
            out.append(_t(f"How much is {en_n} to {c.en}{cl[0]}?", _fr(f"combien coûte {fr_n} pour {c.fr}{cl[1]} ?"),
                          f"كم سعر {ar_n} إلى {c.ar}{cl[2]}؟"))
        else:
            out.append(_t(f"I bought {en_n} to {c.en}{cl[0]} online.",
                          _fr(f"j'ai acheté {fr_n} pour {c.fr}{cl[1]} sur internet."),
                          f"اشتريت {ar_n} إلى {c.ar}{cl[2]} عبر الإنترنت."))
    return _uniq(out)


def _hours(n: float) -> tuple[str, str, str]:
    if n == 1:
        return "one hour", "une heure", "ساعة واحدة"
    if n == 1.5:
        return "an hour and a half", "une heure et demie", "ساعة ونصف"
    if n == 2:
        return "two hours", "deux heures", "ساعتين"
    if n == 2.5:
        return "two and a half hours", "deux heures et demie", "ساعتين ونصف"
    n = int(n)
    if n <= 10:
        return f"{EN_NUM[n]} hours", f"{FR_NUM[n]} heures", f"{AR_NUM_F[n]} ساعات"
    return f"{n} hours", f"{n} heures", ar_count(n, "ساعة", "ساعات", "ساعة")


JOURNEY_MODES = {"train": ("by train", "en train", "بالقطار"), "plane": ("by plane", "en avion", "بالطائرة"),
                 "bus": ("by coach", "en autocar", "بالحافلة"), "car": ("by car", "en voiture", "بالسيارة")}


def g_journey() -> list[Triple]:
    rng = random.Random(112)
    out = []
    for _ in range(500):
        a, b = rng.sample(CITIES, 2)
        morocco = {"Casablanca", "Rabat", "Marrakesh"}
        if (a.region == b.region == "fr") or {a.en, b.en} <= morocco:
            mode = rng.choice(["train", "bus", "car"])
        elif {a.region, b.region} <= {"fr", "eu"} and "Athens" not in (a.en, b.en) and "Istanbul" not in (a.en, b.en) \
                and "London" not in (a.en, b.en):
            mode = rng.choice(["train", "plane"])
        else:
            mode = "plane"
        hours = rng.choice([1, 1.5, 2, 2.5, 3, 4, 5, 6]) if mode != "plane" else rng.choice([1.5, 2, 2.5, 3, 4, 5])
        if mode == "train" and {a.region, b.region} != {"fr"}:
            hours = rng.choice([5, 6, 7, 8, 9, 10])
        if mode == "plane" and "as" in (a.region, b.region):
            hours = rng.choice([12, 13, 14])
        m = JOURNEY_MODES[mode]
        he, hf, ha = _hours(hours)
        route_en, route_fr, route_ar = f"from {a.en} to {b.en}", f"{a.fr_de} {b.fr_to}", f"من {a.ar} إلى {b.ar}"
        k = rng.randrange(4)
        if k == 0:
            out.append(_t(f"It takes {he} to go {route_en} {m[0]}.", _fr(f"il faut {hf} pour aller {route_fr} {m[1]}."),
                          f"تستغرق الرحلة {route_ar} {ha} {m[2]}."))
        elif k == 1:
            out.append(_t(f"The journey {route_en} took {he} {m[0]}.", _fr(f"le trajet {route_fr} a duré {hf} {m[1]}."),
                          f"استغرقت الرحلة {route_ar} {ha} {m[2]}."))
        elif k == 2:
            out.append(_t(f"The journey {route_en} will take about {he}.",
                          _fr(f"le trajet {route_fr} durera environ {hf}."),
                          f"ستستغرق الرحلة {route_ar} حوالي {ha}."))
        else:
            out.append(_t(f"How long does it take to go {route_en} {m[0]}?",
                          _fr(f"combien de temps faut-il pour aller {route_fr} {m[1]} ?"),
                          f"كم من الوقت تستغرق الرحلة {route_ar} {m[2]}؟"))
    return _uniq(out)


# ---------------------------------------------------------------- hotels
ROOMS = [("a single room", "une chambre simple", "غرفة مفردة"), ("a double room", "une chambre double", "غرفة مزدوجة"),
         ("a room with a sea view", "une chambre avec vue sur la mer", "غرفة مطلة على البحر"),
         ("a family room", "une chambre familiale", "غرفة عائلية"), ("a quiet room", "une chambre calme", "غرفة هادئة"),
         ("two rooms", "deux chambres", "غرفتين"), ("a small apartment", "un petit appartement", "شقة صغيرة"),
         ("three rooms", "trois chambres", "ثلاث غرف")]


def _nights(n: int) -> tuple[str, str, str]:
    if n == 1:
        return "for one night", "pour une nuit", "لليلة واحدة"
    if n == 2:
        return "for two nights", "pour deux nuits", "لليلتين"
    return f"for {EN_NUM[n]} nights", f"pour {FR_NUM[n]} nuits", f"ل{AR_NUM_F[n]} ليال"


def g_book_room() -> list[Triple]:
    rng = random.Random(113)
    out = []
    subs = _subjects()
    for _ in range(500):
        s, r, c = rng.choice(subs), rng.choice(ROOMS), rng.choice(CITIES)
        n = rng.choice([1, 2, 3, 4, 5, 6, 7, 10])
        ne, nf, na = _nights(n)
        tense = rng.choice(["past", "past", "fut"])
        q = s.question_ok and rng.random() < 0.25
        neg = not q and rng.random() < 0.2
        out.append(clause(s, V_BOOK, tense, neg, q, f"{r[0]} in {c.en} {ne}", f"{r[1]} {c.fr_to} {nf}",
                          f"{r[2]} في {c.ar} {na}", None, short=rng.random() < 0.4))
    return _uniq(out)


REQUESTS = [  # en, fr infinitive (vous), fr imperative (vous), ar subjunctive 2ms, ar imperative 2ms
    ("call me a taxi", "m'appeler un taxi", "appelez-moi un taxi", "تطلب لي سيارة أجرة", "اطلب لي سيارة أجرة"),
    ("wake me up at seven", "me réveiller à sept heures", "réveillez-moi à sept heures", "توقظني في الساعة السابعة",
     "أيقظني في الساعة السابعة"),
    ("give me a map of the city", "me donner un plan de la ville", "donnez-moi un plan de la ville",
     "تعطيني خريطة للمدينة", "أعطني خريطة للمدينة"),
    ("write the address here", "écrire l'adresse ici", "écrivez l'adresse ici", "تكتب العنوان هنا", "اكتب العنوان هنا"),
    ("speak more slowly", "parler plus lentement", "parlez plus lentement", "تتكلم ببطء أكثر", "تكلم ببطء أكثر"),
    ("open the window", "ouvrir la fenêtre", "ouvrez la fenêtre", "تفتح النافذة", "افتح النافذة"),
    ("turn on the air conditioning", "allumer la climatisation", "allumez la climatisation", "تشغل المكيف",
     "شغل المكيف"),
    ("help me with my suitcase", "m'aider à porter ma valise", "aidez-moi à porter ma valise",
     "تساعدني في حمل حقيبتي", "ساعدني في حمل حقيبتي"),
    ("keep my luggage until this evening", "garder mes bagages jusqu'à ce soir", "gardez mes bagages jusqu'à ce soir",
     "تحتفظ بأمتعتي حتى المساء", "احتفظ بأمتعتي حتى المساء"),
    ("stop here", "vous arrêter ici", "arrêtez-vous ici", "تتوقف هنا", "توقف هنا"),
    ("show me the way on the map", "me montrer le chemin sur la carte", "montrez-moi le chemin sur la carte",
     "تريني الطريق على الخريطة", "أرني الطريق على الخريطة"),
    ("repeat the name of the street", "répéter le nom de la rue", "répétez le nom de la rue", "تكرر اسم الشارع",
     "كرر اسم الشارع"),
    ("close the door", "fermer la porte", "fermez la porte", "تغلق الباب", "أغلق الباب"),
    ("wait for me here", "m'attendre ici", "attendez-moi ici", "تنتظرني هنا", "انتظرني هنا"),
    ("bring me another towel", "m'apporter une autre serviette", "apportez-moi une autre serviette",
     "تحضر لي منشفة أخرى", "أحضر لي منشفة أخرى"),
]
TAKE_ME = ("take me to {en}", "m'emmener à {fr}", "m'emmenez à {fr}", "توصلني إلى {ar}", "أوصلني إلى {ar}")


def g_requests() -> list[Triple]:
    out = []
    reqs = list(REQUESTS)
    for p in DESTINATION_PLACES:
        reqs.append((TAKE_ME[0].format(en=p.en), TAKE_ME[1].format(fr=p.fr), "emmenez-moi à " + p.fr,
                     TAKE_ME[3].format(ar=p.ar), TAKE_ME[4].format(ar=p.ar)))
    for en, fr_inf, fr_imp, ar_sub, ar_imp in reqs:
        out.append(_t(f"Could you {en}, please?", _fr(f"pourriez-vous {fr_inf}, s'il vous plaît ?"),
                      f"هل يمكنك أن {ar_sub} من فضلك؟"))
        out.append(_t(f"Can you {en}?", _fr(f"pouvez-vous {fr_inf} ?"), f"هل تستطيع أن {ar_sub}؟"))
        out.append(_t(f"Please {en}.", _fr(f"{fr_imp}, s'il vous plaît."), f"من فضلك، {ar_imp}."))
        out.append(_t(f"Excuse me, could you {en}?", _fr(f"excusez-moi, pourriez-vous {fr_inf} ?"),
                      f"عفوًا، هل يمكنك أن {ar_sub}؟"))
    return _uniq(out)


class Adj:
    def __init__(self, en: str, fr: str, ar: str, cats: str, fr_before: bool = False):
        self.en = en
        self.fr_m, self.fr_f, self.fr_mpl, self.fr_fpl = fr.split("|")
        self.ar_m, self.ar_f, self.ar_acc = ar.split("|")
        self.cats = set(cats.split())
        self.fr_before = fr_before

    def fr(self, g: str, pl: bool) -> str:
        return (self.fr_fpl if pl else self.fr_f) if g == "f" else (self.fr_mpl if pl else self.fr_m)

    def ar(self, g: str, acc: bool = False) -> str:
        if g == "f":
            return self.ar_f
        return self.ar_acc if acc else self.ar_m


ADJS = [
    Adj("clean", "propre|propre|propres|propres", "نظيف|نظيفة|نظيفًا", "hotel room beach street city vehicle"),
    Adj("quiet", "calme|calme|calmes|calmes", "هادئ|هادئة|هادئًا", "hotel room beach street city"),
    Adj("noisy", "bruyant|bruyante|bruyants|bruyantes", "صاخب|صاخبة|صاخبًا", "hotel room street city"),
    Adj("big", "grand|grande|grands|grandes", "كبير|كبيرة|كبيرًا", "hotel room city beach build"),
    Adj("small", "petit|petite|petits|petites", "صغير|صغيرة|صغيرًا", "hotel room city beach build"),
    Adj("modern", "moderne|moderne|modernes|modernes", "حديث|حديثة|حديثًا", "hotel build vehicle"),
    Adj("comfortable", "confortable|confortable|confortables|confortables", "مريح|مريحة|مريحًا",
        "hotel room vehicle"),
    Adj("expensive", "cher|chère|chers|chères", "باهظ الثمن|باهظة الثمن|باهظ الثمن", "hotel room price"),
    Adj("cheap", "bon marché|bon marché|bon marché|bon marché", "رخيص|رخيصة|رخيصًا", "hotel room price"),
    Adj("crowded", "bondé|bondée|bondés|bondées", "مزدحم|مزدحمة|مزدحمًا", "beach street vehicle city build"),
    Adj("beautiful", "beau|belle|beaux|belles", "جميل|جميلة|جميلًا", "beach city room hotel"),
    Adj("dirty", "sale|sale|sales|sales", "متسخ|متسخة|متسخًا", "room street beach vehicle"),
    Adj("fast", "rapide|rapide|rapides|rapides", "سريع|سريعة|سريعًا", "vehicle"),
    Adj("slow", "lent|lente|lents|lentes", "بطيء|بطيئة|بطيئًا", "vehicle"),
    Adj("late", "en retard|en retard|en retard|en retard", "متأخر|متأخرة|متأخرًا", "vehicle"),
    Adj("narrow", "étroit|étroite|étroits|étroites", "ضيق|ضيقة|ضيقًا", "street"),
    Adj("long", "long|longue|longs|longues", "طويل|طويلة|طويلًا", "trip street"),
    Adj("tiring", "fatigant|fatigante|fatigants|fatigantes", "متعب|متعبة|متعبًا", "trip"),
    Adj("empty", "vide|vide|vides|vides", "فارغ|فارغة|فارغًا", "vehicle beach street"),
    Adj("pleasant", "agréable|agréable|agréables|agréables", "ممتع|ممتعة|ممتعًا", "trip"),
]
DESC_NOUNS = [  # en, en plural?, fr, fr gender, fr plural?, ar, ar agreement gender, category
    ("the hotel", False, "l'hôtel", "m", False, "الفندق", "m", "hotel"),
    ("the room", False, "la chambre", "f", False, "الغرفة", "f", "room"),
    ("the rooms", True, "les chambres", "f", True, "الغرف", "f", "room"),
    ("the beach", False, "la plage", "f", False, "الشاطئ", "m", "beach"),
    ("the beaches", True, "les plages", "f", True, "الشواطئ", "f", "beach"),
    ("the streets", True, "les rues", "f", True, "الشوارع", "f", "street"),
    ("this street", False, "cette rue", "f", False, "هذا الشارع", "m", "street"),
    ("the station", False, "la gare", "f", False, "المحطة", "f", "build"),
    ("the airport", False, "l'aéroport", "m", False, "المطار", "m", "build"),
    ("the hotels", True, "les hôtels", "m", True, "الفنادق", "f", "hotel"),
    ("the train", False, "le train", "m", False, "القطار", "m", "vehicle"),
    ("the trains", True, "les trains", "m", True, "القطارات", "f", "vehicle"),
    ("the bus", False, "le bus", "m", False, "الحافلة", "f", "vehicle"),
    ("the buses", True, "les bus", "m", True, "الحافلات", "f", "vehicle"),
    ("the taxis", True, "les taxis", "m", True, "سيارات الأجرة", "f", "price"),
    ("the city", False, "la ville", "f", False, "المدينة", "f", "city"),
    ("the old town", False, "la vieille ville", "f", False, "المدينة القديمة", "f", "city"),
    ("the flight", False, "le vol", "m", False, "الرحلة", "f", "trip"),
    ("the journey", False, "le voyage", "m", False, "السفر", "m", "trip"),
    ("the tickets", True, "les billets", "m", True, "التذاكر", "f", "price"),
    ("the museum", False, "le musée", "m", False, "المتحف", "m", "build"),
    ("the trip", False, "l'excursion", "f", False, "الجولة", "f", "trip"),
]
INTENS = [("very ", "très ", " جدًا"), ("", "", ""), ("quite ", "assez ", " إلى حد ما"), ("really ", "vraiment ", " حقًا")]


def g_describe() -> list[Triple]:
    rng = random.Random(114)
    out = []
    for _ in range(700):
        n = rng.choice(DESC_NOUNS)
        en_n, en_pl, fr_n, fr_g, fr_pl, ar_n, ar_g, cat = n
        adjs = [a for a in ADJS if cat in a.cats]
        if not adjs:
            continue
        a = rng.choice(adjs)
        ie, if_, ia = rng.choice(INTENS) if a.en not in ("late", "empty") else INTENS[1]
        tense = rng.choice(["pres", "pres", "past"])
        mode = rng.choice(["aff", "aff", "neg", "q"])
        be = ("are" if en_pl else "is") if tense == "pres" else ("were" if en_pl else "was")
        fr_be = ("sont" if fr_pl else "est") if tense == "pres" else ("étaient" if fr_pl else "était")
        adj_fr = a.fr(fr_g, fr_pl)
        two = rng.random() < 0.25 and mode == "aff" and len(adjs) > 1
        if two:
            b = rng.choice([x for x in adjs if x is not a])
            if {a.en, b.en} & {"noisy", "dirty", "slow", "late", "crowded", "expensive", "tiring"} and \
                    {a.en, b.en} & {"quiet", "clean", "fast", "cheap", "empty", "pleasant", "comfortable", "beautiful"}:
                continue
            if {a.en, b.en} == {"big", "small"} or {a.en, b.en} & {"late", "empty", "long", "tiring"}:
                continue
        kana = {"m": "كان", "f": "كانت"}[ar_g]
        if mode == "aff":
            if two:
                en = f"{en_n} {be} {a.en} and {b.en}."
                fr = f"{fr_n} {fr_be} {adj_fr} et {b.fr(fr_g, fr_pl)}."
                if tense == "pres":
                    ar = f"{ar_n} {a.ar(ar_g)} و{b.ar(ar_g)}."
                else:
                    ar = f"{kana} {ar_n} {a.ar(ar_g, True)} و{b.ar(ar_g, True)}."
            else:
                en = f"{en_n} {be} {ie}{a.en}."
                fr = f"{fr_n} {fr_be} {if_}{adj_fr}."
                ar = f"{ar_n} {a.ar(ar_g)}{ia}." if tense == "pres" else f"{kana} {ar_n} {a.ar(ar_g, True)}{ia}."
        elif mode == "neg":
            if ia in (" حقًا", " إلى حد ما"):
                continue
            en = f"{en_n} {be} not {ie}{a.en}."
            fr = f"{fr_n} ne {fr_be} pas {if_}{adj_fr}."
            if tense == "pres":
                laysa = "ليس" if ar_g == "m" else "ليست"
                ar = (f"{laysa} {ar_n} {a.ar(ar_g, True)}{ia}." if rng.random() < 0.5
                      else f"{ar_n} {laysa} {a.ar(ar_g, True)}{ia}.")
            else:
                ar = f"{'لم يكن' if ar_g == 'm' else 'لم تكن'} {ar_n} {a.ar(ar_g, True)}{ia}."
        else:
            if ie == "quite ":
                continue
            en = f"{be} {en_n} {ie}{a.en}?"
            fr = f"est-ce que {fr_n} {fr_be} {if_}{adj_fr} ?"
            ar = f"هل {ar_n} {a.ar(ar_g)}{ia}؟" if tense == "pres" else f"هل {kana} {ar_n} {a.ar(ar_g, True)}{ia}؟"
        out.append(_t(capitalise(en), _fr(fr), ar))
    return _uniq(out)


ACCOM = [  # en, fr (indefinite noun), fr gender, ar, ar gender
    ("hotel", "hôtel", "m", "فندق", "m"), ("guesthouse", "maison d'hôtes", "f", "بيت ضيافة", "m"),
    ("apartment", "appartement", "m", "شقة", "f"), ("villa", "villa", "f", "فيلا", "f"),
]
ACC_ADJ = [  # en, fr m, fr m before vowel, fr f, before the noun?, ar m, ar f
    ("small", "petit", "petit", "petite", True, "صغير", "صغيرة"),
    ("big", "grand", "grand", "grande", True, "كبير", "كبيرة"),
    ("beautiful", "beau", "bel", "belle", True, "جميل", "جميلة"),
    ("new", "nouveau", "nouvel", "nouvelle", True, "جديد", "جديدة"),
    ("old", "vieux", "vieil", "vieille", True, "قديم", "قديمة"),
    ("quiet", "calme", "calme", "calme", False, "هادئ", "هادئة"),
    ("cheap", "bon marché", "bon marché", "bon marché", False, "رخيص", "رخيصة"),
    ("modern", "moderne", "moderne", "moderne", False, "حديث", "حديثة"),
    ("comfortable", "confortable", "confortable", "confortable", False, "مريح", "مريحة"),
    ("clean", "propre", "propre", "propre", False, "نظيف", "نظيفة"),
]
LOCS = [("near the beach", "près de la plage", "قرب الشاطئ"), ("in the city centre", "dans le centre-ville", "في وسط المدينة"),
        ("next to the station", "à côté de la gare", "بجانب محطة القطار"),
        ("in the old town", "dans la vieille ville", "في المدينة القديمة"),
        ("near the airport", "près de l'aéroport", "قرب المطار"), ("by the sea", "au bord de la mer", "على شاطئ البحر"),
        ("opposite the park", "en face du parc", "مقابل الحديقة")]


def g_stay() -> list[Triple]:
    rng = random.Random(115)
    out = []
    subs = _subjects()
    for _ in range(500):
        s = rng.choice(subs)
        en_a, fr_a, fr_g, ar_a, ar_g = rng.choice(ACCOM)
        adj = rng.choice(ACC_ADJ)
        loc = rng.choice(LOCS)
        c = rng.choice(CITIES)
        if fr_g == "f":
            fr_adj = adj[3]
        else:
            fr_adj = adj[2] if fr_a[:1] in "aeiouéh" else adj[1]
        fr_np = (f"{fr_adj} {fr_a}" if adj[4] else f"{fr_a} {fr_adj}")
        fr_np = ("une " if fr_g == "f" else "un ") + fr_np
        ar_adj = adj[5] if ar_g == "m" else adj[6]
        tense = rng.choice(["past", "past", "fut", "pres"])
        adv = None
        if tense == "pres":
            adv = rng.choice([("every summer", "chaque été", "كل صيف"), ("every year", "chaque année", "كل عام")])
        elif rng.random() < 0.4:
            adv = rng.choice(ADV[tense][:5])
        where_en, where_fr, where_ar = (loc if rng.random() < 0.6 else (f"in {c.en}", c.fr_to, f"في {c.ar}"))
        out.append(clause(s, V_STAY, tense, False, False, f"in {_en_a(adj[0])} {en_a} {where_en}",
                          f"dans {fr_np} {where_fr}", f"في {ar_a} {ar_adj} {where_ar}", adv))
    return _uniq(out)


# ---------------------------------------------------------------- luggage, documents, renting, plans
BELONGINGS = [  # en, fr noun, fr gender, ar noun (without article), plural? (en, fr, ar plural)
    ("passport", "passeport", "m", "جواز سفر", ("passports", "passeports", "جوازات سفر")),
    ("suitcase", "valise", "f", "حقيبة", ("suitcases", "valises", "حقائب")),
    ("ticket", "billet", "m", "تذكرة", ("tickets", "billets", "تذاكر")),
    ("backpack", "sac à dos", "m", "حقيبة ظهر", None),
    ("wallet", "portefeuille", "m", "محفظة", None),
    ("phone", "téléphone", "m", "هاتف", None),
    ("keys", "clés", "pl", "مفاتيح", None),
    ("luggage", "bagages", "pl", "أمتعة", None),
]


def _ar_poss_np(ar: str, p: str) -> str:
    words = ar.split(" ")
    return " ".join(words[:-1] + [ar_poss(words[-1], p)]) if len(words) > 1 else ar_poss(ar, p)


def _fr_poss_np(fr: str, g: str, p: str, plural: bool = False) -> str:
    return fr_poss(p, "m" if g == "pl" else g, plural or g == "pl", fr)


V_FIND_PRES_FR = _w("trouve trouves trouves trouve trouve trouvons trouvez trouvent")
V_FIND_PRES_AR = _w("أجد تجد تجدين يجد تجد نجد تجدون يجدون")
V_FORGET = Verb("forget|forgets|forgot",
                "oublie oublies oublies oublie oublie oublions oubliez oublient",
                "oublierai oublieras oublieras oubliera oubliera oublierons oublierez oublieront", "a", "oublié",
                "نسيت نسيت نسيتِ نسي نسيت نسينا نسيتم نسوا",
                "أنسى تنسى تنسين ينسى تنسى ننسى تنسون ينسون",
                "أنس تنس تنسي ينس تنس ننس تنسوا ينسوا")
LOST_PLACES = [("at the airport", "à l'aéroport", "في المطار"), ("in the taxi", "dans le taxi", "في سيارة الأجرة"),
               ("on the train", "dans le train", "في القطار"), ("at the hotel", "à l'hôtel", "في الفندق"),
               ("on the bus", "dans le bus", "في الحافلة"), ("at the station", "à la gare", "في محطة القطار")]


def g_belongings() -> list[Triple]:
    rng = random.Random(116)
    out = []
    for _ in range(600):
        p = rng.choice(PERSONS)
        en_b, fr_b, g, ar_b, pl = rng.choice(BELONGINGS)
        if p in FR_PLURAL_P and g != "pl":
            if not pl:
                continue
            en_np, fr_np, ar_np = f"{EN_POSS[p]} {pl[0]}", fr_poss(p, g, True, pl[1]), _ar_poss_np(pl[2], p)
            g = "pl"
        else:
            en_np = f"{EN_POSS[p]} {en_b}"
            fr_np = _fr_poss_np(fr_b, g, p)
            ar_np = _ar_poss_np(ar_b, p)
        i = PIDX[p]
        voc = {"you_f": rng.choice(VOC_F), "you_pl": rng.choice(VOC_PL)}.get(p)
        k = rng.randrange(4)
        s = Subj(p, EN_SUBJ[p], FR_SUBJ[p], voc=voc)
        if k == 0 and p.startswith("you"):
            continue
        if k == 0:
            vb_en = "can't find" if rng.random() < 0.5 else "cannot find"
            en = f"{EN_SUBJ[p]} {vb_en} {en_np}."
            fr = f"{FR_SUBJ[p]} ne {V_FIND_PRES_FR[i]} pas {fr_np}."
            ar = f"لا {V_FIND_PRES_AR[i]} {ar_np}."
            if voc:
                en, fr, ar = f"{voc[0]}, {en}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
            out.append(_t(capitalise(en), _fr(fr), ar))
        elif k == 1:
            lp = rng.choice(LOST_PLACES)
            out.append(clause(s, V_LOSE if rng.random() < 0.5 else V_FORGET, "past", False, False,
                              en_np, fr_np, ar_np, lp))
        elif k == 2 and p in ("you_m", "you_f", "you_pl", "he", "she", "they"):
            plural = g == "pl"
            en = f"Where {'are' if plural else 'is'} {en_np}?"
            fr = f"où {'sont' if plural else 'est'} {fr_np} ?"
            ar = f"أين {ar_np}؟"
            if voc:
                en, fr, ar = f"{voc[0]}, w{en[1:]}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
            out.append(_t(en, _fr(fr), ar))
        else:
            q = s.question_ok and p.startswith("you") and rng.random() < 0.5
            out.append(clause(s, V_FORGET, "past" if q else rng.choice(["past", "fut"]), not q, q, en_np, fr_np, ar_np, None,
                              short=rng.random() < 0.5))
    return _uniq(out)


BAG_ADJ = [("heavy", "lourd", "lourde", "ثقيل", "ثقيلة", "ثقيلتان"), ("light", "léger", "légère", "خفيف", "خفيفة", "خفيفتان"),
           ("big", "grand", "grande", "كبير", "كبيرة", "كبيرتان"), ("small", "petit", "petite", "صغير", "صغيرة", "صغيرتان"),
           ("new", "nouveau", "nouvelle", "جديد", "جديدة", "جديدتان"), ("red", "rouge", "rouge", "أحمر", "حمراء", "حمراوان"),
           ("black", "noir", "noire", "أسود", "سوداء", "سوداوان"), ("blue", "bleu", "bleue", "أزرق", "زرقاء", "زرقاوان")]
BAG_NUM = {1: ("one", "une", None), 2: ("two", "deux", None), 3: ("three", "trois", "ثلاث"), 4: ("four", "quatre", "أربع"),
           5: ("five", "cinq", "خمس")}


def g_suitcases() -> list[Triple]:
    """Counting and describing suitcases: dual, 3–10, non-human plural agreement."""
    rng = random.Random(117)
    out = []
    for _ in range(500):
        p = rng.choice(PERSONS)
        voc = {"you_f": rng.choice(VOC_F), "you_pl": rng.choice(VOC_PL)}.get(p)
        adj = rng.choice(BAG_ADJ)
        k = rng.randrange(3)
        if k == 0:  # I have two (heavy) suitcases.
            n = rng.choice([1, 2, 2, 3, 4, 5])
            use_adj = rng.random() < 0.5 and adj[0] not in ("new", "heavy", "light")
            has = "has" if p in EN_3S else "have"
            if n == 1:
                en = f"{EN_SUBJ[p]} {has} {_en_a(adj[0]) if use_adj else 'one'} suitcase."
                fr_adj = (f"{adj[2]} valise" if adj[0] in ("big", "small") else f"valise {adj[2]}") if use_adj else "seule valise"
                fr = f"{FR_SUBJ[p]} {FR_AVOIR[PIDX[p]]} une {fr_adj}."
                ar = f"{AR_LADA[PIDX[p]]} حقيبة {adj[4] if use_adj else 'واحدة'}."
            elif n == 2:
                en = f"{EN_SUBJ[p]} {has} two {adj[0] + ' ' if use_adj else ''}suitcases."
                if use_adj:
                    fr_n = f"deux {adj[2]}s valises" if adj[0] in ("big", "small") else f"deux valises {adj[2]}s"
                else:
                    fr_n = "deux valises"
                fr = f"{FR_SUBJ[p]} {FR_AVOIR[PIDX[p]]} {fr_n}."
                ar = f"{AR_LADA[PIDX[p]]} حقيبتان{' ' + adj[5] if use_adj else ''}."
            else:
                en = f"{EN_SUBJ[p]} {has} {BAG_NUM[n][0]} suitcases."
                fr = f"{FR_SUBJ[p]} {FR_AVOIR[PIDX[p]]} {BAG_NUM[n][1]} valises."
                ar = f"{AR_LADA[PIDX[p]]} {BAG_NUM[n][2]} حقائب."
        elif k == 1:  # My suitcase is heavy. / Our suitcases are very heavy.
            plural = rng.random() < 0.5 or p in FR_PLURAL_P
            very = rng.choice([("", "", ""), ("very ", "très ", " جدًا"), ("too ", "trop ", " أكثر من اللازم")])
            if adj[0] not in ("heavy", "light", "big", "small"):
                very = ("", "", "")
            if plural:
                en = f"{EN_POSS[p]} suitcases are {very[0]}{adj[0]}."
                fr = f"{FR_POSS[p][2]} valises sont {very[1]}{adj[2]}{'' if adj[2].endswith('s') else 's'}."
                ar = f"{ar_poss('حقائب', p)} {adj[4]}{very[2]}."
            else:
                en = f"{EN_POSS[p]} suitcase is {very[0]}{adj[0]}."
                fr = f"{fr_poss(p, 'f', False, 'valise')} est {very[1]}{adj[2]}."
                ar = f"{ar_poss('حقيبة', p)} {adj[4]}{very[2]}."
        else:  # Whose suitcase? This is my suitcase, the black one.
            if p in FR_PLURAL_P:
                continue
            en = f"{EN_POSS[p]} suitcase is the {adj[0]} one."
            fr = f"{fr_poss(p, 'f', False, 'valise')} est la {adj[2]}."
            ar = f"{ar_poss('حقيبة', p)} هي الحقيبة ال{adj[4]}."
        if voc:
            en, fr, ar = f"{voc[0]}, {en}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
        out.append(_t(capitalise(en), _fr(fr), ar))
    return _uniq(out)


V_NEED_FR = _w("ai as as a a avons avez ont")
V_NEED_AR = _w("أحتاج تحتاج تحتاجين يحتاج تحتاج نحتاج تحتاجون يحتاجون")
DOCS = [("a visa", "un visa", "تأشيرة"), ("a passport", "un passeport", "جواز سفر"),
        ("an international driving licence", "un permis de conduire international", "رخصة قيادة دولية"),
        ("an identity card", "une carte d'identité", "بطاقة هوية"), ("travel insurance", "une assurance voyage", "تأمين سفر")]


def g_visa() -> list[Triple]:
    rng = random.Random(118)
    out = []
    for _ in range(500):
        p = rng.choice(PERSONS)
        d = rng.choice(COUNTRIES)
        doc = rng.choice(DOCS)
        i = PIDX[p]
        voc = {"you_f": rng.choice(VOC_F), "you_pl": rng.choice(VOC_PL)}.get(p)
        fr_doc = fr_elide("de " + doc[1])
        k = rng.randrange(3)
        need = "needs" if p in EN_3S else "need"
        if k == 0:
            en = f"{EN_SUBJ[p]} {need} {doc[0]} to travel to {d.en}."
            fr = f"{FR_SUBJ[p]} {V_NEED_FR[i]} besoin {fr_doc} pour aller {d.fr_to}."
            ar = f"{V_NEED_AR[i]} إلى {doc[2]} للسفر إلى {d.ar}."
        elif k == 1:
            dn = "doesn't" if p in EN_3S else "don't"
            en = f"{EN_SUBJ[p]} {dn} need {doc[0]} to go to {d.en}."
            fr = f"{FR_SUBJ[p]} ne {V_NEED_FR[i]} pas besoin {fr_doc} pour aller {d.fr_to}."
            ar = f"لا {V_NEED_AR[i]} إلى {doc[2]} للسفر إلى {d.ar}."
        else:
            if p not in ("i", "you_m", "you_f", "we", "you_pl"):
                continue
            do = "do"
            en = f"{do} {EN_SUBJ[p]} need {doc[0]} for {d.en}?"
            fr = f"est-ce que {FR_SUBJ[p]} {V_NEED_FR[i]} besoin {fr_doc} pour {d.fr_def} ?"
            ar = f"هل {V_NEED_AR[i]} إلى {doc[2]} لدخول {d.ar}؟"
            if voc:
                en = f"{voc[0]}, {en}"
                fr = f"{voc[1]}, {fr}"
                ar = f"{voc[2]}، {ar}"
            out.append(_t(capitalise(en), _fr(fr), ar))
            continue
        if voc:
            en, fr, ar = f"{voc[0]}, {en}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
        out.append(_t(capitalise(en), _fr(fr), ar))
    return _uniq(out)


RENTABLES = [("a car", "une voiture", "سيارة"), ("a bike", "un vélo", "دراجة"), ("a boat", "un bateau", "قاربًا"),
             ("a small car", "une petite voiture", "سيارة صغيرة"),
             ("an electric car", "une voiture électrique", "سيارة كهربائية"),
             ("two bikes", "deux vélos", "دراجتين"), ("a scooter", "un scooter", "دراجة نارية"),
             ("an apartment by the sea", "un appartement au bord de la mer", "شقة على شاطئ البحر")]
RENT_WHERE = [("at the airport", "à l'aéroport", "في المطار"), ("for the week", "pour la semaine", "لمدة أسبوع"),
              ("for three days", "pour trois jours", "لمدة ثلاثة أيام"), ("for the weekend", "pour le week-end",
                                                                            "لعطلة نهاية الأسبوع"),
              ("at the station", "à la gare", "في محطة القطار")]


def g_rent() -> list[Triple]:
    rng = random.Random(119)
    out = []
    subs = _subjects()
    for _ in range(400):
        s, r, w = rng.choice(subs), rng.choice(RENTABLES), rng.choice(RENT_WHERE)
        if (r[0].startswith("an apartment") or r[0] == "a boat") and w[0].startswith("at"):
            continue
        c = rng.choice(CITIES) if rng.random() < 0.4 and not w[0].startswith("at ") else None
        tense = rng.choice(["past", "fut", "past"])
        q = s.question_ok and rng.random() < 0.2
        en_c = f"{r[0]} {w[0]}" + (f" in {c.en}" if c else "")
        fr_c = f"{r[1]} {w[1]}" + (f" {c.fr_to}" if c else "")
        ar_c = f"{r[2]} {w[2]}" + (f" في {c.ar}" if c else "")
        out.append(clause(s, V_RENT, tense, (not q) and rng.random() < 0.2, q, en_c, fr_c, ar_c, None,
                          short=rng.random() < 0.5))
    return _uniq(out)


DURATIONS = [("a week", "une semaine", "أسبوعًا"), ("two weeks", "deux semaines", "أسبوعين"),
             ("three days", "trois jours", "ثلاثة أيام"), ("ten days", "dix jours", "عشرة أيام"),
             ("a month", "un mois", "شهرًا"), ("two months", "deux mois", "شهرين"),
             ("five days", "cinq jours", "خمسة أيام"), ("the weekend", "le week-end", "عطلة نهاية الأسبوع"),
             ("four nights", "quatre nuits", "أربع ليال"), ("two days", "deux jours", "يومين")]


def g_spend() -> list[Triple]:
    rng = random.Random(120)
    out = []
    subs = _subjects()
    for _ in range(500):
        s, d, dur = rng.choice(subs), rng.choice(DESTS), rng.choice(DURATIONS)
        tense = rng.choice(TENSES)
        advs = {"past": [("last summer", "l'été dernier", "الصيف الماضي"), ("last year", "l'année dernière", "العام الماضي"),
                         ("last winter", "l'hiver dernier", "الشتاء الماضي")],
                "pres": [("every summer", "chaque été", "كل صيف"), ("every winter", "chaque hiver", "كل شتاء"),
                         ("every year", "chaque année", "كل عام")],
                "fut": [("next summer", "l'été prochain", "الصيف القادم"), ("next year", "l'année prochaine", "العام القادم"),
                        ("next winter", "l'hiver prochain", "الشتاء القادم")]}[tense]
        adv = rng.choice(advs) if rng.random() < 0.7 or tense == "pres" else None
        if dur[0] in ("a month", "two months") and tense == "pres":
            continue
        q = s.question_ok and rng.random() < 0.2
        out.append(clause(s, V_SPEND, tense, (not q) and rng.random() < 0.2, q, f"{dur[0]} in {d.en}",
                          f"{dur[1]} {d.fr_to}", f"{dur[2]} في {d.ar}", adv, short=rng.random() < 0.4))
    return _uniq(out)


V_WANT_FR = _w("veux veux veux veut veut voulons voulez veulent")
V_WANT_AR = _w("أريد تريد تريدين يريد تريد نريد تريدون يريدون")
WANT_VPS = [  # en, fr infinitive phrase (with {d}), ar verb in the subjunctive per person (with {d})
    ("visit {en}", "visiter {fr_def}", _drop_n(V_VISIT.ar_pres), "{ar}"),
    ("travel to {en}", "voyager {fr_to}", _drop_n(V_TRAVEL.ar_pres), "إلى {ar}"),
    ("go to {en}", "aller {fr_to}", _drop_n(V_GO.ar_pres), "إلى {ar}"),
    ("live in {en}", "vivre {fr_to}", _w("أعيش تعيش تعيشي يعيش تعيش نعيش تعيشوا يعيشوا"), "في {ar}"),
    ("go back to {en}", "retourner {fr_to}", _drop_n(V_RETURN.ar_pres), "إلى {ar}"),
    ("see {en}", "voir {fr_def}", _w("أرى ترى تري يرى ترى نرى تروا يروا"), "{ar}"),
    ("work in {en}", "travailler {fr_to}", _w("أعمل تعمل تعملي يعمل تعمل نعمل تعملوا يعملوا"), "في {ar}"),
]
WHEN = [("", "", ""), (" one day", " un jour", " يومًا ما"), (" next summer", " l'été prochain", " الصيف القادم"),
        (" this year", " cette année", " هذا العام"), (" again", " encore une fois", " مرة أخرى")]


def g_want() -> list[Triple]:
    rng = random.Random(121)
    out = []
    for _ in range(500):
        p = rng.choice(PERSONS)
        i = PIDX[p]
        d = rng.choice(DESTS)
        vp = rng.choice(WANT_VPS)
        if vp[0].startswith("see") and d.country:
            continue
        wh = rng.choice(WHEN)
        if wh[0] == " again" and not vp[0].startswith(("visit", "see")):
            continue
        en_vp = vp[0].format(en=d.en)
        fr_vp = vp[1].format(fr_def=d.fr_def, fr_to=d.fr_to)
        ar_vp = vp[2][i] + " " + vp[3].format(ar=d.ar)
        voc = {"you_f": rng.choice(VOC_F), "you_pl": rng.choice(VOC_PL)}.get(p)
        k = rng.randrange(4)
        if p == "you_m" and k != 3:
            continue
        want = "wants" if p in EN_3S else "want"
        if k == 0:
            en = f"{EN_SUBJ[p]} {want} to {en_vp}{wh[0]}."
            fr = f"{FR_SUBJ[p]} {V_WANT_FR[i]} {fr_vp}{wh[1]}."
            ar = f"{V_WANT_AR[i]} أن {ar_vp}{wh[2]}."
        elif k == 1:
            en = f"{EN_SUBJ[p]} would like to {en_vp}{wh[0]}."
            fr_cond = _w("voudrais voudrais voudrais voudrait voudrait voudrions voudriez voudraient")[i]
            fr = f"{FR_SUBJ[p]} {fr_cond} {fr_vp}{wh[1]}."
            ar = f"{_w('أود تود تودين يود تود نود تودون يودون')[i]} أن {ar_vp}{wh[2]}."
        elif k == 2:
            dn = "doesn't" if p in EN_3S else "don't"
            en = f"{EN_SUBJ[p]} {dn} want to {en_vp}{wh[0]}."
            fr = f"{FR_SUBJ[p]} ne {V_WANT_FR[i]} pas {fr_vp}{wh[1]}."
            ar = f"لا {V_WANT_AR[i]} أن {ar_vp}{wh[2]}."
        else:
            if not p.startswith("you"):
                continue
            en = f"do you want to {en_vp}{wh[0]}?"
            fr = f"est-ce que {FR_SUBJ[p]} {V_WANT_FR[i]} {fr_vp}{wh[1]} ?"
            ar = f"هل {V_WANT_AR[i]} أن {ar_vp}{wh[2]}؟"
            if voc:
                en, fr, ar = f"{voc[0]}, {en}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
            out.append(_t(capitalise(en), _fr(fr), ar))
            continue
        if voc:
            en, fr, ar = f"{voc[0]}, {en}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
        out.append(_t(capitalise(en), _fr(fr), ar))
    return _uniq(out)


# ---------------------------------------------------------------- geography, being somewhere, opening hours
REGIONS = [  # city en, fr, ar, country index in COUNTRIES, direction key
    ("Lille", "Lille", "ليل", "France", "north"), ("Marseille", "Marseille", "مرسيليا", "France", "south"),
    ("Strasbourg", "Strasbourg", "ستراسبورغ", "France", "east"), ("Brest", "Brest", "بريست", "France", "west"),
    ("Bordeaux", "Bordeaux", "بوردو", "France", "southwest"), ("Nice", "Nice", "نيس", "France", "southeast"),
    ("Tangier", "Tanger", "طنجة", "Morocco", "north"), ("Agadir", "Agadir", "أكادير", "Morocco", "south"),
    ("Alexandria", "Alexandrie", "الإسكندرية", "Egypt", "north"), ("Aswan", "Assouan", "أسوان", "Egypt", "south"),
    ("Milan", "Milan", "ميلانو", "Italy", "north"), ("Naples", "Naples", "نابولي", "Italy", "south"),
    ("Seville", "Séville", "إشبيلية", "Spain", "south"), ("Madrid", "Madrid", "مدريد", "Spain", "centre"),
    ("Barcelona", "Barcelone", "برشلونة", "Spain", "northeast"), ("Munich", "Munich", "ميونخ", "Germany", "south"),
    ("Bizerte", "Bizerte", "بنزرت", "Tunisia", "north"), ("Sfax", "Sfax", "صفاقس", "Tunisia", "east"),
    ("Oran", "Oran", "وهران", "Algeria", "west"), ("Porto", "Porto", "بورتو", "Portugal", "north"),
    ("Tripoli", "Tripoli", "طرابلس", "Lebanon", "north"), ("Aqaba", "Aqaba", "العقبة", "Jordan", "south"),
    ("Izmir", "Izmir", "إزمير", "Turkey", "west"), ("Osaka", "Osaka", "أوساكا", "Japan", "west"),
]
DIRS = {"north": ("north", "nord", "شمال", "الشمال"), "south": ("south", "sud", "جنوب", "الجنوب"),
        "east": ("east", "est", "شرق", "الشرق"), "west": ("west", "ouest", "غرب", "الغرب"),
        "southwest": ("south-west", "sud-ouest", "جنوب غرب", "الجنوب الغربي"),
        "southeast": ("south-east", "sud-est", "جنوب شرق", "الجنوب الشرقي"),
        "northeast": ("north-east", "nord-est", "شمال شرق", "الشمال الشرقي"),
        "centre": ("centre", "centre", "وسط", "الوسط")}
CAPITALS = [("Paris", "France"), ("Rabat", "Morocco"), ("Cairo", "Egypt"), ("Madrid", "Spain"), ("Rome", "Italy"),
            ("Tunis", "Tunisia"), ("Beirut", "Lebanon"), ("Amman", "Jordan"), ("Berlin", "Germany"),
            ("Athens", "Greece"), ("Lisbon", "Portugal"), ("Algiers", "Algeria"), ("Brussels", "Belgium"),
            ("Doha", "Qatar"), ("Tokyo", "Japan")]
COUNTRY = {c.en: c for c in COUNTRIES}


def _fr_of_country(c: Dest) -> str:
    return fr_elide("de " + c.fr_def)


def g_geography() -> list[Triple]:
    out = []
    for en, fr, ar, cn, dk in REGIONS:
        c = COUNTRY[cn]
        d = DIRS[dk]
        de = _fr_of_country(c)
        out.append(_t(f"{en} is in the {d[0]} of {c.en}.", _fr(f"{fr} se trouve dans le {d[1]} {de}."),
                      f"تقع {ar} في {d[2]} {c.ar}."))
        out.append(_t(f"Where is {en}?", _fr(f"où se trouve {fr} ?"), f"أين تقع {ar}؟"))
        out.append(_t(f"Is {en} in {c.en}?", _fr(f"est-ce que {fr} est {c.fr_to} ?"), f"هل تقع {ar} في {c.ar}؟"))
        wrong = [k for k in ("north", "south", "east", "west") if k != dk and k not in dk][0]
        w = DIRS[wrong]
        out.append(_t(f"Is {en} in the {w[0]} of {c.en}? No, it is in the {d[0]}.",
                      _fr(f"est-ce que {fr} se trouve dans le {w[1]} {de} ? Non, elle se trouve dans le {d[1]}."),
                      f"هل تقع {ar} في {w[2]} {c.ar}؟ لا، إنها تقع في {d[3]}."))
        out.append(_t(f"We visited {en} when we were in {c.en}.",
                      _fr(f"nous avons visité {fr} quand nous étions {c.fr_to}."),
                      f"زرنا {ar} عندما كنا في {c.ar}."))
    for city, cn in CAPITALS:
        x, c = CITY[city], COUNTRY[cn]
        de = _fr_of_country(c)
        out.append(_t(f"{x.en} is the capital of {c.en}.", _fr(f"{x.fr} est la capitale {de}."),
                      f"{x.ar} عاصمة {c.ar}."))
        out.append(_t(f"What is the capital of {c.en}?", _fr(f"quelle est la capitale {de} ?"), f"ما عاصمة {c.ar}؟"))
        out.append(_t(f"Is {x.en} the capital of {c.en}?", _fr(f"est-ce que {x.fr} est la capitale {de} ?"),
                      f"هل {x.ar} عاصمة {c.ar}؟"))
    return _uniq(out)


LOST_FR = {"i": "perdu", "you_m": "perdu", "you_f": "perdue", "he": "perdu", "she": "perdue", "we": "perdus",
           "you_pl": "perdus", "they": "perdus"}
LOST_AR = {"i": "تائه", "you_m": "تائه", "you_f": "تائهة", "he": "تائه", "she": "تائهة", "we": "تائهون",
           "you_pl": "تائهون", "they": "تائهون"}
V_LOOK_FR = _w("cherche cherches cherches cherche cherche cherchons cherchez cherchent")
V_LOOK_AR = _w("أبحث تبحث تبحثين يبحث تبحث نبحث تبحثون يبحثون")


def g_lost() -> list[Triple]:
    out = []
    for p in PERSONS:
        if p in ("you_m", "you_pl", "you_f"):
            continue
        i = PIDX[p]
        for pl in PLACES:
            be = EN_BE[p]
            subj = "I" if p == "i" else EN_SUBJ[p].capitalize()
            out.append(_t(f"{subj} {be} lost and {EN_SUBJ[p]} {be} looking for {pl.en}.",
                          _fr(f"{FR_SUBJ[p]} {FR_ETRE[i]} {LOST_FR[p]} et {FR_SUBJ[p]} {V_LOOK_FR[i]} {pl.fr}."),
                          f"{AR_PRON[p]} {LOST_AR[p]} و{V_LOOK_AR[i]} عن {pl.ar}."))
    return _uniq(out)


BE_PLACES = [p for p in PLACES if p.en not in ("the bridge", "the cash machine", "the taxi rank", "the city centre")]
BE_TIME = {"pres": [("now", "en ce moment", "الآن"), ("", "", "")],
           "past": [("yesterday evening", "hier soir", "مساء أمس"), ("this morning", "ce matin", "صباح اليوم"),
                    ("at noon", "à midi", "عند الظهر")],
           "fut": [("tomorrow morning", "demain matin", "صباح الغد"), ("at eight", "à huit heures", "في الساعة الثامنة"),
                   ("in ten minutes", "dans dix minutes", "بعد عشر دقائق")]}


def _ar_at(pl: Place) -> str:
    return ("على " if pl.en == "the beach" else "في ") + pl.ar


def g_be_at() -> list[Triple]:
    rng = random.Random(122)
    out = []
    for _ in range(500):
        p = rng.choice(PERSONS)
        i = PIDX[p]
        pl = rng.choice(BE_PLACES)
        tense = rng.choice(TENSES)
        neg = rng.random() < 0.3
        q = (not neg) and p.startswith("you") and rng.random() < 0.5
        adv = rng.choice(BE_TIME[tense])
        voc = {"you_f": rng.choice(VOC_F), "you_pl": rng.choice(VOC_PL)}.get(p)
        if p == "you_m" and not q:
            continue
        at_en = ("in " if pl.en in ("the park", "the old town") else "at ") + pl.en
        subj_en = EN_SUBJ[p]
        if tense == "pres":
            be = EN_BE[p]
            en = f"{be} {subj_en} {at_en}" if q else f"{subj_en} {be}{' not' if neg else ''} {at_en}"
            fr_v = f"ne {FR_ETRE[i]} pas" if neg else FR_ETRE[i]
            ar = f"{AR_LAYSA[i]} {_ar_at(pl)}" if neg else f"{AR_PRON[p]} {_ar_at(pl)}"
        elif tense == "past":
            be = EN_WAS[p]
            en = f"{be} {subj_en} {at_en}" if q else f"{subj_en} {be}{' not' if neg else ''} {at_en}"
            fr_v = f"ne {FR_ETRE_IMP[i]} pas" if neg else FR_ETRE_IMP[i]
            ar = f"لم {AR_YAKUN_J[i]} {_ar_at(pl)}" if neg else f"{AR_KANA[i]} {_ar_at(pl)}"
        else:
            en = f"will {subj_en} be {at_en}" if q else f"{subj_en} will{' not' if neg else ''} be {at_en}"
            fr_v = f"ne {FR_ETRE_FUT[i]} pas" if neg else FR_ETRE_FUT[i]
            ar = f"لن {_drop_n(AR_YAKUN)[i]} {_ar_at(pl)}" if neg else f"س{AR_YAKUN[i]} {_ar_at(pl)}"
        fr = f"{FR_SUBJ[p]} {fr_v} {pl.fr_at}"
        if adv[0]:
            en, fr, ar = f"{en} {adv[0]}", f"{fr} {adv[1]}", f"{ar} {adv[2]}"
        if q:
            fr = "est-ce que " + fr
            ar = "هل " + (ar[len(AR_PRON[p]) + 1:] if ar.startswith(AR_PRON[p] + " ") and tense == "pres" else ar)
            if tense == "pres":
                ar = f"هل {AR_PRON[p]} {_ar_at(pl)}" + (f" {adv[2]}" if adv[2] else "")
        if voc:
            en, fr, ar = f"{voc[0]}, {en}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
        end = ("?", " ?", "؟") if q else (".", ".", ".")
        out.append(_t(capitalise(en) + end[0], _fr(fr) + end[1], ar + end[2]))
    return _uniq(out)


OPEN_PLACES = [p for p in PLACES if p.en in ("the museum", "the post office", "the bank", "the pharmacy", "the market",
                                              "the tourist office", "the library", "the swimming pool",
                                              "the restaurant", "the café", "the castle", "the French embassy")]
DAYS = [("Monday", "lundi", "الاثنين"), ("Tuesday", "mardi", "الثلاثاء"), ("Wednesday", "mercredi", "الأربعاء"),
        ("Thursday", "jeudi", "الخميس"), ("Friday", "vendredi", "الجمعة"), ("Saturday", "samedi", "السبت"),
        ("Sunday", "dimanche", "الأحد")]


def g_opening() -> list[Triple]:
    rng = random.Random(123)
    out = []
    for _ in range(400):
        p = rng.choice(OPEN_PLACES)
        f = p.ar_g == "f"
        o, c = rng.choice([7, 8, 9, 10]), rng.choice([17, 18, 19, 20, 22])
        day = rng.choice(DAYS)
        k = rng.randrange(5)
        if k == 0:
            out.append(_t(f"{capitalise(p.en)} opens at {o}:00 and closes at {c}:00.",
                          _fr(f"{p.fr} ouvre à {o} h et ferme à {c} h."),
                          f"{'تفتح' if f else 'يفتح'} {p.ar} في الساعة {o}:00 و{'تغلق' if f else 'يغلق'} في الساعة {c}:00."))
        elif k == 1:
            out.append(_t(f"What time does {p.en} open?", _fr(f"à quelle heure ouvre {p.fr} ?"),
                          f"متى {'تفتح' if f else 'يفتح'} {p.ar}؟"))
        elif k == 2:
            fr_closed = "fermée" if p.fr_g == "f" else "fermé"
            out.append(_t(f"{capitalise(p.en)} is closed on {day[0]}s.", _fr(f"{p.fr} est {fr_closed} le {day[1]}."),
                          f"{p.ar} {'مغلقة' if f else 'مغلق'} يوم {day[2]}."))
        elif k == 3:
            fr_open = "ouverte" if p.fr_g == "f" else "ouvert"
            out.append(_t(f"Is {p.en} open on {day[0]}?", _fr(f"est-ce que {p.fr} est {fr_open} {day[1]} ?"),
                          f"هل {p.ar} {'مفتوحة' if f else 'مفتوح'} يوم {day[2]}؟"))
        else:
            fr_open = "ouverte" if p.fr_g == "f" else "ouvert"
            out.append(_t(f"{capitalise(p.en)} is open every day except {day[0]}.",
                          _fr(f"{p.fr} est {fr_open} tous les jours sauf le {day[1]}."),
                          f"{p.ar} {'مفتوحة' if f else 'مفتوح'} كل يوم ما عدا يوم {day[2]}."))
    return _uniq(out)


# ---------------------------------------------------------------- weather
def _cond_adj(key: str, en: str, fr: str, ar_m: str, ar_acc: str, very: bool) -> dict:
    ve, vf, va = ("very ", "très ", " جدًا") if very else ("", "", "")
    e, f, m, a = f"{ve}{en}", f"{vf}{fr}", f"{ar_m}{va}", f"{ar_acc}{va}"
    return {
        "key": key, "very": very,
        "en": {"pres": f"it is {e}", "past": f"it was {e}", "fut": f"it will be {e}"},
        "en_neg": {"pres": f"it is not {e}", "past": f"it was not {e}", "fut": f"it will not be {e}"},
        "en_q": {"pres": f"is it {e}", "past": f"was it {e}", "fut": f"will it be {e}"},
        "en_hab": f"it is {e}",
        "fr": {"pres": f"il fait {f}", "past": f"il a fait {f}", "fut": f"il fera {f}"},
        "fr_neg": {"pres": f"il ne fait pas {f}", "past": f"il n'a pas fait {f}", "fut": f"il ne fera pas {f}"},
        "fr_imp": f"il faisait {f}",
        "ar": {"pres": f"الجو {m}", "past": f"كان الجو {a}", "fut": f"سيكون الجو {a}"},
        "ar_neg": {"pres": f"ليس الجو {a}", "past": f"لم يكن الجو {a}", "fut": f"لن يكون الجو {a}"},
        "ar_hab": f"يكون الجو {a}", "ar_if": f"كان الجو {a}",
    }


def _cond_there(key: str, en: str, fr_np: str, fr_neg: str, fr_lot: str, ar: tuple[str, ...], very: bool) -> dict:
    """``il y a du vent``; Arabic forms given: pres, past, fut, neg pres, neg past, neg fut, habitual, after إذا."""
    ve = "very " if very else ""
    np_ = fr_lot if very else fr_np
    return {
        "key": key, "very": very,
        "en": {"pres": f"it is {ve}{en}", "past": f"it was {ve}{en}", "fut": f"it will be {ve}{en}"},
        "en_neg": {"pres": f"it is not {ve}{en}", "past": f"it was not {ve}{en}", "fut": f"it will not be {ve}{en}"},
        "en_q": {"pres": f"is it {ve}{en}", "past": f"was it {ve}{en}", "fut": f"will it be {ve}{en}"},
        "en_hab": f"it is {ve}{en}",
        "fr": {"pres": f"il y a {np_}", "past": f"il y a eu {np_}", "fut": f"il y aura {np_}"},
        "fr_neg": {"pres": f"il n'y a pas {fr_neg}", "past": f"il n'y a pas eu {fr_neg}",
                   "fut": f"il n'y aura pas {fr_neg}"},
        "fr_imp": f"il y avait {np_}",
        "ar": {"pres": ar[0], "past": ar[1], "fut": ar[2]},
        "ar_neg": {"pres": ar[3], "past": ar[4], "fut": ar[5]},
        "ar_hab": ar[6], "ar_if": ar[7],
    }


def _cond_verb(key: str, en: tuple[str, ...], fr: tuple[str, ...], ar: tuple[str, ...], lot: bool) -> dict:
    """en: base, -ing, past; fr: present, passé composé, future, imperfect (3rd sg, ``il ...``)."""
    base, ing, past = en
    le, lf, la = (" a lot", "beaucoup ", " بغزارة") if lot else ("", "", "")
    fp, fpc, ff, fi = fr
    pc_aux, pc_pp = fpc.split(" ")
    return {
        "key": key, "very": lot,
        "en": {"pres": f"it is {ing}{le}", "past": f"it {past}{le}", "fut": f"it will {base}{le}"},
        "en_neg": {"pres": f"it is not {ing}", "past": f"it did not {base}", "fut": f"it will not {base}"},
        "en_q": {"pres": f"is it {ing}{le}", "past": f"did it {base}{le}", "fut": f"will it {base}{le}"},
        "en_hab": f"it {base}s{le}",
        "fr": {"pres": f"il {fp}{' beaucoup' if lot else ''}", "past": f"il {pc_aux} {lf}{pc_pp}",
               "fut": f"il {ff}{' beaucoup' if lot else ''}"},
        "fr_neg": {"pres": f"il ne {fp} pas", "past": f"il n'{pc_aux} pas {pc_pp}", "fut": f"il ne {ff} pas"},
        "fr_imp": f"il {fi}{' beaucoup' if lot else ''}",
        "ar": {"pres": ar[0] + la, "past": ar[1] + la, "fut": ar[2] + la},
        "ar_neg": {"pres": ar[3], "past": ar[4], "fut": ar[5]},
        "ar_hab": ar[6] + la, "ar_if": ar[7],
    }


CONDS = []
for _very in (False, True):
    CONDS += [
        _cond_adj("hot", "hot", "chaud", "حار", "حارًا", _very),
        _cond_adj("cold", "cold", "froid", "بارد", "باردًا", _very),
        _cond_adj("nice", "nice", "beau", "جميل", "جميلًا", _very),
        _cond_adj("humid", "humid", "humide", "رطب", "رطبًا", _very),
        _cond_there("wind", "windy", "du vent", "de vent", "beaucoup de vent",
                    ("الرياح قوية" + (" جدًا" if _very else ""), "كانت الرياح قوية" + (" جدًا" if _very else ""),
                     "ستكون الرياح قوية" + (" جدًا" if _very else ""), "ليست الرياح قوية", "لم تكن الرياح قوية",
                     "لن تكون الرياح قوية", "تكون الرياح قوية", "كانت الرياح قوية"), _very),
        _cond_there("fog", "foggy", "du brouillard", "de brouillard", "beaucoup de brouillard",
                    ("هناك ضباب" + (" كثيف" if _very else ""), "كان هناك ضباب" + (" كثيف" if _very else ""),
                     "سيكون هناك ضباب" + (" كثيف" if _very else ""), "ليس هناك ضباب", "لم يكن هناك ضباب",
                     "لن يكون هناك ضباب", "يكون هناك ضباب", "كان هناك ضباب"), _very),
        _cond_verb("rain", ("rain", "raining", "rained"), ("pleut", "a plu", "pleuvra", "pleuvait"),
                   ("يهطل المطر", "هطل المطر", "سيهطل المطر", "لا يهطل المطر", "لم يهطل المطر", "لن يهطل المطر",
                    "يهطل المطر", "هطل المطر"), _very),
        _cond_verb("snow", ("snow", "snowing", "snowed"), ("neige", "a neigé", "neigera", "neigeait"),
                   ("تتساقط الثلوج", "تساقطت الثلوج", "ستتساقط الثلوج", "لا تتساقط الثلوج", "لم تتساقط الثلوج",
                    "لن تتساقط الثلوج", "تتساقط الثلوج", "تساقطت الثلوج"), _very),
    ]
CONDS += [
    _cond_adj("mild", "mild", "doux", "معتدل", "معتدلًا", False),
    _cond_adj("warm", "warm", "bon", "دافئ", "دافئًا", False),
    _cond_there("sun", "sunny", "du soleil", "de soleil", "beaucoup de soleil",
                ("الجو مشمس", "كان الجو مشمسًا", "سيكون الجو مشمسًا", "ليس الجو مشمسًا", "لم يكن الجو مشمسًا",
                 "لن يكون الجو مشمسًا", "يكون الجو مشمسًا", "كان الجو مشمسًا"), False),
    _cond_there("cloud", "cloudy", "des nuages", "de nuages", "beaucoup de nuages",
                ("الجو غائم", "كان الجو غائمًا", "سيكون الجو غائمًا", "ليس الجو غائمًا", "لم يكن الجو غائمًا",
                 "لن يكون الجو غائمًا", "يكون الجو غائمًا", "كان الجو غائمًا"), False),
    _cond_there("storm", "stormy", "de l'orage", "d'orage", "de violents orages",
                ("الجو عاصف", "كان الجو عاصفًا", "سيكون الجو عاصفًا", "ليس الجو عاصفًا", "لم يكن الجو عاصفًا",
                 "لن يكون الجو عاصفًا", "يكون الجو عاصفًا", "كان الجو عاصفًا"), False),
]
COND = {(c["key"], c["very"]): c for c in CONDS}
WTIME = {"pres": [("today", "aujourd'hui", "اليوم"), ("this morning", "ce matin", "هذا الصباح"),
                  ("right now", "en ce moment", "الآن"), ("this afternoon", "cet après-midi", "بعد ظهر اليوم")],
         "past": [("yesterday", "hier", "أمس"), ("last night", "la nuit dernière", "الليلة الماضية"),
                  ("last weekend", "le week-end dernier", "في نهاية الأسبوع الماضي"),
                  ("on Sunday", "dimanche", "يوم الأحد")],
         "fut": [("tomorrow", "demain", "غدًا"), ("tonight", "cette nuit", "الليلة"),
                 ("this weekend", "ce week-end", "في نهاية هذا الأسبوع"),
                 ("tomorrow morning", "demain matin", "صباح الغد"), ("on Friday", "vendredi", "يوم الجمعة")]}
SNOWY = {"Montreal", "Geneva", "Berlin", "Tokyo", "Istanbul", "Lyon", "Brussels", "Paris", "Madrid", "Amman",
         "London", "Athens"}
HOT_OK = {c.en for c in CITIES} - {"London", "Brussels", "Montreal", "Geneva", "Berlin"}


def _ok(cond: dict, city: Dest) -> bool:
    if cond["key"] == "snow":
        return city.en in SNOWY
    if cond["key"] == "hot" and cond["very"]:
        return city.en in HOT_OK
    return True


def g_weather_city() -> list[Triple]:
    rng = random.Random(130)
    out = []
    for _ in range(700):
        c, city, tense = rng.choice(CONDS), rng.choice(CITIES), rng.choice(TENSES)
        if not _ok(c, city):
            continue
        adv = rng.choice(WTIME[tense])
        mode = rng.choice(["aff", "aff", "neg", "q"])
        if mode == "neg" and c["very"] and c["key"] in ("rain", "snow", "fog", "wind"):
            continue
        if mode == "aff":
            en, fr, ar = c["en"][tense], c["fr"][tense], c["ar"][tense]
        elif mode == "neg":
            en, fr, ar = c["en_neg"][tense], c["fr_neg"][tense], c["ar_neg"][tense]
        else:
            en, fr, ar = c["en_q"][tense], "est-ce que " + c["fr"][tense], "هل " + c["ar"][tense]
        if rng.random() < 0.5:
            en = f"{en} in {city.en} {adv[0]}"
            fr = f"{fr} {city.fr_to} {adv[1]}"
            ar = f"{ar} في {city.ar} {adv[2]}"
        else:
            en = f"{en} {adv[0]} in {city.en}"
            fr = f"{adv[1]}, {fr} {city.fr_to}" if mode != "q" else f"{fr} {adv[1]} {city.fr_to}"
            ar = f"{ar} {adv[2]} في {city.ar}"
        end = ("?", " ?", "؟") if mode == "q" else (".", ".", ".")
        out.append(_t(capitalise(en) + end[0], _fr(fr) + end[1], ar + end[2]))
    return _uniq(out)


def g_forecast() -> list[Triple]:
    rng = random.Random(131)
    out = []
    frames = [("According to the forecast, ", "selon la météo, ", "حسب النشرة الجوية، "),
              ("Apparently, ", "apparemment, ", "على ما يبدو، "),
              ("The forecast says that ", "la météo annonce qu'", "تقول النشرة الجوية إنه "),
              ("They say that ", "on dit qu'", "يقولون إنه ")]
    for _ in range(500):
        c, city = rng.choice(CONDS), rng.choice(CITIES)
        if not _ok(c, city):
            continue
        f = rng.choice(frames)
        adv = rng.choice(WTIME["fut"])
        neg = rng.random() < 0.25 and not (c["very"] and c["key"] in ("rain", "snow", "fog", "wind"))
        en = (c["en_neg"] if neg else c["en"])["fut"]
        fr = (c["fr_neg"] if neg else c["fr"])["fut"]
        ar = (c["ar_neg"] if neg else c["ar"])["fut"]
        if f[2].endswith("إنه ") and c["key"] not in ("rain", "snow", "fog"):
            continue
        fr_body = fr[3:] if f[1].endswith("qu'") else fr  # "qu'il ..." : drop the "il "
        if f[1].endswith("qu'"):
            fr_full = f[1] + "il " + fr_body
        else:
            fr_full = f[1] + fr
        out.append(_t(f"{f[0]}{en} in {city.en} {adv[0]}.", _fr(fr_full + f" {city.fr_to} {adv[1]}."),
                      f"{f[2]}{ar} في {city.ar} {adv[2]}."))
    return _uniq(out)


def _deg(n: int) -> tuple[str, str, str]:
    """A temperature: ``25 degrees`` / ``25 degrés`` / ``25 درجة``; below zero, ``minus 5 degrees``."""
    if n < 0:
        m = -n
        return f"minus {m} degrees", f"moins {m} degrés", f"{ar_count(m, 'درجة', 'درجات', 'درجة')} تحت الصفر"
    return f"{n} degrees", f"{n} degrés", ar_count(n, "درجة", "درجات", "درجة")


def _temp_for(city: Dest, rng: random.Random) -> int:
    if city.en in ("Montreal", "Berlin", "Geneva") and rng.random() < 0.4:
        return -rng.choice([3, 4, 5, 6, 7, 8, 10, 12, 15])
    lo, hi = {"north": (3, 28), "south": (5, 36), "desert": (12, 46)}[CLIMATE_OF.get(city.en, "south")]
    n = rng.randint(lo, hi)
    while n % 100 in (1, 2):
        n = rng.randint(lo, hi)
    return n


def g_temperature() -> list[Triple]:
    rng = random.Random(132)
    out = []
    for _ in range(600):
        city = rng.choice(CITIES)
        n = _temp_for(city, rng)
        de, df, da = _deg(n)
        tense = rng.choice(TENSES + ("q", "q2"))
        if tense == "pres":
            adv = rng.choice(WTIME["pres"])
            out.append(_t(f"It is {de} in {city.en} {adv[0]}.", _fr(f"il fait {df} {city.fr_to} {adv[1]}."),
                          f"درجة الحرارة {da} في {city.ar} {adv[2]}."))
        elif tense == "past":
            adv = rng.choice(WTIME["past"])
            out.append(_t(f"The temperature was {de} in {city.en} {adv[0]}.",
                          _fr(f"la température était de {df} {city.fr_to} {adv[1]}."),
                          f"كانت درجة الحرارة {da} في {city.ar} {adv[2]}."))
        elif tense == "fut":
            adv = rng.choice(WTIME["fut"])
            out.append(_t(f"The temperature will reach {de} in {city.en} {adv[0]}.",
                          _fr(f"la température atteindra {df} {city.fr_to} {adv[1]}."),
                          f"ستصل درجة الحرارة إلى {da} في {city.ar} {adv[2]}."))
        elif tense == "q":
            adv = rng.choice(WTIME["pres"] + WTIME["fut"][:1])
            if adv[0] == "tomorrow":
                out.append(_t(f"What will the temperature be in {city.en} tomorrow?",
                              _fr(f"quelle température fera-t-il {city.fr_to} demain ?"),
                              f"كم ستكون درجة الحرارة في {city.ar} غدًا؟"))
            else:
                out.append(_t(f"What is the temperature in {city.en} {adv[0]}?",
                              _fr(f"quelle température fait-il {city.fr_to} {adv[1]} ?"),
                              f"كم درجة الحرارة في {city.ar} {adv[2]}؟"))
        else:
            lo = rng.randint(3, 20)
            hi = lo + rng.randint(5, 15)
            if lo % 100 in (1, 2) or hi % 100 in (1, 2):
                continue
            adv = rng.choice(WTIME["fut"])
            ar_hi = ar_count(hi, "درجة", "درجات", "درجة")
            out.append(_t(f"Temperatures will be between {lo} and {hi} degrees in {city.en} {adv[0]}.",
                          _fr(f"les températures seront comprises entre {lo} et {hi} degrés {city.fr_to} {adv[1]}."),
                          f"ستتراوح درجات الحرارة بين {lo} و{ar_hi} في {city.ar} {adv[2]}."))
    return _uniq(out)


ITEMS = [  # en sg, en pl, fr sg noun, fr gender, fr pl noun, ar sg, ar pl, tags
    ("umbrella", "umbrellas", "parapluie", "m", "parapluies", "مظلة", "مظلات", "rain"),
    ("coat", "coats", "manteau", "m", "manteaux", "معطف", "معاطف", "cold snow wind"),
    ("scarf", "scarves", "écharpe", "f", "écharpes", "وشاح", "أوشحة", "cold snow wind"),
    ("hat", "hats", "chapeau", "m", "chapeaux", "قبعة", "قبعات", "sun"),
    ("sunglasses", "sunglasses", "lunettes de soleil", "pl", "lunettes de soleil", "نظارة شمسية", "نظارات شمسية",
     "sun"),
    ("gloves", "gloves", "gants", "pl", "gants", "قفازات", "قفازات", "cold snow"),
    ("sweater", "sweaters", "pull", "m", "pulls", "كنزة", "كنزات", "cold wind"),
    ("jacket", "jackets", "veste", "f", "vestes", "سترة", "سترات", "cold wind rain"),
    ("raincoat", "raincoats", "imperméable", "m", "imperméables", "معطف واق من المطر", "معاطف واقية من المطر", "rain"),
]
REASONS = {
    "rain": [("it is going to rain", "il va pleuvoir", "السماء ستمطر"),
             ("it is raining", "il pleut", "المطر يهطل")],
    "cold": [("it is cold outside", "il fait froid dehors", "الجو بارد في الخارج"),
             ("it will be very cold tonight", "il fera très froid ce soir", "الجو سيكون باردًا جدًا الليلة")],
    "snow": [("it is going to snow", "il va neiger", "الثلوج ستتساقط"),
             ("it is snowing in the mountains", "il neige en montagne", "الثلوج تتساقط في الجبال")],
    "wind": [("it is very windy today", "il y a beaucoup de vent aujourd'hui", "الرياح قوية جدًا اليوم")],
    "sun": [("the sun is very strong", "le soleil est très fort", "الشمس قوية جدًا"),
            ("it will be hot and sunny", "il fera chaud et il y aura du soleil", "الجو سيكون حارًا ومشمسًا")],
}
IMPERATIVES = {  # person: (en, fr imperative, ar imperative) per verb
    "take": {"you_m": ("Take", "prends", "خذ"), "you_f": ("Take", "prends", "خذي"), "you_pl": ("Take", "prenez", "خذوا")},
    "forget": {"you_m": ("Don't forget", "n'oublie pas", "لا تنس"), "you_f": ("Don't forget", "n'oublie pas", "لا تنسي"),
               "you_pl": ("Don't forget", "n'oubliez pas", "لا تنسوا")},
    "wear": {"you_m": ("Put on", "mets", "البس"), "you_f": ("Put on", "mets", "البسي"),
             "you_pl": ("Put on", "mettez", "البسوا")},
    "bring": {"you_m": ("Bring", "emporte", "أحضر"), "you_f": ("Bring", "emporte", "أحضري"),
              "you_pl": ("Bring", "emportez", "أحضروا")},
}


def g_take_items() -> list[Triple]:
    rng = random.Random(133)
    out = []
    for _ in range(600):
        p = rng.choice(["you_m", "you_f", "you_pl"])
        verb = rng.choice(list(IMPERATIVES))
        en_sg, en_pl, fr_n, g, fr_pl, ar_sg, ar_pl, tags = rng.choice(ITEMS)
        if verb == "wear" and en_sg in ("umbrella",):
            continue
        tag = rng.choice(tags.split())
        reason = rng.choice(REASONS[tag])
        ie, if_, ia = IMPERATIVES[verb][p]
        plural = p == "you_pl"
        en_obj = f"your {en_pl if plural else en_sg}"
        fr_obj = _fr_poss_np(fr_pl if plural else fr_n, g, p, plural)
        ar_obj = ar_poss(ar_pl if plural else ar_sg, p) if " " not in (ar_pl if plural else ar_sg) else None
        if ar_obj is None:  # "معطف واق من المطر": the suffix goes on the head noun
            head, rest = (ar_pl if plural else ar_sg).split(" ", 1)
            ar_obj = f"{ar_poss(head, p)} {rest}"
            if en_sg == "sunglasses":
                ar_obj = f"{ar_poss(head, p)} {rest}"
        if en_sg == "sunglasses":
            head, rest = (ar_pl if plural else ar_sg).split(" ")
            ar_obj = f"{ar_poss(head, p)} ال{rest}"
        if en_sg == "raincoat":
            continue
        voc = {"you_f": rng.choice(VOC_F), "you_pl": rng.choice(VOC_PL), "you_m": rng.choice(VOC_M)}[p]
        en = f"{voc[0]}, {ie[0].lower()}{ie[1:]} {en_obj} because {reason[0]}."
        fr = f"{voc[1]}, {if_} {fr_obj}, car {reason[1]}."
        ar = f"{voc[2]}، {ia} {ar_obj} لأن {reason[2]}."
        out.append(_t(en, _fr(fr), ar))
    return _uniq(out)


SEASONS = [("winter", "l'hiver", "en hiver", "الشتاء"), ("summer", "l'été", "en été", "الصيف"),
           ("spring", "le printemps", "au printemps", "الربيع"), ("autumn", "l'automne", "en automne", "الخريف")]
CLIMATE = {  # climate class: season -> adjectives (en, fr m, ar, ar acc)
    "north": {"winter": ["cold", "long", "grey"], "summer": ["mild", "pleasant", "short"],
              "spring": ["rainy", "mild"], "autumn": ["rainy", "grey"]},
    "south": {"winter": ["mild", "rainy", "short"], "summer": ["hot", "dry", "long"],
              "spring": ["pleasant", "mild"], "autumn": ["mild", "pleasant"]},
    "desert": {"winter": ["mild", "pleasant", "short"], "summer": ["hot", "dry", "long"], "spring": ["hot", "dry"],
               "autumn": ["hot", "pleasant"]},
}
S_ADJ = {"cold": ("cold", "froid", "بارد", "باردًا"), "long": ("long", "long", "طويل", "طويلًا"),
         "grey": ("grey", "gris", "غائم", "غائمًا"), "mild": ("mild", "doux", "معتدل", "معتدلًا"),
         "pleasant": ("pleasant", "agréable", "لطيف", "لطيفًا"), "short": ("short", "court", "قصير", "قصيرًا"),
         "rainy": ("rainy", "pluvieux", "ممطر", "ممطرًا"), "hot": ("hot", "chaud", "حار", "حارًا"),
         "dry": ("dry", "sec", "جاف", "جافًا")}
CLIMATE_OF = {"London": "north", "Brussels": "north", "Berlin": "north", "Geneva": "north", "Montreal": "north",
              "Paris": "north", "Lyon": "north", "Tokyo": "north", "Marseille": "south", "Nice": "south",
              "Rome": "south", "Madrid": "south", "Barcelona": "south", "Lisbon": "south", "Athens": "south",
              "Tunis": "south", "Algiers": "south", "Casablanca": "south", "Rabat": "south", "Beirut": "south",
              "Istanbul": "south", "Toulouse": "south", "Bordeaux": "south", "Cairo": "desert", "Dubai": "desert",
              "Doha": "desert", "Marrakesh": "desert", "Amman": "desert"}
CLIMATE_OF_COUNTRY = {"Canada": "north", "Germany": "north", "Belgium": "north", "Switzerland": "north",
                      "Japan": "north", "Spain": "south", "Italy": "south", "Greece": "south", "Portugal": "south",
                      "Tunisia": "south", "Lebanon": "south", "Morocco": "south", "Egypt": "desert",
                      "Qatar": "desert", "Jordan": "desert"}


def g_seasons() -> list[Triple]:
    rng = random.Random(134)
    out = []
    places = [(CITY[k], v) for k, v in CLIMATE_OF.items()] + [(COUNTRY[k], v) for k, v in CLIMATE_OF_COUNTRY.items()]
    for _ in range(600):
        d, clim = rng.choice(places)
        s_en, s_fr, s_fr_in, s_ar = rng.choice(SEASONS)
        a_en, a_fr, a_ar, a_acc = S_ADJ[rng.choice(CLIMATE[clim][s_en])]
        very = rng.choice([("", "", ""), ("very ", "très ", " جدًا")]) if a_en not in ("grey", "rainy") else ("", "", "")
        k = rng.randrange(4)
        if k == 0:
            out.append(_t(f"{capitalise(s_en)} is {very[0]}{a_en} in {d.en}.",
                          _fr(f"{s_fr} est {very[1]}{a_fr} {d.fr_to}."), f"{s_ar} {a_ar}{very[2]} في {d.ar}."))
        elif k == 1:
            out.append(_t(f"Is {s_en} {a_en} in {d.en}?", _fr(f"est-ce que {s_fr} est {a_fr} {d.fr_to} ?"),
                          f"هل {s_ar} {a_ar} في {d.ar}؟"))
        elif k == 2:
            opp = {"cold": "hot", "hot": "cold", "long": "short", "short": "long", "dry": "rainy", "rainy": "dry",
                   "mild": "cold" if s_en == "winter" else "hot"}
            if a_en not in opp:
                continue
            b_en, b_fr, b_ar, b_acc = S_ADJ[opp[a_en]]
            out.append(_t(f"{capitalise(s_en)} is not {b_en} in {d.en}.", _fr(f"{s_fr} ne est pas {b_fr} {d.fr_to}."),
                          f"{s_ar} ليس {b_acc} في {d.ar}."))
        else:
            if a_en in ("long", "short", "grey", "pleasant"):
                continue
            en_w = {"cold": "it is cold", "mild": "it is mild", "rainy": "it often rains", "hot": "it is hot",
                    "dry": "it hardly ever rains"}[a_en]
            fr_w = {"cold": "il fait froid", "mild": "il fait doux", "rainy": "il pleut souvent",
                    "hot": "il fait chaud", "dry": "il ne pleut presque jamais"}[a_en]
            ar_w = {"cold": "يكون الجو باردًا", "mild": "يكون الجو معتدلًا", "rainy": "يهطل المطر كثيرًا",
                    "hot": "يكون الجو حارًا", "dry": "لا يهطل المطر تقريبًا"}[a_en]
            out.append(_t(f"In {s_en}, {en_w} in {d.en}.", _fr(f"{s_fr_in}, {fr_w} {d.fr_to}."),
                          f"في {s_ar}، {ar_w} في {d.ar}."))
    return _uniq(out)


WEATHER_NOUNS = [("snow", "la neige", "الثلج"), ("rain", "la pluie", "المطر"), ("the sun", "le soleil", "الشمس"),
                 ("the wind", "le vent", "الرياح"), ("the heat", "la chaleur", "الحر"), ("the cold", "le froid", "البرد"),
                 ("fog", "le brouillard", "الضباب"), ("storms", "les orages", "العواصف"),
                 ("summer", "l'été", "الصيف"), ("winter", "l'hiver", "الشتاء"), ("spring", "le printemps", "الربيع"),
                 ("autumn", "l'automne", "الخريف"), ("hot weather", "le temps chaud", "الطقس الحار"),
                 ("cold weather", "le temps froid", "الطقس البارد"), ("rainy days", "les jours de pluie", "الأيام الممطرة")]
LIKE_VERBS = [
    ("like|likes", _w("aime aimes aimes aime aime aimons aimez aiment"), _w("أحب تحب تحبين يحب تحب نحب تحبون يحبون")),
    ("love|loves", _w("adore adores adores adore adore adorons adorez adorent"),
     _w("أعشق تعشق تعشقين يعشق تعشق نعشق تعشقون يعشقون")),
    ("hate|hates", _w("déteste détestes détestes déteste déteste détestons détestez détestent"),
     _w("أكره تكره تكرهين يكره تكره نكره تكرهون يكرهون")),
]


def g_likes() -> list[Triple]:
    rng = random.Random(135)
    out = []
    subs = [s for s in _subjects() if not (s.p == "you_m" and not s.voc)]
    for _ in range(500):
        s = rng.choice(subs)
        en_v, fr_v, ar_v = rng.choice(LIKE_VERBS)
        n = rng.choice(WEATHER_NOUNS)
        base, s3 = en_v.split("|")
        i, ia = PIDX[s.p], PIDX[s.ar_p]
        mode = rng.choice(["aff", "aff", "neg", "q"])
        if mode == "q" and not (s.p.startswith("you") and s.question_ok):
            mode = "aff"
        if mode == "neg" and not en_v.startswith("like"):
            mode = "aff"
        if mode == "aff":
            en = f"{s.en} {s3 if s.en_3s else base} {n[0]}"
            fr = f"{s.fr} {fr_v[i]} {n[1]}"
            ar = " ".join(x for x in (ar_v[ia], s.ar_noun, n[2]) if x)
        elif mode == "neg":
            en = f"{s.en} {'does not' if s.en_3s else 'do not'} like {n[0]}"
            fr = f"{s.fr} ne {fr_v[i]} pas {n[1]}"
            ar = " ".join(x for x in ("لا " + ar_v[ia], s.ar_noun, n[2]) if x)
        else:
            en = f"do you {base} {n[0]}"
            fr = f"est-ce que {s.fr} {fr_v[i]} {n[1]}"
            ar = f"هل {ar_v[ia]} {n[2]}"
        if s.voc:
            en, fr, ar = f"{s.voc[0]}, {en}", f"{s.voc[1]}, {fr}", f"{s.voc[2]}، {ar}"
        end = ("?", " ?", "؟") if mode == "q" else (".", ".", ".")
        out.append(_t(capitalise(en) + end[0], _fr(fr) + end[1], ar + end[2]))
    return _uniq(out)


CONSEQ = [  # condition keys, en (after will), fr future per person (stem phrase), ar future per person
    ("rain snow wind cold storm", "stay at the hotel", _w("resterai resteras resteras restera restera resterons resterez resteront"),
     "à l'hôtel", _w("أبقى تبقى تبقين يبقى تبقى نبقى تبقون يبقون"), "في الفندق"),
    ("rain cold snow storm", "visit the museum", V_VISIT.fr_fut, "le musée", V_VISIT.ar_pres, "المتحف"),
    ("nice sun hot warm", "go to the beach", V_GO.fr_fut, "à la plage", V_GO.ar_pres, "إلى الشاطئ"),
    ("nice sun warm mild", "have lunch outside", _w("déjeunerai déjeuneras déjeuneras déjeunera déjeunera déjeunerons déjeunerez déjeuneront"),
     "dehors", _w("أتناول تتناول تتناولين يتناول تتناول نتناول تتناولون يتناولون"), "الغداء في الخارج"),
    ("rain snow storm wind", "take a taxi", V_TAKE.fr_fut, "un taxi", V_TAKE.ar_pres, "سيارة أجرة"),
    ("snow", "go skiing", V_GO.fr_fut, "skier", V_GO.ar_pres, "للتزلج"),
    ("nice sun mild warm", "walk in the old town", _w("me promènerai|te promèneras|te promèneras|se promènera|se promènera|nous promènerons|vous promènerez|se promèneront"),
     "dans la vieille ville", _w("أتجول تتجول تتجولين يتجول تتجول نتجول تتجولون يتجولون"), "في المدينة القديمة"),
    ("hot", "swim in the sea", _w("nagerai nageras nageras nagera nagera nagerons nagerez nageront"), "dans la mer",
     _w("أسبح تسبح تسبحين يسبح تسبح نسبح تسبحون يسبحون"), "في البحر"),
    ("rain snow storm fog", "stay at home", _w("resterai resteras resteras restera restera resterons resterez resteront"),
     "à la maison", _w("أبقى تبقى تبقين يبقى تبقى نبقى تبقون يبقون"), "في البيت"),
    ("nice sun mild", "rent bikes", V_RENT.fr_fut, "des vélos", V_RENT.ar_pres, "دراجات"),
    ("fog storm wind snow", "cancel the trip", _w("annulerai annuleras annuleras annulera annulera annulerons annulerez annuleront"),
     "l'excursion", _w("ألغي تلغي تلغين يلغي تلغي نلغي تلغون يلغون"), "الرحلة"),
]
IF_CONDS = [("rain", False), ("snow", False), ("nice", False), ("hot", True), ("cold", True), ("wind", True),
            ("sun", False), ("fog", False), ("storm", False), ("warm", False), ("mild", False)]


def g_if_weather() -> list[Triple]:
    rng = random.Random(136)
    out = []
    for _ in range(600):
        key, very = rng.choice(IF_CONDS)
        c = COND[(key, very)]
        opts = [x for x in CONSEQ if key in x[0].split()]
        if not opts:
            continue
        cq = rng.choice(opts)
        p = rng.choice(PERSONS)
        i = PIDX[p]
        adv = rng.choice([("tomorrow", "demain", "غدًا"), ("", "", ""), ("this afternoon", "cet après-midi", "بعد الظهر"),
                          ("on Saturday", "samedi", "يوم السبت")])
        en_if = c["en_hab"] if key not in ("rain", "snow") else f"it {'rains' if key == 'rain' else 'snows'}"
        if very and key in ("hot", "cold"):
            en_if = en_if.replace("very", "too")
        fr_if = "s'" + c["fr"]["pres"] if c["fr"]["pres"].startswith("il ") else "si " + c["fr"]["pres"]
        if very and key in ("hot", "cold"):
            fr_if = fr_if.replace("très", "trop")
        ar_if = c["ar_if"]
        if very and key == "wind":
            ar_if = "كانت الرياح قوية جدًا"
            en_if, fr_if = "it is very windy", "s'il y a beaucoup de vent"
        en_adv = f" {adv[0]}" if adv[0] else ""
        fr_adv = f" {adv[1]}" if adv[1] else ""
        ar_adv = f" {adv[2]}" if adv[2] else ""
        subj_en = EN_SUBJ[p]
        if p.startswith("you") and p != "you_pl":
            continue
        en_main = f"{subj_en} will {cq[1]}"
        fr_main = f"{FR_SUBJ[p]} {cq[2][i]} {cq[3]}"
        ar_main = f"س{cq[4][i]} {cq[5]}"
        voc = rng.choice(VOC_PL) if p == "you_pl" else None
        en = f"If {en_if}{en_adv}, {en_main}."
        fr = f"{fr_if}{fr_adv}, {fr_main}."
        ar = f"إذا {ar_if}{ar_adv}، {ar_main}."
        if voc:
            en, fr, ar = f"{voc[0]}, {en[0].lower()}{en[1:]}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
        out.append(_t(capitalise(en), _fr(fr), ar))
    return _uniq(out)


V_STAYREST_PAST_FR = ["suis resté", "es resté", "es restée", "est resté", "est restée", "sommes restés", "êtes restés",
                      "sont restés"]
V_STAYREST_PAST_AR = _w("بقيت بقيت بقيتِ بقي بقيت بقينا بقيتم بقوا")
ANNA = _w("أنني أنك أنكِ أنه أنها أننا أنكم أنهم")
SO_CONDS = [("it was so cold", "il faisait tellement froid", "كان الجو باردًا جدًا"),
            ("it was so hot", "il faisait tellement chaud", "كان الجو حارًا جدًا"),
            ("it was raining so hard", "il pleuvait tellement", "كان المطر غزيرًا جدًا"),
            ("the wind was so strong", "le vent était si fort", "كانت الرياح قوية جدًا"),
            ("it was snowing so much", "il neigeait tellement", "كانت الثلوج كثيفة جدًا")]
SO_PLACES = [("at the hotel", "à l'hôtel", "في الفندق"), ("at home", "à la maison", "في البيت"),
             ("inside", "à l'intérieur", "في الداخل"), ("in our room", "dans notre chambre", "في غرفتنا"),
             ("at the airport", "à l'aéroport", "في المطار")]


def g_so_that() -> list[Triple]:
    out = []
    rng = random.Random(137)
    for _ in range(400):
        p = rng.choice(PERSONS)
        i = PIDX[p]
        c = rng.choice(SO_CONDS)
        pl = rng.choice(SO_PLACES)
        if pl[0] == "in our room" and p != "we":
            continue
        if p in ("you_m", "you_f", "you_pl"):
            continue
        en = f"{c[0]} that {EN_SUBJ[p]} stayed {pl[0]}."
        fr = f"{c[1]} que {FR_SUBJ[p]} {V_STAYREST_PAST_FR[i]} {pl[1]}."
        ar = f"{c[2]} لدرجة {ANNA[i]} {V_STAYREST_PAST_AR[i]} {pl[2]}."
        out.append(_t(capitalise(en), _fr(fr), ar))
        k = rng.randrange(2)
        if k == 0:
            couldnt = _w("أستطع تستطع تستطيعي يستطع تستطع نستطع تستطيعوا يستطيعوا")[i]
            fr_pu = _w("ai as as a a avons avez ont")[i]
            out.append(_t(capitalise(f"{c[0]} that {EN_SUBJ[p]} could not go out."),
                          _fr(f"{c[1]} que {FR_SUBJ[p]} ne {fr_pu} pas pu sortir."),
                          f"{c[2]} لدرجة {ANNA[i]} لم {couldnt} الخروج."))
    return _uniq(out)


WEAR_FR = _w("porte portes portes porte porte portons portez portent")
WEAR_AR = _w("أرتدي ترتدي ترتدين يرتدي ترتدي نرتدي ترتدون يرتدون")
WORE_AR = _w("ارتديت ارتديت ارتديتِ ارتدى ارتدت ارتدينا ارتديتم ارتدوا")
WEAR_FUT_FR = _w("porterai porteras porteras portera portera porterons porterez porteront")
CLOTHES = {  # en, fr (indefinite), ar (accusative indefinite)
    "cold": [("a coat", "un manteau", "معطفًا"), ("a scarf", "une écharpe", "وشاحًا"), ("gloves", "des gants", "قفازات"),
             ("a warm sweater", "un pull chaud", "كنزة دافئة"), ("a woolly hat", "un bonnet", "قبعة صوفية"),
             ("a thick jacket", "une veste épaisse", "سترة سميكة")],
    "hot": [("shorts", "un short", "سروالًا قصيرًا"), ("a hat", "un chapeau", "قبعة"),
            ("sandals", "des sandales", "صندلًا"), ("a light shirt", "une chemise légère", "قميصًا خفيفًا"),
            ("sunglasses", "des lunettes de soleil", "نظارة شمسية")],
    "rain": [("a raincoat", "un imperméable", "معطفًا واقيًا من المطر"), ("boots", "des bottes", "حذاءً طويلًا"),
             ("a hooded jacket", "une veste à capuche", "سترة بقبعة")],
}
WHEN_C = {"cold": ("it is cold", "il fait froid", "يكون الجو باردًا", "it was cold", "il faisait froid", "كان الجو باردًا",
                   "it will be cold", "il fera froid", "سيكون الجو باردًا"),
          "hot": ("it is hot", "il fait chaud", "يكون الجو حارًا", "it was hot", "il faisait chaud", "كان الجو حارًا",
                  "it will be hot", "il fera chaud", "سيكون الجو حارًا"),
          "rain": ("it rains", "il pleut", "يهطل المطر", "it was raining", "il pleuvait", "كان المطر يهطل",
                   "it will rain", "il pleuvra", "سيهطل المطر")}


def g_wear() -> list[Triple]:
    rng = random.Random(138)
    out = []
    for _ in range(600):
        p = rng.choice([x for x in PERSONS if not x.startswith("you")])
        i = PIDX[p]
        key = rng.choice(list(CLOTHES))
        items = rng.sample(CLOTHES[key], 2) if rng.random() < 0.5 else [rng.choice(CLOTHES[key])]
        if any(x[2] == "حذاءً طويلًا" for x in items):
            continue
        en_o = " and ".join(x[0] for x in items)
        fr_o = " et ".join(x[1] for x in items)
        ar_o = " و".join(x[2] for x in items)
        w = WHEN_C[key]
        tense = rng.choice(TENSES)
        wear_en = "wears" if p in EN_3S else "wear"
        if tense == "pres":
            en = f"When {w[0]}, {EN_SUBJ[p]} {wear_en} {en_o}."
            fr = f"quand {w[1]}, {FR_SUBJ[p]} {WEAR_FR[i]} {fr_o}."
            ar = f"عندما {w[2]}، {WEAR_AR[i]} {ar_o}."
        elif tense == "past":
            en = f"Yesterday {w[3]}, so {EN_SUBJ[p]} wore {en_o}."
            fr = f"hier, {w[4]}, alors {FR_SUBJ[p]} {FR_AVOIR[i]} mis {fr_o}."
            ar = f"أمس {w[5]}، لذلك {WORE_AR[i]} {ar_o}."
        else:
            en = f"Tomorrow {w[6]}, so {EN_SUBJ[p]} will wear {en_o}."
            fr = f"demain, {w[7]}, donc {FR_SUBJ[p]} {WEAR_FUT_FR[i]} {fr_o}."
            ar = f"غدًا {w[8]}، لذلك س{WEAR_AR[i]} {ar_o}."
        if p == "you_pl":
            v = rng.choice(VOC_PL)
            en, fr, ar = f"{v[0]}, {en[0].lower()}{en[1:]}", f"{v[1]}, {fr}", f"{v[2]}، {ar}"
        out.append(_t(capitalise(en), _fr(fr), ar))
    return _uniq(out)


def g_day_contrast() -> list[Triple]:
    rng = random.Random(139)
    out = []
    good = [c for c in CONDS if c["key"] in ("nice", "sun", "warm", "mild") or (c["key"] == "hot" and not c["very"])]
    bad = [c for c in CONDS if c["key"] in ("rain", "snow", "cold", "wind", "fog", "storm", "cloud")]
    for _ in range(500):
        d1, d2 = rng.sample(DAYS, 2)
        a, b = (rng.choice(bad), rng.choice(good)) if rng.random() < 0.5 else (rng.choice(good), rng.choice(bad))
        city = rng.choice(CITIES)
        if not (_ok(a, city) and _ok(b, city)):
            continue
        tense = rng.choice(["fut", "fut", "past"])
        en = f"On {d1[0]} {a['en'][tense]} in {city.en}, but on {d2[0]} {b['en'][tense]}."
        fr = f"{d1[1]}, {a['fr'][tense]} {city.fr_to}, mais {d2[1]}, {b['fr'][tense]}."
        ar = f"يوم {d1[2]} {a['ar'][tense]} في {city.ar}، لكن يوم {d2[2]} {b['ar'][tense]}."
        if tense == "fut":
            ar = f"{a['ar'][tense]} في {city.ar} يوم {d1[2]}، لكن {b['ar'][tense]} يوم {d2[2]}."
        out.append(_t(en, _fr(fr), ar))
    return _uniq(out)


def g_weather_qa() -> list[Triple]:
    rng = random.Random(140)
    out = []
    answers = [c for c in CONDS if not c["very"] or c["key"] in ("hot", "cold")]
    for _ in range(500):
        city = rng.choice(CITIES)
        c = rng.choice(answers)
        if not _ok(c, city):
            continue
        n = _temp_for(city, rng)
        if c["key"] == "hot" and n < 25 or c["key"] == "cold" and n > 12 or c["key"] == "snow" and n > 2:
            continue
        if c["key"] in ("warm", "nice", "sun") and n < 15:
            continue
        de, df, da = _deg(n)
        tense = rng.choice(["pres", "fut"])
        if tense == "pres":
            q_en, q_fr, q_ar = (f"What is the weather like in {city.en} today?",
                                f"quel temps fait-il {city.fr_to} aujourd'hui ?", f"كيف الطقس في {city.ar} اليوم؟")
            t_en, t_fr, t_ar = f"the temperature is {de}", f"la température est de {df}", f"درجة الحرارة {da}"
        else:
            q_en, q_fr, q_ar = (f"What will the weather be like in {city.en} tomorrow?",
                                f"quel temps fera-t-il {city.fr_to} demain ?", f"كيف سيكون الطقس في {city.ar} غدًا؟")
            t_en, t_fr, t_ar = (f"the temperature will be {de}", f"la température sera de {df}",
                                f"ستكون درجة الحرارة {da}")
        out.append(_t(f"{q_en} {capitalise(c['en'][tense])} and {t_en}.",
                      _fr(q_fr) + " " + _fr(f"{c['fr'][tense]} et {t_fr}."),
                      f"{q_ar} {c['ar'][tense]} و{t_ar}."))
    return _uniq(out)


# ---------------------------------------------------------------- hand-written sentences
HAND = [
    # airport
    ("Where is the check-in desk for the flight to Tunis?", "Où est le comptoir d'enregistrement pour le vol de Tunis ?",
     "أين مكتب تسجيل الوصول للرحلة المتجهة إلى تونس؟"),
    ("Our flight has been delayed by two hours.", "Notre vol a été retardé de deux heures.", "تأخرت رحلتنا ساعتين."),
    ("Please fasten your seat belts.", "Veuillez attacher vos ceintures.", "يرجى ربط أحزمة الأمان."),
    ("The plane is about to take off.", "L'avion est sur le point de décoller.", "الطائرة على وشك الإقلاع."),
    ("We landed in Cairo at midnight.", "Nous avons atterri au Caire à minuit.", "هبطنا في القاهرة عند منتصف الليل."),
    ("May I see your passport, please?", "Puis-je voir votre passeport, s'il vous plaît ?",
     "هل يمكنني أن أرى جواز سفرك من فضلك؟"),
    ("How many bags are you checking in?", "Combien de bagages enregistrez-vous ?", "كم حقيبة ستسجل؟"),
    ("I only have hand luggage.", "J'ai seulement un bagage à main.", "لدي حقيبة يد فقط."),
    ("Liquids are not allowed in hand luggage.", "Les liquides ne sont pas autorisés dans les bagages à main.",
     "لا يسمح بالسوائل في حقائب اليد."),
    ("Boarding will begin in twenty minutes.", "L'embarquement commencera dans vingt minutes.",
     "سيبدأ الصعود إلى الطائرة بعد عشرين دقيقة."),
    ("Which gate does our flight leave from?", "De quelle porte part notre vol ?", "من أي بوابة تغادر رحلتنا؟"),
    ("My suitcase did not arrive.", "Ma valise n'est pas arrivée.", "لم تصل حقيبتي."),
    ("The airline lost my luggage.", "La compagnie aérienne a perdu mes bagages.", "أضاعت شركة الطيران أمتعتي."),
    ("I would like a window seat, please.", "Je voudrais une place côté hublot, s'il vous plaît.",
     "أريد مقعدًا بجانب النافذة من فضلك."),
    ("Could I have an aisle seat?", "Est-ce que je pourrais avoir une place côté couloir ?",
     "هل يمكنني الحصول على مقعد بجانب الممر؟"),
    ("The flight was very calm.", "Le vol a été très calme.", "كانت الرحلة هادئة جدًا."),
    ("We have a connection in Istanbul.", "Nous avons une correspondance à Istanbul.", "لدينا رحلة ربط في إسطنبول."),
    ("I missed my connecting flight.", "J'ai raté mon vol de correspondance.", "فاتتني رحلة الربط."),
    ("Is the flight on time?", "Est-ce que le vol est à l'heure ?", "هل الرحلة في موعدها؟"),
    ("The pilot says it is sunny in Madrid.", "Le pilote dit qu'il fait beau à Madrid.",
     "يقول الطيار إن الجو مشمس في مدريد."),
    ("Passengers must show their boarding pass.", "Les passagers doivent montrer leur carte d'embarquement.",
     "يجب على المسافرين إظهار بطاقة الصعود إلى الطائرة."),
    ("Have a good flight!", "Bon vol !", "رحلة سعيدة!"),
    ("Welcome to Beirut!", "Bienvenue à Beyrouth !", "مرحبًا بكم في بيروت!"),
    ("Do you have anything to declare?", "Avez-vous quelque chose à déclarer ?", "هل لديك شيء تصرح به؟"),
    ("No, I have nothing to declare.", "Non, je n'ai rien à déclarer.", "لا، ليس لدي ما أصرح به."),
    ("What is the purpose of your visit?", "Quel est le but de votre visite ?", "ما هو الغرض من زيارتك؟"),
    ("I am here on holiday for two weeks.", "Je suis ici en vacances pour deux semaines.",
     "أنا هنا في عطلة لمدة أسبوعين."),
    ("I came for work.", "Je suis venu pour le travail.", "جئت من أجل العمل."),
    ("My passport expires next month.", "Mon passeport expire le mois prochain.",
     "تنتهي صلاحية جواز سفري الشهر القادم."),
    ("You have to renew your passport before the trip.", "Tu dois renouveler ton passeport avant le voyage.",
     "يجب أن تجدد جواز سفرك قبل السفر."),
    ("The queue at passport control is very long.", "La file d'attente au contrôle des passeports est très longue.",
     "الطابور عند مراقبة الجوازات طويل جدًا."),
    ("The shuttle to the city centre leaves every half hour.",
     "La navette pour le centre-ville part toutes les demi-heures.",
     "تغادر الحافلة المكوكية إلى وسط المدينة كل نصف ساعة."),
    # train and bus
    ("The train is full today.", "Le train est complet aujourd'hui.", "القطار ممتلئ اليوم."),
    ("Is this seat free?", "Est-ce que cette place est libre ?", "هل هذا المقعد شاغر؟"),
    ("Sorry, this seat is taken.", "Désolé, cette place est prise.", "آسف، هذا المقعد محجوز."),
    ("We have to change trains in Lyon.", "Nous devons changer de train à Lyon.", "يجب أن نغير القطار في ليون."),
    ("The next train leaves in ten minutes.", "Le prochain train part dans dix minutes.",
     "يغادر القطار التالي بعد عشر دقائق."),
    ("I missed the last bus.", "J'ai raté le dernier bus.", "فاتتني الحافلة الأخيرة."),
    ("Where can I buy a metro ticket?", "Où est-ce que je peux acheter un ticket de métro ?",
     "أين يمكنني شراء تذكرة مترو؟"),
    ("You can buy your ticket at the machine.", "Vous pouvez acheter votre billet au distributeur.",
     "يمكنك شراء تذكرتك من الآلة."),
    ("Don't forget to validate your ticket.", "N'oublie pas de composter ton billet.", "لا تنس ختم تذكرتك."),
    ("The ticket inspector checked our tickets.", "Le contrôleur a vérifié nos billets.", "فحص المراقب تذاكرنا."),
    ("The bus stop is just around the corner.", "L'arrêt de bus est juste au coin de la rue.",
     "موقف الحافلات عند الزاوية مباشرة."),
    ("The buses run every fifteen minutes.", "Les bus passent toutes les quinze minutes.",
     "تمر الحافلات كل خمس عشرة دقيقة."),
    ("Is there a night bus?", "Est-ce qu'il y a un bus de nuit ?", "هل توجد حافلة ليلية؟"),
    ("The metro closes at midnight.", "Le métro ferme à minuit.", "يغلق المترو عند منتصف الليل."),
    ("There is a strike on the trains today.", "Il y a une grève des trains aujourd'hui.",
     "هناك إضراب في القطارات اليوم."),
    ("All trains to Marseille are cancelled.", "Tous les trains pour Marseille sont annulés.",
     "ألغيت جميع القطارات المتجهة إلى مرسيليا."),
    ("The journey by train is faster than by car.", "Le trajet en train est plus rapide qu'en voiture.",
     "السفر بالقطار أسرع من السفر بالسيارة."),
    ("I prefer travelling by train.", "Je préfère voyager en train.", "أفضل السفر بالقطار."),
    ("She sleeps on the train every morning.", "Elle dort dans le train tous les matins.",
     "تنام في القطار كل صباح."),
    ("The dining car is at the back of the train.", "La voiture-restaurant est à l'arrière du train.",
     "عربة المطعم في مؤخرة القطار."),
    ("Our carriage is number seven.", "Notre voiture est la numéro sept.", "عربتنا رقم سبعة."),
    ("Which platform does the train to Nice leave from?", "De quel quai part le train pour Nice ?",
     "من أي رصيف يغادر القطار المتجه إلى نيس؟"),
    ("Tell me when we arrive in Rabat, please.", "Dites-moi quand nous arrivons à Rabat, s'il vous plaît.",
     "أخبرني عندما نصل إلى الرباط من فضلك."),
    ("The driver let us get off near the hotel.", "Le chauffeur nous a laissés descendre près de l'hôtel.",
     "سمح لنا السائق بالنزول قرب الفندق."),
    ("Get off at the next stop.", "Descends au prochain arrêt.", "انزل في المحطة القادمة."),
    ("Children travel for free.", "Les enfants voyagent gratuitement.", "يسافر الأطفال مجانًا."),
    ("Students get a discount.", "Les étudiants ont une réduction.", "يحصل الطلاب على تخفيض."),
    ("Is there a discount for groups?", "Y a-t-il une réduction pour les groupes ?", "هل يوجد تخفيض للمجموعات؟"),
    ("A ticket costs two euros.", "Un ticket coûte deux euros.", "سعر التذكرة يوروان."),
    ("The tickets cost forty euros each.", "Les billets coûtent quarante euros chacun.",
     "سعر كل تذكرة أربعون يورو."),
    # taxi
    ("Can you call me a taxi for six o'clock?", "Pouvez-vous m'appeler un taxi pour six heures ?",
     "هل يمكنك أن تطلب لي سيارة أجرة للساعة السادسة؟"),
    ("How much does a taxi to the airport cost?", "Combien coûte un taxi pour l'aéroport ?",
     "كم تكلف سيارة الأجرة إلى المطار؟"),
    ("The taxi driver was very kind.", "Le chauffeur de taxi était très gentil.", "كان سائق سيارة الأجرة لطيفًا جدًا."),
    ("Please turn on the meter.", "Allumez le compteur, s'il vous plaît.", "شغل العداد من فضلك."),
    ("Keep the change.", "Gardez la monnaie.", "احتفظ بالباقي."),
    ("Can I pay by card?", "Est-ce que je peux payer par carte ?", "هل يمكنني الدفع بالبطاقة؟"),
    ("The taxi is waiting outside.", "Le taxi attend dehors.", "سيارة الأجرة تنتظر في الخارج."),
    ("There is a lot of traffic this morning.", "Il y a beaucoup de circulation ce matin.",
     "هناك زحمة سير كبيرة هذا الصباح."),
    ("We are stuck in a traffic jam.", "Nous sommes coincés dans un embouteillage.", "نحن عالقون في زحمة السير."),
    ("Could you drive more slowly, please?", "Pourriez-vous conduire plus lentement, s'il vous plaît ?",
     "هل يمكنك أن تقود ببطء أكثر من فضلك؟"),
    ("Put the suitcases in the boot.", "Mettez les valises dans le coffre.", "ضع الحقائب في صندوق السيارة."),
    # hotel
    ("I have a reservation in the name of Haddad.", "J'ai une réservation au nom de Haddad.",
     "لدي حجز باسم حداد."),
    ("Do you have a room available for tonight?", "Avez-vous une chambre libre pour ce soir ?",
     "هل لديكم غرفة متاحة لهذه الليلة؟"),
    ("Sorry, the hotel is full.", "Désolé, l'hôtel est complet.", "آسف، الفندق ممتلئ."),
    ("Breakfast is included in the price.", "Le petit-déjeuner est compris dans le prix.",
     "الفطور مشمول في السعر."),
    ("Breakfast is served from seven to ten.", "Le petit-déjeuner est servi de sept heures à dix heures.",
     "يقدم الفطور من الساعة السابعة إلى الساعة العاشرة."),
    ("What time is check-out?", "À quelle heure faut-il libérer la chambre ?",
     "في أي ساعة يجب مغادرة الغرفة؟"),
    ("You must leave the room before noon.", "Vous devez libérer la chambre avant midi.",
     "يجب أن تغادر الغرفة قبل الظهر."),
    ("Here is your key; your room is on the third floor.", "Voici votre clé ; votre chambre est au troisième étage.",
     "هذا مفتاحك؛ غرفتك في الطابق الثالث."),
    ("The lift is on your right.", "L'ascenseur est sur votre droite.", "المصعد على يمينك."),
    ("The lift is out of order.", "L'ascenseur est en panne.", "المصعد معطل."),
    ("There is no hot water in my room.", "Il n'y a pas d'eau chaude dans ma chambre.",
     "لا يوجد ماء ساخن في غرفتي."),
    ("The air conditioning does not work.", "La climatisation ne marche pas.", "المكيف لا يعمل."),
    ("What is the wifi password?", "Quel est le mot de passe du wifi ?", "ما كلمة مرور الإنترنت اللاسلكي؟"),
    ("Can I leave my bags here until this afternoon?",
     "Est-ce que je peux laisser mes sacs ici jusqu'à cet après-midi ?",
     "هل يمكنني ترك حقائبي هنا حتى بعد الظهر؟"),
    ("The room is ready.", "La chambre est prête.", "الغرفة جاهزة."),
    ("The view from our balcony is magnificent.", "La vue depuis notre balcon est magnifique.",
     "المنظر من شرفتنا رائع."),
    ("Our room looks onto the garden.", "Notre chambre donne sur le jardin.", "غرفتنا تطل على الحديقة."),
    ("We would like two extra pillows.", "Nous voudrions deux oreillers de plus.", "نريد وسادتين إضافيتين."),
    ("The receptionist speaks Arabic and French.", "Le réceptionniste parle arabe et français.",
     "موظف الاستقبال يتكلم العربية والفرنسية."),
    ("The hotel has a swimming pool and a garden.", "L'hôtel a une piscine et un jardin.",
     "في الفندق مسبح وحديقة."),
    ("We cancelled our reservation.", "Nous avons annulé notre réservation.", "ألغينا حجزنا."),
    ("Is the cancellation free?", "Est-ce que l'annulation est gratuite ?", "هل الإلغاء مجاني؟"),
    ("I would like to stay one more night.", "Je voudrais rester une nuit de plus.", "أود أن أبقى ليلة أخرى."),
    ("The bill, please.", "La note, s'il vous plaît.", "الفاتورة من فضلك."),
    ("The hotel is full of tourists in August.", "L'hôtel est plein de touristes en août.",
     "الفندق مليء بالسياح في شهر أغسطس."),
    ("We found a cheap hotel near the port.", "Nous avons trouvé un hôtel bon marché près du port.",
     "وجدنا فندقًا رخيصًا قرب الميناء."),
    ("The campsite is next to the lake.", "Le camping est à côté du lac.", "المخيم بجانب البحيرة."),
    ("We slept in a tent for three nights.", "Nous avons dormi sous une tente pendant trois nuits.",
     "نمنا في خيمة ثلاث ليال."),
    # directions
    ("I think we are lost.", "Je crois que nous sommes perdus.", "أظن أننا تائهون."),
    ("Can you show me on the map?", "Pouvez-vous me montrer sur la carte ?", "هل يمكنك أن تريني على الخريطة؟"),
    ("It's the second building on the left.", "C'est le deuxième bâtiment à gauche.", "إنه المبنى الثاني على اليسار."),
    ("The museum is at the end of this street.", "Le musée est au bout de cette rue.",
     "المتحف في نهاية هذا الشارع."),
    ("Go straight ahead until you reach the square.", "Allez tout droit jusqu'à la place.",
     "امش مستقيمًا حتى تصل إلى الساحة."),
    ("The station is on the other side of the river.", "La gare est de l'autre côté de la rivière.",
     "المحطة على الضفة الأخرى من النهر."),
    ("You can't miss it.", "Vous ne pouvez pas le manquer.", "لا يمكن أن يفوتك."),
    ("It's too far to walk.", "C'est trop loin pour y aller à pied.", "إنه بعيد جدًا للذهاب سيرًا على الأقدام."),
    ("It's only two minutes from here.", "C'est à deux minutes d'ici seulement.", "إنه على بعد دقيقتين فقط من هنا."),
    ("Follow me, I'll show you the way.", "Suivez-moi, je vais vous montrer le chemin.",
     "اتبعني، سأريك الطريق."),
    ("Which way is the beach?", "Par où est la plage ?", "من أي اتجاه الشاطئ؟"),
    ("Is this the right way to the castle?", "Est-ce que c'est le bon chemin pour le château ?",
     "هل هذا هو الطريق الصحيح إلى القلعة؟"),
    ("You are going the wrong way.", "Vous allez dans la mauvaise direction.", "أنت تسير في الاتجاه الخاطئ."),
    ("Turn around and take the first street on the right.", "Faites demi-tour et prenez la première rue à droite.",
     "استدر وخذ الشارع الأول على اليمين."),
    ("The entrance is behind the building.", "L'entrée est derrière le bâtiment.", "المدخل خلف المبنى."),
    ("The pharmacy is between the bakery and the bank.", "La pharmacie est entre la boulangerie et la banque.",
     "الصيدلية بين المخبز والبنك."),
    ("The hotel is in a small street near the port.", "L'hôtel est dans une petite rue près du port.",
     "الفندق في شارع صغير قرب الميناء."),
    ("The two museums are opposite each other.", "Les deux musées sont l'un en face de l'autre.",
     "المتحفان متقابلان."),
    ("There are two bridges over the river.", "Il y a deux ponts sur la rivière.", "هناك جسران فوق النهر."),
    ("Our street is very quiet at night.", "Notre rue est très calme la nuit.", "شارعنا هادئ جدًا في الليل."),
    ("The old town has many narrow streets.", "La vieille ville a beaucoup de rues étroites.",
     "في المدينة القديمة شوارع ضيقة كثيرة."),
    ("The main square is full of cafés.", "La place principale est pleine de cafés.",
     "الساحة الرئيسية مليئة بالمقاهي."),
    ("Is it far to walk to the harbour?", "Est-ce que c'est loin à pied jusqu'au port ?",
     "هل المسافة إلى الميناء بعيدة سيرًا على الأقدام؟"),
    ("The road to the village is very narrow.", "La route du village est très étroite.",
     "الطريق إلى القرية ضيق جدًا."),
    ("The motorway is closed because of the snow.", "L'autoroute est fermée à cause de la neige.",
     "الطريق السريع مغلق بسبب الثلج."),
    ("Where can I park the car?", "Où est-ce que je peux garer la voiture ?", "أين يمكنني ركن السيارة؟"),
    ("Parking is free on Sundays.", "Le stationnement est gratuit le dimanche.", "ركن السيارات مجاني يوم الأحد."),
    ("We ran out of petrol on the motorway.", "Nous sommes tombés en panne d'essence sur l'autoroute.",
     "نفد منا الوقود على الطريق السريع."),
    ("Where is the nearest petrol station?", "Où est la station-service la plus proche ?", "أين أقرب محطة وقود؟"),
    ("Drive carefully; the road is wet.", "Conduis prudemment ; la route est mouillée.", "قد بحذر؛ الطريق مبلل."),
    ("The speed limit here is fifty kilometres an hour.", "La vitesse est limitée à cinquante kilomètres à l'heure ici.",
     "السرعة القصوى هنا خمسون كيلومترًا في الساعة."),
    ("Nice is on the coast, not far from Italy.", "Nice est sur la côte, pas loin de l'Italie.",
     "تقع نيس على الساحل، غير بعيدة عن إيطاليا."),
    ("Switzerland is between France and Italy.", "La Suisse est entre la France et l'Italie.",
     "تقع سويسرا بين فرنسا وإيطاليا."),
    ("Morocco is south of Spain.", "Le Maroc est au sud de l'Espagne.", "يقع المغرب جنوب إسبانيا."),
    ("Lebanon is a small country.", "Le Liban est un petit pays.", "لبنان بلد صغير."),
    ("Canada is a very large country.", "Le Canada est un très grand pays.", "كندا بلد كبير جدًا."),
    ("There are many islands in Greece.", "Il y a beaucoup d'îles en Grèce.", "في اليونان جزر كثيرة."),
    ("The Nile flows through Cairo.", "Le Nil traverse Le Caire.", "يمر النيل عبر القاهرة."),
    ("Istanbul is on two continents.", "Istanbul se trouve sur deux continents.", "تقع إسطنبول على قارتين."),
    # trips and plans
    ("Have a good trip!", "Bon voyage !", "رحلة موفقة!"),
    ("How was your trip?", "Comment s'est passé ton voyage ?", "كيف كانت رحلتك؟"),
    ("The trip was wonderful.", "Le voyage était merveilleux.", "كانت الرحلة رائعة."),
    ("We are leaving on holiday tomorrow.", "Nous partons en vacances demain.", "سنسافر في عطلة غدًا."),
    ("Where are you going on holiday this year?", "Où partez-vous en vacances cette année ?",
     "إلى أين ستسافرون في العطلة هذا العام؟"),
    ("We haven't decided yet.", "Nous n'avons pas encore décidé.", "لم نقرر بعد."),
    ("My parents have been travelling a lot since they retired.", "Mes parents voyagent beaucoup depuis leur retraite.",
     "يسافر والداي كثيرًا منذ تقاعدهما."),
    ("I have never been to Japan.", "Je ne suis jamais allé au Japon.", "لم أزر اليابان قط."),
    ("Have you ever been to Egypt?", "Es-tu déjà allé en Égypte ?", "هل سبق لك أن زرت مصر؟"),
    ("She has visited more than twenty countries.", "Elle a visité plus de vingt pays.",
     "زارت أكثر من عشرين بلدًا."),
    ("We are going to visit my grandparents in Tunisia.", "Nous allons rendre visite à mes grands-parents en Tunisie.",
     "سنزور جدي وجدتي في تونس."),
    ("Travelling alone is not always easy.", "Voyager seul n'est pas toujours facile.",
     "السفر وحيدًا ليس سهلًا دائمًا."),
    ("Travelling broadens the mind.", "Les voyages forment la jeunesse.", "السفر يوسع الآفاق."),
    ("I need a holiday.", "J'ai besoin de vacances.", "أحتاج إلى عطلة."),
    ("The holidays start next Friday.", "Les vacances commencent vendredi prochain.", "تبدأ العطلة يوم الجمعة القادم."),
    ("We packed our suitcases last night.", "Nous avons fait nos valises hier soir.", "حزمنا حقائبنا ليلة أمس."),
    ("Have you packed your suitcase yet?", "As-tu déjà fait ta valise ?", "هل حزمت حقيبتك؟"),
    ("Don't take too many clothes.", "N'emporte pas trop de vêtements.", "لا تأخذ ملابس كثيرة."),
    ("My suitcase weighs twenty-three kilos.", "Ma valise pèse vingt-trois kilos.", "تزن حقيبتي ثلاثة وعشرين كيلوغرامًا."),
    ("Can you help me close my suitcase?", "Peux-tu m'aider à fermer ma valise ?", "هل يمكنك أن تساعدني في إغلاق حقيبتي؟"),
    ("We booked everything online.", "Nous avons tout réservé sur internet.", "حجزنا كل شيء عبر الإنترنت."),
    ("I printed the tickets.", "J'ai imprimé les billets.", "طبعت التذاكر."),
    ("The tickets are on my phone.", "Les billets sont sur mon téléphone.", "التذاكر على هاتفي."),
    ("We will leave early to avoid the traffic.", "Nous partirons tôt pour éviter les embouteillages.",
     "سنغادر مبكرًا لتجنب زحمة السير."),
    ("We arrived late because of the fog.", "Nous sommes arrivés en retard à cause du brouillard.",
     "وصلنا متأخرين بسبب الضباب."),
    ("The guide showed us the old town.", "Le guide nous a montré la vieille ville.",
     "أرانا المرشد المدينة القديمة."),
    ("The tour starts at nine in front of the hotel.", "La visite commence à neuf heures devant l'hôtel.",
     "تبدأ الجولة في الساعة التاسعة أمام الفندق."),
    ("How long does the tour last?", "Combien de temps dure la visite ?", "كم تستغرق الجولة؟"),
    ("The tour lasts about three hours.", "La visite dure environ trois heures.", "تستغرق الجولة حوالي ثلاث ساعات."),
    ("Is the museum free for children?", "Est-ce que le musée est gratuit pour les enfants ?",
     "هل دخول المتحف مجاني للأطفال؟"),
    ("Taking photos is not allowed here.", "Il est interdit de prendre des photos ici.",
     "لا يسمح بالتصوير هنا."),
    ("We took a lot of photos of the sea.", "Nous avons pris beaucoup de photos de la mer.",
     "التقطنا صورًا كثيرة للبحر."),
    ("I sent a postcard to my grandmother.", "J'ai envoyé une carte postale à ma grand-mère.",
     "أرسلت بطاقة بريدية إلى جدتي."),
    ("Where can I change money?", "Où est-ce que je peux changer de l'argent ?", "أين يمكنني صرف النقود؟"),
    ("The exchange office is closed.", "Le bureau de change est fermé.", "مكتب الصرافة مغلق."),
    ("Do you speak English?", "Parlez-vous anglais ?", "هل تتكلم الإنجليزية؟"),
    ("I don't understand; can you repeat, please?", "Je ne comprends pas ; pouvez-vous répéter, s'il vous plaît ?",
     "لا أفهم؛ هل يمكنك أن تكرر من فضلك؟"),
    ("I speak a little Arabic.", "Je parle un peu arabe.", "أتكلم العربية قليلًا."),
    ("The tourist office gives free maps.", "L'office de tourisme donne des plans gratuits.",
     "يقدم مكتب السياحة خرائط مجانية."),
    ("This city is famous for its markets.", "Cette ville est célèbre pour ses marchés.",
     "هذه المدينة مشهورة بأسواقها."),
    ("The view from the tower is beautiful.", "La vue depuis la tour est magnifique.", "المنظر من البرج جميل."),
    ("We climbed to the top of the hill.", "Nous sommes montés au sommet de la colline.", "صعدنا إلى قمة التل."),
    ("The beach is crowded in August.", "La plage est bondée en août.", "الشاطئ مزدحم في شهر أغسطس."),
    ("The sea is calm this morning.", "La mer est calme ce matin.", "البحر هادئ هذا الصباح."),
    ("The water is still cold in May.", "L'eau est encore froide en mai.", "الماء ما زال باردًا في شهر مايو."),
    ("We swam in the sea every day.", "Nous avons nagé dans la mer tous les jours.", "سبحنا في البحر كل يوم."),
    ("The boat leaves the port at dawn.", "Le bateau quitte le port à l'aube.", "تغادر السفينة الميناء عند الفجر."),
    ("The crossing lasted four hours.", "La traversée a duré quatre heures.", "استغرق العبور أربع ساعات."),
    ("I get seasick on boats.", "J'ai le mal de mer en bateau.", "أصاب بدوار البحر في القوارب."),
    ("We rented bikes to visit the island.", "Nous avons loué des vélos pour visiter l'île.",
     "استأجرنا دراجات لزيارة الجزيرة."),
    ("The village is at the top of the mountain.", "Le village est au sommet de la montagne.",
     "القرية على قمة الجبل."),
    ("We walked along the beach at sunset.", "Nous avons marché le long de la plage au coucher du soleil.",
     "مشينا على طول الشاطئ عند غروب الشمس."),
    ("The desert is very cold at night.", "Le désert est très froid la nuit.", "الصحراء باردة جدًا في الليل."),
    ("We spent a night in the desert under the stars.", "Nous avons passé une nuit dans le désert sous les étoiles.",
     "قضينا ليلة في الصحراء تحت النجوم."),
    # weather
    ("What a beautiful day!", "Quelle belle journée !", "يا له من يوم جميل!"),
    ("What terrible weather!", "Quel temps horrible !", "يا له من طقس سيئ!"),
    ("It's raining cats and dogs.", "Il pleut des cordes.", "المطر ينهمر بغزارة."),
    ("The sky is clear tonight.", "Le ciel est dégagé ce soir.", "السماء صافية الليلة."),
    ("Look at those black clouds!", "Regarde ces nuages noirs !", "انظر إلى هذه الغيوم السوداء!"),
    ("A storm is coming.", "Un orage arrive.", "عاصفة قادمة."),
    ("There was thunder and lightning all night.", "Il y a eu du tonnerre et des éclairs toute la nuit.",
     "كان هناك رعد وبرق طوال الليل."),
    ("The storm cut the electricity.", "L'orage a coupé l'électricité.", "قطعت العاصفة الكهرباء."),
    ("The rain stopped at last.", "La pluie s'est enfin arrêtée.", "توقف المطر أخيرًا."),
    ("The sun is coming out.", "Le soleil fait son apparition.", "الشمس بدأت تظهر."),
    ("There is a rainbow over the sea.", "Il y a un arc-en-ciel au-dessus de la mer.", "هناك قوس قزح فوق البحر."),
    ("The streets are wet after the rain.", "Les rues sont mouillées après la pluie.", "الشوارع مبللة بعد المطر."),
    ("I got soaked on the way home.", "J'ai été trempé en rentrant.", "تبللت تمامًا في طريق العودة."),
    ("The snow is melting.", "La neige fond.", "الثلج يذوب."),
    ("The roads are icy this morning.", "Les routes sont verglacées ce matin.", "الطرق مغطاة بالجليد هذا الصباح."),
    ("The children are building a snowman.", "Les enfants font un bonhomme de neige.",
     "الأطفال يصنعون رجل ثلج."),
    ("The mountains are covered in snow.", "Les montagnes sont couvertes de neige.", "الجبال مغطاة بالثلوج."),
    ("The lake freezes in winter.", "Le lac gèle en hiver.", "تتجمد البحيرة في الشتاء."),
    ("It froze last night.", "Il a gelé la nuit dernière.", "تجمد الماء الليلة الماضية."),
    ("The wind is blowing from the north.", "Le vent souffle du nord.", "الرياح تهب من الشمال."),
    ("The wind broke my umbrella.", "Le vent a cassé mon parapluie.", "كسرت الرياح مظلتي."),
    ("The heat is unbearable today.", "La chaleur est insupportable aujourd'hui.", "الحر لا يطاق اليوم."),
    ("It is too hot to go out at noon.", "Il fait trop chaud pour sortir à midi.",
     "الجو حار جدًا للخروج عند الظهر."),
    ("Stay in the shade and drink a lot of water.", "Reste à l'ombre et bois beaucoup d'eau.",
     "ابق في الظل واشرب الكثير من الماء."),
    ("Don't forget your sun cream!", "N'oublie pas ta crème solaire !", "لا تنس كريم الوقاية من الشمس!"),
    ("I got sunburnt at the beach.", "J'ai pris un coup de soleil à la plage.", "أصبت بحروق الشمس على الشاطئ."),
    ("There is a heatwave in the south of Spain.", "Il y a une canicule dans le sud de l'Espagne.",
     "هناك موجة حر في جنوب إسبانيا."),
    ("It hasn't rained for three months.", "Il n'a pas plu depuis trois mois.", "لم يهطل المطر منذ ثلاثة أشهر."),
    ("The farmers are waiting for the rain.", "Les agriculteurs attendent la pluie.", "ينتظر المزارعون المطر."),
    ("The weather is changing quickly.", "Le temps change vite.", "الطقس يتغير بسرعة."),
    ("The weather was perfect for our trip.", "Le temps était parfait pour notre voyage.",
     "كان الطقس مثاليًا لرحلتنا."),
    ("We were lucky with the weather.", "Nous avons eu de la chance avec le temps.", "كنا محظوظين بالطقس."),
    ("Let's hope it doesn't rain on Saturday.", "Espérons qu'il ne pleuvra pas samedi.",
     "لنأمل ألا يهطل المطر يوم السبت."),
    ("The weather forecast is not always right.", "Les prévisions météo ne sont pas toujours justes.",
     "النشرة الجوية ليست دقيقة دائمًا."),
    ("Did you listen to the weather forecast?", "As-tu écouté la météo ?", "هل استمعت إلى النشرة الجوية؟"),
    ("What's the weather going to be like this weekend?", "Quel temps va-t-il faire ce week-end ?",
     "كيف سيكون الطقس في نهاية هذا الأسبوع؟"),
    ("Tomorrow will be a cloudy day with some showers.", "Demain sera une journée nuageuse avec quelques averses.",
     "سيكون الغد يومًا غائمًا مع بعض الزخات."),
    ("Showers are expected in the afternoon.", "Des averses sont prévues dans l'après-midi.",
     "يتوقع هطول زخات مطر بعد الظهر."),
    ("The temperature will drop tonight.", "La température va baisser cette nuit.", "ستنخفض درجة الحرارة الليلة."),
    ("Temperatures are rising.", "Les températures augmentent.", "درجات الحرارة ترتفع."),
    ("It is colder than yesterday.", "Il fait plus froid qu'hier.", "الجو أبرد من أمس."),
    ("It is warmer in the south.", "Il fait plus chaud dans le sud.", "الجو أدفأ في الجنوب."),
    ("Summer in Doha is hotter than in Paris.", "L'été à Doha est plus chaud qu'à Paris.",
     "الصيف في الدوحة أحر منه في باريس."),
    ("Winter is the rainy season here.", "L'hiver est la saison des pluies ici.", "الشتاء هو موسم الأمطار هنا."),
    ("Spring is my favourite season.", "Le printemps est ma saison préférée.", "الربيع فصلي المفضل."),
    ("What is your favourite season?", "Quelle est ta saison préférée ?", "ما فصلك المفضل؟"),
    ("I love autumn because of the colours.", "J'adore l'automne pour ses couleurs.", "أحب الخريف بسبب ألوانه."),
    ("The leaves fall in autumn.", "Les feuilles tombent en automne.", "تتساقط الأوراق في الخريف."),
    ("The days are short in winter.", "Les jours sont courts en hiver.", "الأيام قصيرة في الشتاء."),
    ("The days are getting longer.", "Les jours rallongent.", "الأيام تطول."),
    ("The sun sets at eight in summer.", "Le soleil se couche à huit heures en été.",
     "تغرب الشمس في الساعة الثامنة في الصيف."),
    ("There are four seasons in the year.", "Il y a quatre saisons dans l'année.", "في السنة أربعة فصول."),
    ("It never snows in Dubai.", "Il ne neige jamais à Dubaï.", "لا تتساقط الثلوج أبدًا في دبي."),
    ("It snows every winter in the Atlas mountains.", "Il neige chaque hiver dans les montagnes de l'Atlas.",
     "تتساقط الثلوج كل شتاء في جبال الأطلس."),
    ("We went skiing in the Alps in February.", "Nous sommes allés skier dans les Alpes en février.",
     "ذهبنا للتزلج في جبال الألب في شهر فبراير."),
    ("The climate in Beirut is mild.", "Le climat de Beyrouth est doux.", "مناخ بيروت معتدل."),
    ("The air is very dry in the desert.", "L'air est très sec dans le désert.", "الهواء جاف جدًا في الصحراء."),
    ("The humidity is very high in Doha.", "L'humidité est très élevée à Doha.", "الرطوبة مرتفعة جدًا في الدوحة."),
    ("A sandstorm is expected tomorrow.", "Une tempête de sable est prévue demain.", "من المتوقع أن تهب عاصفة رملية غدًا."),
    ("Flights were cancelled because of the storm.", "Les vols ont été annulés à cause de la tempête.",
     "ألغيت الرحلات بسبب العاصفة."),
    ("The airport is closed because of the fog.", "L'aéroport est fermé à cause du brouillard.",
     "المطار مغلق بسبب الضباب."),
    ("The ferry didn't leave because the sea was rough.", "Le ferry n'est pas parti car la mer était agitée.",
     "لم تغادر السفينة لأن البحر كان هائجًا."),
    ("Is it going to rain this afternoon?", "Est-ce qu'il va pleuvoir cet après-midi ?",
     "هل سيهطل المطر بعد الظهر؟"),
    ("I don't think so; the sky is blue.", "Je ne crois pas ; le ciel est bleu.", "لا أظن ذلك؛ السماء زرقاء."),
    ("Take a jumper; the evenings are cool.", "Prends un pull ; les soirées sont fraîches.",
     "خذ كنزة؛ الأمسيات باردة قليلًا."),
    ("Wear comfortable shoes for the visit.", "Mets des chaussures confortables pour la visite.",
     "البس أحذية مريحة للزيارة."),
    ("I always take an umbrella in London.", "Je prends toujours un parapluie à Londres.",
     "آخذ دائمًا مظلة في لندن."),
    ("She forgot her coat at the hotel.", "Elle a oublié son manteau à l'hôtel.", "نسيت معطفها في الفندق."),
    ("My hands are frozen.", "J'ai les mains gelées.", "يداي متجمدتان."),
    ("I am cold; can you close the window?", "J'ai froid ; peux-tu fermer la fenêtre ?",
     "أشعر بالبرد؛ هل يمكنك أن تغلق النافذة؟"),
    ("I am hot; let's sit in the shade.", "J'ai chaud ; asseyons-nous à l'ombre.", "أشعر بالحر؛ لنجلس في الظل."),
    ("We had lunch on the terrace in the sun.", "Nous avons déjeuné en terrasse au soleil.",
     "تناولنا الغداء في الشرفة تحت الشمس."),
    ("The picnic was cancelled because of the rain.", "Le pique-nique a été annulé à cause de la pluie.",
     "ألغيت النزهة بسبب المطر."),
    ("We waited for the end of the storm in a café.", "Nous avons attendu la fin de l'orage dans un café.",
     "انتظرنا انتهاء العاصفة في مقهى."),
    # more travel and weather
    ("Excuse me, is this the way to the station?", "Excusez-moi, c'est bien le chemin de la gare ?",
     "عفوًا، هل هذا هو الطريق إلى المحطة؟"),
    ("Yes, keep going straight and you'll see it.", "Oui, continuez tout droit et vous la verrez.",
     "نعم، تابع السير مستقيمًا وستراها."),
    ("The hotel is only a few steps from the sea.", "L'hôtel est à quelques pas de la mer.",
     "الفندق على بعد خطوات قليلة من البحر."),
    ("We got lost in the narrow streets of the medina.", "Nous nous sommes perdus dans les ruelles de la médina.",
     "تهنا في أزقة المدينة القديمة الضيقة."),
    ("A kind old man showed us the way.", "Un vieil homme gentil nous a montré le chemin.",
     "دلنا رجل عجوز لطيف على الطريق."),
    ("I left my umbrella on the bus.", "J'ai laissé mon parapluie dans le bus.", "تركت مظلتي في الحافلة."),
    ("Is there a lost property office here?", "Y a-t-il un bureau des objets trouvés ici ?",
     "هل يوجد مكتب للمفقودات هنا؟"),
    ("Someone stole my wallet in the metro.", "Quelqu'un a volé mon portefeuille dans le métro.",
     "سرق شخص ما محفظتي في المترو."),
    ("We must go to the police station.", "Nous devons aller au commissariat.", "يجب أن نذهب إلى مركز الشرطة."),
    ("Call an ambulance, please!", "Appelez une ambulance, s'il vous plaît !", "اطلب سيارة إسعاف من فضلك!"),
    ("Watch out for the cars!", "Attention aux voitures !", "انتبه من السيارات!"),
    ("Cross the street at the lights.", "Traverse la rue au feu.", "اعبر الشارع عند الإشارة."),
    ("The pedestrian street is very lively in the evening.", "La rue piétonne est très animée le soir.",
     "شارع المشاة مفعم بالحياة في المساء."),
    ("The market opens early on Fridays.", "Le marché ouvre tôt le vendredi.", "تفتح السوق مبكرًا يوم الجمعة."),
    ("The shops close at seven.", "Les magasins ferment à sept heures.", "تغلق المتاجر في الساعة السابعة."),
    ("There is a good restaurant on the corner.", "Il y a un bon restaurant au coin de la rue.",
     "هناك مطعم جيد عند الزاوية."),
    ("Can you recommend a hotel in the centre?", "Pouvez-vous me recommander un hôtel dans le centre ?",
     "هل يمكنك أن توصي بفندق في المركز؟"),
    ("This hotel has very good reviews.", "Cet hôtel a de très bons avis.", "لهذا الفندق تقييمات جيدة جدًا."),
    ("Our room was smaller than in the photos.", "Notre chambre était plus petite que sur les photos.",
     "كانت غرفتنا أصغر مما في الصور."),
    ("The staff were very friendly.", "Le personnel était très aimable.", "كان الموظفون ودودين جدًا."),
    ("The train was so crowded that we stood for two hours.",
     "Le train était tellement bondé que nous sommes restés debout pendant deux heures.",
     "كان القطار مزدحمًا جدًا لدرجة أننا وقفنا ساعتين."),
    ("My seat is next to the window.", "Ma place est à côté de la fenêtre.", "مقعدي بجانب النافذة."),
    ("We shared a taxi with two other travellers.", "Nous avons partagé un taxi avec deux autres voyageurs.",
     "تقاسمنا سيارة أجرة مع مسافرين آخرين."),
    ("The road along the coast is magnificent.", "La route le long de la côte est magnifique.",
     "الطريق على طول الساحل رائع."),
    ("We stopped in a small village for lunch.", "Nous nous sommes arrêtés dans un petit village pour déjeuner.",
     "توقفنا في قرية صغيرة لتناول الغداء."),
    ("How many kilometres is it to the next town?", "Combien de kilomètres y a-t-il jusqu'à la prochaine ville ?",
     "كم كيلومترًا حتى المدينة التالية؟"),
    ("The next petrol station is thirty kilometres away.", "La prochaine station-service est à trente kilomètres.",
     "تبعد محطة الوقود التالية ثلاثين كيلومترًا."),
    ("The bridge is closed for repairs.", "Le pont est fermé pour travaux.", "الجسر مغلق للصيانة."),
    ("Take the road on the left after the bridge.", "Prends la route à gauche après le pont.",
     "خذ الطريق على اليسار بعد الجسر."),
    ("The hotel is easy to find.", "L'hôtel est facile à trouver.", "من السهل العثور على الفندق."),
    ("It gets dark early in December.", "Il fait nuit tôt en décembre.", "يحل الظلام مبكرًا في شهر ديسمبر."),
    ("The night was cool and pleasant.", "La nuit était fraîche et agréable.", "كانت الليلة منعشة ولطيفة."),
    ("The morning fog will clear around ten.", "Le brouillard du matin se lèvera vers dix heures.",
     "سينقشع ضباب الصباح حوالي الساعة العاشرة."),
    ("It has been raining since this morning.", "Il pleut depuis ce matin.", "يهطل المطر منذ الصباح."),
    ("It rained all week in Brussels.", "Il a plu toute la semaine à Bruxelles.",
     "هطل المطر طوال الأسبوع في بروكسل."),
    ("The snow blocked the mountain roads.", "La neige a bloqué les routes de montagne.",
     "أغلق الثلج الطرق الجبلية."),
    ("We were snowed in for two days.", "Nous avons été bloqués par la neige pendant deux jours.",
     "حاصرتنا الثلوج يومين."),
    ("The wind is so strong that the boats stayed in the port.",
     "Le vent est si fort que les bateaux sont restés au port.",
     "الرياح قوية جدًا لدرجة أن القوارب بقيت في الميناء."),
    ("I like walking in the rain.", "J'aime marcher sous la pluie.", "أحب المشي تحت المطر."),
    ("My sister is afraid of storms.", "Ma sœur a peur des orages.", "أختي تخاف من العواصف."),
    ("The sky was grey all day.", "Le ciel était gris toute la journée.", "كانت السماء رمادية طوال اليوم."),
    ("It was a hot and sunny afternoon.", "C'était un après-midi chaud et ensoleillé.",
     "كانت فترة ما بعد الظهر حارة ومشمسة."),
    ("The weather will improve at the end of the week.", "Le temps s'améliorera en fin de semaine.",
     "سيتحسن الطقس في نهاية الأسبوع."),
    ("There will be strong winds on the coast.", "Il y aura des vents forts sur la côte.",
     "ستهب رياح قوية على الساحل."),
    ("The sea will be rough tomorrow.", "La mer sera agitée demain.", "سيكون البحر هائجًا غدًا."),
    ("Swimming is forbidden today because of the waves.", "La baignade est interdite aujourd'hui à cause des vagues.",
     "السباحة ممنوعة اليوم بسبب الأمواج."),
    ("We should leave before the storm.", "Nous devrions partir avant l'orage.", "يجب أن نغادر قبل العاصفة."),
    ("Do you think it will snow at Christmas?", "Tu crois qu'il neigera à Noël ?",
     "هل تظن أن الثلوج ستتساقط في عيد الميلاد؟"),
    ("It was minus ten this morning!", "Il faisait moins dix ce matin !", "كانت الحرارة عشر درجات تحت الصفر هذا الصباح!"),
    ("Thirty-five degrees in the shade!", "Trente-cinq degrés à l'ombre !", "خمس وثلاثون درجة في الظل!"),
    ("In Montreal, winters are long and very cold.", "À Montréal, les hivers sont longs et très froids.",
     "في مونتريال، فصول الشتاء طويلة وباردة جدًا."),
    ("The best time to visit Egypt is in winter.", "La meilleure période pour visiter l'Égypte, c'est l'hiver.",
     "أفضل وقت لزيارة مصر هو الشتاء."),
    ("We are waiting for better weather to go to the mountains.",
     "Nous attendons le beau temps pour aller à la montagne.", "ننتظر تحسن الطقس للذهاب إلى الجبال."),
]


TEMPLATES = [
    g_travel_go, g_arrive_return, g_visit_leave, g_movement_questions, g_modes, g_ask_where, g_far_near,
    g_directions, g_relations, g_distance, g_timetable, g_tickets, g_journey, g_book_room, g_requests, g_describe,
    g_stay, g_belongings, g_suitcases, g_visa, g_rent, g_spend, g_want, g_geography, g_lost, g_be_at, g_opening,
    g_weather_city, g_forecast, g_temperature, g_take_items, g_seasons, g_likes, g_if_weather, g_so_that, g_wear,
    g_day_contrast, g_weather_qa,
]


def generate() -> list[Triple]:
    """About 3000 travel / directions / weather triples (deterministic)."""
    hand = [_t(en, fr, ar) for en, fr, ar in HAND]
    drawn = balanced(TEMPLATES, TARGET - len(hand) + 120, seed=2024)
    out = _uniq(hand + drawn)
    return out[:TARGET]
