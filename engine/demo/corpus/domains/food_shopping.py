"""Food and drink (meals, dishes, tastes, cooking, restaurants) and shopping (shops, prices, clothes, paying).

Templates over a small hand-written lexicon (French and Arabic forms written out per person, gender, number
and case), plus a list of hand-written standalone sentences. Deterministic: all randomness is seeded.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from engine.demo.corpus.common import PERSONS, SUBJECT_EN, SUBJECT_FR, Triple, balanced, capitalise, fr_elide

DOMAIN = "food_shopping"
IDX = {p: i for i, p in enumerate(PERSONS)}
VOWELS = "aeiouéèêàâîïôûœh"


def T(en: str, fr: str, ar: str) -> Triple:
    return Triple(en, fr, ar, DOMAIN)


def FR(text: str) -> str:
    """Elision, contractions and a capital letter."""
    return capitalise(fr_elide(text))


def EN(text: str) -> str:
    return capitalise(text)


# ---------------------------------------------------------------------------------------------------------
# Verbs
# ---------------------------------------------------------------------------------------------------------

def sound(past: str, pres: str, first: str | None = None) -> dict[str, list[str]]:
    """Arabic tables of a sound verb from its past stem (شرب) and its present stem without prefix (شرب)."""
    past_t = [past + "ت", past + "ت", past + "تِ", past, past + "ت", past + "نا", past + "تم", past + "وا"]
    pres_t = [first or "أ" + pres, "ت" + pres, "ت" + pres + "ين", "ي" + pres, "ت" + pres, "ن" + pres,
              "ت" + pres + "ون", "ي" + pres + "ون"]
    subj = pres_t[:2] + ["ت" + pres + "ي"] + pres_t[3:6] + ["ت" + pres + "وا", "ي" + pres + "وا"]
    return {"past": past_t, "pres": pres_t, "subj": subj, "juss": subj}


def fr_er(stem: str) -> tuple[list[str], list[str], str]:
    pres = [stem + e for e in ("e", "es", "es", "e", "e", "ons", "ez", "ent")]
    fut = [stem + "er" + e for e in ("ai", "as", "as", "a", "a", "ons", "ez", "ont")]
    return pres, fut, stem + "é"


AVOIR = ["ai", "as", "as", "a", "a", "avons", "avez", "ont"]
VOULOIR = ["veux", "veux", "veux", "veut", "veut", "voulons", "voulez", "veulent"]
FUT_END = ("ai", "as", "as", "a", "a", "ons", "ez", "ont")


@dataclass(frozen=True)
class Verb:
    en: tuple[str, str, str]          # base, 3rd person singular, past
    fr_pres: tuple[str, ...]
    fr_fut: tuple[str, ...]
    fr_pp: str
    ar: dict


def verb(en, fr, ar) -> Verb:
    pres, fut, pp = fr
    return Verb(en, tuple(pres), tuple(fut), pp, ar)


EAT = verb(("eat", "eats", "ate"),
           (["mange", "manges", "manges", "mange", "mange", "mangeons", "mangez", "mangent"],
            ["manger" + e for e in FUT_END], "mangé"),
           sound("أكل", "أكل", first="آكل"))
DRINK = verb(("drink", "drinks", "drank"),
             (["bois", "bois", "bois", "boit", "boit", "buvons", "buvez", "boivent"],
              ["boir" + e for e in FUT_END], "bu"),
             sound("شرب", "شرب"))
_BUY_AR = {
    "past": ["اشتريت", "اشتريت", "اشتريتِ", "اشترى", "اشترت", "اشترينا", "اشتريتم", "اشتروا"],
    "pres": ["أشتري", "تشتري", "تشترين", "يشتري", "تشتري", "نشتري", "تشترون", "يشترون"],
    "subj": ["أشتري", "تشتري", "تشتري", "يشتري", "تشتري", "نشتري", "تشتروا", "يشتروا"],
    "juss": ["أشتر", "تشتر", "تشتري", "يشتر", "تشتر", "نشتر", "تشتروا", "يشتروا"],
}
BUY = verb(("buy", "buys", "bought"),
           (["achète", "achètes", "achètes", "achète", "achète", "achetons", "achetez", "achètent"],
            ["achèter" + e for e in FUT_END], "acheté"), _BUY_AR)
_LIKE_AR = {
    "past": ["أحببت", "أحببت", "أحببتِ", "أحب", "أحبت", "أحببنا", "أحببتم", "أحبوا"],
    "pres": ["أحب", "تحب", "تحبين", "يحب", "تحب", "نحب", "تحبون", "يحبون"],
    "subj": ["أحب", "تحب", "تحبي", "يحب", "تحب", "نحب", "تحبوا", "يحبوا"],
}
_LIKE_AR["juss"] = _LIKE_AR["subj"]
LIKE = verb(("like", "likes", "liked"), fr_er("aim"), _LIKE_AR)
LOVE = verb(("love", "loves", "loved"), fr_er("ador"), _LIKE_AR)
_PREP_AR = {
    "past": ["أعددت", "أعددت", "أعددتِ", "أعد", "أعدت", "أعددنا", "أعددتم", "أعدوا"],
    "pres": ["أعد", "تعد", "تعدين", "يعد", "تعد", "نعد", "تعدون", "يعدون"],
    "subj": ["أعد", "تعد", "تعدي", "يعد", "تعد", "نعد", "تعدوا", "يعدوا"],
}
_PREP_AR["juss"] = _PREP_AR["subj"]
PREPARE = verb(("prepare", "prepares", "prepared"), fr_er("prépar"), _PREP_AR)
PAY = verb(("pay", "pays", "paid"),
           (["paie", "paies", "paies", "paie", "paie", "payons", "payez", "paient"],
            ["paier" + e for e in FUT_END], "payé"),
           sound("دفع", "دفع"))
HAVE_MEAL = sound("تناول", "تناول")
SPEND = verb(("spend", "spends", "spent"), fr_er("dépens"), sound("أنفق", "نفق"))
_PREFER_FR = (["préfère", "préfères", "préfères", "préfère", "préfère", "préférons", "préférez", "préfèrent"],
              ["préférer" + e for e in FUT_END], "préféré")
PREFER = verb(("prefer", "prefers", "preferred"), _PREFER_FR, sound("فضل", "فضل"))
LOOK_FOR_AR = sound("بحث", "بحث")
WANT_AR = ["أريد", "تريد", "تريدين", "يريد", "تريد", "نريد", "تريدون", "يريدون"]
NEED_AR = ["أحتاج", "تحتاج", "تحتاجين", "يحتاج", "تحتاج", "نحتاج", "تحتاجون", "يحتاجون"]
FIND_AR = ["أجد", "تجد", "تجدين", "يجد", "تجد", "نجد", "تجدون", "يجدون"]
WEAR_AR = ["أرتدي", "ترتدي", "ترتدين", "يرتدي", "ترتدي", "نرتدي", "ترتدون", "يرتدون"]
LOSE_AR = ["أضعت", "أضعت", "أضعتِ", "أضاع", "أضاعت", "أضعنا", "أضعتم", "أضاعوا"]
EN_BE = ["am", "are", "are", "is", "is", "are", "are", "are"]
EN_BE_C = ["I'm", "you're", "you're", "he's", "she's", "we're", "you're", "they're"]
FR_ETRE = ["suis", "es", "es", "est", "est", "sommes", "êtes", "sont"]
AR_SUFFIX = ["ي", "ك", "كِ", "ه", "ها", "نا", "كم", "هم"]
AR_WITH = ["معي", "معك", "معكِ", "معه", "معها", "معنا", "معكم", "معهم"]
EN_POSS = ["my", "your", "your", "his", "her", "our", "your", "their"]
EN_OBJ = ["me", "you", "you", "him", "her", "us", "you", "them"]
FR_STRESS = ["moi", "toi", "toi", "lui", "elle", "nous", "vous", "eux"]


def fr_poss(person: str, gender: str, noun: str) -> str:
    """French possessive determiner before a noun of gender m / f / mp / fp."""
    i = IDX[person]
    if gender in ("mp", "fp"):
        return ["mes", "tes", "tes", "ses", "ses", "nos", "vos", "leurs"][i]
    if person in ("we", "you_pl", "they"):
        return ["notre", "votre", "leur"][["we", "you_pl", "they"].index(person)]
    fem = gender == "f" and noun[:1].lower() not in VOWELS
    return (["ma", "ta", "ta", "sa", "sa"] if fem else ["mon", "ton", "ton", "son", "son"])[i]


def ar_poss(noun: str, person: str) -> str:
    stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
    return stem + AR_SUFFIX[IDX[person]]


# ---------------------------------------------------------------------------------------------------------
# Subjects
# ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Subj:
    en: str
    fr: str
    ar: str | None     # None: the Arabic pronoun is dropped
    p: str             # person of the English / French verb
    ar_p: str          # person of the Arabic verb placed before the subject
    full: str          # person of a second Arabic verb after the subject ("they" for a masculine plural)


PRON = [Subj(SUBJECT_EN[p], SUBJECT_FR[p], None, p, p, p) for p in PERSONS]
NOUN_SUBJ = [
    Subj("Karim", "Karim", "كريم", "he", "he", "he"),
    Subj("Sarah", "Sarah", "سارة", "she", "she", "she"),
    Subj("Omar", "Omar", "عمر", "he", "he", "he"),
    Subj("Leila", "Leila", "ليلى", "she", "she", "she"),
    Subj("Youssef", "Youssef", "يوسف", "he", "he", "he"),
    Subj("Nadia", "Nadia", "نادية", "she", "she", "she"),
    Subj("my mother", "ma mère", "أمي", "she", "she", "she"),
    Subj("my father", "mon père", "أبي", "he", "he", "he"),
    Subj("my sister", "ma sœur", "أختي", "she", "she", "she"),
    Subj("my brother", "mon frère", "أخي", "he", "he", "he"),
    Subj("my grandmother", "ma grand-mère", "جدتي", "she", "she", "she"),
    Subj("the children", "les enfants", "الأطفال", "they", "he", "they"),
    Subj("our neighbours", "nos voisins", "جيراننا", "they", "he", "they"),
]
ALL_SUBJ = PRON + NOUN_SUBJ


def en_verb(s: Subj, v: Verb, tense: str, neg: bool = False) -> str:
    base, s3, past = v.en
    third = s.p in ("he", "she")
    if tense == "pres":
        return (("doesn't " if third else "don't ") + base) if neg else (s3 if third else base)
    if tense == "past":
        return "didn't " + base if neg else past
    return "won't " + base if neg else "will " + base


def en_q(s: Subj, v: Verb, tense: str) -> str:
    aux = {"pres": "Does" if s.p in ("he", "she") else "Do", "past": "Did", "fut": "Will"}[tense]
    return f"{aux} {s.en} {v.en[0]}"


def fr_verb(s: Subj, v: Verb, tense: str, neg: bool = False) -> str:
    i = IDX[s.p]
    if tense == "past":
        return f"ne {AVOIR[i]} pas {v.fr_pp}" if neg else f"{AVOIR[i]} {v.fr_pp}"
    form = v.fr_pres[i] if tense == "pres" else v.fr_fut[i]
    return f"ne {form} pas" if neg else form


def ar_verb(tbl: dict, person: str, tense: str, neg: bool = False) -> str:
    i = IDX[person]
    if tense == "pres":
        return "لا " + tbl["pres"][i] if neg else tbl["pres"][i]
    if tense == "past":
        return "لم " + tbl["juss"][i] if neg else tbl["past"][i]
    return "لن " + tbl["subj"][i] if neg else "س" + tbl["pres"][i]


def ar_clause(s: Subj, tbl: dict, tense: str, neg: bool = False) -> str:
    vp = ar_verb(tbl, s.ar_p, tense, neg)
    return vp if s.ar is None else f"{vp} {s.ar}"


def clause(s: Subj, v: Verb, tense: str, neg: bool, en_rest: str, fr_rest: str, ar_rest: str,
           q: bool = False) -> Triple:
    """A whole sentence: subject, verb and the rest (already in the right form for negation)."""
    if q:
        en = f"{en_q(s, v, tense)}{en_rest}?"
        fr = FR(f"est-ce que {s.fr} {fr_verb(s, v, tense)}{fr_rest} ?")
        ar = f"هل {ar_clause(s, v.ar, tense)}{ar_rest}؟"
        return T(en, fr, ar)
    en = EN(f"{s.en} {en_verb(s, v, tense, neg)}{en_rest}.")
    fr = FR(f"{s.fr} {fr_verb(s, v, tense, neg)}{fr_rest}.")
    ar = f"{ar_clause(s, v.ar, tense, neg)}{ar_rest}."
    return T(en, fr, ar)


# ---------------------------------------------------------------------------------------------------------
# Nouns
# ---------------------------------------------------------------------------------------------------------

def fr_def(noun: str, g: str) -> str:
    if g in ("mp", "fp"):
        return "les " + noun
    if noun[:1].lower() in VOWELS:
        return "l'" + noun
    return ("le " if g == "m" else "la ") + noun


def fr_part(noun: str, g: str) -> str:
    if g in ("mp", "fp"):
        return "des " + noun
    if noun[:1].lower() in VOWELS:
        return "de l'" + noun
    return ("du " if g == "m" else "de la ") + noun


def fr_de(noun: str) -> str:
    return ("d'" if noun[:1].lower() in VOWELS else "de ") + noun


def fr_dem(noun: str, g: str) -> str:
    if g in ("mp", "fp"):
        return "ces " + noun
    if g == "f":
        return "cette " + noun
    return ("cet " if noun[:1].lower() in VOWELS else "ce ") + noun


def fr_indef(noun: str, g: str) -> str:
    return ("une " if g == "f" else "un ") + noun


# Foods and drinks as masses or generic plurals: en, fr noun, fr gender, ar (definite), uses
FOODS = [
    ("rice", "riz", "m", "الأرز", "le"),
    ("bread", "pain", "m", "الخبز", "le"),
    ("cheese", "fromage", "m", "الجبن", "le"),
    ("fish", "poisson", "m", "السمك", "le"),
    ("chicken", "poulet", "m", "الدجاج", "le"),
    ("meat", "viande", "f", "اللحم", "le"),
    ("soup", "soupe", "f", "الحساء", "le"),
    ("couscous", "couscous", "m", "الكسكس", "le"),
    ("salad", "salade", "f", "السلطة", "le"),
    ("pasta", "pâtes", "fp", "المعكرونة", "le"),
    ("lentils", "lentilles", "fp", "العدس", "le"),
    ("eggs", "œufs", "mp", "البيض", "le"),
    ("chocolate", "chocolat", "m", "الشوكولاتة", "le"),
    ("honey", "miel", "m", "العسل", "le"),
    ("yogurt", "yaourt", "m", "الزبادي", "le"),
    ("olives", "olives", "fp", "الزيتون", "le"),
    ("dates", "dattes", "fp", "التمر", "le"),
    ("apples", "pommes", "fp", "التفاح", "le"),
    ("oranges", "oranges", "fp", "البرتقال", "le"),
    ("bananas", "bananes", "fp", "الموز", "le"),
    ("grapes", "raisin", "m", "العنب", "le"),
    ("strawberries", "fraises", "fp", "الفراولة", "le"),
    ("figs", "figues", "fp", "التين", "le"),
    ("vegetables", "légumes", "mp", "الخضار", "le"),
    ("tomatoes", "tomates", "fp", "الطماطم", "le"),
    ("potatoes", "pommes de terre", "fp", "البطاطس", "le"),
    ("carrots", "carottes", "fp", "الجزر", "le"),
    ("sweets", "sucreries", "fp", "الحلويات", "le"),
    ("seafood", "fruits de mer", "mp", "المأكولات البحرية", "le"),
    ("spicy food", "nourriture épicée", "f", "الطعام الحار", "l"),
    ("pizza", "pizza", "f", "البيتزا", "le"),
    ("butter", "beurre", "m", "الزبدة", "le"),
]
DRINKS = [
    ("coffee", "café", "m", "القهوة"),
    ("tea", "thé", "m", "الشاي"),
    ("mint tea", "thé à la menthe", "m", "الشاي بالنعناع"),
    ("milk", "lait", "m", "الحليب"),
    ("orange juice", "jus d'orange", "m", "عصير البرتقال"),
    ("water", "eau", "f", "الماء"),
    ("lemonade", "citronnade", "f", "عصير الليمون"),
    ("hot chocolate", "chocolat chaud", "m", "الشوكولاتة الساخنة"),
    ("sparkling water", "eau gazeuse", "f", "الماء الغازي"),
    ("apple juice", "jus de pomme", "m", "عصير التفاح"),
    ("green tea", "thé vert", "m", "الشاي الأخضر"),
]

# Clothes: en sg, en pl, fr sg, fr pl, fr gender, ar sg, ar pl, ar gender, ar sg acc (indefinite),
# ar dual nominative, ar dual accusative/genitive
CLOTHES = [
    ("shirt", "shirts", "chemise", "chemises", "f", "قميص", "قمصان", "m", "قميصًا", "قميصان", "قميصين"),
    ("dress", "dresses", "robe", "robes", "f", "فستان", "فساتين", "m", "فستانًا", "فستانان", "فستانين"),
    ("jacket", "jackets", "veste", "vestes", "f", "سترة", "سترات", "f", "سترة", "سترتان", "سترتين"),
    ("coat", "coats", "manteau", "manteaux", "m", "معطف", "معاطف", "m", "معطفًا", "معطفان", "معطفين"),
    ("skirt", "skirts", "jupe", "jupes", "f", "تنورة", "تنانير", "f", "تنورة", "تنورتان", "تنورتين"),
    ("hat", "hats", "chapeau", "chapeaux", "m", "قبعة", "قبعات", "f", "قبعة", "قبعتان", "قبعتين"),
    ("bag", "bags", "sac", "sacs", "m", "حقيبة", "حقائب", "f", "حقيبة", "حقيبتان", "حقيبتين"),
    ("scarf", "scarves", "écharpe", "écharpes", "f", "وشاح", "أوشحة", "m", "وشاحًا", "وشاحان", "وشاحين"),
    ("sweater", "sweaters", "pull", "pulls", "m", "كنزة", "كنزات", "f", "كنزة", "كنزتان", "كنزتين"),
    ("belt", "belts", "ceinture", "ceintures", "f", "حزام", "أحزمة", "m", "حزامًا", "حزامان", "حزامين"),
    ("watch", "watches", "montre", "montres", "f", "ساعة", "ساعات", "f", "ساعة", "ساعتان", "ساعتين"),
    ("suit", "suits", "costume", "costumes", "m", "بدلة", "بدلات", "f", "بدلة", "بدلتان", "بدلتين"),
]
SHOES = ("shoes", "chaussures", "fp", "الأحذية")

# Colours: en, fr m, f, mp, fp, ar m, f, m acc, m dual nom, m dual acc, f dual nom, f dual acc
COLOURS = [
    ("red", "rouge", "rouge", "rouges", "rouges", "أحمر", "حمراء", "أحمر", "أحمران", "أحمرين", "حمراوان", "حمراوين"),
    ("blue", "bleu", "bleue", "bleus", "bleues", "أزرق", "زرقاء", "أزرق", "أزرقان", "أزرقين", "زرقاوان", "زرقاوين"),
    ("green", "vert", "verte", "verts", "vertes", "أخضر", "خضراء", "أخضر", "أخضران", "أخضرين", "خضراوان",
     "خضراوين"),
    ("black", "noir", "noire", "noirs", "noires", "أسود", "سوداء", "أسود", "أسودان", "أسودين", "سوداوان", "سوداوين"),
    ("white", "blanc", "blanche", "blancs", "blanches", "أبيض", "بيضاء", "أبيض", "أبيضان", "أبيضين", "بيضاوان",
     "بيضاوين"),
    ("yellow", "jaune", "jaune", "jaunes", "jaunes", "أصفر", "صفراء", "أصفر", "أصفران", "أصفرين", "صفراوان",
     "صفراوين"),
    ("grey", "gris", "grise", "gris", "grises", "رمادي", "رمادية", "رماديًا", "رماديان", "رماديين", "رماديتان",
     "رماديتين"),
    ("brown", "marron", "marron", "marron", "marron", "بني", "بنية", "بنيًا", "بنيان", "بنيين", "بنيتان", "بنيتين"),
    ("pink", "rose", "rose", "roses", "roses", "وردي", "وردية", "ورديًا", "ورديان", "ورديين", "ورديتان", "ورديتين"),
]


def fr_adj(forms: tuple[str, str, str, str], g: str) -> str:
    return forms[{"m": 0, "f": 1, "mp": 2, "fp": 3}[g]]


def cloth_np(c, col, plural: bool = False) -> dict[str, str]:
    """Definite forms of 'the <colour> <cloth>' and pieces to build the rest."""
    en_n = c[1] if plural else c[0]
    g = c[4] + ("p" if plural else "")
    fr_n = c[3] if plural else c[2]
    fr_c = fr_adj(col[1:5], g)
    if plural:
        ar_def = f"ال{c[6]} ال{col[6]}"
    else:
        ar_def = f"ال{c[5]} ال{col[5] if c[7] == 'm' else col[6]}"
    return {"en": f"{col[0]} {en_n}", "fr_n": fr_n, "fr_c": fr_c, "g": g, "ar_def": ar_def,
            "ar_fem": plural or c[7] == "f"}


# Currencies: en sg, en pl, fr sg, fr pl, ar sg, ar pl, ar accusative singular
CURRENCIES = [
    ("dirham", "dirhams", "dirham", "dirhams", "درهم", "دراهم", "درهمًا"),
    ("euro", "euros", "euro", "euros", "يورو", "يورو", "يورو"),
    ("dollar", "dollars", "dollar", "dollars", "دولار", "دولارات", "دولارًا"),
    ("riyal", "riyals", "riyal", "riyals", "ريال", "ريالات", "ريالًا"),
    ("pound", "pounds", "livre", "livres", "جنيه", "جنيهات", "جنيهًا"),
    ("dinar", "dinars", "dinar", "dinars", "دينار", "دنانير", "دينارًا"),
]
PRICES_SMALL = [3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 18, 20, 25, 30, 35, 40, 45, 50, 60, 75, 80, 90]
PRICES_BIG = [45, 60, 75, 99, 100, 120, 150, 180, 200, 250, 300, 350, 400, 450, 500, 600, 750, 800, 1000, 1200,
              1500, 2000]


def price(n: int, cur) -> tuple[str, str, str]:
    """'15 dirhams' in the three languages (Arabic: the counted noun after the digits agrees with the number)."""
    r = n % 100
    if r == 0:
        ar_n = cur[4]
    elif 3 <= r <= 10:
        ar_n = cur[5]
    elif r >= 11:
        ar_n = cur[6]
    else:
        raise ValueError(n)
    return f"{n} {cur[1]}", f"{n} {cur[3]}", f"{n} {ar_n}"


EN_NUM = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
FR_NUM = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix"}
AR_NUM_FOR_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
AR_NUM_FOR_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
AR_ORD = {1: "الواحدة", 2: "الثانية", 6: "السادسة", 7: "السابعة", 8: "الثامنة", 9: "التاسعة", 10: "العاشرة",
          11: "الحادية عشرة", 12: "الثانية عشرة"}

# Countable things: en sg, en pl, fr sg, fr pl, fr gender, ar sg, ar pl, ar gender, ar dual nom, ar dual acc,
# ar singular accusative (indefinite object and tamyiz after 11-99 and كم)
COUNTABLE = [
    ("apple", "apples", "pomme", "pommes", "f", "تفاحة", "تفاحات", "f", "تفاحتان", "تفاحتين", "تفاحة"),
    ("orange", "oranges", "orange", "oranges", "f", "برتقالة", "برتقالات", "f", "برتقالتان", "برتقالتين", "برتقالة"),
    ("banana", "bananas", "banane", "bananes", "f", "موزة", "موزات", "f", "موزتان", "موزتين", "موزة"),
    ("egg", "eggs", "œuf", "œufs", "m", "بيضة", "بيضات", "f", "بيضتان", "بيضتين", "بيضة"),
    ("lemon", "lemons", "citron", "citrons", "m", "ليمونة", "ليمونات", "f", "ليمونتان", "ليمونتين", "ليمونة"),
    ("peach", "peaches", "pêche", "pêches", "f", "خوخة", "خوخات", "f", "خوختان", "خوختين", "خوخة"),
    ("onion", "onions", "oignon", "oignons", "m", "بصلة", "بصلات", "f", "بصلتان", "بصلتين", "بصلة"),
    ("watermelon", "watermelons", "pastèque", "pastèques", "f", "بطيخة", "بطيخات", "f", "بطيختان", "بطيختين",
     "بطيخة"),
    ("cake", "cakes", "gâteau", "gâteaux", "m", "كعكة", "كعكات", "f", "كعكتان", "كعكتين", "كعكة"),
    ("sandwich", "sandwiches", "sandwich", "sandwichs", "m", "شطيرة", "شطائر", "f", "شطيرتان", "شطيرتين", "شطيرة"),
    ("croissant", "croissants", "croissant", "croissants", "m", "كرواسون", "كرواسونات", "m", "كرواسونان",
     "كرواسونين", "كرواسونًا"),
    ("loaf of bread", "loaves of bread", "pain", "pains", "m", "رغيف خبز", "أرغفة خبز", "m", "رغيفا خبز",
     "رغيفي خبز", "رغيف خبز"),
    ("bottle of water", "bottles of water", "bouteille d'eau", "bouteilles d'eau", "f", "زجاجة ماء", "زجاجات ماء",
     "f", "زجاجتا ماء", "زجاجتي ماء", "زجاجة ماء"),
    ("bottle of milk", "bottles of milk", "bouteille de lait", "bouteilles de lait", "f", "زجاجة حليب",
     "زجاجات حليب", "f", "زجاجتا حليب", "زجاجتي حليب", "زجاجة حليب"),
    ("box of chocolates", "boxes of chocolates", "boîte de chocolats", "boîtes de chocolats", "f", "علبة شوكولاتة",
     "علب شوكولاتة", "f", "علبتا شوكولاتة", "علبتي شوكولاتة", "علبة شوكولاتة"),
    ("chicken", "chickens", "poulet", "poulets", "m", "دجاجة", "دجاجات", "f", "دجاجتان", "دجاجتين", "دجاجة"),
    ("fish", "fish", "poisson", "poissons", "m", "سمكة", "سمكات", "f", "سمكتان", "سمكتين", "سمكة"),
    ("cup of coffee", "cups of coffee", "tasse de café", "tasses de café", "f", "فنجان قهوة", "فناجين قهوة", "m",
     "فنجانا قهوة", "فنجاني قهوة", "فنجان قهوة"),
    ("glass of juice", "glasses of juice", "verre de jus", "verres de jus", "m", "كوب عصير", "أكواب عصير", "m",
     "كوبا عصير", "كوبي عصير", "كوب عصير"),
]
# Units over masses: en sg/pl, fr sg/pl, fr gender, ar sg, ar pl, ar gender, dual nom, dual acc, sg acc
UNITS = {
    "kilo": ("kilo", "kilos", "kilo", "kilos", "m", "كيلوغرام", "كيلوغرامات", "m", "كيلوغرامان", "كيلوغرامين",
             "كيلوغرامًا"),
    "litre": ("litre", "litres", "litre", "litres", "m", "لتر", "لترات", "m", "لتران", "لترين", "لترًا"),
    "bag": ("bag", "bags", "sachet", "sachets", "m", "كيس", "أكياس", "m", "كيسان", "كيسين", "كيسًا"),
}
# Masses measured by a unit: en, fr (after "de"), ar definite, units
MASSES = [
    ("tomatoes", "tomates", "الطماطم", "kilo"), ("potatoes", "pommes de terre", "البطاطس", "kilo"),
    ("onions", "oignons", "البصل", "kilo"), ("carrots", "carottes", "الجزر", "kilo"),
    ("apples", "pommes", "التفاح", "kilo"), ("oranges", "oranges", "البرتقال", "kilo"),
    ("grapes", "raisin", "العنب", "kilo"), ("meat", "viande", "اللحم", "kilo"), ("rice", "riz", "الأرز", "kilo bag"),
    ("sugar", "sucre", "السكر", "kilo bag"), ("flour", "farine", "الطحين", "kilo bag"),
    ("dates", "dattes", "التمر", "kilo"), ("olives", "olives", "الزيتون", "kilo"),
    ("lentils", "lentilles", "العدس", "kilo bag"), ("milk", "lait", "الحليب", "litre"),
    ("olive oil", "huile d'olive", "زيت الزيتون", "litre"), ("orange juice", "jus d'orange", "عصير البرتقال", "litre"),
    ("water", "eau", "الماء", "litre"), ("cherries", "cerises", "الكرز", "kilo"), ("figs", "figues", "التين", "kilo"),
    ("peaches", "pêches", "الخوخ", "kilo"), ("almonds", "amandes", "اللوز", "kilo bag"),
]


def measured() -> list[tuple]:
    """Unit-of-mass items shaped like COUNTABLE rows ('kilo of tomatoes' → 'كيلوغرام من الطماطم')."""
    out = []
    for en, fr, ar, units in MASSES:
        for u in units.split():
            U = UNITS[u]
            de = fr_de(fr)
            out.append((f"{U[0]} of {en}", f"{U[1]} of {en}", f"{U[2]} {de}", f"{U[3]} {de}", U[4],
                        f"{U[5]} من {ar}", f"{U[6]} من {ar}", U[7], f"{U[8]} من {ar}", f"{U[9]} من {ar}",
                        f"{U[10]} من {ar}"))
    return out


def count_np(c, n: int, case: str) -> tuple[str, str, str]:
    """'three apples' with Arabic number agreement; case: nom / acc (genitive is written like acc here)."""
    if n == 1:
        en = ("an " if c[0][0] in "aeiou" else "a ") + c[0]
        fr = fr_indef(c[2], c[4])
        ar = c[10] if case == "acc" else c[5]
        return en, fr, ar
    if n == 2:
        return f"two {c[1]}", f"deux {c[3]}", (c[8] if case == "nom" else c[9])
    if n <= 10:
        num = AR_NUM_FOR_M[n] if c[7] == "m" else AR_NUM_FOR_F[n]
        return f"{EN_NUM[n]} {c[1]}", f"{FR_NUM[n]} {c[3]}", f"{num} {c[6]}"
    tam = c[10]
    if " من " in tam:
        return f"{n} {c[1]}", f"{n} {c[3]}", f"{n} {tam}"
    return f"{n} {c[1]}", f"{n} {c[3]}", f"{n} {tam}"


# Shops: en, fr noun, fr gender, ar indefinite, ar definite, ar gender
SHOPS = [
    ("bakery", "boulangerie", "f", "مخبز", "المخبز", "m"),
    ("butcher's", "boucherie", "f", "محل جزارة", "محل الجزارة", "m"),
    ("market", "marché", "m", "سوق", "السوق", "f"),
    ("supermarket", "supermarché", "m", "سوبرماركت", "السوبرماركت", "m"),
    ("grocery shop", "épicerie", "f", "بقالة", "البقالة", "f"),
    ("restaurant", "restaurant", "m", "مطعم", "المطعم", "m"),
    ("café", "café", "m", "مقهى", "المقهى", "m"),
    ("clothes shop", "magasin de vêtements", "m", "محل ملابس", "محل الملابس", "m"),
    ("shoe shop", "magasin de chaussures", "m", "محل أحذية", "محل الأحذية", "m"),
    ("pastry shop", "pâtisserie", "f", "محل حلويات", "محل الحلويات", "m"),
    ("fish shop", "poissonnerie", "f", "محل سمك", "محل السمك", "m"),
    ("shopping centre", "centre commercial", "m", "مركز تجاري", "المركز التجاري", "m"),
    ("cash machine", "distributeur de billets", "m", "صراف آلي", "الصراف الآلي", "m"),
]
DAYS = [("Monday", "lundi", "الاثنين"), ("Tuesday", "mardi", "الثلاثاء"), ("Wednesday", "mercredi", "الأربعاء"),
        ("Thursday", "jeudi", "الخميس"), ("Friday", "vendredi", "الجمعة"), ("Saturday", "samedi", "السبت"),
        ("Sunday", "dimanche", "الأحد")]


def pick(rng: random.Random, items):
    return items[rng.randrange(len(items))]


# ---------------------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------------------

def t_like() -> list[Triple]:
    out = []
    items = [(f[0], f[1], f[2], f[3]) for f in FOODS] + list(DRINKS)
    for s in ALL_SUBJ:
        for en, frn, g, ar in items:
            d = fr_def(frn, g)
            out.append(clause(s, LIKE, "pres", False, f" {en}", f" {d}", f" {ar}"))
            out.append(clause(s, LIKE, "pres", True, f" {en}", f" {d}", f" {ar}"))
            out.append(clause(s, LIKE, "pres", False, f" {en}", f" {d}", f" {ar}", q=True))
            out.append(clause(s, LOVE, "pres", False, f" {en}", f" {d}", f" {ar} كثيرًا"))
    return out


MEALS = [("breakfast", "au petit-déjeuner", "على الفطور"), ("lunch", "au déjeuner", "على الغداء"),
         ("dinner", "au dîner", "على العشاء")]
TIMES = {
    "pres": [("every day", "tous les jours", "كل يوم"), ("every Friday", "tous les vendredis", "كل يوم جمعة"),
             ("at the weekend", "le week-end", "في عطلة نهاية الأسبوع"), ("", "", "")],
    "past": [("yesterday", "hier", "أمس"), ("last Sunday", "dimanche dernier", "يوم الأحد الماضي"),
             ("last week", "la semaine dernière", "الأسبوع الماضي")],
    "fut": [("tomorrow", "demain", "غدًا"), ("on Saturday", "samedi", "يوم السبت"),
            ("next week", "la semaine prochaine", "الأسبوع القادم")],
}


def _tail(t):
    return (f" {t[0]}", f" {t[1]}", f" {t[2]}") if t[0] else ("", "", "")


def t_eat() -> list[Triple]:
    out = []
    eatable = [f for f in FOODS if f[0] not in ("spicy food", "butter")]
    for s in ALL_SUBJ:
        for en, frn, g, ar, _ in eatable:
            for meal in MEALS:
                for tense in ("pres", "past", "fut"):
                    for neg in (False, True):
                        for tm in TIMES[tense]:
                            te, tf, ta = _tail(tm)
                            obj = fr_de(frn) if neg else fr_part(frn, g)
                            out.append(clause(s, EAT, tense, neg, f" {en} for {meal[0]}{te}",
                                              f" {obj} {meal[1]}{tf}", f" {ar} {meal[2]}{ta}"))
    return out


DRINK_TIMES = {
    "pres": [("every morning", "tous les matins", "كل صباح"), ("in the evening", "le soir", "في المساء"),
             ("after lunch", "après le déjeuner", "بعد الغداء"), ("at breakfast", "au petit-déjeuner",
                                                                  "مع الفطور")],
    "past": [("yesterday evening", "hier soir", "مساء أمس"), ("this morning", "ce matin", "هذا الصباح"),
             ("after dinner", "après le dîner", "بعد العشاء"), ("at the café", "au café", "في المقهى")],
    "fut": [("tomorrow morning", "demain matin", "صباح الغد"), ("after the meal", "après le repas", "بعد الوجبة"),
            ("at the café", "au café", "في المقهى")],
}


def t_drink() -> list[Triple]:
    out = []
    for s in ALL_SUBJ:
        for en, frn, g, ar in DRINKS:
            for tense in ("pres", "past", "fut"):
                for neg in (False, True):
                    for tm in DRINK_TIMES[tense]:
                        obj = fr_de(frn) if neg else fr_part(frn, g)
                        out.append(clause(s, DRINK, tense, neg, f" {en} {tm[0]}", f" {obj} {tm[1]}",
                                          f" {ar} {tm[2]}"))
            out.append(clause(s, DRINK, "pres", False, f" {en}", f" {fr_part(frn, g)}", f" {ar}", q=True))
    return out


BUY_PLACES = [
    ("bread", "du pain", "de pain", "الخبز", "at the bakery", "à la boulangerie", "من المخبز"),
    ("croissants", "des croissants", "de croissants", "الكرواسون", "at the bakery", "à la boulangerie", "من المخبز"),
    ("meat", "de la viande", "de viande", "اللحم", "at the butcher's", "chez le boucher", "من الجزار"),
    ("chicken", "du poulet", "de poulet", "الدجاج", "at the butcher's", "chez le boucher", "من الجزار"),
    ("fish", "du poisson", "de poisson", "السمك", "at the fish market", "au marché aux poissons", "من سوق السمك"),
    ("vegetables", "des légumes", "de légumes", "الخضار", "at the market", "au marché", "من السوق"),
    ("fruit", "des fruits", "de fruits", "الفواكه", "at the market", "au marché", "من السوق"),
    ("spices", "des épices", "d'épices", "التوابل", "at the souk", "au souk", "من السوق القديم"),
    ("cakes", "des gâteaux", "de gâteaux", "الحلويات", "at the pastry shop", "à la pâtisserie", "من محل الحلويات"),
    ("milk", "du lait", "de lait", "الحليب", "at the grocery shop", "à l'épicerie", "من البقالة"),
    ("cheese", "du fromage", "de fromage", "الجبن", "at the supermarket", "au supermarché", "من السوبرماركت"),
    ("olives", "des olives", "d'olives", "الزيتون", "at the market", "au marché", "من السوق"),
    ("dates", "des dattes", "de dattes", "التمر", "at the market", "au marché", "من السوق"),
    ("clothes", "des vêtements", "de vêtements", "الملابس", "at the shopping centre", "au centre commercial",
     "من المركز التجاري"),
    ("shoes", "des chaussures", "de chaussures", "الأحذية", "in this shop", "dans ce magasin", "من هذا المحل"),
]
BUY_TIMES = {
    "pres": [("every morning", "tous les matins", "كل صباح"), ("every Saturday", "tous les samedis", "كل يوم سبت"),
             ("every week", "chaque semaine", "كل أسبوع")],
    "past": [("yesterday", "hier", "أمس"), ("this morning", "ce matin", "هذا الصباح"),
             ("last Saturday", "samedi dernier", "يوم السبت الماضي")],
    "fut": [("tomorrow", "demain", "غدًا"), ("on Saturday", "samedi", "يوم السبت"),
            ("this afternoon", "cet après-midi", "بعد ظهر اليوم")],
}


def t_buy_place() -> list[Triple]:
    out = []
    for s in ALL_SUBJ:
        for en, fp, fn, ar, pe, pf, pa in BUY_PLACES:
            for tense in ("pres", "past", "fut"):
                for neg in ((False,) if tense == "pres" else (False, True)):
                    times = BUY_TIMES[tense]
                    if tense == "pres" and en in ("clothes", "shoes"):
                        times = [("every month", "chaque mois", "كل شهر")]
                    for tm in times:
                        out.append(clause(s, BUY, tense, neg, f" {en} {pe} {tm[0]}",
                                          f" {fn if neg else fp} {pf} {tm[1]}", f" {ar} {pa} {tm[2]}"))
    return out


DISHES = [
    ("couscous", "un couscous", "الكسكس"), ("a chicken tagine", "un tajine au poulet", "طاجين دجاج"),
    ("a fish tagine", "un tajine de poisson", "طاجين سمك"),
    ("lentil soup", "une soupe de lentilles", "حساء العدس"),
    ("a vegetable soup", "une soupe de légumes", "حساء خضار"), ("a big salad", "une grande salade", "سلطة كبيرة"),
    ("a chocolate cake", "un gâteau au chocolat", "كعكة بالشوكولاتة"),
    ("an apple tart", "une tarte aux pommes", "فطيرة تفاح"), ("pancakes", "des crêpes", "فطائر"),
    ("an omelette", "une omelette", "عجة"), ("harira", "de la harira", "الحريرة"),
    ("grilled fish", "du poisson grillé", "سمكًا مشويًا"),
    ("rice with vegetables", "du riz aux légumes", "أرزًا بالخضار"),
    ("mint tea", "du thé à la menthe", "شايًا بالنعناع"),
    ("fresh orange juice", "du jus d'orange frais", "عصير برتقال طازجًا"),
]
FOR_WHOM = [("for dinner", "pour le dîner", "للعشاء"), ("for the guests", "pour les invités", "للضيوف"),
            ("for the children", "pour les enfants", "للأطفال"), ("for Eid", "pour l'Aïd", "للعيد"),
            ("for the party", "pour la fête", "للحفلة"), ("for lunch", "pour le déjeuner", "للغداء")]
PREP_TIMES = {
    "pres": [("every Friday", "tous les vendredis", "كل يوم جمعة"), ("", "", "")],
    "past": [("yesterday", "hier", "أمس"), ("last weekend", "le week-end dernier", "في عطلة نهاية الأسبوع الماضية")],
    "fut": [("tomorrow", "demain", "غدًا"), ("this evening", "ce soir", "هذا المساء")],
}


def t_prepare() -> list[Triple]:
    out = []
    for s in ALL_SUBJ:
        for en, fr, ar in DISHES:
            for w in FOR_WHOM:
                if w[0] == "for the children" and s.en == "the children":
                    continue
                for tense in ("pres", "past", "fut"):
                    for tm in PREP_TIMES[tense]:
                        te, tf, ta = _tail(tm)
                        out.append(clause(s, PREPARE, tense, False, f" {en} {w[0]}{te}", f" {fr} {w[1]}{tf}",
                                          f" {ar} {w[2]}{ta}"))
    return out


# Restaurant orders: en, fr, ar accusative, ar genitive, kind (c: consumable, r: request only)
ORDERS = [
    ("a coffee", "un café", "قهوة", "قهوة", "c"), ("a black coffee", "un café noir", "قهوة سوداء", "قهوة سوداء", "c"),
    ("a coffee with milk", "un café au lait", "قهوة بالحليب", "قهوة بالحليب", "c"),
    ("a mint tea", "un thé à la menthe", "شايًا بالنعناع", "شاي بالنعناع", "c"),
    ("a glass of water", "un verre d'eau", "كوب ماء", "كوب ماء", "c"),
    ("a bottle of water", "une bouteille d'eau", "زجاجة ماء", "زجاجة ماء", "c"),
    ("an orange juice", "un jus d'orange", "عصير برتقال", "عصير برتقال", "c"),
    ("the fish of the day", "le poisson du jour", "سمك اليوم", "سمك اليوم", "c"),
    ("the dish of the day", "le plat du jour", "طبق اليوم", "طبق اليوم", "c"),
    ("a green salad", "une salade verte", "سلطة خضراء", "سلطة خضراء", "c"),
    ("a chicken tagine", "un tajine au poulet", "طاجين دجاج", "طاجين دجاج", "c"),
    ("a plate of couscous", "une assiette de couscous", "طبقًا من الكسكس", "طبق من الكسكس", "c"),
    ("a lentil soup", "une soupe de lentilles", "حساء عدس", "حساء عدس", "c"),
    ("a chocolate ice cream", "une glace au chocolat", "مثلجات بالشوكولاتة", "مثلجات بالشوكولاتة", "c"),
    ("a piece of cake", "un morceau de gâteau", "قطعة كعك", "قطعة كعك", "c"),
    ("another coffee", "un autre café", "قهوة أخرى", "قهوة أخرى", "c"),
    ("a grilled chicken", "un poulet grillé", "دجاجًا مشويًا", "دجاج مشوي", "c"),
    ("a lemonade", "une citronnade", "عصير ليمون", "عصير ليمون", "c"),
    ("two coffees", "deux cafés", "قهوتين", "قهوتين", "c"),
    ("three mint teas", "trois thés à la menthe", "ثلاثة أكواب من الشاي بالنعناع",
     "ثلاثة أكواب من الشاي بالنعناع", "c"),
    ("the menu", "la carte", "قائمة الطعام", "قائمة الطعام", "r"),
    ("the bill", "l'addition", "الحساب", "الحساب", "r"),
    ("some more bread", "encore un peu de pain", "المزيد من الخبز", "المزيد من الخبز", "r"),
    ("a table by the window", "une table près de la fenêtre", "طاولة قرب النافذة", "طاولة قرب النافذة", "r"),
    ("a clean fork", "une fourchette propre", "شوكة نظيفة", "شوكة نظيفة", "r"),
    ("some salt", "un peu de sel", "بعض الملح", "بعض الملح", "r"),
]
ORDER_FRAMES = [
    ("I would like {x}, please.", "Je voudrais {x}, s'il vous plaît.", "أريد {acc} من فضلك.", "cr"),
    ("We would like {x}, please.", "Nous voudrions {x}, s'il vous plaît.", "نريد {acc} من فضلك.", "cr"),
    ("Could I have {x}, please?", "Est-ce que je pourrais avoir {x}, s'il vous plaît ?",
     "هل يمكنني الحصول على {gen} من فضلك؟", "cr"),
    ("Could we have {x}, please?", "Pourrions-nous avoir {x}, s'il vous plaît ?",
     "هل يمكننا الحصول على {gen} من فضلك؟", "cr"),
    ("Bring us {x}, please.", "Apportez-nous {x}, s'il vous plaît.", "أحضر لنا {acc} من فضلك.", "cr"),
    ("Can you bring me {x}?", "Pouvez-vous m'apporter {x} ?", "هل يمكنك أن تحضر لي {acc}؟", "cr"),
    ("I'll have {x}.", "Je vais prendre {x}.", "سآخذ {acc}.", "c"),
    ("My wife would like {x}.", "Ma femme voudrait {x}.", "زوجتي تريد {acc}.", "c"),
    ("For my son, {x}, please.", "Pour mon fils, {x}, s'il vous plaît.", "لابني {acc} من فضلك.", "c"),
]


def t_order() -> list[Triple]:
    out = []
    for fe, ff, fa, kinds in ORDER_FRAMES:
        for en, fr, acc, gen, k in ORDERS:
            if k not in kinds:
                continue
            if fe.startswith("For my son") and k == "c" and "coffee" in en:
                continue
            ar = fa.replace("{acc}", acc).replace("{gen}", gen)
            out.append(T(fe.replace("{x}", en), fr_elide(ff.replace("{x}", fr)), ar))
    return out


# Things to taste: en, fr noun, fr gender, ar definite, ar gender (f also for non-human plurals), en plural, kind
TASTED = [
    ("soup", "soupe", "f", "الحساء", "m", False, "savoury hot"),
    ("salad", "salade", "f", "السلطة", "f", False, "savoury fresh"),
    ("coffee", "café", "m", "القهوة", "f", False, "drink hot sweet bitter"),
    ("tea", "thé", "m", "الشاي", "m", False, "drink hot sweet bitter"),
    ("cake", "gâteau", "m", "الكعكة", "f", False, "sweet dry"),
    ("bread", "pain", "m", "الخبز", "m", False, "fresh dry hot"),
    ("fish", "poisson", "m", "السمك", "m", False, "savoury fresh hot"),
    ("chicken", "poulet", "m", "الدجاج", "m", False, "savoury hot dry"),
    ("sauce", "sauce", "f", "الصلصة", "f", False, "savoury hot"),
    ("dish", "plat", "m", "الطبق", "m", False, "savoury hot"),
    ("tagine", "tajine", "m", "الطاجين", "m", False, "savoury hot"),
    ("juice", "jus", "m", "العصير", "m", False, "drink sweet fresh"),
    ("milk", "lait", "m", "الحليب", "m", False, "drink hot fresh"),
    ("apples", "pommes", "fp", "التفاحات", "f", True, "fruit"),
    ("oranges", "oranges", "fp", "البرتقالات", "f", True, "fruit"),
    ("grapes", "raisin", "m", "العنب", "m", True, "fruit"),
    ("dates", "dattes", "fp", "التمر", "m", True, "fruit dry"),
    ("tomatoes", "tomates", "fp", "الطماطم", "f", True, "fruit"),
    ("vegetables", "légumes", "mp", "الخضار", "f", True, "fresh"),
    ("croissants", "croissants", "mp", "الكرواسونات", "f", True, "fresh dry hot"),
    ("strawberries", "fraises", "fp", "الفراولة", "f", True, "fruit"),
    ("pastries", "pâtisseries", "fp", "الحلويات", "f", True, "sweet dry"),
]
# Taste adjectives: en, fr (m, f, mp, fp), ar m, ar f, ar m accusative, kinds it suits
TASTES = [
    ("delicious", ("délicieux", "délicieuse", "délicieux", "délicieuses"), "لذيذ", "لذيذة", "لذيذًا", "*"),
    ("salty", ("salé", "salée", "salés", "salées"), "مالح", "مالحة", "مالحًا", "savoury"),
    ("sweet", ("sucré", "sucrée", "sucrés", "sucrées"), "حلو", "حلوة", "حلوًا", "sweet fruit"),
    ("spicy", ("épicé", "épicée", "épicés", "épicées"), "حار", "حارة", "حارًا", "savoury"),
    ("cold", ("froid", "froide", "froids", "froides"), "بارد", "باردة", "باردًا", "hot"),
    ("hot", ("chaud", "chaude", "chauds", "chaudes"), "ساخن", "ساخنة", "ساخنًا", "hot"),
    ("fresh", ("frais", "fraîche", "frais", "fraîches"), "طازج", "طازجة", "طازجًا", "fresh fruit"),
    ("bitter", ("amer", "amère", "amers", "amères"), "مر", "مرة", "مرًا", "bitter"),
    ("dry", ("sec", "sèche", "secs", "sèches"), "جاف", "جافة", "جافًا", "dry"),
    ("ripe", ("mûr", "mûre", "mûrs", "mûres"), "ناضج", "ناضجة", "ناضجًا", "fruit"),
]


def t_taste() -> list[Triple]:
    out = []
    for en, frn, g, ar, ag, pl, kinds in TASTED:
        dem_ar = "هذه" if ag == "f" else "هذا"
        be, was = ("are", "were") if pl else ("is", "was")
        fr_be, fr_was, fr_be_n = ("sont", "étaient", "ne sont pas") if g.endswith("p") else (
            "est", "était", "n'est pas")
        kana, lam_yakun = ("كانت", "لم تكن") if ag == "f" else ("كان", "لم يكن")
        laysa = "ليست" if ag == "f" else "ليس"
        en_dem = "These" if pl else "This"
        for te, tf, am, af, aacc, suits in TASTES:
            if suits != "*" and not set(suits.split()) & set(kinds.split()):
                continue
            fa = fr_adj(tf, g)
            a_nom = af if ag == "f" else am
            a_acc = af if ag == "f" else aacc
            out.append(T(f"{en_dem} {en} {be} very {te}.", FR(f"{fr_dem(frn, g)} {fr_be} très {fa}."),
                         f"{dem_ar} {ar[0:]} {a_nom} جدًا."))
            out.append(T(f"{en_dem} {en} {be} not {te}.", FR(f"{fr_dem(frn, g)} {fr_be_n} {fa}."),
                         f"{dem_ar} {ar} {laysa} {a_acc}."))
            out.append(T(f"The {en} {was} very {te}.", FR(f"{fr_def(frn, g)} {fr_was} très {fa}."),
                         f"{kana} {ar} {a_acc} جدًا."))
            out.append(T(f"The {en} {was}n't {te}.", FR(f"{fr_def(frn, g)} n'{fr_was} pas {fa}."),
                         f"{lam_yakun} {ar} {a_acc}."))
            out.append(T(f"{'Are' if pl else 'Is'} the {en} {te}?", FR(f"est-ce que {fr_def(frn, g)} {fr_be} {fa} ?"),
                         f"هل {ar} {a_nom}؟"))
            if te in ("salty", "spicy", "sweet", "cold", "bitter", "dry"):
                out.append(T(f"The {en} {be} a bit {te}.", FR(f"{fr_def(frn, g)} {fr_be} un peu {fa}."),
                             f"{ar} {a_nom} قليلًا."))
    return out


# Recipe imperatives: en, fr tu, fr vous, fr neg tu, fr neg vous, ar m/f/pl, ar neg m/f/pl
RVERBS = {
    "wash": ("Wash", "Lave", "Lavez", None, None, ("اغسل", "اغسلي", "اغسلوا"), None),
    "cut": ("Cut", "Coupe", "Coupez", None, None, ("قطع", "قطعي", "قطعوا"), None),
    "peel": ("Peel", "Épluche", "Épluchez", None, None, ("قشر", "قشري", "قشروا"), None),
    "add": ("Add", "Ajoute", "Ajoutez", "N'ajoute pas", "N'ajoutez pas", ("أضف", "أضيفي", "أضيفوا"),
            ("لا تضف", "لا تضيفي", "لا تضيفوا")),
    "mix": ("Mix", "Mélange", "Mélangez", None, None, ("اخلط", "اخلطي", "اخلطوا"), None),
    "cook": ("Cook", "Fais cuire", "Faites cuire", None, None, ("اطبخ", "اطبخي", "اطبخوا"), None),
    "put": ("Put", "Mets", "Mettez", "Ne mets pas", "Ne mettez pas", ("ضع", "ضعي", "ضعوا"),
            ("لا تضع", "لا تضعي", "لا تضعوا")),
}
RCOMP = {
    "wash": [("", "", ""), (" carefully", " soigneusement", " جيدًا"), (" with cold water", " à l'eau froide",
                                                                        " بالماء البارد")],
    "cut": [(" into small pieces", " en petits morceaux", " إلى قطع صغيرة"), (" in half", " en deux", " إلى نصفين"),
            (" into thin slices", " en fines tranches", " إلى شرائح رقيقة")],
    "peel": [("", "", ""), (" with a knife", " avec un couteau", " بسكين")],
    "add": [(" to the soup", " à la soupe", " إلى الحساء"), (" to the sauce", " à la sauce", " إلى الصلصة"),
            (" now", " maintenant", " الآن"), (" at the end", " à la fin", " في النهاية")],
    "mix": [(" well", " bien", " جيدًا"), (" in a large bowl", " dans un grand bol", " في وعاء كبير")],
    "cook": [(" for ten minutes", " pendant dix minutes", " لمدة عشر دقائق"),
             (" for twenty minutes", " pendant vingt minutes", " لمدة عشرين دقيقة"),
             (" over a low heat", " à feu doux", " على نار هادئة"),
             (" for half an hour", " pendant une demi-heure", " لمدة نصف ساعة")],
    "put": [(" in the oven", " au four", " في الفرن"), (" in the fridge", " au réfrigérateur", " في الثلاجة")],
}
RITEMS = [
    ("the onions", "les oignons", "البصل", "cut peel add cook"),
    ("the tomatoes", "les tomates", "الطماطم", "wash cut peel add"),
    ("the carrots", "les carottes", "الجزر", "wash cut peel add cook"),
    ("the potatoes", "les pommes de terre", "البطاطس", "wash cut peel add cook put"),
    ("the meat", "la viande", "اللحم", "cut add cook put"),
    ("the chicken", "le poulet", "الدجاج", "wash cut cook put"),
    ("the rice", "le riz", "الأرز", "wash add cook"),
    ("the vegetables", "les légumes", "الخضار", "wash cut add mix cook"),
    ("the sugar", "le sucre", "السكر", "add mix"),
    ("the flour", "la farine", "الطحين", "add mix"),
    ("the eggs", "les œufs", "البيض", "add mix"),
    ("the lemon juice", "le jus de citron", "عصير الليمون", "add"),
    ("the garlic", "l'ail", "الثوم", "peel cut add"),
    ("the salt", "le sel", "الملح", "add"),
    ("the cake", "le gâteau", "الكعكة", "cut put"),
    ("the butter", "le beurre", "الزبدة", "add mix put"),
    ("the fish", "le poisson", "السمك", "wash cut cook put"),
]


def t_recipe() -> list[Triple]:
    out = []
    for ien, ifr, iar, vs in RITEMS:
        for vk in vs.split():
            ve, ftu, fvous, fntu, fnvous, ar3, arn3 = RVERBS[vk]
            for ce, cf, ca in RCOMP[vk]:
                if ca.strip() in ("إلى الحساء", "إلى الصلصة") and iar in ("السكر", "الطحين", "الزبدة"):
                    continue
                if vk == "cut" and iar == "الكعكة" and "شرائح" in ca:
                    continue
                for k, fverb in enumerate((ftu, ftu, fvous)):
                    out.append(T(f"{ve} {ien}{ce}.", FR(f"{fverb} {ifr}{cf}."), f"{ar3[k]} {iar}{ca}."))
                    if arn3 and ce.strip() in ("now", "in the fridge", "in the oven", "to the soup", "to the sauce"):
                        fn = (fntu, fntu, fnvous)[k]
                        out.append(T(f"Don't {ve.lower()} {ien}{ce}.", FR(f"{fn} {ifr}{cf}."),
                                     f"{arn3[k]} {iar}{ca}."))
    return out


COUNT_NS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20]


def _two_verb_subjects() -> list[Subj]:
    return [s for s in ALL_SUBJ if s.full in PERSONS]


def t_quantity() -> list[Triple]:
    out = []
    things = COUNTABLE + measured()
    rng = random.Random(11)
    for s in _two_verb_subjects():
        for c in things:
            for mode in ("past", "fut", "want", "need"):
                n = pick(rng, [1] + COUNT_NS)
                qe, qf, qa = count_np(c, n, "acc")
                i = IDX[s.p]
                third = s.p in ("he", "she")
                if mode in ("past", "fut"):
                    out.append(clause(s, BUY, mode, False, f" {qe}", f" {qf}", f" {qa}"))
                elif mode == "want":
                    ar_main = WANT_AR[IDX[s.ar_p]] + (f" {s.ar}" if s.ar else "")
                    en = EN(f"{s.en} {'wants' if third else 'want'} to buy {qe}.")
                    fr = FR(f"{s.fr} {VOULOIR[i]} acheter {qf}.")
                    ar = f"{ar_main} أن {_BUY_AR['subj'][IDX[s.full]]} {qa}."
                    out.append(T(en, fr, ar))
                else:
                    ar_main = NEED_AR[IDX[s.ar_p]] + (f" {s.ar}" if s.ar else "")
                    qa_gen = c[5] if n == 1 else qa
                    en = EN(f"{s.en} {'needs' if third else 'need'} {qe}.")
                    fr = FR(f"{s.fr} {AVOIR[i]} besoin de {qf}.")
                    out.append(T(en, fr, f"{ar_main} إلى {qa_gen}."))
    return out


HOW_MANY_FR = {
    "want": {"you_m": "veux-tu", "you_f": "veux-tu", "he": "veut-il", "she": "veut-elle", "we": "voulons-nous",
             "you_pl": "voulez-vous", "they": "veulent-ils"},
    "past": {"you_m": "as-tu", "you_f": "as-tu", "he": "a-t-il", "she": "a-t-elle", "we": "avons-nous",
             "you_pl": "avez-vous", "they": "ont-ils"},
}


def t_how_many() -> list[Triple]:
    out = []
    things = COUNTABLE + measured()
    for c in things:
        fem_pl = c[4] == "f"
        for p in ("you_m", "you_f", "he", "she", "we", "you_pl", "they"):
            i = IDX[p]
            do = "does" if p in ("he", "she") else "do"
            sub = SUBJECT_EN[p]
            out.append(T(f"How many {c[1]} {do} {sub} want?", FR(f"combien de {c[3]} {HOW_MANY_FR['want'][p]} ?"),
                         f"كم {c[10]} {WANT_AR[i]}؟"))
            pp = "achetées" if fem_pl else "achetés"
            out.append(T(f"How many {c[1]} did {sub} buy?", FR(f"combien de {c[3]} {HOW_MANY_FR['past'][p]} {pp} ?"),
                         f"كم {c[10]} {_BUY_AR['past'][i]}؟"))
            out.append(T(f"How many {c[1]} {do} {sub} need?",
                         FR(f"de combien de {c[3]} {HOW_MANY_FR['past'][p]} besoin ?"),
                         f"كم {c[10]} {NEED_AR[i]}؟"))
    return out


CONTAINERS = [("the fridge", "le réfrigérateur", "الثلاجة"), ("the basket", "le panier", "السلة"),
              ("the bag", "le sac", "الكيس"), ("the kitchen", "la cuisine", "المطبخ"),
              ("the car", "la voiture", "السيارة")]


def t_there_are() -> list[Triple]:
    out = []
    for c in COUNTABLE + measured():
        for ce, cf, ca in CONTAINERS:
            if ca == "الكيس" and ("bottle" in c[0] or "cup" in c[0] or "glass" in c[0]):
                continue
            if ca == "السيارة" and ("cup" in c[0] or "glass" in c[0]):
                continue
            for n in [1] + COUNT_NS:
                qe, qf, qa = count_np(c, n, "nom")
                if n == 1:
                    one = "واحد" if c[7] == "m" else "واحدة"
                    word = c[5].split(" من ")[0]
                    rest = c[5][len(word):]
                    ar_one = f"{word} {one}{rest}"
                    out.append(T(f"There is only one {c[0]} in {ce}.", FR(f"il n'y a que {qf} dans {cf}."),
                                 f"في {ca} {ar_one} فقط."))
                else:
                    out.append(T(f"There are {qe} in {ce}.", FR(f"il y a {qf} dans {cf}."), f"في {ca} {qa}."))
    return out


def t_price_item() -> list[Triple]:
    out = []
    rng = random.Random(5)
    for c in CLOTHES:
        for col in COLOURS:
            for plural in (False, True):
                np_ = cloth_np(c, col, plural)
                cur = pick(rng, CURRENCIES)
                pe, pf, pa = price(pick(rng, PRICES_BIG), cur)
                fr_np = f"{fr_def(np_['fr_n'], np_['g'])} {np_['fr_c']}"
                if plural:
                    out.append(T(f"The {np_['en']} cost {pe}.", FR(f"{fr_np} coûtent {pf}."),
                                 f"سعر {np_['ar_def']} {pa}."))
                    out.append(T(f"How much are the {np_['en']}?", FR(f"combien coûtent {fr_np} ?"),
                                 f"بكم {np_['ar_def']}؟"))
                else:
                    out.append(T(f"The {np_['en']} costs {pe}.", FR(f"{fr_np} coûte {pf}."),
                                 f"سعر {np_['ar_def']} {pa}."))
                    out.append(T(f"How much is the {np_['en']}?", FR(f"combien coûte {fr_np} ?"),
                                 f"بكم {np_['ar_def']}؟"))
                    dem = "هذه" if np_["ar_fem"] else "هذا"
                    s = pick(rng, PRON)
                    pe2, pf2, pa2 = price(pick(rng, [p for p in PRICES_BIG if p <= 200]), pick(rng, CURRENCIES))
                    fr_dem_np = f"{fr_dem(np_['fr_n'], np_['g'])} {np_['fr_c']}"
                    out.append(clause(s, BUY, "past", False, f" this {np_['en']} for {pe2}",
                                      f" {fr_dem_np} pour {pf2}", f" {dem} {np_['ar_def']} مقابل {pa2}"))
                    out.append(T(f"This {np_['en']} only costs {pe2}.", FR(f"{fr_dem_np} ne coûte que {pf2}."),
                                 f"سعر {dem} {np_['ar_def']} {pa2} فقط."))
    return out


KILO_ITEMS = [
    ("apples", "pommes", "التفاح"), ("oranges", "oranges", "البرتقال"), ("bananas", "bananes", "الموز"),
    ("tomatoes", "tomates", "الطماطم"), ("potatoes", "pommes de terre", "البطاطس"), ("onions", "oignons", "البصل"),
    ("carrots", "carottes", "الجزر"), ("grapes", "raisin", "العنب"), ("strawberries", "fraises", "الفراولة"),
    ("dates", "dattes", "التمر"), ("meat", "viande", "اللحم"), ("fish", "poisson", "السمك"),
    ("chicken", "poulet", "الدجاج"), ("lemons", "citrons", "الليمون"), ("figs", "figues", "التين"),
    ("cherries", "cerises", "الكرز"), ("peaches", "pêches", "الخوخ"), ("cheese", "fromage", "الجبن"),
    ("olives", "olives", "الزيتون"), ("almonds", "amandes", "اللوز"), ("coffee", "café", "القهوة"),
    ("lentils", "lentilles", "العدس"), ("rice", "riz", "الأرز"), ("sugar", "sucre", "السكر"),
]
KILO_WHERE = [("", "", ""), ("At the market, ", "au marché, ", "في السوق، "), ("Here, ", "ici, ", "هنا، "),
              ("In this shop, ", "dans ce magasin, ", "في هذا المحل، "), ("Today, ", "aujourd'hui, ", "اليوم، ")]


def t_price_kilo() -> list[Triple]:
    out = []
    rng = random.Random(7)
    for en, fr, ar in KILO_ITEMS:
        for we, wf, wa in KILO_WHERE:
            for cur in CURRENCIES:
                pe, pf, pa = price(pick(rng, [p for p in PRICES_SMALL if p <= 50]), cur)
                a = "a" if we else "A"
                out.append(T(f"{we}{a} kilo of {en} costs {pe}.", FR(f"{wf}un kilo {fr_de(fr)} coûte {pf}."),
                             f"{wa}سعر كيلوغرام {ar} {pa}."))
            q_where = {"": "", "At the market, ": " at the market", "Here, ": " here",
                       "In this shop, ": " in this shop", "Today, ": " today"}[we]
            out.append(T(f"How much is a kilo of {en}{q_where}?",
                         FR(f"combien coûte le kilo {fr_de(fr)}{' ' + wf.strip(', ') if wf else ''} ?"),
                         f"بكم كيلوغرام {ar}{' ' + wa.strip('، ') if wa else ''}؟"))
    return out


def t_money() -> list[Triple]:
    """'I only have 50 euros.' and 'He spent 200 dirhams at the market.'"""
    out = []
    rng = random.Random(9)
    fr_only = ["je n'ai que", "tu n'as que", "tu n'as que", "il n'a que", "elle n'a que", "nous n'avons que",
               "vous n'avez que", "ils n'ont que"]
    for p in PERSONS:
        i = IDX[p]
        for cur in CURRENCIES:
            for tail in (("", "", ""), (" in cash", " en espèces", " نقدًا"), (" left", " encore", " متبقية")):
                n = pick(rng, PRICES_SMALL + PRICES_BIG)
                pe, pf, pa = price(n, cur)
                has = "has" if p in ("he", "she") else "have"
                if tail[0] == " left":
                    fr = FR(f"il ne me reste que {pf}.") if p == "i" else None
                    if fr is None:
                        continue
                    out.append(T(f"I only have {pe} left.", fr, f"لم يبق معي إلا {pa}."))
                    continue
                out.append(T(EN(f"{SUBJECT_EN[p]} only {has} {pe}{tail[0]}."), FR(f"{fr_only[i]} {pf}{tail[1]}."),
                             f"ليس {AR_WITH[i]} إلا {pa}{tail[2]}."))
    where = [("at the market", "au marché", "في السوق"), ("at the supermarket", "au supermarché", "في السوبرماركت"),
             ("at the restaurant", "au restaurant", "في المطعم"), ("on clothes", "en vêtements", "على الملابس"),
             ("on food", "en nourriture", "على الطعام"), ("on vegetables", "en légumes", "على الخضار"),
             ("in this shop", "dans ce magasin", "في هذا المحل"), ("on gifts", "en cadeaux", "على الهدايا")]
    when = [("yesterday", "hier", "أمس"), ("last week", "la semaine dernière", "الأسبوع الماضي"),
            ("this month", "ce mois-ci", "هذا الشهر"), ("during the sales", "pendant les soldes", "خلال التخفيضات")]
    for s in ALL_SUBJ:
        for w in where:
            for tm in when:
                pe, pf, pa = price(pick(rng, PRICES_BIG), pick(rng, CURRENCIES))
                if rng.random() < 0.75:
                    out.append(clause(s, SPEND, "past", False, f" {pe} {w[0]} {tm[0]}", f" {pf} {w[1]} {tm[1]}",
                                      f" {pa} {w[2]} {tm[2]}"))
                else:
                    out.append(clause(s, SPEND, "past", True, f" more than {pe} {w[0]} {tm[0]}",
                                      f" plus de {pf} {w[1]} {tm[1]}", f" أكثر من {pa} {w[2]} {tm[2]}"))
    return out


LOOK_TAILS = [("", "", ""), (" for the wedding", " pour le mariage", " للعرس"),
              (" for the winter", " pour l'hiver", " للشتاء"), (" for work", " pour le travail", " للعمل"),
              (" as a gift", " pour offrir", " كهدية")]


def _ar_indef(c, col, case: str) -> str:
    """Indefinite 'a red shirt' in Arabic: case gen (no tanween alif) or acc."""
    if c[7] == "m":
        return f"{c[8] if case == 'acc' else c[5]} {col[7] if case == 'acc' else col[5]}"
    return f"{c[5]} {col[6]}"


def _en_a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def t_look_for() -> list[Triple]:
    out = []
    rng = random.Random(13)
    for s in ALL_SUBJ:
        for c in CLOTHES:
            for col in COLOURS:
                tail = pick(rng, LOOK_TAILS)
                i = IDX[s.p]
                be = EN_BE_C[i] if s.ar is None else f"{s.en} {'is' if s.p in ('he', 'she') else 'are'}"
                fr_np = f"{fr_indef(c[2], c[4])} {fr_adj(col[1:5], c[4])}"
                ar_main = LOOK_FOR_AR["pres"][IDX[s.ar_p]] + (f" {s.ar}" if s.ar else "")
                out.append(T(EN(f"{be} looking for {_en_a(col[0])} {c[0]}{tail[0]}."),
                             FR(f"{s.fr} {['cherche', 'cherches', 'cherches', 'cherche', 'cherche', 'cherchons', 'cherchez', 'cherchent'][i]} {fr_np}{tail[1]}."),
                             f"{ar_main} عن {_ar_indef(c, col, 'gen')}{tail[2]}."))
    return out


def t_want_clothes() -> list[Triple]:
    out = []
    for s in _two_verb_subjects():
        for c in CLOTHES:
            for col in COLOURS:
                i = IDX[s.p]
                third = s.p in ("he", "she")
                ar_main = WANT_AR[IDX[s.ar_p]] + (f" {s.ar}" if s.ar else "")
                inner = _BUY_AR["subj"][IDX[s.full]]
                fa = fr_adj(col[1:5], c[4])
                out.append(T(EN(f"{s.en} {'wants' if third else 'want'} to buy {_en_a(col[0])} {c[0]}."),
                             FR(f"{s.fr} {VOULOIR[i]} acheter {fr_indef(c[2], c[4])} {fa}."),
                             f"{ar_main} أن {inner} {_ar_indef(c, col, 'acc')}."))
                out.append(T(EN(f"{s.en} {'doesn' if third else 'don'}'t want to buy {_en_a(col[0])} {c[0]}."),
                             FR(f"{s.fr} ne {VOULOIR[i]} pas acheter {fr_de(c[2])} {fa}."),
                             f"لا {ar_main} أن {inner} {_ar_indef(c, col, 'acc')}."))
    return out


def t_try_on() -> list[Triple]:
    out = []
    frames = [
        ("Can I try on {x}?", "est-ce que je peux essayer {x} ?", "هل يمكنني أن أجرب {a}؟"),
        ("Could I try on {x}, please?", "est-ce que je pourrais essayer {x}, s'il vous plaît ?",
         "هل يمكنني أن أجرب {a} من فضلك؟"),
        ("Can my daughter try on {x}?", "est-ce que ma fille peut essayer {x} ?", "هل يمكن لابنتي أن تجرب {a}؟"),
        ("Where can I try on {x}?", "où est-ce que je peux essayer {x} ?", "أين يمكنني أن أجرب {a}؟"),
        ("I'd like to try on {x}.", "je voudrais essayer {x}.", "أريد أن أجرب {a}."),
        ("My son wants to try on {x}.", "mon fils veut essayer {x}.", "يريد ابني أن يجرب {a}."),
    ]
    for c in CLOTHES:
        for col in COLOURS:
            for plural in (False, True):
                np_ = cloth_np(c, col, plural)
                x_en = ("these " if plural else "this ") + np_["en"]
                x_fr = f"{fr_dem(np_['fr_n'], np_['g'])} {np_['fr_c']}"
                x_ar = ("هذه " if np_["ar_fem"] else "هذا ") + np_["ar_def"]
                for fe, ff, fa in frames:
                    out.append(T(fe.replace("{x}", x_en), FR(ff.replace("{x}", x_fr)), fa.replace("{a}", x_ar)))
    return out


# Fit adjectives: en, fr forms, ar m, ar f, ar m acc
FIT = [("small", ("petit", "petite", "petits", "petites"), "صغير", "صغيرة", "صغيرًا"),
       ("big", ("grand", "grande", "grands", "grandes"), "كبير", "كبيرة", "كبيرًا"),
       ("tight", ("serré", "serrée", "serrés", "serrées"), "ضيق", "ضيقة", "ضيقًا"),
       ("long", ("long", "longue", "longs", "longues"), "طويل", "طويلة", "طويلًا"),
       ("short", ("court", "courte", "courts", "courtes"), "قصير", "قصيرة", "قصيرًا"),
       ("loose", ("large", "large", "larges", "larges"), "واسع", "واسعة", "واسعًا")]
ON_AR = ["عليّ", "عليك", "عليكِ", "عليه", "عليها", "علينا", "عليكم", "عليهم"]


def t_fit() -> list[Triple]:
    out = []
    rng = random.Random(17)
    wearable = [c for c in CLOTHES if c[0] not in ("bag", "watch", "scarf")]
    for c in wearable:
        for col in COLOURS:
            for fe, ff, am, af, aacc in FIT:
                if fe in ("long", "short") and c[0] in ("hat", "belt", "sweater"):
                    continue
                p = pick(rng, PERSONS)
                i = IDX[p]
                np_ = cloth_np(c, col)
                fa = fr_adj(ff, c[4])
                dem = "هذه" if np_["ar_fem"] else "هذا"
                x_fr = f"{fr_dem(c[2], c[4])} {np_['fr_c']}"
                a_nom = af if np_["ar_fem"] else am
                a_acc = af if np_["ar_fem"] else aacc
                out.append(T(f"This {np_['en']} is too {fe} for {EN_OBJ[i]}.", FR(f"{x_fr} est trop {fa} pour {FR_STRESS[i]}."),
                             f"{dem} {np_['ar_def']} {a_nom} جدًا {ON_AR[i]}."))
                p2 = pick(rng, PERSONS)
                j = IDX[p2]
                kana = "كانت" if np_["ar_fem"] else "كان"
                out.append(T(f"The {np_['en']} was too {fe} for {EN_OBJ[j]}.",
                             FR(f"{fr_def(c[2], c[4])} {np_['fr_c']} était trop {fa} pour {FR_STRESS[j]}."),
                             f"{kana} {np_['ar_def']} {a_acc} جدًا {ON_AR[j]}."))
                fp = fr_adj(ff, "fp")
                out.append(T(f"These {col[0]} shoes are too {fe} for {EN_OBJ[i]}.",
                             FR(f"ces chaussures {col[4]} sont trop {fp} pour {FR_STRESS[i]}."),
                             f"هذه الأحذية ال{col[6]} {af} جدًا {ON_AR[i]}."))
    return out


FR_COL_NOUN = {"red": "rouge", "blue": "bleu", "green": "vert", "black": "noir", "white": "blanc",
               "yellow": "jaune", "grey": "gris", "brown": "marron", "pink": "rose"}


def t_have_colour() -> list[Triple]:
    out = []
    rng = random.Random(19)
    for c in CLOTHES:
        dem_ar = "هذه" if c[7] == "f" else "هذا"
        x_fr = fr_dem(c[2], c[4])
        for col in COLOURS:
            cf = FR_COL_NOUN[col[0]]
            out.append(T(f"Do you have this {c[0]} in {col[0]}?", FR(f"avez-vous {x_fr} en {cf} ?"),
                         f"هل عندكم {dem_ar} ال{c[5]} باللون ال{col[5]}؟"))
            out.append(T(f"We don't have this {c[0]} in {col[0]} any more.", FR(f"nous n'avons plus {x_fr} en {cf}."),
                         f"لم يعد عندنا {dem_ar} ال{c[5]} باللون ال{col[5]}."))
            out.append(T(f"We only have this {c[0]} in {col[0]}.", FR(f"nous n'avons {x_fr} qu'en {cf}."),
                         f"ليس عندنا {dem_ar} ال{c[5]} إلا باللون ال{col[5]}."))
        for size in (36, 38, 40, 42, 44, 46):
            out.append(T(f"Do you have this {c[0]} in size {size}?", FR(f"avez-vous {x_fr} en taille {size} ?"),
                         f"هل عندكم {dem_ar} ال{c[5]} بالمقاس {size}؟"))
        out.append(T(f"Do you have this {c[0]} in a smaller size?",
                     FR(f"avez-vous {x_fr} dans une taille plus petite ?"),
                     f"هل عندكم {dem_ar} ال{c[5]} بمقاس أصغر؟"))
        out.append(T(f"Do you have this {c[0]} in a bigger size?",
                     FR(f"avez-vous {x_fr} dans une taille plus grande ?"),
                     f"هل عندكم {dem_ar} ال{c[5]} بمقاس أكبر؟"))
        _ = rng
    return out


DEFECTS = [("torn", ("déchiré", "déchirée", "déchirés", "déchirées"), "ممزق", "ممزقة"),
           ("dirty", ("sale", "sale", "sales", "sales"), "متسخ", "متسخة"),
           ("damaged", ("abîmé", "abîmée", "abîmés", "abîmées"), "تالف", "تالفة")]


def t_return() -> list[Triple]:
    out = []
    who = [("I would like", "je voudrais", "أريد أن أعيد", "I", "je n'aime pas", "لأنني لا أحب"),
           ("We would like", "nous voudrions", "نريد أن نعيد", "we", "nous n'aimons pas", "لأننا لا نحب"),
           ("My sister would like", "ma sœur voudrait", "تريد أختي أن تعيد", "she", "elle n'aime pas",
            "لأنها لا تحب"),
           ("Can I", "est-ce que je peux", "هل يمكنني أن أعيد", "I?", "je n'aime pas", "لأنني لا أحب")]
    for c in CLOTHES:
        for plural in (False, True):
            en_n = (("these " if plural else "this ") + (c[1] if plural else c[0]))
            g = c[4] + ("p" if plural else "")
            x_fr = fr_dem(c[3] if plural else c[2], g)
            fem = plural or c[7] == "f"
            x_ar = ("هذه ال" + c[6]) if plural else (("هذه ال" if fem else "هذا ال") + c[5])
            it_en, it_fr = ("they are", ("elles sont" if c[4] == "f" else "ils sont")) if plural else (
                "it is", ("elle est" if c[4] == "f" else "il est"))
            because_ar = "لأنها" if fem else "لأنه"
            fits_fr = "elles ne me vont pas" if plural and c[4] == "f" else "ils ne me vont pas" if plural else (
                "elle ne me va pas" if c[4] == "f" else "il ne me va pas")
            fits_ar = "لا تناسبني" if fem else "لا يناسبني"
            for we, wf, wa, wp, neg_fr, neg_ar in who:
                q = wp.endswith("?")
                head_en = f"{we} return {en_n}" if q else f"{we} to return {en_n}"
                head_fr = f"{wf} rendre {x_fr}"
                reasons = [(f"{it_en} {d[0]}", f"{it_fr} {fr_adj(d[1], g)}", f"{because_ar} {d[3] if fem else d[2]}")
                           for d in DEFECTS]
                if wp in ("I", "I?"):
                    reasons.append((f"{'they don' if plural else 'it doesn'}'t fit me", fits_fr, f"{because_ar} {fits_ar}"))
                reasons.append((f"{'I' if wp.startswith('I') else wp} {'doesn' if wp == 'she' else 'don'}'t like the colour",
                                f"{neg_fr} la couleur", f"{neg_ar} اللون"))
                for re_, rf, ra in reasons:
                    en = f"{head_en} because {re_}{'?' if q else '.'}"
                    fr = FR(f"{head_fr} parce que {rf}{' ?' if q else '.'}")
                    ar = f"{wa} {x_ar} {ra}{'؟' if q else '.'}"
                    out.append(T(en, fr, ar))
    return out


def t_exchange() -> list[Triple]:
    out = []
    frames = [("Can I exchange", "est-ce que je peux échanger", "هل يمكنني أن أستبدل", "?"),
              ("I would like to exchange", "je voudrais échanger", "أريد أن أستبدل", "."),
              ("Can we exchange", "est-ce que nous pouvons échanger", "هل يمكننا أن نستبدل", "?")]
    for c in CLOTHES:
        fem = c[7] == "f"
        x_ar = ("هذه ال" if fem else "هذا ال") + c[5]
        one_ar = "بواحدة" if fem else "بواحد"
        x_fr = fr_dem(c[2], c[4])
        targets = [("a bigger size", "une taille plus grande", "بمقاس أكبر"),
                   ("a smaller size", "une taille plus petite", "بمقاس أصغر")]
        for col in COLOURS:
            targets.append((f"{_en_a(col[0])} one", f"{'une' if c[4] == 'f' else 'un'} {fr_adj(col[1:5], c[4])}",
                            f"{one_ar} {col[6] if fem else col[5]}"))
        for fe, ff, fa, end in frames:
            for te, tf, ta in targets:
                out.append(T(f"{fe} this {c[0]} for {te}{end}", FR(f"{ff} {x_fr} contre {tf}{' ?' if end == '?' else '.'}"),
                             f"{fa} {x_ar} {ta}{'؟' if end == '?' else '.'}"))
    return out


PAY_METHODS = [("by card", "par carte", "بالبطاقة"), ("in cash", "en espèces", "نقدًا"),
               ("by credit card", "par carte de crédit", "ببطاقة الائتمان"), ("in dollars", "en dollars", "بالدولار"),
               ("in euros", "en euros", "باليورو"), ("in dirhams", "en dirhams", "بالدرهم"),
               ("by cheque", "par chèque", "بشيك")]
PAY_TAILS = {"pres": [("", "", ""), (" at the market", " au marché", " في السوق"),
                      (" every time", " à chaque fois", " في كل مرة")],
             "past": [(" yesterday", " hier", " أمس"), (" at the restaurant", " au restaurant", " في المطعم"),
                      (" for the shoes", " les chaussures", " ثمن الأحذية")],
             "fut": [("", "", ""), (" tomorrow", " demain", " غدًا"), (" at the hotel", " à l'hôtel", " في الفندق")]}


def t_pay() -> list[Triple]:
    out = []
    for s in ALL_SUBJ:
        for me, mf, ma in PAY_METHODS:
            for tense in ("pres", "past", "fut"):
                for neg in (False, True):
                    for te, tf, ta in PAY_TAILS[tense]:
                        if ta == " ثمن الأحذية":
                            out.append(clause(s, PAY, tense, neg, f"{te} {me}", f"{tf} {mf}", f"{ta} {ma}"))
                        else:
                            out.append(clause(s, PAY, tense, neg, f" {me}{te}", f" {mf}{tf}", f" {ma}{ta}"))
    for me, mf, ma in PAY_METHODS:
        out.append(T(f"Can I pay {me}?", FR(f"est-ce que je peux payer {mf} ?"), f"هل يمكنني الدفع {ma}؟"))
        out.append(T(f"Can we pay {me}?", FR(f"est-ce que nous pouvons payer {mf} ?"), f"هل يمكننا الدفع {ma}؟"))
        out.append(T(f"You can pay {me} here, sir.", FR(f"vous pouvez payer {mf} ici, monsieur."),
                     f"يمكنك الدفع {ma} هنا يا سيدي."))
        out.append(T(f"You can pay {me} here, madam.", FR(f"vous pouvez payer {mf} ici, madame."),
                     f"يمكنكِ الدفع {ma} هنا يا سيدتي."))
    return out


DISCOUNT_CATS = [
    ("shoes", "chaussures", "fp", "الأحذية"), ("shirts", "chemises", "fp", "القمصان"),
    ("dresses", "robes", "fp", "الفساتين"), ("coats", "manteaux", "mp", "المعاطف"), ("bags", "sacs", "mp", "الحقائب"),
    ("jackets", "vestes", "fp", "السترات"), ("watches", "montres", "fp", "الساعات"),
    ("scarves", "écharpes", "fp", "الأوشحة"), ("sweaters", "pulls", "mp", "الكنزات"),
    ("children's clothes", "vêtements pour enfants", "mp", "ملابس الأطفال"),
    ("winter coats", "manteaux d'hiver", "mp", "المعاطف الشتوية"), ("fruit", "fruits", "mp", "الفواكه"),
    ("vegetables", "légumes", "mp", "الخضار"), ("cheeses", "fromages", "mp", "الأجبان"),
    ("sweets", "sucreries", "fp", "الحلويات"), ("belts", "ceintures", "fp", "الأحزمة"),
]
DISC_TIMES = [("today", "aujourd'hui", "اليوم"), ("this week", "cette semaine", "هذا الأسبوع"),
              ("until Sunday", "jusqu'à dimanche", "حتى يوم الأحد"),
              ("during the sales", "pendant les soldes", "خلال فترة التخفيضات"), ("", "", "")]


def t_discount() -> list[Triple]:
    out = []
    for en, fr, g, ar in DISCOUNT_CATS:
        tous = "toutes" if g == "fp" else "tous"
        all_ar = "كل " + ar if not ar.startswith("ملابس") else "كل " + ar
        for pct in (10, 15, 20, 25, 30, 40, 50, 60, 70):
            for te, tf, ta in DISC_TIMES:
                te, tf, ta = (f" {te}", f" {tf}", f" {ta}") if te else ("", "", "")
                out.append(T(f"There is a {pct}% discount on all {en}{te}.",
                             FR(f"il y a une réduction de {pct} % sur {tous} les {fr}{tf}."),
                             f"هناك تخفيض بنسبة {pct}% على {all_ar}{ta}."))
                out.append(T(f"We got a {pct}% discount on the {en}{te}.",
                             FR(f"nous avons eu une réduction de {pct} % sur les {fr}{tf}."),
                             f"حصلنا على تخفيض بنسبة {pct}% على {ar}{ta}."))
        for te, tf, ta in DISC_TIMES:
            te2, tf2, ta2 = (f" {te}", f" {tf}", f" {ta}") if te else ("", "", "")
            out.append(T(f"Is there a discount on {en}{te2}?", FR(f"est-ce qu'il y a une réduction sur les {fr}{tf2} ?"),
                         f"هل هناك تخفيض على {ar}{ta2}؟"))
    return out


WHERE_BUY = [
    ("fresh bread", "du pain frais", "خبزًا طازجًا"), ("good olive oil", "de la bonne huile d'olive",
                                                       "زيت زيتون جيدًا"),
    ("spices", "des épices", "التوابل"), ("fresh fish", "du poisson frais", "سمكًا طازجًا"),
    ("a winter coat", "un manteau d'hiver", "معطفًا شتويًا"), ("dates", "des dattes", "التمر"),
    ("a gift for my mother", "un cadeau pour ma mère", "هدية لأمي"),
    ("children's clothes", "des vêtements pour enfants", "ملابس أطفال"),
    ("cheap shoes", "des chaussures pas chères", "أحذية رخيصة"), ("a good watch", "une bonne montre", "ساعة جيدة"),
    ("halal meat", "de la viande halal", "لحمًا حلالًا"),
    ("a birthday cake", "un gâteau d'anniversaire", "كعكة عيد ميلاد"),
    ("fresh vegetables", "des légumes frais", "خضروات طازجة"), ("mint", "de la menthe", "النعناع"),
    ("a big suitcase", "une grande valise", "حقيبة سفر كبيرة"), ("traditional sweets", "des pâtisseries traditionnelles",
                                                                 "حلويات تقليدية"),
    ("a black suit", "un costume noir", "بدلة سوداء"), ("organic eggs", "des œufs bio", "بيضًا عضويًا"),
]


def t_where_buy() -> list[Triple]:
    out = []
    frames = [("Where can I buy {x}?", "où est-ce que je peux acheter {x} ?", "أين يمكنني أن أشتري {a}؟"),
              ("Where can we buy {x}?", "où est-ce qu'on peut acheter {x} ?", "أين يمكننا أن نشتري {a}؟"),
              ("Do you know where I can buy {x}?", "tu sais où je peux acheter {x} ?",
               "هل تعرف أين يمكنني أن أشتري {a}؟"),
              ("Do you know where we can buy {x}, madam?", "savez-vous où nous pouvons acheter {x}, madame ?",
               "هل تعرفين أين يمكننا أن نشتري {a} يا سيدتي؟"),
              ("I don't know where to buy {x}.", "je ne sais pas où acheter {x}.", "لا أعرف من أين أشتري {a}."),
              ("Where does your mother buy {x}?", "où est-ce que ta mère achète {x} ?", "من أين تشتري أمك {a}؟")]
    for fe, ff, fa in frames:
        for xe, xf, xa in WHERE_BUY:
            if "my mother" in xe and "mother" in fe:
                continue
            out.append(T(fe.replace("{x}", xe), FR(ff.replace("{x}", xf)), fa.replace("{a}", xa)))
    return out


LOCATIONS = [("five minutes' walk from here", "à cinq minutes à pied d'ici", "على بعد خمس دقائق سيرًا من هنا"),
             ("ten minutes' walk from here", "à dix minutes à pied d'ici", "على بعد عشر دقائق سيرًا من هنا"),
             ("at the end of the street", "au bout de la rue", "في نهاية الشارع"),
             ("next to the bank", "à côté de la banque", "بجانب البنك"),
             ("opposite the mosque", "en face de la mosquée", "مقابل المسجد"),
             ("behind the station", "derrière la gare", "خلف المحطة"),
             ("on the left", "sur la gauche", "على اليسار"), ("near the post office", "près de la poste",
                                                             "قرب مكتب البريد")]


def t_nearest() -> list[Triple]:
    out = []
    for en, frn, g, ar_i, ar_d, ag in SHOPS:
        plus = "la plus proche" if g == "f" else "le plus proche"
        near_ar = "قريبة" if ag == "f" else "قريب"
        out.append(T(f"Where is the nearest {en}?", FR(f"où est {fr_def(frn, g)} {plus} ?"), f"أين أقرب {ar_i}؟"))
        out.append(T(f"Is there {_en_a(en)} near here?", FR(f"est-ce qu'il y a {fr_indef(frn, g)} près d'ici ?"),
                     f"هل هناك {ar_i} {near_ar} من هنا؟"))
        out.append(T(f"Excuse me, is there {_en_a(en)} in this street?",
                     FR(f"excusez-moi, est-ce qu'il y a {fr_indef(frn, g)} dans cette rue ?"),
                     f"عفوًا، هل هناك {ar_i} في هذا الشارع؟"))
        for le, lf, la in LOCATIONS:
            out.append(T(f"The {en} is {le}.", FR(f"{fr_def(frn, g)} est {lf}."), f"{ar_d} {la}."))
            out.append(T(f"The nearest {en} is {le}.", FR(f"{fr_def(frn, g)} {plus} est {lf}."),
                         f"أقرب {ar_i} {la}."))
    return out


def t_hours() -> list[Triple]:
    out = []
    for en, frn, g, _ar_i, ar_d, ag in SHOPS:
        if en == "cash machine":
            continue
        fem = ag == "f"
        opens, closes = ("تفتح", "تغلق") if fem else ("يفتح", "يغلق")
        ouvert = "ouverte" if g == "f" else "ouvert"
        ferme = "fermée" if g == "f" else "fermé"
        maft, mugh = ("مفتوحة", "مغلقة") if fem else ("مفتوح", "مغلق")
        d = fr_def(frn, g)
        for h in (6, 7, 8, 9, 10):
            out.append(T(f"The {en} opens at {h} a.m.", FR(f"{d} ouvre à {h} heures."),
                         f"{opens} {ar_d} في الساعة {AR_ORD[h]} صباحًا."))
        for h in (6, 7, 8, 9, 10, 11):
            out.append(T(f"The {en} closes at {h} p.m.", FR(f"{d} ferme à {h + 12} heures."),
                         f"{closes} {ar_d} في الساعة {AR_ORD[h]} مساءً."))
        for de, dfr, da in DAYS:
            out.append(T(f"The {en} is closed on {de}s.", FR(f"{d} est {ferme} le {dfr}."), f"{ar_d} {mugh} يوم {da}."))
            out.append(T(f"Is the {en} open on {de}s?", FR(f"est-ce que {d} est {ouvert} le {dfr} ?"),
                         f"هل {ar_d} {maft} يوم {da}؟"))
            out.append(T(f"The {en} doesn't open on {de}s.", FR(f"{d} n'ouvre pas le {dfr}."),
                         f"لا {opens} {ar_d} يوم {da}."))
        out.append(T(f"What time does the {en} open?", FR(f"à quelle heure ouvre {d} ?"), f"متى {opens} {ar_d}؟"))
        out.append(T(f"What time does the {en} close?", FR(f"à quelle heure ferme {d} ?"), f"متى {closes} {ar_d}؟"))
    return out


# Comparatives: en, fr (m, f, mp, fp), ar elative
COMPARE_CLOTHES = [
    ("cheaper", ("moins cher", "moins chère", "moins chers", "moins chères"), "أرخص"),
    ("more expensive", ("plus cher", "plus chère", "plus chers", "plus chères"), "أغلى"),
    ("prettier", ("plus joli", "plus jolie", "plus jolis", "plus jolies"), "أجمل"),
    ("more comfortable", ("plus confortable", "plus confortable", "plus confortables", "plus confortables"),
     "أكثر راحة"),
    ("lighter", ("plus léger", "plus légère", "plus légers", "plus légères"), "أخف"),
    ("warmer", ("plus chaud", "plus chaude", "plus chauds", "plus chaudes"), "أدفأ"),
]
COMPARE_FOOD = [
    ("apples", "pommes", "fp", "التفاح", True, "fruit"), ("bananas", "bananes", "fp", "الموز", True, "fruit"),
    ("oranges", "oranges", "fp", "البرتقال", True, "fruit"), ("grapes", "raisin", "m", "العنب", True, "fruit"),
    ("fish", "poisson", "m", "السمك", False, "meat"), ("meat", "viande", "f", "اللحم", False, "meat"),
    ("chicken", "poulet", "m", "الدجاج", False, "meat"), ("tea", "thé", "m", "الشاي", False, "drink"),
    ("coffee", "café", "m", "القهوة", False, "drink"), ("dates", "dattes", "fp", "التمر", True, "fruit"),
    ("strawberries", "fraises", "fp", "الفراولة", True, "fruit"), ("tomatoes", "tomates", "fp", "الطماطم", True, "veg"),
    ("potatoes", "pommes de terre", "fp", "البطاطس", True, "veg"), ("carrots", "carottes", "fp", "الجزر", True, "veg"),
    ("onions", "oignons", "mp", "البصل", True, "veg"), ("figs", "figues", "fp", "التين", True, "fruit"),
    ("juice", "jus", "m", "العصير", False, "drink"), ("lamb", "agneau", "m", "لحم الخروف", False, "meat"),
]
COMPARE_FOOD_ADJ = [
    ("cheaper", ("moins cher", "moins chère", "moins chers", "moins chères"), "أرخص"),
    ("more expensive", ("plus cher", "plus chère", "plus chers", "plus chères"), "أغلى"),
    ("fresher", ("plus frais", "plus fraîche", "plus frais", "plus fraîches"), "أكثر طزاجة"),
]
CMP_WHERE = [("here", "ici", "هنا"), ("at the market", "au marché", "في السوق"),
             ("in winter", "en hiver", "في الشتاء"), ("this week", "cette semaine", "هذا الأسبوع")]


def t_compare() -> list[Triple]:
    out = []
    for c in CLOTHES:
        for col1 in COLOURS:
            for col2 in COLOURS:
                if col1 == col2:
                    continue
                for ae, af, aa in COMPARE_CLOTHES:
                    if ae == "warmer" and c[0] in ("bag", "watch", "belt", "shirt", "skirt", "dress"):
                        continue
                    n1, n2 = cloth_np(c, col1), cloth_np(c, col2)
                    fa = fr_adj(af, c[4])
                    art = "la" if c[4] == "f" else "le"
                    out.append(T(f"The {n1['en']} is {ae} than the {col2[0]} one.",
                                 FR(f"{fr_def(c[2], c[4])} {n1['fr_c']} est {fa} que {art} {n2['fr_c']}."),
                                 f"{n1['ar_def']} {aa} من {n2['ar_def']}."))
    for e1, f1, g1, a1, pl1, k1 in COMPARE_FOOD:
        for e2, f2, g2, a2, _pl2, k2 in COMPARE_FOOD:
            if e1 == e2 or k1 != k2:
                continue
            for ae, af, aa in COMPARE_FOOD_ADJ:
                if ae == "fresher" and k1 == "drink":
                    continue
                for we, wf, wa in CMP_WHERE:
                    out.append(T(EN(f"{e1} {'are' if pl1 else 'is'} {ae} than {e2} {we}."),
                                 FR(f"{fr_def(f1, g1)} {'sont' if g1.endswith('p') else 'est'} {fr_adj(af, g1)} que "
                                    f"{fr_def(f2, g2)} {wf}."),
                                 f"{a1} {aa} من {a2} {wa}."))
    return out


PEOPLE_AR = {2: "لشخصين", 3: "لثلاثة أشخاص", 4: "لأربعة أشخاص", 5: "لخمسة أشخاص", 6: "لستة أشخاص",
             7: "لسبعة أشخاص", 8: "لثمانية أشخاص", 9: "لتسعة أشخاص", 10: "لعشرة أشخاص"}
BOOK_WHEN = [("for Friday evening", "pour vendredi soir", "لمساء يوم الجمعة"),
             ("for tonight", "pour ce soir", "لهذا المساء"), ("for tomorrow lunchtime", "pour demain midi",
                                                              "لغداء الغد"),
             ("for Saturday at 8 p.m.", "pour samedi à 20 heures", "ليوم السبت في الساعة الثامنة مساءً"),
             ("for Sunday at 1 p.m.", "pour dimanche à 13 heures", "ليوم الأحد في الساعة الواحدة ظهرًا"),
             ("for next Thursday", "pour jeudi prochain", "ليوم الخميس القادم")]


def t_reserve() -> list[Triple]:
    out = []
    frames = [("I would like to book", "je voudrais réserver", "أريد أن أحجز", "."),
              ("We would like to book", "nous voudrions réserver", "نريد أن نحجز", "."),
              ("Can I book", "est-ce que je peux réserver", "هل يمكنني أن أحجز", "?"),
              ("I booked", "j'ai réservé", "حجزت", "."), ("My husband booked", "mon mari a réservé", "حجز زوجي", "."),
              ("We will book", "nous réserverons", "سنحجز", ".")]
    for fe, ff, fa, end in frames:
        for n in range(2, 11):
            for we, wf, wa in BOOK_WHEN:
                en_n = f"{EN_NUM[n]} people"
                dot = "" if we.endswith(".") and end == "." else end
                out.append(T(f"{fe} a table for {en_n} {we}{dot}",
                             FR(f"{ff} une table pour {FR_NUM[n]} personnes {wf}{' ?' if end == '?' else '.'}"),
                             f"{fa} طاولة {PEOPLE_AR[n]} {wa}{'؟' if end == '?' else '.'}"))
    return out


MEAL_VERBS = {  # en object, fr present / future / pp, ar object
    "breakfast": ("breakfast", ["prends le petit-déjeuner", "prends le petit-déjeuner", "prends le petit-déjeuner",
                                "prend le petit-déjeuner", "prend le petit-déjeuner", "prenons le petit-déjeuner",
                                "prenez le petit-déjeuner", "prennent le petit-déjeuner"],
                  ["prendr" + e + " le petit-déjeuner" for e in FUT_END], "pris le petit-déjeuner", "الفطور"),
    "lunch": ("lunch", fr_er("déjeun")[0], fr_er("déjeun")[1], "déjeuné", "الغداء"),
    "dinner": ("dinner", fr_er("dîn")[0], fr_er("dîn")[1], "dîné", "العشاء"),
}
MEAL_HOURS = {"breakfast": [(h, f"{h} a.m.", f"{h} heures", f"{AR_ORD[h]} صباحًا") for h in (6, 7, 8, 9)],
              "lunch": [(12, "noon", "midi", "الثانية عشرة ظهرًا"), (1, "1 p.m.", "13 heures", "الواحدة ظهرًا"),
                        (2, "2 p.m.", "14 heures", "الثانية ظهرًا")],
              "dinner": [(h, f"{h} p.m.", f"{h + 12} heures", f"{AR_ORD[h]} مساءً") for h in (7, 8, 9, 10)]}
MEAL_PLACES = [("at home", "à la maison", "في البيت"), ("at a restaurant", "au restaurant", "في مطعم"),
               ("at work", "au travail", "في العمل"), ("in the kitchen", "dans la cuisine", "في المطبخ"),
               ("with friends", "avec des amis", "مع الأصدقاء")]
MEAL_TIMES = {"pres": [("every day", "tous les jours", "كل يوم"), ("on weekdays", "en semaine", "في أيام العمل")],
              "past": [("yesterday", "hier", "أمس"), ("on Sunday", "dimanche", "يوم الأحد")],
              "fut": [("tomorrow", "demain", "غدًا"), ("on Friday", "vendredi", "يوم الجمعة")]}


def _meal_fr(s: Subj, meal: str, tense: str, neg: bool) -> str:
    _, pres, fut, pp, _ = MEAL_VERBS[meal]
    i = IDX[s.p]
    if tense == "past":
        aux = AVOIR[i]
        pp_head, _, pp_tail = pp.partition(" ")
        core = f"ne {aux} pas {pp}" if neg else f"{aux} {pp}"
        _ = (pp_head, pp_tail)
        return core
    form = pres[i] if tense == "pres" else fut[i]
    if neg:
        head, _, tail = form.partition(" ")
        return f"ne {head} pas{(' ' + tail) if tail else ''}"
    return form


def t_meal_times() -> list[Triple]:
    out = []
    rng = random.Random(23)
    for s in ALL_SUBJ:
        for meal in MEAL_VERBS:
            en_obj, _, _, _, ar_obj = MEAL_VERBS[meal]
            have = Verb(("have", "has", "had"), (), (), "", HAVE_MEAL)
            for tense in ("pres", "past", "fut"):
                for neg in (False, True):
                    for hour in MEAL_HOURS[meal]:
                        if neg:
                            continue
                        tm = pick(rng, MEAL_TIMES[tense])
                        en = EN(f"{s.en} {en_verb(s, have, tense)} {en_obj} at {hour[1]} {tm[0]}.")
                        fr = FR(f"{s.fr} {_meal_fr(s, meal, tense, False)} à {hour[2]} {tm[1]}.")
                        ar = f"{ar_clause(s, HAVE_MEAL, tense)} {ar_obj} في الساعة {hour[3]} {tm[2]}."
                        out.append(T(en, fr, ar))
                    for pl in MEAL_PLACES:
                        tm = pick(rng, MEAL_TIMES[tense])
                        en = EN(f"{s.en} {en_verb(s, have, tense, neg)} {en_obj} {pl[0]} {tm[0]}.")
                        fr = FR(f"{s.fr} {_meal_fr(s, meal, tense, neg)} {pl[1]} {tm[1]}.")
                        ar = f"{ar_clause(s, HAVE_MEAL, tense, neg)} {ar_obj} {pl[2]} {tm[2]}."
                        out.append(T(en, fr, ar))
    return out


def t_meal_questions() -> list[Triple]:
    out = []
    persons = ("you_m", "you_f", "he", "she", "you_pl", "they")
    fr_inv = {"you_m": "tu", "you_f": "tu", "he": "il", "she": "elle", "you_pl": "vous", "they": "ils"}
    eat_tbl, drink_tbl, buy_tbl, prep_tbl, pay_tbl = EAT.ar, DRINK.ar, _BUY_AR, _PREP_AR, PAY.ar
    for p in persons:
        i = IDX[p]
        su = SUBJECT_EN[p]
        do = "does" if p in ("he", "she") else "do"
        fs = fr_inv[p]
        for meal, (me, mf, ma) in zip(("breakfast", "lunch", "dinner"), MEALS, strict=False):
            ar_obj = MEAL_VERBS[meal][4]
            out.append(T(f"What {do} {su} usually eat for {me}?",
                         FR(f"qu'est-ce que {fs} {EAT.fr_pres[i]} d'habitude {mf} ?"),
                         f"ماذا {eat_tbl['pres'][i]} عادة {ma}؟"))
            out.append(T(f"What did {su} eat for {me}?", FR(f"qu'est-ce que {fs} {AVOIR[i]} mangé {mf} ?"),
                         f"ماذا {eat_tbl['past'][i]} {ma}؟"))
            out.append(T(f"What will {su} prepare for {me}?",
                         FR(f"qu'est-ce que {fs} {PREPARE.fr_fut[i]} pour le {mf.split()[-1]} ?"),
                         f"ماذا س{prep_tbl['pres'][i]} لوجبة {ar_obj}؟"))
            out.append(T(f"Where {do} {su} usually have {me}?",
                         FR(f"où est-ce que {fs} {MEAL_VERBS[meal][1][i]} d'habitude ?"),
                         f"أين {HAVE_MEAL['pres'][i]} {ar_obj} عادة؟"))
            out.append(T(f"Where did {su} have {me} yesterday?",
                         FR(f"où est-ce que {fs} {AVOIR[i]} {MEAL_VERBS[meal][3]} hier ?"),
                         f"أين {HAVE_MEAL['past'][i]} {ar_obj} أمس؟"))
            out.append(T(f"What time {do} {su} have {me}?",
                         FR(f"à quelle heure est-ce que {fs} {MEAL_VERBS[meal][1][i]} ?"),
                         f"متى {HAVE_MEAL['pres'][i]} {ar_obj}؟"))
        for when in (("in the morning", "le matin", "في الصباح"), ("in the evening", "le soir", "في المساء")):
            out.append(T(f"What {do} {su} drink {when[0]}?", FR(f"qu'est-ce que {fs} {DRINK.fr_pres[i]} {when[1]} ?"),
                         f"ماذا {drink_tbl['pres'][i]} {when[2]}؟"))
        for place in (("at the market", "au marché", "من السوق"), ("at the bakery", "à la boulangerie", "من المخبز"),
                      ("in town", "en ville", "في المدينة")):
            out.append(T(f"What did {su} buy {place[0]}?", FR(f"qu'est-ce que {fs} {AVOIR[i]} acheté {place[1]} ?"),
                         f"ماذا {buy_tbl['past'][i]} {place[2]}؟"))
        for en, frn, _g, ar, _ in FOODS:
            if en in ("spicy food", "sweets", "seafood", "butter", "pizza"):
                pass
            out.append(T(f"Why {do}n't {su} eat {en}?",
                         FR(f"pourquoi est-ce que {fs} ne {EAT.fr_pres[i]} pas {fr_de(frn)} ?"),
                         f"لماذا لا {eat_tbl['pres'][i]} {ar}؟"))
        for c in CLOTHES:
            out.append(T(f"How much did {su} pay for the {c[0]}?",
                         FR(f"combien est-ce que {fs} {AVOIR[i]} payé {fr_def(c[2], c[4])} ?"),
                         f"كم {pay_tbl['past'][i]} ثمن ال{c[5]}؟"))
    return out


LIKED = [("soup", "soupe", "f", "الحساء", "m"), ("salad", "salade", "f", "السلطة", "f"),
         ("tagine", "tajine", "m", "الطاجين", "m"), ("couscous", "couscous", "m", "الكسكس", "m"),
         ("cake", "gâteau", "m", "الكعكة", "f"), ("fish", "poisson", "m", "السمك", "m"),
         ("dessert", "dessert", "m", "الحلوى", "f"), ("food", "nourriture", "f", "الطعام", "m"),
         ("restaurant", "restaurant", "m", "المطعم", "m"), ("coffee", "café", "m", "القهوة", "f"),
         ("meal", "repas", "m", "الوجبة", "f"), ("pastries", "pâtisseries", "fp", "الحلويات", "f"),
         ("market", "marché", "m", "السوق", "f"), ("red dress", "robe rouge", "f", "الفستان الأحمر", "m"),
         ("new shop", "nouveau magasin", "m", "المحل الجديد", "m"), ("grilled chicken", "poulet grillé", "m",
                                                                      "الدجاج المشوي", "m"),
         ("mint tea", "thé à la menthe", "m", "الشاي بالنعناع", "m"), ("music in the café", "musique du café", "f",
                                                                       "الموسيقى في المقهى", "f")]


def t_liked() -> list[Triple]:
    out = []
    others = [("my mother", "ma mère", "أمي", "she"), ("my father", "mon père", "أبي", "he"),
              ("the guests", "les invités", "الضيوف", "they"), ("the children", "les enfants", "الأطفال", "they")]
    for en, frn, g, ar, ag in LIKED:
        d = fr_def(frn, g)
        v = "أعجبت" if ag == "f" else "أعجب"
        vn = "لم تعجب" if ag == "f" else "لم يعجب"
        for p in PERSONS:
            i = IDX[p]
            su = SUBJECT_EN[p]
            sfx = AR_SUFFIX[i] if p != "i" else "ني"
            out.append(T(EN(f"{su} liked the {en}."), FR(f"{SUBJECT_FR[p]} {AVOIR[i]} aimé {d}."),
                         f"{v}{sfx} {ar}."))
            out.append(T(EN(f"{su} didn't like the {en}."), FR(f"{SUBJECT_FR[p]} ne {AVOIR[i]} pas aimé {d}."),
                         f"{vn}{sfx} {ar}."))
            if p not in ("i", "we"):
                out.append(T(f"Did {su} like the {en}?", FR(f"est-ce que {SUBJECT_FR[p]} {AVOIR[i]} aimé {d} ?"),
                             f"هل {v}{sfx} {ar}؟"))
        for oe, of, oa, op in others:
            out.append(T(EN(f"{oe} liked the {en}."), FR(f"{of} {AVOIR[IDX[op]]} aimé {d}."), f"{v} {ar} {oa}."))
            out.append(T(EN(f"{oe} didn't like the {en}."), FR(f"{of} ne {AVOIR[IDX[op]]} pas aimé {d}."),
                         f"{vn} {ar} {oa}."))
    return out


VOCATIVES = {
    "you_m": [("Karim, ", "Karim, ", "يا كريم، "), ("Omar, ", "Omar, ", "يا عمر، "), ("Sami, ", "Sami, ", "يا سامي، "),
              ("Dad, ", "Papa, ", "يا أبي، ")],
    "you_f": [("Sarah, ", "Sarah, ", "يا سارة، "), ("Leila, ", "Leila, ", "يا ليلى، "),
              ("Mariam, ", "Mariam, ", "يا مريم، "), ("Mum, ", "Maman, ", "يا أمي، ")],
    "you_pl": [("Children, ", "Les enfants, ", "يا أطفال، "), ("Friends, ", "Mes amis, ", "يا أصدقائي، ")],
}


def t_offer() -> list[Triple]:
    out = []
    items = [(f[0], f[1], f[2], f[3]) for f in FOODS if f[0] not in ("spicy food", "seafood", "butter", "eggs")] + \
        list(DRINKS)
    want = {"you_m": ("tu veux", "هل تريد", "Prends", "خذ"), "you_f": ("tu veux", "هل تريدين", "Prends", "خذي"),
            "you_pl": ("vous voulez", "هل تريدون", "Prenez", "خذوا")}
    for p, vocs in VOCATIVES.items():
        fw, aw, fimp, aimp = want[p]
        for ve, vf, va in vocs:
            for en, frn, g, ar in items:
                part = fr_part(frn, g)
                out.append(T(f"{ve}would you like some more {en}?", FR(f"{vf}{fw} encore {part} ?"),
                             f"{va}{aw} المزيد من {ar}؟"))
                out.append(T(f"{ve}have some more {en}!", FR(f"{vf}{fimp.lower()} encore {part} !"),
                             f"{va}{aimp} المزيد من {ar}!"))
    return out


def t_prefer() -> list[Triple]:
    out = []
    pairs = [("tea", "coffee"), ("coffee", "tea"), ("fish", "meat"), ("meat", "fish"), ("rice", "pasta"),
             ("pasta", "rice"), ("water", "orange juice"), ("milk", "tea"), ("chicken", "fish"),
             ("apples", "oranges"), ("oranges", "bananas"), ("dates", "figs"), ("mint tea", "green tea"),
             ("honey", "chocolate"), ("cheese", "butter"), ("soup", "salad"), ("salad", "soup"),
             ("couscous", "rice"), ("grapes", "strawberries"), ("lemonade", "apple juice")]
    rng = random.Random(41)
    lex = {f[0]: (f[1], f[2], f[3]) for f in FOODS}
    lex.update({d[0]: (d[1], d[2], d[3]) for d in DRINKS})
    for s in ALL_SUBJ:
        for a, b in pairs:
            fa, ga, aa = lex[a]
            fb, gb, ab = lex[b]
            out.append(clause(s, PREFER, "pres", False, f" {a} to {b}", f" {fr_def(fa, ga)} à {fr_def(fb, gb)}",
                              f" {aa} على {ab}"))
        for c in CLOTHES:
            for col in COLOURS:
                if s.ar is not None and rng.random() < 0.75:
                    continue
                np_ = cloth_np(c, col)
                out.append(clause(s, PREFER, "pres", False, f" the {np_['en']}",
                                  f" {fr_def(c[2], c[4])} {np_['fr_c']}", f" {np_['ar_def']}"))
    return out


def t_possessive() -> list[Triple]:
    out = []
    trouver = fr_er("trouv")[0]
    porter = fr_er("port")[0]
    rng = random.Random(29)
    for p in PERSONS:
        i = IDX[p]
        su = SUBJECT_EN[p]
        third = p in ("he", "she")
        for c in CLOTHES:
            if p in ("he", "they") and c[0] in ("dress", "skirt"):
                continue
            for col in COLOURS:
                for plural in (False, True):
                    if plural and rng.random() < 0.6:
                        continue
                    g = c[4] + ("p" if plural else "")
                    fr_n = c[3] if plural else c[2]
                    fr_np = f"{fr_poss(p, g, fr_n)} {fr_n} {fr_adj(col[1:5], g)}"
                    fem = plural or c[7] == "f"
                    ar_n = ar_poss(c[6] if plural else c[5], p)
                    ar_np = f"{ar_n} ال{col[6] if fem else col[5]}"
                    en_np = f"{EN_POSS[i]} {col[0]} {c[1] if plural else c[0]}"
                    mode = rng.randrange(4)
                    if mode == 0:
                        out.append(T(EN(f"{su} can't find {en_np}."), FR(f"{SUBJECT_FR[p]} ne {trouver[i]} pas {fr_np}."),
                                     f"لا {FIND_AR[i]} {ar_np}."))
                    elif mode == 1:
                        out.append(T(EN(f"{su} lost {en_np}."), FR(f"{SUBJECT_FR[p]} {AVOIR[i]} perdu {fr_np}."),
                                     f"{LOSE_AR[i]} {ar_np}."))
                    elif mode == 2 and c[0] not in ("bag", "watch"):
                        out.append(T(EN(f"{EN_BE_C[i]} wearing {en_np} today."),
                                     FR(f"{SUBJECT_FR[p]} {porter[i]} {fr_np} aujourd'hui."),
                                     f"{WEAR_AR[i]} {ar_np} اليوم."))
                    else:
                        out.append(T(f"Where {'are' if plural else 'is'} {en_np}?",
                                     FR(f"où {'sont' if plural else 'est'} {fr_np} ?"), f"أين {ar_np}؟"))
                    _ = third
    return out


INGREDIENTS = [("milk", "lait", "m", "حليب", False), ("eggs", "œufs", "mp", "بيض", True),
               ("sugar", "sucre", "m", "سكر", False), ("meat", "viande", "f", "لحم", False),
               ("nuts", "noix", "fp", "مكسرات", True), ("salt", "sel", "m", "ملح", False),
               ("butter", "beurre", "m", "زبدة", False), ("garlic", "ail", "m", "ثوم", False),
               ("onions", "oignons", "mp", "بصل", True), ("flour", "farine", "f", "طحين", False),
               ("chocolate", "chocolat", "m", "شوكولاتة", False), ("fish", "poisson", "m", "سمك", False),
               ("cheese", "fromage", "m", "جبن", False), ("honey", "miel", "m", "عسل", False)]
IN_DISHES = [("cake", "gâteau", "m", "الكعكة", "f", "sweet"), ("soup", "soupe", "f", "الحساء", "m", "savoury"),
             ("salad", "salade", "f", "السلطة", "f", "savoury"), ("sauce", "sauce", "f", "الصلصة", "f", "savoury"),
             ("bread", "pain", "m", "الخبز", "m", "bread"), ("dish", "plat", "m", "الطبق", "m", "savoury"),
             ("dessert", "dessert", "m", "الحلوى", "f", "sweet"), ("tagine", "tajine", "m", "الطاجين", "m", "savoury")]
ING_OK = {"sweet": {"milk", "eggs", "sugar", "nuts", "butter", "flour", "chocolate", "honey"},
          "savoury": {"milk", "eggs", "sugar", "meat", "nuts", "salt", "butter", "garlic", "onions", "fish",
                      "cheese", "honey"},
          "bread": {"milk", "eggs", "sugar", "nuts", "salt", "butter", "flour", "cheese"}}


def t_ingredients() -> list[Triple]:
    out = []
    for de, dfr, dg, da, dag, kind in IN_DISHES:
        dem_ar = "هذه" if dag == "f" else "هذا"
        contains = "تحتوي" if dag == "f" else "يحتوي"
        for ie, ifr, ig, ia, ipl in INGREDIENTS:
            if ie not in ING_OK[kind]:
                continue
            x = fr_dem(dfr, dg)
            out.append(T(f"{'Are there any' if ipl else 'Is there any'} {ie} in this {de}?",
                         FR(f"est-ce qu'il y a {fr_part(ifr, ig)} dans {x} ?"), f"هل يوجد {ia} في {dem_ar} {da}؟"))
            out.append(T(f"There {'are' if ipl else 'is'} no {ie} in this {de}.",
                         FR(f"il n'y a pas {fr_de(ifr)} dans {x}."), f"لا يوجد {ia} في {dem_ar} {da}."))
            out.append(T(f"This {de} contains {ie}.", FR(f"{x} contient {fr_part(ifr, ig)}."),
                         f"{contains} {dem_ar} {da} على {ia}."))
    allergic_fr = ["je suis allergique", "tu es allergique", "tu es allergique", "il est allergique",
                   "elle est allergique", "nous sommes allergiques", "vous êtes allergiques", "ils sont allergiques"]
    have_ar = ["عندي", "عندك", "عندكِ", "عنده", "عندها", "عندنا", "عندكم", "عندهم"]
    for p in PERSONS:
        i = IDX[p]
        for ie, ifr, ig, ia, _ipl in INGREDIENTS:
            if ie in ("salt", "sugar", "meat", "flour", "onions", "garlic", "cheese", "butter", "honey"):
                continue
            out.append(T(EN(f"{SUBJECT_EN[p]} {EN_BE[i]} allergic to {ie}."),
                         FR(f"{allergic_fr[i]} {'aux' if ig.endswith('p') else fr_elide('à ' + fr_def(ifr, ig))} "
                            f"{ifr if ig.endswith('p') else ''}".rstrip() + "."),
                         f"{have_ar[i]} حساسية من ال{ia}."))
    return out


# Clothes predicates: en, fr forms, ar m, ar f, ar m acc
CLOTH_ADJ = [("comfortable", ("confortable", "confortable", "confortables", "confortables"), "مريح", "مريحة", "مريحًا"),
             ("expensive", ("cher", "chère", "chers", "chères"), "باهظ الثمن", "باهظة الثمن", "باهظ الثمن"),
             ("cheap", ("bon marché",) * 4, "رخيص", "رخيصة", "رخيصًا"),
             ("beautiful", ("beau", "belle", "beaux", "belles"), "جميل", "جميلة", "جميلًا"),
             ("light", ("léger", "légère", "légers", "légères"), "خفيف", "خفيفة", "خفيفًا"),
             ("warm", ("chaud", "chaude", "chauds", "chaudes"), "دافئ", "دافئة", "دافئًا"),
             ("elegant", ("élégant", "élégante", "élégants", "élégantes"), "أنيق", "أنيقة", "أنيقًا"),
             ("heavy", ("lourd", "lourde", "lourds", "lourdes"), "ثقيل", "ثقيلة", "ثقيلًا")]


def t_clothes_pred() -> list[Triple]:
    out = []
    rng = random.Random(31)
    for c in CLOTHES:
        for col in COLOURS:
            for ae, af, am, afem, aacc in CLOTH_ADJ:
                if ae == "warm" and c[0] in ("bag", "watch", "belt", "shirt", "skirt", "dress"):
                    continue
                if ae == "heavy" and c[0] in ("shirt", "scarf", "belt", "hat", "skirt"):
                    continue
                mode = rng.randrange(4)
                plural = mode == 3
                np_ = cloth_np(c, col, plural)
                fa = fr_adj(af, np_["g"])
                fem = np_["ar_fem"]
                a_nom = afem if fem else am
                a_acc = afem if fem else aacc
                if mode == 0:
                    out.append(T(f"This {np_['en']} is very {ae}.",
                                 FR(f"{fr_dem(np_['fr_n'], np_['g'])} {np_['fr_c']} est très {fa}."),
                                 f"{'هذه' if fem else 'هذا'} {np_['ar_def']} {a_nom} جدًا."))
                elif mode == 1:
                    out.append(T(f"The {np_['en']} is not {ae}.",
                                 FR(f"{fr_def(np_['fr_n'], np_['g'])} {np_['fr_c']} n'est pas {fa}."),
                                 f"{np_['ar_def']} {'ليست' if fem else 'ليس'} {a_acc}."))
                elif mode == 2:
                    out.append(T(f"The {np_['en']} was very {ae}.",
                                 FR(f"{fr_def(np_['fr_n'], np_['g'])} {np_['fr_c']} était très {fa}."),
                                 f"{'كانت' if fem else 'كان'} {np_['ar_def']} {a_acc} جدًا."))
                else:
                    out.append(T(f"These {np_['en']} are very {ae}.",
                                 FR(f"ces {np_['fr_n']} {np_['fr_c']} sont très {fa}."),
                                 f"هذه {np_['ar_def']} {a_nom} جدًا."))
    return out


def t_dual() -> list[Triple]:
    out = []
    rng = random.Random(37)
    places = [("in the window", "dans la vitrine", "في الواجهة"), ("in my bag", "dans mon sac", "في حقيبتي"),
              ("on the bed", "sur le lit", "على السرير")]
    for c in CLOTHES:
        for col in COLOURS:
            fem = c[7] == "f"
            d_nom = col[10] if fem else col[8]
            d_acc = col[11] if fem else col[9]
            fp = fr_adj(col[1:5], c[4] + "p")
            for s in rng.sample(ALL_SUBJ, 3):
                out.append(clause(s, BUY, "past", False, f" two {col[0]} {c[1]}", f" deux {c[3]} {fp}",
                                  f" {c[10]} {d_acc}"))
            pl = pick(rng, places)
            if c[0] == "bag" and "bag" in pl[0]:
                continue
            out.append(T(f"There are two {col[0]} {c[1]} {pl[0]}.", FR(f"il y a deux {c[3]} {fp} {pl[1]}."),
                         f"{pl[2]} {c[9]} {d_nom}."))
    return out


TEMPLATES = [t_like, t_eat, t_drink, t_buy_place, t_prepare, t_order, t_taste, t_recipe, t_quantity, t_how_many,
             t_there_are, t_price_item, t_price_kilo, t_money, t_look_for, t_want_clothes, t_try_on, t_fit,
             t_have_colour, t_return, t_exchange, t_pay, t_discount, t_where_buy, t_nearest, t_hours, t_compare,
             t_reserve, t_meal_times, t_meal_questions, t_liked, t_offer, t_prefer, t_possessive, t_ingredients,
             t_clothes_pred, t_dual]


# ---------------------------------------------------------------------------------------------------------
# Hand-written sentences
# ---------------------------------------------------------------------------------------------------------

HAND: list[tuple[str, str, str]] = [
    # At the restaurant
    ("A table for two, please.", "Une table pour deux, s'il vous plaît.", "طاولة لشخصين من فضلك."),
    ("Do you have a table for four tonight?", "Avez-vous une table pour quatre ce soir ?", "هل عندكم طاولة لأربعة أشخاص هذا المساء؟"),
    ("Sorry, the restaurant is full.", "Désolé, le restaurant est complet.", "آسف، المطعم ممتلئ."),
    ("Can we sit outside?", "Est-ce qu'on peut s'asseoir dehors ?", "هل يمكننا أن نجلس في الخارج؟"),
    ("The waiter brought us the menu.", "Le serveur nous a apporté la carte.", "أحضر لنا النادل قائمة الطعام."),
    ("What do you recommend?", "Qu'est-ce que vous nous conseillez ?", "ماذا تنصحنا أن نطلب؟"),
    ("What is the dish of the day?", "Quel est le plat du jour ?", "ما هو طبق اليوم؟"),
    ("Are you ready to order?", "Vous êtes prêts à commander ?", "هل أنتم مستعدون للطلب؟"),
    ("Not yet, we need a few more minutes.", "Pas encore, il nous faut encore quelques minutes.", "ليس بعد، نحتاج إلى بضع دقائق أخرى."),
    ("I'm a vegetarian.", "Je suis végétarien.", "أنا نباتي."),
    ("My wife is a vegetarian.", "Ma femme est végétarienne.", "زوجتي نباتية."),
    ("Do you have any vegetarian dishes?", "Avez-vous des plats végétariens ?", "هل عندكم أطباق نباتية؟"),
    ("Is this dish very spicy?", "Est-ce que ce plat est très épicé ?", "هل هذا الطبق حار جدًا؟"),
    ("Not too spicy, please.", "Pas trop épicé, s'il vous plaît.", "ليس حارًا جدًا من فضلك."),
    ("I'd like my meat well done.", "Je voudrais ma viande bien cuite.", "أريد اللحم مطهوًا جيدًا."),
    ("Can I have the salad without onions?", "Est-ce que je peux avoir la salade sans oignons ?", "هل يمكنني الحصول على السلطة بدون بصل؟"),
    ("The food is taking a long time.", "Le repas met beaucoup de temps à arriver.", "الطعام يتأخر كثيرًا."),
    ("We have been waiting for half an hour.", "Nous attendons depuis une demi-heure.", "ننتظر منذ نصف ساعة."),
    ("This isn't what I ordered.", "Ce n'est pas ce que j'ai commandé.", "هذا ليس ما طلبته."),
    ("My soup is cold.", "Ma soupe est froide.", "حسائي بارد."),
    ("Could you warm it up, please?", "Pourriez-vous la réchauffer, s'il vous plaît ?", "هل يمكنك أن تسخنه من فضلك؟"),
    ("Everything was delicious, thank you.", "Tout était délicieux, merci.", "كان كل شيء لذيذًا، شكرًا."),
    ("The bill, please.", "L'addition, s'il vous plaît.", "الحساب من فضلك."),
    ("Is service included?", "Est-ce que le service est compris ?", "هل الخدمة مشمولة؟"),
    ("We'll pay separately.", "Nous allons payer séparément.", "سندفع كل واحد على حدة."),
    ("Dinner is on me tonight.", "C'est moi qui invite ce soir.", "العشاء على حسابي الليلة."),
    ("Keep the change.", "Gardez la monnaie.", "احتفظ بالباقي."),
    ("We left a tip for the waiter.", "Nous avons laissé un pourboire au serveur.", "تركنا بقشيشًا للنادل."),
    ("This restaurant is famous for its fish.", "Ce restaurant est célèbre pour son poisson.", "هذا المطعم مشهور بسمكه."),
    ("The chef cooks with fresh vegetables from the market.", "Le chef cuisine avec des légumes frais du marché.", "يطبخ الطاهي بخضار طازجة من السوق."),
    ("We ate at a small restaurant near the port.", "Nous avons mangé dans un petit restaurant près du port.", "أكلنا في مطعم صغير قرب الميناء."),
    ("Have you ever eaten Moroccan food?", "Est-ce que tu as déjà mangé de la cuisine marocaine ?", "هل أكلت الطعام المغربي من قبل؟"),
    ("Lebanese food is my favourite.", "La cuisine libanaise est ma préférée.", "المطبخ اللبناني هو المفضل عندي."),
    ("The waitress was very kind.", "La serveuse était très gentille.", "كانت النادلة لطيفة جدًا."),
    ("Can I see the dessert menu?", "Est-ce que je peux voir la carte des desserts ?", "هل يمكنني أن أرى قائمة الحلويات؟"),
    ("For dessert, I'll have a fruit salad.", "Comme dessert, je vais prendre une salade de fruits.", "كحلوى، سآخذ سلطة فواكه."),
    ("Two coffees and a mint tea, please.", "Deux cafés et un thé à la menthe, s'il vous plaît.", "قهوتان وشاي بالنعناع من فضلك."),
    ("Do you want sugar in your tea?", "Tu veux du sucre dans ton thé ?", "هل تريد سكرًا في شايك؟"),
    ("No sugar for me, thanks.", "Pas de sucre pour moi, merci.", "بدون سكر بالنسبة لي، شكرًا."),
    ("Just a little milk, please.", "Juste un peu de lait, s'il vous plaît.", "قليل من الحليب فقط من فضلك."),
    ("We would like to order a takeaway.", "Nous voudrions commander à emporter.", "نريد أن نطلب طعامًا سفريًا."),
    ("Do you deliver to the city centre?", "Est-ce que vous livrez au centre-ville ?", "هل توصلون الطلبات إلى وسط المدينة؟"),
    ("The delivery will take forty minutes.", "La livraison prendra quarante minutes.", "سيستغرق التوصيل أربعين دقيقة."),
    ("I ordered a pizza online.", "J'ai commandé une pizza en ligne.", "طلبت بيتزا عبر الإنترنت."),
    ("The pizza arrived cold.", "La pizza est arrivée froide.", "وصلت البيتزا باردة."),
    # Eating at home
    ("Dinner is ready!", "Le dîner est prêt !", "العشاء جاهز!"),
    ("Come and eat, children!", "Venez manger, les enfants !", "تعالوا كلوا يا أطفال!"),
    ("Wash your hands before eating.", "Lavez-vous les mains avant de manger.", "اغسلوا أيديكم قبل الأكل."),
    ("Enjoy your meal!", "Bon appétit !", "بالهناء والشفاء!"),
    ("I'm very hungry.", "J'ai très faim.", "أنا جائع جدًا."),
    ("She isn't hungry.", "Elle n'a pas faim.", "هي ليست جائعة."),
    ("We are thirsty.", "Nous avons soif.", "نحن عطشى."),
    ("Are you thirsty, Sarah?", "Tu as soif, Sarah ?", "هل أنتِ عطشى يا سارة؟"),
    ("I'm full, thank you.", "J'ai assez mangé, merci.", "شبعت، شكرًا."),
    ("Who wants more soup?", "Qui veut encore de la soupe ?", "من يريد المزيد من الحساء؟"),
    ("Pass me the salt, please.", "Passe-moi le sel, s'il te plaît.", "ناولني الملح من فضلك."),
    ("Can you pass me the bread?", "Tu peux me passer le pain ?", "هل يمكنك أن تناولني الخبز؟"),
    ("Set the table, please.", "Mets la table, s'il te plaît.", "جهز المائدة من فضلك."),
    ("Who will wash the dishes tonight?", "Qui va faire la vaisselle ce soir ?", "من سيغسل الصحون الليلة؟"),
    ("My father washed the dishes after dinner.", "Mon père a fait la vaisselle après le dîner.", "غسل أبي الصحون بعد العشاء."),
    ("There is nothing in the fridge.", "Il n'y a rien dans le frigo.", "لا يوجد شيء في الثلاجة."),
    ("We have run out of milk.", "Nous n'avons plus de lait.", "نفد الحليب عندنا."),
    ("There are no more eggs.", "Il n'y a plus d'œufs.", "لم يعد هناك بيض."),
    ("Is there any bread left?", "Est-ce qu'il reste du pain ?", "هل بقي خبز؟"),
    ("The milk has gone off.", "Le lait a tourné.", "فسد الحليب."),
    ("Put the cheese back in the fridge.", "Remets le fromage au frigo.", "أعد الجبن إلى الثلاجة."),
    ("Breakfast is the most important meal of the day.", "Le petit-déjeuner est le repas le plus important de la journée.", "الفطور أهم وجبة في اليوم."),
    ("I never eat breakfast.", "Je ne prends jamais de petit-déjeuner.", "لا أتناول الفطور أبدًا."),
    ("In the morning I only drink a coffee.", "Le matin, je bois seulement un café.", "في الصباح أشرب قهوة فقط."),
    ("We eat together every evening.", "Nous mangeons ensemble tous les soirs.", "نأكل معًا كل مساء."),
    ("My grandmother makes the best couscous in the world.", "Ma grand-mère fait le meilleur couscous du monde.", "جدتي تعد أفضل كسكس في العالم."),
    ("On Fridays we eat couscous with the family.", "Le vendredi, nous mangeons du couscous en famille.", "يوم الجمعة نأكل الكسكس مع العائلة."),
    ("During Ramadan we break the fast with dates and milk.", "Pendant le ramadan, nous rompons le jeûne avec des dattes et du lait.", "في رمضان نفطر على التمر والحليب."),
    ("My mother made a big cake for Eid.", "Ma mère a fait un grand gâteau pour l'Aïd.", "صنعت أمي كعكة كبيرة للعيد."),
    ("The children love chocolate cake.", "Les enfants adorent le gâteau au chocolat.", "يحب الأطفال كعكة الشوكولاتة كثيرًا."),
    ("My little brother doesn't like vegetables.", "Mon petit frère n'aime pas les légumes.", "أخي الصغير لا يحب الخضار."),
    ("You should eat more fruit.", "Tu devrais manger plus de fruits.", "يجب أن تأكل المزيد من الفواكه."),
    ("He eats too much sugar.", "Il mange trop de sucre.", "يأكل كثيرًا من السكر."),
    ("I'm on a diet.", "Je suis au régime.", "أنا أتبع حمية غذائية."),
    ("She doesn't eat meat or fish.", "Elle ne mange ni viande ni poisson.", "هي لا تأكل اللحم ولا السمك."),
    ("I can't eat bread; I'm allergic to gluten.", "Je ne peux pas manger de pain ; je suis allergique au gluten.", "لا أستطيع أكل الخبز؛ عندي حساسية من الغلوتين."),
    ("Is this meat halal?", "Est-ce que cette viande est halal ?", "هل هذا اللحم حلال؟"),
    ("This water is not drinkable.", "Cette eau n'est pas potable.", "هذا الماء غير صالح للشرب."),
    ("Drink a lot of water when it is hot.", "Bois beaucoup d'eau quand il fait chaud.", "اشرب كثيرًا من الماء عندما يكون الجو حارًا."),
    ("Tea without sugar is bitter.", "Le thé sans sucre est amer.", "الشاي بدون سكر مر."),
    ("This melon smells very good.", "Ce melon sent très bon.", "رائحة هذا الشمام طيبة جدًا."),
    ("The bread is still warm.", "Le pain est encore chaud.", "الخبز ما زال ساخنًا."),
    ("These strawberries are not ripe yet.", "Ces fraises ne sont pas encore mûres.", "هذه الفراولة لم تنضج بعد."),
    ("The bananas are too ripe.", "Les bananes sont trop mûres.", "الموز ناضج أكثر من اللازم."),
    ("What's for dinner tonight?", "Qu'est-ce qu'on mange ce soir ?", "ماذا سنأكل الليلة؟"),
    ("Let's order something to eat.", "Commandons quelque chose à manger.", "لنطلب شيئًا نأكله."),
    ("I'll make some tea.", "Je vais faire du thé.", "سأعد بعض الشاي."),
    ("The water is boiling.", "L'eau bout.", "الماء يغلي."),
    ("Don't forget to turn off the oven.", "N'oublie pas d'éteindre le four.", "لا تنس أن تطفئ الفرن."),
    ("The cake burned in the oven.", "Le gâteau a brûlé dans le four.", "احترقت الكعكة في الفرن."),
    # Cooking and recipes
    ("Heat the oil in a large pan.", "Faites chauffer l'huile dans une grande poêle.", "سخنوا الزيت في مقلاة كبيرة."),
    ("Boil the water, then add the pasta.", "Faites bouillir l'eau, puis ajoutez les pâtes.", "أغلوا الماء، ثم أضيفوا المعكرونة."),
    ("Let the soup cook for an hour.", "Laissez cuire la soupe pendant une heure.", "اتركوا الحساء على النار لمدة ساعة."),
    ("Serve the tagine hot with bread.", "Servez le tajine chaud avec du pain.", "قدموا الطاجين ساخنًا مع الخبز."),
    ("You need three eggs for this recipe.", "Il faut trois œufs pour cette recette.", "تحتاج إلى ثلاث بيضات لهذه الوصفة."),
    ("This recipe is very easy.", "Cette recette est très facile.", "هذه الوصفة سهلة جدًا."),
    ("Can you give me the recipe?", "Tu peux me donner la recette ?", "هل يمكنك أن تعطيني الوصفة؟"),
    ("My aunt taught me how to make bread.", "Ma tante m'a appris à faire du pain.", "علمتني خالتي كيف أصنع الخبز."),
    ("I'm learning to cook.", "J'apprends à cuisiner.", "أتعلم الطبخ."),
    ("He cooks very well.", "Il cuisine très bien.", "يطبخ جيدًا جدًا."),
    ("Who cooked this delicious meal?", "Qui a préparé ce délicieux repas ?", "من طبخ هذه الوجبة اللذيذة؟"),
    ("The secret is in the spices.", "Le secret, ce sont les épices.", "السر في التوابل."),
    ("Add a pinch of salt and a little pepper.", "Ajoutez une pincée de sel et un peu de poivre.", "أضيفوا رشة ملح وقليلًا من الفلفل."),
    ("Cut the bread into slices.", "Coupez le pain en tranches.", "قطعوا الخبز إلى شرائح."),
    ("Let the cake cool before cutting it.", "Laissez refroidir le gâteau avant de le couper.", "اتركوا الكعكة تبرد قبل تقطيعها."),
    ("The rice needs twenty minutes.", "Le riz a besoin de vingt minutes.", "يحتاج الأرز إلى عشرين دقيقة."),
    ("Taste the sauce before serving it.", "Goûte la sauce avant de la servir.", "تذوق الصلصة قبل أن تقدمها."),
    ("There is too much salt in this soup.", "Il y a trop de sel dans cette soupe.", "في هذا الحساء ملح كثير جدًا."),
    ("The meat is not cooked enough.", "La viande n'est pas assez cuite.", "اللحم غير مطهو بما فيه الكفاية."),
    ("We grilled fish on the beach.", "Nous avons grillé du poisson sur la plage.", "شوينا السمك على الشاطئ."),
    ("Mint tea is served in small glasses.", "Le thé à la menthe est servi dans de petits verres.", "يقدم الشاي بالنعناع في كؤوس صغيرة."),
    ("My father makes the tea every evening.", "Mon père prépare le thé tous les soirs.", "يعد أبي الشاي كل مساء."),
    ("I bought a new cookbook.", "J'ai acheté un nouveau livre de cuisine.", "اشتريت كتاب طبخ جديدًا."),
    # At the market and in shops
    ("How much is it?", "C'est combien ?", "بكم هذا؟"),
    ("It's too expensive for me.", "C'est trop cher pour moi.", "إنه باهظ الثمن جدًا بالنسبة لي."),
    ("Can you lower the price a little?", "Vous pouvez baisser un peu le prix ?", "هل يمكنك أن تخفض السعر قليلًا؟"),
    ("That's my last price.", "C'est mon dernier prix.", "هذا آخر سعر عندي."),
    ("I'll give you forty dirhams.", "Je vous donne quarante dirhams.", "سأعطيك أربعين درهمًا."),
    ("All right, it's a deal.", "D'accord, marché conclu.", "حسنًا، اتفقنا."),
    ("In the souk, people often bargain.", "Au souk, les gens marchandent souvent.", "في السوق يساوم الناس كثيرًا."),
    ("The market is very crowded on Saturday morning.", "Le marché est très animé le samedi matin.", "السوق مزدحمة جدًا صباح يوم السبت."),
    ("The fruit here is fresh and cheap.", "Ici, les fruits sont frais et pas chers.", "الفواكه هنا طازجة ورخيصة."),
    ("Give me a kilo of tomatoes, please.", "Donnez-moi un kilo de tomates, s'il vous plaît.", "أعطني كيلوغرامًا من الطماطم من فضلك."),
    ("Half a kilo of olives, please.", "Un demi-kilo d'olives, s'il vous plaît.", "نصف كيلوغرام من الزيتون من فضلك."),
    ("Anything else?", "Et avec ceci ?", "هل تريد شيئًا آخر؟"),
    ("That's all, thank you.", "C'est tout, merci.", "هذا كل شيء، شكرًا."),
    ("Do you have a bag?", "Vous avez un sac ?", "هل عندك كيس؟"),
    ("A plastic bag costs one dirham.", "Un sac en plastique coûte un dirham.", "ثمن الكيس البلاستيكي درهم واحد."),
    ("I always bring my own bag.", "J'apporte toujours mon propre sac.", "أحضر دائمًا كيسي الخاص."),
    ("The grocer gave me a free orange.", "L'épicier m'a donné une orange gratuite.", "أعطاني البقال برتقالة مجانًا."),
    ("This shop sells only local products.", "Ce magasin vend seulement des produits locaux.", "هذا المحل يبيع المنتجات المحلية فقط."),
    ("The baker opens his shop at six in the morning.", "Le boulanger ouvre sa boutique à six heures du matin.", "يفتح الخباز محله في الساعة السادسة صباحًا."),
    ("The fishmonger sells fish from the port.", "Le poissonnier vend du poisson du port.", "يبيع بائع السمك سمكًا من الميناء."),
    ("The butcher cut the meat for us.", "Le boucher nous a coupé la viande.", "قطع لنا الجزار اللحم."),
    ("Where are the eggs, please?", "Où sont les œufs, s'il vous plaît ?", "أين البيض من فضلك؟"),
    ("The rice is in aisle five.", "Le riz est dans le rayon cinq.", "الأرز في الممر الخامس."),
    ("We need a trolley.", "Nous avons besoin d'un chariot.", "نحتاج إلى عربة تسوق."),
    ("I forgot the shopping list at home.", "J'ai oublié la liste de courses à la maison.", "نسيت قائمة التسوق في البيت."),
    ("Did you write the shopping list?", "Tu as écrit la liste des courses ?", "هل كتبت قائمة التسوق؟"),
    ("We do our shopping on Saturdays.", "Nous faisons nos courses le samedi.", "نتسوق يوم السبت."),
    ("I hate shopping on Saturdays.", "Je déteste faire les courses le samedi.", "أكره التسوق يوم السبت."),
    ("The supermarket is open twenty-four hours a day.", "Le supermarché est ouvert vingt-quatre heures sur vingt-quatre.", "السوبرماركت مفتوح أربعًا وعشرين ساعة في اليوم."),
    ("The shops are closed on public holidays.", "Les magasins sont fermés les jours fériés.", "المحلات مغلقة في أيام العطل الرسمية."),
    ("The queue at the cash desk is very long.", "La file d'attente à la caisse est très longue.", "الطابور عند الصندوق طويل جدًا."),
    ("Is this cash desk open?", "Est-ce que cette caisse est ouverte ?", "هل هذا الصندوق مفتوح؟"),
    ("Prices have gone up this year.", "Les prix ont augmenté cette année.", "ارتفعت الأسعار هذا العام."),
    ("Everything is more expensive than last year.", "Tout est plus cher que l'année dernière.", "كل شيء أغلى من العام الماضي."),
    ("Meat has become very expensive.", "La viande est devenue très chère.", "أصبح اللحم غاليًا جدًا."),
    ("Vegetables are cheaper in summer.", "Les légumes sont moins chers en été.", "الخضار أرخص في الصيف."),
    ("The price is written on the label.", "Le prix est écrit sur l'étiquette.", "السعر مكتوب على البطاقة."),
    ("There is no price on this bag.", "Il n'y a pas de prix sur ce sac.", "لا يوجد سعر على هذه الحقيبة."),
    ("Is it on sale?", "Est-ce que c'est en solde ?", "هل هو مخفض؟"),
    ("The sales start next week.", "Les soldes commencent la semaine prochaine.", "تبدأ التخفيضات الأسبوع القادم."),
    ("Buy two, get one free.", "Deux achetés, un offert.", "اشتر اثنين واحصل على الثالث مجانًا."),
    ("It's a good price.", "C'est un bon prix.", "إنه سعر جيد."),
    ("It's a real bargain!", "C'est une vraie affaire !", "إنها صفقة رابحة حقًا!"),
    ("I'm just looking, thank you.", "Je regarde seulement, merci.", "أنا أتفرج فقط، شكرًا."),
    ("Can I help you, madam?", "Je peux vous aider, madame ?", "هل يمكنني مساعدتكِ يا سيدتي؟"),
    ("Can I help you, sir?", "Je peux vous aider, monsieur ?", "هل يمكنني مساعدتك يا سيدي؟"),
    ("I'm looking for a present for my son.", "Je cherche un cadeau pour mon fils.", "أبحث عن هدية لابني."),
    ("Could you wrap it as a gift?", "Pourriez-vous faire un paquet-cadeau ?", "هل يمكنك أن تغلفه كهدية؟"),
    ("What size do you wear, please?", "Quelle taille faites-vous, s'il vous plaît ?", "ما هو مقاسك من فضلك؟"),
    ("I wear a size 40.", "Je fais du 40.", "مقاسي 40."),
    ("What is your shoe size?", "Quelle est votre pointure ?", "ما مقاس حذائك؟"),
    ("These shoes hurt my feet.", "Ces chaussures me font mal aux pieds.", "هذا الحذاء يؤلم قدمي."),
    ("The fitting rooms are at the back of the shop.", "Les cabines d'essayage sont au fond du magasin.", "غرف القياس في آخر المحل."),
    ("This colour suits you very well.", "Cette couleur te va très bien.", "هذا اللون يناسبك جدًا."),
    ("Black suits her.", "Le noir lui va bien.", "اللون الأسود يناسبها."),
    ("It fits perfectly!", "Ça me va parfaitement !", "إنه مناسب تمامًا!"),
    ("It's a bit too big, do you have a smaller one?", "C'est un peu trop grand, vous en avez un plus petit ?", "إنه كبير قليلًا، هل عندكم أصغر منه؟"),
    ("This shirt is made of cotton.", "Cette chemise est en coton.", "هذا القميص مصنوع من القطن."),
    ("Is this bag real leather?", "Est-ce que ce sac est en vrai cuir ?", "هل هذه الحقيبة من الجلد الطبيعي؟"),
    ("This scarf is made of silk.", "Cette écharpe est en soie.", "هذا الوشاح مصنوع من الحرير."),
    ("Can I wash this sweater in the machine?", "Est-ce que je peux laver ce pull en machine ?", "هل يمكنني غسل هذه الكنزة في الغسالة؟"),
    ("I'll take it.", "Je le prends.", "سآخذه."),
    ("I'll take both.", "Je prends les deux.", "سآخذ الاثنين."),
    ("I'll think about it.", "Je vais réfléchir.", "سأفكر في الأمر."),
    ("I don't have enough money.", "Je n'ai pas assez d'argent.", "ليس معي ما يكفي من المال."),
    ("I left my wallet at home.", "J'ai laissé mon portefeuille à la maison.", "تركت محفظتي في البيت."),
    ("Where is the nearest cash machine?", "Où est le distributeur le plus proche ?", "أين أقرب صراف آلي؟"),
    ("Do you accept credit cards?", "Vous acceptez les cartes de crédit ?", "هل تقبلون بطاقات الائتمان؟"),
    ("We only accept cash.", "Nous acceptons seulement les espèces.", "نقبل النقود فقط."),
    ("Your card has been refused.", "Votre carte a été refusée.", "تم رفض بطاقتك."),
    ("Enter your code, please.", "Tapez votre code, s'il vous plaît.", "أدخل رمزك من فضلك."),
    ("Here is your change.", "Voici votre monnaie.", "تفضل الباقي."),
    ("Here is your receipt.", "Voici votre ticket de caisse.", "تفضل الإيصال."),
    ("Do you want the receipt?", "Vous voulez le ticket ?", "هل تريد الإيصال؟"),
    ("Keep the receipt in case you want to return it.", "Gardez le ticket au cas où vous voudriez le rendre.", "احتفظ بالإيصال في حال أردت إرجاعه."),
    ("I lost the receipt.", "J'ai perdu le ticket de caisse.", "أضعت الإيصال."),
    ("You can't return it without the receipt.", "Vous ne pouvez pas le rendre sans le ticket.", "لا يمكنك إرجاعه بدون الإيصال."),
    ("You have thirty days to return an item.", "Vous avez trente jours pour rendre un article.", "لديك ثلاثون يومًا لإرجاع أي منتج."),
    ("Can I have a refund?", "Est-ce que je peux être remboursé ?", "هل يمكنني استرداد المال؟"),
    ("We don't give refunds, only exchanges.", "Nous ne remboursons pas, nous faisons seulement des échanges.", "لا نعيد المال، نقوم بالاستبدال فقط."),
    ("The manager will be here in five minutes.", "Le responsable sera là dans cinq minutes.", "سيأتي المدير بعد خمس دقائق."),
    ("I'd like to speak to the manager.", "Je voudrais parler au responsable.", "أريد أن أتحدث مع المدير."),
    ("You gave me the wrong change.", "Vous ne m'avez pas rendu la bonne monnaie.", "أعطيتني الباقي بشكل خاطئ."),
    ("The total is 250 dirhams.", "Le total est de 250 dirhams.", "المجموع 250 درهمًا."),
    ("That makes 38 euros in total.", "Ça fait 38 euros en tout.", "المجموع 38 يورو."),
    ("I paid 12 dollars for a sandwich!", "J'ai payé 12 dollars pour un sandwich !", "دفعت 12 دولارًا مقابل شطيرة!"),
    ("A coffee costs 3 euros here.", "Ici, un café coûte 3 euros.", "ثمن القهوة هنا 3 يورو."),
    ("A kilo of dates costs 30 riyals.", "Un kilo de dattes coûte 30 riyals.", "سعر كيلوغرام التمر 30 ريالًا."),
    ("Can you change a 200-dirham note?", "Pouvez-vous faire la monnaie sur un billet de 200 dirhams ?", "هل يمكنك أن تصرف ورقة من فئة 200 درهم؟"),
    ("I don't have any change.", "Je n'ai pas de monnaie.", "ليس معي فكة."),
    ("How many dirhams is one euro?", "Un euro, ça fait combien de dirhams ?", "كم درهمًا يساوي اليورو الواحد؟"),
    ("Where can I change money?", "Où est-ce que je peux changer de l'argent ?", "أين يمكنني صرف العملة؟"),
    ("She saves money every month.", "Elle économise de l'argent chaque mois.", "تدخر المال كل شهر."),
    ("We spent too much this month.", "Nous avons trop dépensé ce mois-ci.", "أنفقنا كثيرًا هذا الشهر."),
    ("My brother buys everything online.", "Mon frère achète tout en ligne.", "أخي يشتري كل شيء عبر الإنترنت."),
    ("The parcel will arrive on Tuesday.", "Le colis arrivera mardi.", "سيصل الطرد يوم الثلاثاء."),
    ("Delivery is free for orders over 50 euros.", "La livraison est gratuite pour les commandes de plus de 50 euros.", "التوصيل مجاني للطلبات التي تزيد على 50 يورو."),
    ("The new shopping centre has more than a hundred shops.", "Le nouveau centre commercial compte plus de cent magasins.", "في المركز التجاري الجديد أكثر من مئة محل."),
    ("We went shopping with our cousins.", "Nous sommes allés faire les courses avec nos cousins.", "ذهبنا للتسوق مع أبناء عمنا."),
    ("Sarah bought a dress for the wedding.", "Sarah a acheté une robe pour le mariage.", "اشترت سارة فستانًا للعرس."),
    ("Karim never buys expensive clothes.", "Karim n'achète jamais de vêtements chers.", "لا يشتري كريم الملابس الغالية أبدًا."),
    ("My mother buys fish only on Fridays.", "Ma mère n'achète du poisson que le vendredi.", "أمي لا تشتري السمك إلا يوم الجمعة."),
    ("This bakery makes the best croissants in town.", "Cette boulangerie fait les meilleurs croissants de la ville.", "هذا المخبز يصنع أفضل كرواسون في المدينة."),
    ("There is always a queue in front of this bakery.", "Il y a toujours la queue devant cette boulangerie.", "هناك دائمًا طابور أمام هذا المخبز."),
    ("Do you sell stamps?", "Vous vendez des timbres ?", "هل تبيعون الطوابع؟"),
    ("Sorry, we don't sell cigarettes.", "Désolé, nous ne vendons pas de cigarettes.", "آسف، لا نبيع السجائر."),
    ("The shop assistant was very helpful.", "La vendeuse a été très serviable.", "كانت البائعة متعاونة جدًا."),
    ("The shop closes in ten minutes.", "Le magasin ferme dans dix minutes.", "يغلق المحل بعد عشر دقائق."),
    ("We arrived too late; the market was closed.", "Nous sommes arrivés trop tard ; le marché était fermé.", "وصلنا متأخرين جدًا؛ كانت السوق مغلقة."),
    ("Fruit and vegetables are on the ground floor.", "Les fruits et légumes sont au rez-de-chaussée.", "الفواكه والخضار في الطابق الأرضي."),
    ("Women's clothes are on the first floor.", "Les vêtements pour femmes sont au premier étage.", "ملابس النساء في الطابق الأول."),
    ("Where are the fitting rooms?", "Où sont les cabines d'essayage ?", "أين غرف القياس؟"),
    ("Do you have this in another colour?", "Vous l'avez dans une autre couleur ?", "هل عندكم هذا بلون آخر؟"),
    ("Which one do you prefer, the blue one or the green one?", "Lequel tu préfères, le bleu ou le vert ?", "أيهما تفضل، الأزرق أم الأخضر؟"),
    ("I prefer the first one.", "Je préfère le premier.", "أفضل الأول."),
    ("Both are beautiful.", "Les deux sont beaux.", "كلاهما جميل."),
    ("Winter clothes are half price.", "Les vêtements d'hiver sont à moitié prix.", "ملابس الشتاء بنصف السعر."),
    ("I bought these shoes at half price.", "J'ai acheté ces chaussures à moitié prix.", "اشتريت هذا الحذاء بنصف السعر."),
    ("How much did you pay for your watch?", "Combien as-tu payé ta montre ?", "كم دفعت ثمن ساعتك؟"),
    ("She paid 90 euros for her new shoes.", "Elle a payé ses nouvelles chaussures 90 euros.", "دفعت 90 يورو ثمن حذائها الجديد."),
    # Tastes, opinions and everyday talk about food
    ("This is the best tagine I have ever eaten.", "C'est le meilleur tajine que j'aie jamais mangé.", "هذا أفضل طاجين أكلته في حياتي."),
    ("I don't like very sweet things.", "Je n'aime pas les choses trop sucrées.", "لا أحب الأشياء الحلوة جدًا."),
    ("He puts sugar in everything.", "Il met du sucre partout.", "يضع السكر في كل شيء."),
    ("Do you prefer sweet or savoury food?", "Tu préfères le sucré ou le salé ?", "هل تفضل الطعام الحلو أم المالح؟"),
    ("I have a sweet tooth.", "Je suis gourmand.", "أحب الحلويات كثيرًا."),
    ("My favourite fruit is the mango.", "Mon fruit préféré est la mangue.", "فاكهتي المفضلة هي المانجو."),
    ("What is your favourite dish?", "Quel est ton plat préféré ?", "ما هو طبقك المفضل؟"),
    ("My favourite dish is chicken with lemon and olives.", "Mon plat préféré est le poulet au citron et aux olives.", "طبقي المفضل هو الدجاج بالليمون والزيتون."),
    ("This cheese smells strong.", "Ce fromage sent fort.", "رائحة هذا الجبن قوية."),
    ("The coffee in this café is excellent.", "Dans ce café, le café est excellent.", "القهوة في هذا المقهى ممتازة."),
    ("Their bread is always fresh.", "Leur pain est toujours frais.", "خبزهم طازج دائمًا."),
    ("The portions are very big in this restaurant.", "Les portions sont très grandes dans ce restaurant.", "الحصص كبيرة جدًا في هذا المطعم."),
    ("The food was good but the service was slow.", "La nourriture était bonne mais le service était lent.", "كان الطعام جيدًا لكن الخدمة كانت بطيئة."),
    ("I've never tasted camel meat.", "Je n'ai jamais goûté la viande de chameau.", "لم أتذوق لحم الجمل أبدًا."),
    ("Would you like to taste it?", "Tu veux goûter ?", "هل تريد أن تتذوقه؟"),
    ("It tastes like chicken.", "Ça a le goût du poulet.", "طعمه مثل طعم الدجاج."),
    ("This juice has no taste.", "Ce jus n'a pas de goût.", "هذا العصير ليس له طعم."),
    ("The soup needs a little more salt.", "La soupe a besoin d'un peu plus de sel.", "يحتاج الحساء إلى قليل من الملح."),
    ("These olives are too salty for me.", "Ces olives sont trop salées pour moi.", "هذا الزيتون مالح جدًا بالنسبة لي."),
    ("I'm cooking dinner for my friends tonight.", "Je prépare le dîner pour mes amis ce soir.", "أعد العشاء لأصدقائي الليلة."),
    ("Our guests arrive at eight.", "Nos invités arrivent à huit heures.", "يصل ضيوفنا في الساعة الثامنة."),
    ("We invited our neighbours to lunch.", "Nous avons invité nos voisins à déjeuner.", "دعونا جيراننا إلى الغداء."),
    ("Thank you for this wonderful meal.", "Merci pour ce repas magnifique.", "شكرًا على هذه الوجبة الرائعة."),
    ("You are an excellent cook, Nadia!", "Tu es une excellente cuisinière, Nadia !", "أنتِ طباخة ممتازة يا نادية!"),
    ("Help yourselves, please.", "Servez-vous, je vous en prie.", "تفضلوا، خذوا ما تشاؤون."),
    ("Can I have a little more, please?", "Je peux en avoir encore un peu, s'il te plaît ?", "هل يمكنني أن آخذ المزيد من فضلك؟"),
    ("No thanks, I've eaten enough.", "Non merci, j'ai assez mangé.", "لا شكرًا، أكلت ما يكفي."),
    ("We had a picnic in the park.", "Nous avons pique-niqué dans le parc.", "أكلنا في الهواء الطلق في الحديقة."),
    ("I took sandwiches for the trip.", "J'ai pris des sandwichs pour le voyage.", "أخذت شطائر للرحلة."),
    ("The children drink milk every morning.", "Les enfants boivent du lait chaque matin.", "يشرب الأطفال الحليب كل صباح."),
    ("My father drinks his coffee without sugar.", "Mon père boit son café sans sucre.", "يشرب أبي قهوته بدون سكر."),
    ("Do you drink tea or coffee in the morning?", "Tu bois du thé ou du café le matin ?", "هل تشرب الشاي أم القهوة في الصباح؟"),
    ("I drink two litres of water a day.", "Je bois deux litres d'eau par jour.", "أشرب لترين من الماء في اليوم."),
    ("She doesn't drink coffee in the evening.", "Elle ne boit pas de café le soir.", "لا تشرب القهوة في المساء."),
    ("This orange juice is freshly squeezed.", "Ce jus d'orange est pressé à la minute.", "عصير البرتقال هذا معصور للتو."),
    ("We have lunch at one o'clock.", "Nous déjeunons à une heure.", "نتناول الغداء في الساعة الواحدة."),
    ("In Spain, people have dinner very late.", "En Espagne, les gens dînent très tard.", "في إسبانيا يتناول الناس العشاء متأخرًا جدًا."),
    ("In Morocco, bread is eaten with every meal.", "Au Maroc, on mange du pain à chaque repas.", "في المغرب يؤكل الخبز مع كل وجبة."),
    ("Tunisian food is often spicy.", "La cuisine tunisienne est souvent épicée.", "الطعام التونسي حار في الغالب."),
    ("In Egypt, we ate koshari every day.", "En Égypte, nous avons mangé du koshari tous les jours.", "في مصر أكلنا الكشري كل يوم."),
    ("Couscous is made from semolina.", "Le couscous est fait à base de semoule.", "يصنع الكسكس من السميد."),
    ("Falafel is cheap and delicious.", "Les falafels sont bon marché et délicieux.", "الفلافل رخيصة ولذيذة."),
    ("We bought fresh figs from a farmer.", "Nous avons acheté des figues fraîches à un agriculteur.", "اشترينا تينًا طازجًا من مزارع."),
    ("Olive oil from this region is very famous.", "L'huile d'olive de cette région est très célèbre.", "زيت الزيتون من هذه المنطقة مشهور جدًا."),
    ("Dates are sweet and full of energy.", "Les dattes sont sucrées et pleines d'énergie.", "التمر حلو ومليء بالطاقة."),
    ("Oranges are rich in vitamins.", "Les oranges sont riches en vitamines.", "البرتقال غني بالفيتامينات."),
    ("Too much salt is bad for your health.", "Trop de sel est mauvais pour la santé.", "الإفراط في الملح مضر بالصحة."),
    ("Fish is good for the heart.", "Le poisson est bon pour le cœur.", "السمك مفيد للقلب."),
    ("Fast food is not healthy.", "La restauration rapide n'est pas saine.", "الوجبات السريعة ليست صحية."),
    ("We should eat less meat.", "Nous devrions manger moins de viande.", "يجب أن نأكل كمية أقل من اللحم."),
    ("Leila grows tomatoes in her garden.", "Leila cultive des tomates dans son jardin.", "تزرع ليلى الطماطم في حديقتها."),
    ("My grandfather sells vegetables at the market.", "Mon grand-père vend des légumes au marché.", "يبيع جدي الخضار في السوق."),
    ("Apples are in season in autumn.", "C'est la saison des pommes en automne.", "موسم التفاح في الخريف."),
    ("There are no strawberries in winter.", "Il n'y a pas de fraises en hiver.", "لا توجد فراولة في الشتاء."),
    ("Is the bakery still open?", "Est-ce que la boulangerie est encore ouverte ?", "هل المخبز ما زال مفتوحًا؟"),
    ("Can you buy some bread on your way home?", "Tu peux acheter du pain en rentrant ?", "هل يمكنك أن تشتري خبزًا في طريق عودتك؟"),
    ("Don't forget the milk!", "N'oublie pas le lait !", "لا تنس الحليب!"),
    ("Did you buy everything on the list?", "Tu as acheté tout ce qui était sur la liste ?", "هل اشتريت كل ما في القائمة؟"),
    ("I couldn't find any fresh fish.", "Je n'ai pas trouvé de poisson frais.", "لم أجد سمكًا طازجًا."),
    ("The shop had no more eggs.", "Le magasin n'avait plus d'œufs.", "لم يعد في المحل بيض."),
    ("We will go to the market tomorrow morning.", "Nous irons au marché demain matin.", "سنذهب إلى السوق صباح الغد."),
    ("Omar went to the supermarket with his father.", "Omar est allé au supermarché avec son père.", "ذهب عمر إلى السوبرماركت مع أبيه."),
    ("The girls went shopping in the old town.", "Les filles sont allées faire du shopping dans la vieille ville.", "ذهبت البنات للتسوق في المدينة القديمة."),
    ("They sell beautiful carpets in the souk.", "On vend de beaux tapis au souk.", "تباع سجاجيد جميلة في السوق."),
    ("This carpet is handmade.", "Ce tapis est fait à la main.", "هذه السجادة مصنوعة يدويًا."),
    ("How much does this leather bag cost?", "Combien coûte ce sac en cuir ?", "كم ثمن هذه الحقيبة الجلدية؟"),
    ("The seller asked for 500 dirhams.", "Le vendeur a demandé 500 dirhams.", "طلب البائع 500 درهم."),
    ("In the end, I paid 350 dirhams.", "Finalement, j'ai payé 350 dirhams.", "في النهاية دفعت 350 درهمًا."),
    ("Don't pay the first price he asks.", "Ne paie pas le premier prix qu'il demande.", "لا تدفع أول سعر يطلبه."),
    ("We bought souvenirs for the whole family.", "Nous avons acheté des souvenirs pour toute la famille.", "اشترينا هدايا تذكارية لكل العائلة."),
    ("I need new shoes for the winter.", "J'ai besoin de nouvelles chaussures pour l'hiver.", "أحتاج إلى حذاء جديد للشتاء."),
    ("My jeans are too short now.", "Mon jean est trop court maintenant.", "بنطالي الجينز أصبح قصيرًا جدًا الآن."),
    ("Children grow fast; they need new clothes every year.", "Les enfants grandissent vite ; ils ont besoin de nouveaux vêtements chaque année.", "يكبر الأطفال بسرعة؛ يحتاجون إلى ملابس جديدة كل عام."),
    ("This jacket is waterproof.", "Cette veste est imperméable.", "هذه السترة مقاومة للماء."),
    ("I don't like this style.", "Je n'aime pas ce style.", "لا أحب هذا الطراز."),
    ("It's very fashionable this year.", "C'est très à la mode cette année.", "هذا رائج جدًا هذا العام."),
    ("Do you have anything cheaper?", "Vous avez quelque chose de moins cher ?", "هل عندكم شيء أرخص؟"),
    ("What time does the market close?", "À quelle heure ferme le marché ?", "متى تغلق السوق؟"),
    ("Excuse me, where can I find the milk?", "Excusez-moi, où est-ce que je peux trouver le lait ?", "عفوًا، أين يمكنني أن أجد الحليب؟"),
    ("Next to the cheese, at the end of the aisle.", "À côté du fromage, au bout du rayon.", "بجانب الجبن، في نهاية الممر."),
    ("Could you weigh these apples, please?", "Vous pouvez peser ces pommes, s'il vous plaît ?", "هل يمكنك أن تزن هذا التفاح من فضلك؟"),
    ("It weighs a little more than a kilo.", "Ça pèse un peu plus d'un kilo.", "وزنه أكثر من كيلوغرام بقليل."),
    ("Is this bread from today?", "Est-ce que ce pain est d'aujourd'hui ?", "هل هذا الخبز من اليوم؟"),
    ("Check the date on the packet.", "Vérifie la date sur le paquet.", "تحقق من التاريخ على العلبة."),
    ("This yogurt is out of date.", "Ce yaourt est périmé.", "انتهت صلاحية هذا الزبادي."),
]


def _unique(triples: list[Triple], seed: int) -> list[Triple]:
    """Shuffled (seeded), keeping the first triple of each English and each French source."""
    items = list(triples)
    random.Random(seed).shuffle(items)
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


def generate() -> list[Triple]:
    """About 3000 triples of food, drink and shopping (deterministic)."""
    hand = [T(en, fr, ar) for en, fr, ar in HAND]
    gens = [(lambda f=f, k=k: _unique(f(), 100 + k)) for k, f in enumerate(TEMPLATES)]
    templ = balanced(gens, 3000 - len(hand) + 60, seed=2024)
    out: list[Triple] = []
    seen_en: set[str] = set()
    seen_fr: set[str] = set()
    for t in hand + templ:
        if t.en in seen_en or t.fr in seen_fr:
            continue
        seen_en.add(t.en)
        seen_fr.add(t.fr)
        out.append(t)
    return out[:3000]
