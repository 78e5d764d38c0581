"""Daily life: time and dates, numbers and counting, social phrases, general questions and daily routines.

Every sentence is built here from hand-written templates and a small lexicon (French and Arabic conjugations
are written out per person), plus a list of hand-written standalone sentences. ``generate()`` is deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from engine.demo.corpus.common import PERSONS, SUBJECT_AR, SUBJECT_FR, Triple, balanced, capitalise, fr_elide

DOMAIN = "daily_life"
SEED = 4242

# ---------------------------------------------------------------------------------------------------------------
# Helpers


def fr_fix(text: str) -> str:
    """French elision and contractions, without eliding before an aspirated "huit" and with elision before "œ"."""
    text = fr_elide(text)
    for bad, good in (
        ("d'huit", "de huit"),
        ("l'huit", "le huit"),
        ("qu'huit", "que huit"),
        (" de œ", " d'œ"),
        (" le œ", " l'œ"),
        (" ne œ", " n'œ"),
        ("d'Hassan", "de Hassan"),
        ("qu'Hassan", "que Hassan"),
    ):
        text = text.replace(bad, good)
    return text


def mk(en: str, fr: str, ar: str) -> Triple:
    """One triple, with the first letter of English and French upper-cased and French elided."""
    return Triple(capitalise(en), capitalise(fr_fix(fr)), ar, DOMAIN)


def join(*parts: str) -> str:
    """Words joined by single spaces, empty parts left out."""
    return " ".join(p for p in parts if p)


def idx(p: str) -> int:
    return PERSONS.index(p)


def six(forms: list[str]) -> list[str]:
    """French forms je, tu, il, nous, vous, ils spread over the eight persons."""
    je, tu, il, nous, vous, ils = forms
    return [je, tu, tu, il, il, nous, vous, ils]


EN_SUBJ = {
    "i": "I",
    "you_m": "you",
    "you_f": "you",
    "he": "he",
    "she": "she",
    "we": "we",
    "you_pl": "you",
    "they": "they",
}
EN_POSS = {
    "i": "my",
    "you_m": "your",
    "you_f": "your",
    "he": "his",
    "she": "her",
    "we": "our",
    "you_pl": "your",
    "they": "their",
}
FR_POSS_M = dict(zip(PERSONS, ["mon", "ton", "ton", "son", "son", "notre", "votre", "leur"], strict=True))
FR_POSS_F = dict(zip(PERSONS, ["ma", "ta", "ta", "sa", "sa", "notre", "votre", "leur"], strict=True))
FR_POSS_PL = dict(zip(PERSONS, ["mes", "tes", "tes", "ses", "ses", "nos", "vos", "leurs"], strict=True))
AR_SUF = dict(zip(PERSONS, ["ي", "ك", "كِ", "ه", "ها", "نا", "كم", "هم"], strict=True))
FR_REFL = dict(zip(PERSONS, ["me", "te", "te", "se", "se", "nous", "vous", "se"], strict=True))
AVOIR = dict(zip(PERSONS, ["ai", "as", "as", "a", "a", "avons", "avez", "ont"], strict=True))
ETRE = dict(zip(PERSONS, ["suis", "es", "es", "est", "est", "sommes", "êtes", "sont"], strict=True))
FUT_END = dict(zip(PERSONS, ["ai", "as", "as", "a", "a", "ons", "ez", "ont"], strict=True))
EN_BE = {
    "i": "am",
    "you_m": "are",
    "you_f": "are",
    "he": "is",
    "she": "is",
    "we": "are",
    "you_pl": "are",
    "they": "are",
}
EN_WAS = {
    "i": "was",
    "you_m": "were",
    "you_f": "were",
    "he": "was",
    "she": "was",
    "we": "were",
    "you_pl": "were",
    "they": "were",
}


def fill(text: str, p: str) -> str:
    """Possessive placeholders for person ``p``: {p} (EN), {mon} {ma} {mes} (FR), {s} (AR suffix)."""
    out = text.format(p=EN_POSS[p], mon=FR_POSS_M[p], ma=FR_POSS_F[p], mes=FR_POSS_PL[p], s=AR_SUF[p])
    return out.replace("اءي", "ائي")


def ar_attach(noun: str, p: str) -> str:
    """A possessive suffix on an Arabic noun (ta marbuta becomes ta)."""
    stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
    return stem + AR_SUF[p]


def pick_you(rng: random.Random, plural: bool = True) -> str:
    return rng.choice(["you_m", "you_f", "you_pl"] if plural else ["you_m", "you_f"])


def persons(rng: random.Random, plural: bool = True) -> list[str]:
    """I, one reading of "you", he, she (and we, they): English "you" stays unambiguous within a template."""
    ps = ["i", pick_you(rng, plural), "he", "she"]
    return ps + (["we", "they"] if plural else [])


def fr_agree(pp: str, p: str) -> str:
    fem = p in ("you_f", "she")
    plural = p in ("we", "you_pl", "they")
    return pp + ("e" if fem else "") + ("s" if plural else "")


# ---------------------------------------------------------------------------------------------------------------
# Names, subjects, cities

NAMES = [  # (Latin, Arabic, gender)
    ("Sarah", "سارة", "f"),
    ("Karim", "كريم", "m"),
    ("Nadia", "نادية", "f"),
    ("Omar", "عمر", "m"),
    ("Leila", "ليلى", "f"),
    ("Youssef", "يوسف", "m"),
    ("Amina", "أمينة", "f"),
    ("Hassan", "حسن", "m"),
    ("Marie", "ماري", "f"),
    ("Thomas", "توماس", "m"),
    ("Lucas", "لوكاس", "m"),
    ("Emma", "إيما", "f"),
    ("Ali", "علي", "m"),
    ("Fatima", "فاطمة", "f"),
    ("Paul", "بول", "m"),
    ("Julie", "جولي", "f"),
    ("Mona", "منى", "f"),
    ("Samir", "سمير", "m"),
    ("Rania", "رانيا", "f"),
    ("Adam", "آدم", "m"),
]
MALE = [n for n in NAMES if n[2] == "m"]
FEMALE = [n for n in NAMES if n[2] == "f"]

NOUN_SUBJECTS = [  # (EN, FR, AR, person)
    ("Sarah", "Sarah", "سارة", "she"),
    ("Karim", "Karim", "كريم", "he"),
    ("Nadia", "Nadia", "نادية", "she"),
    ("Omar", "Omar", "عمر", "he"),
    ("Leila", "Leila", "ليلى", "she"),
    ("Thomas", "Thomas", "توماس", "he"),
    ("Emma", "Emma", "إيما", "she"),
    ("Youssef", "Youssef", "يوسف", "he"),
    ("my brother", "mon frère", "أخي", "he"),
    ("my sister", "ma sœur", "أختي", "she"),
    ("my father", "mon père", "أبي", "he"),
    ("my mother", "ma mère", "أمي", "she"),
    ("the children", "les enfants", "الأطفال", "they"),
    ("my friends", "mes amis", "أصدقائي", "they"),
    ("the students", "les étudiants", "الطلاب", "they"),
    ("our neighbours", "nos voisins", "جيراننا", "they"),
]

CITIES = [  # (EN, FR with "à", AR)
    ("Paris", "à Paris", "باريس"),
    ("Lyon", "à Lyon", "ليون"),
    ("Marseille", "à Marseille", "مرسيليا"),
    ("Tunis", "à Tunis", "تونس"),
    ("Rabat", "à Rabat", "الرباط"),
    ("Casablanca", "à Casablanca", "الدار البيضاء"),
    ("Cairo", "au Caire", "القاهرة"),
    ("Beirut", "à Beyrouth", "بيروت"),
    ("Algiers", "à Alger", "الجزائر"),
    ("Montreal", "à Montréal", "مونتريال"),
    ("Brussels", "à Bruxelles", "بروكسل"),
    ("Dubai", "à Dubaï", "دبي"),
    ("Amman", "à Amman", "عمان"),
    ("London", "à Londres", "لندن"),
    ("Geneva", "à Genève", "جنيف"),
    ("Toulouse", "à Toulouse", "تولوز"),
    ("Nice", "à Nice", "نيس"),
    ("Doha", "à Doha", "الدوحة"),
]

# ---------------------------------------------------------------------------------------------------------------
# Verbs of the daily routine


class Verb:
    """One verb phrase with its forms in the three languages.

    ``en``: (base, third person singular, past); complements may hold {p}/{mon}/{ma}/{mes}/{s} placeholders.
    ``fr_pres``: je, tu, il, nous, vous, ils; ``fr_fut``: the future stem; ``ar_pres`` / ``ar_past``: the eight
    persons; ``ar_juss``: the jussive (after لم) when it differs from the subjunctive.
    ``tags``: which adverbs of time fit (a: any day, m: morning, e: evening, f: frequency / weeks and months).
    """

    def __init__(
        self,
        key: str,
        en: tuple[str, str, str],
        en_comp: str,
        fr_inf: str,
        fr_pres: list[str],
        fr_pp: str,
        fr_fut: str,
        fr_comp: str,
        ar_pres: list[str],
        ar_past: list[str],
        ar_comp: str = "",
        *,
        fr_aux: str = "avoir",
        fr_refl: bool = False,
        fr_agree: bool = True,
        fr_comp_neg: str | None = None,
        ar_juss: list[str] | None = None,
        tags: str = "a",
        clock: str = "",
        poss: bool = False,
    ) -> None:
        self.key, self.en, self.en_comp = key, en, en_comp
        self.fr_inf, self.fr_pres, self.fr_pp, self.fr_fut, self.fr_comp = fr_inf, six(fr_pres), fr_pp, fr_fut, fr_comp
        self.fr_aux, self.fr_refl, self.fr_agree, self.fr_comp_neg = fr_aux, fr_refl, fr_agree, fr_comp_neg
        assert len(ar_pres) == 8 and len(ar_past) == 8, key
        self.ar_pres, self.ar_past, self.ar_comp = ar_pres, ar_past, ar_comp
        self.ar_subj = [f[:-1] if i == 2 else (f[:-1] + "ا" if i in (6, 7) else f) for i, f in enumerate(ar_pres)]
        assert ar_pres[2].endswith("ين") and ar_pres[6].endswith("ون") and ar_pres[7].endswith("ون"), key
        self.ar_juss = ar_juss or self.ar_subj
        self.tags, self.clock, self.poss = tags, clock, poss

    # English -------------------------------------------------------------------------------------------------
    def en_vp(self, p: str, tense: str, neg: bool, contract: bool = True) -> str:
        base, s3, past = self.en
        third = p in ("he", "she")
        comp = fill(self.en_comp, p)
        if tense == "pres":
            if neg:
                aux = ("doesn't" if third else "don't") if contract else ("does not" if third else "do not")
                head = f"{aux} {base}"
            else:
                head = s3 if third else base
        elif tense == "past":
            head = (("didn't" if contract else "did not") + " " + base) if neg else past
        else:
            head = (("won't" if contract else "will not") + " " + base) if neg else "will " + base
        return join(head, comp)

    def en_bare(self, p: str) -> str:
        return join(self.en[0], fill(self.en_comp, p))

    # French --------------------------------------------------------------------------------------------------
    def fr_clause(self, subj: str, p: str, tense: str, neg: bool) -> str:
        comp = fill(self.fr_comp_neg if (neg and self.fr_comp_neg is not None) else self.fr_comp, p)
        refl = FR_REFL[p] if self.fr_refl else ""
        ne, pas = ("ne", "pas") if neg else ("", "")
        if tense == "pres":
            return join(subj, ne, refl, self.fr_pres[idx(p)], pas, comp)
        if tense == "past":
            etre = self.fr_aux == "être" or self.fr_refl
            aux = (ETRE if etre else AVOIR)[p]
            pp = fr_agree(self.fr_pp, p) if etre and self.fr_agree else self.fr_pp
            return join(subj, ne, refl, aux, pas, pp, comp)
        return join(subj, ne, refl, self.fr_fut + FUT_END[p], pas, comp)

    def fr_infinitive(self, p: str, neg_comp: bool = False) -> str:
        comp = fill(self.fr_comp_neg if (neg_comp and self.fr_comp_neg is not None) else self.fr_comp, p)
        return join(FR_REFL[p] if self.fr_refl else "", self.fr_inf, comp)

    # Arabic --------------------------------------------------------------------------------------------------
    def ar_verb(self, p: str, tense: str, neg: bool, sawfa: bool = False) -> str:
        i = idx(p)
        if tense == "pres":
            return ("لا " if neg else "") + self.ar_pres[i]
        if tense == "past":
            return "لم " + self.ar_juss[i] if neg else self.ar_past[i]
        if neg:
            return "لن " + self.ar_subj[i]
        return ("سوف " if sawfa else "س") + self.ar_pres[i]

    def ar_cmp(self, p: str) -> str:
        return fill(self.ar_comp, p)


def V(*args, **kwargs) -> Verb:
    return Verb(*args, **kwargs)


TANAWAL_PRES = ["أتناول", "تتناول", "تتناولين", "يتناول", "تتناول", "نتناول", "تتناولون", "يتناولون"]
TANAWAL_PAST = ["تناولت", "تناولت", "تناولتِ", "تناول", "تناولت", "تناولنا", "تناولتم", "تناولوا"]
DHAHABA_PRES = ["أذهب", "تذهب", "تذهبين", "يذهب", "تذهب", "نذهب", "تذهبون", "يذهبون"]
DHAHABA_PAST = ["ذهبت", "ذهبت", "ذهبتِ", "ذهب", "ذهبت", "ذهبنا", "ذهبتم", "ذهبوا"]
ALLER = ["vais", "vas", "va", "allons", "allez", "vont"]
PRENDRE = ["prends", "prends", "prend", "prenons", "prenez", "prennent"]
FAIRE = ["fais", "fais", "fait", "faisons", "faites", "font"]
LIRE = ["lis", "lis", "lit", "lisons", "lisez", "lisent"]
QARA_PRES = ["أقرأ", "تقرأ", "تقرئين", "يقرأ", "تقرأ", "نقرأ", "تقرؤون", "يقرؤون"]
QARA_PAST = ["قرأت", "قرأت", "قرأتِ", "قرأ", "قرأت", "قرأنا", "قرأتم", "قرؤوا"]
SHAHADA_PRES = ["أشاهد", "تشاهد", "تشاهدين", "يشاهد", "تشاهد", "نشاهد", "تشاهدون", "يشاهدون"]
SHAHADA_PAST = ["شاهدت", "شاهدت", "شاهدتِ", "شاهد", "شاهدت", "شاهدنا", "شاهدتم", "شاهدوا"]
REGARDER = ["regarde", "regardes", "regarde", "regardons", "regardez", "regardent"]
LAIBA_PRES = ["ألعب", "تلعب", "تلعبين", "يلعب", "تلعب", "نلعب", "تلعبون", "يلعبون"]
LAIBA_PAST = ["لعبت", "لعبت", "لعبتِ", "لعب", "لعبت", "لعبنا", "لعبتم", "لعبوا"]
JOUER = ["joue", "joues", "joue", "jouons", "jouez", "jouent"]
SHARIBA_PRES = ["أشرب", "تشرب", "تشربين", "يشرب", "تشرب", "نشرب", "تشربون", "يشربون"]
SHARIBA_PAST = ["شربت", "شربت", "شربتِ", "شرب", "شربت", "شربنا", "شربتم", "شربوا"]
BOIRE = ["bois", "bois", "boit", "buvons", "buvez", "boivent"]
NAZZAFA_PRES = ["أنظف", "تنظف", "تنظفين", "ينظف", "تنظف", "ننظف", "تنظفون", "ينظفون"]
NAZZAFA_PAST = ["نظفت", "نظفت", "نظفتِ", "نظف", "نظفت", "نظفنا", "نظفتم", "نظفوا"]

VERBS: list[Verb] = [
    V(
        "wake_up",
        ("wake", "wakes", "woke"),
        "up",
        "réveiller",
        ["réveille", "réveilles", "réveille", "réveillons", "réveillez", "réveillent"],
        "réveillé",
        "réveiller",
        "",
        ["أستيقظ", "تستيقظ", "تستيقظين", "يستيقظ", "تستيقظ", "نستيقظ", "تستيقظون", "يستيقظون"],
        ["استيقظت", "استيقظت", "استيقظتِ", "استيقظ", "استيقظت", "استيقظنا", "استيقظتم", "استيقظوا"],
        fr_refl=True,
        tags="",
        clock="m",
    ),
    V(
        "get_up",
        ("get", "gets", "got"),
        "up early",
        "lever",
        ["lève", "lèves", "lève", "levons", "levez", "lèvent"],
        "levé",
        "lèver",
        "tôt",
        ["أنهض", "تنهض", "تنهضين", "ينهض", "تنهض", "ننهض", "تنهضون", "ينهضون"],
        ["نهضت", "نهضت", "نهضتِ", "نهض", "نهضت", "نهضنا", "نهضتم", "نهضوا"],
        "مبكرًا",
        fr_refl=True,
        tags="am",
    ),
    V(
        "shower",
        ("take", "takes", "took"),
        "a shower",
        "prendre",
        PRENDRE,
        "pris",
        "prendr",
        "une douche",
        ["أستحم", "تستحم", "تستحمين", "يستحم", "تستحم", "نستحم", "تستحمون", "يستحمون"],
        ["استحممت", "استحممت", "استحممتِ", "استحم", "استحمت", "استحممنا", "استحممتم", "استحموا"],
        fr_comp_neg="de douche",
        tags="ame",
        clock="m",
    ),
    V(
        "get_dressed",
        ("get", "gets", "got"),
        "dressed",
        "habiller",
        ["habille", "habilles", "habille", "habillons", "habillez", "habillent"],
        "habillé",
        "habiller",
        "",
        ["ألبس", "تلبس", "تلبسين", "يلبس", "تلبس", "نلبس", "تلبسون", "يلبسون"],
        ["لبست", "لبست", "لبستِ", "لبس", "لبست", "لبسنا", "لبستم", "لبسوا"],
        "ملابس{s}",
        fr_refl=True,
        tags="m",
        clock="m",
    ),
    V(
        "brush_teeth",
        ("brush", "brushes", "brushed"),
        "{p} teeth",
        "brosser",
        ["brosse", "brosses", "brosse", "brossons", "brossez", "brossent"],
        "brossé",
        "brosser",
        "les dents",
        NAZZAFA_PRES,
        NAZZAFA_PAST,
        "أسنان{s}",
        fr_refl=True,
        fr_agree=False,
        tags="ame",
        poss=True,
    ),
    V(
        "breakfast",
        ("have", "has", "had"),
        "breakfast",
        "prendre",
        PRENDRE,
        "pris",
        "prendr",
        "le petit-déjeuner",
        TANAWAL_PRES,
        TANAWAL_PAST,
        "الفطور",
        tags="am",
        clock="m",
    ),
    V(
        "lunch",
        ("have", "has", "had"),
        "lunch at home",
        "déjeuner",
        ["déjeune", "déjeunes", "déjeune", "déjeunons", "déjeunez", "déjeunent"],
        "déjeuné",
        "déjeuner",
        "à la maison",
        TANAWAL_PRES,
        TANAWAL_PAST,
        "الغداء في البيت",
        tags="a",
    ),
    V(
        "dinner",
        ("have", "has", "had"),
        "dinner with {p} family",
        "dîner",
        ["dîne", "dînes", "dîne", "dînons", "dînez", "dînent"],
        "dîné",
        "dîner",
        "avec {ma} famille",
        TANAWAL_PRES,
        TANAWAL_PAST,
        "العشاء مع عائلت{s}",
        tags="ae",
        clock="e",
        poss=True,
    ),
    V(
        "cook",
        ("cook", "cooks", "cooked"),
        "dinner",
        "préparer",
        ["prépare", "prépares", "prépare", "préparons", "préparez", "préparent"],
        "préparé",
        "préparer",
        "le dîner",
        ["أطبخ", "تطبخ", "تطبخين", "يطبخ", "تطبخ", "نطبخ", "تطبخون", "يطبخون"],
        ["طبخت", "طبخت", "طبختِ", "طبخ", "طبخت", "طبخنا", "طبختم", "طبخوا"],
        "العشاء",
        tags="ae",
        clock="e",
    ),
    V(
        "go_work",
        ("go", "goes", "went"),
        "to work",
        "aller",
        ALLER,
        "allé",
        "ir",
        "au travail",
        DHAHABA_PRES,
        DHAHABA_PAST,
        "إلى العمل",
        fr_aux="être",
        tags="am",
        clock="m",
    ),
    V(
        "go_market",
        ("go", "goes", "went"),
        "to the market",
        "aller",
        ALLER,
        "allé",
        "ir",
        "au marché",
        DHAHABA_PRES,
        DHAHABA_PAST,
        "إلى السوق",
        fr_aux="être",
        tags="amf",
    ),
    V(
        "go_pool",
        ("go", "goes", "went"),
        "to the swimming pool",
        "aller",
        ALLER,
        "allé",
        "ir",
        "à la piscine",
        DHAHABA_PRES,
        DHAHABA_PAST,
        "إلى المسبح",
        fr_aux="être",
        tags="af",
    ),
    V(
        "go_cinema",
        ("go", "goes", "went"),
        "to the cinema",
        "aller",
        ALLER,
        "allé",
        "ir",
        "au cinéma",
        DHAHABA_PRES,
        DHAHABA_PAST,
        "إلى السينما",
        fr_aux="être",
        tags="aef",
    ),
    V(
        "read_paper",
        ("read", "reads", "read"),
        "the newspaper",
        "lire",
        LIRE,
        "lu",
        "lir",
        "le journal",
        QARA_PRES,
        QARA_PAST,
        "الجريدة",
        tags="am",
    ),
    V(
        "read_book",
        ("read", "reads", "read"),
        "a book",
        "lire",
        LIRE,
        "lu",
        "lir",
        "un livre",
        QARA_PRES,
        QARA_PAST,
        "كتابًا",
        fr_comp_neg="de livre",
        tags="aef",
    ),
    V(
        "watch_tv",
        ("watch", "watches", "watched"),
        "television",
        "regarder",
        REGARDER,
        "regardé",
        "regarder",
        "la télévision",
        SHAHADA_PRES,
        SHAHADA_PAST,
        "التلفاز",
        tags="ae",
    ),
    V(
        "watch_film",
        ("watch", "watches", "watched"),
        "a film",
        "regarder",
        REGARDER,
        "regardé",
        "regarder",
        "un film",
        SHAHADA_PRES,
        SHAHADA_PAST,
        "فيلمًا",
        fr_comp_neg="de film",
        tags="aef",
    ),
    V(
        "go_bed",
        ("go", "goes", "went"),
        "to bed late",
        "coucher",
        ["couche", "couches", "couche", "couchons", "couchez", "couchent"],
        "couché",
        "coucher",
        "tard",
        ["أنام", "تنام", "تنامين", "ينام", "تنام", "ننام", "تنامون", "ينامون"],
        ["نمت", "نمت", "نمتِ", "نام", "نامت", "نمنا", "نمتم", "ناموا"],
        "متأخرًا",
        fr_refl=True,
        ar_juss=["أنم", "تنم", "تنامي", "ينم", "تنم", "ننم", "تناموا", "يناموا"],
        tags="ae",
    ),
    V(
        "go_bed_clock",
        ("go", "goes", "went"),
        "to bed",
        "coucher",
        ["couche", "couches", "couche", "couchons", "couchez", "couchent"],
        "couché",
        "coucher",
        "",
        ["أنام", "تنام", "تنامين", "ينام", "تنام", "ننام", "تنامون", "ينامون"],
        ["نمت", "نمت", "نمتِ", "نام", "نامت", "نمنا", "نمتم", "ناموا"],
        "",
        fr_refl=True,
        ar_juss=["أنم", "تنم", "تنامي", "ينم", "تنم", "ننم", "تناموا", "يناموا"],
        tags="",
        clock="e",
    ),
    V(
        "meet_friends",
        ("meet", "meets", "met"),
        "{p} friends",
        "retrouver",
        ["retrouve", "retrouves", "retrouve", "retrouvons", "retrouvez", "retrouvent"],
        "retrouvé",
        "retrouver",
        "{mes} amis",
        ["أقابل", "تقابل", "تقابلين", "يقابل", "تقابل", "نقابل", "تقابلون", "يقابلون"],
        ["قابلت", "قابلت", "قابلتِ", "قابل", "قابلت", "قابلنا", "قابلتم", "قابلوا"],
        "أصدقاء{s}",
        tags="aef",
        poss=True,
    ),
    V(
        "football",
        ("play", "plays", "played"),
        "football",
        "jouer",
        JOUER,
        "joué",
        "jouer",
        "au football",
        LAIBA_PRES,
        LAIBA_PAST,
        "كرة القدم",
        tags="af",
    ),
    V(
        "tennis",
        ("play", "plays", "played"),
        "tennis",
        "jouer",
        JOUER,
        "joué",
        "jouer",
        "au tennis",
        LAIBA_PRES,
        LAIBA_PAST,
        "التنس",
        tags="af",
    ),
    V(
        "chess",
        ("play", "plays", "played"),
        "chess",
        "jouer",
        JOUER,
        "joué",
        "jouer",
        "aux échecs",
        LAIBA_PRES,
        LAIBA_PAST,
        "الشطرنج",
        tags="aef",
    ),
    V(
        "music",
        ("listen", "listens", "listened"),
        "to music",
        "écouter",
        ["écoute", "écoutes", "écoute", "écoutons", "écoutez", "écoutent"],
        "écouté",
        "écouter",
        "de la musique",
        ["أستمع", "تستمع", "تستمعين", "يستمع", "تستمع", "نستمع", "تستمعون", "يستمعون"],
        ["استمعت", "استمعت", "استمعتِ", "استمع", "استمعت", "استمعنا", "استمعتم", "استمعوا"],
        "إلى الموسيقى",
        fr_comp_neg="de musique",
        tags="ame",
    ),
    V(
        "coffee",
        ("drink", "drinks", "drank"),
        "coffee",
        "boire",
        BOIRE,
        "bu",
        "boir",
        "du café",
        SHARIBA_PRES,
        SHARIBA_PAST,
        "القهوة",
        fr_comp_neg="de café",
        tags="am",
    ),
    V(
        "tea",
        ("drink", "drinks", "drank"),
        "tea",
        "boire",
        BOIRE,
        "bu",
        "boir",
        "du thé",
        SHARIBA_PRES,
        SHARIBA_PAST,
        "الشاي",
        fr_comp_neg="de thé",
        tags="ame",
    ),
    V(
        "go_out",
        ("go", "goes", "went"),
        "out with {p} friends",
        "sortir",
        ["sors", "sors", "sort", "sortons", "sortez", "sortent"],
        "sorti",
        "sortir",
        "avec {mes} amis",
        ["أخرج", "تخرج", "تخرجين", "يخرج", "تخرج", "نخرج", "تخرجون", "يخرجون"],
        ["خرجت", "خرجت", "خرجتِ", "خرج", "خرجت", "خرجنا", "خرجتم", "خرجوا"],
        "مع أصدقائ{s}",
        fr_aux="être",
        tags="aef",
        poss=True,
    ),
    V(
        "come_home",
        ("come", "comes", "came"),
        "home",
        "rentrer",
        ["rentre", "rentres", "rentre", "rentrons", "rentrez", "rentrent"],
        "rentré",
        "rentrer",
        "à la maison",
        ["أعود", "تعود", "تعودين", "يعود", "تعود", "نعود", "تعودون", "يعودون"],
        ["عدت", "عدت", "عدتِ", "عاد", "عادت", "عدنا", "عدتم", "عادوا"],
        "إلى البيت",
        fr_aux="être",
        ar_juss=["أعد", "تعد", "تعودي", "يعد", "تعد", "نعد", "تعودوا", "يعودوا"],
        tags="ae",
        clock="e",
    ),
    V(
        "walk",
        ("walk", "walks", "walked"),
        "in the park",
        "promener",
        ["promène", "promènes", "promène", "promenons", "promenez", "promènent"],
        "promené",
        "promèner",
        "dans le parc",
        ["أتمشى", "تتمشى", "تتمشين", "يتمشى", "تتمشى", "نتمشى", "تتمشون", "يتمشون"],
        ["تمشيت", "تمشيت", "تمشيتِ", "تمشى", "تمشت", "تمشينا", "تمشيتم", "تمشوا"],
        "في الحديقة",
        fr_refl=True,
        ar_juss=["أتمش", "تتمش", "تتمشي", "يتمش", "تتمش", "نتمش", "تتمشوا", "يتمشوا"],
        tags="amef",
    ),
    V(
        "exercise",
        ("exercise", "exercises", "exercised"),
        "",
        "faire",
        FAIRE,
        "fait",
        "fer",
        "du sport",
        ["أمارس", "تمارس", "تمارسين", "يمارس", "تمارس", "نمارس", "تمارسون", "يمارسون"],
        ["مارست", "مارست", "مارستِ", "مارس", "مارست", "مارسنا", "مارستم", "مارسوا"],
        "الرياضة",
        fr_comp_neg="de sport",
        tags="amef",
    ),
    V(
        "shopping",
        ("do", "does", "did"),
        "the shopping",
        "faire",
        FAIRE,
        "fait",
        "fer",
        "les courses",
        ["أتسوق", "تتسوق", "تتسوقين", "يتسوق", "تتسوق", "نتسوق", "تتسوقون", "يتسوقون"],
        ["تسوقت", "تسوقت", "تسوقتِ", "تسوق", "تسوقت", "تسوقنا", "تسوقتم", "تسوقوا"],
        tags="af",
    ),
    V(
        "call_mother",
        ("call", "calls", "called"),
        "{p} mother",
        "appeler",
        ["appelle", "appelles", "appelle", "appelons", "appelez", "appellent"],
        "appelé",
        "appeller",
        "{ma} mère",
        ["أتصل", "تتصل", "تتصلين", "يتصل", "تتصل", "نتصل", "تتصلون", "يتصلون"],
        ["اتصلت", "اتصلت", "اتصلتِ", "اتصل", "اتصلت", "اتصلنا", "اتصلتم", "اتصلوا"],
        "بأم{s}",
        tags="aef",
        poss=True,
    ),
    V(
        "study",
        ("study", "studies", "studied"),
        "in the library",
        "étudier",
        ["étudie", "étudies", "étudie", "étudions", "étudiez", "étudient"],
        "étudié",
        "étudier",
        "à la bibliothèque",
        ["أدرس", "تدرس", "تدرسين", "يدرس", "تدرس", "ندرس", "تدرسون", "يدرسون"],
        ["درست", "درست", "درستِ", "درس", "درست", "درسنا", "درستم", "درسوا"],
        "في المكتبة",
        tags="amef",
    ),
    V(
        "bus",
        ("take", "takes", "took"),
        "the bus",
        "prendre",
        PRENDRE,
        "pris",
        "prendr",
        "le bus",
        ["أركب", "تركب", "تركبين", "يركب", "تركب", "نركب", "تركبون", "يركبون"],
        ["ركبت", "ركبت", "ركبتِ", "ركب", "ركبت", "ركبنا", "ركبتم", "ركبوا"],
        "الحافلة",
        tags="am",
        clock="m",
    ),
    V(
        "work_home",
        ("work", "works", "worked"),
        "from home",
        "travailler",
        ["travaille", "travailles", "travaille", "travaillons", "travaillez", "travaillent"],
        "travaillé",
        "travailler",
        "à la maison",
        ["أعمل", "تعمل", "تعملين", "يعمل", "تعمل", "نعمل", "تعملون", "يعملون"],
        ["عملت", "عملت", "عملتِ", "عمل", "عملت", "عملنا", "عملتم", "عملوا"],
        "من البيت",
        tags="a",
    ),
    V(
        "visit_family",
        ("visit", "visits", "visited"),
        "{p} family",
        "rendre",
        ["rends", "rends", "rend", "rendons", "rendez", "rendent"],
        "rendu",
        "rendr",
        "visite à {ma} famille",
        ["أزور", "تزور", "تزورين", "يزور", "تزور", "نزور", "تزورون", "يزورون"],
        ["زرت", "زرت", "زرتِ", "زار", "زارت", "زرنا", "زرتم", "زاروا"],
        "عائلت{s}",
        ar_juss=["أزر", "تزر", "تزوري", "يزر", "تزر", "نزر", "تزوروا", "يزوروا"],
        tags="af",
        poss=True,
    ),
    V(
        "clean",
        ("clean", "cleans", "cleaned"),
        "the house",
        "nettoyer",
        ["nettoie", "nettoies", "nettoie", "nettoyons", "nettoyez", "nettoient"],
        "nettoyé",
        "nettoier",
        "la maison",
        NAZZAFA_PRES,
        NAZZAFA_PAST,
        "البيت",
        tags="af",
    ),
    V(
        "dishes",
        ("wash", "washes", "washed"),
        "the dishes",
        "faire",
        FAIRE,
        "fait",
        "fer",
        "la vaisselle",
        ["أغسل", "تغسل", "تغسلين", "يغسل", "تغسل", "نغسل", "تغسلون", "يغسلون"],
        ["غسلت", "غسلت", "غسلتِ", "غسل", "غسلت", "غسلنا", "غسلتم", "غسلوا"],
        "الصحون",
        tags="ae",
    ),
    V(
        "emails",
        ("write", "writes", "wrote"),
        "emails",
        "écrire",
        ["écris", "écris", "écrit", "écrivons", "écrivez", "écrivent"],
        "écrit",
        "écrir",
        "des e-mails",
        ["أكتب", "تكتب", "تكتبين", "يكتب", "تكتب", "نكتب", "تكتبون", "يكتبون"],
        ["كتبت", "كتبت", "كتبتِ", "كتب", "كتبت", "كتبنا", "كتبتم", "كتبوا"],
        "رسائل إلكترونية",
        fr_comp_neg="de e-mails",
        tags="am",
    ),
    V(
        "cycling",
        ("go", "goes", "went"),
        "cycling",
        "faire",
        FAIRE,
        "fait",
        "fer",
        "du vélo",
        ["أركب", "تركب", "تركبين", "يركب", "تركب", "نركب", "تركبون", "يركبون"],
        ["ركبت", "ركبت", "ركبتِ", "ركب", "ركبت", "ركبنا", "ركبتم", "ركبوا"],
        "الدراجة",
        fr_comp_neg="de vélo",
        tags="af",
    ),
    V(
        "swim",
        ("swim", "swims", "swam"),
        "in the sea",
        "nager",
        ["nage", "nages", "nage", "nageons", "nagez", "nagent"],
        "nagé",
        "nager",
        "dans la mer",
        ["أسبح", "تسبح", "تسبحين", "يسبح", "تسبح", "نسبح", "تسبحون", "يسبحون"],
        ["سبحت", "سبحت", "سبحتِ", "سبح", "سبحت", "سبحنا", "سبحتم", "سبحوا"],
        "في البحر",
        tags="af",
    ),
    V(
        "homework",
        ("do", "does", "did"),
        "{p} homework",
        "faire",
        FAIRE,
        "fait",
        "fer",
        "{mes} devoirs",
        ["أنجز", "تنجز", "تنجزين", "ينجز", "تنجز", "ننجز", "تنجزون", "ينجزون"],
        ["أنجزت", "أنجزت", "أنجزتِ", "أنجز", "أنجزت", "أنجزنا", "أنجزتم", "أنجزوا"],
        "واجبات{s}",
        tags="ae",
        poss=True,
    ),
]
VERB = {v.key: v for v in VERBS}

PRES_ADV = [  # (EN, FR, AR, tag)
    ("every day", "tous les jours", "كل يوم", "a"),
    ("every morning", "tous les matins", "كل صباح", "m"),
    ("every evening", "tous les soirs", "كل مساء", "e"),
    ("at the weekend", "le week-end", "في عطلة نهاية الأسبوع", "a"),
    ("on Sundays", "le dimanche", "أيام الأحد", "a"),
    ("on Saturdays", "le samedi", "أيام السبت", "a"),
    ("on Fridays", "le vendredi", "أيام الجمعة", "a"),
    ("twice a week", "deux fois par semaine", "مرتين في الأسبوع", "f"),
    ("once a week", "une fois par semaine", "مرة في الأسبوع", "f"),
    ("in the morning", "le matin", "في الصباح", "m"),
    ("in the evening", "le soir", "في المساء", "e"),
    ("after work", "après le travail", "بعد العمل", "f"),
    ("during the holidays", "pendant les vacances", "في العطلة", "f"),
    ("on weekdays", "en semaine", "خلال أيام الأسبوع", "a"),
]
PAST_ADV = [
    ("yesterday", "hier", "أمس", "a"),
    ("yesterday morning", "hier matin", "صباح أمس", "m"),
    ("yesterday evening", "hier soir", "مساء أمس", "e"),
    ("last week", "la semaine dernière", "في الأسبوع الماضي", "f"),
    ("last Sunday", "dimanche dernier", "يوم الأحد الماضي", "a"),
    ("on Saturday", "samedi", "يوم السبت", "a"),
    ("this morning", "ce matin", "هذا الصباح", "m"),
    ("two days ago", "il y a deux jours", "قبل يومين", "a"),
    ("last month", "le mois dernier", "في الشهر الماضي", "f"),
    ("last weekend", "le week-end dernier", "في عطلة نهاية الأسبوع الماضية", "a"),
]
FUT_ADV = [
    ("tomorrow", "demain", "غدًا", "a"),
    ("tomorrow morning", "demain matin", "صباح الغد", "m"),
    ("tomorrow evening", "demain soir", "مساء الغد", "e"),
    ("tonight", "ce soir", "الليلة", "e"),
    ("next week", "la semaine prochaine", "في الأسبوع القادم", "f"),
    ("next month", "le mois prochain", "في الشهر القادم", "f"),
    ("on Monday", "lundi", "يوم الاثنين", "a"),
    ("next weekend", "le week-end prochain", "في عطلة نهاية الأسبوع القادمة", "a"),
    ("in three days", "dans trois jours", "بعد ثلاثة أيام", "f"),
    ("on Friday", "vendredi", "يوم الجمعة", "a"),
]
ADV = {"pres": PRES_ADV, "past": PAST_ADV, "fut": FUT_ADV}


def adverbs(v: Verb, tense: str) -> list[tuple[str, str, str, str]]:
    return [a for a in ADV[tense] if a[3] in v.tags]


# ---------------------------------------------------------------------------------------------------------------
# Clock times

EN_NUM = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
FR_NUM_M = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze"]
FR_HOUR = ["", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze"]
AR_HOUR = [
    "",
    "الواحدة",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
    "الحادية عشرة",
    "الثانية عشرة",
]
MINUTES = (0, 5, 10, 15, 20, 30, 40, 45, 50, 55)
PERIOD = {
    "m": (" in the morning", " du matin", " صباحًا"),
    "a": (" in the afternoon", " de l'après-midi", " بعد الظهر"),
    "e": (" in the evening", " du soir", " مساءً"),
    "": ("", "", ""),
}


def clock(h: int, m: int, period: str = "") -> tuple[str, str, str] | None:
    """A clock time in words (h from 1 to 11) in EN, FR and AR, without the preposition; None when not sayable."""
    if m >= 40 and h + 1 > 11:
        return None
    nh = min(h + 1, 11)  # the next hour (only used from 40 minutes on)

    def fh(hour: int) -> str:
        return f"{FR_HOUR[hour]} heure" + ("s" if hour > 1 else "")

    en = {
        0: f"{EN_NUM[h]} o'clock",
        5: f"five past {EN_NUM[h]}",
        10: f"ten past {EN_NUM[h]}",
        15: f"a quarter past {EN_NUM[h]}",
        20: f"twenty past {EN_NUM[h]}",
        30: f"half past {EN_NUM[h]}",
        40: f"twenty to {EN_NUM[nh]}",
        45: f"a quarter to {EN_NUM[nh]}",
        50: f"ten to {EN_NUM[nh]}",
        55: f"five to {EN_NUM[nh]}",
    }[m]
    fr = {
        0: fh(h),
        5: fh(h) + " cinq",
        10: fh(h) + " dix",
        15: fh(h) + " et quart",
        20: fh(h) + " vingt",
        30: fh(h) + " et demie",
        40: fh(nh) + " moins vingt",
        45: fh(nh) + " moins le quart",
        50: fh(nh) + " moins dix",
        55: fh(nh) + " moins cinq",
    }[m]
    ar = {
        0: AR_HOUR[h],
        5: AR_HOUR[h] + " وخمس دقائق",
        10: AR_HOUR[h] + " وعشر دقائق",
        15: AR_HOUR[h] + " والربع",
        20: AR_HOUR[h] + " والثلث",
        30: AR_HOUR[h] + " والنصف",
        40: AR_HOUR[nh] + " إلا ثلثًا",
        45: AR_HOUR[nh] + " إلا ربعًا",
        50: AR_HOUR[nh] + " إلا عشر دقائق",
        55: AR_HOUR[nh] + " إلا خمس دقائق",
    }[m]
    pe, pf, pa = PERIOD[period]
    return en + pe, fr + pf, ar + pa


HOURS_FOR = {"m": range(5, 10), "e": range(6, 11), "a": range(1, 6)}

# ---------------------------------------------------------------------------------------------------------------
# Routine templates


def ar_pron(rng: random.Random, p: str) -> str:
    """The Arabic subject pronoun, written now and then (always for "أنتِ" and "أنتم" to mark the person)."""
    if p in ("you_f", "you_pl"):
        return SUBJECT_AR[p] if rng.random() < 0.5 else ""
    return SUBJECT_AR[p] if rng.random() < 0.15 else ""


def t_routine(tense: str, neg: bool, seed: int) -> Callable[[], list[Triple]]:
    def gen() -> list[Triple]:
        rng = random.Random(seed)
        out = []
        for v in VERBS:
            for adv in adverbs(v, tense):
                if neg and adv[0] in ("twice a week", "once a week"):
                    continue
                for p in persons(rng):
                    en = f"{EN_SUBJ[p]} {v.en_vp(p, tense, neg, contract=rng.random() < 0.8)} {adv[0]}."
                    fr = f"{v.fr_clause(SUBJECT_FR[p], p, tense, neg)} {adv[1]}."
                    ar = (
                        join(ar_pron(rng, p), v.ar_verb(p, tense, neg, sawfa=rng.random() < 0.3), v.ar_cmp(p), adv[2])
                        + "."
                    )
                    out.append(mk(en, fr, ar))
        return out

    return gen


def t_noun_subject() -> list[Triple]:
    rng = random.Random(11)
    out = []
    for en_s, fr_s, ar_s, p in NOUN_SUBJECTS:
        for v in VERBS:
            if p == "they" and v.key in ("meet_friends", "go_out"):
                continue
            for tense in ("pres", "past", "fut"):
                for adv in adverbs(v, tense):
                    neg = rng.random() < 0.35
                    en = f"{en_s} {v.en_vp(p, tense, neg)} {adv[0]}."
                    fr = f"{v.fr_clause(fr_s, p, tense, neg)} {adv[1]}."
                    if tense == "past":  # verb first: singular verb before a plural subject
                        vp = "he" if p == "they" else p
                        ar = join(v.ar_verb(vp, tense, neg), ar_s, v.ar_cmp(p), adv[2]) + "."
                    else:
                        ar = join(ar_s, v.ar_verb(p, tense, neg, sawfa=rng.random() < 0.3), v.ar_cmp(p), adv[2]) + "."
                    out.append(mk(en, fr, ar))
    return out


Q_PERSONS = ("he", "she", "they")


def q_persons(rng: random.Random) -> list[str]:
    return [pick_you(rng)] + list(Q_PERSONS)


def t_yes_no() -> list[Triple]:
    rng = random.Random(12)
    out = []
    for v in VERBS:
        for tense in ("pres", "past", "fut"):
            for adv in adverbs(v, tense):
                for p in q_persons(rng):
                    third = p in ("he", "she")
                    aux = {"pres": "Does" if third else "Do", "past": "Did", "fut": "Will"}[tense]
                    en = f"{aux} {EN_SUBJ[p]} {v.en_bare(p)} {adv[0]}?"
                    fr = f"Est-ce que {v.fr_clause(SUBJECT_FR[p], p, tense, False)} {adv[1]} ?"
                    ar = "هل " + join(v.ar_verb(p, tense, False), v.ar_cmp(p), adv[2]) + "؟"
                    out.append(mk(en, fr, ar))
    return out


def t_why() -> list[Triple]:
    rng = random.Random(13)
    out = []
    for v in VERBS:
        for tense, neg in (("pres", True), ("past", True), ("pres", False), ("past", False)):
            for adv in adverbs(v, tense):
                for p in q_persons(rng):
                    third = p in ("he", "she")
                    if tense == "pres":
                        aux = ("doesn't" if third else "don't") if neg else ("does" if third else "do")
                    else:
                        aux = "didn't" if neg else "did"
                    en = f"Why {aux} {EN_SUBJ[p]} {v.en_bare(p)} {adv[0]}?"
                    fr = f"Pourquoi est-ce que {v.fr_clause(SUBJECT_FR[p], p, tense, neg)} {adv[1]} ?"
                    ar = "لماذا " + join(v.ar_verb(p, tense, neg), v.ar_cmp(p), adv[2]) + "؟"
                    out.append(mk(en, fr, ar))
    return out


WHEN_SKIP = {"get_up", "go_bed"}


def t_when() -> list[Triple]:
    rng = random.Random(14)
    out = []
    for v in VERBS:
        if v.key in WHEN_SKIP:
            continue
        for p in q_persons(rng):
            third = p in ("he", "she")
            s = EN_SUBJ[p]
            out.append(
                mk(
                    f"When {'does' if third else 'do'} {s} usually {v.en_bare(p)}?",
                    f"Quand est-ce que {v.fr_clause(SUBJECT_FR[p], p, 'pres', False)} d'habitude ?",
                    "متى " + join(v.ar_verb(p, "pres", False), v.ar_cmp(p), "في العادة") + "؟",
                )
            )
            for adv in (("yesterday", "hier", "أمس"), ("last week", "la semaine dernière", "في الأسبوع الماضي")):
                if adv[0] == "last week" and "f" not in v.tags:
                    continue
                out.append(
                    mk(
                        f"When did {s} {v.en_bare(p)} {adv[0]}?",
                        f"Quand est-ce que {v.fr_clause(SUBJECT_FR[p], p, 'past', False)} {adv[1]} ?",
                        "متى " + join(v.ar_verb(p, "past", False), v.ar_cmp(p), adv[2]) + "؟",
                    )
                )
            wk = ("this week", "cette semaine", "هذا الأسبوع") if "f" in v.tags else ("tomorrow", "demain", "غدًا")
            out.append(
                mk(
                    f"When will {s} {v.en_bare(p)} {wk[0]}?",
                    f"Quand est-ce que {v.fr_clause(SUBJECT_FR[p], p, 'fut', False)} {wk[1]} ?",
                    "متى " + join(v.ar_verb(p, "fut", False), v.ar_cmp(p), wk[2]) + "؟",
                )
            )
    return out


def t_clock_routine() -> list[Triple]:
    rng = random.Random(15)
    out = []
    clocked = [v for v in VERBS if v.clock]
    for v in clocked:
        for h in HOURS_FOR[v.clock]:
            for m in (0, 15, 30, 45):
                for tense in ("pres", "past", "fut"):
                    adv = {
                        "pres": [
                            ("every day", "tous les jours", "كل يوم"),
                            ("on weekdays", "en semaine", "خلال أيام الأسبوع"),
                            ("", "", ""),
                        ],
                        "past": [("yesterday", "hier", "أمس"), ("last Sunday", "dimanche dernier", "يوم الأحد الماضي")],
                        "fut": [("tomorrow", "demain", "غدًا"), ("on Saturday", "samedi", "يوم السبت")],
                    }[tense]
                    a = rng.choice(adv)
                    period = v.clock if (not a[0] and rng.random() < 0.6) else ""
                    c = clock(h, m, period)
                    if c is None:
                        continue
                    p = rng.choice(["i", pick_you(rng), "he", "she", "we", "they"])
                    neg = tense != "pres" and rng.random() < 0.2
                    en = join(EN_SUBJ[p], v.en_vp(p, tense, neg), "at " + c[0], a[0]) + "."
                    fr = join(v.fr_clause(SUBJECT_FR[p], p, tense, neg), "à " + c[1], a[1]) + "."
                    ar = join(ar_pron(rng, p), v.ar_verb(p, tense, neg), v.ar_cmp(p), "في الساعة " + c[2], a[2]) + "."
                    out.append(mk(en, fr, ar))
    return out


MODALS = {  # key: (EN 1/2/pl, EN 3sg, FR forms, AR before "أن", negative?)
    "want": (
        "want to",
        "wants to",
        six(["veux", "veux", "veut", "voulons", "voulez", "veulent"]),
        ["أريد", "تريد", "تريدين", "يريد", "تريد", "نريد", "تريدون", "يريدون"],
        False,
    ),
    "must": ("have to", "has to", six(["dois", "dois", "doit", "devons", "devez", "doivent"]), ["يجب"] * 8, False),
    "cant": (
        "can't",
        "can't",
        six(["peux", "peux", "peut", "pouvons", "pouvez", "peuvent"]),
        ["أستطيع", "تستطيع", "تستطيعين", "يستطيع", "تستطيع", "نستطيع", "تستطيعون", "يستطيعون"],
        True,
    ),
    "would": (
        "would like to",
        "would like to",
        six(["voudrais", "voudrais", "voudrait", "voudrions", "voudriez", "voudraient"]),
        ["أود", "تود", "تودين", "يود", "تود", "نود", "تودون", "يودون"],
        False,
    ),
}


def t_modal() -> list[Triple]:
    rng = random.Random(16)
    out = []
    for _key, (en1, en3, frf, arf, neg) in MODALS.items():
        for v in VERBS:
            if v.key in ("wake_up", "go_bed_clock", "coffee", "tea", "brush_teeth"):
                continue
            for adv in FUT_ADV + [("today", "aujourd'hui", "اليوم", "a")]:
                if adv[3] not in v.tags or adv[0] == "in three days":
                    continue
                p = rng.choice(persons(rng))
                en_m = en3 if p in ("he", "she") else en1
                fr_m = frf[idx(p)]
                fr_vp = (f"ne {fr_m} pas " if neg else fr_m + " ") + v.fr_infinitive(p, neg_comp=neg)
                ar_m = ("لا " if neg else "") + arf[idx(p)]
                ar = join(ar_m, "أن", v.ar_subj[idx(p)], v.ar_cmp(p), adv[2]) + "."
                out.append(
                    mk(f"{EN_SUBJ[p]} {en_m} {v.en_bare(p)} {adv[0]}.", f"{SUBJECT_FR[p]} {fr_vp} {adv[1]}.", ar)
                )
    return out


def t_who() -> list[Triple]:
    out = []
    for v in VERBS:
        if v.poss or v.key in ("wake_up", "go_bed_clock"):
            continue
        for tense in ("pres", "past", "fut"):
            for adv in adverbs(v, tense):
                out.append(
                    mk(
                        f"Who {v.en_vp('he', tense, False)} {adv[0]}?",
                        f"{v.fr_clause('qui', 'he', tense, False)} {adv[1]} ?",
                        "من " + join(v.ar_verb("he", tense, False), v.ar_cmp("he"), adv[2]) + "؟",
                    )
                )
    return out


# ---------------------------------------------------------------------------------------------------------------
# "What do you do ...?" and transport

WHAT_TIMES = {
    "pres": [
        ("on Sundays", "le dimanche", "أيام الأحد"),
        ("at the weekend", "le week-end", "في عطلة نهاية الأسبوع"),
        ("in the evening", "le soir", "في المساء"),
        ("after work", "après le travail", "بعد العمل"),
        ("on Friday evenings", "le vendredi soir", "مساء كل جمعة"),
        ("during the holidays", "pendant les vacances", "في العطلة"),
    ],
    "past": [
        ("yesterday", "hier", "أمس"),
        ("last weekend", "le week-end dernier", "في عطلة نهاية الأسبوع الماضية"),
        ("on Saturday", "samedi", "يوم السبت"),
        ("yesterday evening", "hier soir", "مساء أمس"),
        ("last summer", "l'été dernier", "في الصيف الماضي"),
        ("during the holidays", "pendant les vacances", "في العطلة"),
    ],
    "fut": [
        ("tomorrow", "demain", "غدًا"),
        ("next weekend", "le week-end prochain", "في عطلة نهاية الأسبوع القادمة"),
        ("tonight", "ce soir", "الليلة"),
        ("on Sunday", "dimanche", "يوم الأحد"),
        ("next summer", "l'été prochain", "في الصيف القادم"),
        ("after the exam", "après l'examen", "بعد الامتحان"),
    ],
}
FAIRE8 = six(FAIRE)
FAALA_PRES = ["أفعل", "تفعل", "تفعلين", "يفعل", "تفعل", "نفعل", "تفعلون", "يفعلون"]
FAALA_PAST = ["فعلت", "فعلت", "فعلتِ", "فعل", "فعلت", "فعلنا", "فعلتم", "فعلوا"]


def t_what_do() -> list[Triple]:
    rng = random.Random(17)
    out = []
    subjects = [(None, None, None, p) for p in (pick_you(rng), "he", "she", "they")] + NOUN_SUBJECTS
    for en_s, fr_s, ar_s, p in subjects:
        i = idx(p)
        third = p in ("he", "she")
        es = en_s or EN_SUBJ[p]
        for tense, times in WHAT_TIMES.items():
            for t in times:
                if tense == "pres":
                    en = f"What {'does' if third else 'do'} {es} do {t[0]}?"
                    fr = (
                        f"Qu'est-ce que {fr_s} {FAIRE8[i]} {t[1]} ?"
                        if fr_s
                        else f"Qu'est-ce que {SUBJECT_FR[p]} {FAIRE8[i]} {t[1]} ?"
                    )
                    arv = FAALA_PRES[i]
                elif tense == "past":
                    en = f"What did {es} do {t[0]}?"
                    fr = f"Qu'est-ce que {fr_s or SUBJECT_FR[p]} {AVOIR[p]} fait {t[1]} ?"
                    arv = FAALA_PAST[i]
                else:
                    en = f"What will {es} do {t[0]}?"
                    fr = f"Qu'est-ce que {fr_s or SUBJECT_FR[p]} fer{FUT_END[p]} {t[1]} ?"
                    arv = "س" + FAALA_PRES[i]
                if ar_s:
                    if tense == "past":
                        arv = FAALA_PAST[idx("he" if p == "they" else p)]
                        ar = join("ماذا", arv, ar_s, t[2]) + "؟"
                    else:
                        ar = join("ماذا", arv, ar_s, t[2]) + "؟"
                        if p == "they":  # verb before a plural subject stays singular
                            ar = join("ماذا", ("س" if tense == "fut" else "") + FAALA_PRES[idx("he")], ar_s, t[2]) + "؟"
                else:
                    ar = join("ماذا", arv, t[2]) + "؟"
                out.append(mk(en, fr, ar))
    rng.shuffle(out)
    return out


DESTS = [
    ("to work", "au travail", "إلى العمل"),
    ("to school", "à l'école", "إلى المدرسة"),
    ("to university", "à l'université", "إلى الجامعة"),
    ("to the market", "au marché", "إلى السوق"),
    ("to the city centre", "au centre-ville", "إلى وسط المدينة"),
    ("to the station", "à la gare", "إلى المحطة"),
    ("to the beach", "à la plage", "إلى الشاطئ"),
]
MODES = [
    ("by bus", "en bus", "بالحافلة"),
    ("by car", "en voiture", "بالسيارة"),
    ("by train", "en train", "بالقطار"),
    ("by bike", "à vélo", "بالدراجة"),
    ("on foot", "à pied", "مشيًا على الأقدام"),
    ("by metro", "en métro", "بالمترو"),
    ("by taxi", "en taxi", "بسيارة الأجرة"),
    ("by tram", "en tramway", "بالترام"),
]
GO = VERB["go_work"]


def t_transport() -> list[Triple]:
    rng = random.Random(18)
    out = []
    for d in DESTS:
        for mo in MODES:
            for tense in ("pres", "past", "fut"):
                p = rng.choice(persons(rng))
                neg = rng.random() < 0.25
                adv = {
                    "pres": ("every day", "tous les jours", "كل يوم"),
                    "past": ("yesterday", "hier", "أمس"),
                    "fut": ("tomorrow", "demain", "غدًا"),
                }[tense]
                en_head = GO.en_vp(p, tense, neg).rsplit(" ", 2)[0]  # drop "to work"
                en = join(EN_SUBJ[p], en_head, d[0], mo[0], adv[0]) + "."
                fr_head = GO.fr_clause(SUBJECT_FR[p], p, tense, neg).removesuffix(" au travail")
                fr = join(fr_head, d[1], mo[1], adv[1]) + "."
                ar = join(GO.ar_verb(p, tense, neg), d[2], mo[2], adv[2]) + "."
                out.append(mk(en, fr, ar))
            out.append(mk(f"Do you go {d[0]} {mo[0]}?", f"Tu vas {d[1]} {mo[1]} ?", f"هل تذهب {d[2]} {mo[2]}؟"))
        for p in q_persons(rng):
            third = p in ("he", "she")
            fr_q = {
                "you_m": "vas-tu",
                "you_f": "vas-tu",
                "you_pl": "allez-vous",
                "he": "va-t-il",
                "she": "va-t-elle",
                "they": "vont-ils",
            }[p]
            out.append(
                mk(
                    f"How {'does' if third else 'do'} {EN_SUBJ[p]} get {d[0]}?",
                    f"Comment {fr_q} {d[1]} ?",
                    f"كيف {GO.ar_pres[idx(p)]} {d[2]}؟",
                )
            )
    return out


# ---------------------------------------------------------------------------------------------------------------
# Numbers and counting


class Noun:
    """A countable noun: EN sg/pl, FR sg/pl/gender, AR sg, dual (nominative, accusative-genitive), plural,
    gender and the indefinite accusative singular (used after 11-99 and for "كم")."""

    def __init__(
        self,
        en: str,
        en_pl: str,
        fr: str,
        fr_pl: str,
        fr_g: str,
        ar: str,
        du_nom: str,
        du_acc: str,
        ar_pl: str,
        ar_g: str,
        ar_acc: str,
        top: int = 20,
    ) -> None:
        self.en, self.en_pl, self.fr, self.fr_pl, self.fr_g = en, en_pl, fr, fr_pl, fr_g
        self.ar, self.du_nom, self.du_acc, self.ar_pl, self.ar_g, self.ar_acc = ar, du_nom, du_acc, ar_pl, ar_g, ar_acc
        self.top = top


def N(*a, **k) -> Noun:
    return Noun(*a, **k)


BOOK = N("book", "books", "livre", "livres", "m", "كتاب", "كتابان", "كتابين", "كتب", "m", "كتابًا")
PEN = N("pen", "pens", "stylo", "stylos", "m", "قلم", "قلمان", "قلمين", "أقلام", "m", "قلمًا")
NOTEBOOK = N("notebook", "notebooks", "cahier", "cahiers", "m", "دفتر", "دفتران", "دفترين", "دفاتر", "m", "دفترًا")
APPLE = N("apple", "apples", "pomme", "pommes", "f", "تفاحة", "تفاحتان", "تفاحتين", "تفاحات", "f", "تفاحة")
ORANGE = N(
    "orange", "oranges", "orange", "oranges", "f", "برتقالة", "برتقالتان", "برتقالتين", "برتقالات", "f", "برتقالة"
)
EGG = N("egg", "eggs", "œuf", "œufs", "m", "بيضة", "بيضتان", "بيضتين", "بيضات", "f", "بيضة", top=30)
CAR = N("car", "cars", "voiture", "voitures", "f", "سيارة", "سيارتان", "سيارتين", "سيارات", "f", "سيارة", top=4)
TICKET = N("ticket", "tickets", "billet", "billets", "m", "تذكرة", "تذكرتان", "تذكرتين", "تذاكر", "f", "تذكرة")
BAG = N("bag", "bags", "sac", "sacs", "m", "حقيبة", "حقيبتان", "حقيبتين", "حقائب", "f", "حقيبة", top=6)
KEY = N("key", "keys", "clé", "clés", "f", "مفتاح", "مفتاحان", "مفتاحين", "مفاتيح", "m", "مفتاحًا", top=8)
SHIRT = N("shirt", "shirts", "chemise", "chemises", "f", "قميص", "قميصان", "قميصين", "قمصان", "m", "قميصًا", top=12)
ROOM = N("room", "rooms", "pièce", "pièces", "f", "غرفة", "غرفتان", "غرفتين", "غرف", "f", "غرفة", top=8)
CUP = N("cup", "cups", "tasse", "tasses", "f", "فنجان", "فنجانان", "فنجانين", "فناجين", "m", "فنجانًا", top=12)
PLATE = N("plate", "plates", "assiette", "assiettes", "f", "صحن", "صحنان", "صحنين", "صحون", "m", "صحنًا", top=12)
BROTHER = N("brother", "brothers", "frère", "frères", "m", "أخ", "أخوان", "أخوين", "إخوة", "m", "أخًا", top=6)
SISTER = N("sister", "sisters", "sœur", "sœurs", "f", "أخت", "أختان", "أختين", "أخوات", "f", "أختًا", top=6)
CHILD = N("child", "children", "enfant", "enfants", "m", "طفل", "طفلان", "طفلين", "أطفال", "m", "طفلًا", top=6)
CAT = N("cat", "cats", "chat", "chats", "m", "قطة", "قطتان", "قطتين", "قطط", "f", "قطة", top=5)
DOG = N("dog", "dogs", "chien", "chiens", "m", "كلب", "كلبان", "كلبين", "كلاب", "m", "كلبًا", top=4)
STUDENT = N(
    "student", "students", "étudiant", "étudiants", "m", "طالب", "طالبان", "طالبين", "طلاب", "m", "طالبًا", top=40
)
FRIEND = N("friend", "friends", "ami", "amis", "m", "صديق", "صديقان", "صديقين", "أصدقاء", "m", "صديقًا", top=30)
CHAIR = N("chair", "chairs", "chaise", "chaises", "f", "كرسي", "كرسيان", "كرسيين", "كراسي", "m", "كرسيًا", top=30)
BOTTLE = N("bottle", "bottles", "bouteille", "bouteilles", "f", "زجاجة", "زجاجتان", "زجاجتين", "زجاجات", "f", "زجاجة")
LETTER = N("letter", "letters", "lettre", "lettres", "f", "رسالة", "رسالتان", "رسالتين", "رسائل", "f", "رسالة")
MINUTE = N("minute", "minutes", "minute", "minutes", "f", "دقيقة", "دقيقتان", "دقيقتين", "دقائق", "f", "دقيقة")
HOUR = N("hour", "hours", "heure", "heures", "f", "ساعة", "ساعتان", "ساعتين", "ساعات", "f", "ساعة")
DAY = N("day", "days", "jour", "jours", "m", "يوم", "يومان", "يومين", "أيام", "m", "يومًا")
WEEK = N("week", "weeks", "semaine", "semaines", "f", "أسبوع", "أسبوعان", "أسبوعين", "أسابيع", "m", "أسبوعًا")
MONTH = N("month", "months", "mois", "mois", "m", "شهر", "شهران", "شهرين", "أشهر", "m", "شهرًا")
YEAR = N("year", "years", "an", "ans", "m", "عام", "عامان", "عامين", "أعوام", "m", "عامًا")
AGE_YEAR = N("year", "years", "an", "ans", "m", "سنة", "سنتان", "سنتين", "سنوات", "f", "عامًا")

AR_NUM_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
AR_NUM_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
EN_WORDS = EN_NUM[:11]
FR_WORDS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"]


def ar_count(n: int, nn: Noun, case: str, bare_one: bool = False) -> str:
    """``n`` of noun ``nn`` in Arabic in case nom / acc / gen: the number rules of MSA (1-2 after the noun,
    3-10 with reversed gender and the plural, 11-99 with the accusative singular)."""
    if n == 1:
        if bare_one:
            return nn.ar_acc if case == "acc" else nn.ar
        if nn.ar_g == "m":
            return f"{nn.ar_acc} واحدًا" if case == "acc" else f"{nn.ar} واحد"
        return f"{nn.ar} واحدة"
    if n == 2:
        return nn.du_nom if case == "nom" else nn.du_acc
    if n <= 10:
        return f"{(AR_NUM_M if nn.ar_g == 'm' else AR_NUM_F)[n]} {nn.ar_pl}"
    assert n < 100
    return f"{n} {nn.ar_acc}"


def en_count(n: int, nn: Noun, bare_one: bool = False) -> str:
    if n == 1:
        if bare_one:
            return ("an " if nn.en[0] in "aeiou" or nn.en == "hour" else "a ") + nn.en
        return "one " + nn.en
    return f"{EN_WORDS[n] if n <= 10 else n} {nn.en_pl}"


def fr_count(n: int, nn: Noun) -> str:
    if n == 1:
        return ("un " if nn.fr_g == "m" else "une ") + nn.fr
    return f"{FR_WORDS[n] if n <= 10 else n} {nn.fr_pl}"


def numbers_for(nn: Noun, rng: random.Random, k: int = 6) -> list[int]:
    top = nn.top
    pool = list(range(1, min(top, 10) + 1)) + ([n for n in range(11, top + 1)] if top > 10 else [])
    rng.shuffle(pool)
    return sorted(pool[:k])


AR_INDE = dict(zip(PERSONS, ["عندي", "عندك", "عندكِ", "عنده", "عندها", "عندنا", "عندكم", "عندهم"], strict=True))
AR_LADA = dict(zip(PERSONS, ["لدي", "لديك", "لديكِ", "لديه", "لديها", "لدينا", "لديكم", "لديهم"], strict=True))
HAVE_NOUNS = [BOOK, PEN, NOTEBOOK, CAR, BAG, KEY, SHIRT, CAT, DOG, BROTHER, SISTER, CHILD, FRIEND, TICKET, CUP]


def t_have() -> list[Triple]:
    rng = random.Random(21)
    out = []
    for nn in HAVE_NOUNS:
        for n in numbers_for(nn, rng, 7):
            p = rng.choice(persons(rng))
            has = "has" if p in ("he", "she") else "have"
            poss = (AR_LADA if rng.random() < 0.4 else AR_INDE)[p]
            out.append(
                mk(
                    f"{EN_SUBJ[p]} {has} {en_count(n, nn)}.",
                    f"{SUBJECT_FR[p]} {AVOIR[p]} {fr_count(n, nn)}.",
                    f"{poss} {ar_count(n, nn, 'nom')}.",
                )
            )
        for en_s, fr_s, ar_s, _p in rng.sample([s for s in NOUN_SUBJECTS if s[3] != "they"], 3):
            n = rng.choice(numbers_for(nn, rng, 3))
            has = "has"
            out.append(
                mk(
                    f"{en_s} {has} {en_count(n, nn)}.",
                    f"{fr_s} a {fr_count(n, nn)}.",
                    f"عند {ar_s} {ar_count(n, nn, 'nom')}.",
                )
            )
        for p in persons(rng):
            third = p in ("he", "she")
            a = "an" if nn.en[0] in "aeiou" else "a"
            out.append(
                mk(
                    f"{EN_SUBJ[p]} {'doesn' if third else 'don'}'t have {a} {nn.en}.",
                    f"{SUBJECT_FR[p]} ne {AVOIR[p]} pas de {nn.fr}.",
                    f"ليس {AR_INDE[p]} {nn.ar}.",
                )
            )
    return out


BUY_NOUNS = [BOOK, PEN, NOTEBOOK, APPLE, ORANGE, EGG, TICKET, SHIRT, CUP, PLATE, BOTTLE, BAG]
ISHTARA_PAST = ["اشتريت", "اشتريت", "اشتريتِ", "اشترى", "اشترت", "اشترينا", "اشتريتم", "اشتروا"]
ISHTARA_PRES = ["أشتري", "تشتري", "تشترين", "يشتري", "تشتري", "نشتري", "تشترون", "يشترون"]
ACHETER = six(["achète", "achètes", "achète", "achetons", "achetez", "achètent"])


def t_buy() -> list[Triple]:
    rng = random.Random(22)
    out = []
    for nn in BUY_NOUNS:
        for n in numbers_for(nn, rng, 8):
            for tense in ("past", "fut"):
                p = rng.choice(persons(rng))
                adv = rng.choice(
                    {
                        "past": [
                            ("yesterday", "hier", "أمس"),
                            ("this morning", "ce matin", "هذا الصباح"),
                            ("at the market", "au marché", "من السوق"),
                            ("", "", ""),
                        ],
                        "fut": [
                            ("tomorrow", "demain", "غدًا"),
                            ("at the market", "au marché", "من السوق"),
                            ("", "", ""),
                        ],
                    }[tense]
                )
                if tense == "past":
                    en = join(EN_SUBJ[p], "bought", en_count(n, nn), adv[0]) + "."
                    fr = join(SUBJECT_FR[p], AVOIR[p], "acheté", fr_count(n, nn), adv[1]) + "."
                    ar = join(ISHTARA_PAST[idx(p)], ar_count(n, nn, "acc"), adv[2]) + "."
                else:
                    en = join(EN_SUBJ[p], "will buy", en_count(n, nn), adv[0]) + "."
                    fr = join(SUBJECT_FR[p], "achèter" + FUT_END[p], fr_count(n, nn), adv[1]) + "."
                    ar = join("س" + ISHTARA_PRES[idx(p)], ar_count(n, nn, "acc"), adv[2]) + "."
                out.append(mk(en, fr, ar))
    return out


IHTAJA = ["أحتاج", "تحتاج", "تحتاجين", "يحتاج", "تحتاج", "نحتاج", "تحتاجون", "يحتاجون"]
NEED_NOUNS = [BOOK, PEN, NOTEBOOK, APPLE, EGG, TICKET, CHAIR, CUP, PLATE, BOTTLE, KEY, ROOM, HOUR, DAY, MINUTE]


def t_need() -> list[Triple]:
    rng = random.Random(23)
    out = []
    for nn in NEED_NOUNS:
        for n in numbers_for(nn, rng, 8):
            p = rng.choice(persons(rng))
            need = "needs" if p in ("he", "she") else "need"
            out.append(
                mk(
                    f"{EN_SUBJ[p]} {need} {en_count(n, nn)}.",
                    f"{SUBJECT_FR[p]} {AVOIR[p]} besoin de {fr_count(n, nn)}.",
                    f"{IHTAJA[idx(p)]} إلى {ar_count(n, nn, 'gen')}.",
                )
            )
    return out


PLACES_IN = {  # noun -> [(EN, FR, AR)]
    "book": [
        ("on the table", "sur la table", "على الطاولة"),
        ("on the shelf", "sur l'étagère", "على الرف"),
        ("in my bag", "dans mon sac", "في حقيبتي"),
    ],
    "pen": [("in the drawer", "dans le tiroir", "في الدرج"), ("on the desk", "sur le bureau", "على المكتب")],
    "apple": [("in the basket", "dans le panier", "في السلة"), ("in the fridge", "dans le frigo", "في الثلاجة")],
    "egg": [("in the fridge", "dans le frigo", "في الثلاجة"), ("in the box", "dans la boîte", "في العلبة")],
    "chair": [
        ("in the kitchen", "dans la cuisine", "في المطبخ"),
        ("in the classroom", "dans la classe", "في الفصل"),
        ("in the garden", "dans le jardin", "في الحديقة"),
    ],
    "student": [
        ("in the classroom", "dans la classe", "في الفصل"),
        ("in the library", "à la bibliothèque", "في المكتبة"),
    ],
    "car": [
        ("in front of the house", "devant la maison", "أمام البيت"),
        ("in the car park", "sur le parking", "في موقف السيارات"),
    ],
    "room": [
        ("in our flat", "dans notre appartement", "في شقتنا"),
        ("in this house", "dans cette maison", "في هذا البيت"),
    ],
    "cup": [("on the table", "sur la table", "على الطاولة"), ("in the cupboard", "dans le placard", "في الخزانة")],
    "bottle": [("in the fridge", "dans le frigo", "في الثلاجة"), ("on the table", "sur la table", "على الطاولة")],
    "orange": [("in the basket", "dans le panier", "في السلة"), ("on the plate", "dans l'assiette", "في الصحن")],
    "cat": [("in the garden", "dans le jardin", "في الحديقة"), ("in the street", "dans la rue", "في الشارع")],
}
NOUN_BY_EN = {nn.en: nn for nn in [BOOK, PEN, APPLE, EGG, CHAIR, STUDENT, CAR, ROOM, CUP, BOTTLE, ORANGE, CAT]}


def t_there_are() -> list[Triple]:
    rng = random.Random(24)
    out = []
    for key, places in PLACES_IN.items():
        nn = NOUN_BY_EN[key]
        for pl in places:
            for n in numbers_for(nn, rng, 6):
                if n == 1:
                    continue
                out.append(
                    mk(
                        f"There are {en_count(n, nn)} {pl[0]}.",
                        f"Il y a {fr_count(n, nn)} {pl[1]}.",
                        f"{pl[2]} {ar_count(n, nn, 'nom')}.",
                    )
                )
            out.append(
                mk(
                    f"How many {nn.en_pl} are there {pl[0]}?",
                    f"Combien de {nn.fr_pl} y a-t-il {pl[1]} ?",
                    f"كم {nn.ar_acc} {pl[2]}؟",
                )
            )
            out.append(
                mk(
                    f"There is only one {nn.en} {pl[0]}.",
                    f"Il n'y a qu'{'un' if nn.fr_g == 'm' else 'une'} {nn.fr} {pl[1]}.",
                    f"{pl[2]} {nn.ar} {'واحد' if nn.ar_g == 'm' else 'واحدة'} فقط.",
                )
            )
    return out


FR_HAVE_INV = {
    "you_m": "as-tu",
    "you_f": "as-tu",
    "you_pl": "avez-vous",
    "he": "a-t-il",
    "she": "a-t-elle",
    "they": "ont-ils",
}


def t_how_many() -> list[Triple]:
    rng = random.Random(25)
    out = []
    for nn in HAVE_NOUNS + [ROOM]:
        for p in q_persons(rng):
            third = p in ("he", "she")
            poss = AR_INDE[p] if rng.random() < 0.6 else AR_LADA[p]
            out.append(
                mk(
                    f"How many {nn.en_pl} {'does' if third else 'do'} {EN_SUBJ[p]} have?",
                    f"Combien de {nn.fr_pl} {FR_HAVE_INV[p]} ?",
                    f"كم {nn.ar_acc} {poss}؟",
                )
            )
        for en_s, fr_s, ar_s, p in rng.sample([s for s in NOUN_SUBJECTS if s[3] != "they"], 3):
            pr = "il" if p == "he" else "elle"
            out.append(
                mk(
                    f"How many {nn.en_pl} does {en_s} have?",
                    f"Combien de {nn.fr_pl} {fr_s} a-t-{pr} ?",
                    f"كم {nn.ar_acc} عند {ar_s}؟",
                )
            )
    for nn in BUY_NOUNS:
        for p in q_persons(rng):
            out.append(
                mk(
                    f"How many {nn.en_pl} did {EN_SUBJ[p]} buy?",
                    f"Combien de {nn.fr_pl} {FR_HAVE_INV[p]} achetés ?".replace(
                        "achetés", "acheté" + ("es" if nn.fr_g == "f" else "s")
                    ),
                    f"كم {nn.ar_acc} {ISHTARA_PAST[idx(p)]}؟",
                )
            )
    return out


# Prices ---------------------------------------------------------------------------------------------------------

CURRENCIES = {
    "euro": ("euros", "euros", None),
    "dollar": (
        "dollars",
        "dollars",
        N("dollar", "dollars", "dollar", "dollars", "m", "دولار", "دولاران", "دولارين", "دولارات", "m", "دولارًا"),
    ),
    "dirham": (
        "dirhams",
        "dirhams",
        N("dirham", "dirhams", "dirham", "dirhams", "m", "درهم", "درهمان", "درهمين", "دراهم", "m", "درهمًا"),
    ),
}
ITEMS_PRICE = [  # EN, FR, AR (definite), AR gender, plural?, price range
    ("shirt", "la chemise", "القميص", "m", False, (15, 60)),
    ("book", "le livre", "الكتاب", "m", False, (5, 30)),
    ("bag", "le sac", "الحقيبة", "f", False, (20, 90)),
    ("ticket", "le billet", "التذكرة", "f", False, (3, 50)),
    ("coffee", "le café", "القهوة", "f", False, (2, 5)),
    ("newspaper", "le journal", "الجريدة", "f", False, (2, 4)),
    ("umbrella", "le parapluie", "المظلة", "f", False, (8, 25)),
    ("jacket", "la veste", "السترة", "f", False, (30, 95)),
    ("watch", "la montre", "الساعة", "f", False, (25, 99)),
    ("dictionary", "le dictionnaire", "القاموس", "m", False, (10, 40)),
    ("shoes", "les chaussures", "الحذاء", "m", True, (30, 99)),
    ("cake", "le gâteau", "الكعكة", "f", False, (6, 30)),
    ("pizza", "la pizza", "البيتزا", "f", False, (8, 18)),
    ("film ticket", "la place de cinéma", "تذكرة السينما", "f", False, (6, 12)),
    ("sandwich", "le sandwich", "الشطيرة", "f", False, (3, 9)),
]


def ar_money(n: int, cur: str, case: str) -> str:
    nn = CURRENCIES[cur][2]
    if nn is None:
        return f"{n} يورو"
    if n <= 10:
        return ar_count(n, nn, case)
    return f"{n} {nn.ar_acc}"


def en_money(n: int, cur: str) -> str:
    if n == 1:
        return f"one {cur}"
    return f"{n} {CURRENCIES[cur][0]}"


def fr_money(n: int, cur: str) -> str:
    if n == 1:
        return f"un {cur}"
    return f"{n} {CURRENCIES[cur][1]}"


DAFAA = ["دفعت", "دفعت", "دفعتِ", "دفع", "دفعت", "دفعنا", "دفعتم", "دفعوا"]


def t_prices() -> list[Triple]:
    rng = random.Random(26)
    out = []
    for en, fr, ar, g, plural, (lo, hi) in ITEMS_PRICE:
        for _ in range(8):
            n = rng.randint(lo, hi)
            cur = rng.choice(["euro", "euro", "dollar", "dirham"])
            cost = "cost" if plural else "costs"
            fr_cost = "coûtent" if plural else "coûte"
            ar_v = "يكلف" if g == "m" else "تكلف"
            if rng.random() < 0.5:
                arabic = f"ثمن {ar} {ar_money(n, cur, 'nom')}."
            else:
                arabic = f"{ar_v} {ar} {ar_money(n, cur, 'acc')}."
            out.append(mk(f"The {en} {cost} {en_money(n, cur)}.", f"{fr} {fr_cost} {fr_money(n, cur)}.", arabic))
        p = rng.choice(persons(rng))
        n = rng.randint(lo, hi)
        paid = f"{EN_SUBJ[p]} paid {en_money(n, 'euro')} for the {en}."
        out.append(
            mk(
                paid,
                f"{SUBJECT_FR[p]} {AVOIR[p]} payé {fr} {fr_money(n, 'euro')}.",
                f"{DAFAA[idx(p)]} {n} يورو ثمن {ar}.",
            )
        )
        out.append(
            mk(
                f"How much {'do' if plural else 'does'} the {en} cost?",
                f"Combien {'coûtent' if plural else 'coûte'} {fr} ?",
                f"كم ثمن {ar}؟",
            )
        )
        n = rng.randint(lo, hi)
        fr_cher = {"le": "cher", "la": "chère", "les": "chères"}[fr.split(" ")[0]]
        ar_cher = "ليس غاليًا" if g == "m" else "ليست غالية"
        out.append(
            mk(
                f"The {en} {'are' if plural else 'is'} not expensive: only {en_money(n, 'euro')}.",
                f"{fr} ne {'sont' if plural else 'est'} pas {fr_cher} : seulement {fr_money(n, 'euro')}.",
                f"{ar} {ar_cher}: {n} يورو فقط.",
            )
        )
    return out


def phone(rng: random.Random) -> str:
    return (
        "0" + str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + " " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))
    )


def t_phone() -> list[Triple]:
    rng = random.Random(27)
    out = []
    for _ in range(25):
        p = rng.choice(["i", "you_m", "he", "she"])
        num = phone(rng)
        en_p = {"i": "My", "you_m": "Your", "he": "His", "she": "Her"}[p]
        fr_p = {"i": "Mon", "you_m": "Ton", "he": "Son", "she": "Son"}[p]
        if p in ("he", "she"):
            en_s, ar_s, _g = rng.choice(NAMES)
            out.append(
                mk(
                    f"{en_s}'s phone number is {num}.",
                    f"Le numéro de téléphone de {en_s} est le {num}.",
                    f"رقم هاتف {ar_s} هو {num}.",
                )
            )
        else:
            out.append(
                mk(
                    f"{en_p} phone number is {num}.",
                    f"{fr_p} numéro de téléphone est le {num}.",
                    f"رقم {ar_attach('هاتف', p)} هو {num}.",
                )
            )
        num = phone(rng)
        out.append(
            mk(f"You can call me on {num}.", f"Vous pouvez m'appeler au {num}.", f"يمكنك أن تتصل بي على الرقم {num}.")
        )
        num = phone(rng)
        out.append(
            mk(
                f"Call this number, please: {num}.",
                f"Appelle ce numéro, s'il te plaît : {num}.",
                f"اتصل بهذا الرقم من فضلك: {num}.",
            )
        )
        num = phone(rng)
        out.append(
            mk(
                f"Is your number still {num}?",
                f"Est-ce que ton numéro est toujours le {num} ?",
                f"هل ما زال رقمك {num}؟",
            )
        )
        num = phone(rng)
        out.append(
            mk(
                f"I don't have her new number, only {num}.",
                f"Je n'ai pas son nouveau numéro, seulement le {num}.",
                f"ليس عندي رقمها الجديد، عندي {num} فقط.",
            )
        )
    return out


def t_arithmetic() -> list[Triple]:
    rng = random.Random(28)
    out = []
    for _ in range(40):
        a, b = rng.randint(2, 50), rng.randint(2, 50)
        out.append(mk(f"{a} plus {b} equals {a + b}.", f"{a} plus {b} égale {a + b}.", f"{a} زائد {b} يساوي {a + b}."))
        hi, lo = max(a, b), min(a, b)
        if hi != lo:
            out.append(
                mk(
                    f"{hi} minus {lo} equals {hi - lo}.",
                    f"{hi} moins {lo} égale {hi - lo}.",
                    f"{hi} ناقص {lo} يساوي {hi - lo}.",
                )
            )
        x, y = rng.randint(2, 12), rng.randint(2, 12)
        out.append(mk(f"{x} times {y} is {x * y}.", f"{x} fois {y} font {x * y}.", f"{x} ضرب {y} يساوي {x * y}."))
        out.append(mk(f"How much is {a} plus {b}?", f"Combien font {a} plus {b} ?", f"كم يساوي {a} زائد {b}؟"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Time, days, dates, years, ages, durations


def valid_periods(h: int) -> list[str]:
    out = [""]
    if 5 <= h <= 11:
        out.append("m")
    if 1 <= h <= 5:
        out.append("a")
    if 6 <= h <= 11:
        out.append("e")
    return out


def t_tell_time() -> list[Triple]:
    rng = random.Random(31)
    out = []
    for h in range(1, 12):
        for m in MINUTES:
            for period in valid_periods(h):
                c = clock(h, m, period)
                if c is None:
                    continue
                e, f, a = c
                frame = rng.randrange(6)
                if frame == 0:
                    out.append(mk(f"It is {e}.", f"Il est {f}.", f"الساعة {a}."))
                elif frame == 1:
                    out.append(mk(f"It's already {e}.", f"Il est déjà {f}.", f"لقد أصبحت الساعة {a}."))
                elif frame == 2:
                    out.append(mk(f"It is nearly {e}.", f"Il est presque {f}.", f"الساعة تقريبًا {a}."))
                elif frame == 3:
                    out.append(
                        mk(f"What time is it? It's {e}.", f"Quelle heure est-il ? Il est {f}.", f"كم الساعة؟ إنها {a}.")
                    )
                elif frame == 4:
                    out.append(
                        mk(f"We have to leave at {e}.", f"Nous devons partir à {f}.", f"يجب أن نغادر في الساعة {a}.")
                    )
                else:
                    out.append(mk(f"Let's meet at {e}.", f"Retrouvons-nous à {f}.", f"لنلتق في الساعة {a}."))
    return out


DAYS = [
    ("Monday", "lundi", "الاثنين"),
    ("Tuesday", "mardi", "الثلاثاء"),
    ("Wednesday", "mercredi", "الأربعاء"),
    ("Thursday", "jeudi", "الخميس"),
    ("Friday", "vendredi", "الجمعة"),
    ("Saturday", "samedi", "السبت"),
    ("Sunday", "dimanche", "الأحد"),
]
MONTHS = [
    ("January", "janvier", "يناير", 31),
    ("February", "février", "فبراير", 28),
    ("March", "mars", "مارس", 31),
    ("April", "avril", "أبريل", 30),
    ("May", "mai", "مايو", 31),
    ("June", "juin", "يونيو", 30),
    ("July", "juillet", "يوليو", 31),
    ("August", "août", "أغسطس", 31),
    ("September", "septembre", "سبتمبر", 30),
    ("October", "octobre", "أكتوبر", 31),
    ("November", "novembre", "نوفمبر", 30),
    ("December", "décembre", "ديسمبر", 31),
]
EVENTS = [
    ("the meeting", "la réunion", "الاجتماع", "m"),
    ("the exam", "l'examen", "الامتحان", "m"),
    ("the wedding", "le mariage", "حفل الزفاف", "m"),
    ("the party", "la fête", "الحفلة", "f"),
    ("the concert", "le concert", "الحفلة الموسيقية", "f"),
    ("the match", "le match", "المباراة", "f"),
    ("the film", "le film", "الفيلم", "m"),
    ("the class", "le cours", "الدرس", "m"),
    ("the show", "le spectacle", "العرض", "m"),
    ("the interview", "l'entretien", "المقابلة", "f"),
]


def t_days() -> list[Triple]:
    out = []
    for i, (e, f, a) in enumerate(DAYS):
        ne, nf, na = DAYS[(i + 1) % 7]
        pe, pf, pa = DAYS[(i - 1) % 7]
        out += [
            mk(f"Today is {e}.", f"Aujourd'hui, c'est {f}.", f"اليوم هو {a}."),
            mk(f"Tomorrow is {e}.", f"Demain, c'est {f}.", f"غدًا يوم {a}."),
            mk(f"Yesterday was {e}.", f"Hier, c'était {f}.", f"كان أمس يوم {a}."),
            mk(
                f"Today is {e}, so tomorrow is {ne}.",
                f"Aujourd'hui, c'est {f}, donc demain, c'est {nf}.",
                f"اليوم {a}، إذن غدًا {na}.",
            ),
            mk(f"After {e} comes {ne}.", f"Après le {f} vient le {nf}.", f"بعد يوم {a} يأتي يوم {na}."),
            mk(f"The day before {e} is {pe}.", f"La veille du {f}, c'est le {pf}.", f"اليوم الذي يسبق {a} هو {pa}."),
            mk(f"We don't work on {e}s.", f"Nous ne travaillons pas le {f}.", f"لا نعمل أيام {a}."),
            mk(f"See you on {e}!", f"À {f} !", f"أراك يوم {a}!"),
            mk(f"The market is open on {e}s.", f"Le marché est ouvert le {f}.", f"السوق مفتوح أيام {a}."),
            mk(f"Are you free on {e}?", f"Tu es libre {f} ?", f"هل أنت متفرغ يوم {a}؟"),
            mk(f"I have a lot of work on {e}s.", f"J'ai beaucoup de travail le {f}.", f"عندي عمل كثير أيام {a}."),
            mk(f"My favourite day is {e}.", f"Mon jour préféré, c'est le {f}.", f"يومي المفضل هو {a}."),
        ]
    return out


def t_event_day() -> list[Triple]:
    rng = random.Random(32)
    out = []
    for ev in EVENTS:
        for d in DAYS:
            h = rng.randint(2, 10)
            c = clock(h, rng.choice([0, 15, 30]), rng.choice(["", "e"] if h >= 6 else ["", "a"]))
            assert c is not None
            be = "يكون" if ev[3] == "m" else "تكون"
            tense = rng.choice(["pres", "fut", "past"])
            if tense == "pres":
                out.append(
                    mk(
                        f"{ev[0]} is on {d[0]} at {c[0]}.",
                        f"{ev[1]} a lieu {d[1]} à {c[1]}.",
                        f"{ev[2]} يوم {d[2]} في الساعة {c[2]}.",
                    )
                )
            elif tense == "fut":
                out.append(
                    mk(
                        f"{ev[0]} will be on {d[0]} at {c[0]}.",
                        f"{ev[1]} aura lieu {d[1]} à {c[1]}.",
                        f"س{be} {ev[2]} يوم {d[2]} في الساعة {c[2]}.",
                    )
                )
            else:
                kan = "كان" if ev[3] == "m" else "كانت"
                out.append(
                    mk(
                        f"{ev[0]} was on {d[0]} at {c[0]}.",
                        f"{ev[1]} a eu lieu {d[1]} à {c[1]}.",
                        f"{kan} {ev[2]} يوم {d[2]} في الساعة {c[2]}.",
                    )
                )
    return out


def t_dates() -> list[Triple]:
    rng = random.Random(33)
    out = []
    for ev in EVENTS:
        for mo in MONTHS:
            day = rng.randint(2, 28)
            kind = rng.randrange(3)
            if kind == 0:
                out.append(
                    mk(
                        f"{ev[0]} is on {day} {mo[0]}.",
                        f"{ev[1]} a lieu le {day} {mo[1]}.",
                        f"{ev[2]} في {day} {mo[2]}.",
                    )
                )
            elif kind == 1:
                kan = "كان" if ev[3] == "m" else "كانت"
                out.append(
                    mk(
                        f"{ev[0]} was on {day} {mo[0]}.",
                        f"{ev[1]} a eu lieu le {day} {mo[1]}.",
                        f"{kan} {ev[2]} في {day} {mo[2]}.",
                    )
                )
            else:
                wd = rng.choice(DAYS)
                be = "سيكون" if ev[3] == "m" else "ستكون"
                out.append(
                    mk(
                        f"{ev[0]} will be on {wd[0]}, {day} {mo[0]}.",
                        f"{ev[1]} aura lieu le {wd[1]} {day} {mo[1]}.",
                        f"{be} {ev[2]} يوم {wd[2]} {day} {mo[2]}.",
                    )
                )
    for mo in MONTHS:
        for _ in range(3):
            day = rng.randint(2, 28)
            wd = rng.choice(DAYS)
            out.append(
                mk(
                    f"Today is {wd[0]}, {day} {mo[0]}.",
                    f"Aujourd'hui, nous sommes le {wd[1]} {day} {mo[1]}.",
                    f"اليوم هو {wd[2]} {day} {mo[2]}.",
                )
            )
    return out


BIRTH_SUBJECTS = [  # EN possessive, FR possessive, AR "عيد ميلاد..." / person
    ("My", "Mon", "عيد ميلادي"),
    ("Your", "Ton", "عيد ميلادك"),
    ("His", "Son", "عيد ميلاده"),
    ("Her", "Son", "عيد ميلادها"),
]


def t_birthdays() -> list[Triple]:
    rng = random.Random(34)
    out = []
    for mo in MONTHS:
        for en_p, fr_p, ar_b in BIRTH_SUBJECTS:
            day = rng.randint(2, 28)
            out.append(
                mk(
                    f"{en_p} birthday is on {day} {mo[0]}.",
                    f"{fr_p} anniversaire est le {day} {mo[1]}.",
                    f"{ar_b} في {day} {mo[2]}.",
                )
            )
        for en_n, ar_n, _g in rng.sample(NAMES, 4):
            day = rng.randint(2, 28)
            out.append(
                mk(
                    f"{en_n}'s birthday is on {day} {mo[0]}.",
                    f"L'anniversaire de {en_n} est le {day} {mo[1]}.",
                    f"عيد ميلاد {ar_n} في {day} {mo[2]}.",
                )
            )
        for en_p, fr_p, ar_b in rng.sample(BIRTH_SUBJECTS, 2):
            out.append(
                mk(f"{en_p} birthday is in {mo[0]}.", f"{fr_p} anniversaire est en {mo[1]}.", f"{ar_b} في شهر {mo[2]}.")
            )
    return out


BORN_AR = ["ولدت", "ولدت", "ولدتِ", "ولد", "ولدت", "ولدنا", "ولدتم", "ولدوا"]
MOVED_AR = ["انتقلت", "انتقلت", "انتقلتِ", "انتقل", "انتقلت", "انتقلنا", "انتقلتم", "انتقلوا"]
MARRIED_AR = ["تزوجت", "تزوجت", "تزوجتِ", "تزوج", "تزوجت", "تزوجنا", "تزوجتم", "تزوجوا"]
STARTED_AR = ["بدأت", "بدأت", "بدأتِ", "بدأ", "بدأت", "بدأنا", "بدأتم", "بدؤوا"]


def t_years() -> list[Triple]:
    rng = random.Random(35)
    out = []
    for _ in range(45):
        y = rng.randint(1950, 2023)
        p = rng.choice(persons(rng))
        i = idx(p)
        kind = rng.randrange(4)
        if kind == 0:
            out.append(
                mk(
                    f"{EN_SUBJ[p]} {EN_WAS[p]} born in {y}.",
                    f"{SUBJECT_FR[p]} {ETRE[p]} {fr_agree('né', p)} en {y}.",
                    f"{BORN_AR[i]} في عام {y}.",
                )
            )
        elif kind == 1:
            c = rng.choice(CITIES)
            out.append(
                mk(
                    f"{EN_SUBJ[p]} moved to {c[0]} in {y}.",
                    f"{SUBJECT_FR[p]} {AVOIR[p]} déménagé {c[1]} en {y}.",
                    f"{MOVED_AR[i]} إلى {c[2]} في عام {y}.",
                )
            )
        elif kind == 2:
            out.append(
                mk(
                    f"{EN_SUBJ[p]} got married in {y}.",
                    f"{SUBJECT_FR[p]} {FR_REFL[p]} {ETRE[p]} {fr_agree('marié', p)} en {y}.",
                    f"{MARRIED_AR[i]} في عام {y}.",
                )
            )
        else:
            out.append(
                mk(
                    f"{EN_SUBJ[p]} started working in {y}.",
                    f"{SUBJECT_FR[p]} {AVOIR[p]} commencé à travailler en {y}.",
                    f"{STARTED_AR[i]} العمل في عام {y}.",
                )
            )
    for en_n, ar_n, g in NAMES:
        y = rng.randint(1960, 2020)
        day, mo = rng.randint(2, 28), rng.choice(MONTHS)
        p = "she" if g == "f" else "he"
        out.append(
            mk(
                f"{en_n} was born on {day} {mo[0]} {y}.",
                f"{en_n} est {fr_agree('né', p)} le {day} {mo[1]} {y}.",
                f"{BORN_AR[idx(p)]} {ar_n} في {day} {mo[2]} {y}.",
            )
        )
        c = rng.choice(CITIES)
        y = rng.randint(1990, 2023)
        out.append(
            mk(
                f"{en_n} moved to {c[0]} in {y}.",
                f"{en_n} a déménagé {c[1]} en {y}.",
                f"{MOVED_AR[idx(p)]} {ar_n} إلى {c[2]} في عام {y}.",
            )
        )
    return out


RELATIVES = [  # EN, FR, AR (construct, "my"), AR "your" (genitive), FR "your", age range
    ("my son", "mon fils", "ابني", "ابنك", "ton fils", (1, 30)),
    ("my daughter", "ma fille", "ابنتي", "ابنتك", "ta fille", (1, 30)),
    ("my brother", "mon frère", "أخي", "أخيك", "ton frère", (3, 60)),
    ("my sister", "ma sœur", "أختي", "أختك", "ta sœur", (3, 60)),
    ("my father", "mon père", "أبي", "أبيك", "ton père", (40, 85)),
    ("my mother", "ma mère", "أمي", "أمك", "ta mère", (38, 85)),
    ("my grandfather", "mon grand-père", "جدي", "جدك", "ton grand-père", (62, 99)),
    ("my grandmother", "ma grand-mère", "جدتي", "جدتك", "ta grand-mère", (60, 99)),
    ("my uncle", "mon oncle", "عمي", "عمك", "ton oncle", (30, 70)),
    ("my aunt", "ma tante", "خالتي", "خالتك", "ta tante", (30, 70)),
    ("my cousin", "mon cousin", "ابن عمي", "ابن عمك", "ton cousin", (5, 40)),
    ("our neighbour", "notre voisin", "جارنا", "جارك", "ton voisin", (20, 90)),
]


def age_words(n: int) -> tuple[str, str, str]:
    en = f"{EN_WORDS[n] if n <= 10 else n} year{'s' if n > 1 else ''} old"
    fr = f"{FR_WORDS[n] if n <= 10 else n} an{'s' if n > 1 else ''}"
    return en, fr, ar_count(n, AGE_YEAR, "nom")


def t_ages() -> list[Triple]:
    rng = random.Random(36)
    out = []
    for en_r, fr_r, ar_r, ar_your, fr_your, (lo, hi) in RELATIVES:
        for _ in range(5):
            n = rng.randint(lo, hi)
            e, f, a = age_words(n)
            out.append(mk(f"{en_r} is {e}.", f"{fr_r} a {f}.", f"عمر {ar_r} {a}."))
        out.append(
            mk(
                f"How old is {en_r.replace('my ', 'your ').replace('our ', 'your ')}?",
                f"Quel âge a {fr_your} ?",
                f"كم عمر {ar_your}؟",
            )
        )
    for en_n, ar_n, _g in NAMES:
        n = rng.randint(3, 80)
        e, f, a = age_words(n)
        out.append(mk(f"{en_n} is {e}.", f"{en_n} a {f}.", f"عمر {ar_n} {a}."))
        out.append(mk(f"How old is {en_n}?", f"Quel âge a {en_n} ?", f"كم عمر {ar_n}؟"))
    for _ in range(30):
        p = rng.choice(["i", pick_you(rng, plural=False), "he", "she"])
        n = rng.randint(12, 75)
        e, f, a = age_words(n)
        out.append(
            mk(f"{EN_SUBJ[p]} {EN_BE[p]} {e}.", f"{SUBJECT_FR[p]} {AVOIR[p]} {f}.", f"{ar_attach('عمر', p)} {a}.")
        )
        n2 = n + 1
        e2, f2, a2 = age_words(n2)
        out.append(
            mk(
                f"Next month, {EN_SUBJ[p]} will be {e2}.",
                f"Le mois prochain, {SUBJECT_FR[p]} aur{FUT_END[p]} {f2}.",
                f"في الشهر القادم سيصبح {ar_attach('عمر', p)} {ar_count(n2, AGE_YEAR, 'acc')}.",
            )
        )
    return out


INTIZAR = ["انتظرت", "انتظرت", "انتظرتِ", "انتظر", "انتظرت", "انتظرنا", "انتظرتم", "انتظروا"]
BAQIYA = ["بقيت", "بقيت", "بقيتِ", "بقي", "بقيت", "بقينا", "بقيتم", "بقوا"]


def dur(n: int, nn: Noun, case: str) -> tuple[str, str, str]:
    """A duration: "an hour" / "une heure" / "ساعة" for one, otherwise the counted noun."""
    if n == 1:
        return en_count(1, nn, bare_one=True), fr_count(1, nn), ar_count(1, nn, case, bare_one=True)
    return en_count(n, nn), fr_count(n, nn), ar_count(n, nn, case)


def t_durations() -> list[Triple]:
    rng = random.Random(37)
    out = []
    for nn, rng_n in ((MINUTE, (2, 50)), (HOUR, (1, 4))):
        for _ in range(20):
            n = rng.randint(*rng_n)
            p = rng.choice(persons(rng))
            e, f, a = dur(n, nn, "acc")
            out.append(
                mk(
                    f"{EN_SUBJ[p]} waited for {e}.",
                    f"{SUBJECT_FR[p]} {AVOIR[p]} attendu {f}.",
                    f"{INTIZAR[idx(p)]} {a}.",
                )
            )
    for nn, rng_n in ((DAY, (1, 14)), (WEEK, (1, 4)), (MONTH, (1, 11))):
        for _ in range(14):
            n = rng.randint(*rng_n)
            p = rng.choice(persons(rng))
            c = rng.choice(CITIES)
            e, f, a = dur(n, nn, "acc")
            out.append(
                mk(
                    f"{EN_SUBJ[p]} stayed in {c[0]} for {e}.",
                    f"{SUBJECT_FR[p]} {ETRE[p]} {fr_agree('resté', p)} {c[1]} pendant {f}.",
                    f"{BAQIYA[idx(p)]} في {c[2]} {a}.",
                )
            )
    for ev in EVENTS:
        for _ in range(3):
            nn = rng.choice([HOUR, MINUTE])
            n = rng.randint(1, 3) if nn is HOUR else rng.choice([20, 30, 40, 45, 50, 90])
            e, f, a = dur(n, nn, "acc")
            if rng.random() < 0.5:
                v = "يستمر" if ev[3] == "m" else "تستمر"
                out.append(mk(f"{ev[0]} lasts {e}.", f"{ev[1]} dure {f}.", f"{v} {ev[2]} {a}."))
            else:
                v = "استمر" if ev[3] == "m" else "استمرت"
                out.append(mk(f"{ev[0]} lasted {e}.", f"{ev[1]} a duré {f}.", f"{v} {ev[2]} {a}."))
    return out


MOVES = [  # EN base, EN past, FR pp, FR future stem, AR past, AR present
    (
        "arrive",
        "arrived",
        "arrivé",
        "arriver",
        ["وصلت", "وصلت", "وصلتِ", "وصل", "وصلت", "وصلنا", "وصلتم", "وصلوا"],
        ["أصل", "تصل", "تصلين", "يصل", "تصل", "نصل", "تصلون", "يصلون"],
    ),
    (
        "leave",
        "left",
        "parti",
        "partir",
        ["غادرت", "غادرت", "غادرتِ", "غادر", "غادرت", "غادرنا", "غادرتم", "غادروا"],
        ["أغادر", "تغادر", "تغادرين", "يغادر", "تغادر", "نغادر", "تغادرون", "يغادرون"],
    ),
    (
        "come back",
        "came back",
        "revenu",
        "reviendr",
        ["عدت", "عدت", "عدتِ", "عاد", "عادت", "عدنا", "عدتم", "عادوا"],
        ["أعود", "تعود", "تعودين", "يعود", "تعود", "نعود", "تعودون", "يعودون"],
    ),
]


def t_ago_in() -> list[Triple]:
    rng = random.Random(38)
    out = []
    units = [(MINUTE, (5, 50)), (HOUR, (1, 6)), (DAY, (1, 10)), (WEEK, (1, 5)), (MONTH, (1, 8)), (YEAR, (1, 15))]
    for en_b, en_past, fr_pp, fr_fut, ar_past, ar_pres in MOVES:
        for nn, rng_n in units:
            for _ in range(4):
                n = rng.randint(*rng_n)
                p = rng.choice(persons(rng))
                e, f, a = dur(n, nn, "gen")
                if nn is YEAR and n >= 3:
                    a = ar_count(n, AGE_YEAR, "gen")
                out.append(
                    mk(
                        f"{EN_SUBJ[p]} {en_past} {e} ago.",
                        f"{SUBJECT_FR[p]} {ETRE[p]} {fr_agree(fr_pp, p)} il y a {f}.",
                        f"{ar_past[idx(p)]} قبل {a}.",
                    )
                )
                p = rng.choice(persons(rng))
                out.append(
                    mk(
                        f"{EN_SUBJ[p]} will {en_b} in {e}.",
                        f"{SUBJECT_FR[p]} {fr_fut}{FUT_END[p]} dans {f}.",
                        f"س{ar_pres[idx(p)]} بعد {a}.",
                    )
                )
    return out


SINCE = [  # EN (have / has), FR present, AR present, units
    (
        ("have lived here", "has lived here"),
        six(["habite", "habites", "habite", "habitons", "habitez", "habitent"]),
        "ici",
        ["أسكن", "تسكن", "تسكنين", "يسكن", "تسكن", "نسكن", "تسكنون", "يسكنون"],
        "هنا",
        "y",
    ),
    (
        ("have worked in this company", "has worked in this company"),
        six(["travaille", "travailles", "travaille", "travaillons", "travaillez", "travaillent"]),
        "dans cette entreprise",
        ["أعمل", "تعمل", "تعملين", "يعمل", "تعمل", "نعمل", "تعملون", "يعملون"],
        "في هذه الشركة",
        "y",
    ),
    (
        ("have been learning Arabic", "has been learning Arabic"),
        six(["apprends", "apprends", "apprend", "apprenons", "apprenez", "apprennent"]),
        "l'arabe",
        ["أتعلم", "تتعلم", "تتعلمين", "يتعلم", "تتعلم", "نتعلم", "تتعلمون", "يتعلمون"],
        "العربية",
        "y",
    ),
    (
        ("have known Sarah", "has known Sarah"),
        six(["connais", "connais", "connaît", "connaissons", "connaissez", "connaissent"]),
        "Sarah",
        ["أعرف", "تعرف", "تعرفين", "يعرف", "تعرف", "نعرف", "تعرفون", "يعرفون"],
        "سارة",
        "y",
    ),
    (
        ("have been playing the piano", "has been playing the piano"),
        six(["joue", "joues", "joue", "jouons", "jouez", "jouent"]),
        "du piano",
        ["أعزف", "تعزف", "تعزفين", "يعزف", "تعزف", "نعزف", "تعزفون", "يعزفون"],
        "على البيانو",
        "y",
    ),
    (
        ("have been waiting here", "has been waiting here"),
        six(["attends", "attends", "attend", "attendons", "attendez", "attendent"]),
        "ici",
        ["أنتظر", "تنتظر", "تنتظرين", "ينتظر", "تنتظر", "ننتظر", "تنتظرون", "ينتظرون"],
        "هنا",
        "h",
    ),
    (
        ("have been sleeping badly", "has been sleeping badly"),
        six(["dors", "dors", "dort", "dormons", "dormez", "dorment"]),
        "mal",
        ["أنام", "تنام", "تنامين", "ينام", "تنام", "ننام", "تنامون", "ينامون"],
        "بشكل سيئ",
        "d",
    ),
]


def t_since() -> list[Triple]:
    rng = random.Random(39)
    out = []
    for (en1, en3), frf, fr_c, arf, ar_c, kind in SINCE:
        units = {
            "y": [(AGE_YEAR, (1, 25)), (MONTH, (1, 11))],
            "h": [(MINUTE, (5, 50)), (HOUR, (1, 3))],
            "d": [(DAY, (2, 10)), (WEEK, (1, 3))],
        }[kind]
        for nn, rng_n in units:
            for _ in range(7):
                n = rng.randint(*rng_n)
                p = rng.choice(persons(rng))
                if nn is AGE_YEAR:
                    e = "a year" if n == 1 else f"{EN_WORDS[n] if n <= 10 else n} years"
                    f = "un an" if n == 1 else f"{FR_WORDS[n] if n <= 10 else n} ans"
                    a = ar_count(n, AGE_YEAR, "gen", bare_one=True)
                else:
                    e, f, a = dur(n, nn, "gen")
                en_v = en3 if p in ("he", "she") else en1
                out.append(
                    mk(
                        f"{EN_SUBJ[p]} {en_v} for {e}.",
                        f"{SUBJECT_FR[p]} {frf[idx(p)]} {fr_c} depuis {f}.",
                        f"{arf[idx(p)]} {ar_c} منذ {a}.",
                    )
                )
    return out


START = {
    "pres": ("starts", "commence", ("يبدأ", "تبدأ")),
    "past": ("started", "a commencé", ("بدأ", "بدأت")),
    "fut": ("will start", "commencera", ("سيبدأ", "ستبدأ")),
}
END = {
    "pres": ("ends", "finit", ("ينتهي", "تنتهي")),
    "past": ("ended", "a fini", ("انتهى", "انتهت")),
    "fut": ("will end", "finira", ("سينتهي", "ستنتهي")),
}


def t_event_times() -> list[Triple]:
    rng = random.Random(40)
    out = []
    for ev in EVENTS:
        g = 0 if ev[3] == "m" else 1
        for table in (START, END):
            for tense in ("pres", "past", "fut"):
                for _ in range(2):
                    h = rng.randint(1, 11)
                    period = rng.choice(valid_periods(h))
                    c = clock(h, rng.choice([0, 15, 30, 45]), period)
                    if c is None:
                        continue
                    en_v, fr_v, ar_v = table[tense]
                    out.append(
                        mk(
                            f"{ev[0]} {en_v} at {c[0]}.",
                            f"{ev[1]} {fr_v} à {c[1]}.",
                            f"{ar_v[g]} {ev[2]} في الساعة {c[2]}.",
                        )
                    )
            en_q = "start" if table is START else "end"
            fr_q = "commence" if table is START else "finit"
            out.append(
                mk(
                    f"What time does {ev[0]} {en_q}?",
                    f"À quelle heure {fr_q} {ev[1]} ?",
                    f"متى {table['pres'][2][g]} {ev[2]}؟",
                )
            )
    return out


VEHICLES = [
    ("train", "le train", "القطار", "m"),
    ("bus", "le bus", "الحافلة", "f"),
    ("plane", "l'avion", "الطائرة", "f"),
]


def fr_city_name(c: tuple[str, str, str]) -> str:
    return "Le Caire" if c[1] == "au Caire" else c[1][2:]


def t_timetable() -> list[Triple]:
    rng = random.Random(41)
    out = []
    for veh in VEHICLES:
        for c in CITIES:
            hh, mm = rng.randint(5, 23), rng.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55])
            t_en, t_fr, t_ar = f"{hh}:{mm:02d}", f"{hh} h {mm:02d}", f"{hh}:{mm:02d}"
            m = veh[3] == "m"
            name = fr_city_name(c)
            if rng.random() < 0.5:
                out.append(
                    mk(
                        f"The {veh[0]} to {c[0]} leaves at {t_en}.",
                        f"{veh[1]} pour {name} part à {t_fr}.",
                        f"{'يغادر' if m else 'تغادر'} {veh[2]} {'المتجه' if m else 'المتجهة'} إلى {c[2]} "
                        f"في الساعة {t_ar}.",
                    )
                )
            else:
                fr_from = "du Caire" if name == "Le Caire" else f"de {name}"
                out.append(
                    mk(
                        f"The {veh[0]} from {c[0]} arrives at {t_en}.",
                        f"{veh[1]} {fr_from} arrive à {t_fr}.",
                        f"{'يصل' if m else 'تصل'} {veh[2]} {'القادم' if m else 'القادمة'} من {c[2]} في الساعة {t_ar}.",
                    )
                )
    return out


SHOPS = [
    ("the bank", "la banque", "المصرف", "m"),
    ("the pharmacy", "la pharmacie", "الصيدلية", "f"),
    ("the museum", "le musée", "المتحف", "m"),
    ("the post office", "la poste", "مكتب البريد", "m"),
    ("the supermarket", "le supermarché", "السوبرماركت", "m"),
    ("the library", "la bibliothèque", "المكتبة", "f"),
    ("the bakery", "la boulangerie", "المخبز", "m"),
    ("the swimming pool", "la piscine", "المسبح", "m"),
]


def t_shops() -> list[Triple]:
    rng = random.Random(42)
    out = []
    for sh in SHOPS:
        m = sh[3] == "m"
        fem_fr = sh[1].startswith("la ")
        for h in (7, 8, 9, 10):
            c = clock(h, rng.choice([0, 30]), rng.choice(["", "m"]))
            out.append(
                mk(
                    f"{sh[0]} opens at {c[0]}.",
                    f"{sh[1]} ouvre à {c[1]}.",
                    f"{'يفتح' if m else 'تفتح'} {sh[2]} في الساعة {c[2]}.",
                )
            )
        for h in (5, 6, 7, 8):
            c = clock(h, rng.choice([0, 30]), rng.choice(["", "e"]))
            out.append(
                mk(
                    f"{sh[0]} closes at {c[0]}.",
                    f"{sh[1]} ferme à {c[1]}.",
                    f"{'يغلق' if m else 'تغلق'} {sh[2]} في الساعة {c[2]}.",
                )
            )
        out.append(
            mk(
                f"What time does {sh[0]} open?",
                f"À quelle heure ouvre {sh[1]} ?",
                f"متى {'يفتح' if m else 'تفتح'} {sh[2]}؟",
            )
        )
        out.append(
            mk(
                f"What time does {sh[0]} close?",
                f"À quelle heure ferme {sh[1]} ?",
                f"متى {'يغلق' if m else 'تغلق'} {sh[2]}؟",
            )
        )
        for d in rng.sample(DAYS, 3):
            out.append(
                mk(
                    f"{sh[0]} is closed on {d[0]}s.",
                    f"{sh[1]} est {'fermée' if fem_fr else 'fermé'} le {d[1]}.",
                    f"{sh[2]} {'مغلق' if m else 'مغلقة'} أيام {d[2]}.",
                )
            )
        out.append(
            mk(
                f"Is {sh[0]} open today?",
                f"Est-ce que {sh[1]} est {'ouverte' if fem_fr else 'ouvert'} aujourd'hui ?",
                f"هل {sh[2]} {'مفتوح' if m else 'مفتوحة'} اليوم؟",
            )
        )
    return out


def t_months() -> list[Triple]:
    rng = random.Random(43)
    out = []
    for i, mo in enumerate(MONTHS):
        prev = MONTHS[i - 1]
        out.append(
            mk(
                f"There are {mo[3]} days in {mo[0]}.",
                f"Il y a {mo[3]} jours en {mo[1]}.",
                f"في شهر {mo[2]} {mo[3]} يومًا.",
            )
        )
        out.append(
            mk(
                f"{mo[0]} comes after {prev[0]}.",
                f"{mo[1]} vient après {prev[1]}.",
                f"يأتي شهر {mo[2]} بعد شهر {prev[2]}.",
            )
        )
        for p in rng.sample(PERSONS, 3):
            if p in ("you_f", "you_pl") and rng.random() < 0.5:
                continue
            out.append(
                mk(
                    f"{EN_POSS[p]} holidays start in {mo[0]}.",
                    f"{FR_POSS_PL[p]} vacances commencent en {mo[1]}.",
                    f"تبدأ {ar_attach('عطلة', p)} في شهر {mo[2]}.",
                )
            )
        p = rng.choice(persons(rng))
        tr = ["سأسافر", "ستسافر", "ستسافرين", "سيسافر", "ستسافر", "سنسافر", "ستسافرون", "سيسافرون"][idx(p)]
        out.append(
            mk(
                f"{EN_SUBJ[p]} will travel in {mo[0]}.",
                f"{SUBJECT_FR[p]} voyager{FUT_END[p]} en {mo[1]}.",
                f"{tr} في شهر {mo[2]}.",
            )
        )
        p = rng.choice(persons(rng))
        ar_v = ["عدت", "عدت", "عدتِ", "عاد", "عادت", "عدنا", "عدتم", "عادوا"][idx(p)]
        out.append(
            mk(
                f"{EN_SUBJ[p]} came back in {mo[0]}.",
                f"{SUBJECT_FR[p]} {ETRE[p]} {fr_agree('rentré', p)} en {mo[1]}.",
                f"{ar_v} في شهر {mo[2]}.",
            )
        )
    return out


# ---------------------------------------------------------------------------------------------------------------
# Social phrases: greetings, requests, permission, offers, invitations, thanks, apologies

GREETINGS = [  # EN, FR, AR to a man, AR to a woman
    ("Good morning, {N}!", "Bonjour, {N} !", "صباح الخير يا {A}!", None),
    ("Good evening, {N}.", "Bonsoir, {N}.", "مساء الخير يا {A}.", None),
    ("How are you, {N}?", "Comment vas-tu, {N} ?", "كيف حالك يا {A}؟", "كيف حالكِ يا {A}؟"),
    ("Nice to meet you, {N}.", "Enchanté, {N}.", "تشرفت بمعرفتك يا {A}.", "تشرفت بمعرفتكِ يا {A}."),
    ("See you tomorrow, {N}!", "À demain, {N} !", "أراك غدًا يا {A}!", "أراكِ غدًا يا {A}!"),
    ("Have a nice day, {N}!", "Bonne journée, {N} !", "أتمنى لك يومًا سعيدًا يا {A}!", "أتمنى لكِ يومًا سعيدًا يا {A}!"),
    ("Happy birthday, {N}!", "Joyeux anniversaire, {N} !", "عيد ميلاد سعيد يا {A}!", None),
    (
        "Goodbye, {N}, see you soon.",
        "Au revoir, {N}, à bientôt.",
        "مع السلامة يا {A}، أراك قريبًا.",
        "مع السلامة يا {A}، أراكِ قريبًا.",
    ),
    ("Welcome, {N}!", "Bienvenue, {N} !", "أهلًا بك يا {A}!", "أهلًا بكِ يا {A}!"),
    ("Good night, {N}.", "Bonne nuit, {N}.", "تصبح على خير يا {A}.", "تصبحين على خير يا {A}."),
    ("Congratulations, {N}!", "Félicitations, {N} !", "مبروك يا {A}!", None),
    ("Thank you, {N}.", "Merci, {N}.", "شكرًا يا {A}.", None),
    (
        "Excuse me, {N}, do you have a minute?",
        "Excuse-moi, {N}, tu as une minute ?",
        "عذرًا يا {A}، هل عندك دقيقة؟",
        "عذرًا يا {A}، هل عندكِ دقيقة؟",
    ),
    (
        "Hi, {N}, how was your day?",
        "Salut, {N}, ta journée s'est bien passée ?",
        "مرحبًا يا {A}، كيف كان يومك؟",
        "مرحبًا يا {A}، كيف كان يومكِ؟",
    ),
    (
        "Get well soon, {N}!",
        "Bon rétablissement, {N} !",
        "أتمنى لك الشفاء العاجل يا {A}!",
        "أتمنى لكِ الشفاء العاجل يا {A}!",
    ),
    ("Have a good trip, {N}!", "Bon voyage, {N} !", "رحلة سعيدة يا {A}!", None),
    (
        "Good luck with your exam, {N}!",
        "Bonne chance pour ton examen, {N} !",
        "بالتوفيق في امتحانك يا {A}!",
        "بالتوفيق في امتحانكِ يا {A}!",
    ),
    ("Sorry, {N}, I'm late.", "Désolé, {N}, je suis en retard.", "آسف يا {A}، لقد تأخرت.", None),
    ("Happy New Year, {N}!", "Bonne année, {N} !", "سنة سعيدة يا {A}!", None),
    ("Have a nice weekend, {N}!", "Bon week-end, {N} !", "عطلة نهاية أسبوع سعيدة يا {A}!", None),
]


def t_greetings() -> list[Triple]:
    out = []
    for en, fr, ar_m, ar_f in GREETINGS:
        for name, ar_name, g in NAMES:
            ar = (ar_f or ar_m) if g == "f" else ar_m
            out.append(mk(en.format(N=name), fr.format(N=name), ar.format(A=ar_name)))
    return out


ACTIONS = [  # EN, EN -ing, FR inf (tu), FR inf (vous), FR imp (tu), FR imp (vous), AR subj m/f/pl, AR imperative m/f/pl
    (
        "open the window",
        "opening the window",
        "ouvrir la fenêtre",
        None,
        "ouvre la fenêtre",
        "ouvrez la fenêtre",
        ("تفتح النافذة", "تفتحي النافذة", "تفتحوا النافذة"),
        ("افتح النافذة", "افتحي النافذة", "افتحوا النافذة"),
    ),
    (
        "close the door",
        "closing the door",
        "fermer la porte",
        None,
        "ferme la porte",
        "fermez la porte",
        ("تغلق الباب", "تغلقي الباب", "تغلقوا الباب"),
        ("أغلق الباب", "أغلقي الباب", "أغلقوا الباب"),
    ),
    (
        "help me",
        "helping me",
        "m'aider",
        None,
        "aide-moi",
        "aidez-moi",
        ("تساعدني", "تساعديني", "تساعدوني"),
        ("ساعدني", "ساعديني", "ساعدوني"),
    ),
    (
        "speak more slowly",
        "speaking more slowly",
        "parler plus lentement",
        None,
        "parle plus lentement",
        "parlez plus lentement",
        ("تتكلم ببطء أكثر", "تتكلمي ببطء أكثر", "تتكلموا ببطء أكثر"),
        ("تكلم ببطء أكثر", "تكلمي ببطء أكثر", "تكلموا ببطء أكثر"),
    ),
    (
        "repeat that",
        "repeating that",
        "répéter",
        None,
        "répète",
        "répétez",
        ("تعيد ذلك", "تعيدي ذلك", "تعيدوا ذلك"),
        ("أعد ذلك", "أعيدي ذلك", "أعيدوا ذلك"),
    ),
    (
        "wait a moment",
        "waiting a moment",
        "attendre un instant",
        None,
        "attends un instant",
        "attendez un instant",
        ("تنتظر لحظة", "تنتظري لحظة", "تنتظروا لحظة"),
        ("انتظر لحظة", "انتظري لحظة", "انتظروا لحظة"),
    ),
    (
        "pass me the salt",
        "passing me the salt",
        "me passer le sel",
        None,
        "passe-moi le sel",
        "passez-moi le sel",
        ("تناولني الملح", "تناوليني الملح", "تناولوني الملح"),
        ("ناولني الملح", "ناوليني الملح", "ناولوني الملح"),
    ),
    (
        "turn off the light",
        "turning off the light",
        "éteindre la lumière",
        None,
        "éteins la lumière",
        "éteignez la lumière",
        ("تطفئ الضوء", "تطفئي الضوء", "تطفئوا الضوء"),
        ("أطفئ الضوء", "أطفئي الضوء", "أطفئوا الضوء"),
    ),
    (
        "call a taxi for me",
        "calling a taxi for me",
        "m'appeler un taxi",
        None,
        "appelle-moi un taxi",
        "appelez-moi un taxi",
        ("تطلب لي سيارة أجرة", "تطلبي لي سيارة أجرة", "تطلبوا لي سيارة أجرة"),
        ("اطلب لي سيارة أجرة", "اطلبي لي سيارة أجرة", "اطلبوا لي سيارة أجرة"),
    ),
    (
        "show me the way to the station",
        "showing me the way to the station",
        "m'indiquer le chemin de la gare",
        None,
        "indique-moi le chemin de la gare",
        "indiquez-moi le chemin de la gare",
        ("تدلني على طريق المحطة", "تدليني على طريق المحطة", "تدلوني على طريق المحطة"),
        ("دلني على طريق المحطة", "دليني على طريق المحطة", "دلوني على طريق المحطة"),
    ),
    (
        "sit down",
        None,
        "t'asseoir",
        "vous asseoir",
        "assieds-toi",
        "asseyez-vous",
        ("تجلس", "تجلسي", "تجلسوا"),
        ("اجلس", "اجلسي", "اجلسوا"),
    ),
    (
        "turn down the music",
        "turning down the music",
        "baisser la musique",
        None,
        "baisse la musique",
        "baissez la musique",
        ("تخفض صوت الموسيقى", "تخفضي صوت الموسيقى", "تخفضوا صوت الموسيقى"),
        ("اخفض صوت الموسيقى", "اخفضي صوت الموسيقى", "اخفضوا صوت الموسيقى"),
    ),
    (
        "bring me the menu",
        "bringing me the menu",
        "m'apporter la carte",
        None,
        "apporte-moi la carte",
        "apportez-moi la carte",
        ("تحضر لي قائمة الطعام", "تحضري لي قائمة الطعام", "تحضروا لي قائمة الطعام"),
        ("أحضر لي قائمة الطعام", "أحضري لي قائمة الطعام", "أحضروا لي قائمة الطعام"),
    ),
    (
        "take a photo of us",
        "taking a photo of us",
        "nous prendre en photo",
        None,
        "prends-nous en photo",
        "prenez-nous en photo",
        ("تلتقط لنا صورة", "تلتقطي لنا صورة", "تلتقطوا لنا صورة"),
        ("التقط لنا صورة", "التقطي لنا صورة", "التقطوا لنا صورة"),
    ),
    (
        "come with me",
        "coming with me",
        "venir avec moi",
        None,
        "viens avec moi",
        "venez avec moi",
        ("تأتي معي", "تأتي معي", "تأتوا معي"),
        ("تعال معي", "تعالي معي", "تعالوا معي"),
    ),
    (
        "lend me a pen",
        "lending me a pen",
        "me prêter un stylo",
        None,
        "prête-moi un stylo",
        "prêtez-moi un stylo",
        ("تعيرني قلمًا", "تعيريني قلمًا", "تعيروني قلمًا"),
        ("أعرني قلمًا", "أعيريني قلمًا", "أعيروني قلمًا"),
    ),
    (
        "explain this word to me",
        "explaining this word to me",
        "m'expliquer ce mot",
        None,
        "explique-moi ce mot",
        "expliquez-moi ce mot",
        ("تشرح لي هذه الكلمة", "تشرحي لي هذه الكلمة", "تشرحوا لي هذه الكلمة"),
        ("اشرح لي هذه الكلمة", "اشرحي لي هذه الكلمة", "اشرحوا لي هذه الكلمة"),
    ),
    (
        "wake me up at seven",
        "waking me up at seven",
        "me réveiller à sept heures",
        None,
        "réveille-moi à sept heures",
        "réveillez-moi à sept heures",
        ("توقظني في الساعة السابعة", "توقظيني في الساعة السابعة", "توقظوني في الساعة السابعة"),
        ("أيقظني في الساعة السابعة", "أيقظيني في الساعة السابعة", "أيقظوني في الساعة السابعة"),
    ),
    (
        "send me the address",
        "sending me the address",
        "m'envoyer l'adresse",
        None,
        "envoie-moi l'adresse",
        "envoyez-moi l'adresse",
        ("ترسل لي العنوان", "ترسلي لي العنوان", "ترسلوا لي العنوان"),
        ("أرسل لي العنوان", "أرسلي لي العنوان", "أرسلوا لي العنوان"),
    ),
    (
        "help me carry this bag",
        "helping me carry this bag",
        "m'aider à porter ce sac",
        None,
        "aide-moi à porter ce sac",
        "aidez-moi à porter ce sac",
        ("تساعدني في حمل هذه الحقيبة", "تساعديني في حمل هذه الحقيبة", "تساعدوني في حمل هذه الحقيبة"),
        ("ساعدني في حمل هذه الحقيبة", "ساعديني في حمل هذه الحقيبة", "ساعدوني في حمل هذه الحقيبة"),
    ),
    (
        "speak a little louder",
        "speaking a little louder",
        "parler un peu plus fort",
        None,
        "parle un peu plus fort",
        "parlez un peu plus fort",
        ("تتكلم بصوت أعلى قليلًا", "تتكلمي بصوت أعلى قليلًا", "تتكلموا بصوت أعلى قليلًا"),
        ("تكلم بصوت أعلى قليلًا", "تكلمي بصوت أعلى قليلًا", "تكلموا بصوت أعلى قليلًا"),
    ),
    (
        "turn on the heating",
        "turning on the heating",
        "allumer le chauffage",
        None,
        "allume le chauffage",
        "allumez le chauffage",
        ("تشغل التدفئة", "تشغلي التدفئة", "تشغلوا التدفئة"),
        ("شغل التدفئة", "شغلي التدفئة", "شغلوا التدفئة"),
    ),
    (
        "check this letter",
        "checking this letter",
        "relire cette lettre",
        None,
        "relis cette lettre",
        "relisez cette lettre",
        ("تراجع هذه الرسالة", "تراجعي هذه الرسالة", "تراجعوا هذه الرسالة"),
        ("راجع هذه الرسالة", "راجعي هذه الرسالة", "راجعوا هذه الرسالة"),
    ),
    (
        "save my seat",
        "saving my seat",
        "garder ma place",
        None,
        "garde ma place",
        "gardez ma place",
        ("تحفظ لي مكاني", "تحفظي لي مكاني", "تحفظوا لي مكاني"),
        ("احفظ لي مكاني", "احفظي لي مكاني", "احفظوا لي مكاني"),
    ),
]


def t_requests() -> list[Triple]:
    out = []
    for en, ing, fr_tu, fr_vous, _imp_tu, _imp_vous, subj, _imp in ACTIONS:
        fv = fr_vous or fr_tu
        out.append(
            mk(f"Could you {en}, please?", f"Pourriez-vous {fv}, s'il vous plaît ?", f"هل يمكنك أن {subj[0]} من فضلك؟")
        )
        out.append(mk(f"Can you {en}?", f"Tu peux {fr_tu} ?", f"هل تستطيع أن {subj[0]}؟"))
        out.append(
            mk(
                f"Children, could you {en}, please?",
                f"Les enfants, pouvez-vous {fv}, s'il vous plaît ?",
                f"يا أولاد، هل يمكنكم أن {subj[2]} من فضلكم؟",
            )
        )
        if ing:
            out.append(
                mk(f"Would you mind {ing}?", f"Est-ce que ça vous dérangerait de {fv} ?", f"هل تمانع أن {subj[0]}؟")
            )
    return out


def t_requests_named() -> list[Triple]:
    out = []
    for en, _ing, fr_tu, _fr_vous, imp_tu, _imp_vous, subj, imp in ACTIONS:
        for name, ar_name, g in NAMES:
            if g == "f":
                out.append(
                    mk(
                        f"{name}, can you {en}, please?",
                        f"{name}, tu peux {fr_tu}, s'il te plaît ?",
                        f"{ar_name}، هل يمكنكِ أن {subj[1]} من فضلكِ؟",
                    )
                )
                out.append(
                    mk(f"{name}, please {en}.", f"{name}, {imp_tu}, s'il te plaît.", f"يا {ar_name}، {imp[1]} من فضلكِ.")
                )
            else:
                out.append(
                    mk(
                        f"{name}, can you {en}, please?",
                        f"{name}, tu peux {fr_tu}, s'il te plaît ?",
                        f"{ar_name}، هل يمكنك أن {subj[0]} من فضلك؟",
                    )
                )
                out.append(
                    mk(f"{name}, please {en}.", f"{name}, {imp_tu}, s'il te plaît.", f"يا {ar_name}، {imp[0]} من فضلك.")
                )
    return out


def t_imperatives() -> list[Triple]:
    out = []
    for en, _ing, _fr_tu, _fr_vous, _imp_tu, imp_vous, _subj, imp in ACTIONS:
        out.append(mk(f"Please {en}.", f"{imp_vous}, s'il vous plaît.", f"من فضلك، {imp[0]}."))
        out.append(
            mk(f"Everyone, please {en}.", f"Tout le monde, {imp_vous}, s'il vous plaît.", f"من فضلكم، {imp[2]}.")
        )
        out.append(mk(f"{en}, please!", f"{imp_vous}, je vous en prie !", f"{imp[0]} من فضلك!"))
    return out


PERMISSIONS = [  # EN, FR inf (je), FR inf (nous), FR present (je), AR subj (I), AR subj (we), AR past (I)
    ("sit here", "m'asseoir ici", "nous asseoir ici", "je m'assieds ici", "أجلس هنا", "نجلس هنا", "جلست هنا"),
    (
        "open the window",
        "ouvrir la fenêtre",
        None,
        "j'ouvre la fenêtre",
        "أفتح النافذة",
        "نفتح النافذة",
        "فتحت النافذة",
    ),
    ("come in", "entrer", None, "j'entre", "أدخل", "ندخل", "دخلت"),
    ("ask a question", "poser une question", None, "je pose une question", "أطرح سؤالًا", "نطرح سؤالًا", "طرحت سؤالًا"),
    (
        "use your phone",
        "utiliser votre téléphone",
        None,
        "j'utilise votre téléphone",
        "أستخدم هاتفك",
        "نستخدم هاتفك",
        "استخدمت هاتفك",
    ),
    (
        "leave early today",
        "partir tôt aujourd'hui",
        None,
        "je pars tôt aujourd'hui",
        "أغادر مبكرًا اليوم",
        "نغادر مبكرًا اليوم",
        "غادرت مبكرًا اليوم",
    ),
    ("close the door", "fermer la porte", None, "je ferme la porte", "أغلق الباب", "نغلق الباب", "أغلقت الباب"),
    ("take a photo", "prendre une photo", None, "je prends une photo", "ألتقط صورة", "نلتقط صورة", "التقطت صورة"),
    ("pay by card", "payer par carte", None, "je paie par carte", "أدفع بالبطاقة", "ندفع بالبطاقة", "دفعت بالبطاقة"),
    (
        "try on this jacket",
        "essayer cette veste",
        None,
        "j'essaie cette veste",
        "أجرب هذه السترة",
        "نجرب هذه السترة",
        "جربت هذه السترة",
    ),
    (
        "turn on the radio",
        "allumer la radio",
        None,
        "j'allume la radio",
        "أشغل الراديو",
        "نشغل الراديو",
        "شغلت الراديو",
    ),
    (
        "borrow your pen",
        "emprunter votre stylo",
        None,
        "j'emprunte votre stylo",
        "أستعير قلمك",
        "نستعير قلمك",
        "استعرت قلمك",
    ),
    (
        "park here",
        "me garer ici",
        "nous garer ici",
        "je me gare ici",
        "أركن سيارتي هنا",
        "نركن سيارتنا هنا",
        "ركنت سيارتي هنا",
    ),
    ("wait here", "attendre ici", None, "j'attends ici", "أنتظر هنا", "ننتظر هنا", "انتظرت هنا"),
    ("say something", "dire quelque chose", None, "je dis quelque chose", "أقول شيئًا", "نقول شيئًا", "قلت شيئًا"),
    (
        "leave my bag here",
        "laisser mon sac ici",
        "laisser nos sacs ici",
        "je laisse mon sac ici",
        "أترك حقيبتي هنا",
        "نترك حقائبنا هنا",
        "تركت حقيبتي هنا",
    ),
    (
        "call you tomorrow",
        "vous appeler demain",
        None,
        "je vous appelle demain",
        "أتصل بك غدًا",
        "نتصل بك غدًا",
        "اتصلت بك غدًا",
    ),
    ("see the menu", "voir la carte", None, "je regarde la carte", "أرى قائمة الطعام", "نرى قائمة الطعام", None),
]


def t_permission() -> list[Triple]:
    out = []
    for en, fr_i, fr_we, fr_pres, ar_i, ar_we, ar_past in PERMISSIONS:
        en_we = en.replace("my bag", "our bags")
        out.append(mk(f"May I {en}?", f"Puis-je {fr_i} ?", f"هل يمكنني أن {ar_i}؟"))
        out.append(mk(f"Can I {en}?", f"Est-ce que je peux {fr_i} ?", f"هل أستطيع أن {ar_i}؟"))
        out.append(mk(f"May we {en_we}?", f"Pouvons-nous {fr_we or fr_i} ?", f"هل يمكننا أن {ar_we}؟"))
        out.append(mk(f"Is it possible to {en}?", f"Est-il possible de {fr_i} ?", f"هل من الممكن أن {ar_i}؟"))
        if ar_past and "tomorrow" not in en:
            out.append(mk(f"Do you mind if I {en}?", f"Ça vous dérange si {fr_pres} ?", f"هل تمانع إذا {ar_past}؟"))
    return out


OFFER_ITEMS = [  # EN, FR, AR (accusative)
    ("a cup of tea", "une tasse de thé", "فنجانًا من الشاي"),
    ("a cup of coffee", "une tasse de café", "فنجانًا من القهوة"),
    ("a glass of water", "un verre d'eau", "كوبًا من الماء"),
    ("a glass of orange juice", "un verre de jus d'orange", "كوبًا من عصير البرتقال"),
    ("something to drink", "quelque chose à boire", "شيئًا للشرب"),
    ("something to eat", "quelque chose à manger", "شيئًا للأكل"),
    ("a piece of cake", "un morceau de gâteau", "قطعة من الكعكة"),
    ("some bread", "du pain", "بعض الخبز"),
    ("a sandwich", "un sandwich", "شطيرة"),
    ("an apple", "une pomme", "تفاحة"),
    ("some more rice", "encore un peu de riz", "المزيد من الأرز"),
    ("some soup", "de la soupe", "بعض الحساء"),
    ("a newspaper", "un journal", "جريدة"),
    ("some sugar", "du sucre", "بعض السكر"),
    ("a blanket", "une couverture", "بطانية"),
    ("mint tea", "du thé à la menthe", "شايًا بالنعناع"),
    ("some help", "de l'aide", "مساعدة"),
    ("some fruit", "des fruits", "بعض الفاكهة"),
]


def t_offers() -> list[Triple]:
    rng = random.Random(51)
    out = []
    for en, fr, ar in OFFER_ITEMS:
        out.append(mk(f"Would you like {en}?", f"Voulez-vous {fr} ?", f"هل تريد {ar}؟"))
        f_name, f_ar, _ = rng.choice(FEMALE)
        out.append(mk(f"{f_name}, would you like {en}?", f"{f_name}, tu veux {fr} ?", f"{f_ar}، هل تريدين {ar}؟"))
        m_name, m_ar, _ = rng.choice(MALE)
        out.append(mk(f"{m_name}, do you want {en}?", f"{m_name}, tu veux {fr} ?", f"{m_ar}، هل تريد {ar}؟"))
        out.append(mk(f"Can I offer you {en}?", f"Je peux vous offrir {fr} ?", f"هل أقدم لك {ar}؟"))
        out.append(mk(f"Who wants {en}?", f"Qui veut {fr} ?", f"من يريد {ar}؟"))
        out.append(mk(f"I'd like {en}, please.", f"Je voudrais {fr}, s'il vous plaît.", f"أريد {ar} من فضلك."))
        out.append(mk(f"Would you all like {en}?", f"Vous voulez tous {fr} ?", f"هل تريدون جميعًا {ar}؟"))
    return out


INV_PLACES = [
    ("to the cinema", "au cinéma", "إلى السينما"),
    ("to the beach", "à la plage", "إلى الشاطئ"),
    ("to the restaurant", "au restaurant", "إلى المطعم"),
    ("to the park", "au parc", "إلى الحديقة"),
    ("to the museum", "au musée", "إلى المتحف"),
    ("to the swimming pool", "à la piscine", "إلى المسبح"),
    ("to the market", "au marché", "إلى السوق"),
    ("to the stadium", "au stade", "إلى الملعب"),
    ("to the concert", "au concert", "إلى الحفلة الموسيقية"),
    ("to the theatre", "au théâtre", "إلى المسرح"),
    ("to my birthday party", "à ma fête d'anniversaire", "إلى حفلة عيد ميلادي"),
]
INV_TIMES = [
    ("tonight", "ce soir", "الليلة"),
    ("tomorrow", "demain", "غدًا"),
    ("on Saturday", "samedi", "يوم السبت"),
    ("this weekend", "ce week-end", "في عطلة نهاية هذا الأسبوع"),
    ("tomorrow evening", "demain soir", "مساء الغد"),
    ("on Friday evening", "vendredi soir", "مساء الجمعة"),
    ("next Sunday", "dimanche prochain", "يوم الأحد القادم"),
    ("after work", "après le travail", "بعد العمل"),
]


def t_invitations() -> list[Triple]:
    rng = random.Random(52)
    out = []
    for pl in INV_PLACES:
        party = "party" in pl[0]
        wu_en, wu_fr, wu_ar = ("", "", "") if party else (" with us", " avec nous", " معنا")
        for t in INV_TIMES:
            if party and t[0] == "after work":
                continue
            frame = rng.randrange(6)
            if frame == 0:
                out.append(
                    mk(
                        f"Would you like to come {pl[0]}{wu_en} {t[0]}?",
                        f"Veux-tu venir {pl[1]}{wu_fr} {t[1]} ?",
                        f"هل تريد أن تأتي{wu_ar} {pl[2]} {t[2]}؟",
                    )
                )
            elif frame == 1:
                n, a, _ = rng.choice(FEMALE)
                out.append(
                    mk(
                        f"{n}, would you like to come {pl[0]}{wu_en} {t[0]}?",
                        f"{n}, tu veux venir {pl[1]}{wu_fr} {t[1]} ?",
                        f"{a}، هل تريدين أن تأتي{wu_ar} {pl[2]} {t[2]}؟",
                    )
                )
            elif frame == 2 and not party:
                out.append(mk(f"Let's go {pl[0]} {t[0]}!", f"Allons {pl[1]} {t[1]} !", f"لنذهب {pl[2]} {t[2]}!"))
            elif frame == 3 and not party:
                out.append(
                    mk(
                        f"We are going {pl[0]} {t[0]}. Do you want to come?",
                        f"Nous allons {pl[1]} {t[1]}. Vous voulez venir ?",
                        f"سنذهب {pl[2]} {t[2]}. هل تريدون أن تأتوا؟",
                    )
                )
            elif frame == 4:
                out.append(
                    mk(
                        f"I'd like to invite you {pl[0]} {t[0]}.",
                        f"Je voudrais t'inviter {pl[1]} {t[1]}.",
                        f"أود أن أدعوك {pl[2]} {t[2]}.",
                    )
                )
            else:
                out.append(
                    mk(
                        f"Sorry, I can't come {pl[0]} {t[0]}.",
                        f"Désolé, je ne peux pas venir {pl[1]} {t[1]}.",
                        f"آسف، لا أستطيع أن آتي {pl[2]} {t[2]}.",
                    )
                )
    return out


THANKS = [  # EN, FR (tu), FR (vous), AR to a man, to a woman, to several people
    ("your help", "ton aide", "votre aide", "مساعدتك", "مساعدتكِ", "مساعدتكم"),
    ("the gift", "le cadeau", None, "الهدية", None, None),
    ("the invitation", "l'invitation", None, "الدعوة", None, None),
    ("the flowers", "les fleurs", None, "الزهور", None, None),
    ("your advice", "tes conseils", "vos conseils", "نصائحك", "نصائحكِ", "نصائحكم"),
    ("the delicious meal", "ce délicieux repas", None, "الوجبة اللذيذة", None, None),
    ("your patience", "ta patience", "votre patience", "صبرك", "صبركِ", "صبركم"),
    ("this lovely evening", "cette belle soirée", None, "هذه الأمسية الجميلة", None, None),
    ("your message", "ton message", "votre message", "رسالتك", "رسالتكِ", "رسالتكم"),
    ("your kindness", "ta gentillesse", "votre gentillesse", "لطفك", "لطفكِ", "لطفكم"),
    ("the information", "les informations", None, "المعلومات", None, None),
    ("the coffee", "le café", None, "القهوة", None, None),
    ("the book", "le livre", None, "الكتاب", None, None),
    ("the photos", "les photos", None, "الصور", None, None),
    ("your visit", "ta visite", "votre visite", "زيارتك", "زيارتكِ", "زيارتكم"),
    ("your hospitality", "ton hospitalité", "votre hospitalité", "كرم ضيافتك", "كرم ضيافتكِ", "كرم ضيافتكم"),
    ("the birthday card", "la carte d'anniversaire", None, "بطاقة عيد الميلاد", None, None),
]


def t_thanks() -> list[Triple]:
    rng = random.Random(53)
    out = []
    for en, fr_tu, fr_vous, ar_m, ar_f, ar_pl in THANKS:
        fv = fr_vous or fr_tu
        af, apl = ar_f or ar_m, ar_pl or ar_m
        out.append(mk(f"Thank you for {en}.", f"Merci pour {fv}.", f"شكرًا على {ar_m}."))
        out.append(mk(f"Thank you very much for {en}.", f"Merci beaucoup pour {fv}.", f"شكرًا جزيلًا على {ar_m}."))
        n, a, _ = rng.choice(MALE)
        out.append(mk(f"{n}, thanks for {en}!", f"{n}, merci pour {fr_tu} !", f"شكرًا على {ar_m} يا {a}!"))
        n, a, _ = rng.choice(FEMALE)
        out.append(mk(f"{n}, thank you for {en}.", f"{n}, merci pour {fr_tu}.", f"شكرًا لكِ على {af} يا {a}."))
        out.append(mk(f"Thank you all for {en}.", f"Merci à tous pour {fv}.", f"شكرًا لكم جميعًا على {apl}."))
        out.append(
            mk(f"I want to thank you for {en}.", f"Je voudrais te remercier pour {fr_tu}.", f"أود أن أشكرك على {ar_m}.")
        )
    return out


SORRY_FOR = [
    ("the delay", "le retard", "التأخير"),
    ("the noise", "le bruit", "الإزعاج"),
    ("the mess", "le désordre", "الفوضى"),
    ("this mistake", "cette erreur", "هذا الخطأ"),
    ("the misunderstanding", "le malentendu", "سوء الفهم"),
    ("the wait", "l'attente", "الانتظار"),
    ("yesterday", "hier", "ما حدث أمس"),
    ("the late reply", "la réponse tardive", "الرد المتأخر"),
    ("the broken glass", "le verre cassé", "الكأس المكسورة"),
    ("the inconvenience", "le dérangement", "الإزعاج"),
]
FORGOT = [
    ("the keys", "les clés", "المفاتيح"),
    ("my umbrella", "mon parapluie", "مظلتي"),
    ("your book", "ton livre", "كتابك"),
    ("the tickets", "les billets", "التذاكر"),
    ("my wallet", "mon portefeuille", "محفظتي"),
    ("the bread", "le pain", "الخبز"),
    ("your birthday", "ton anniversaire", "عيد ميلادك"),
    ("the milk", "le lait", "الحليب"),
    ("my phone at home", "mon téléphone à la maison", "هاتفي في البيت"),
    ("to call you", "de t'appeler", "أن أتصل بك"),
    ("to buy bread", "d'acheter du pain", "أن أشتري الخبز"),
    ("to send the email", "d'envoyer l'e-mail", "أن أرسل الرسالة"),
    ("the address", "l'adresse", "العنوان"),
    ("your name", "ton nom", "اسمك"),
    ("our appointment", "notre rendez-vous", "موعدنا"),
    ("to close the window", "de fermer la fenêtre", "أن أغلق النافذة"),
]
DONT_FORGET = [
    ("the keys", "les clés", "المفاتيح"),
    ("the tickets", "les billets", "التذاكر"),
    ("your umbrella", "ton parapluie", "مظلتك"),
    ("the bread", "le pain", "الخبز"),
    ("your passport", "ton passeport", "جواز سفرك"),
    ("your coat", "ton manteau", "معطفك"),
    ("the milk", "le lait", "الحليب"),
    ("your phone", "ton téléphone", "هاتفك"),
]


def t_apologies() -> list[Triple]:
    rng = random.Random(54)
    out = []
    for en, fr, ar in SORRY_FOR:
        out.append(mk(f"I'm sorry about {en}.", f"Je suis désolé pour {fr}.", f"أنا آسف على {ar}."))
        out.append(
            mk(f"We are very sorry about {en}.", f"Nous sommes vraiment désolés pour {fr}.", f"نحن آسفون جدًا على {ar}.")
        )
        n, a, _ = rng.choice(FEMALE)
        out.append(mk(f"{n} is sorry about {en}.", f"{n} est désolée pour {fr}.", f"{a} آسفة على {ar}."))
        if en != "yesterday":
            out.append(mk(f"Please excuse {en}.", f"Veuillez excuser {fr}.", f"نرجو المعذرة على {ar}."))
        out.append(mk(f"Sorry again for {en}.", f"Encore désolé pour {fr}.", f"آسف مرة أخرى على {ar}."))
    for en, fr, ar in FORGOT:
        fr_obj = fr
        out.append(mk(f"Sorry, I forgot {en}.", f"Désolé, j'ai oublié {fr_obj}.", f"آسف، نسيت {ar}."))
        out.append(mk(f"Oh no, I forgot {en}!", f"Oh non, j'ai oublié {fr_obj} !", f"يا إلهي، نسيت {ar}!"))
    for en, fr, ar in DONT_FORGET:
        out.append(mk(f"Don't forget {en}!", f"N'oublie pas {fr} !", f"لا تنس {ar}!"))
        n, a, _ = rng.choice(FEMALE)
        out.append(
            mk(
                f"{n}, don't forget {en}.",
                f"{n}, n'oublie pas {fr}.",
                f"لا تنسي {ar[:-1] + 'كِ' if ar.endswith('ك') else ar} يا {a}.",
            )
        )
    return out


# ---------------------------------------------------------------------------------------------------------------
# Questions: where, which, favourite

OBJECTS = [  # EN, EN plural?, FR noun, FR gender, FR plural?, AR bare noun, AR agreement, possessive ok, location kinds
    ("keys", True, "clés", "f", True, "مفاتيح", "f", True, "sanr"),
    ("book", False, "livre", "m", False, "كتاب", "m", True, "sanr"),
    ("phone", False, "téléphone", "m", False, "هاتف", "m", True, "sanr"),
    ("bag", False, "sac", "m", False, "حقيبة", "f", True, "snr"),
    ("glasses", True, "lunettes", "f", True, "نظارة", "f", True, "sanr"),
    ("wallet", False, "portefeuille", "m", False, "محفظة", "f", True, "sanr"),
    ("umbrella", False, "parapluie", "m", False, "مظلة", "f", True, "nr"),
    ("cat", False, "chat", "m", False, "قطة", "f", False, "snr"),
    ("remote control", False, "télécommande", "f", False, "جهاز التحكم", "m", False, "sanr"),
    ("newspaper", False, "journal", "m", False, "جريدة", "f", True, "sanr"),
    ("laptop", False, "ordinateur portable", "m", False, "الحاسوب المحمول", "m", False, "sr"),
    ("cups", True, "tasses", "f", True, "فناجين", "f", False, "sr"),
    ("letters", True, "lettres", "f", True, "رسائل", "f", True, "sanr"),
    ("tickets", True, "billets", "m", True, "تذاكر", "f", True, "sanr"),
    ("children's toys", True, "jouets des enfants", "m", True, "ألعاب الأطفال", "f", False, "nr"),
]
LOCATIONS = [  # EN, FR, AR, kind (s: surface, a: container, n: near, r: room)
    ("on the table", "sur la table", "على الطاولة", "s"),
    ("under the bed", "sous le lit", "تحت السرير", "n"),
    ("in the drawer", "dans le tiroir", "في الدرج", "a"),
    ("next to the door", "à côté de la porte", "بجانب الباب", "n"),
    ("on the sofa", "sur le canapé", "على الأريكة", "s"),
    ("in the car", "dans la voiture", "في السيارة", "r"),
    ("in the kitchen", "dans la cuisine", "في المطبخ", "r"),
    ("behind the sofa", "derrière le canapé", "خلف الأريكة", "n"),
    ("in my bag", "dans mon sac", "في حقيبتي", "a"),
    ("on the shelf", "sur l'étagère", "على الرف", "s"),
    ("in the bedroom", "dans la chambre", "في غرفة النوم", "r"),
    ("near the window", "près de la fenêtre", "قرب النافذة", "n"),
    ("under the chair", "sous la chaise", "تحت الكرسي", "n"),
    ("in front of the television", "devant la télévision", "أمام التلفاز", "n"),
]


def ar_def(noun: str) -> str:
    """The definite form: the article on the first word (an iDafa keeps it on the last one)."""
    if noun.startswith("ال"):
        return noun
    if " " in noun:  # iDafa ("جهاز التحكم", "ألعاب الأطفال") is already definite
        return noun
    return "ال" + noun


def fr_def(noun: str, g: str, plural: bool) -> str:
    if plural:
        return "les " + noun
    return ("le " if g == "m" else "la ") + noun


def t_location() -> list[Triple]:
    rng = random.Random(61)
    out = []
    for en, en_pl, fr_n, fr_g, fr_pl, ar_n, ar_g, _poss, kinds in OBJECTS:
        locs = [loc for loc in LOCATIONS if loc[3] in kinds]
        if en == "bag":
            locs = [loc for loc in locs if loc[0] != "in my bag"]
        for loc in locs:
            subj_en = "The " + en
            subj_fr = fr_def(fr_n, fr_g, fr_pl)
            subj_ar = ar_def(ar_n)
            be_en = "are" if en_pl else "is"
            form = rng.randrange(5)
            if form == 0:
                out.append(
                    mk(
                        f"{subj_en} {be_en} {loc[0]}.",
                        f"{subj_fr} {'sont' if fr_pl else 'est'} {loc[1]}.",
                        f"{subj_ar} {loc[2]}.",
                    )
                )
            elif form == 1:
                laysa = "ليس" if ar_g == "m" else "ليست"
                out.append(
                    mk(
                        f"{subj_en} {be_en} not {loc[0]}.",
                        f"{subj_fr} {'ne sont' if fr_pl else 'ne est'} pas {loc[1]}.",
                        f"{subj_ar} {laysa} {loc[2]}.",
                    )
                )
            elif form == 2:
                kana = "كان" if ar_g == "m" else "كانت"
                out.append(
                    mk(
                        f"{subj_en} {'were' if en_pl else 'was'} {loc[0]}.",
                        f"{subj_fr} {'étaient' if fr_pl else 'était'} {loc[1]}.",
                        f"{kana} {subj_ar} {loc[2]}.",
                    )
                )
            elif form == 3:
                out.append(
                    mk(
                        f"{be_en.capitalize()} the {en} {loc[0]}?",
                        f"Est-ce que {subj_fr} {'sont' if fr_pl else 'est'} {loc[1]} ?",
                        f"هل {subj_ar} {loc[2]}؟",
                    )
                )
            else:
                out.append(
                    mk(
                        f"I think the {en} {be_en} {loc[0]}.",
                        f"Je crois que {subj_fr} {'sont' if fr_pl else 'est'} {loc[1]}.",
                        f"أظن أن {subj_ar} {loc[2]}.",
                    )
                )
    return out


def t_where() -> list[Triple]:
    rng = random.Random(62)
    out = []
    for en, en_pl, fr_n, fr_g, fr_pl, ar_n, _ar_g, poss, _kinds in OBJECTS:
        be_en = "are" if en_pl else "is"
        be_fr = "sont" if fr_pl else "est"
        if poss:
            for p in persons(rng):
                fr_p = (FR_POSS_PL if fr_pl else FR_POSS_M if fr_g == "m" else FR_POSS_F)[p]
                out.append(
                    mk(f"Where {be_en} {EN_POSS[p]} {en}?", f"Où {be_fr} {fr_p} {fr_n} ?", f"أين {ar_attach(ar_n, p)}؟")
                )
        out.append(mk(f"Where {be_en} the {en}?", f"Où {be_fr} {fr_def(fr_n, fr_g, fr_pl)} ?", f"أين {ar_def(ar_n)}؟"))
        out.append(
            mk(
                f"Where did you put the {en}?",
                f"Où est-ce que tu as mis {fr_def(fr_n, fr_g, fr_pl)} ?",
                f"أين وضعت {ar_def(ar_n)}؟",
            )
        )
        out.append(
            mk(f"I can't find the {en}.", f"Je ne trouve pas {fr_def(fr_n, fr_g, fr_pl)}.", f"لا أجد {ar_def(ar_n)}.")
        )
    return out


CATEGORIES = [  # EN, FR noun, FR gender, AR noun, AR gender, values (EN, FR with article, AR)
    (
        "colour",
        "couleur",
        "f",
        "لون",
        "m",
        [
            ("blue", "le bleu", "الأزرق"),
            ("green", "le vert", "الأخضر"),
            ("red", "le rouge", "الأحمر"),
            ("yellow", "le jaune", "الأصفر"),
            ("black", "le noir", "الأسود"),
            ("white", "le blanc", "الأبيض"),
            ("purple", "le violet", "البنفسجي"),
            ("pink", "le rose", "الوردي"),
        ],
    ),
    (
        "season",
        "saison",
        "f",
        "فصل",
        "m",
        [
            ("spring", "le printemps", "الربيع"),
            ("summer", "l'été", "الصيف"),
            ("autumn", "l'automne", "الخريف"),
            ("winter", "l'hiver", "الشتاء"),
        ],
    ),
    (
        "sport",
        "sport",
        "m",
        "رياضة",
        "f",
        [
            ("football", "le football", "كرة القدم"),
            ("tennis", "le tennis", "التنس"),
            ("swimming", "la natation", "السباحة"),
            ("basketball", "le basket", "كرة السلة"),
            ("cycling", "le cyclisme", "ركوب الدراجات"),
            ("running", "la course à pied", "الجري"),
        ],
    ),
    ("day of the week", "jour de la semaine", "m", "يوم", "m", [(d[0], "le " + d[1], d[2]) for d in DAYS]),
    ("month", "mois", "m", "شهر", "m", [(m[0], m[1], m[2]) for m in MONTHS]),
    (
        "fruit",
        "fruit",
        "m",
        "فاكهة",
        "f",
        [
            ("mango", "la mangue", "المانجو"),
            ("watermelon", "la pastèque", "البطيخ"),
            ("dates", "les dattes", "التمر"),
            ("figs", "les figues", "التين"),
            ("strawberries", "la fraise", "الفراولة"),
        ],
    ),
    (
        "drink",
        "boisson",
        "f",
        "مشروب",
        "m",
        [
            ("tea", "le thé", "الشاي"),
            ("coffee", "le café", "القهوة"),
            ("orange juice", "le jus d'orange", "عصير البرتقال"),
            ("mint tea", "le thé à la menthe", "الشاي بالنعناع"),
            ("lemonade", "la limonade", "عصير الليمون"),
            ("hot chocolate", "le chocolat chaud", "الشوكولاتة الساخنة"),
        ],
    ),
    (
        "dish",
        "plat",
        "m",
        "طبق",
        "m",
        [
            ("couscous", "le couscous", "الكسكس"),
            ("pizza", "la pizza", "البيتزا"),
            ("grilled fish", "le poisson grillé", "السمك المشوي"),
            ("lentil soup", "la soupe de lentilles", "شوربة العدس"),
            ("tajine", "le tajine", "الطاجين"),
            ("roast chicken", "le poulet rôti", "الدجاج المشوي"),
        ],
    ),
    (
        "city",
        "ville",
        "f",
        "مدينة",
        "f",
        [(c[0], c[1].removeprefix("à ").replace("au Caire", "Le Caire"), c[2]) for c in CITIES[:10]],
    ),
]
FR_PREFER_INV = {
    "you_m": "préfères-tu",
    "you_f": "préfères-tu",
    "you_pl": "préférez-vous",
    "he": "préfère-t-il",
    "she": "préfère-t-elle",
    "they": "préfèrent-ils",
}
FADDALA = ["أفضل", "تفضل", "تفضلين", "يفضل", "تفضل", "نفضل", "تفضلون", "يفضلون"]


def t_which() -> list[Triple]:
    rng = random.Random(63)
    out = []
    for en, fr, fr_g, ar, _ar_g, _vals in CATEGORIES:
        quel = "Quel" if fr_g == "m" else "Quelle"
        for p in q_persons(rng):
            third = p in ("he", "she")
            ar_q = "يوم من أيام الأسبوع" if en == "day of the week" else ar
            out.append(
                mk(
                    f"Which {en} {'does' if third else 'do'} {EN_SUBJ[p]} prefer?",
                    f"{quel} {fr} {FR_PREFER_INV[p]} ?",
                    f"أي {ar_q} {FADDALA[idx(p)]}؟",
                )
            )
        for name, ar_name, g in rng.sample(NAMES, 4):
            pr = "il" if g == "m" else "elle"
            v = "يفضل" if g == "m" else "تفضل"
            out.append(
                mk(
                    f"Which {en} does {name} prefer?",
                    f"{quel} {fr} {name} préfère-t-{pr} ?",
                    f"أي {ar_q} {v} {ar_name}؟",
                )
            )
    return out


def t_favourite() -> list[Triple]:
    rng = random.Random(64)
    out = []
    for en, fr, fr_g, ar, ar_g, vals in CATEGORIES:
        quel = "Quel" if fr_g == "m" else "Quelle"
        pref = "préféré" if fr_g == "m" else "préférée"
        mufaddal = "المفضل" if ar_g == "m" else "المفضلة"
        pron = "هو" if ar_g == "m" else "هي"
        for p in ("you_m", "you_f", "you_pl"):
            fr_p = {
                "you_m": "ton" if fr_g == "m" else "ta",
                "you_f": "ton" if fr_g == "m" else "ta",
                "you_pl": "votre",
            }[p]
            out.append(
                mk(
                    f"What is your favourite {en}?",
                    f"{quel} est {fr_p} {fr} {pref} ?",
                    f"ما {ar_attach(ar, p)} {mufaddal}؟",
                )
            )
        for name, ar_name, _g in rng.sample(NAMES, 3):
            out.append(
                mk(
                    f"What is {name}'s favourite {en}?",
                    f"{quel} est {'le' if fr_g == 'm' else 'la'} {fr} {pref} de {name} ?",
                    f"ما {ar} {ar_name} {mufaddal}؟",
                )
            )
        for v_en, v_fr, v_ar in vals:
            p = rng.choice(["i", pick_you(rng, plural=False), "he", "she"])
            poss_fr = (FR_POSS_M if fr_g == "m" else FR_POSS_F)[p]
            out.append(
                mk(
                    f"{EN_POSS[p]} favourite {en} is {v_en}.",
                    f"{poss_fr} {fr} {pref}, c'est {v_fr}.",
                    f"{ar_attach(ar, p)} {mufaddal} {pron} {v_ar}.",
                )
            )
            name, ar_name, _g = rng.choice(NAMES)
            fr_art = "le" if fr_g == "m" else "la"
            out.append(
                mk(
                    f"{name}'s favourite {en} is {v_en}.",
                    f"{fr_art} {fr} {pref} de {name}, c'est {v_fr}.",
                    f"{ar} {ar_name} {mufaddal} {pron} {v_ar}.",
                )
            )
    return out


# ---------------------------------------------------------------------------------------------------------------
# Adjectives: agreement in French and Arabic

THINGS = {  # key: EN, EN plural, FR, FR plural, FR gender, AR indefinite sg, AR indefinite plural, AR gender
    "house": ("house", "houses", "maison", "maisons", "f", "بيت", "بيوت", "m"),
    "room": ("room", "rooms", "chambre", "chambres", "f", "غرفة", "غرف", "f"),
    "flat": ("flat", "flats", "appartement", "appartements", "m", "شقة", "شقق", "f"),
    "kitchen": ("kitchen", "kitchens", "cuisine", "cuisines", "f", "مطبخ", "مطابخ", "m"),
    "street": ("street", "streets", "rue", "rues", "f", "شارع", "شوارع", "m"),
    "city": ("city", "cities", "ville", "villes", "f", "مدينة", "مدن", "f"),
    "garden": ("garden", "gardens", "jardin", "jardins", "m", "حديقة", "حدائق", "f"),
    "restaurant": ("restaurant", "restaurants", "restaurant", "restaurants", "m", "مطعم", "مطاعم", "m"),
    "hotel": ("hotel", "hotels", "hôtel", "hôtels", "m", "فندق", "فنادق", "m"),
    "car": ("car", "cars", "voiture", "voitures", "f", "سيارة", "سيارات", "f"),
    "book": ("book", "books", "livre", "livres", "m", "كتاب", "كتب", "m"),
    "bag": ("bag", "bags", "sac", "sacs", "m", "حقيبة", "حقائب", "f"),
    "phone": ("phone", "phones", "téléphone", "téléphones", "m", "هاتف", "هواتف", "m"),
    "shirt": ("shirt", "shirts", "chemise", "chemises", "f", "قميص", "قمصان", "m"),
    "film": ("film", "films", "film", "films", "m", "فيلم", "أفلام", "m"),
    "chair": ("chair", "chairs", "chaise", "chaises", "f", "كرسي", "كراسي", "m"),
    "table": ("table", "tables", "table", "tables", "f", "طاولة", "طاولات", "f"),
}
ADJS = {  # key: EN, FR m, f, m pl, f pl, before the noun?, FR m before a vowel, AR m, AR m acc, AR f
    "big": ("big", "grand", "grande", "grands", "grandes", True, "grand", "كبير", "كبيرًا", "كبيرة"),
    "small": ("small", "petit", "petite", "petits", "petites", True, "petit", "صغير", "صغيرًا", "صغيرة"),
    "new": ("new", "neuf", "neuve", "neufs", "neuves", False, None, "جديد", "جديدًا", "جديدة"),
    "old": ("old", "vieux", "vieille", "vieux", "vieilles", True, "vieil", "قديم", "قديمًا", "قديمة"),
    "clean": ("clean", "propre", "propre", "propres", "propres", False, None, "نظيف", "نظيفًا", "نظيفة"),
    "dirty": ("dirty", "sale", "sale", "sales", "sales", False, None, "متسخ", "متسخًا", "متسخة"),
    "expensive": (
        "expensive",
        "cher",
        "chère",
        "chers",
        "chères",
        False,
        None,
        "باهظ الثمن",
        "باهظ الثمن",
        "باهظة الثمن",
    ),
    "cheap": ("cheap", "bon marché", "bon marché", "bon marché", "bon marché", False, None, "رخيص", "رخيصًا", "رخيصة"),
    "beautiful": ("beautiful", "beau", "belle", "beaux", "belles", True, "bel", "جميل", "جميلًا", "جميلة"),
    "quiet": ("quiet", "calme", "calme", "calmes", "calmes", False, None, "هادئ", "هادئًا", "هادئة"),
    "noisy": ("noisy", "bruyant", "bruyante", "bruyants", "bruyantes", False, None, "صاخب", "صاخبًا", "صاخبة"),
    "comfortable": (
        "comfortable",
        "confortable",
        "confortable",
        "confortables",
        "confortables",
        False,
        None,
        "مريح",
        "مريحًا",
        "مريحة",
    ),
    "modern": ("modern", "moderne", "moderne", "modernes", "modernes", False, None, "حديث", "حديثًا", "حديثة"),
    "heavy": ("heavy", "lourd", "lourde", "lourds", "lourdes", False, None, "ثقيل", "ثقيلًا", "ثقيلة"),
    "interesting": (
        "interesting",
        "intéressant",
        "intéressante",
        "intéressants",
        "intéressantes",
        False,
        None,
        "ممتع",
        "ممتعًا",
        "ممتعة",
    ),
    "boring": ("boring", "ennuyeux", "ennuyeuse", "ennuyeux", "ennuyeuses", False, None, "ممل", "مملًا", "مملة"),
    "long": ("long", "long", "longue", "longs", "longues", True, "long", "طويل", "طويلًا", "طويلة"),
    "broken": ("broken", "cassé", "cassée", "cassés", "cassées", False, None, "مكسور", "مكسورًا", "مكسورة"),
}
FITS = {
    "house": "big small old clean dirty beautiful quiet noisy comfortable modern expensive",
    "room": "big small clean dirty quiet noisy comfortable beautiful",
    "flat": "big small old clean quiet noisy comfortable modern expensive cheap beautiful",
    "kitchen": "big small old clean dirty modern beautiful",
    "street": "long quiet noisy clean dirty beautiful old",
    "city": "big small old beautiful quiet noisy clean modern",
    "garden": "big small beautiful quiet",
    "restaurant": "expensive cheap quiet noisy clean small big",
    "hotel": "expensive cheap quiet noisy clean dirty comfortable modern big small old",
    "car": "big small new old clean dirty expensive cheap beautiful comfortable modern",
    "book": "new old expensive cheap heavy interesting boring long",
    "bag": "big small new old heavy expensive cheap beautiful",
    "phone": "new old expensive cheap modern broken small",
    "shirt": "new old clean dirty expensive cheap beautiful",
    "film": "interesting boring long old",
    "chair": "comfortable new old broken heavy",
    "table": "big small new old broken heavy",
}
LOOK_FOR = {
    "big",
    "small",
    "new",
    "cheap",
    "quiet",
    "comfortable",
    "modern",
    "beautiful",
    "clean",
    "interesting",
    "old",
}
VOWELS = "aeiouéèêâîôûh"


def fr_adj(a: tuple, g: str, plural: bool) -> str:
    return a[1 + (2 if plural else 0) + (1 if g == "f" else 0)]


def fr_np(article: str, noun: str, noun_pl: str, g: str, plural: bool, a: tuple) -> str:
    """French noun phrase with an adjective in the right place and form ("une belle maison", "un hôtel calme")."""
    n = noun_pl if plural else noun
    adj = fr_adj(a, g, plural)
    if a[5]:  # before the noun
        if not plural and g == "m" and noun[0] in VOWELS and a[6]:
            adj = a[6]
        if article == "des":
            article = "de"
        return f"{article} {adj} {n}"
    return f"{article} {n} {adj}"


def en_a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def t_adj_predicate() -> list[Triple]:
    rng = random.Random(65)
    out = []
    for key, (en, en_pl, fr, fr_pl, fr_g, ar, ar_pl, ar_g) in THINGS.items():
        for akey in FITS[key].split():
            a = ADJS[akey]
            plural = rng.random() < 0.4
            tense = rng.choice(["pres", "pres", "past"])
            neg = rng.random() < 0.4
            fr_subj = ("les " + fr_pl) if plural else (("le " if fr_g == "m" else "la ") + fr)
            en_subj = "the " + (en_pl if plural else en)
            fem = plural or ar_g == "f"  # non-human plurals agree in the feminine singular
            ar_subj = "ال" + (ar_pl if plural else ar)
            adj_fr = fr_adj(a, fr_g, plural)
            if tense == "pres":
                be = "are" if plural else "is"
                en_s = f"{en_subj} {be}{' not' if neg else ''} {a[0]}."
                fr_be = "sont" if plural else "est"
                fr_s = f"{fr_subj} {'ne ' + fr_be + ' pas' if neg else fr_be} {adj_fr}."
                if neg:
                    if rng.random() < 0.5:
                        ar_s = f"{ar_subj} {'ليست' if fem else 'ليس'} {a[9] if fem else a[8]}."
                    else:
                        ar_s = f"{'ليست' if fem else 'ليس'} {ar_subj} {a[9] if fem else a[8]}."
                else:
                    ar_s = f"{ar_subj} {a[9] if fem else a[7]}."
            else:
                be = "were" if plural else "was"
                en_s = f"{en_subj} {be}{' not' if neg else ''} {a[0]}."
                fr_be = "étaient" if plural else "était"
                fr_s = f"{fr_subj} {'ne ' + fr_be + ' pas' if neg else fr_be} {adj_fr}."
                if neg:
                    ar_s = f"لم {'تكن' if fem else 'يكن'} {ar_subj} {a[9] if fem else a[8]}."
                else:
                    ar_s = f"{'كانت' if fem else 'كان'} {ar_subj} {a[9] if fem else a[8]}."
            out.append(mk(en_s, fr_s, ar_s))
    return out


CHERCHER = six(["cherche", "cherches", "cherche", "cherchons", "cherchez", "cherchent"])
BAHATHA = ["أبحث", "تبحث", "تبحثين", "يبحث", "تبحث", "نبحث", "تبحثون", "يبحثون"]


def t_adj_look() -> list[Triple]:
    rng = random.Random(66)
    out = []
    for key, (en, en_pl, fr, fr_pl, fr_g, ar, ar_pl, ar_g) in THINGS.items():
        for akey in FITS[key].split():
            if akey not in LOOK_FOR:
                continue
            a = ADJS[akey]
            p = rng.choice(persons(rng))
            plural = key not in ("city", "house", "flat", "garden", "kitchen") and rng.random() < 0.35
            be = EN_BE[p]
            if plural:
                en_np = f"{a[0]} {en_pl}"
                fr_n = fr_np("des", fr, fr_pl, fr_g, True, a)
                ar_np = f"{ar_pl} {a[9]}"
            else:
                en_np = en_a(f"{a[0]} {en}")
                fr_n = fr_np("un" if fr_g == "m" else "une", fr, fr_pl, fr_g, False, a)
                ar_np = f"{ar} {a[9] if ar_g == 'f' else a[7]}"
            out.append(
                mk(
                    f"{EN_SUBJ[p]} {be} looking for {en_np}.",
                    f"{SUBJECT_FR[p]} {CHERCHER[idx(p)]} {fr_n}.",
                    f"{BAHATHA[idx(p)]} عن {ar_np}.",
                )
            )
            if not plural:
                out.append(
                    mk(
                        f"This is {en_a(a[0] + ' ' + en)}.",
                        f"C'est {fr_np('un' if fr_g == 'm' else 'une', fr, fr_pl, fr_g, False, a)}.",
                        f"{'هذه' if ar_g == 'f' else 'هذا'} {ar} {a[9] if ar_g == 'f' else a[7]}.",
                    )
                )
    return out


HUMANS = [  # EN, EN pl, FR, FR pl, FR gender, AR def sg, AR def pl, AR gender
    ("child", "children", "enfant", "enfants", "m", "الطفل", "الأطفال", "m"),
    ("student", "students", "étudiant", "étudiants", "m", "الطالب", "الطلاب", "m"),
    ("girl", "girls", "fille", "filles", "f", "البنت", "البنات", "f"),
    ("neighbour", "neighbours", "voisin", "voisins", "m", "الجار", "الجيران", "m"),
    ("guest", "guests", "invité", "invités", "m", "الضيف", "الضيوف", "m"),
    ("woman", "women", "femme", "femmes", "f", "المرأة", "النساء", "f"),
    ("boy", "boys", "garçon", "garçons", "m", "الولد", "الأولاد", "m"),
]
HUMAN_ADJS = [  # EN, FR m, f, m pl, f pl, AR m, m acc, f, m pl nom, m pl acc, f pl
    ("tired", "fatigué", "fatiguée", "fatigués", "fatiguées", "متعب", "متعبًا", "متعبة", "متعبون", "متعبين", "متعبات"),
    ("happy", "heureux", "heureuse", "heureux", "heureuses", "سعيد", "سعيدًا", "سعيدة", "سعداء", "سعداء", "سعيدات"),
    ("busy", "occupé", "occupée", "occupés", "occupées", "مشغول", "مشغولًا", "مشغولة", "مشغولون", "مشغولين", "مشغولات"),
    ("ready", "prêt", "prête", "prêts", "prêtes", "مستعد", "مستعدًا", "مستعدة", "مستعدون", "مستعدين", "مستعدات"),
    (
        "late",
        "en retard",
        "en retard",
        "en retard",
        "en retard",
        "متأخر",
        "متأخرًا",
        "متأخرة",
        "متأخرون",
        "متأخرين",
        "متأخرات",
    ),
    ("ill", "malade", "malade", "malades", "malades", "مريض", "مريضًا", "مريضة", "مرضى", "مرضى", "مريضات"),
    ("polite", "poli", "polie", "polis", "polies", "مهذب", "مهذبًا", "مهذبة", "مهذبون", "مهذبين", "مهذبات"),
]


def t_adj_humans() -> list[Triple]:
    rng = random.Random(67)
    out = []
    for en, en_pl, fr, fr_pl, fr_g, ar, ar_pl, ar_g in HUMANS:
        for a in HUMAN_ADJS:
            for plural in (False, True):
                f = ar_g == "f"
                fr_subj = "les " + fr_pl if plural else ("le " if fr_g == "m" else "la ") + fr
                adj_fr = a[1 + (2 if plural else 0) + (1 if fr_g == "f" else 0)]
                en_subj = "the " + (en_pl if plural else en)
                kind = rng.randrange(4)
                if kind == 0:
                    adj_ar = (a[10] if f else a[8]) if plural else (a[7] if f else a[5])
                    out.append(
                        mk(
                            f"{en_subj} {'are' if plural else 'is'} {a[0]}.",
                            f"{fr_subj} {'sont' if plural else 'est'} {adj_fr}.",
                            f"{ar_pl if plural else ar} {adj_ar}.",
                        )
                    )
                elif kind == 1:
                    adj_ar = (a[10] if f else a[9]) if plural else (a[7] if f else a[6])
                    laysa = ("لسن" if f else "ليسوا") if plural else ("ليست" if f else "ليس")
                    out.append(
                        mk(
                            f"{en_subj} {'are' if plural else 'is'} not {a[0]}.",
                            f"{fr_subj} {'ne sont' if plural else 'ne est'} pas {adj_fr}.",
                            f"{ar_pl if plural else ar} {laysa} {adj_ar}.",
                        )
                    )
                elif kind == 2:
                    adj_ar = (a[10] if f else a[9]) if plural else (a[7] if f else a[6])
                    out.append(
                        mk(
                            f"{en_subj} {'were' if plural else 'was'} {a[0]}.",
                            f"{fr_subj} {'étaient' if plural else 'était'} {adj_fr}.",
                            f"{'كانت' if f else 'كان'} {ar_pl if plural else ar} {adj_ar}.",
                        )
                    )
                else:
                    this_fr = "ces" if plural else ("ce" if fr_g == "m" else "cette")
                    if not plural and fr_g == "m" and fr[0] in VOWELS:
                        this_fr = "cet"
                    dem = "هؤلاء" if plural else ("هذه" if f else "هذا")
                    adj_ar = (a[10] if f else a[8]) if plural else (a[7] if f else a[5])
                    out.append(
                        mk(
                            f"{'These' if plural else 'This'} {en_pl if plural else en} "
                            f"{'are' if plural else 'is'} very {a[0]}.",
                            f"{this_fr} {fr_pl if plural else fr} {'sont' if plural else 'est'} très {adj_fr}.",
                            f"{dem} {ar_pl if plural else ar} {adj_ar} جدًا.",
                        )
                    )
    return out


def t_adj_demo() -> list[Triple]:
    rng = random.Random(68)
    out = []
    for key, (en, en_pl, fr, fr_pl, fr_g, ar, ar_pl, ar_g) in THINGS.items():
        for akey in FITS[key].split():
            a = ADJS[akey]
            plural = rng.random() < 0.4
            fem = plural or ar_g == "f"
            if plural:
                this_fr = "ces"
            else:
                this_fr = "cette" if fr_g == "f" else ("cet" if fr[0] in VOWELS else "ce")
            adj_fr = fr_adj(a, fr_g, plural)
            if rng.random() < 0.75:
                out.append(
                    mk(
                        f"{'These' if plural else 'This'} {en_pl if plural else en} {'are' if plural else 'is'}"
                        f" very {a[0]}.",
                        f"{this_fr} {fr_pl if plural else fr} {'sont' if plural else 'est'} très {adj_fr}.",
                        f"{'هذه' if fem else 'هذا'} ال{ar_pl if plural else ar} {a[9] if fem else a[7]} جدًا.",
                    )
                )
            elif not plural and akey in (
                "beautiful",
                "big",
                "quiet",
                "comfortable",
                "modern",
                "interesting",
                "old",
                "small",
                "noisy",
                "expensive",
                "boring",
            ):
                quel = "Quelle" if fr_g == "f" else "Quel"
                np = fr_np(quel, fr, fr_pl, fr_g, False, a)
                ya = "يا لها من" if ar_g == "f" else "يا له من"
                out.append(
                    mk(f"What {en_a(a[0] + ' ' + en)}!", f"{np} !", f"{ya} {ar} {a[9] if ar_g == 'f' else a[7]}!")
                )
    return out


# ---------------------------------------------------------------------------------------------------------------
# Hobbies

HOBBIES = [  # EN gerund, FR infinitive, FR noun, AR masdar
    ("reading", "lire", "la lecture", "القراءة"),
    ("swimming", "nager", "la natation", "السباحة"),
    ("cooking", "cuisiner", "la cuisine", "الطبخ"),
    ("drawing", "dessiner", "le dessin", "الرسم"),
    ("travelling", "voyager", "les voyages", "السفر"),
    ("dancing", "danser", "la danse", "الرقص"),
    ("playing football", "jouer au football", "le football", "لعب كرة القدم"),
    ("playing chess", "jouer aux échecs", "les échecs", "لعب الشطرنج"),
    ("watching films", "regarder des films", "le cinéma", "مشاهدة الأفلام"),
    ("listening to music", "écouter de la musique", "la musique", "الاستماع إلى الموسيقى"),
    ("gardening", "jardiner", "le jardinage", "البستنة"),
    ("running", "courir", "la course à pied", "الجري"),
    ("singing", "chanter", "le chant", "الغناء"),
    ("taking photos", "prendre des photos", "la photographie", "التصوير"),
    ("hiking", "faire de la randonnée", "la randonnée", "المشي في الجبال"),
    ("learning languages", "apprendre des langues", "les langues", "تعلم اللغات"),
    ("cycling", "faire du vélo", "le vélo", "ركوب الدراجة"),
    ("playing the guitar", "jouer de la guitare", "la guitare", "العزف على الغيتار"),
    ("writing", "écrire", "l'écriture", "الكتابة"),
    ("fishing", "pêcher", "la pêche", "صيد السمك"),
    ("knitting", "tricoter", "le tricot", "الحياكة"),
]
AIMER = six(["aime", "aimes", "aime", "aimons", "aimez", "aiment"])
ADORER = six(["adore", "adores", "adore", "adorons", "adorez", "adorent"])
PREFERER = six(["préfère", "préfères", "préfère", "préférons", "préférez", "préfèrent"])
AHABBA = ["أحب", "تحب", "تحبين", "يحب", "تحب", "نحب", "تحبون", "يحبون"]


def t_likes() -> list[Triple]:
    rng = random.Random(71)
    out = []
    for en, fr_inf, _fr_n, ar in HOBBIES:
        for p in persons(rng):
            third = p in ("he", "she")
            i = idx(p)
            kind = rng.randrange(4)
            if kind == 0:
                out.append(
                    mk(
                        f"{EN_SUBJ[p]} {'likes' if third else 'like'} {en}.",
                        f"{SUBJECT_FR[p]} {AIMER[i]} {fr_inf}.",
                        f"{AHABBA[i]} {ar}.",
                    )
                )
            elif kind == 1:
                out.append(
                    mk(
                        f"{EN_SUBJ[p]} {'doesn' if third else 'don'}'t like {en}.",
                        f"{SUBJECT_FR[p]} ne {AIMER[i]} pas {fr_inf}.",
                        f"لا {AHABBA[i]} {ar}.",
                    )
                )
            elif kind == 2:
                out.append(
                    mk(
                        f"{EN_SUBJ[p]} {'loves' if third else 'love'} {en}.",
                        f"{SUBJECT_FR[p]} {ADORER[i]} {fr_inf}.",
                        f"{AHABBA[i]} {ar} كثيرًا.",
                    )
                )
            elif p not in ("i", "we"):
                out.append(
                    mk(
                        f"{'Does' if third else 'Do'} {EN_SUBJ[p]} like {en}?",
                        f"Est-ce que {SUBJECT_FR[p]} {AIMER[i]} {fr_inf} ?",
                        f"هل {AHABBA[i]} {ar}؟",
                    )
                )
    return out


def t_prefer() -> list[Triple]:
    rng = random.Random(72)
    out = []
    for a in HOBBIES:
        for b in rng.sample([h for h in HOBBIES if h is not a], 4):
            p = rng.choice(persons(rng))
            third = p in ("he", "she")
            i = idx(p)
            out.append(
                mk(
                    f"{EN_SUBJ[p]} {'prefers' if third else 'prefer'} {a[0]} to {b[0]}.",
                    f"{SUBJECT_FR[p]} {PREFERER[i]} {a[1]} plutôt que {b[1]}.",
                    f"{FADDALA[i]} {a[3]} على {b[3]}.",
                )
            )
    return out


def t_fav_hobby() -> list[Triple]:
    rng = random.Random(73)
    out = []
    for en, _fr_inf, fr_n, ar in HOBBIES:
        for p in ("i", pick_you(rng, plural=False), "he", "she"):
            poss = FR_POSS_M[p]
            out.append(
                mk(
                    f"{EN_POSS[p]} favourite hobby is {en}.",
                    f"{poss} passe-temps préféré, c'est {fr_n}.",
                    f"{ar_attach('هواية', p)} المفضلة هي {ar}.",
                )
            )
        name, ar_name, _g = rng.choice(NAMES)
        out.append(
            mk(
                f"{name}'s favourite hobby is {en}.",
                f"Le passe-temps préféré de {name}, c'est {fr_n}.",
                f"هواية {ar_name} المفضلة هي {ar}.",
            )
        )
    return out


CHILD_FORMS = {  # EN "When X was a child", FR "Quand X était enfant", AR "عندما كان ... كان"
    "i": ("When I was a child, I liked", "Quand j'étais enfant, j'aimais", "عندما كنت طفلًا، كنت أحب"),
    "you_m": ("When you were a child, you liked", "Quand tu étais enfant, tu aimais", "عندما كنت طفلًا، كنت تحب"),
    "he": ("When he was a child, he liked", "Quand il était enfant, il aimait", "عندما كان طفلًا، كان يحب"),
    "she": ("When she was a child, she liked", "Quand elle était enfant, elle aimait", "عندما كانت طفلة، كانت تحب"),
    "we": ("When we were children, we liked", "Quand nous étions enfants, nous aimions", "عندما كنا أطفالًا، كنا نحب"),
    "they": (
        "When they were children, they liked",
        "Quand ils étaient enfants, ils aimaient",
        "عندما كانوا أطفالًا، كانوا يحبون",
    ),
}


def t_childhood() -> list[Triple]:
    rng = random.Random(74)
    out = []
    for en, fr_inf, _fr_n, ar in HOBBIES:
        for p in rng.sample(list(CHILD_FORMS), 3):
            e, f, a = CHILD_FORMS[p]
            out.append(mk(f"{e} {en}.", f"{f} {fr_inf}.", f"{a} {ar}."))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Hand-written sentences

HANDWRITTEN: list[tuple[str, str, str]] = [
    # greetings and small talk
    ("Hello!", "Bonjour !", "مرحبًا!"),
    ("Hi, how are you?", "Salut, ça va ?", "أهلًا، كيف حالك؟"),
    ("I'm fine, thank you. And you?", "Je vais bien, merci. Et toi ?", "أنا بخير، شكرًا. وأنت؟"),
    ("Not bad, thanks.", "Pas mal, merci.", "لا بأس، شكرًا."),
    ("Very well, thank you very much.", "Très bien, merci beaucoup.", "بخير جدًا، شكرًا جزيلًا."),
    ("What is your name?", "Comment tu t'appelles ?", "ما هو اسمك؟"),
    ("My name is Karim.", "Je m'appelle Karim.", "اسمي كريم."),
    (
        "Her name is Leila and she is my neighbour.",
        "Elle s'appelle Leila et c'est ma voisine.",
        "اسمها ليلى وهي جارتي.",
    ),
    ("Where are you from?", "D'où viens-tu ?", "من أين أنت؟"),
    ("I am from Morocco, and you?", "Je viens du Maroc, et toi ?", "أنا من المغرب، وأنت؟"),
    ("We are from Lebanon.", "Nous venons du Liban.", "نحن من لبنان."),
    ("Pleased to meet you.", "Ravi de vous rencontrer.", "تشرفت بمعرفتك."),
    ("The pleasure is mine.", "Tout le plaisir est pour moi.", "بل الشرف لي."),
    ("Welcome to our home!", "Bienvenue chez nous !", "أهلًا وسهلًا في بيتنا!"),
    (
        "Come in, please, make yourself at home.",
        "Entrez, je vous en prie, faites comme chez vous.",
        "تفضل بالدخول، البيت بيتك.",
    ),
    ("Long time no see!", "Ça fait longtemps !", "لم أرك منذ زمن طويل!"),
    ("How is your family?", "Comment va ta famille ?", "كيف حال عائلتك؟"),
    ("Everyone is well, thank God.", "Tout le monde va bien, Dieu merci.", "الجميع بخير، الحمد لله."),
    ("Say hello to your parents for me.", "Dis bonjour à tes parents de ma part.", "سلم لي على والديك."),
    ("See you later!", "À plus tard !", "أراك لاحقًا!"),
    ("See you soon!", "À bientôt !", "إلى اللقاء قريبًا!"),
    ("Goodbye and take care.", "Au revoir et prends soin de toi.", "مع السلامة واعتن بنفسك."),
    ("Have a good evening!", "Bonne soirée !", "أتمنى لك أمسية سعيدة!"),
    ("Sleep well.", "Dors bien.", "نم جيدًا."),
    ("Good afternoon, madam.", "Bon après-midi, madame.", "طاب يومكِ يا سيدتي."),
    (
        "Good morning, sir, can I help you?",
        "Bonjour, monsieur, je peux vous aider ?",
        "صباح الخير يا سيدي، هل يمكنني مساعدتك؟",
    ),
    ("Happy holidays to all of you!", "Bonnes fêtes à vous tous !", "أعياد سعيدة لكم جميعًا!"),
    ("Eid Mubarak!", "Bonne fête de l'Aïd !", "عيد مبارك!"),
    ("Enjoy your meal!", "Bon appétit !", "بالهناء والشفاء!"),
    ("Cheers!", "Santé !", "في صحتك!"),
    ("Bless you!", "À tes souhaits !", "يرحمك الله!"),
    ("Good luck!", "Bonne chance !", "حظًا سعيدًا!"),
    ("Well done, that is excellent work!", "Bravo, c'est un excellent travail !", "أحسنت، هذا عمل ممتاز!"),
    ("Don't worry, it's not serious.", "Ne t'inquiète pas, ce n'est pas grave.", "لا تقلق، الأمر ليس خطيرًا."),
    ("No problem.", "Pas de problème.", "لا مشكلة."),
    ("Of course, with pleasure.", "Bien sûr, avec plaisir.", "طبعًا، بكل سرور."),
    ("You're welcome.", "De rien.", "عفوًا."),
    ("It was nothing.", "Ce n'était rien.", "لم يكن ذلك شيئًا."),
    ("Excuse me, where is the station?", "Excusez-moi, où est la gare ?", "عفوًا، أين المحطة؟"),
    ("Excuse me, is this seat free?", "Excusez-moi, cette place est libre ?", "عذرًا، هل هذا المقعد فارغ؟"),
    ("Sorry, I didn't understand.", "Pardon, je n'ai pas compris.", "عذرًا، لم أفهم."),
    ("Sorry, could you say that again?", "Pardon, vous pouvez répéter ?", "عذرًا، هل يمكنك أن تعيد ما قلت؟"),
    ("I'm really sorry, it's my fault.", "Je suis vraiment désolé, c'est ma faute.", "أنا آسف حقًا، هذا خطئي."),
    ("I apologise for the delay.", "Je m'excuse pour le retard.", "أعتذر عن التأخير."),
    ("She apologised to her friend.", "Elle s'est excusée auprès de son amie.", "اعتذرت لصديقتها."),
    ("Never mind.", "Ce n'est pas grave.", "لا عليك."),
    ("Thank you so much, you are very kind.", "Merci infiniment, tu es très gentil.", "شكرًا جزيلًا، أنت لطيف جدًا."),
    ("Thank you, Nadia, you are very kind.", "Merci, Nadia, tu es très gentille.", "شكرًا يا نادية، أنتِ لطيفة جدًا."),
    ("Thanks a lot for everything.", "Merci beaucoup pour tout.", "شكرًا كثيرًا على كل شيء."),
    ("I don't know how to thank you.", "Je ne sais pas comment te remercier.", "لا أعرف كيف أشكرك."),
    ("Yes, please.", "Oui, s'il vous plaît.", "نعم، من فضلك."),
    ("No, thank you.", "Non, merci.", "لا، شكرًا."),
    ("Maybe later.", "Peut-être plus tard.", "ربما لاحقًا."),
    ("I agree with you.", "Je suis d'accord avec toi.", "أنا متفق معك."),
    ("I don't agree at all.", "Je ne suis pas du tout d'accord.", "لست موافقًا أبدًا."),
    ("That's a good idea!", "C'est une bonne idée !", "هذه فكرة جيدة!"),
    ("What a pity!", "Quel dommage !", "يا للأسف!"),
    ("What a nice surprise!", "Quelle bonne surprise !", "يا لها من مفاجأة جميلة!"),
    # invitations and answers
    ("Are you free this evening?", "Tu es libre ce soir ?", "هل أنت متفرغ هذا المساء؟"),
    (
        "Would you like to have dinner with us on Saturday?",
        "Veux-tu dîner avec nous samedi ?",
        "هل تريد أن تتناول العشاء معنا يوم السبت؟",
    ),
    (
        "I'd love to, thank you for the invitation.",
        "Avec plaisir, merci pour l'invitation.",
        "بكل سرور، شكرًا على الدعوة.",
    ),
    (
        "I'm sorry, I can't, I have to work.",
        "Je suis désolé, je ne peux pas, je dois travailler.",
        "أنا آسف، لا أستطيع، يجب أن أعمل.",
    ),
    ("Unfortunately, I am busy tomorrow.", "Malheureusement, je suis occupé demain.", "للأسف، أنا مشغول غدًا."),
    ("Maybe another time.", "Peut-être une autre fois.", "ربما في مرة أخرى."),
    ("Shall we go for a walk?", "On va se promener ?", "هل نتمشى قليلًا؟"),
    ("Let's have a coffee together.", "Prenons un café ensemble.", "لنشرب القهوة معًا."),
    ("Come and see us whenever you want.", "Viens nous voir quand tu veux.", "تعال لزيارتنا متى شئت."),
    (
        "We are having a party on Friday. Are you coming?",
        "Nous faisons une fête vendredi. Tu viens ?",
        "سنقيم حفلة يوم الجمعة. هل ستأتي؟",
    ),
    ("Of course I'm coming, what time?", "Bien sûr que je viens, à quelle heure ?", "طبعًا سآتي، في أي ساعة؟"),
    ("Can I bring a friend?", "Je peux amener un ami ?", "هل يمكنني أن أحضر صديقًا؟"),
    ("Let me help you.", "Laisse-moi t'aider.", "دعني أساعدك."),
    ("Shall I open the window?", "Tu veux que j'ouvre la fenêtre ?", "هل أفتح النافذة؟"),
    ("Do you need anything?", "Tu as besoin de quelque chose ?", "هل تحتاج إلى شيء؟"),
    ("Help yourself!", "Sers-toi !", "تفضل!"),
    ("After you.", "Après vous.", "تفضل أنت أولًا."),
    ("Please don't smoke here.", "Merci de ne pas fumer ici.", "من فضلك، لا تدخن هنا."),
    ("Please don't be late.", "S'il te plaît, ne sois pas en retard.", "من فضلك، لا تتأخر."),
    ("Don't touch that, please!", "Ne touche pas à ça, s'il te plaît !", "لا تلمس ذلك من فضلك!"),
    (
        "Children, don't make noise, the baby is sleeping.",
        "Les enfants, ne faites pas de bruit, le bébé dort.",
        "يا أولاد، لا تحدثوا ضجة، الرضيع نائم.",
    ),
    ("Be careful, the floor is wet.", "Attention, le sol est mouillé.", "انتبه، الأرض مبللة."),
    ("Hurry up, we are late!", "Dépêche-toi, nous sommes en retard !", "أسرع، لقد تأخرنا!"),
    ("Take your time.", "Prends ton temps.", "خذ وقتك."),
    ("Wait for me here.", "Attends-moi ici.", "انتظرني هنا."),
    (
        "Could I speak to Mr Haddad, please?",
        "Pourrais-je parler à monsieur Haddad, s'il vous plaît ?",
        "هل يمكنني أن أتحدث مع السيد حداد من فضلك؟",
    ),
    (
        "One moment, please, I'll put you through.",
        "Un instant, s'il vous plaît, je vous le passe.",
        "لحظة من فضلك، سأحولك إليه.",
    ),
    ("Can you call me back later?", "Tu peux me rappeler plus tard ?", "هل يمكنك أن تتصل بي لاحقًا؟"),
    ("I'll call you back in ten minutes.", "Je te rappelle dans dix minutes.", "سأتصل بك بعد عشر دقائق."),
    # time and dates
    ("What time is it, please?", "Quelle heure est-il, s'il vous plaît ?", "كم الساعة من فضلك؟"),
    ("It's midday.", "Il est midi.", "الساعة الثانية عشرة ظهرًا."),
    (
        "It's midnight and I'm still awake.",
        "Il est minuit et je suis encore réveillé.",
        "إنه منتصف الليل وما زلت مستيقظًا.",
    ),
    ("My watch is five minutes fast.", "Ma montre avance de cinq minutes.", "ساعتي متقدمة خمس دقائق."),
    ("The clock in the kitchen is slow.", "L'horloge de la cuisine retarde.", "ساعة المطبخ متأخرة."),
    ("We have plenty of time.", "Nous avons largement le temps.", "لدينا وقت كاف."),
    ("We don't have much time left.", "Il ne nous reste pas beaucoup de temps.", "لم يبق لدينا وقت كثير."),
    (
        "I'm in a hurry, I have a meeting at ten.",
        "Je suis pressé, j'ai une réunion à dix heures.",
        "أنا مستعجل، عندي اجتماع في الساعة العاشرة.",
    ),
    ("You are right on time.", "Tu es pile à l'heure.", "لقد وصلت في الوقت المحدد تمامًا."),
    (
        "The bus is always late in the morning.",
        "Le bus est toujours en retard le matin.",
        "الحافلة متأخرة دائمًا في الصباح.",
    ),
    ("What day is it today?", "Quel jour sommes-nous aujourd'hui ?", "أي يوم هو اليوم؟"),
    ("What is the date today?", "Quelle est la date d'aujourd'hui ?", "ما تاريخ اليوم؟"),
    ("Today is the first of June.", "Aujourd'hui, c'est le premier juin.", "اليوم هو الأول من يونيو."),
    ("When is your birthday?", "C'est quand, ton anniversaire ?", "متى عيد ميلادك؟"),
    ("My birthday is next week.", "Mon anniversaire est la semaine prochaine.", "عيد ميلادي في الأسبوع القادم."),
    ("There are seven days in a week.", "Il y a sept jours dans une semaine.", "في الأسبوع سبعة أيام."),
    ("There are twelve months in a year.", "Il y a douze mois dans une année.", "في السنة اثنا عشر شهرًا."),
    ("An hour has sixty minutes.", "Une heure compte soixante minutes.", "في الساعة ستون دقيقة."),
    (
        "The weekend starts on Friday evening.",
        "Le week-end commence le vendredi soir.",
        "تبدأ عطلة نهاية الأسبوع مساء الجمعة.",
    ),
    (
        "The school year starts in September.",
        "L'année scolaire commence en septembre.",
        "تبدأ السنة الدراسية في شهر سبتمبر.",
    ),
    (
        "We celebrate the new year on the first of January.",
        "Nous fêtons le nouvel an le premier janvier.",
        "نحتفل برأس السنة في الأول من يناير.",
    ),
    ("I was born in the spring.", "Je suis né au printemps.", "ولدت في فصل الربيع."),
    (
        "My grandmother was born a long time ago, in 1940.",
        "Ma grand-mère est née il y a longtemps, en 1940.",
        "ولدت جدتي منذ زمن طويل، في عام 1940.",
    ),
    ("In the evening, the streets are quiet.", "Le soir, les rues sont calmes.", "في المساء تكون الشوارع هادئة."),
    ("The days are longer in summer.", "Les jours sont plus longs en été.", "الأيام أطول في الصيف."),
    ("Winter nights are long and cold.", "Les nuits d'hiver sont longues et froides.", "ليالي الشتاء طويلة وباردة."),
    ("I have been waiting for you for an hour!", "Je t'attends depuis une heure !", "أنتظرك منذ ساعة!"),
    ("How long have you lived here?", "Depuis combien de temps habites-tu ici ?", "منذ متى تسكن هنا؟"),
    ("How long does the trip take?", "Combien de temps dure le trajet ?", "كم من الوقت تستغرق الرحلة؟"),
    (
        "It takes about twenty minutes on foot.",
        "Il faut environ vingt minutes à pied.",
        "يستغرق الأمر حوالي عشرين دقيقة مشيًا.",
    ),
    ("The film lasts an hour and a half.", "Le film dure une heure et demie.", "يستمر الفيلم ساعة ونصفًا."),
    ("See you in a week!", "À dans une semaine !", "أراك بعد أسبوع!"),
    ("I'll be back in five minutes.", "Je reviens dans cinq minutes.", "سأعود بعد خمس دقائق."),
    ("We met ten years ago.", "Nous nous sommes rencontrés il y a dix ans.", "تعارفنا قبل عشر سنوات."),
    (
        "Last year, we went to Tunisia.",
        "L'année dernière, nous sommes allés en Tunisie.",
        "في العام الماضي ذهبنا إلى تونس.",
    ),
    (
        "Next year, I will learn to drive.",
        "L'année prochaine, j'apprendrai à conduire.",
        "في العام القادم سأتعلم القيادة.",
    ),
    ("The day after tomorrow is a holiday.", "Après-demain, c'est un jour férié.", "بعد غد يوم عطلة."),
    (
        "The day before yesterday, it rained all day.",
        "Avant-hier, il a plu toute la journée.",
        "أول أمس أمطرت السماء طوال اليوم.",
    ),
    (
        "From time to time, I go to the cinema alone.",
        "De temps en temps, je vais au cinéma seul.",
        "من حين لآخر أذهب إلى السينما وحدي.",
    ),
    (
        "I never drink coffee after six o'clock.",
        "Je ne bois jamais de café après six heures.",
        "لا أشرب القهوة أبدًا بعد الساعة السادسة.",
    ),
    ("She always gets up before her husband.", "Elle se lève toujours avant son mari.", "هي تنهض دائمًا قبل زوجها."),
    (
        "We sometimes eat at the restaurant on Fridays.",
        "Nous mangeons parfois au restaurant le vendredi.",
        "نأكل أحيانًا في المطعم أيام الجمعة.",
    ),
    ("He rarely watches television.", "Il regarde rarement la télévision.", "نادرًا ما يشاهد التلفاز."),
    (
        "How often do you go to the gym?",
        "À quelle fréquence vas-tu à la salle de sport ?",
        "كم مرة تذهب إلى النادي الرياضي؟",
    ),
    ("Three times a week, in the evening.", "Trois fois par semaine, le soir.", "ثلاث مرات في الأسبوع، في المساء."),
    # numbers, counting, prices
    ("How much is it?", "C'est combien ?", "بكم هذا؟"),
    ("How much do I owe you?", "Combien je vous dois ?", "كم علي أن أدفع لك؟"),
    ("That makes twelve euros, please.", "Ça fait douze euros, s'il vous plaît.", "المجموع اثنا عشر يورو من فضلك."),
    ("Can I pay by card?", "Je peux payer par carte ?", "هل يمكنني أن أدفع بالبطاقة؟"),
    ("Sorry, we only accept cash.", "Désolé, nous acceptons seulement les espèces.", "آسف، نقبل الدفع نقدًا فقط."),
    ("Keep the change.", "Gardez la monnaie.", "احتفظ بالباقي."),
    ("It's too expensive for me.", "C'est trop cher pour moi.", "هذا غال جدًا بالنسبة إلي."),
    ("Do you have something cheaper?", "Vous avez quelque chose de moins cher ?", "هل عندكم شيء أرخص؟"),
    ("The second shirt is half price.", "La deuxième chemise est à moitié prix.", "القميص الثاني بنصف الثمن."),
    (
        "I'd like two kilos of tomatoes, please.",
        "Je voudrais deux kilos de tomates, s'il vous plaît.",
        "أريد كيلوغرامين من الطماطم من فضلك.",
    ),
    (
        "Give me a dozen eggs, please.",
        "Donnez-moi une douzaine d'œufs, s'il vous plaît.",
        "أعطني دزينة من البيض من فضلك.",
    ),
    ("We need three more chairs.", "Il nous faut encore trois chaises.", "نحتاج إلى ثلاثة كراسي أخرى."),
    ("There are thirty students in my class.", "Il y a trente élèves dans ma classe.", "في فصلي ثلاثون طالبًا."),
    ("We are five in my family.", "Nous sommes cinq dans ma famille.", "نحن خمسة في عائلتي."),
    ("I have two brothers and one sister.", "J'ai deux frères et une sœur.", "عندي أخوان وأخت واحدة."),
    ("She has no brothers or sisters.", "Elle n'a ni frère ni sœur.", "ليس لها إخوة ولا أخوات."),
    ("Our building has six floors.", "Notre immeuble a six étages.", "في عمارتنا ستة طوابق."),
    ("I live on the third floor.", "J'habite au troisième étage.", "أسكن في الطابق الثالث."),
    ("Take the second street on the left.", "Prenez la deuxième rue à gauche.", "خذ الشارع الثاني على اليسار."),
    ("This is my first visit to Cairo.", "C'est ma première visite au Caire.", "هذه زيارتي الأولى للقاهرة."),
    (
        "It's the third time I've called you today.",
        "C'est la troisième fois que je t'appelle aujourd'hui.",
        "هذه المرة الثالثة التي أتصل بك فيها اليوم.",
    ),
    ("Count from one to ten.", "Compte de un à dix.", "عد من واحد إلى عشرة."),
    ("Half of twenty is ten.", "La moitié de vingt, c'est dix.", "نصف العشرين عشرة."),
    (
        "A quarter of an hour is fifteen minutes.",
        "Un quart d'heure, c'est quinze minutes.",
        "ربع الساعة خمس عشرة دقيقة.",
    ),
    ("My phone number has ten digits.", "Mon numéro de téléphone a dix chiffres.", "رقم هاتفي من عشرة أرقام."),
    ("What is your phone number?", "Quel est ton numéro de téléphone ?", "ما رقم هاتفك؟"),
    (
        "Can you give me your email address?",
        "Tu peux me donner ton adresse e-mail ?",
        "هل يمكنك أن تعطيني عنوان بريدك الإلكتروني؟",
    ),
    ("I live at number 24, Peace Street.", "J'habite au numéro 24, rue de la Paix.", "أسكن في رقم 24، شارع السلام."),
    ("The room number is 315.", "Le numéro de la chambre est le 315.", "رقم الغرفة هو 315."),
    ("The flat costs 800 euros a month.", "L'appartement coûte 800 euros par mois.", "إيجار الشقة 800 يورو في الشهر."),
    (
        "Prices have gone up a lot this year.",
        "Les prix ont beaucoup augmenté cette année.",
        "ارتفعت الأسعار كثيرًا هذا العام.",
    ),
    (
        "I saved a little money every month.",
        "J'ai économisé un peu d'argent chaque mois.",
        "ادخرت قليلًا من المال كل شهر.",
    ),
    ("How many people are coming tonight?", "Combien de personnes viennent ce soir ?", "كم شخصًا سيأتي الليلة؟"),
    ("About fifteen, I think.", "Une quinzaine, je crois.", "حوالي خمسة عشر شخصًا، على ما أظن."),
    (
        "Only two friends came to the party.",
        "Seulement deux amis sont venus à la fête.",
        "لم يأت إلى الحفلة إلا صديقان.",
    ),
    ("Both of my sisters live in Lyon.", "Mes deux sœurs habitent à Lyon.", "أختاي كلتاهما تسكنان في ليون."),
    (
        "The two children are playing in the garden.",
        "Les deux enfants jouent dans le jardin.",
        "الطفلان يلعبان في الحديقة.",
    ),
    ("I read two books during the holidays.", "J'ai lu deux livres pendant les vacances.", "قرأت كتابين في العطلة."),
    (
        "We slept in two rooms next to each other.",
        "Nous avons dormi dans deux chambres voisines.",
        "نمنا في غرفتين متجاورتين.",
    ),
    # general questions
    ("What are you doing?", "Qu'est-ce que tu fais ?", "ماذا تفعل؟"),
    ("What are you doing this evening?", "Qu'est-ce que tu fais ce soir ?", "ماذا ستفعل هذا المساء؟"),
    ("What did you eat for lunch?", "Qu'est-ce que tu as mangé à midi ?", "ماذا أكلت على الغداء؟"),
    ("What does this word mean?", "Que veut dire ce mot ?", "ماذا تعني هذه الكلمة؟"),
    ("What is the matter?", "Qu'est-ce qui se passe ?", "ما الأمر؟"),
    ("What happened yesterday?", "Qu'est-ce qui s'est passé hier ?", "ماذا حدث أمس؟"),
    ("Where do you live?", "Où habites-tu ?", "أين تسكن؟"),
    ("Where do your parents live?", "Où habitent tes parents ?", "أين يسكن والداك؟"),
    ("Where are you going so early?", "Où vas-tu si tôt ?", "إلى أين أنت ذاهب في هذا الوقت المبكر؟"),
    ("Where did you buy this bag?", "Où as-tu acheté ce sac ?", "من أين اشتريت هذه الحقيبة؟"),
    ("Where can I find a pharmacy?", "Où est-ce que je peux trouver une pharmacie ?", "أين يمكنني أن أجد صيدلية؟"),
    ("When are you coming back?", "Quand reviens-tu ?", "متى ستعود؟"),
    ("When did you arrive in Paris?", "Quand es-tu arrivé à Paris ?", "متى وصلت إلى باريس؟"),
    ("When does the holiday start?", "Quand commencent les vacances ?", "متى تبدأ العطلة؟"),
    ("Why are you laughing?", "Pourquoi tu ris ?", "لماذا تضحك؟"),
    ("Why is the shop closed today?", "Pourquoi le magasin est-il fermé aujourd'hui ?", "لماذا المتجر مغلق اليوم؟"),
    ("Why didn't you come to the party?", "Pourquoi tu n'es pas venu à la fête ?", "لماذا لم تأت إلى الحفلة؟"),
    ("Because I was ill.", "Parce que j'étais malade.", "لأنني كنت مريضًا."),
    ("How do you say 'thank you' in Arabic?", "Comment dit-on « merci » en arabe ?", "كيف نقول «شكرًا» بالعربية؟"),
    ("How was your weekend?", "Comment s'est passé ton week-end ?", "كيف كانت عطلة نهاية أسبوعك؟"),
    ("It was great, thanks!", "C'était génial, merci !", "كانت رائعة، شكرًا!"),
    ("How do you spell your name?", "Comment s'écrit ton nom ?", "كيف يكتب اسمك؟"),
    ("How far is the station from here?", "La gare est à quelle distance d'ici ?", "كم تبعد المحطة عن هنا؟"),
    ("How many languages do you speak?", "Combien de langues parles-tu ?", "كم لغة تتكلم؟"),
    (
        "I speak three languages: Arabic, French and English.",
        "Je parle trois langues : l'arabe, le français et l'anglais.",
        "أتكلم ثلاث لغات: العربية والفرنسية والإنجليزية.",
    ),
    ("How many times have you been to Beirut?", "Combien de fois es-tu allé à Beyrouth ?", "كم مرة ذهبت إلى بيروت؟"),
    ("Who is that man?", "Qui est cet homme ?", "من ذلك الرجل؟"),
    ("Who is calling, please?", "Qui est à l'appareil, s'il vous plaît ?", "من المتصل من فضلك؟"),
    ("Who wants to come with me?", "Qui veut venir avec moi ?", "من يريد أن يأتي معي؟"),
    ("Who did you see at the market?", "Qui as-tu vu au marché ?", "من رأيت في السوق؟"),
    ("Whose bag is this?", "À qui est ce sac ?", "لمن هذه الحقيبة؟"),
    ("Which bus goes to the city centre?", "Quel bus va au centre-ville ?", "أي حافلة تذهب إلى وسط المدينة؟"),
    (
        "Which one do you want, the red one or the blue one?",
        "Lequel veux-tu, le rouge ou le bleu ?",
        "أيهما تريد، الأحمر أم الأزرق؟",
    ),
    (
        "Is this your first time in Tunis?",
        "C'est la première fois que tu viens à Tunis ?",
        "هل هذه أول مرة تأتي فيها إلى تونس؟",
    ),
    ("Do you have any children?", "Vous avez des enfants ?", "هل عندكم أطفال؟"),
    ("Is there a bakery near here?", "Est-ce qu'il y a une boulangerie près d'ici ?", "هل يوجد مخبز قريب من هنا؟"),
    ("Can you speak French?", "Tu sais parler français ?", "هل تعرف أن تتكلم الفرنسية؟"),
    ("Have you ever been to Morocco?", "Es-tu déjà allé au Maroc ?", "هل سبق أن ذهبت إلى المغرب؟"),
    ("Are you tired?", "Tu es fatigué ?", "هل أنت متعب؟"),
    ("Are you ready, girls?", "Vous êtes prêtes, les filles ?", "هل أنتن مستعدات يا بنات؟"),
    ("Are you hungry, children?", "Vous avez faim, les enfants ?", "هل أنتم جائعون يا أولاد؟"),
    # daily routine, narrative
    (
        "I usually wake up at half past six.",
        "D'habitude, je me réveille à six heures et demie.",
        "في العادة أستيقظ في الساعة السادسة والنصف.",
    ),
    (
        "First I take a shower, then I have breakfast.",
        "D'abord je prends une douche, ensuite je prends le petit-déjeuner.",
        "أولًا أستحم، ثم أتناول الفطور.",
    ),
    (
        "I drink a coffee and read the news on my phone.",
        "Je bois un café et je lis les nouvelles sur mon téléphone.",
        "أشرب فنجان قهوة وأقرأ الأخبار على هاتفي.",
    ),
    (
        "I leave the house at half past seven.",
        "Je quitte la maison à sept heures et demie.",
        "أخرج من البيت في الساعة السابعة والنصف.",
    ),
    (
        "My husband takes the children to school.",
        "Mon mari emmène les enfants à l'école.",
        "زوجي يوصل الأطفال إلى المدرسة.",
    ),
    (
        "I work from nine to five.",
        "Je travaille de neuf heures à dix-sept heures.",
        "أعمل من الساعة التاسعة حتى الساعة الخامسة.",
    ),
    (
        "At noon, I eat a sandwich with my colleagues.",
        "À midi, je mange un sandwich avec mes collègues.",
        "في الظهر آكل شطيرة مع زملائي.",
    ),
    (
        "In the afternoon, I often feel tired.",
        "L'après-midi, je me sens souvent fatigué.",
        "بعد الظهر أشعر بالتعب غالبًا.",
    ),
    ("When I get home, I change my clothes.", "Quand je rentre, je me change.", "عندما أعود إلى البيت أغير ملابسي."),
    (
        "Then I help the children with their homework.",
        "Ensuite, j'aide les enfants à faire leurs devoirs.",
        "ثم أساعد الأطفال في واجباتهم.",
    ),
    (
        "We have dinner together at eight.",
        "Nous dînons ensemble à huit heures.",
        "نتناول العشاء معًا في الساعة الثامنة.",
    ),
    ("After dinner, we watch a series.", "Après le dîner, nous regardons une série.", "بعد العشاء نشاهد مسلسلًا."),
    (
        "Before going to bed, I read a few pages.",
        "Avant de me coucher, je lis quelques pages.",
        "قبل أن أنام أقرأ بضع صفحات.",
    ),
    ("I turn off the light at eleven.", "J'éteins la lumière à onze heures.", "أطفئ الضوء في الساعة الحادية عشرة."),
    (
        "On Sundays, I sleep until ten.",
        "Le dimanche, je dors jusqu'à dix heures.",
        "أيام الأحد أنام حتى الساعة العاشرة.",
    ),
    ("Yesterday, I didn't hear my alarm clock.", "Hier, je n'ai pas entendu mon réveil.", "أمس لم أسمع المنبه."),
    (
        "So I missed the bus and arrived late.",
        "Alors j'ai raté le bus et je suis arrivé en retard.",
        "لذلك فاتتني الحافلة ووصلت متأخرًا.",
    ),
    ("My boss wasn't happy.", "Mon chef n'était pas content.", "لم يكن مديري راضيًا."),
    ("Tomorrow I will set two alarms.", "Demain, je mettrai deux réveils.", "غدًا سأضبط منبهين."),
    (
        "This morning, she left without breakfast.",
        "Ce matin, elle est partie sans prendre de petit-déjeuner.",
        "هذا الصباح خرجت دون أن تتناول الفطور.",
    ),
    (
        "He shaves every morning before work.",
        "Il se rase tous les matins avant le travail.",
        "يحلق ذقنه كل صباح قبل العمل.",
    ),
    (
        "She brushes her hair in front of the mirror.",
        "Elle se brosse les cheveux devant le miroir.",
        "تمشط شعرها أمام المرآة.",
    ),
    (
        "The children wash their hands before eating.",
        "Les enfants se lavent les mains avant de manger.",
        "يغسل الأطفال أيديهم قبل الأكل.",
    ),
    ("Wash your hands, dinner is ready!", "Lave-toi les mains, le dîner est prêt !", "اغسل يديك، العشاء جاهز!"),
    (
        "Our neighbours walk their dog every evening.",
        "Nos voisins promènent leur chien tous les soirs.",
        "جيراننا يخرجون كلبهم للتنزه كل مساء.",
    ),
    ("I water the plants once a week.", "J'arrose les plantes une fois par semaine.", "أسقي النباتات مرة في الأسبوع."),
    ("We do the shopping on Saturday morning.", "Nous faisons les courses le samedi matin.", "نتسوق صباح يوم السبت."),
    (
        "My father reads the newspaper in the garden.",
        "Mon père lit le journal dans le jardin.",
        "أبي يقرأ الجريدة في الحديقة.",
    ),
    (
        "My mother listens to the radio while she cooks.",
        "Ma mère écoute la radio pendant qu'elle cuisine.",
        "أمي تستمع إلى الراديو وهي تطبخ.",
    ),
    (
        "I don't like getting up early in winter.",
        "Je n'aime pas me lever tôt en hiver.",
        "لا أحب أن أنهض مبكرًا في الشتاء.",
    ),
    ("He never misses his morning run.", "Il ne rate jamais son jogging du matin.", "لا يفوت الجري الصباحي أبدًا."),
    ("We go to the mountains every summer.", "Nous allons à la montagne chaque été.", "نذهب إلى الجبال كل صيف."),
    (
        "Last night, we went to bed very late.",
        "Hier soir, nous nous sommes couchés très tard.",
        "نمنا في وقت متأخر جدًا الليلة الماضية.",
    ),
    ("I'm going to take a nap.", "Je vais faire une sieste.", "سآخذ قيلولة."),
    ("She spends hours on her phone.", "Elle passe des heures sur son téléphone.", "تقضي ساعات على هاتفها."),
    (
        "I didn't have time to have lunch today.",
        "Je n'ai pas eu le temps de déjeuner aujourd'hui.",
        "لم يكن عندي وقت لتناول الغداء اليوم.",
    ),
    (
        "We will not go out tonight, we are too tired.",
        "Nous ne sortirons pas ce soir, nous sommes trop fatigués.",
        "لن نخرج الليلة، نحن متعبون جدًا.",
    ),
    (
        "Will you be at home tomorrow afternoon?",
        "Tu seras à la maison demain après-midi ?",
        "هل ستكون في البيت بعد ظهر الغد؟",
    ),
    ("I'll be there at around six.", "Je serai là vers six heures.", "سأكون هناك حوالي الساعة السادسة."),
    ("They are going to move next month.", "Ils vont déménager le mois prochain.", "سينتقلون في الشهر القادم."),
    (
        "We have lived in this neighbourhood for twenty years.",
        "Nous habitons dans ce quartier depuis vingt ans.",
        "نسكن في هذا الحي منذ عشرين عامًا.",
    ),
    (
        "My grandparents live in a small village.",
        "Mes grands-parents habitent dans un petit village.",
        "يسكن جدي وجدتي في قرية صغيرة.",
    ),
    ("We visit them twice a year.", "Nous leur rendons visite deux fois par an.", "نزورهما مرتين في السنة."),
    # hobbies and free time
    ("What do you do in your free time?", "Qu'est-ce que tu fais pendant ton temps libre ?", "ماذا تفعل في وقت فراغك؟"),
    ("I play the oud and I sing a little.", "Je joue du oud et je chante un peu.", "أعزف على العود وأغني قليلًا."),
    ("My son is learning to swim.", "Mon fils apprend à nager.", "ابني يتعلم السباحة."),
    (
        "My daughter goes to a dance class on Wednesdays.",
        "Ma fille va à un cours de danse le mercredi.",
        "ابنتي تذهب إلى درس رقص أيام الأربعاء.",
    ),
    ("We play cards with our neighbours.", "Nous jouons aux cartes avec nos voisins.", "نلعب الورق مع جيراننا."),
    ("Have you read this novel?", "Tu as lu ce roman ?", "هل قرأت هذه الرواية؟"),
    (
        "Yes, it's the best book I have read this year.",
        "Oui, c'est le meilleur livre que j'ai lu cette année.",
        "نعم، إنه أفضل كتاب قرأته هذا العام.",
    ),
    (
        "The match starts in ten minutes, hurry up!",
        "Le match commence dans dix minutes, dépêche-toi !",
        "تبدأ المباراة بعد عشر دقائق، أسرع!",
    ),
    ("Our team won three to one.", "Notre équipe a gagné trois à un.", "فاز فريقنا بثلاثة أهداف مقابل هدف."),
    (
        "I go running by the sea every morning.",
        "Je vais courir au bord de la mer tous les matins.",
        "أذهب للجري على شاطئ البحر كل صباح.",
    ),
    (
        "She takes beautiful photos of the city.",
        "Elle prend de belles photos de la ville.",
        "تلتقط صورًا جميلة للمدينة.",
    ),
    (
        "On Friday evening, we go out with friends.",
        "Le vendredi soir, nous sortons avec des amis.",
        "مساء الجمعة نخرج مع الأصدقاء.",
    ),
    ("I'm bored, let's do something!", "Je m'ennuie, faisons quelque chose !", "أشعر بالملل، لنفعل شيئًا!"),
    (
        "I prefer to stay at home this evening.",
        "Je préfère rester à la maison ce soir.",
        "أفضل أن أبقى في البيت هذا المساء.",
    ),
    # people, ages, family
    ("My little brother is only six years old.", "Mon petit frère n'a que six ans.", "أخي الصغير عمره ست سنوات فقط."),
    (
        "My grandmother is ninety but she is in good health.",
        "Ma grand-mère a quatre-vingt-dix ans mais elle est en bonne santé.",
        "جدتي عمرها تسعون عامًا لكنها بصحة جيدة.",
    ),
    ("He is older than his sister.", "Il est plus âgé que sa sœur.", "هو أكبر من أخته سنًا."),
    ("She is two years younger than me.", "Elle a deux ans de moins que moi.", "هي أصغر مني بسنتين."),
    ("We are the same age.", "Nous avons le même âge.", "نحن في العمر نفسه."),
    ("The baby is three months old.", "Le bébé a trois mois.", "عمر الطفل ثلاثة أشهر."),
    (
        "My parents have been married for thirty years.",
        "Mes parents sont mariés depuis trente ans.",
        "والداي متزوجان منذ ثلاثين عامًا.",
    ),
    ("My two sisters are students.", "Mes deux sœurs sont étudiantes.", "أختاي طالبتان."),
    ("The two brothers look alike.", "Les deux frères se ressemblent.", "الأخوان متشابهان."),
    ("I have two cousins in Montreal.", "J'ai deux cousins à Montréal.", "لي ابنا عم في مونتريال."),
    ("My friends are very nice.", "Mes amis sont très sympathiques.", "أصدقائي لطفاء جدًا."),
    ("Our new neighbours are from Algeria.", "Nos nouveaux voisins viennent d'Algérie.", "جيراننا الجدد من الجزائر."),
    ("Her children are polite and quiet.", "Ses enfants sont polis et calmes.", "أطفالها مهذبون وهادئون."),
    (
        "The girls were very happy with their gifts.",
        "Les filles étaient très contentes de leurs cadeaux.",
        "كانت البنات سعيدات جدًا بهداياهن.",
    ),
    # places and things
    ("The new cars are fast.", "Les nouvelles voitures sont rapides.", "السيارات الجديدة سريعة."),
    (
        "The room is not big, but it is bright.",
        "La chambre n'est pas grande, mais elle est lumineuse.",
        "ليست الغرفة كبيرة، لكنها مضيئة.",
    ),
    ("The door of the house is open.", "La porte de la maison est ouverte.", "باب البيت مفتوح."),
    (
        "The keys of the car are on the table.",
        "Les clés de la voiture sont sur la table.",
        "مفاتيح السيارة على الطاولة.",
    ),
    (
        "The window of my room overlooks the garden.",
        "La fenêtre de ma chambre donne sur le jardin.",
        "نافذة غرفتي تطل على الحديقة.",
    ),
    ("My house is small but comfortable.", "Ma maison est petite mais confortable.", "بيتي صغير لكنه مريح."),
    ("Your house is very beautiful.", "Ta maison est très belle.", "بيتك جميل جدًا."),
    ("Is this your car, madam?", "C'est votre voiture, madame ?", "هل هذه سيارتكِ يا سيدتي؟"),
    ("Their flat is on the fifth floor.", "Leur appartement est au cinquième étage.", "شقتهم في الطابق الخامس."),
    ("Our street is quiet at night.", "Notre rue est calme la nuit.", "شارعنا هادئ في الليل."),
    ("The shops in this street close early.", "Les magasins de cette rue ferment tôt.", "تغلق متاجر هذا الشارع مبكرًا."),
    ("We slept in two small rooms.", "Nous avons dormi dans deux petites chambres.", "نمنا في غرفتين صغيرتين."),
    ("There are two books on my desk.", "Il y a deux livres sur mon bureau.", "على مكتبي كتابان."),
    ("I bought two new shirts.", "J'ai acheté deux chemises neuves.", "اشتريت قميصين جديدين."),
    ("The two cars are red.", "Les deux voitures sont rouges.", "السيارتان حمراوان."),
    ("The children went to the park.", "Les enfants sont allés au parc.", "ذهب الأولاد إلى الحديقة."),
    ("The children are playing outside.", "Les enfants jouent dehors.", "الأولاد يلعبون في الخارج."),
    (
        "The girls came back from school at four.",
        "Les filles sont rentrées de l'école à quatre heures.",
        "عادت البنات من المدرسة في الساعة الرابعة.",
    ),
    (
        "The students didn't understand the question.",
        "Les étudiants n'ont pas compris la question.",
        "لم يفهم الطلاب السؤال.",
    ),
    ("My friends will arrive tomorrow evening.", "Mes amis arriveront demain soir.", "سيصل أصدقائي مساء الغد."),
    ("The guests have not arrived yet.", "Les invités ne sont pas encore arrivés.", "لم يصل الضيوف بعد."),
    # more social and everyday exchanges
    ("Can I help you with something?", "Je peux vous aider ?", "هل يمكنني أن أساعدك في شيء؟"),
    ("I'm just looking, thank you.", "Je regarde seulement, merci.", "أتفرج فقط، شكرًا."),
    (
        "Can you tell me the way to the post office?",
        "Vous pouvez m'indiquer le chemin de la poste ?",
        "هل يمكنك أن تدلني على طريق مكتب البريد؟",
    ),
    ("Go straight ahead and turn right.", "Allez tout droit et tournez à droite.", "امش إلى الأمام ثم انعطف يمينًا."),
    ("It's five minutes from here.", "C'est à cinq minutes d'ici.", "إنه على بعد خمس دقائق من هنا."),
    ("I'm lost, can you help me?", "Je suis perdu, tu peux m'aider ?", "لقد ضللت الطريق، هل يمكنك أن تساعدني؟"),
    (
        "Do you know a good restaurant nearby?",
        "Tu connais un bon restaurant près d'ici ?",
        "هل تعرف مطعمًا جيدًا قريبًا من هنا؟",
    ),
    ("I'm hungry, let's eat something.", "J'ai faim, mangeons quelque chose.", "أنا جائع، لنأكل شيئًا."),
    ("I'm thirsty, is there any water?", "J'ai soif, il y a de l'eau ?", "أنا عطشان، هل يوجد ماء؟"),
    (
        "I'm cold, can you close the window?",
        "J'ai froid, tu peux fermer la fenêtre ?",
        "أشعر بالبرد، هل يمكنك أن تغلق النافذة؟",
    ),
    ("I'm sleepy, I'm going to bed.", "J'ai sommeil, je vais me coucher.", "أشعر بالنعاس، سأذهب إلى النوم."),
    ("Can I use the bathroom?", "Je peux utiliser la salle de bain ?", "هل يمكنني أن أستخدم الحمام؟"),
    ("The bathroom is at the end of the corridor.", "La salle de bain est au bout du couloir.", "الحمام في آخر الممر."),
    (
        "Do you mind if I open the window a little?",
        "Ça te dérange si j'ouvre un peu la fenêtre ?",
        "هل تمانع إذا فتحت النافذة قليلًا؟",
    ),
    ("Not at all, go ahead.", "Pas du tout, vas-y.", "أبدًا، تفضل."),
    (
        "Could you keep an eye on my bag for a minute?",
        "Tu peux surveiller mon sac une minute ?",
        "هل يمكنك أن تنتبه إلى حقيبتي دقيقة؟",
    ),
    ("Excuse me, I think this is my seat.", "Excusez-moi, je crois que c'est ma place.", "عفوًا، أظن أن هذا مقعدي."),
    ("Sorry to bother you so late.", "Désolé de te déranger si tard.", "آسف على إزعاجك في هذه الساعة المتأخرة."),
    ("It doesn't matter, don't worry.", "Ça ne fait rien, ne t'en fais pas.", "لا يهم، لا تقلق."),
    ("I'm happy to see you again.", "Je suis content de te revoir.", "أنا سعيد برؤيتك مرة أخرى."),
    ("We missed you a lot.", "Tu nous as beaucoup manqué.", "اشتقنا إليك كثيرًا."),
    ("Congratulations on your new job!", "Félicitations pour ton nouveau travail !", "مبروك على عملك الجديد!"),
    ("Congratulations on the baby!", "Félicitations pour le bébé !", "مبروك على المولود!"),
    ("I wish you a good recovery.", "Je te souhaite un bon rétablissement.", "أتمنى لك الشفاء العاجل."),
    ("My condolences.", "Toutes mes condoléances.", "أحسن الله عزاءك."),
    ("Have fun!", "Amusez-vous bien !", "استمتعوا بوقتكم!"),
    ("Take care of yourself.", "Prends soin de toi.", "اعتن بنفسك."),
    ("Call me when you arrive.", "Appelle-moi quand tu arrives.", "اتصل بي عندما تصل."),
    (
        "Send me a message when you are home.",
        "Envoie-moi un message quand tu es à la maison.",
        "أرسل لي رسالة عندما تكون في البيت.",
    ),
    ("Thank you for calling.", "Merci d'avoir appelé.", "شكرًا على اتصالك."),
    ("Thank you for waiting.", "Merci d'avoir attendu.", "شكرًا على انتظارك."),
    ("Thank you for coming, Youssef.", "Merci d'être venu, Youssef.", "شكرًا على حضورك يا يوسف."),
    ("Thank you for coming, Amina.", "Merci d'être venue, Amina.", "شكرًا على حضوركِ يا أمينة."),
    ("Thank you all for coming.", "Merci à tous d'être venus.", "شكرًا لكم جميعًا على حضوركم."),
    ("Could you do me a favour?", "Tu pourrais me rendre un service ?", "هل يمكنك أن تسدي إلي خدمة؟"),
    (
        "Would you mind if I sat next to you?",
        "Ça vous dérange si je m'assieds à côté de vous ?",
        "هل تمانع إذا جلست بجانبك؟",
    ),
    ("May I ask you a question?", "Je peux vous poser une question ?", "هل يمكنني أن أسألك سؤالًا؟"),
    ("Go ahead, I'm listening.", "Je t'écoute, vas-y.", "تفضل، أنا أسمعك."),
    ("I have a small favour to ask you.", "J'ai un petit service à te demander.", "عندي طلب صغير منك."),
    ("I'll be right back.", "Je reviens tout de suite.", "سأعود حالًا."),
    ("I'm coming!", "J'arrive !", "أنا قادم!"),
    ("Here you are.", "Voilà.", "تفضل."),
    ("Here is your coffee, sir.", "Voici votre café, monsieur.", "تفضل قهوتك يا سيدي."),
    ("Another coffee, please.", "Un autre café, s'il vous plaît.", "فنجان قهوة آخر من فضلك."),
    ("The bill, please.", "L'addition, s'il vous plaît.", "الحساب من فضلك."),
    ("Is service included?", "Le service est compris ?", "هل الخدمة مشمولة؟"),
    (
        "We'd like a table for four, please.",
        "Nous voudrions une table pour quatre, s'il vous plaît.",
        "نريد طاولة لأربعة أشخاص من فضلك.",
    ),
    ("Is this table free?", "Cette table est libre ?", "هل هذه الطاولة فارغة؟"),
    ("The food was delicious, thank you.", "Le repas était délicieux, merci.", "كان الطعام لذيذًا، شكرًا."),
    # questions and answers about routines
    ("Do you get up early on weekends?", "Tu te lèves tôt le week-end ?", "هل تنهض مبكرًا في عطلة نهاية الأسبوع؟"),
    (
        "No, I get up late and have a long breakfast.",
        "Non, je me lève tard et je prends un long petit-déjeuner.",
        "لا، أنهض متأخرًا وأتناول فطورًا طويلًا.",
    ),
    ("Does your brother work on Saturdays?", "Ton frère travaille le samedi ?", "هل يعمل أخوك أيام السبت؟"),
    ("Yes, but only in the morning.", "Oui, mais seulement le matin.", "نعم، لكن في الصباح فقط."),
    ("Did you sleep well?", "Tu as bien dormi ?", "هل نمت جيدًا؟"),
    (
        "Not really, the neighbours were noisy.",
        "Pas vraiment, les voisins étaient bruyants.",
        "ليس تمامًا، كان الجيران مزعجين.",
    ),
    ("Have you had breakfast yet?", "Tu as déjà pris ton petit-déjeuner ?", "هل تناولت فطورك؟"),
    ("Not yet, I'm not hungry.", "Pas encore, je n'ai pas faim.", "ليس بعد، لست جائعًا."),
    ("Are you going out tonight?", "Tu sors ce soir ?", "هل ستخرج الليلة؟"),
    ("No, I'm staying at home to rest.", "Non, je reste à la maison pour me reposer.", "لا، سأبقى في البيت لأرتاح."),
    ("What time do the children go to bed?", "À quelle heure les enfants se couchent-ils ?", "متى ينام الأطفال؟"),
    (
        "They go to bed at nine on school days.",
        "Ils se couchent à neuf heures les jours d'école.",
        "ينامون في الساعة التاسعة في أيام الدراسة.",
    ),
    (
        "How long do you spend on the bus every day?",
        "Combien de temps passes-tu dans le bus chaque jour ?",
        "كم من الوقت تقضي في الحافلة كل يوم؟",
    ),
    (
        "About forty minutes in the morning and the same in the evening.",
        "Environ quarante minutes le matin et autant le soir.",
        "حوالي أربعين دقيقة في الصباح ومثلها في المساء.",
    ),
    ("Who cooks in your family?", "Qui fait la cuisine dans ta famille ?", "من يطبخ في عائلتك؟"),
    (
        "My father cooks on Fridays and my mother on the other days.",
        "Mon père cuisine le vendredi et ma mère les autres jours.",
        "أبي يطبخ أيام الجمعة وأمي في الأيام الأخرى.",
    ),
    (
        "Where do you usually spend your holidays?",
        "Où passes-tu tes vacances d'habitude ?",
        "أين تقضي عطلتك في العادة؟",
    ),
    (
        "We usually go to my grandparents' house.",
        "Nous allons d'habitude chez mes grands-parents.",
        "نذهب في العادة إلى بيت جدي وجدتي.",
    ),
    ("Why don't you take the metro?", "Pourquoi tu ne prends pas le métro ?", "لماذا لا تركب المترو؟"),
    (
        "Because it is always crowded in the morning.",
        "Parce qu'il est toujours bondé le matin.",
        "لأنه مزدحم دائمًا في الصباح.",
    ),
    ("Which day suits you best?", "Quel jour te convient le mieux ?", "أي يوم يناسبك أكثر؟"),
    ("Thursday afternoon suits me.", "Jeudi après-midi me convient.", "يناسبني بعد ظهر يوم الخميس."),
    (
        "Let's meet in front of the cinema at seven.",
        "Retrouvons-nous devant le cinéma à sept heures.",
        "لنلتق أمام السينما في الساعة السابعة.",
    ),
    (
        "Don't be late, the film starts at a quarter past seven!",
        "Ne sois pas en retard, le film commence à sept heures et quart !",
        "لا تتأخر، يبدأ الفيلم في الساعة السابعة والربع!",
    ),
    ("I won't be late, I promise.", "Je ne serai pas en retard, c'est promis.", "لن أتأخر، أعدك."),
    ("She didn't call me yesterday.", "Elle ne m'a pas appelé hier.", "لم تتصل بي أمس."),
    (
        "They didn't go to school because of the snow.",
        "Ils ne sont pas allés à l'école à cause de la neige.",
        "لم يذهبوا إلى المدرسة بسبب الثلج.",
    ),
    (
        "I won't go to work tomorrow, it's a holiday.",
        "Je n'irai pas au travail demain, c'est un jour férié.",
        "لن أذهب إلى العمل غدًا، إنه يوم عطلة.",
    ),
    ("The house is not far from the sea.", "La maison n'est pas loin de la mer.", "ليس البيت بعيدًا عن البحر."),
    ("These shoes are not comfortable.", "Ces chaussures ne sont pas confortables.", "هذا الحذاء ليس مريحًا."),
    ("My sister isn't at home right now.", "Ma sœur n'est pas à la maison en ce moment.", "أختي ليست في البيت الآن."),
    ("We are not ready yet.", "Nous ne sommes pas encore prêts.", "لسنا مستعدين بعد."),
    ("You are not alone.", "Tu n'es pas seul.", "لست وحدك."),
    ("I am not tired at all.", "Je ne suis pas du tout fatigué.", "لست متعبًا أبدًا."),
]


# ---------------------------------------------------------------------------------------------------------------
# The domain

TEMPLATES: list[Callable[[], list[Triple]]] = [
    t_routine("pres", False, 101),
    t_routine("pres", True, 102),
    t_routine("past", False, 103),
    t_routine("past", True, 104),
    t_routine("fut", False, 105),
    t_routine("fut", True, 106),
    t_noun_subject,
    t_yes_no,
    t_why,
    t_when,
    t_clock_routine,
    t_modal,
    t_who,
    t_what_do,
    t_transport,
    t_have,
    t_buy,
    t_need,
    t_there_are,
    t_how_many,
    t_prices,
    t_phone,
    t_arithmetic,
    t_tell_time,
    t_days,
    t_event_day,
    t_dates,
    t_birthdays,
    t_years,
    t_ages,
    t_durations,
    t_ago_in,
    t_since,
    t_event_times,
    t_timetable,
    t_shops,
    t_months,
    t_greetings,
    t_requests,
    t_requests_named,
    t_imperatives,
    t_permission,
    t_offers,
    t_invitations,
    t_thanks,
    t_apologies,
    t_location,
    t_where,
    t_which,
    t_favourite,
    t_adj_predicate,
    t_adj_look,
    t_adj_humans,
    t_adj_demo,
    t_likes,
    t_prefer,
    t_fav_hobby,
    t_childhood,
]
TARGET = 3000


def _ratio_ok(t: Triple) -> bool:
    """Leave out the rare template output whose Arabic is far shorter or longer than its sources."""
    return all(0.38 <= len(t.ar) / len(src) <= 2.4 for src in (t.en, t.fr) if src)


def generate() -> list[Triple]:
    """About 3000 daily-life triples: hand-written sentences first, then a balanced draw over the templates;
    English and French sources are distinct."""
    hand = [mk(en, fr, ar) for en, fr, ar in HANDWRITTEN]
    templated = balanced(TEMPLATES, TARGET - len(hand) + 250, SEED)
    out: list[Triple] = []
    seen_en: set[str] = set()
    seen_fr: set[str] = set()
    for t in hand + templated:
        if t.en in seen_en or t.fr in seen_fr or not _ratio_ok(t):
            continue
        seen_en.add(t.en)
        seen_fr.add(t.fr)
        out.append(t)
        if len(out) >= TARGET:
            break
    return out
