"""Home and family: rooms, furniture, household objects, chores, repairs, moving house, neighbours; family
members, ages, descriptions, visits, weddings, birthdays, children and pets.

Templates over a small hand-written lexicon (every French and Arabic form written out or built by a checked,
fully regular rule), plus hand-written standalone sentences. ``generate()`` is deterministic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from engine.demo.corpus.common import (
    PERSONS,
    SUBJECT_EN,
    SUBJECT_FR,
    Triple,
    balanced,
    capitalise,
    fr_elide,
    sample,
)

DOMAIN = "home_family"
FRI = {"i": 0, "you_m": 1, "you_f": 1, "he": 2, "she": 2, "we": 3, "you_pl": 4, "they": 5}
ARI = {p: i for i, p in enumerate(PERSONS)}
VOWELS = "aeiouyéèêàâîïôûhAEIOUÉÈÊÀÂÎÏÔÛH"
SEED = 4242


# ----------------------------------------------------------------------------------------------- helpers


def _t(en: str, fr: str, ar: str) -> Triple:
    return Triple(en, fr, ar, DOMAIN)


def fin(en: str, fr: str, ar: str, mark: str = ".") -> Triple:
    """Capitalise, elide the French, add the final punctuation in the three languages."""
    fr_mark = {".": ".", "?": " ?", "!": " !"}[mark]
    ar_mark = {".": ".", "?": "؟", "!": "!"}[mark]
    return _t(capitalise(en) + mark, capitalise(fr_elide(fr)) + fr_mark, ar + ar_mark)


def starts_vowel(word: str) -> bool:
    return word[:1] in VOWELS


def fr_def(word: str, g: str, pl: bool = False) -> str:
    if pl:
        return "les " + word
    if starts_vowel(word):
        return "l'" + word
    return ("le " if g == "m" else "la ") + word


def fr_indef(word: str, g: str, pl: bool = False) -> str:
    if pl:
        return "des " + word
    return ("un " if g == "m" else "une ") + word


def ar_def(word: str) -> str:
    """Definite form; an iDafa compound (``غرفة نوم``) takes the article on its last word."""
    head, _, last = word.rpartition(" ")
    return f"{head} ال{last}" if head else "ال" + word


def ar_for(definite: str) -> str:
    """``ل`` + a definite noun phrase (``المطبخ`` → ``للمطبخ``, ``غرفة النوم`` → ``لغرفة النوم``)."""
    return "لل" + definite[2:] if definite.startswith("ال") else "ل" + definite


def ar_dual(word: str, nom: bool = True) -> str:
    first, _, rest = word.partition(" ")
    base = first[:-1] + "ت" if first.endswith("ة") else first
    if rest:
        return f"{base}{'ا' if nom else 'ي'} {rest}"
    return base + ("ان" if nom else "ين")


def ar_acc_indef(word: str) -> str:
    """Indefinite accusative singular (tanween on an alif; a ta marbuta takes no written sign)."""
    first, _, rest = word.partition(" ")
    first = first if first.endswith("ة") else first + "ًا"
    return f"{first} {rest}" if rest else first


POSS_EN = {
    "i": "my",
    "you_m": "your",
    "you_f": "your",
    "he": "his",
    "she": "her",
    "we": "our",
    "you_pl": "your",
    "they": "their",
}
POSS_FR = {
    "i": ("mon", "ma", "mes"),
    "you_m": ("ton", "ta", "tes"),
    "you_f": ("ton", "ta", "tes"),
    "he": ("son", "sa", "ses"),
    "she": ("son", "sa", "ses"),
    "we": ("notre", "notre", "nos"),
    "you_pl": ("votre", "votre", "vos"),
    "they": ("leur", "leur", "leurs"),
}
AR_SUF = {"i": "ي", "you_m": "ك", "you_f": "كِ", "he": "ه", "she": "ها", "we": "نا", "you_pl": "كم", "they": "هم"}
OBJ_EN = {
    "i": "me",
    "you_m": "you",
    "you_f": "you",
    "he": "him",
    "she": "her",
    "we": "us",
    "you_pl": "you",
    "they": "them",
}
STRESS_FR = {
    "i": "moi",
    "you_m": "toi",
    "you_f": "toi",
    "he": "lui",
    "she": "elle",
    "we": "nous",
    "you_pl": "vous",
    "they": "eux",
}
LADA = {
    "i": "لدي",
    "you_m": "لديك",
    "you_f": "لديكِ",
    "he": "لديه",
    "she": "لديها",
    "we": "لدينا",
    "you_pl": "لديكم",
    "they": "لديهم",
}
AVOIR = ("ai", "as", "a", "avons", "avez", "ont")
ETRE = ("suis", "es", "est", "sommes", "êtes", "sont")
DEVOIR = ("dois", "dois", "doit", "devons", "devez", "doivent")
POUVOIR = ("peux", "peux", "peut", "pouvons", "pouvez", "peuvent")
ALLER = ("vais", "vas", "va", "allons", "allez", "vont")
FUT_END = ("ai", "as", "a", "ons", "ez", "ont")
BE_EN = {
    "i": "am",
    "you_m": "are",
    "you_f": "are",
    "he": "is",
    "she": "is",
    "we": "are",
    "you_pl": "are",
    "they": "are",
}
LAYSA = {
    "i": "لست",
    "you_m": "لست",
    "you_f": "لستِ",
    "he": "ليس",
    "she": "ليست",
    "we": "لسنا",
    "you_pl": "لستم",
    "they": "ليسوا",
}
HAVE_EN = {p: ("has" if p in ("he", "she") else "have") for p in PERSONS}


def fr_poss(p: str, word: str, g: str, pl: bool = False) -> str:
    m, f, plf = POSS_FR[p]
    if pl:
        return f"{plf} {word}"
    if g == "f" and not starts_vowel(word):
        return f"{f} {word}"
    return f"{m} {word}"


def ar_poss(word: str, p: str) -> str:
    """Possessive suffix on the last word (``غرفة`` → ``غرفتي``, ``غرفة نوم`` → ``غرفة نومي``)."""
    head, _, last = word.rpartition(" ")
    if last.endswith("ة"):
        last = last[:-1] + "ت"
    last += AR_SUF[p]
    return f"{head} {last}" if head else last


def is3(p: str) -> bool:
    return p in ("he", "she")


# ----------------------------------------------------------------------------------------------- nouns


@dataclass(frozen=True)
class N:
    """A noun: English sg/pl, French sg/pl + gender, Arabic indefinite sg/pl + gender of the singular."""

    en: str
    en_pl: str
    fr: str
    fr_pl: str
    g: str
    ar: str
    ar_pl: str
    ag: str

    def fw(self, pl: bool = False) -> str:
        return self.fr_pl if pl else self.fr

    def aw(self, pl: bool = False) -> str:
        return self.ar_pl if pl else self.ar

    def ew(self, pl: bool = False) -> str:
        return self.en_pl if pl else self.en

    def agr(self, pl: bool = False) -> str:
        """Gender of agreement in Arabic: a non-human plural agrees in the feminine singular."""
        return "f" if pl else self.ag


KITCHEN = N("kitchen", "kitchens", "cuisine", "cuisines", "f", "مطبخ", "مطابخ", "m")
BATHROOM = N("bathroom", "bathrooms", "salle de bains", "salles de bains", "f", "حمام", "حمامات", "m")
LIVING = N("living room", "living rooms", "salon", "salons", "m", "غرفة جلوس", "غرف جلوس", "f")
BEDROOM = N("bedroom", "bedrooms", "chambre", "chambres", "f", "غرفة نوم", "غرف نوم", "f")
MYROOM = N("room", "rooms", "chambre", "chambres", "f", "غرفة", "غرف", "f")
ROOM = N("room", "rooms", "pièce", "pièces", "f", "غرفة", "غرف", "f")
DINING = N("dining room", "dining rooms", "salle à manger", "salles à manger", "f", "غرفة طعام", "غرف طعام", "f")
HALL = N("hallway", "hallways", "couloir", "couloirs", "m", "ممر", "ممرات", "m")
GARDEN = N("garden", "gardens", "jardin", "jardins", "m", "حديقة", "حدائق", "f")
BALCONY = N("balcony", "balconies", "balcon", "balcons", "m", "شرفة", "شرفات", "f")
GARAGE = N("garage", "garages", "garage", "garages", "m", "مرآب", "مرائب", "m")
CELLAR = N("cellar", "cellars", "cave", "caves", "f", "قبو", "أقبية", "m")
ENTRANCE = N("entrance", "entrances", "entrée", "entrées", "f", "مدخل", "مداخل", "m")
HOUSE = N("house", "houses", "maison", "maisons", "f", "بيت", "بيوت", "m")
FLAT = N("flat", "flats", "appartement", "appartements", "m", "شقة", "شقق", "f")
BUILDING = N("building", "buildings", "immeuble", "immeubles", "m", "عمارة", "عمارات", "f")
TABLE = N("table", "tables", "table", "tables", "f", "طاولة", "طاولات", "f")
CHAIR = N("chair", "chairs", "chaise", "chaises", "f", "كرسي", "كراسي", "m")
SOFA = N("sofa", "sofas", "canapé", "canapés", "m", "أريكة", "أرائك", "f")
BED = N("bed", "beds", "lit", "lits", "m", "سرير", "أسرة", "m")
WARDROBE = N("wardrobe", "wardrobes", "armoire", "armoires", "f", "خزانة", "خزائن", "f")
CUPBOARD = N("cupboard", "cupboards", "placard", "placards", "m", "خزانة", "خزائن", "f")
SHELF = N("shelf", "shelves", "étagère", "étagères", "f", "رف", "رفوف", "m")
BOOKCASE = N("bookcase", "bookcases", "bibliothèque", "bibliothèques", "f", "مكتبة", "مكتبات", "f")
DESK = N("desk", "desks", "bureau", "bureaux", "m", "مكتب", "مكاتب", "m")
DRAWER = N("drawer", "drawers", "tiroir", "tiroirs", "m", "درج", "أدراج", "m")
LAMP = N("lamp", "lamps", "lampe", "lampes", "f", "مصباح", "مصابيح", "m")
MIRROR = N("mirror", "mirrors", "miroir", "miroirs", "m", "مرآة", "مرايا", "f")
RUG = N("rug", "rugs", "tapis", "tapis", "m", "سجادة", "سجادات", "f")
CURTAIN = N("curtain", "curtains", "rideau", "rideaux", "m", "ستارة", "ستائر", "f")
CUSHION = N("cushion", "cushions", "coussin", "coussins", "m", "وسادة", "وسائد", "f")
FRIDGE = N("fridge", "fridges", "réfrigérateur", "réfrigérateurs", "m", "ثلاجة", "ثلاجات", "f")
OVEN = N("oven", "ovens", "four", "fours", "m", "فرن", "أفران", "m")
WASHER = N("washing machine", "washing machines", "machine à laver", "machines à laver", "f", "غسالة", "غسالات", "f")
DISHWASHER = N("dishwasher", "dishwashers", "lave-vaisselle", "lave-vaisselle", "m", "غسالة صحون", "غسالات صحون", "f")
KEY = N("key", "keys", "clé", "clés", "f", "مفتاح", "مفاتيح", "m")
WINDOW = N("window", "windows", "fenêtre", "fenêtres", "f", "نافذة", "نوافذ", "f")
DOOR = N("door", "doors", "porte", "portes", "f", "باب", "أبواب", "m")
PLANT = N("plant", "plants", "plante", "plantes", "f", "نبتة", "نباتات", "f")
BOX = N("box", "boxes", "boîte", "boîtes", "f", "صندوق", "صناديق", "m")
TOWEL = N("towel", "towels", "serviette", "serviettes", "f", "منشفة", "مناشف", "f")
BLANKET = N("blanket", "blankets", "couverture", "couvertures", "f", "بطانية", "بطانيات", "f")
PLATE = N("plate", "plates", "assiette", "assiettes", "f", "صحن", "صحون", "m")
GLASS = N("glass", "glasses", "verre", "verres", "m", "كوب", "أكواب", "m")
CUP = N("cup", "cups", "tasse", "tasses", "f", "فنجان", "فناجين", "m")
SPOON = N("spoon", "spoons", "cuillère", "cuillères", "f", "ملعقة", "ملاعق", "f")
KNIFE = N("knife", "knives", "couteau", "couteaux", "m", "سكين", "سكاكين", "m")
BOOK = N("book", "books", "livre", "livres", "m", "كتاب", "كتب", "m")
TOY = N("toy", "toys", "jouet", "jouets", "m", "لعبة", "ألعاب", "f")
UMBRELLA = N("umbrella", "umbrellas", "parapluie", "parapluies", "m", "مظلة", "مظلات", "f")
BAG = N("bag", "bags", "sac", "sacs", "m", "حقيبة", "حقائب", "f")
PHONE = N("phone", "phones", "téléphone", "téléphones", "m", "هاتف", "هواتف", "m")
PHOTO = N("photo", "photos", "photo", "photos", "f", "صورة", "صور", "f")
PAINTING = N("painting", "paintings", "tableau", "tableaux", "m", "لوحة", "لوحات", "f")
CLOCK = N("clock", "clocks", "horloge", "horloges", "f", "ساعة حائط", "ساعات حائط", "f")
TV = N("television", "televisions", "télévision", "télévisions", "f", "تلفاز", "أجهزة تلفاز", "m")
HEATER = N("heater", "heaters", "radiateur", "radiateurs", "m", "مدفأة", "مدافئ", "f")
TAP = N("tap", "taps", "robinet", "robinets", "m", "صنبور", "صنابير", "m")
SHOWER = N("shower", "showers", "douche", "douches", "f", "دش", "دشات", "m")
LIFT = N("lift", "lifts", "ascenseur", "ascenseurs", "m", "مصعد", "مصاعد", "m")
DOORBELL = N("doorbell", "doorbells", "sonnette", "sonnettes", "f", "جرس باب", "أجراس أبواب", "m")
AIRCON = N("air conditioner", "air conditioners", "climatiseur", "climatiseurs", "m", "مكيف", "مكيفات", "m")
WALL = N("wall", "walls", "mur", "murs", "m", "جدار", "جدران", "m")
FLOOR = N("floor", "floors", "sol", "sols", "m", "أرضية", "أرضيات", "f")
SHIRT = N("shirt", "shirts", "chemise", "chemises", "f", "قميص", "قمصان", "m")
CAR = N("car", "cars", "voiture", "voitures", "f", "سيارة", "سيارات", "f")
ROOF = N("roof", "roofs", "toit", "toits", "m", "سطح", "أسطح", "m")
GATE = N("gate", "gates", "portail", "portails", "m", "بوابة", "بوابات", "f")
CLOTHES = N("clothes", "clothes", "vêtements", "vêtements", "m", "ملابس", "ملابس", "f")


@dataclass(frozen=True)
class Obj:
    """An object noun phrase: a noun with the definite article or a possessive, or a fixed phrase."""

    n: N | None = None
    pl: bool = False
    poss: bool = False
    fixed: tuple[str, str, str] | None = None

    def en(self, p: str = "i") -> str:
        if self.fixed:
            return self.fixed[0]
        w = self.n.ew(self.pl)
        return f"{POSS_EN[p]} {w}" if self.poss else "the " + w

    def fr(self, p: str = "i") -> str:
        if self.fixed:
            return self.fixed[1]
        w = self.n.fw(self.pl)
        return fr_poss(p, w, self.n.g, self.pl) if self.poss else fr_def(w, self.n.g, self.pl)

    def ar(self, p: str = "i") -> str:
        if self.fixed:
            return self.fixed[2]
        w = self.n.aw(self.pl)
        return ar_poss(w, p) if self.poss else ar_def(w)


def fx(en: str, fr: str, ar: str) -> Obj:
    return Obj(fixed=(en, fr, ar))


DISHES = fx("the dishes", "la vaisselle", "الصحون")
LAUNDRY = fx("the laundry", "le linge", "الغسيل")
RUBBISH = fx("the rubbish", "la poubelle", "القمامة")
SHEETS = fx("the sheets", "les draps", "الشراشف")
FLOWERS = fx("the flowers", "les fleurs", "الزهور")
STAIRS = fx("the stairs", "l'escalier", "الدرج")
BULB = fx("the light bulb", "l'ampoule", "المصباح الكهربائي")


# ----------------------------------------------------------------------------------------------- verbs


def ar_past_regular(past: str) -> tuple[str, ...]:
    we = past + "ا" if past.endswith("ن") else past + "نا"
    return (past + "ت", past + "ت", past + "تِ", past, past + "ت", we, past + "تم", past + "وا")


def ar_pres_regular(stem: str) -> tuple[str, ...]:
    return (
        "أ" + stem,
        "ت" + stem,
        "ت" + stem + "ين",
        "ي" + stem,
        "ت" + stem,
        "ن" + stem,
        "ت" + stem + "ون",
        "ي" + stem + "ون",
    )


def ar_subj(pres: tuple[str, ...]) -> tuple[str, ...]:
    """Subjunctive from the present: the final nun of -ين / -ون drops (-ون becomes -وا)."""
    out = list(pres)
    out[2] = pres[2][:-1]
    out[6] = pres[6][:-1] + "ا"
    out[7] = pres[7][:-1] + "ا"
    return tuple(out)


@dataclass(frozen=True)
class V:
    """A verb: English (base, 3sg, past), French (6 present forms, participle, future stem, infinitive),
    Arabic (8 past forms, 8 present forms, optional 8 jussive forms for weak verbs; masdar)."""

    en: tuple[str, str, str]
    fr_pres: tuple[str, ...]
    fr_pp: str
    fr_fut: str
    fr_inf: str
    ar_past: tuple[str, ...]
    ar_pres: tuple[str, ...]
    ar_jus: tuple[str, ...] | None = None
    masdar: str = ""
    fr_tail: str = ""

    def en_form(self, p: str, tense: str, neg: bool) -> str:
        base, s3, past = self.en
        if tense == "present":
            if neg:
                return ("doesn't " if is3(p) else "don't ") + base
            return s3 if is3(p) else base
        if tense == "past":
            return "didn't " + base if neg else past
        return ("won't " if neg else "will ") + base

    def en_q(self, p: str, subj: str, tense: str) -> str:
        """``Do you clean`` / ``Does she clean`` / ``Did they clean`` / ``Will we clean``."""
        aux = {"present": "does" if is3(p) else "do", "past": "did", "future": "will"}[tense]
        return f"{aux} {subj} {self.en[0]}"

    def fr_form(self, i: int, tense: str, neg: bool) -> str:
        out = self._fr_form(i, tense, neg)
        return f"{out} {self.fr_tail}" if self.fr_tail else out

    def _fr_form(self, i: int, tense: str, neg: bool) -> str:
        if tense == "present":
            v = self.fr_pres[i]
            return f"ne {v} pas" if neg else v
        if tense == "past":
            return f"ne {AVOIR[i]} pas {self.fr_pp}" if neg else f"{AVOIR[i]} {self.fr_pp}"
        v = self.fr_fut + FUT_END[i]
        return f"ne {v} pas" if neg else v

    def ar_form(self, p: str, tense: str, neg: bool) -> str:
        k = ARI[p]
        if tense == "present":
            return ("لا " if neg else "") + self.ar_pres[k]
        if tense == "past":
            if neg:
                jus = self.ar_jus or ar_subj(self.ar_pres)
                return "لم " + jus[k]
            return self.ar_past[k]
        if neg:
            return "لن " + ar_subj(self.ar_pres)[k]
        return "س" + self.ar_pres[k]


def er_verb(stem: str) -> tuple[str, ...]:
    """Present of a regular French -er verb (``laver`` → lave, laves, lave, lavons, lavez, lavent)."""
    return (stem + "e", stem + "es", stem + "e", stem + "ons", stem + "ez", stem + "ent")


def rv(en, fr_pres, fr_pp, fr_fut, fr_inf, past, stem, masdar):
    return V(en, fr_pres, fr_pp, fr_fut, fr_inf, ar_past_regular(past), ar_pres_regular(stem), None, masdar)


CLEAN = rv(
    ("clean", "cleans", "cleaned"),
    ("nettoie", "nettoies", "nettoie", "nettoyons", "nettoyez", "nettoient"),
    "nettoyé",
    "nettoier",
    "nettoyer",
    "نظف",
    "نظف",
    "تنظيف",
)
WASH = rv(("wash", "washes", "washed"), er_verb("lav"), "lavé", "laver", "laver", "غسل", "غسل", "غسل")
TIDY = rv(
    ("tidy", "tidies", "tidied"),
    ("range", "ranges", "range", "rangeons", "rangez", "rangent"),
    "rangé",
    "ranger",
    "ranger",
    "رتب",
    "رتب",
    "ترتيب",
)
PAINT = rv(
    ("paint", "paints", "painted"),
    ("peins", "peins", "peint", "peignons", "peignez", "peignent"),
    "peint",
    "peindr",
    "peindre",
    "دهن",
    "دهن",
    "دهن",
)
FIX = rv(("fix", "fixes", "fixed"), er_verb("répar"), "réparé", "réparer", "réparer", "أصلح", "صلح", "إصلاح")
SWEEP = rv(
    ("sweep", "sweeps", "swept"),
    ("balaie", "balaies", "balaie", "balayons", "balayez", "balaient"),
    "balayé",
    "balaier",
    "balayer",
    "كنس",
    "كنس",
    "كنس",
)
TAKEOUT = rv(
    ("take out", "takes out", "took out"),
    ("sors", "sors", "sort", "sortons", "sortez", "sortent"),
    "sorti",
    "sortir",
    "sortir",
    "أخرج",
    "خرج",
    "إخراج",
)
CHANGE = rv(
    ("change", "changes", "changed"),
    ("change", "changes", "change", "changeons", "changez", "changent"),
    "changé",
    "changer",
    "changer",
    "غير",
    "غير",
    "تغيير",
)
EMPTY = rv(("empty", "empties", "emptied"), er_verb("vid"), "vidé", "vider", "vider", "أفرغ", "فرغ", "إفراغ")
IRON = V(
    ("iron", "irons", "ironed"),
    er_verb("repass"),
    "repassé",
    "repasser",
    "repasser",
    ("كويت", "كويت", "كويتِ", "كوى", "كوت", "كوينا", "كويتم", "كووا"),
    ("أكوي", "تكوي", "تكوين", "يكوي", "تكوي", "نكوي", "تكوون", "يكوون"),
    ("أكو", "تكو", "تكوي", "يكو", "تكو", "نكو", "تكووا", "يكووا"),
    "كي",
)
WATER = V(
    ("water", "waters", "watered"),
    er_verb("arros"),
    "arrosé",
    "arroser",
    "arroser",
    ("سقيت", "سقيت", "سقيتِ", "سقى", "سقت", "سقينا", "سقيتم", "سقوا"),
    ("أسقي", "تسقي", "تسقين", "يسقي", "تسقي", "نسقي", "تسقون", "يسقون"),
    ("أسق", "تسق", "تسقي", "يسق", "تسق", "نسق", "تسقوا", "يسقوا"),
    "سقي",
)

CHORES: list[tuple[V, list[Obj]]] = [
    (
        CLEAN,
        [
            Obj(KITCHEN),
            Obj(BATHROOM),
            Obj(LIVING),
            Obj(WINDOW, pl=True),
            Obj(FRIDGE),
            Obj(OVEN),
            Obj(MYROOM, poss=True),
            Obj(FLAT, poss=True),
            Obj(FLOOR),
            Obj(HOUSE, poss=True),
        ],
    ),
    (
        WASH,
        [
            DISHES,
            Obj(CURTAIN, pl=True),
            Obj(TOWEL, pl=True),
            Obj(WINDOW, pl=True),
            Obj(CLOTHES, pl=True),
            Obj(CAR, poss=True),
            Obj(BLANKET, pl=True),
        ],
    ),
    (
        TIDY,
        [
            Obj(MYROOM, poss=True),
            Obj(LIVING),
            Obj(WARDROBE, poss=True),
            Obj(TOY, pl=True, poss=True),
            Obj(BOOK, pl=True, poss=True),
            Obj(DESK, poss=True),
            Obj(KITCHEN),
            Obj(CLOTHES, pl=True, poss=True),
        ],
    ),
    (
        PAINT,
        [Obj(WALL, pl=True), Obj(KITCHEN), Obj(DOOR), Obj(BEDROOM), Obj(MYROOM, poss=True), Obj(GATE), Obj(LIVING)],
    ),
    (FIX, [Obj(TAP), Obj(DOOR), Obj(WASHER), Obj(LAMP), Obj(CHAIR), Obj(ROOF), Obj(HEATER), Obj(SHOWER), Obj(DRAWER)]),
    (IRON, [Obj(SHIRT, pl=True, poss=True), Obj(CLOTHES, pl=True, poss=True), Obj(CURTAIN, pl=True), SHEETS]),
    (WATER, [Obj(PLANT, pl=True), FLOWERS, Obj(GARDEN)]),
    (SWEEP, [Obj(FLOOR), Obj(KITCHEN), Obj(BALCONY), Obj(HALL), STAIRS, Obj(GARAGE), Obj(ENTRANCE)]),
    (TAKEOUT, [RUBBISH]),
    (CHANGE, [SHEETS, BULB, Obj(TOWEL, pl=True), Obj(CURTAIN, pl=True)]),
    (EMPTY, [Obj(DISHWASHER), Obj(WASHER), Obj(FRIDGE)]),
]

TIMES = {
    "present": [
        ("every Saturday", "tous les samedis", "كل يوم سبت"),
        ("every Friday", "tous les vendredis", "كل يوم جمعة"),
        ("once a week", "une fois par semaine", "مرة في الأسبوع"),
        ("every day", "tous les jours", "كل يوم"),
        ("every weekend", "chaque week-end", "في نهاية كل أسبوع"),
        ("on Sundays", "le dimanche", "أيام الأحد"),
    ],
    "past": [
        ("yesterday", "hier", "أمس"),
        ("this morning", "ce matin", "هذا الصباح"),
        ("last week", "la semaine dernière", "الأسبوع الماضي"),
        ("on Saturday", "samedi", "يوم السبت"),
        ("yesterday evening", "hier soir", "مساء أمس"),
    ],
    "future": [
        ("tomorrow", "demain", "غدًا"),
        ("next week", "la semaine prochaine", "الأسبوع القادم"),
        ("this evening", "ce soir", "هذا المساء"),
        ("on Sunday", "dimanche", "يوم الأحد"),
        ("after lunch", "après le déjeuner", "بعد الغداء"),
    ],
}
TENSES = ("present", "past", "future")


def tenses_for(v: V, o: Obj) -> tuple[str, ...]:
    """One-off jobs (painting, repairs, a light bulb) are not habits: no present tense for them."""
    if v in (FIX, PAINT) or o is BULB:
        return ("past", "future")
    return TENSES


# ----------------------------------------------------------------------------------------------- people


@dataclass(frozen=True)
class S:
    """A subject: English, French, Arabic (``None``: dropped pronoun), and the persons it conjugates as."""

    en: str
    fr: str
    ar: str | None
    en_p: str
    fr_i: int
    ar_p: str
    poss_p: str


def pron_subject(p: str) -> S:
    return S(SUBJECT_EN[p], SUBJECT_FR[p], None, p, FRI[p], p, p)


MALE = [
    ("Karim", "كريم"),
    ("Omar", "عمر"),
    ("Youssef", "يوسف"),
    ("Adam", "آدم"),
    ("Sami", "سامي"),
    ("Nabil", "نبيل"),
    ("Paul", "بول"),
    ("Thomas", "توماس"),
    ("Hugo", "هوغو"),
    ("Mehdi", "مهدي"),
    ("Rami", "رامي"),
    ("Hassan", "حسن"),
    ("Lucas", "لوكاس"),
    ("Ali", "علي"),
]
FEMALE = [
    ("Sarah", "سارة"),
    ("Leila", "ليلى"),
    ("Nadia", "نادية"),
    ("Amina", "أمينة"),
    ("Marie", "ماري"),
    ("Lina", "لينا"),
    ("Yasmine", "ياسمين"),
    ("Claire", "كلير"),
    ("Fatima", "فاطمة"),
    ("Julie", "جولي"),
    ("Salma", "سلمى"),
    ("Emma", "إيما"),
    ("Hana", "هناء"),
    ("Rania", "رانيا"),
]
NAMES = [(e, a, "he") for e, a in MALE] + [(e, a, "she") for e, a in FEMALE]


def name_subject(en: str, ar: str, p: str) -> S:
    return S(en, en, ar, p, 2, p, p)


@dataclass(frozen=True)
class M:
    """A family member: English, French, gender, Arabic forms with each possessive suffix per case."""

    en: str
    fr: str
    g: str
    nom: tuple[str, ...]
    gen: tuple[str, ...]
    acc: tuple[str, ...]
    ages: tuple[int, int]
    gen_level: int
    persons: tuple[str, ...] = PERSONS

    def en_np(self, p: str) -> str:
        return f"{POSS_EN[p]} {self.en}"

    def fr_np(self, p: str) -> str:
        return fr_poss(p, self.fr, self.g)

    def ar_np(self, p: str, case: str = "nom") -> str:
        return getattr(self, case)[ARI[p]]


def member(
    en: str, fr: str, g: str, ar: str, ages: tuple[int, int], level: int, persons: tuple[str, ...] = PERSONS
) -> M:
    forms = tuple(ar_poss(ar, p) for p in PERSONS)
    return M(en, fr, g, forms, forms, forms, ages, level, persons)


FATHER = M(
    "father",
    "père",
    "m",
    ("أبي", "أبوك", "أبوكِ", "أبوه", "أبوها", "أبونا", "أبوكم", "أبوهم"),
    ("أبي", "أبيك", "أبيكِ", "أبيه", "أبيها", "أبينا", "أبيكم", "أبيهم"),
    ("أبي", "أباك", "أباكِ", "أباه", "أباها", "أبانا", "أباكم", "أباهم"),
    (38, 80),
    1,
)
BROTHER = M(
    "brother",
    "frère",
    "m",
    ("أخي", "أخوك", "أخوكِ", "أخوه", "أخوها", "أخونا", "أخوكم", "أخوهم"),
    ("أخي", "أخيك", "أخيكِ", "أخيه", "أخيها", "أخينا", "أخيكم", "أخيهم"),
    ("أخي", "أخاك", "أخاكِ", "أخاه", "أخاها", "أخانا", "أخاكم", "أخاهم"),
    (4, 45),
    0,
)
MEMBERS = [
    member("mother", "mère", "f", "أم", (35, 78), 1),
    FATHER,
    BROTHER,
    member("sister", "sœur", "f", "أخت", (4, 45), 0),
    member("grandmother", "grand-mère", "f", "جدة", (62, 96), 2),
    member("grandfather", "grand-père", "m", "جد", (62, 96), 2),
    member("uncle", "oncle", "m", "عم", (30, 70), 1),
    member("aunt", "tante", "f", "خالة", (30, 70), 1),
    member("son", "fils", "m", "ابن", (3, 40), -1),
    member("daughter", "fille", "f", "ابنة", (3, 40), -1),
    member("cousin", "cousin", "m", "ابن عم", (5, 40), 0),
    member("husband", "mari", "m", "زوج", (25, 80), 0, ("i", "you_f", "she")),
    member("wife", "femme", "f", "زوجة", (25, 80), 0, ("i", "you_m", "he")),
]
MEMBER_POSSESSORS = ("i", "you_m", "you_f", "he", "she", "we", "you_pl", "they")


def member_subject(m: M, p: str) -> S:
    ap = "he" if m.g == "m" else "she"
    return S(m.en_np(p), m.fr_np(p), m.ar_np(p), ap, 2, ap, ap)


def member_pairs() -> list[tuple[M, str]]:
    return [(m, p) for m in MEMBERS for p in MEMBER_POSSESSORS if p in m.persons]


@dataclass(frozen=True)
class HA:
    """An adjective for people: English; French m, f, m.pl, f.pl; Arabic m, f, m.pl; Arabic accusative ditto."""

    en: str
    fr: tuple[str, str, str, str]
    ar: tuple[str, str, str]
    acc: tuple[str, str, str]
    trait: bool


def ha(en, fr, ar, acc, trait):
    return HA(en, fr, ar, acc, trait)


def fr4(m: str, f: str | None = None, mpl: str | None = None, fpl: str | None = None):
    f = f or m + ("" if m.endswith("e") else "e")
    return (m, f, mpl or (m if m.endswith(("s", "x")) else m + "s"), fpl or f + "s")


HADJ = [
    ha("tall", fr4("grand"), ("طويل", "طويلة", "طوال"), ("طويلًا", "طويلة", "طوالًا"), True),
    ha("short", fr4("petit"), ("قصير", "قصيرة", "قصار"), ("قصيرًا", "قصيرة", "قصارًا"), True),
    ha("kind", fr4("gentil", "gentille"), ("لطيف", "لطيفة", "لطفاء"), ("لطيفًا", "لطيفة", "لطفاء"), True),
    ha("funny", fr4("drôle"), ("ظريف", "ظريفة", "ظرفاء"), ("ظريفًا", "ظريفة", "ظرفاء"), True),
    ha("clever", fr4("intelligent"), ("ذكي", "ذكية", "أذكياء"), ("ذكيًا", "ذكية", "أذكياء"), True),
    ha("generous", fr4("généreux", "généreuse"), ("كريم", "كريمة", "كرماء"), ("كريمًا", "كريمة", "كرماء"), True),
    ha("patient", fr4("patient"), ("صبور", "صبورة", "صبورون"), ("صبورًا", "صبورة", "صبورين"), True),
    ha("strict", fr4("sévère"), ("صارم", "صارمة", "صارمون"), ("صارمًا", "صارمة", "صارمين"), True),
    ha("shy", fr4("timide"), ("خجول", "خجولة", "خجولون"), ("خجولًا", "خجولة", "خجولين"), True),
    ha("calm", fr4("calme"), ("هادئ", "هادئة", "هادئون"), ("هادئًا", "هادئة", "هادئين"), True),
    ha("tired", fr4("fatigué"), ("متعب", "متعبة", "متعبون"), ("متعبًا", "متعبة", "متعبين"), False),
    ha("happy", fr4("heureux", "heureuse"), ("سعيد", "سعيدة", "سعداء"), ("سعيدًا", "سعيدة", "سعداء"), False),
    ha("busy", fr4("occupé"), ("مشغول", "مشغولة", "مشغولون"), ("مشغولًا", "مشغولة", "مشغولين"), False),
    ha("ill", fr4("malade"), ("مريض", "مريضة", "مرضى"), ("مريضًا", "مريضة", "مرضى"), False),
    ha("worried", fr4("inquiet", "inquiète"), ("قلق", "قلقة", "قلقون"), ("قلقًا", "قلقة", "قلقين"), False),
    ha("angry", ("en colère",) * 4, ("غاضب", "غاضبة", "غاضبون"), ("غاضبًا", "غاضبة", "غاضبين"), False),
    ha("friendly", fr4("sympathique"), ("ودود", "ودودة", "ودودون"), ("ودودًا", "ودودة", "ودودين"), True),
    ha("noisy", fr4("bruyant"), ("مزعج", "مزعجة", "مزعجون"), ("مزعجًا", "مزعجة", "مزعجين"), True),
    ha("at home", ("à la maison",) * 4, ("في البيت",) * 3, ("في البيت",) * 3, False),
]


def fr_hadj(a: HA, g: str, pl: bool) -> str:
    return a.fr[(2 if pl else 0) + (1 if g == "f" else 0)]


# ----------------------------------------------------------------------------------------------- adjectives for things


@dataclass(frozen=True)
class A:
    """An adjective for things: English (+ comparative), French forms (+ before-vowel m. form, placement),
    Arabic m. and f. (+ comparative)."""

    en: str
    fr: tuple[str, str, str, str]
    pre: bool
    fr_mv: str
    ar: tuple[str, str]
    en_cmp: str = ""
    ar_cmp: str = ""
    kinds: str = "rf"

    def frf(self, g: str, pl: bool = False, before: str = "") -> str:
        if not pl and g == "m" and self.pre and before and starts_vowel(before):
            return self.fr_mv
        return self.fr[(2 if pl else 0) + (1 if g == "f" else 0)]

    def arf(self, g: str, definite: bool = False, acc: bool = False) -> str:
        w = self.ar[0] if g == "m" else self.ar[1]
        if definite:
            return "ال" + w
        if acc and g == "m":
            return w + "ًا"
        return w


ADJS = [
    A("big", fr4("grand"), True, "grand", ("كبير", "كبيرة"), "bigger", "أكبر", "rfh"),
    A("small", fr4("petit"), True, "petit", ("صغير", "صغيرة"), "smaller", "أصغر", "rfh"),
    A(
        "new",
        ("nouveau", "nouvelle", "nouveaux", "nouvelles"),
        True,
        "nouvel",
        ("جديد", "جديدة"),
        "newer",
        "أحدث",
        "fh",
    ),
    A("old", ("vieux", "vieille", "vieux", "vieilles"), True, "vieil", ("قديم", "قديمة"), "older", "أقدم", "fh"),
    A("beautiful", ("beau", "belle", "beaux", "belles"), True, "bel", ("جميل", "جميلة"), "", "", "rh"),
    A("clean", fr4("propre"), False, "", ("نظيف", "نظيفة"), "cleaner", "أنظف", "rf"),
    A("dirty", fr4("sale"), False, "", ("متسخ", "متسخة"), "", "", "rf"),
    A("comfortable", fr4("confortable"), False, "", ("مريح", "مريحة"), "more comfortable", "أكثر راحة", "f"),
    A("sunny", fr4("ensoleillé"), False, "", ("مشمس", "مشمسة"), "", "", "rh"),
    A("dark", fr4("sombre"), False, "", ("مظلم", "مظلمة"), "darker", "أكثر ظلمة", "rh"),
    A("quiet", fr4("calme"), False, "", ("هادئ", "هادئة"), "quieter", "أهدأ", "rh"),
    A("noisy", fr4("bruyant"), False, "", ("صاخب", "صاخبة"), "noisier", "أكثر ضجيجًا", "rh"),
    A("cold", fr4("froid"), False, "", ("بارد", "باردة"), "colder", "أبرد", "rh"),
    A("spacious", fr4("spacieux", "spacieuse"), False, "", ("واسع", "واسعة"), "more spacious", "أوسع", "rh"),
    A("modern", fr4("moderne"), False, "", ("حديث", "حديثة"), "more modern", "أحدث", "rfh"),
    A("heavy", fr4("lourd"), False, "", ("ثقيل", "ثقيلة"), "heavier", "أثقل", "f"),
    A("broken", fr4("cassé"), False, "", ("مكسور", "مكسورة"), "", "", "f"),
]
ADJ = {a.en: a for a in ADJS}
VERY = ("very ", "très ", " جدًا")

ROOMS = [KITCHEN, BATHROOM, LIVING, BEDROOM, DINING, HALL, GARDEN, BALCONY, CELLAR, ENTRANCE, GARAGE]
HOMES = [HOUSE, FLAT, BUILDING]
FURNITURE = [
    TABLE,
    CHAIR,
    SOFA,
    BED,
    WARDROBE,
    SHELF,
    DESK,
    LAMP,
    MIRROR,
    RUG,
    CURTAIN,
    BOOKCASE,
    FRIDGE,
    OVEN,
    WASHER,
    DISHWASHER,
    CUSHION,
    CLOCK,
    HEATER,
]
FURN_ADJ = {
    "table": "big small new old clean dirty heavy broken modern",
    "chair": "new old broken comfortable heavy",
    "sofa": "big small new old comfortable heavy dirty modern",
    "bed": "big small new old comfortable heavy",
    "wardrobe": "big small new old heavy modern",
    "shelf": "new old broken",
    "desk": "big small new old modern",
    "lamp": "new old broken modern",
    "mirror": "big small new old broken",
    "rug": "big small new old dirty clean",
    "curtain": "new old dirty clean",
    "bookcase": "big small new old heavy",
    "fridge": "big small new old modern",
    "oven": "new old modern dirty clean",
    "washing machine": "new old modern broken",
    "dishwasher": "new old modern",
    "cushion": "new old comfortable dirty",
    "clock": "big small new old",
    "heater": "new old broken",
}
ROOM_ADJ = {
    "kitchen": "big small modern clean dirty dark sunny cold spacious",
    "bathroom": "big small modern clean dirty cold",
    "living room": "big small sunny dark quiet cold spacious beautiful modern",
    "bedroom": "big small sunny dark quiet noisy cold spacious",
    "dining room": "big small sunny dark beautiful",
    "hallway": "dark cold clean",
    "garden": "big small beautiful quiet sunny",
    "balcony": "big small sunny",
    "cellar": "dark cold big small",
    "entrance": "dark big small",
    "garage": "big small dark cold",
    "house": "big small old new modern beautiful quiet cold sunny spacious",
    "flat": "big small old new modern beautiful quiet noisy sunny dark spacious",
    "building": "old new modern beautiful quiet noisy",
}

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
    ("January", "janvier", "يناير"),
    ("February", "février", "فبراير"),
    ("March", "mars", "مارس"),
    ("April", "avril", "أبريل"),
    ("May", "mai", "مايو"),
    ("June", "juin", "يونيو"),
    ("July", "juillet", "يوليو"),
    ("August", "août", "أغسطس"),
    ("September", "septembre", "سبتمبر"),
    ("October", "octobre", "أكتوبر"),
    ("November", "novembre", "نوفمبر"),
    ("December", "décembre", "ديسمبر"),
]
CITIES = [
    ("Lyon", "à Lyon", "ليون"),
    ("Marseille", "à Marseille", "مرسيليا"),
    ("Paris", "à Paris", "باريس"),
    ("Toulouse", "à Toulouse", "تولوز"),
    ("Nice", "à Nice", "نيس"),
    ("Bordeaux", "à Bordeaux", "بوردو"),
    ("Lille", "à Lille", "ليل"),
    ("Nantes", "à Nantes", "نانت"),
    ("Rabat", "à Rabat", "الرباط"),
    ("Casablanca", "à Casablanca", "الدار البيضاء"),
    ("Tunis", "à Tunis", "تونس"),
    ("Algiers", "à Alger", "الجزائر العاصمة"),
    ("Beirut", "à Beyrouth", "بيروت"),
    ("Cairo", "au Caire", "القاهرة"),
    ("Amman", "à Amman", "عمان"),
    ("Dubai", "à Dubaï", "دبي"),
    ("Montreal", "à Montréal", "مونتريال"),
    ("Brussels", "à Bruxelles", "بروكسل"),
    ("Geneva", "à Genève", "جنيف"),
    ("Fez", "à Fès", "فاس"),
    ("Oran", "à Oran", "وهران"),
    ("Sfax", "à Sfax", "صفاقس"),
]
NUM_EN = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
NUM_FR = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix"}
AR_NUM_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
AR_NUM_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}


def ar_count(n: int, sg: str, pl: str, g: str, nom: bool = True, dual: str | None = None) -> str:
    """An Arabic counted noun phrase, 1 to 10: the noun + واحد/واحدة, the dual, or the number + plural with
    the reversed gender."""
    if n == 1:
        return f"{sg} {'واحد' if g == 'm' else 'واحدة'}"
    if n == 2:
        return dual or ar_dual(sg, nom)
    return f"{(AR_NUM_M if g == 'm' else AR_NUM_F)[n]} {pl}"


def fr_count(n: int, n_: N) -> str:
    if n == 1:
        return ("un " if n_.g == "m" else "une ") + n_.fr
    return f"{NUM_FR[n]} {n_.fr_pl}"


def en_count(n: int, n_: N) -> str:
    return f"{NUM_EN[n]} {n_.en if n == 1 else n_.en_pl}"


def ar_years(n: int, rng: random.Random) -> str:
    if 3 <= n <= 10:
        return f"{n} " + rng.choice(("سنوات", "أعوام"))
    return f"{n} " + rng.choice(("عامًا", "سنة"))


# ----------------------------------------------------------------------------------------------- more lexicon


def en_a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


CELEBRATE = rv(
    ("celebrate", "celebrates", "celebrated"), er_verb("fêt"), "fêté", "fêter", "fêter", "احتفل", "حتفل", "الاحتفال"
)
MOVE = rv(
    ("move", "moves", "moved"),
    ("déménage", "déménages", "déménage", "déménageons", "déménagez", "déménagent"),
    "déménagé",
    "déménager",
    "déménager",
    "انتقل",
    "نتقل",
    "الانتقال",
)
LIVE = rv(("live", "lives", "lived"), er_verb("habit"), "habité", "habiter", "habiter", "سكن", "سكن", "السكن")
INVITE = V(
    ("invite", "invites", "invited"),
    er_verb("invit"),
    "invité",
    "inviter",
    "inviter",
    ("دعوت", "دعوت", "دعوتِ", "دعا", "دعت", "دعونا", "دعوتم", "دعوا"),
    ("أدعو", "تدعو", "تدعين", "يدعو", "تدعو", "ندعو", "تدعون", "يدعون"),
    ("أدع", "تدع", "تدعي", "يدع", "تدع", "ندع", "تدعوا", "يدعوا"),
    "دعوة",
)
VISIT = V(
    ("visit", "visits", "visited"),
    ("rends", "rends", "rend", "rendons", "rendez", "rendent"),
    "rendu",
    "rendr",
    "rendre",
    ("زرت", "زرت", "زرتِ", "زار", "زارت", "زرنا", "زرتم", "زاروا"),
    ("أزور", "تزور", "تزورين", "يزور", "تزور", "نزور", "تزورون", "يزورون"),
    ("أزر", "تزر", "تزوري", "يزر", "تزر", "نزر", "تزوروا", "يزوروا"),
    "زيارة",
    "visite",
)
CALL = rv(
    ("call", "calls", "called"),
    ("appelle", "appelles", "appelle", "appelons", "appelez", "appellent"),
    "appelé",
    "appeller",
    "appeler",
    "اتصل",
    "تصل",
    "الاتصال",
)
COOK = rv(("cook", "cooks", "cooked"), er_verb("prépar"), "préparé", "préparer", "préparer", "طبخ", "طبخ", "طبخ")
BAKE = rv(("bake", "bakes", "baked"), er_verb("prépar"), "préparé", "préparer", "préparer", "خبز", "خبز", "خبز")
HAVE_MEAL = rv(("have", "has", "had"), er_verb("dîn"), "dîné", "dîner", "dîner", "تناول", "تناول", "تناول")

PARENTS_GEN = ("والدي", "والديك", "والديكِ", "والديه", "والديها", "والدينا", "والديكم", "والديهم")
FRIENDS_ACC = ("أصدقائي", "أصدقاءك", "أصدقاءكِ", "أصدقاءه", "أصدقاءها", "أصدقاءنا", "أصدقاءكم", "أصدقاءهم")
ALAYA = {
    "i": "علي",
    "you_m": "عليك",
    "you_f": "عليكِ",
    "he": "عليه",
    "she": "عليها",
    "we": "علينا",
    "you_pl": "عليكم",
    "they": "عليهم",
}


def grandparents_ar(p: str) -> str:
    return f"{ar_poss('جد', p)} و{ar_poss('جدة', p)}"


def pron_subjects() -> list[S]:
    return [pron_subject(p) for p in PERSONS]


def name_subjects() -> list[S]:
    return [name_subject(e, a, p) for e, a, p in NAMES]


def member_subjects(rng: random.Random, k: int = 40) -> list[S]:
    pairs = [(m, p) for m, p in member_pairs() if p in ("i", "we", "he", "she", "you_m", "they")]
    return [member_subject(m, p) for m, p in sample(pairs, k, rng.randint(0, 10**6))]


def clause(
    s: S, v: V, tense: str, neg: bool, rest_en: str, rest_fr: str, rest_ar: str, question: bool = False
) -> tuple[str, str, str]:
    """One finite clause in the three languages, the subject conjugated; Arabic VSO with a noun subject."""
    if question:
        en = v.en_q(s.en_p, s.en, tense)
    else:
        en = f"{s.en} {v.en_form(s.en_p, tense, neg)}"
    fr_v = v.fr_form(s.fr_i, tense, neg and not question)
    fr = f"{s.fr} {fr_v}"
    ar_v = v.ar_form(s.ar_p, tense, neg and not question)
    ar = f"{ar_v} {s.ar}" if s.ar else ar_v
    if question:
        fr = "est-ce que " + fr
        ar = "هل " + ar
    en = " ".join(x for x in (en, rest_en) if x)
    fr = " ".join(x for x in (fr, rest_fr) if x)
    ar = " ".join(x for x in (ar, rest_ar) if x)
    return en, fr, ar


def ratio_ok(t: Triple) -> bool:
    """Leave out the rare templated triple whose Arabic is much shorter or longer than its sources."""
    return all(0.38 <= len(t.ar) / len(src) <= 2.4 for src in (t.en, t.fr))


def dedupe(triples: list[Triple], seed: int) -> list[Triple]:
    """Shuffle (seeded), then keep the first triple of each English and of each French source."""
    rng = random.Random(seed)
    triples = [t for t in triples if ratio_ok(t)]
    rng.shuffle(triples)
    seen_en: set[str] = set()
    seen_fr: set[str] = set()
    out = []
    for t in triples:
        if t.en in seen_en or t.fr in seen_fr:
            continue
        seen_en.add(t.en)
        seen_fr.add(t.fr)
        out.append(t)
    return out


# ----------------------------------------------------------------------------------------------- templates: chores


def g_chores_pron(neg: bool):
    def gen() -> list[Triple]:
        rng = random.Random(11 + neg)
        out = []
        for v, objs in CHORES:
            for o in objs:
                for s in pron_subjects():
                    for tense in tenses_for(v, o):
                        te, tf, ta = rng.choice(TIMES[tense])
                        out.append(
                            fin(
                                *clause(
                                    s,
                                    v,
                                    tense,
                                    neg,
                                    f"{o.en(s.poss_p)} {te}",
                                    f"{o.fr(s.poss_p)} {tf}",
                                    f"{o.ar(s.poss_p)} {ta}",
                                )
                            )
                        )
        return dedupe(out, 1 + neg)

    return gen


def g_chores_question() -> list[Triple]:
    rng = random.Random(13)
    out = []
    for v, objs in CHORES:
        for o in objs:
            for p in ("you_m", "you_f", "you_pl", "he", "she", "they", "we"):
                s = pron_subject(p)
                tense = rng.choice(tenses_for(v, o))
                te, tf, ta = rng.choice(TIMES[tense])
                out.append(
                    fin(
                        *clause(
                            s, v, tense, False, f"{o.en(p)} {te}", f"{o.fr(p)} {tf}", f"{o.ar(p)} {ta}", question=True
                        ),
                        "?",
                    )
                )
    return dedupe(out, 3)


def g_chores_named() -> list[Triple]:
    rng = random.Random(17)
    subjects = name_subjects() + member_subjects(rng, 40)
    subjects.append(S("the children", "les enfants", "الأطفال", "they", 5, "he", "they"))
    out = []
    for v, objs in CHORES:
        for o in objs:
            for s in rng.sample(subjects, 8):
                tense = rng.choice(tenses_for(v, o))
                neg = rng.random() < 0.3
                te, tf, ta = rng.choice(TIMES[tense])
                out.append(
                    fin(
                        *clause(
                            s,
                            v,
                            tense,
                            neg,
                            f"{o.en(s.poss_p)} {te}",
                            f"{o.fr(s.poss_p)} {tf}",
                            f"{o.ar(s.poss_p)} {ta}",
                        )
                    )
                )
    return dedupe(out, 4)


def g_who() -> list[Triple]:
    rng = random.Random(19)
    out = []
    for v, objs in CHORES:
        for o in objs:
            if o.poss:
                continue
            for tense in tenses_for(v, o):
                te, tf, ta = rng.choice(TIMES[tense])
                if tense == "present":
                    en, fr, ar = f"who {v.en[1]}", f"qui {v.fr_pres[2]}", f"من {v.ar_pres[3]}"
                elif tense == "past":
                    en, fr, ar = f"who {v.en[2]}", f"qui a {v.fr_pp}", f"من {v.ar_past[3]}"
                else:
                    en, fr, ar = f"who will {v.en[0]}", f"qui va {v.fr_inf}", f"من س{v.ar_pres[3]}"
                out.append(fin(f"{en} {o.en()} {te}", f"{fr} {o.fr()} {tf}", f"{ar} {o.ar()} {ta}", "?"))
    return dedupe(out, 5)


def g_turn() -> list[Triple]:
    rng = random.Random(23)
    whens = [
        ("today", "aujourd'hui", "اليوم"),
        ("tonight", "ce soir", "الليلة"),
        ("this week", "cette semaine", "هذا الأسبوع"),
    ]
    out = []
    for v, objs in CHORES:
        for o in objs:
            if o.poss:
                continue
            for en_n, ar_n, _ in rng.sample(NAMES, 4):
                we, wf, wa = rng.choice(whens)
                out.append(
                    fin(
                        f"it's {en_n}'s turn to {v.en[0]} {o.en()} {we}",
                        f"c'est au tour de {en_n} de {v.fr_inf} {o.fr()} {wf}",
                        f"{wa} دور {ar_n} في {v.masdar} {o.ar()}",
                    )
                )
    return dedupe(out, 6)


MUST_WHEN = [
    ("before dinner", "avant le dîner", "قبل العشاء"),
    ("before the guests arrive", "avant l'arrivée des invités", "قبل وصول الضيوف"),
    ("this weekend", "ce week-end", "في نهاية هذا الأسبوع"),
    ("today", "aujourd'hui", "اليوم"),
    ("before Friday", "avant vendredi", "قبل يوم الجمعة"),
    ("right now", "tout de suite", "الآن"),
]


def g_must() -> list[Triple]:
    rng = random.Random(29)
    subjects = pron_subjects() + name_subjects()
    out = []
    for v, objs in CHORES:
        for o in objs:
            for s in rng.sample(subjects, 7):
                we, wf, wa = rng.choice(MUST_WHEN)
                p = s.poss_p
                sub = ar_subj(v.ar_pres)[ARI[s.ar_p]]
                ar_subj_np = f" {s.ar}" if s.ar else ""
                if rng.random() < 0.7:
                    have = "has to" if is3(s.en_p) else "have to"
                    out.append(
                        fin(
                            f"{s.en} {have} {v.en[0]} {o.en(p)} {we}",
                            f"{s.fr} {DEVOIR[s.fr_i]} {v.fr_inf} {o.fr(p)} {wf}",
                            f"يجب أن {sub}{ar_subj_np} {o.ar(p)} {wa}",
                        )
                    )
                else:
                    have = "doesn't have to" if is3(s.en_p) else "don't have to"
                    ala = f"على {s.ar}" if s.ar else ALAYA[s.ar_p]
                    avoir = AVOIR[s.fr_i]
                    out.append(
                        fin(
                            f"{s.en} {have} {v.en[0]} {o.en(p)} {we}",
                            f"{s.fr} ne {avoir} pas besoin de {v.fr_inf} {o.fr(p)} {wf}",
                            f"ليس {ala} أن {sub} {o.ar(p)} {wa}",
                        )
                    )
    return dedupe(out, 7)


# ----------------------------------------------------------------------------------------------- templates: requests


@dataclass(frozen=True)
class RV:
    en: str
    fr_inf: str
    fr_tu: str
    fr_vous: str
    imp: tuple[str, str, str]
    sub: tuple[str, str, str]
    objs: tuple[Obj, ...]


REQUESTS = [
    RV(
        "close",
        "fermer",
        "ferme",
        "fermez",
        ("أغلق", "أغلقي", "أغلقوا"),
        ("تغلق", "تغلقي", "تغلقوا"),
        (Obj(WINDOW), Obj(DOOR), Obj(CURTAIN, pl=True), Obj(DRAWER), Obj(GATE), Obj(FRIDGE), Obj(WINDOW, pl=True)),
    ),
    RV(
        "open",
        "ouvrir",
        "ouvre",
        "ouvrez",
        ("افتح", "افتحي", "افتحوا"),
        ("تفتح", "تفتحي", "تفتحوا"),
        (Obj(WINDOW), Obj(DOOR), Obj(CURTAIN, pl=True), Obj(GATE), Obj(WINDOW, pl=True)),
    ),
    RV(
        "turn off",
        "éteindre",
        "éteins",
        "éteignez",
        ("أطفئ", "أطفئي", "أطفئوا"),
        ("تطفئ", "تطفئي", "تطفئوا"),
        (
            fx("the light", "la lumière", "الضوء"),
            Obj(TV),
            Obj(OVEN),
            Obj(HEATER),
            fx("the lights", "les lumières", "الأضواء"),
            Obj(AIRCON),
        ),
    ),
    RV(
        "turn on",
        "allumer",
        "allume",
        "allumez",
        ("شغل", "شغلي", "شغلوا"),
        ("تشغل", "تشغلي", "تشغلوا"),
        (Obj(TV), Obj(HEATER), Obj(OVEN), Obj(AIRCON)),
    ),
    RV(
        "start",
        "lancer",
        "lance",
        "lancez",
        ("شغل", "شغلي", "شغلوا"),
        ("تشغل", "تشغلي", "تشغلوا"),
        (Obj(WASHER), Obj(DISHWASHER)),
    ),
    RV(
        "clean",
        "nettoyer",
        "nettoie",
        "nettoyez",
        ("نظف", "نظفي", "نظفوا"),
        ("تنظف", "تنظفي", "تنظفوا"),
        (Obj(TABLE), Obj(BATHROOM), Obj(MYROOM, poss=True), Obj(KITCHEN), Obj(MIRROR)),
    ),
    RV(
        "tidy",
        "ranger",
        "range",
        "rangez",
        ("رتب", "رتبي", "رتبوا"),
        ("ترتب", "ترتبي", "ترتبوا"),
        (
            Obj(MYROOM, poss=True),
            Obj(TOY, pl=True, poss=True),
            Obj(BOOK, pl=True, poss=True),
            Obj(CLOTHES, pl=True, poss=True),
            Obj(LIVING),
            Obj(DESK, poss=True),
        ),
    ),
    RV(
        "make", "faire", "fais", "faites", ("رتب", "رتبي", "رتبوا"), ("ترتب", "ترتبي", "ترتبوا"), (Obj(BED, poss=True),)
    ),
    RV(
        "set",
        "mettre",
        "mets",
        "mettez",
        ("جهز", "جهزي", "جهزوا"),
        ("تجهز", "تجهزي", "تجهزوا"),
        (fx("the table", "la table", "المائدة"),),
    ),
    RV("take out", "sortir", "sors", "sortez", ("أخرج", "أخرجي", "أخرجوا"), ("تخرج", "تخرجي", "تخرجوا"), (RUBBISH,)),
    RV(
        "water",
        "arroser",
        "arrose",
        "arrosez",
        ("اسق", "اسقي", "اسقوا"),
        ("تسقي", "تسقي", "تسقوا"),
        (Obj(PLANT, pl=True), FLOWERS, Obj(GARDEN)),
    ),
    RV(
        "feed",
        "donner à manger à",
        "donne à manger à",
        "donnez à manger à",
        ("أطعم", "أطعمي", "أطعموا"),
        ("تطعم", "تطعمي", "تطعموا"),
        (
            fx("the cat", "le chat", "القطة"),
            fx("the dog", "le chien", "الكلب"),
            fx("the fish", "les poissons", "الأسماك"),
            fx("the birds", "les oiseaux", "العصافير"),
        ),
    ),
    RV("wash", "faire", "fais", "faites", ("اغسل", "اغسلي", "اغسلوا"), ("تغسل", "تغسلي", "تغسلوا"), (DISHES,)),
    RV(
        "bring me",
        "m'apporter",
        "apporte-moi",
        "apportez-moi",
        ("أحضر لي", "أحضري لي", "أحضروا لي"),
        ("تحضر لي", "تحضري لي", "تحضروا لي"),
        (
            fx("a towel", "une serviette", "منشفة"),
            fx("a glass of water", "un verre d'eau", "كوب ماء"),
            fx("a blanket", "une couverture", "بطانية"),
            fx("the keys", "les clés", "المفاتيح"),
            fx("a chair", "une chaise", "كرسيًا"),
            fx("a spoon", "une cuillère", "ملعقة"),
            fx("the remote control", "la télécommande", "جهاز التحكم"),
        ),
    ),
    RV(
        "help me",
        "m'aider",
        "aide-moi",
        "aidez-moi",
        ("ساعدني", "ساعديني", "ساعدوني"),
        ("تساعدني", "تساعديني", "تساعدوني"),
        (
            fx("in the kitchen", "dans la cuisine", "في المطبخ"),
            fx("carry these boxes", "à porter ces cartons", "في حمل هذه الصناديق"),
            fx("move the sofa", "à déplacer le canapé", "في تحريك الأريكة"),
            fx("with the dishes", "à faire la vaisselle", "في غسل الصحون"),
            fx("hang the curtains", "à accrocher les rideaux", "في تعليق الستائر"),
        ),
    ),
    RV(
        "turn down",
        "baisser",
        "baisse",
        "baissez",
        ("اخفض", "اخفضي", "اخفضوا"),
        ("تخفض", "تخفضي", "تخفضوا"),
        (
            fx("the music", "la musique", "صوت الموسيقى"),
            fx("the television", "le son de la télévision", "صوت التلفاز"),
            fx("the heating", "le chauffage", "التدفئة"),
        ),
    ),
    RV(
        "empty",
        "vider",
        "vide",
        "videz",
        ("أفرغ", "أفرغي", "أفرغوا"),
        ("تفرغ", "تفرغي", "تفرغوا"),
        (Obj(DISHWASHER), Obj(WASHER)),
    ),
]
REQ_PERSONS = ("you_m", "you_f", "you_pl")
GI = {"you_m": 0, "you_f": 1, "you_pl": 2}
PLEASE_AR = {"you_m": "من فضلك", "you_f": "من فضلكِ", "you_pl": "من فضلكم"}


def vocatives() -> list[tuple[str, str, str, str]]:
    """(person, English, French, Arabic) ways to address someone."""
    out = [("you_m", e, e, "يا " + a) for e, a in MALE] + [("you_f", e, e, "يا " + a) for e, a in FEMALE]
    out += [
        ("you_m", "Dad", "Papa", "يا أبي"),
        ("you_f", "Mum", "Maman", "يا أمي"),
        ("you_pl", "Children", "Les enfants", "يا أطفال"),
        ("you_pl", "Boys", "Les garçons", "يا أولاد"),
    ]
    return out


def req_items():
    for r in REQUESTS:
        for o in r.objs:
            yield r, o


def g_request(kind: str):
    def gen() -> list[Triple]:
        rng = random.Random(31 + len(kind))
        vocs = vocatives()
        out = []
        for r, o in req_items():
            for p, ve, vf, va in rng.sample(vocs, 10) + [v for v in vocs if v[0] == "you_pl"]:
                if ve in ("Mum", "Dad") and (o.poss or r.en in ("tidy", "make")):
                    continue
                k = GI[p]
                tu = p != "you_pl"
                oe, of, oa = o.en(p), o.fr(p), o.ar(p)
                if kind == "could":
                    en = f"{ve}, could you {r.en} {oe}, please"
                    fr = (
                        f"{vf}, est-ce que tu peux {r.fr_inf} {of}, s'il te plaît"
                        if tu
                        else f"{vf}, est-ce que vous pouvez {r.fr_inf} {of}, s'il vous plaît"
                    )
                    mk = {"you_m": "يمكنك", "you_f": "يمكنكِ", "you_pl": "يمكنكم"}[p]
                    ar = f"{va}، هل {mk} أن {r.sub[k]} {oa} {PLEASE_AR[p]}"
                    out.append(fin(en, fr, ar, "?"))
                elif kind == "can":
                    en = f"{ve}, can you {r.en} {oe}"
                    fr = f"{vf}, tu peux {r.fr_inf} {of}" if tu else f"{vf}, vous pouvez {r.fr_inf} {of}"
                    st = {"you_m": "تستطيع", "you_f": "تستطيعين", "you_pl": "تستطيعون"}[p]
                    out.append(fin(en, fr, f"{va}، هل {st} أن {r.sub[k]} {oa}", "?"))
                elif kind == "imp":
                    en = f"{ve}, {r.en} {oe}, please"
                    fr = f"{vf}, {r.fr_tu} {of}, s'il te plaît" if tu else f"{vf}, {r.fr_vous} {of}, s'il vous plaît"
                    out.append(fin(en, fr, f"{va}، {r.imp[k]} {oa} {PLEASE_AR[p]}"))
                else:
                    en = f"{ve}, don't forget to {r.en} {oe}"
                    fr = f"{vf}, n'oublie pas de {r.fr_inf} {of}" if tu else f"{vf}, n'oubliez pas de {r.fr_inf} {of}"
                    nas = {"you_m": "لا تنس", "you_f": "لا تنسي", "you_pl": "لا تنسوا"}[p]
                    out.append(fin(en, fr, f"{va}، {nas} أن {r.sub[k]} {oa}"))
        return dedupe(out, 8 + len(kind))

    return gen


NEG_IMP = [
    (
        "touch",
        "touche",
        "touchez",
        ("تلمس", "تلمسي", "تلمسوا"),
        [
            ("the oven", "le four", "الفرن"),
            ("the knives", "les couteaux", "السكاكين"),
            ("the cake", "le gâteau", "الكعكة"),
            ("my phone", "mon téléphone", "هاتفي"),
            ("the plants", "les plantes", "النباتات"),
            ("the paint", "la peinture", "الطلاء"),
            ("the walls", "les murs", "الجدران"),
        ],
    ),
    (
        "jump",
        "saute",
        "sautez",
        ("تقفز", "تقفزي", "تقفزوا"),
        [
            ("on the bed", "sur le lit", "على السرير"),
            ("on the sofa", "sur le canapé", "على الأريكة"),
            ("on the chairs", "sur les chaises", "على الكراسي"),
        ],
    ),
    (
        "leave",
        "laisse",
        "laissez",
        ("تترك", "تتركي", "تتركوا"),
        [
            ("the door open", "la porte ouverte", "الباب مفتوحًا"),
            ("the window open", "la fenêtre ouverte", "النافذة مفتوحة"),
            ("the fridge open", "le réfrigérateur ouvert", "الثلاجة مفتوحة"),
            ("the tap running", "le robinet ouvert", "الصنبور مفتوحًا"),
            ("the lights on", "les lumières allumées", "الأضواء مضاءة"),
        ],
    ),
    (
        "open",
        "ouvre",
        "ouvrez",
        ("تفتح", "تفتحي", "تفتحوا"),
        [("the window", "la fenêtre", "النافذة"), ("the door", "la porte", "الباب"), ("the oven", "le four", "الفرن")],
    ),
    (
        "play",
        "joue",
        "jouez",
        ("تلعب", "تلعبي", "تلعبوا"),
        [
            ("in the kitchen", "dans la cuisine", "في المطبخ"),
            ("with the ball in the living room", "au ballon dans le salon", "بالكرة في غرفة الجلوس"),
            ("on the stairs", "dans l'escalier", "على الدرج"),
        ],
    ),
    (
        "eat",
        "mange",
        "mangez",
        ("تأكل", "تأكلي", "تأكلوا"),
        [
            ("on the sofa", "sur le canapé", "على الأريكة"),
            ("in the living room", "dans le salon", "في غرفة الجلوس"),
            ("all the cake", "tout le gâteau", "الكعكة كلها"),
        ],
    ),
    ("make", "fais", "faites", ("تحدث", "تحدثي", "تحدثوا"), [("noise", "de bruit", "ضجيجًا")]),
]


def g_neg_imp() -> list[Triple]:
    rng = random.Random(37)
    vocs = vocatives()
    out = []
    for en_v, fr_tu, fr_vous, ar3, objs in NEG_IMP:
        for oe, of, oa in objs:
            for p, ve, vf, va in rng.sample(vocs, 8) + [v for v in vocs if v[0] == "you_pl"]:
                if ve in ("Mum", "Dad"):
                    continue
                k = GI[p]
                fv = fr_tu if p != "you_pl" else fr_vous
                out.append(fin(f"{ve}, don't {en_v} {oe}", f"{vf}, ne {fv} pas {of}", f"{va}، لا {ar3[k]} {oa}", "!"))
    return dedupe(out, 9)


# ----------------------------------------------------------------------------------------------- templates: the house

PLACES = {
    "on_table": ("on the table", "sur la table", "على الطاولة"),
    "under_table": ("under the table", "sous la table", "تحت الطاولة"),
    "on_shelf": ("on the shelf", "sur l'étagère", "على الرف"),
    "on_desk": ("on the desk", "sur le bureau", "على المكتب"),
    "on_sofa": ("on the sofa", "sur le canapé", "على الأريكة"),
    "under_sofa": ("under the sofa", "sous le canapé", "تحت الأريكة"),
    "behind_sofa": ("behind the sofa", "derrière le canapé", "خلف الأريكة"),
    "on_bed": ("on the bed", "sur le lit", "على السرير"),
    "under_bed": ("under the bed", "sous le lit", "تحت السرير"),
    "next_bed": ("next to the bed", "à côté du lit", "بجانب السرير"),
    "in_drawer": ("in the drawer", "dans le tiroir", "في الدرج"),
    "in_box": ("in the box", "dans la boîte", "في الصندوق"),
    "in_bag": ("in the bag", "dans le sac", "في الحقيبة"),
    "in_wardrobe": ("in the wardrobe", "dans l'armoire", "في الخزانة"),
    "in_cupboard": ("in the cupboard", "dans le placard", "في الخزانة"),
    "next_door": ("next to the door", "à côté de la porte", "بجانب الباب"),
    "behind_door": ("behind the door", "derrière la porte", "خلف الباب"),
    "on_wall": ("on the wall", "au mur", "على الجدار"),
    "on_chair": ("on the chair", "sur la chaise", "على الكرسي"),
    "next_window": ("next to the window", "près de la fenêtre", "بجانب النافذة"),
    "on_balcony": ("on the balcony", "sur le balcon", "في الشرفة"),
    "in_kitchen": ("in the kitchen", "dans la cuisine", "في المطبخ"),
    "in_living": ("in the living room", "dans le salon", "في غرفة الجلوس"),
    "in_bedroom": ("in the bedroom", "dans la chambre", "في غرفة النوم"),
    "in_hall": ("in the hallway", "dans le couloir", "في الممر"),
    "in_bathroom": ("in the bathroom", "dans la salle de bains", "في الحمام"),
    "in_garden": ("in the garden", "dans le jardin", "في الحديقة"),
    "in_garage": ("in the garage", "dans le garage", "في المرآب"),
    "in_sink": ("in the sink", "dans l'évier", "في المغسلة"),
    "on_floor": ("on the floor", "par terre", "على الأرض"),
    "in_car": ("in the car", "dans la voiture", "في السيارة"),
}
THINGS = [
    (KEY, True, "on_table on_shelf on_desk in_drawer in_bag next_door on_sofa in_kitchen in_car"),
    (PHONE, False, "on_table on_desk on_sofa on_bed in_bag in_kitchen in_drawer under_sofa in_car"),
    (BOOK, True, "on_table on_shelf on_desk on_bed in_box in_bag in_living in_bedroom on_floor"),
    (BOOK, False, "on_table on_shelf on_desk on_bed in_bag under_bed"),
    (BAG, False, "on_chair on_table on_bed in_hall behind_door in_wardrobe in_car on_floor"),
    (TOY, True, "in_box under_bed in_living in_garden under_sofa in_bedroom on_floor"),
    (CUP, True, "on_table on_shelf in_cupboard in_kitchen in_sink"),
    (GLASS, True, "on_table in_cupboard in_kitchen in_sink"),
    (PLATE, True, "on_table in_cupboard in_sink in_kitchen"),
    (TOWEL, True, "in_bathroom in_wardrobe on_bed on_chair on_balcony"),
    (BLANKET, False, "on_sofa on_bed in_wardrobe on_chair"),
    (CUSHION, True, "on_sofa on_bed on_chair on_floor"),
    (UMBRELLA, False, "in_hall behind_door next_door in_car"),
    (PHOTO, True, "on_table on_shelf on_desk in_box in_drawer on_wall"),
    (PAINTING, False, "on_wall in_living in_bedroom in_hall"),
    (LAMP, False, "on_table on_desk next_bed in_living next_window"),
    (PLANT, True, "on_balcony in_living in_kitchen next_window in_garden"),
    (CLOTHES, True, "on_bed on_chair in_wardrobe on_floor"),
    (BOX, True, "in_garage under_bed in_hall in_car"),
]


def thing_np(n: N, pl: bool, p: str | None) -> tuple[str, str, str]:
    if p:
        return f"{POSS_EN[p]} {n.ew(pl)}", fr_poss(p, n.fw(pl), n.g, pl), ar_poss(n.aw(pl), p)
    return f"the {n.ew(pl)}", fr_def(n.fw(pl), n.g, pl), ar_def(n.aw(pl))


def g_location() -> list[Triple]:
    rng = random.Random(41)
    out = []
    for n, pl, keys in THINGS:
        for key in keys.split():
            pe, pf, pa = PLACES[key]
            for mode in ("stat", "neg", "q", "poss"):
                p = rng.choice(PERSONS) if mode == "poss" or rng.random() < 0.3 else None
                if p and n in (GLASS, CUP, PLATE):
                    p = None
                if p and n in (PHONE, BAG, UMBRELLA):
                    p = rng.choice(("i", "you_m", "you_f", "he", "she"))
                ne, nf, na = thing_np(n, pl, p)
                be, etre = ("are", "sont") if pl else ("is", "est")
                laysa = "ليست" if n.agr(pl) == "f" else "ليس"
                if mode == "neg":
                    out.append(fin(f"{ne} {be}n't {pe}", f"{nf} ne {etre} pas {pf}", f"{na} {laysa} {pa}"))
                elif mode == "q":
                    out.append(fin(f"{be} {ne} {pe}", f"est-ce que {nf} {etre} {pf}", f"هل {na} {pa}", "?"))
                else:
                    out.append(fin(f"{ne} {be} {pe}", f"{nf} {etre} {pf}", f"{na} {pa}"))
    return dedupe(out, 10)


def g_where() -> list[Triple]:
    rng = random.Random(43)
    out = []
    for n, pl, keys in THINGS:
        if n in (GLASS, CUP, PLATE):
            continue
        for key in keys.split():
            pe, pf, pa = PLACES[key]
            for p in rng.sample(PERSONS, 3):
                ne, nf, na = thing_np(n, pl, p)
                if pl:
                    en = f"where are {ne}? They're {pe}"
                    fr = f"où sont {nf} ? {'Ils' if n.g == 'm' else 'Elles'} sont {pf}"
                else:
                    en = f"where is {ne}? It's {pe}"
                    fr = f"où est {nf} ? {'Il' if n.g == 'm' else 'Elle'} est {pf}"
                pron = "إنها" if n.agr(pl) == "f" else "إنه"
                out.append(fin(en, fr, f"أين {na}؟ {pron} {pa}"))
    return dedupe(out, 11)


NOUN_BY_EN = {n.en: n for n in ROOMS + HOMES + FURNITURE}


def g_room_adj() -> list[Triple]:
    rng = random.Random(47)
    out = []
    for name, adjs in ROOM_ADJ.items():
        n = NOUN_BY_EN[name]
        for an in adjs.split():
            a = ADJ[an]
            for mode in ("stat", "very", "neg", "q", "pl"):
                pl = mode == "pl" and n in (BEDROOM, BATHROOM)
                p = (
                    rng.choice(PERSONS)
                    if n in HOMES or (n in (BEDROOM, KITCHEN, GARDEN) and rng.random() < 0.4)
                    else None
                )
                if pl:
                    p = None
                if n is BEDROOM and p:
                    n2 = MYROOM
                else:
                    n2 = n
                ne, nf, na = thing_np(n2, pl, p)
                g = n2.agr(pl)
                fa = a.frf(n2.g, pl)
                be, etre = ("are", "sont") if pl else ("is", "est")
                if mode == "neg":
                    laysa = "ليست" if g == "f" else "ليس"
                    out.append(
                        fin(f"{ne} {be}n't {a.en}", f"{nf} ne {etre} pas {fa}", f"{laysa} {na} {a.arf(g, acc=True)}")
                    )
                elif mode == "q":
                    pron = ("ils" if n2.g == "m" else "elles") if pl else ("il" if n2.g == "m" else "elle")
                    out.append(fin(f"{be} {ne} {a.en}", f"{nf} {etre}-{pron} {fa}", f"هل {na} {a.arf(g)}", "?"))
                elif mode == "very":
                    out.append(fin(f"{ne} {be} very {a.en}", f"{nf} {etre} très {fa}", f"{na} {a.arf(g)} جدًا"))
                else:
                    out.append(fin(f"{ne} {be} {a.en}", f"{nf} {etre} {fa}", f"{na} {a.arf(g)}"))
    return dedupe(out, 12)


HAVE_ITEMS = [
    GARDEN,
    BALCONY,
    KITCHEN,
    LIVING,
    GARAGE,
    CELLAR,
    SOFA,
    BED,
    TABLE,
    WARDROBE,
    DESK,
    FRIDGE,
    OVEN,
    WASHER,
    DISHWASHER,
    LAMP,
    MIRROR,
    RUG,
    BOOKCASE,
    CLOCK,
    HEATER,
]
AVAIS = ("avais", "avais", "avait", "avions", "aviez", "avaient")


def fr_np_adj(n: N, a: A, definite: bool = False) -> str:
    form = a.frf(n.g, before=n.fr)
    if a.pre:
        art = ("le " if n.g == "m" else "la ") if definite else ("un " if n.g == "m" else "une ")
        return f"{art}{form} {n.fr}"
    return f"{fr_def(n.fr, n.g) if definite else fr_indef(n.fr, n.g)} {form}"


def g_have_adj() -> list[Triple]:
    rng = random.Random(53)
    out = []
    for n in HAVE_ITEMS:
        adjs = (FURN_ADJ.get(n.en) or ROOM_ADJ.get(n.en, "")).split()
        for an in adjs:
            a = ADJ[an]
            for p in rng.sample(PERSONS, 3):
                s_en, s_fr = SUBJECT_EN[p], SUBJECT_FR[p]
                i = FRI[p]
                ar_np = f"{n.ar} {a.arf(n.ag)}"
                if rng.random() < 0.7:
                    out.append(
                        fin(
                            f"{s_en} {HAVE_EN[p]} {en_a(a.en + ' ' + n.en)}",
                            f"{s_fr} {AVOIR[i]} {fr_np_adj(n, a)}",
                            f"{LADA[p]} {ar_np}",
                        )
                    )
                else:
                    kana = "كانت" if n.ag == "f" else "كان"
                    out.append(
                        fin(
                            f"{s_en} had {en_a(a.en + ' ' + n.en)}",
                            f"{s_fr} {AVAIS[i]} {fr_np_adj(n, a)}",
                            f"{kana} {LADA[p]} {ar_np}",
                        )
                    )
        for p in PERSONS if n not in (KITCHEN, LIVING, BED, TABLE, FRIDGE, OVEN, LAMP) else ():
            neg = "doesn't" if is3(p) else "don't"
            out.append(
                fin(
                    f"{SUBJECT_EN[p]} {neg} have {en_a(n.en)}",
                    f"{SUBJECT_FR[p]} ne {AVOIR[FRI[p]]} pas de {n.fr}",
                    f"ليس {LADA[p]} {n.ar}",
                )
            )
    return dedupe(out, 13)


COUNT_ROOMS = [(BEDROOM, 1, 5), (BATHROOM, 1, 3), (BALCONY, 1, 2), (ROOM, 2, 8), (WINDOW, 3, 10)]


def g_count_home() -> list[Triple]:
    rng = random.Random(59)
    out = []
    for home in (HOUSE, FLAT):
        for r, lo, hi in COUNT_ROOMS:
            for n in range(lo, hi + 1):
                for p in rng.sample(PERSONS, 4):
                    he, hf, ha_ = thing_np(home, False, p)
                    count_ar = ar_count(n, r.ar, r.ar_pl, r.ag)
                    if n == 1:
                        out.append(
                            fin(
                                f"{he} has only one {r.en}", f"{hf} n'a qu'{fr_count(1, r)}", f"في {ha_} {count_ar} فقط"
                            )
                        )
                    else:
                        out.append(
                            fin(f"{he} has {en_count(n, r)}", f"{hf} a {fr_count(n, r)}", f"في {ha_} {count_ar}")
                        )
            for p in ("you_m", "you_f", "you_pl", "he", "she", "they"):
                he, hf, ha_ = thing_np(home, False, p)
                out.append(
                    fin(
                        f"how many {r.en_pl} are there in {he}",
                        f"combien de {r.fr_pl} y a-t-il dans {hf}",
                        f"كم {ar_acc_indef(r.ar)} {'توجد' if r.ag == 'f' else 'يوجد'} في {ha_}",
                        "?",
                    )
                )
    return dedupe(out, 14)


TREE = N("tree", "trees", "arbre", "arbres", "m", "شجرة", "أشجار", "f")
COUNT_OBJ = [
    ("in_living", WINDOW, 2, 4),
    ("in_living", LAMP, 2, 4),
    ("in_living", CUSHION, 3, 8),
    ("in_living", PAINTING, 2, 5),
    ("in_living", SOFA, 2, 2),
    ("in_kitchen", CHAIR, 2, 2),
    ("in_cupboard", PLATE, 3, 10),
    ("in_cupboard", CUP, 3, 10),
    ("in_cupboard", GLASS, 3, 10),
    ("in_bedroom", BED, 2, 2),
    ("in_bedroom", WINDOW, 2, 3),
    ("in_bathroom", TOWEL, 3, 6),
    ("in_bathroom", MIRROR, 2, 2),
    ("in_garden", TREE, 2, 10),
    ("in_hall", DOOR, 2, 5),
    ("on_shelf", BOOK, 3, 10),
    ("in_box", TOY, 3, 10),
    ("in_drawer", SPOON, 3, 10),
]


def g_count_objects() -> list[Triple]:
    out = []
    for key, n_, lo, hi in COUNT_OBJ:
        pe, pf, pa = PLACES[key]
        for n in range(lo, hi + 1):
            out.append(
                fin(
                    f"there are {en_count(n, n_)} {pe}",
                    f"il y a {fr_count(n, n_)} {pf}",
                    f"{pa} {ar_count(n, n_.ar, n_.ar_pl, n_.ag)}",
                )
            )
        out.append(
            fin(
                f"how many {n_.en_pl} are there {pe}",
                f"combien de {n_.fr_pl} y a-t-il {pf}",
                f"كم {ar_acc_indef(n_.ar)} {'توجد' if n_.ag == 'f' else 'يوجد'} {pa}",
                "?",
            )
        )
    return dedupe(out, 15)


THERE_IS = {
    KITCHEN: [DISHWASHER, WASHER, OVEN, FRIDGE, TABLE, WINDOW, CLOCK],
    BATHROOM: [MIRROR, WASHER, WINDOW, SHOWER, HEATER],
    LIVING: [TV, SOFA, RUG, CLOCK, BOOKCASE, HEATER, AIRCON],
    BEDROOM: [TV, DESK, MIRROR, WARDROBE, AIRCON, HEATER, LAMP],
    BUILDING: [LIFT, GARAGE, GARDEN],
    HOUSE: [GARDEN, GARAGE, CELLAR, BALCONY],
    FLAT: [BALCONY, DISHWASHER, AIRCON],
}


def g_there_is() -> list[Triple]:
    rng = random.Random(61)
    out = []
    for cont, items in THERE_IS.items():
        for it in items:
            for mode in ("q", "neg", "q2", "neg2"):
                p = rng.choice(PERSONS) if cont in HOMES or rng.random() < 0.3 else None
                if p and mode.startswith("q"):
                    p = rng.choice(("you_m", "you_f", "you_pl", "he", "she", "they"))
                if cont is BEDROOM and p:
                    ce, cf, ca = thing_np(MYROOM, False, p)
                else:
                    ce, cf, ca = thing_np(cont, False, p)
                yuj = "توجد" if it.ag == "f" else "يوجد"
                if mode.startswith("q"):
                    out.append(
                        fin(
                            f"is there {en_a(it.en)} in {ce}",
                            f"est-ce qu'il y a {fr_indef(it.fr, it.g)} dans {cf}",
                            f"هل {yuj} {it.ar} في {ca}",
                            "?",
                        )
                    )
                else:
                    out.append(
                        fin(
                            f"there is no {it.en} in {ce}",
                            f"il n'y a pas de {it.fr} dans {cf}",
                            f"لا {yuj} {it.ar} في {ca}",
                        )
                    )
    return dedupe(out, 16)


FLOORS = [
    ("ground", "rez-de-chaussée", "الأرضي"),
    ("first", "premier étage", "الأول"),
    ("second", "deuxième étage", "الثاني"),
    ("third", "troisième étage", "الثالث"),
    ("fourth", "quatrième étage", "الرابع"),
    ("fifth", "cinquième étage", "الخامس"),
    ("sixth", "sixième étage", "السادس"),
    ("seventh", "septième étage", "السابع"),
    ("eighth", "huitième étage", "الثامن"),
    ("ninth", "neuvième étage", "التاسع"),
    ("tenth", "dixième étage", "العاشر"),
]


def g_floor() -> list[Triple]:
    rng = random.Random(67)
    out = []
    subs = [(FLAT, True), (MYROOM, True), (BATHROOM, False), (KITCHEN, False), (BEDROOM, False), (LIVING, False)]
    for n, poss in subs:
        for fe, ff, fa in FLOORS if n is FLAT else FLOORS[:3]:
            for mode in ("stat", "neg", "q"):
                p = rng.choice(PERSONS) if poss else None
                if mode == "q" and p:
                    p = rng.choice(("you_m", "you_f", "you_pl", "he", "she", "they"))
                ne, nf, na = thing_np(n, False, p)
                if mode == "stat":
                    out.append(fin(f"{ne} is on the {fe} floor", f"{nf} est au {ff}", f"{na} في الطابق {fa}"))
                elif mode == "neg":
                    laysa = "ليست" if n.ag == "f" else "ليس"
                    out.append(
                        fin(f"{ne} isn't on the {fe} floor", f"{nf} n'est pas au {ff}", f"{na} {laysa} في الطابق {fa}")
                    )
                else:
                    out.append(
                        fin(
                            f"is {ne} on the {fe} floor", f"est-ce que {nf} est au {ff}", f"هل {na} في الطابق {fa}", "?"
                        )
                    )
    return dedupe(out, 17)


CMP_ROOMS = [KITCHEN, BATHROOM, LIVING, BEDROOM, DINING, HALL]
CMP_ADJ = ["big", "small", "quiet", "cold", "spacious", "clean", "dark", "modern", "noisy"]


def fr_cmp(a: A, g: str, pl: bool = False) -> str:
    return "plus " + a.frf(g, pl)


def g_compare_rooms() -> list[Triple]:
    out = []
    for r1 in CMP_ROOMS:
        for r2 in CMP_ROOMS:
            if r1 is r2:
                continue
            for an in CMP_ADJ:
                a = ADJ[an]
                if an not in ROOM_ADJ[r1.en].split() or an not in ROOM_ADJ[r2.en].split():
                    continue
                e1, f1, a1 = thing_np(r1, False, None)
                e2, f2, a2 = thing_np(r2, False, None)
                out.append(
                    fin(
                        f"{e1} is {a.en_cmp} than {e2}",
                        f"{f1} est {fr_cmp(a, r1.g)} que {f2}",
                        f"{a1} {a.ar_cmp} من {a2}",
                    )
                )
    return dedupe(out, 18)


def g_compare_poss() -> list[Triple]:
    rng = random.Random(71)
    out = []
    things = [(MYROOM, "celle"), (FLAT, "celui"), (HOUSE, "celle"), (GARDEN, "celui"), (BALCONY, "celui")]
    for n, celui in things:
        for an in ("big", "small", "quiet", "clean", "modern", "spacious", "noisy", "dark", "cold"):
            a = ADJ[an]
            for m, p2 in rng.sample(member_pairs(), 6):
                p1 = rng.choice(("i", "we", "you_m", "you_f", "you_pl", "they"))
                if p1 == p2 or (p1 in ("you_m", "you_f", "you_pl") and p2 in ("you_m", "you_f", "you_pl")):
                    p2 = "i" if p1 != "i" and p1 != "we" else "he"
                    if p2 not in m.persons:
                        continue
                e1, f1, a1 = thing_np(n, False, p1)
                out.append(
                    fin(
                        f"{e1} is {a.en_cmp} than {m.en_np(p2)}'s",
                        f"{f1} est {fr_cmp(a, n.g)} que {celui} de {m.fr_np(p2)}",
                        f"{a1} {a.ar_cmp} من {n.ar} {m.ar_np(p2, 'gen')}",
                    )
                )
    return dedupe(out, 19)


STATE_ITEMS = [
    (Obj(DOOR), True),
    (Obj(WINDOW), False),
    (Obj(WINDOW, pl=True), False),
    (Obj(FRIDGE), False),
    (Obj(DRAWER), True),
    (Obj(WARDROBE), True),
    (Obj(GATE), True),
    (Obj(CURTAIN, pl=True), False),
    (fx("the garage door", "la porte du garage", "باب المرآب"), True),
    (Obj(DOOR, pl=True), True),
]
STATES = [
    ("open", fr4("ouvert"), ("مفتوح", "مفتوحة")),
    ("closed", fr4("fermé"), ("مغلق", "مغلقة")),
    ("locked", tuple(x + " à clé" for x in fr4("fermé")), ("مقفل", "مقفلة")),
]


def g_state() -> list[Triple]:
    out = []
    for o, lockable in STATE_ITEMS:
        if o.fixed:
            pl, g, ag = False, "f", "m"
        else:
            pl, g, ag = o.pl, o.n.g, o.n.agr(o.pl)
        for se, sf, sa in STATES:
            if se == "locked" and not lockable:
                continue
            fa = sf[(2 if pl else 0) + (1 if g == "f" else 0)]
            aa = sa[0] if ag == "m" else sa[1]
            acc = aa + "ًا" if ag == "m" else aa
            be, etre = ("are", "sont") if pl else ("is", "est")
            e, f, a = o.en(), o.fr(), o.ar()
            laysa = "ليست" if ag == "f" else "ليس"
            out.append(fin(f"{e} {be} {se}", f"{f} {etre} {fa}", f"{a} {aa}"))
            out.append(fin(f"{e} {be}n't {se}", f"{f} ne {etre} pas {fa}", f"{a} {laysa} {acc}"))
            out.append(fin(f"{be} {e} {se}", f"est-ce que {f} {etre} {fa}", f"هل {a} {aa}", "?"))
            if se != "locked":
                out.append(fin(f"who left {e} {se}", f"qui a laissé {f} {fa}", f"من ترك {a} {acc}", "?"))
            out.append(
                fin(
                    f"{e} {be} still {se}",
                    f"{f} {etre} toujours {fa}",
                    f"ما زال {a} {acc}" if ag == "m" else f"ما زالت {a} {acc}",
                )
            )
    return dedupe(out, 20)


KEEP_ITEMS = [
    (PLATE, "in_cupboard"),
    (GLASS, "in_cupboard"),
    (CUP, "in_cupboard"),
    (SPOON, "in_drawer"),
    (KNIFE, "in_drawer"),
    (TOWEL, "in_bathroom"),
    (TOWEL, "in_wardrobe"),
    (BLANKET, "in_wardrobe"),
    (TOY, "in_box"),
    (TOY, "under_bed"),
    (KEY, "in_drawer"),
    (KEY, "next_door"),
    (BOOK, "on_shelf"),
    (BOOK, "in_living"),
    (UMBRELLA, "in_hall"),
    (PHOTO, "in_box"),
    (PHOTO, "in_drawer"),
    (BOX, "in_garage"),
    (PLANT, "on_balcony"),
    (CLOTHES, "in_wardrobe"),
    (SHIRT, "in_wardrobe"),
]
KEEP_PAST = ("وضعت", "وضعت", "وضعتِ", "وضع", "وضعت", "وضعنا", "وضعتم", "وضعوا")
KEEP_PRES = ("أضع", "تضع", "تضعين", "يضع", "تضع", "نضع", "تضعون", "يضعون")
RANGER = ("range", "ranges", "range", "rangeons", "rangez", "rangent")


def g_keep() -> list[Triple]:
    rng = random.Random(73)
    out = []
    for n, key in KEEP_ITEMS:
        pe, pf, pa = PLACES[key]
        for p in PERSONS:
            s_en, s_fr = SUBJECT_EN[p], SUBJECT_FR[p]
            i, k = FRI[p], ARI[p]
            obj_e, obj_f, obj_a = thing_np(n, True, None)
            mode = rng.choice(("pres", "past", "q"))
            if mode == "pres":
                keep = "keeps" if is3(p) else "keep"
                out.append(
                    fin(
                        f"{s_en} {keep} {obj_e} {pe}",
                        f"{s_fr} {RANGER[i]} {obj_f} {pf}",
                        f"{KEEP_PRES[k]} {obj_a} {pa}",
                    )
                )
            elif mode == "past":
                out.append(
                    fin(
                        f"{s_en} put {obj_e} {pe}",
                        f"{s_fr} {AVOIR[i]} rangé {obj_f} {pf}",
                        f"{KEEP_PAST[k]} {obj_a} {pa}",
                    )
                )
            elif p not in ("i", "we"):
                do = "does" if is3(p) else "do"
                out.append(
                    fin(
                        f"where {do} {s_en} keep {obj_e}",
                        f"où est-ce que {s_fr} {RANGER[i]} {obj_f}",
                        f"أين {KEEP_PRES[k]} {obj_a}",
                        "?",
                    )
                )
    return dedupe(out, 21)


APPLIANCES = [
    (WASHER, False),
    (FRIDGE, False),
    (OVEN, False),
    (DISHWASHER, False),
    (HEATER, False),
    (HEATER, True),
    (TV, False),
    (LIFT, False),
    (DOORBELL, False),
    (SHOWER, False),
    (AIRCON, False),
    (LAMP, True),
    (LAMP, False),
    (TAP, False),
]
SINCE = [
    ("since yesterday", "depuis hier", "منذ أمس"),
    ("since last week", "depuis la semaine dernière", "منذ الأسبوع الماضي"),
    ("since Monday", "depuis lundi", "منذ يوم الاثنين"),
    ("since this morning", "depuis ce matin", "منذ هذا الصباح"),
    ("for three days", "depuis trois jours", "منذ ثلاثة أيام"),
    ("for two weeks", "depuis deux semaines", "منذ أسبوعين"),
]
BROKE = [
    ("yesterday", "hier", "أمس"),
    ("this morning", "ce matin", "هذا الصباح"),
    ("last night", "cette nuit", "الليلة الماضية"),
    ("again", "encore une fois", "مرة أخرى"),
    ("on Sunday", "dimanche", "يوم الأحد"),
]


def g_broken() -> list[Triple]:
    rng = random.Random(79)
    out = []
    for n, pl in APPLIANCES:
        g = n.agr(pl)
        for poss in (None, "we") if n in (LIFT, DOORBELL) else (None, "we", "i", "they"):
            e, f, a = thing_np(n, pl, poss)
            does, marche = ("don't", "marchent") if pl else ("doesn't", "marche")
            yamal = "تعمل" if g == "f" else "يعمل"
            out.append(fin(f"{e} {does} work", f"{f} ne {marche} pas", f"{a} لا {yamal}"))
            se, sf, sa = rng.choice(SINCE)
            have = "haven't" if pl else "hasn't"
            out.append(fin(f"{e} {have} been working {se}", f"{f} ne {marche} plus {sf}", f"{a} لا {yamal} {sa}"))
            be, bf, ba = rng.choice(BROKE)
            tombe = "tombé" + ("e" if n.g == "f" else "") + ("s" if pl else "")
            etre = "sont" if pl else "est"
            taattal = "تعطلت" if g == "f" else "تعطل"
            out.append(fin(f"{e} broke down {be}", f"{f} {etre} {tombe} en panne {bf}", f"{taattal} {a} {ba}"))
            out.append(fin(f"{'do' if pl else 'does'} {e} work", f"est-ce que {f} {marche}", f"هل {yamal} {a}", "?"))
    return dedupe(out, 22)


TRADES = [
    (
        ("a plumber", "un plombier", "بسباك"),
        [
            ("the tap is leaking", "le robinet fuit", "الصنبور يسرب الماء"),
            ("the toilet is blocked", "les toilettes sont bouchées", "المرحاض مسدود"),
            ("the shower doesn't work", "la douche ne marche pas", "الدش لا يعمل"),
            ("there is water under the sink", "il y a de l'eau sous l'évier", "هناك ماء تحت المغسلة"),
        ],
    ),
    (
        ("an electrician", "un électricien", "بكهربائي"),
        [
            ("the lights don't work", "les lumières ne marchent pas", "الأضواء لا تعمل"),
            (
                "there is no electricity in the kitchen",
                "il n'y a pas d'électricité dans la cuisine",
                "الكهرباء مقطوعة في المطبخ",
            ),
            ("the doorbell doesn't work", "la sonnette ne marche pas", "جرس الباب لا يعمل"),
        ],
    ),
    (
        ("a carpenter", "un menuisier", "بنجار"),
        [
            ("the door doesn't close", "la porte ne ferme pas", "الباب لا يغلق"),
            ("the wardrobe is broken", "l'armoire est cassée", "الخزانة مكسورة"),
            ("the shelves are broken", "les étagères sont cassées", "الرفوف مكسورة"),
        ],
    ),
    (
        ("a painter", "un peintre", "بدهان"),
        [
            ("the walls are dirty", "les murs sont sales", "الجدران متسخة"),
            ("the ceiling is damp", "le plafond est humide", "السقف رطب"),
        ],
    ),
    (
        ("a repairman", "un réparateur", "بفني تصليح"),
        [
            ("the fridge doesn't work", "le réfrigérateur ne marche pas", "الثلاجة لا تعمل"),
            ("the washing machine is broken", "la machine à laver est en panne", "الغسالة معطلة"),
        ],
    ),
    (
        ("a locksmith", "un serrurier", "بصانع أقفال"),
        [
            ("the lock is broken", "la serrure est cassée", "القفل مكسور"),
            ("the key is stuck in the door", "la clé est coincée dans la porte", "المفتاح عالق في الباب"),
        ],
    ),
]


def g_trade() -> list[Triple]:
    rng = random.Random(83)
    subjects = pron_subjects() + rng.sample(name_subjects(), 10)
    out = []
    for (te, tf, ta), reasons in TRADES:
        for re_, rf, ra in reasons:
            for s in rng.sample(subjects, 9):
                need = "needs" if is3(s.en_p) else "need"
                sub = ar_subj(CALL.ar_pres)[ARI[s.ar_p]]
                subj_ar = f" {s.ar}" if s.ar else ""
                out.append(
                    fin(
                        f"{s.en} {need} to call {te} because {re_}",
                        f"{s.fr} {DEVOIR[s.fr_i]} appeler {tf} parce que {rf}",
                        f"يجب أن {sub}{subj_ar} {ta} لأن {ra}",
                    )
                )
    return dedupe(out, 23)


# ----------------------------------------------------------------------------------------------- templates: family


def names_of(g: str) -> list[tuple[str, str]]:
    return MALE if g == "m" else FEMALE


def g_intro() -> list[Triple]:
    rng = random.Random(89)
    out = []
    for m, p in member_pairs():
        hatha = "هذا" if m.g == "m" else "هذه"
        out.append(fin(f"this is {m.en_np(p)}", f"c'est {m.fr_np(p)}", f"{hatha} {m.ar_np(p)}"))
        for ne, na in rng.sample(names_of(m.g), 2) if m.gen_level in (0, -1) or m.en in ("uncle", "aunt") else ():
            out.append(fin(f"this is {m.en_np(p)} {ne}", f"voici {m.fr_np(p)} {ne}", f"{hatha} {m.ar_np(p)} {na}"))
        if p not in ("i", "we"):
            out.append(fin(f"is this {m.en_np(p)}", f"est-ce que c'est {m.fr_np(p)}", f"هل {hatha} {m.ar_np(p)}", "?"))
    return dedupe(out, 24)


def g_age() -> list[Triple]:
    rng = random.Random(97)
    out = []
    for m, p in member_pairs():
        for _ in range(2):
            n = rng.randint(*m.ages)
            out.append(
                fin(
                    f"{m.en_np(p)} is {n} years old",
                    f"{m.fr_np(p)} a {n} ans",
                    f"عمر {m.ar_np(p, 'gen')} {ar_years(n, rng)}",
                )
            )
        n = rng.randint(*m.ages)
        out.append(
            fin(
                f"{m.en_np(p)} will be {n} next month",
                f"{m.fr_np(p)} aura {n} ans le mois prochain",
                f"سيصبح عمر {m.ar_np(p, 'gen')} {ar_years(n, rng)} الشهر القادم",
            )
        )
        if p not in ("i", "we"):
            out.append(fin(f"how old is {m.en_np(p)}", f"quel âge a {m.fr_np(p)}", f"كم عمر {m.ar_np(p, 'gen')}", "?"))
    for ne, na, _ in NAMES:
        for _ in range(2):
            n = rng.randint(3, 60)
            out.append(fin(f"{ne} is {n} years old", f"{ne} a {n} ans", f"عمر {na} {ar_years(n, rng)}"))
        n = rng.randint(3, 20)
        de, df, da = rng.choice(DAYS)
        out.append(
            fin(f"{ne} will be {n} on {de}", f"{ne} aura {n} ans {df}", f"سيصبح عمر {na} {ar_years(n, rng)} يوم {da}")
        )
    return dedupe(out, 25)


def g_member_desc() -> list[Triple]:
    rng = random.Random(101)
    out = []
    subjects = [(m.en_np(p), m.fr_np(p), m.ar_np(p), m.g) for m, p in member_pairs()]
    subjects += [(e, e, a, "m" if p == "he" else "f") for e, a, p in NAMES]
    for se, sf, sa, g in subjects:
        k = 0 if g == "m" else 1
        for a in rng.sample([a for a in HADJ if a.trait], 4):
            fa = fr_hadj(a, g, False)
            mode = rng.choice(("stat", "very", "neg"))
            if mode == "stat":
                out.append(fin(f"{se} is {a.en}", f"{sf} est {fa}", f"{sa} {a.ar[k]}"))
            elif mode == "very":
                out.append(fin(f"{se} is very {a.en}", f"{sf} est très {fa}", f"{sa} {a.ar[k]} جدًا"))
            else:
                laysa = "ليس" if g == "m" else "ليست"
                out.append(fin(f"{se} isn't very {a.en}", f"{sf} n'est pas très {fa}", f"{sa} {laysa} {a.acc[k]} جدًا"))
    return dedupe(out, 26)


PLURAL_PEOPLE = [
    ("children", "enfants", "أطفال"),
    ("brothers", "frères", "إخوة"),
    ("cousins", "cousins", "أبناء عم"),
    ("neighbours", "voisins", "جيران"),
    ("grandchildren", "petits-enfants", "أحفاد"),
]


def g_plural_desc() -> list[Triple]:
    rng = random.Random(103)
    out = []
    for pe, pf, pa in PLURAL_PEOPLE:
        for a in HADJ:
            for p in rng.sample(PERSONS, 3):
                se, sf, sa = f"{POSS_EN[p]} {pe}", fr_poss(p, pf, "m", True), ar_poss(pa, p)
                fa = fr_hadj(a, "m", True)
                very = a.en != "at home" and rng.random() < 0.4
                if rng.random() < 0.7:
                    out.append(
                        fin(
                            f"{se} are {'very ' if very else ''}{a.en}",
                            f"{sf} sont {'très ' if very else ''}{fa}",
                            f"{sa} {a.ar[2]}{' جدًا' if very else ''}",
                        )
                    )
                else:
                    out.append(fin(f"{se} aren't {a.en}", f"{sf} ne sont pas {fa}", f"{sa} ليسوا {a.acc[2]}"))
    return dedupe(out, 27)


PRON_AR = {
    "i": "أنا",
    "you_m": "أنت",
    "you_f": "أنتِ",
    "he": "هو",
    "she": "هي",
    "we": "نحن",
    "you_pl": "أنتم",
    "they": "هم",
}
BE_NEG_EN = {
    "i": "I'm not",
    "you_m": "you aren't",
    "you_f": "you aren't",
    "he": "he isn't",
    "she": "she isn't",
    "we": "we aren't",
    "you_pl": "you aren't",
    "they": "they aren't",
}
P_GENDER = {
    "i": ("m", False),
    "you_m": ("m", False),
    "you_f": ("f", False),
    "he": ("m", False),
    "she": ("f", False),
    "we": ("m", True),
    "you_pl": ("m", True),
    "they": ("m", True),
}
STATE_TIMES = [
    ("today", "aujourd'hui", "اليوم"),
    ("this evening", "ce soir", "هذا المساء"),
    ("this week", "cette semaine", "هذا الأسبوع"),
    ("", "", ""),
]


def g_state_pron() -> list[Triple]:
    rng = random.Random(107)
    out = []
    for a in HADJ:
        if a.trait:
            continue
        for p in PERSONS:
            g, pl = P_GENDER[p]
            k = 2 if pl else (0 if g == "m" else 1)
            fa = fr_hadj(a, g, pl)
            for te, tf, ta in STATE_TIMES:
                te_, tf_, ta_ = (" " + te, " " + tf, " " + ta) if te else ("", "", "")
                very = a.en != "at home" and rng.random() < 0.3
                mode = rng.choice(("stat", "neg", "q"))
                if mode == "stat":
                    out.append(
                        fin(
                            f"{SUBJECT_EN[p]} {BE_EN[p]} {'very ' if very else ''}{a.en}{te_}",
                            f"{SUBJECT_FR[p]} {ETRE[FRI[p]]} {'très ' if very else ''}{fa}{tf_}",
                            f"{PRON_AR[p]} {a.ar[k]}{' جدًا' if very else ''}{ta_}",
                        )
                    )
                elif mode == "neg":
                    out.append(
                        fin(
                            f"{BE_NEG_EN[p]} {a.en}{te_}",
                            f"{SUBJECT_FR[p]} ne {ETRE[FRI[p]]} pas {fa}{tf_}",
                            f"{LAYSA[p]} {a.acc[k]}{ta_}",
                        )
                    )
                elif p not in ("i", "we"):
                    out.append(
                        fin(
                            f"{BE_EN[p]} {SUBJECT_EN[p]} {a.en}{te_}",
                            f"est-ce que {SUBJECT_FR[p]} {ETRE[FRI[p]]} {fa}{tf_}",
                            f"هل {PRON_AR[p]} {a.ar[k]}{ta_}",
                            "?",
                        )
                    )
    return dedupe(out, 28)


def family_subjects(rng: random.Random) -> list[S]:
    return pron_subjects() + rng.sample(name_subjects(), 12)


def last_day(rng):
    de, df, da = rng.choice(DAYS)
    return rng.choice(
        [
            (f"last {de}", f"{df} dernier", f"يوم {da} الماضي"),
            ("yesterday", "hier", "أمس"),
            ("last year", "l'année dernière", "العام الماضي"),
            ("last week", "la semaine dernière", "الأسبوع الماضي"),
        ]
    )


def next_day(rng):
    de, df, da = rng.choice(DAYS)
    return rng.choice(
        [
            (f"next {de}", f"{df} prochain", f"يوم {da} القادم"),
            ("tomorrow", "demain", "غدًا"),
            ("next week", "la semaine prochaine", "الأسبوع القادم"),
            (f"on {de}", df, f"يوم {da}"),
        ]
    )


def g_celebrate() -> list[Triple]:
    rng = random.Random(109)
    out = []
    for s in family_subjects(rng):
        for m in MEMBERS:
            p = s.poss_p
            if p not in m.persons:
                continue
            tense = rng.choice(TENSES)
            te, tf, ta = (
                ("every year", "chaque année", "كل عام")
                if tense == "present"
                else last_day(rng)
                if tense == "past"
                else next_day(rng)
            )
            q = rng.random() < 0.2 and s.en_p not in ("i", "we") and s.ar is None
            neg = not q and rng.random() < 0.15
            out.append(
                fin(
                    *clause(
                        s,
                        CELEBRATE,
                        tense,
                        neg,
                        f"{m.en_np(p)}'s birthday {te}",
                        f"l'anniversaire de {m.fr_np(p)} {tf}",
                        f"بعيد ميلاد {m.ar_np(p, 'gen')} {ta}",
                        question=q,
                    ),
                    "?" if q else ".",
                )
            )
    return dedupe(out, 29)


VISIT_TIMES = {
    "present": [
        ("every Sunday", "tous les dimanches", "كل يوم أحد"),
        ("every weekend", "chaque week-end", "في نهاية كل أسبوع"),
        ("every summer", "chaque été", "كل صيف"),
        ("once a month", "une fois par mois", "مرة في الشهر"),
    ],
    "past": [
        ("last Sunday", "dimanche dernier", "يوم الأحد الماضي"),
        ("yesterday", "hier", "أمس"),
        ("last summer", "l'été dernier", "الصيف الماضي"),
    ],
    "future": [
        ("next Sunday", "dimanche prochain", "يوم الأحد القادم"),
        ("tomorrow", "demain", "غدًا"),
        ("during the holidays", "pendant les vacances", "خلال العطلة"),
    ],
}


def g_visit() -> list[Triple]:
    rng = random.Random(113)
    out = []
    for s in family_subjects(rng):
        for m in MEMBERS:
            p = s.poss_p
            if m.en in ("husband", "wife") or p not in m.persons:
                continue
            tense = rng.choice(TENSES)
            te, tf, ta = rng.choice(VISIT_TIMES[tense])
            q = rng.random() < 0.2 and s.en_p not in ("i", "we") and s.ar is None
            neg = not q and rng.random() < 0.2
            out.append(
                fin(
                    *clause(
                        s,
                        VISIT,
                        tense,
                        neg,
                        f"{m.en_np(p)} {te}",
                        f"à {m.fr_np(p)} {tf}",
                        f"{m.ar_np(p, 'acc')} {ta}",
                        question=q,
                    ),
                    "?" if q else ".",
                )
            )
    return dedupe(out, 30)


def g_move() -> list[Triple]:
    rng = random.Random(127)
    dests = [(f"to {e}", f, f"إلى {a}") for e, f, a in CITIES] + [
        ("into a bigger flat", "dans un appartement plus grand", "إلى شقة أكبر"),
        ("into a house with a garden", "dans une maison avec jardin", "إلى بيت فيه حديقة"),
        ("to the countryside", "à la campagne", "إلى الريف"),
        ("into a smaller house", "dans une maison plus petite", "إلى بيت أصغر"),
        ("to the city centre", "au centre-ville", "إلى وسط المدينة"),
    ]
    past = [
        ("last year", "l'année dernière", "العام الماضي"),
        ("two years ago", "il y a deux ans", "قبل عامين"),
        ("last month", "le mois dernier", "الشهر الماضي"),
        ("in 2019", "en 2019", "في عام 2019"),
        ("in 2021", "en 2021", "في عام 2021"),
    ]
    fut = [
        ("next month", "le mois prochain", "الشهر القادم"),
        ("next year", "l'année prochaine", "العام القادم"),
        ("this summer", "cet été", "هذا الصيف"),
        ("after the wedding", "après le mariage", "بعد الزفاف"),
    ]
    for me, mf, ma in MONTHS:
        past.append((f"in {me}", f"en {mf}", f"في {ma}"))
        fut.append((f"in {me}", f"en {mf}", f"في {ma}"))
    subjects = pron_subjects() + name_subjects() + member_subjects(rng, 30)
    out = []
    for de, df, da in dests:
        for s in rng.sample(subjects, 12):
            tense = rng.choice(("past", "future"))
            te, tf, ta = rng.choice(past if tense == "past" else fut)
            neg = rng.random() < 0.12
            out.append(fin(*clause(s, MOVE, tense, neg, f"{de} {te}", f"{df} {tf}", f"{da} {ta}")))
    return dedupe(out, 31)


def g_live() -> list[Triple]:
    rng = random.Random(131)
    out = []
    subjects = pron_subjects() + name_subjects()
    for home in (HOUSE, FLAT):
        for an in ("small", "big", "old", "new", "beautiful", "modern", "quiet", "sunny"):
            a = ADJ[an]
            for s in rng.sample(subjects, 12):
                ce, cf, ca = rng.choice(CITIES)
                ne = en_a(f"{a.en} {home.en}")
                nf = fr_np_adj(home, a)
                na = f"{home.ar} {a.arf(home.ag)}"
                if rng.random() < 0.6:
                    neg = rng.random() < 0.15
                    out.append(
                        fin(*clause(s, LIVE, "present", neg, f"in {ne} in {ce}", f"dans {nf} {cf}", f"في {na} في {ca}"))
                    )
                else:
                    n = rng.randint(2, 10)
                    out.append(
                        fin(
                            *clause(
                                s,
                                LIVE,
                                "past",
                                False,
                                f"in {ne} in {ce} for {NUM_EN[n]} years",
                                f"dans {nf} {cf} pendant {NUM_FR[n]} ans",
                                f"في {na} في {ca} لمدة {ar_count(n, 'سنة', 'سنوات', 'f', nom=False)}",
                            )
                        )
                    )
    return dedupe(out, 32)


PETS_HAVE = [
    ("a dog", "un chien", "كلب"),
    ("a cat", "un chat", "قطة"),
    ("a rabbit", "un lapin", "أرنب"),
    ("a parrot", "un perroquet", "ببغاء"),
    ("a tortoise", "une tortue", "سلحفاة"),
    ("two cats", "deux chats", "قطتان"),
    ("a big dog", "un gros chien", "كلب كبير"),
    ("three dogs", "trois chiens", "ثلاثة كلاب"),
    ("a small garden", "un petit jardin", "حديقة صغيرة"),
    ("a swimming pool", "une piscine", "مسبح"),
]


def g_neighbour() -> list[Triple]:
    rng = random.Random(137)
    out = []
    for ne, na, pp in NAMES:
        g = "m" if pp == "he" else "f"
        for p in rng.sample(("i", "we", "he", "she", "they", "you_m"), 3):
            word_fr = "voisin" if g == "m" else "voisine"
            sf = f"{fr_poss(p, word_fr, g)} {ne}"
            sa = f"{ar_poss('جار' if g == 'm' else 'جارة', p)} {na}"
            se = f"{POSS_EN[p]} neighbour {ne}"
            if rng.random() < 0.5:
                pe, pf, pa = rng.choice(PETS_HAVE)
                out.append(fin(f"{se} has {pe}", f"{sf} a {pf}", f"لدى {sa} {pa}"))
            else:
                a = rng.choice([a for a in HADJ if a.trait])
                k = 0 if g == "m" else 1
                out.append(fin(f"{se} is very {a.en}", f"{sf} est très {fr_hadj(a, g, False)}", f"{sa} {a.ar[k]} جدًا"))
    return dedupe(out, 33)


PETS = [
    ("cat", "chat", "m", "قطة", "f"),
    ("dog", "chien", "m", "كلب", "m"),
    ("rabbit", "lapin", "m", "أرنب", "m"),
    ("tortoise", "tortue", "f", "سلحفاة", "f"),
]
PET_ACTIONS = [
    (
        "sleeping",
        ("dort", "dort"),
        ("نائم", "نائمة"),
        False,
        "on_sofa on_bed on_rug next_heater on_balcony on_chair in_garden",
    ),
    ("sitting", ("est assis", "est assise"), ("جالس", "جالسة"), False, "on_sofa on_bed on_rug on_chair next_door"),
    ("playing", ("joue", "joue"), ("يلعب", "تلعب"), True, "in_garden on_balcony in_living on_rug"),
    ("hiding", ("se cache", "se cache"), ("يختبئ", "تختبئ"), True, "under_bed under_table behind_door behind_sofa"),
]
PLACES["on_rug"] = ("on the rug", "sur le tapis", "على السجادة")
PLACES["next_heater"] = ("next to the heater", "à côté du radiateur", "بجانب المدفأة")


def g_pet_loc() -> list[Triple]:
    rng = random.Random(139)
    out = []
    for pe, pf, pg, pa, pag in PETS:
        for ae, af, aa, verbal, keys in PET_ACTIONS:
            for key in keys.split():
                le, lf, la = PLACES[key]
                for _ in range(2):
                    mode = rng.choice(("the", "poss", "name"))
                    if mode == "the":
                        se, sf, sa = f"the {pe}", fr_def(pf, pg), "ال" + pa
                    elif mode == "poss":
                        p = rng.choice(PERSONS)
                        se, sf, sa = f"{POSS_EN[p]} {pe}", fr_poss(p, pf, pg), ar_poss(pa, p)
                    else:
                        ne, na, _ = rng.choice(NAMES)
                        se, sf, sa = f"{ne}'s {pe}", f"{fr_def(pf, pg)} de {ne}", f"{pa} {na}"
                    k = 0 if pag == "m" else 1
                    fv = af[0 if pg == "m" else 1]
                    ar = f"{aa[k]} {sa} {la}" if verbal else f"{sa} {aa[k]} {la}"
                    out.append(fin(f"{se} is {ae} {le}", f"{sf} {fv} {lf}", ar))
    return dedupe(out, 34)


@dataclass(frozen=True)
class CN:
    """A countable noun for "I have three ...": English, French, Arabic sg/pl/gender, dual, accusative."""

    en: str
    en_pl: str
    fr: str
    fr_pl: str
    g: str
    ar: str
    ar_pl: str
    ag: str
    dual: str = ""


COUNTABLE = [
    CN("brother", "brothers", "frère", "frères", "m", "أخ", "إخوة", "m", "أخوان"),
    CN("sister", "sisters", "sœur", "sœurs", "f", "أخت", "أخوات", "f"),
    CN("son", "sons", "fils", "fils", "m", "ابن", "أبناء", "m"),
    CN("daughter", "daughters", "fille", "filles", "f", "ابنة", "بنات", "f"),
    CN("child", "children", "enfant", "enfants", "m", "طفل", "أطفال", "m"),
    CN("grandchild", "grandchildren", "petit-enfant", "petits-enfants", "m", "حفيد", "أحفاد", "m"),
    CN("cat", "cats", "chat", "chats", "m", "قطة", "قطط", "f"),
    CN("dog", "dogs", "chien", "chiens", "m", "كلب", "كلاب", "m"),
    CN("rabbit", "rabbits", "lapin", "lapins", "m", "أرنب", "أرانب", "m"),
    CN("bird", "birds", "oiseau", "oiseaux", "m", "عصفور", "عصافير", "m"),
    CN("tortoise", "tortoises", "tortue", "tortues", "f", "سلحفاة", "سلاحف", "f"),
]
AVOIR_INV = {
    "you_m": "as-tu",
    "you_f": "as-tu",
    "he": "a-t-il",
    "she": "a-t-elle",
    "you_pl": "avez-vous",
    "they": "ont-ils",
}


def g_have_count() -> list[Triple]:
    rng = random.Random(149)
    out = []
    subjects = [(SUBJECT_EN[p], SUBJECT_FR[p], LADA[p], HAVE_EN[p], FRI[p], p) for p in PERSONS]
    subjects += [(e, e, "لدى " + a, "has", 2, p) for e, a, p in rng.sample(NAMES, 12)]
    for c in COUNTABLE:
        for se, sf, lada, have, i, _p in subjects:
            n = rng.choice((1, 2, 2, 3, 3, 4, 5, 6))
            if n == 1:
                art = "un" if c.g == "m" else "une"
                onef = "qu'" + art
                out.append(
                    fin(
                        f"{se} {have} only one {c.en}",
                        f"{sf} ne {AVOIR[i]} {onef} {c.fr}",
                        f"{lada} {ar_count(1, c.ar, c.ar_pl, c.ag)} فقط",
                    )
                )
            else:
                en_n = f"{NUM_EN[n]} {c.en_pl}"
                out.append(
                    fin(
                        f"{se} {have} {en_n}",
                        f"{sf} {AVOIR[i]} {NUM_FR[n]} {c.fr_pl}",
                        f"{lada} {ar_count(n, c.ar, c.ar_pl, c.ag, dual=c.dual or None)}",
                    )
                )
            if rng.random() < 0.3:
                neg = "doesn't" if have == "has" else "don't"
                out.append(
                    fin(
                        f"{se} {neg} have any {c.en_pl}",
                        f"{sf} ne {AVOIR[i]} pas de {c.fr_pl}",
                        f"ليس {lada} {c.ar_pl}",
                    )
                )
        for p, inv in AVOIR_INV.items():
            do = "does" if is3(p) else "do"
            out.append(
                fin(
                    f"how many {c.en_pl} {do} {SUBJECT_EN[p]} have",
                    f"combien de {c.fr_pl} {inv}",
                    f"كم {ar_acc_indef(c.ar)} {LADA[p]}",
                    "?",
                )
            )
    return dedupe(out, 35)


COOK_DISHES = [
    (
        COOK,
        "cooking",
        [
            ("couscous", "un couscous", "الكسكس"),
            ("soup", "une soupe", "شوربة"),
            ("lentil soup", "une soupe de lentilles", "شوربة عدس"),
            ("a tagine", "un tajine", "طاجينًا"),
            ("rice", "du riz", "الأرز"),
            ("chicken with olives", "du poulet aux olives", "دجاجًا بالزيتون"),
            ("fish", "du poisson", "السمك"),
            ("pasta", "des pâtes", "المعكرونة"),
        ],
    ),
    (
        BAKE,
        "baking",
        [
            ("a cake", "un gâteau", "كعكة"),
            ("bread", "du pain", "الخبز"),
            ("biscuits", "des biscuits", "البسكويت"),
            ("an apple tart", "une tarte aux pommes", "فطيرة تفاح"),
            ("a chocolate cake", "un gâteau au chocolat", "كعكة شوكولاتة"),
        ],
    ),
]
FOR_MEAL = [
    ("for dinner", "pour le dîner", "للعشاء"),
    ("for lunch", "pour le déjeuner", "للغداء"),
    ("for the guests", "pour les invités", "للضيوف"),
    ("for the whole family", "pour toute la famille", "للعائلة كلها"),
    ("for the children", "pour les enfants", "للأطفال"),
]


def g_cook() -> list[Triple]:
    rng = random.Random(151)
    subjects = pron_subjects() + name_subjects() + member_subjects(rng, 30)
    out = []
    for v, ing, dishes in COOK_DISHES:
        for de, df, da in dishes:
            for s in rng.sample(subjects, 14):
                me, mf, ma = rng.choice(FOR_MEAL)
                tense = rng.choice(TENSES)
                neg = rng.random() < 0.2
                df_ = "de " + df.split(" ", 1)[1] if neg else df
                en, fr, ar = clause(s, v, tense, neg, f"{de} {me}", f"{df_} {mf}", f"{da} {ma}")
                if tense == "present":
                    be = BE_EN[s.en_p]
                    if neg:
                        be = {"am": "am not", "is": "isn't", "are": "aren't"}[be]
                    en = f"{s.en} {be} {ing} {de} {me}"
                out.append(fin(en, fr, ar))
    return dedupe(out, 36)


WED_MEMBERS = ("brother", "sister", "cousin", "uncle", "aunt", "son", "daughter")


def g_wedding() -> list[Triple]:
    rng = random.Random(157)
    past = [
        ("last year", "l'année dernière", "العام الماضي"),
        ("last summer", "l'été dernier", "الصيف الماضي"),
        ("two years ago", "il y a deux ans", "قبل عامين"),
        ("in 2020", "en 2020", "في عام 2020"),
    ]
    fut = [
        ("next year", "l'année prochaine", "العام القادم"),
        ("this summer", "cet été", "هذا الصيف"),
        ("next spring", "au printemps prochain", "في الربيع القادم"),
    ]
    out = []
    for m, p in member_pairs():
        if m.en not in WED_MEMBERS:
            continue
        for _ in range(2):
            me, mf, ma = rng.choice(MONTHS)
            month = (f"in {me}", f"en {mf}", f"في {ma}")
            e_, f_, a_ = m.en_np(p), m.fr_np(p), m.ar_np(p)
            fem = m.g == "f"
            tz = "تزوجت" if fem else "تزوج"
            mode = rng.choice(("past", "fut", "qpast", "qfut"))
            if mode == "past":
                te, tf, ta = rng.choice(past + [month])
                out.append(
                    fin(f"{e_} got married {te}", f"{f_} s'est marié{'e' if fem else ''} {tf}", f"{tz} {a_} {ta}")
                )
            elif mode == "fut":
                te, tf, ta = rng.choice(fut + [month])
                out.append(
                    fin(
                        f"{e_} will get married {te}",
                        f"{f_} va se marier {tf}",
                        f"س{'ت' if fem else 'ي'}تزوج {a_} {ta}",
                    )
                )
            elif p in ("i", "we"):
                continue
            elif mode == "qpast":
                out.append(
                    fin(
                        f"when did {e_} get married",
                        f"quand est-ce que {f_} s'est marié{'e' if fem else ''}",
                        f"متى {tz} {a_}",
                        "?",
                    )
                )
            else:
                out.append(
                    fin(
                        f"when is {e_} getting married",
                        f"quand est-ce que {f_} va se marier",
                        f"متى س{'ت' if fem else 'ي'}تزوج {a_}",
                        "?",
                    )
                )
    return dedupe(out, 38)


def g_wedding_place() -> list[Triple]:
    rng = random.Random(163)
    out = []
    whose = [
        (m.en_np(p) + "'s", "de " + m.fr_np(p), m.ar_np(p, "gen")) for m, p in member_pairs() if m.en in WED_MEMBERS
    ]
    for (me_, ma_), (fe_, fa_) in zip(rng.sample(MALE, len(MALE)), rng.sample(FEMALE, len(FEMALE)), strict=True):
        whose.append((f"{fe_} and {me_}'s", f"de {fe_} et {me_}", f"{fa_} و{ma_}"))
    for we, wf, wa in whose:
        for _ in range(2):
            ce, cf, ca = rng.choice(CITIES)
            me, mf, ma = rng.choice(MONTHS)
            if rng.random() < 0.6:
                out.append(
                    fin(
                        f"{we} wedding will take place in {ce} in {me}",
                        f"le mariage {wf} aura lieu {cf} en {mf}",
                        f"سيقام حفل زفاف {wa} في {ca} في شهر {ma}",
                    )
                )
            else:
                out.append(
                    fin(
                        f"{we} wedding took place in {ce} in {me}",
                        f"le mariage {wf} a eu lieu {cf} en {mf}",
                        f"أقيم حفل زفاف {wa} في {ca} في شهر {ma}",
                    )
                )
    return dedupe(out, 39)


def g_birthday() -> list[Triple]:
    rng = random.Random(167)
    out = []
    whose = [(m.en_np(p), m.fr_np(p), m.ar_np(p, "gen"), p) for m, p in member_pairs()]
    whose += [(e, e, a, "he") for e, a, _ in NAMES]
    for we, wf, wa, p in whose:
        d = rng.randint(2, 28)
        me, mf, ma = rng.choice(MONTHS)
        mode = rng.choice(("date", "date", "q", "today"))
        if mode == "date":
            out.append(
                fin(
                    f"{we}'s birthday is on {d} {me}",
                    f"l'anniversaire de {wf} est le {d} {mf}",
                    f"عيد ميلاد {wa} في {d} {ma}",
                )
            )
        elif mode == "q" and p not in ("i", "we"):
            out.append(fin(f"when is {we}'s birthday", f"quand est l'anniversaire de {wf}", f"متى عيد ميلاد {wa}", "?"))
        else:
            out.append(
                fin(f"today is {we}'s birthday", f"aujourd'hui, c'est l'anniversaire de {wf}", f"اليوم عيد ميلاد {wa}")
            )
    return dedupe(out, 40)


def meal_verb(kind: str) -> V:
    ar = (ar_past_regular("تناول"), ar_pres_regular("تناول"))
    if kind == "breakfast":
        return V(
            ("have breakfast", "has breakfast", "had breakfast"),
            ("prends", "prends", "prend", "prenons", "prenez", "prennent"),
            "pris",
            "prendr",
            "prendre",
            *ar,
            None,
            "",
            "le petit-déjeuner",
        )
    if kind == "lunch":
        return V(("have lunch", "has lunch", "had lunch"), er_verb("déjeun"), "déjeuné", "déjeuner", "déjeuner", *ar)
    return V(("have dinner", "has dinner", "had dinner"), er_verb("dîn"), "dîné", "dîner", "dîner", *ar)


MEAL_AR = {"breakfast": "الفطور", "lunch": "الغداء", "dinner": "العشاء"}
MEAL_TIMES = {
    "present": [
        ("every day", "tous les jours", "كل يوم"),
        ("on Fridays", "le vendredi", "أيام الجمعة"),
        ("every Sunday", "tous les dimanches", "كل يوم أحد"),
        ("at the weekend", "le week-end", "في نهاية الأسبوع"),
    ],
    "past": [
        ("yesterday", "hier", "أمس"),
        ("last Sunday", "dimanche dernier", "يوم الأحد الماضي"),
        ("on Friday", "vendredi", "يوم الجمعة"),
    ],
    "future": [
        ("tomorrow", "demain", "غدًا"),
        ("on Saturday", "samedi", "يوم السبت"),
        ("next weekend", "le week-end prochain", "في نهاية الأسبوع القادم"),
    ],
}


def companions(p: str) -> list[tuple[str, str, str]]:
    out = [
        (f"with {POSS_EN[p]} family", f"avec {fr_poss(p, 'famille', 'f')}", f"مع {ar_poss('عائلة', p)}"),
        (f"with {POSS_EN[p]} parents", f"avec {fr_poss(p, 'parents', 'm', True)}", f"مع {PARENTS_GEN[ARI[p]]}"),
        (
            f"with {POSS_EN[p]} grandparents",
            f"avec {fr_poss(p, 'grands-parents', 'm', True)}",
            f"مع {grandparents_ar(p)}",
        ),
    ]
    if p in ("we", "you_pl", "they"):
        out.append(("together", "ensemble", "معًا"))
    else:
        out.append(
            (f"with {POSS_EN[p]} children", f"avec {fr_poss(p, 'enfants', 'm', True)}", f"مع {ar_poss('أطفال', p)}")
        )
    return out


def g_meals() -> list[Triple]:
    rng = random.Random(173)
    out = []
    for kind in ("breakfast", "lunch", "dinner"):
        v = meal_verb(kind)
        for s in family_subjects(rng):
            for ce, cf, ca in companions(s.poss_p):
                tense = rng.choice(TENSES)
                te, tf, ta = rng.choice(MEAL_TIMES[tense])
                q = rng.random() < 0.2 and s.en_p not in ("i", "we") and s.ar is None
                neg = not q and rng.random() < 0.15
                out.append(
                    fin(
                        *clause(s, v, tense, neg, f"{ce} {te}", f"{cf} {tf}", f"{MEAL_AR[kind]} {ca} {ta}", question=q),
                        "?" if q else ".",
                    )
                )
    return dedupe(out, 41)


def g_invite() -> list[Triple]:
    rng = random.Random(179)
    purposes = [
        ("to dinner", "à dîner", "إلى العشاء"),
        ("to lunch", "à déjeuner", "إلى الغداء"),
        ("for coffee", "à prendre un café", "لشرب القهوة"),
        ("to the wedding", "au mariage", "إلى حفل الزفاف"),
    ]
    out = []
    for s in family_subjects(rng):
        p = s.poss_p
        guests = [
            (f"{POSS_EN[p]} neighbours", fr_poss(p, "voisins", "m", True), ar_poss("جيران", p)),
            (f"{POSS_EN[p]} friends", fr_poss(p, "amis", "m", True), FRIENDS_ACC[ARI[p]]),
            (f"{POSS_EN[p]} parents", fr_poss(p, "parents", "m", True), PARENTS_GEN[ARI[p]]),
            (f"{POSS_EN[p]} grandparents", fr_poss(p, "grands-parents", "m", True), grandparents_ar(p)),
            (f"{POSS_EN[p]} cousins", fr_poss(p, "cousins", "m", True), ar_poss("أبناء عم", p)),
            ("the whole family", "toute la famille", "العائلة كلها"),
        ]
        for ge, gf, ga in guests:
            pe, pf, pa = rng.choice(purposes)
            tense = rng.choice(("past", "future", "future"))
            te, tf, ta = last_day(rng) if tense == "past" else next_day(rng)
            neg = rng.random() < 0.15
            out.append(fin(*clause(s, INVITE, tense, neg, f"{ge} {pe} {te}", f"{gf} {pf} {tf}", f"{ga} {pa} {ta}")))
    return dedupe(out, 43)


KIDS = [
    ("the children", "les enfants", "الأطفال", True, "m"),
    ("my little brother", "mon petit frère", "أخي الصغير", False, "m"),
    ("my daughter", "ma fille", "ابنتي", False, "f"),
    ("the girls", "les filles", "البنات", True, "f"),
    ("the twins", "les jumeaux", "التوأمان", True, "m"),
    ("our son", "notre fils", "ابننا", False, "m"),
    ("my little sister", "ma petite sœur", "أختي الصغيرة", False, "f"),
    ("the boys", "les garçons", "الأولاد", True, "m"),
]
KID_ACTS = [
    (
        "playing",
        "played",
        ("joue", "jouent"),
        "joué",
        ("يلعب", "تلعب"),
        ("لعب", "لعبت"),
        "in_garden in_living on_balcony in_bedroom",
    ),
    (
        "watching television",
        "watched television",
        ("regarde la télévision", "regardent la télévision"),
        "regardé la télévision",
        ("يشاهد", "تشاهد"),
        ("شاهد", "شاهدت"),
        "in_living in_bedroom",
        "التلفاز",
    ),
    (
        "reading",
        "read",
        ("lit", "lisent"),
        "lu",
        ("يقرأ", "تقرأ"),
        ("قرأ", "قرأت"),
        "in_garden in_living in_bedroom on_sofa",
    ),
    (
        "drawing",
        "drew",
        ("dessine", "dessinent"),
        "dessiné",
        ("يرسم", "ترسم"),
        ("رسم", "رسمت"),
        "in_living in_bedroom in_kitchen",
    ),
    ("sleeping", "slept", ("dort", "dorment"), "dormi", ("ينام", "تنام"), ("نام", "نامت"), "in_bedroom on_sofa"),
]


def g_kids() -> list[Triple]:
    rng = random.Random(181)
    out = []
    for ke, kf, ka, pl, g in KIDS:
        for ing, past, fr_pres, fr_pp, ar_pres, ar_past, keys, *obj in KID_ACTS:
            ka_ = f"{ka} {obj[0]}" if obj else ka
            for key in keys.split():
                le, lf, la = PLACES[key]
                k = 0 if g == "m" else 1
                if rng.random() < 0.6:
                    tail_e, tail_f, tail_a = rng.choice([("", "", ""), (" now", " en ce moment", " الآن")])
                    out.append(
                        fin(
                            f"{ke} {'are' if pl else 'is'} {ing} {le}{tail_e}",
                            f"{kf} {fr_pres[1 if pl else 0]} {lf}{tail_f}",
                            f"{ar_pres[k]} {ka_} {la}{tail_a}",
                        )
                    )
                else:
                    te, tf, ta = rng.choice(
                        [
                            ("yesterday afternoon", "hier après-midi", "بعد ظهر أمس"),
                            ("all afternoon", "tout l'après-midi", "طوال فترة بعد الظهر"),
                            ("yesterday", "hier", "أمس"),
                        ]
                    )
                    aux = "ont" if pl else "a"
                    out.append(
                        fin(f"{ke} {past} {le} {te}", f"{kf} {aux} {fr_pp} {lf} {tf}", f"{ar_past[k]} {ka_} {la} {ta}")
                    )
    return dedupe(out, 44)


# ----------------------------------------------------------------------------------------------- hand-written

HAND = """
Welcome to our new home! | Bienvenue dans notre nouvelle maison ! | مرحبًا بكم في بيتنا الجديد!
Make yourself at home. | Fais comme chez toi. | اعتبر نفسك في بيتك.
Come in, the door is open. | Entre, la porte est ouverte. | ادخل، الباب مفتوح.
Take off your shoes at the entrance, please. | Enlève tes chaussures à l'entrée, s'il te plaît. | اخلع حذاءك عند المدخل من فضلك.
Our flat is small but very bright. | Notre appartement est petit mais très lumineux. | شقتنا صغيرة لكنها مضيئة جدًا.
The living room looks onto the garden. | Le salon donne sur le jardin. | تطل غرفة الجلوس على الحديقة.
From the balcony, we can see the sea. | Depuis le balcon, on voit la mer. | من الشرفة نرى البحر.
The kitchen is next to the dining room. | La cuisine est à côté de la salle à manger. | المطبخ بجانب غرفة الطعام.
The bathroom is at the end of the hallway. | La salle de bains est au bout du couloir. | الحمام في نهاية الممر.
My bedroom window faces the street. | La fenêtre de ma chambre donne sur la rue. | نافذة غرفتي تطل على الشارع.
We painted the walls of the living room white. | Nous avons peint les murs du salon en blanc. | دهنا جدران غرفة الجلوس باللون الأبيض.
The rent is too expensive for us. | Le loyer est trop cher pour nous. | الإيجار مرتفع جدًا بالنسبة إلينا.
We are looking for a flat with three bedrooms. | Nous cherchons un appartement avec trois chambres. | نبحث عن شقة فيها ثلاث غرف نوم.
The landlord will repair the heating next week. | Le propriétaire va réparer le chauffage la semaine prochaine. | سيصلح المالك التدفئة الأسبوع القادم.
The heating doesn't work in winter. | Le chauffage ne marche pas en hiver. | التدفئة لا تعمل في الشتاء.
It's cold in the house this morning. | Il fait froid dans la maison ce matin. | الجو بارد في البيت هذا الصباح.
Can you turn up the heating a little? | Tu peux monter un peu le chauffage ? | هل يمكنك أن ترفع التدفئة قليلًا؟
The lift is out of order again. | L'ascenseur est encore en panne. | المصعد معطل مرة أخرى.
We live on the fourth floor without a lift. | Nous habitons au quatrième étage sans ascenseur. | نسكن في الطابق الرابع بلا مصعد.
The boxes are still in the hallway. | Les cartons sont encore dans le couloir. | ما زالت الصناديق في الممر.
We haven't unpacked everything yet. | Nous n'avons pas encore tout déballé. | لم نفرغ كل الصناديق بعد.
The movers arrive at eight o'clock. | Les déménageurs arrivent à huit heures. | يصل عمال النقل في الساعة الثامنة.
Moving house is always tiring. | Déménager est toujours fatigant. | الانتقال من بيت إلى آخر متعب دائمًا.
Be careful, this box is very heavy. | Attention, ce carton est très lourd. | انتبه، هذا الصندوق ثقيل جدًا.
Where should we put the sofa? | Où est-ce qu'on met le canapé ? | أين نضع الأريكة؟
Put the books on the top shelf. | Mets les livres sur l'étagère du haut. | ضع الكتب على الرف العلوي.
The new neighbours moved into the building yesterday. | Les nouveaux voisins ont emménagé dans l'immeuble hier. | انتقل الجيران الجدد إلى العمارة أمس.
Our neighbour waters our plants when we are away. | Notre voisine arrose nos plantes quand nous sommes absents. | تسقي جارتنا نباتاتنا عندما نكون غائبين.
The neighbours' dog barks all night. | Le chien des voisins aboie toute la nuit. | ينبح كلب الجيران طوال الليل.
The people upstairs are very noisy. | Les voisins du dessus sont très bruyants. | جيران الطابق العلوي مزعجون جدًا.
I knocked on the neighbour's door. | J'ai frappé à la porte du voisin. | طرقت باب الجار.
She lent us a ladder. | Elle nous a prêté une échelle. | أعارتنا سلمًا.
We often have coffee with the neighbours. | Nous prenons souvent le café avec les voisins. | نشرب القهوة مع الجيران كثيرًا.
Someone is ringing the doorbell. | Quelqu'un sonne à la porte. | أحدهم يقرع جرس الباب.
Can you open the door? I'm in the shower. | Tu peux ouvrir la porte ? Je suis sous la douche. | هل يمكنك أن تفتح الباب؟ أنا في الحمام.
I forgot my keys inside. | J'ai oublié mes clés à l'intérieur. | نسيت مفاتيحي في الداخل.
The dishes are dry, you can put them away. | La vaisselle est sèche, tu peux la ranger. | الصحون جافة، يمكنك أن تضعها في مكانها.
Whose turn is it to cook tonight? | C'est à qui de cuisiner ce soir ? | دور من في الطبخ الليلة؟
Dinner is ready! | Le dîner est prêt ! | العشاء جاهز!
Come and eat, children! | Venez manger, les enfants ! | تعالوا إلى الطعام يا أطفال!
Wash your hands before eating. | Lave-toi les mains avant de manger. | اغسل يديك قبل الأكل.
Who wants more soup? | Qui veut encore de la soupe ? | من يريد مزيدًا من الشوربة؟
The soup is too hot, wait a little. | La soupe est trop chaude, attends un peu. | الشوربة ساخنة جدًا، انتظر قليلًا.
My grandmother makes the best bread in the world. | Ma grand-mère fait le meilleur pain du monde. | تخبز جدتي أفضل خبز في العالم.
I learned to cook with my mother. | J'ai appris à cuisiner avec ma mère. | تعلمت الطبخ مع أمي.
There is no more milk in the fridge. | Il n'y a plus de lait dans le réfrigérateur. | لم يعد هناك حليب في الثلاجة.
Put the leftovers in the fridge. | Mets les restes au réfrigérateur. | ضع بقايا الطعام في الثلاجة.
The kettle is boiling. | La bouilloire bout. | الغلاية تغلي.
Who drank all the juice? | Qui a bu tout le jus ? | من شرب كل العصير؟
I'll do the washing-up, you dry. | Je fais la vaisselle, toi tu essuies. | سأغسل الصحون، وأنت تجففها.
I come from a big family. | Je viens d'une grande famille. | أنا من عائلة كبيرة.
We are five at home. | Nous sommes cinq à la maison. | نحن خمسة في البيت.
I am the eldest of four children. | Je suis l'aîné de quatre enfants. | أنا الأكبر بين أربعة أطفال.
My little sister is always asking questions. | Ma petite sœur pose toujours des questions. | أختي الصغيرة تطرح الأسئلة دائمًا.
My brother and I share a room. | Mon frère et moi partageons une chambre. | أتقاسم غرفة مع أخي.
My parents have been married for thirty years. | Mes parents sont mariés depuis trente ans. | والداي متزوجان منذ ثلاثين عامًا.
My grandfather tells us stories every evening. | Mon grand-père nous raconte des histoires tous les soirs. | يحكي لنا جدي قصصًا كل مساء.
My grandmother lives with us. | Ma grand-mère habite avec nous. | تسكن جدتي معنا.
My aunt has two daughters and a son. | Ma tante a deux filles et un fils. | لدى خالتي ابنتان وابن.
My cousins live in Canada. | Mes cousins habitent au Canada. | يسكن أبناء عمي في كندا.
My uncle is a doctor in Beirut. | Mon oncle est médecin à Beyrouth. | عمي طبيب في بيروت.
My father works a lot, but he always has dinner with us. | Mon père travaille beaucoup, mais il dîne toujours avec nous. | يعمل أبي كثيرًا، لكنه يتناول العشاء معنا دائمًا.
My mother is the calmest person in the family. | Ma mère est la personne la plus calme de la famille. | أمي أهدأ شخص في العائلة.
My sister looks like my father. | Ma sœur ressemble à mon père. | أختي تشبه أبي.
I look like my mother. | Je ressemble à ma mère. | أشبه أمي.
Our son has blue eyes and brown hair. | Notre fils a les yeux bleus et les cheveux bruns. | لابننا عينان زرقاوان وشعر بني.
She has long black hair. | Elle a de longs cheveux noirs. | لها شعر أسود طويل.
He wears glasses. | Il porte des lunettes. | يضع نظارة.
My brother is taller than my father now. | Mon frère est maintenant plus grand que mon père. | أخي الآن أطول من أبي.
The twins are eight years old. | Les jumeaux ont huit ans. | عمر التوأمين ثماني سنوات.
Our baby was born last month. | Notre bébé est né le mois dernier. | ولد طفلنا الشهر الماضي.
It's a girl! | C'est une fille ! | إنها بنت!
They called her Lina. | Ils l'ont appelée Lina. | سموها لينا.
The baby is sleeping, speak quietly. | Le bébé dort, parle doucement. | الطفل نائم، تكلم بهدوء.
The baby cries every night. | Le bébé pleure toutes les nuits. | يبكي الطفل كل ليلة.
Who is going to look after the children tonight? | Qui va garder les enfants ce soir ? | من سيعتني بالأطفال الليلة؟
My grandmother looks after my little brother on Wednesdays. | Ma grand-mère garde mon petit frère le mercredi. | تعتني جدتي بأخي الصغير أيام الأربعاء.
The children go to bed at eight. | Les enfants se couchent à huit heures. | ينام الأطفال في الساعة الثامنة.
Brush your teeth and go to bed! | Brosse-toi les dents et va au lit ! | نظف أسنانك واذهب إلى السرير!
Can I watch television a little longer? | Je peux regarder la télévision encore un peu ? | هل يمكنني أن أشاهد التلفاز وقتًا أطول قليلًا؟
No, it's late, it's time to sleep. | Non, il est tard, c'est l'heure de dormir. | لا، الوقت متأخر، حان وقت النوم.
The children are doing their homework in the kitchen. | Les enfants font leurs devoirs dans la cuisine. | يحل الأطفال واجباتهم في المطبخ.
Dad helps me with my homework. | Papa m'aide à faire mes devoirs. | يساعدني أبي في واجباتي.
My son starts school in September. | Mon fils commence l'école en septembre. | يبدأ ابني المدرسة في سبتمبر.
My daughter is learning to ride a bike. | Ma fille apprend à faire du vélo. | تتعلم ابنتي ركوب الدراجة.
The children are fighting again. | Les enfants se disputent encore. | يتشاجر الأطفال مرة أخرى.
Stop shouting, both of you! | Arrêtez de crier, tous les deux ! | توقفا عن الصراخ!
Say thank you to your grandmother. | Dis merci à ta grand-mère. | قل شكرًا لجدتك.
Give your grandfather a kiss. | Fais un bisou à ton grand-père. | أعط جدك قبلة.
My grandparents celebrated their fiftieth wedding anniversary. | Mes grands-parents ont fêté leurs cinquante ans de mariage. | احتفل جدي وجدتي بالذكرى الخمسين لزواجهما.
The whole family came for the occasion. | Toute la famille est venue pour l'occasion. | جاءت العائلة كلها بهذه المناسبة.
We take a family photo every year. | Nous prenons une photo de famille chaque année. | نلتقط صورة عائلية كل عام.
My cousin is getting married to a girl from Tunis. | Mon cousin se marie avec une fille de Tunis. | يتزوج ابن عمي فتاة من تونس.
The wedding lasted until morning. | Le mariage a duré jusqu'au matin. | استمر حفل الزفاف حتى الصباح.
The bride wore a white dress. | La mariée portait une robe blanche. | لبست العروس فستانًا أبيض.
The groom was very nervous. | Le marié était très nerveux. | كان العريس متوترًا جدًا.
We danced all night at my sister's wedding. | Nous avons dansé toute la nuit au mariage de ma sœur. | رقصنا طوال الليل في حفل زفاف أختي.
Congratulations on your engagement! | Félicitations pour tes fiançailles ! | مبروك الخطوبة!
They got engaged last spring. | Ils se sont fiancés au printemps dernier. | تمت خطوبتهما في الربيع الماضي.
Happy birthday, Sarah! | Joyeux anniversaire, Sarah ! | عيد ميلاد سعيد يا سارة!
We are organising a surprise party for Dad. | Nous organisons une fête surprise pour papa. | ننظم حفلة مفاجئة لأبي.
Don't tell Mum, it's a surprise! | Ne dis rien à maman, c'est une surprise ! | لا تخبر أمي، إنها مفاجأة!
Who is going to buy the cake? | Qui va acheter le gâteau ? | من سيشتري الكعكة؟
Blow out the candles! | Souffle les bougies ! | أطفئ الشموع!
How old are you today? | Quel âge as-tu aujourd'hui ? | كم عمرك اليوم؟
I'm ten today! | J'ai dix ans aujourd'hui ! | عمري عشر سنوات اليوم!
My grandfather gave me a watch for my birthday. | Mon grand-père m'a offert une montre pour mon anniversaire. | أهداني جدي ساعة في عيد ميلادي.
Thank you for the present, I love it! | Merci pour le cadeau, je l'adore ! | شكرًا على الهدية، أحببتها كثيرًا!
We're going to my grandparents' for the holidays. | Nous allons chez mes grands-parents pour les vacances. | سنذهب إلى بيت جدي وجدتي في العطلة.
My aunt visits us every Eid. | Ma tante nous rend visite à chaque Aïd. | تزورنا خالتي في كل عيد.
The whole family gets together for Eid. | Toute la famille se réunit pour l'Aïd. | تجتمع العائلة كلها في العيد.
My grandmother prepares sweets for Eid. | Ma grand-mère prépare des gâteaux pour l'Aïd. | تحضر جدتي الحلويات للعيد.
We are expecting guests this evening. | Nous attendons des invités ce soir. | ننتظر ضيوفًا هذا المساء.
The guests will arrive at seven. | Les invités arriveront à sept heures. | سيصل الضيوف في الساعة السابعة.
Set two more plates, please. | Mets deux assiettes de plus, s'il te plaît. | ضع صحنين إضافيين من فضلك.
Thank you for inviting us. | Merci de nous avoir invités. | شكرًا على دعوتكم.
Your house is very beautiful. | Votre maison est très belle. | بيتكم جميل جدًا.
Come back and see us whenever you want. | Reviens nous voir quand tu veux. | عد إلينا متى شئت.
My cousin is staying with us for a week. | Mon cousin reste chez nous une semaine. | يقيم ابن عمي عندنا لمدة أسبوع.
The guest room is ready. | La chambre d'amis est prête. | غرفة الضيوف جاهزة.
Our cat is called Mimi. | Notre chat s'appelle Mimi. | اسم قطتنا ميمي.
The dog wants to go out. | Le chien veut sortir. | الكلب يريد أن يخرج.
Who is going to walk the dog? | Qui va promener le chien ? | من سيأخذ الكلب في نزهة؟
I walk the dog every morning before school. | Je promène le chien tous les matins avant l'école. | أتنزه مع الكلب كل صباح قبل المدرسة.
The cat scratched the sofa. | Le chat a griffé le canapé. | خدشت القطة الأريكة.
Don't give chocolate to the dog! | Ne donne pas de chocolat au chien ! | لا تعط الكلب شوكولاتة!
My daughter wants a puppy for her birthday. | Ma fille veut un chiot pour son anniversaire. | تريد ابنتي جروًا في عيد ميلادها.
We adopted a cat last winter. | Nous avons adopté un chat l'hiver dernier. | تبنينا قطة في الشتاء الماضي.
The fish need clean water. | Les poissons ont besoin d'eau propre. | تحتاج الأسماك إلى ماء نظيف.
Our parrot can say hello. | Notre perroquet sait dire bonjour. | يستطيع ببغاؤنا أن يقول مرحبًا.
The cat sleeps all day. | Le chat dort toute la journée. | تنام القطة طوال اليوم.
The dog is afraid of the vacuum cleaner. | Le chien a peur de l'aspirateur. | يخاف الكلب من المكنسة الكهربائية.
My brother is allergic to cats. | Mon frère est allergique aux chats. | أخي لديه حساسية من القطط.
Who will feed the cat while we are away? | Qui va nourrir le chat pendant notre absence ? | من سيطعم القطة أثناء غيابنا؟
The neighbours are looking after our dog this weekend. | Les voisins gardent notre chien ce week-end. | يعتني الجيران بكلبنا في نهاية هذا الأسبوع.
The house is a mess! | La maison est en désordre ! | البيت في حالة فوضى!
Let's tidy up together. | Rangeons ensemble. | لنرتب معًا.
Everyone has a job on Saturday morning. | Chacun a une tâche le samedi matin. | لكل واحد منا مهمة صباح يوم السبت.
I hate ironing. | Je déteste repasser. | أكره الكي.
My father does the cooking and my mother does the shopping. | Mon père fait la cuisine et ma mère fait les courses. | أبي هو من يطبخ وأمي هي من تتسوق.
The vacuum cleaner is in the cupboard under the stairs. | L'aspirateur est dans le placard sous l'escalier. | المكنسة الكهربائية في الخزانة تحت الدرج.
Don't forget to hang out the washing. | N'oublie pas d'étendre le linge. | لا تنس أن تنشر الغسيل.
The washing is still wet. | Le linge est encore mouillé. | الغسيل ما زال مبللًا.
Fold your clothes and put them in the wardrobe. | Plie tes vêtements et range-les dans l'armoire. | اطو ملابسك وضعها في الخزانة.
The bin is full. | La poubelle est pleine. | سلة المهملات ممتلئة.
We sort our rubbish for recycling. | Nous trions nos déchets pour le recyclage. | نفرز نفاياتنا لإعادة التدوير.
The floor is wet, be careful! | Le sol est mouillé, fais attention ! | الأرضية مبللة، انتبه!
There is dust everywhere. | Il y a de la poussière partout. | هناك غبار في كل مكان.
I cleaned the windows, and now it's raining. | J'ai nettoyé les vitres, et maintenant il pleut. | نظفت النوافذ، والآن تمطر.
We need a new vacuum cleaner. | Nous avons besoin d'un nouvel aspirateur. | نحتاج إلى مكنسة كهربائية جديدة.
It only takes ten minutes to tidy your room. | Ranger ta chambre ne prend que dix minutes. | ترتيب غرفتك لا يستغرق إلا عشر دقائق.
Who left the dirty socks in the living room? | Qui a laissé les chaussettes sales dans le salon ? | من ترك الجوارب المتسخة في غرفة الجلوس؟
My room is always tidy. | Ma chambre est toujours rangée. | غرفتي مرتبة دائمًا.
My brother's room is never tidy. | La chambre de mon frère n'est jamais rangée. | غرفة أخي ليست مرتبة أبدًا.
Each of us makes our own bed. | Chacun fait son lit. | كل واحد منا يرتب سريره.
The tap in the kitchen is dripping. | Le robinet de la cuisine goutte. | صنبور المطبخ يقطر.
The light in the hallway has burned out. | L'ampoule du couloir a grillé. | احترق مصباح الممر.
Do we have a screwdriver? | Est-ce qu'on a un tournevis ? | هل لدينا مفك براغي؟
My father repairs everything himself. | Mon père répare tout lui-même. | يصلح أبي كل شيء بنفسه.
The window doesn't close properly. | La fenêtre ne ferme pas bien. | النافذة لا تغلق جيدًا.
There is a crack in the ceiling. | Il y a une fissure au plafond. | هناك شق في السقف.
The roof leaks when it rains. | Le toit fuit quand il pleut. | يتسرب الماء من السطح عندما تمطر.
The plumber is coming tomorrow morning. | Le plombier vient demain matin. | سيأتي السباك صباح الغد.
The repair cost two hundred euros. | La réparation a coûté deux cents euros. | كلف الإصلاح مئتي يورو.
We changed the lock on the front door. | Nous avons changé la serrure de la porte d'entrée. | غيرنا قفل الباب الرئيسي.
The door makes a strange noise. | La porte fait un bruit bizarre. | الباب يصدر صوتًا غريبًا.
The electricity went off during the storm. | L'électricité a été coupée pendant l'orage. | انقطعت الكهرباء أثناء العاصفة.
We are renovating the bathroom. | Nous rénovons la salle de bains. | نجدد الحمام.
The work will last three weeks. | Les travaux vont durer trois semaines. | ستستمر الأشغال ثلاثة أسابيع.
There is no hot water. | Il n'y a pas d'eau chaude. | لا يوجد ماء ساخن.
It's an old house with thick walls. | C'est une vieille maison aux murs épais. | إنه بيت قديم ذو جدران سميكة.
The house has two floors and a small garden. | La maison a deux étages et un petit jardin. | للبيت طابقان وحديقة صغيرة.
Our building has no lift. | Notre immeuble n'a pas d'ascenseur. | ليس في عمارتنا مصعد.
The flat is on the top floor. | L'appartement est au dernier étage. | الشقة في الطابق الأخير.
The garden is full of flowers in spring. | Le jardin est plein de fleurs au printemps. | الحديقة مليئة بالزهور في الربيع.
There is a lemon tree in the courtyard. | Il y a un citronnier dans la cour. | في الفناء شجرة ليمون.
The kitchen is small but well equipped. | La cuisine est petite mais bien équipée. | المطبخ صغير لكنه مجهز جيدًا.
The bedrooms are upstairs. | Les chambres sont à l'étage. | غرف النوم في الطابق العلوي.
The living room is downstairs. | Le salon est en bas. | غرفة الجلوس في الطابق السفلي.
The flat gets a lot of sun in the afternoon. | L'appartement est très ensoleillé l'après-midi. | الشقة مشمسة جدًا بعد الظهر.
We have a view of the mountains. | Nous avons une vue sur les montagnes. | لدينا إطلالة على الجبال.
The house is far from the city centre. | La maison est loin du centre-ville. | البيت بعيد عن وسط المدينة.
The school is five minutes from our house. | L'école est à cinq minutes de chez nous. | المدرسة على بعد خمس دقائق من بيتنا.
The neighbourhood is quiet and safe. | Le quartier est calme et sûr. | الحي هادئ وآمن.
We have lived here for ten years. | Nous habitons ici depuis dix ans. | نسكن هنا منذ عشر سنوات.
I grew up in this house. | J'ai grandi dans cette maison. | نشأت في هذا البيت.
This house belonged to my grandfather. | Cette maison appartenait à mon grand-père. | كان هذا البيت ملكًا لجدي.
We want to sell our flat. | Nous voulons vendre notre appartement. | نريد أن نبيع شقتنا.
They bought a house near the sea. | Ils ont acheté une maison près de la mer. | اشتروا بيتًا قرب البحر.
How much is the rent? | Combien coûte le loyer ? | كم يبلغ الإيجار؟
This chair is very comfortable. | Cette chaise est très confortable. | هذا الكرسي مريح جدًا.
The mirror in the hall is broken. | Le miroir de l'entrée est cassé. | مرآة المدخل مكسورة.
We hung a big painting above the sofa. | Nous avons accroché un grand tableau au-dessus du canapé. | علقنا لوحة كبيرة فوق الأريكة.
The remote control has disappeared again. | La télécommande a encore disparu. | اختفى جهاز التحكم مرة أخرى.
It's under the cushions, as usual. | Elle est sous les coussins, comme d'habitude. | إنه تحت الوسائد كالعادة.
Turn off the light when you leave the room. | Éteins la lumière quand tu sors de la pièce. | أطفئ الضوء عندما تخرج من الغرفة.
The curtains are too short for this window. | Les rideaux sont trop courts pour cette fenêtre. | الستائر قصيرة جدًا بالنسبة إلى هذه النافذة.
Where did you buy this lamp? | Où as-tu acheté cette lampe ? | من أين اشتريت هذا المصباح؟
The old table is in the cellar now. | La vieille table est à la cave maintenant. | الطاولة القديمة في القبو الآن.
We gave our old fridge to the neighbours. | Nous avons donné notre vieux réfrigérateur aux voisins. | أعطينا ثلاجتنا القديمة للجيران.
Is anyone home? | Il y a quelqu'un ? | هل يوجد أحد في البيت؟
I'm home! | Je suis rentré ! | لقد عدت إلى البيت!
Mum, what's for dinner? | Maman, qu'est-ce qu'on mange ce soir ? | ماذا سنأكل على العشاء يا أمي؟
Dad is in the garden. | Papa est dans le jardin. | أبي في الحديقة.
Grandma is resting in her room. | Mamie se repose dans sa chambre. | جدتي ترتاح في غرفتها.
Can I invite a friend for dinner? | Je peux inviter un ami à dîner ? | هل يمكنني أن أدعو صديقًا إلى العشاء؟
Of course, there is enough food for everyone. | Bien sûr, il y a assez à manger pour tout le monde. | طبعًا، هناك ما يكفي من الطعام للجميع.
Call your grandmother, it's her birthday. | Appelle ta grand-mère, c'est son anniversaire. | اتصل بجدتك، إنه عيد ميلادها.
I miss my family. | Ma famille me manque. | أشتاق إلى عائلتي.
We talk on the phone every Sunday. | Nous nous parlons au téléphone tous les dimanches. | نتحدث عبر الهاتف كل يوم أحد.
My parents are proud of me. | Mes parents sont fiers de moi. | والداي فخوران بي.
My sister got her driving licence. | Ma sœur a eu son permis de conduire. | حصلت أختي على رخصة القيادة.
My brother lives abroad. | Mon frère vit à l'étranger. | يعيش أخي في الخارج.
He comes home every summer. | Il rentre à la maison chaque été. | يعود إلى البيت كل صيف.
We haven't seen our cousins for two years. | Nous n'avons pas vu nos cousins depuis deux ans. | لم نر أبناء عمنا منذ عامين.
My grandmother is ninety, but she is still very active. | Ma grand-mère a quatre-vingt-dix ans, mais elle est encore très active. | عمر جدتي تسعون عامًا، لكنها ما زالت نشيطة جدًا.
My grandfather died two years ago. | Mon grand-père est mort il y a deux ans. | توفي جدي قبل عامين.
We often think of him. | Nous pensons souvent à lui. | نفكر فيه كثيرًا.
My parents divorced when I was small. | Mes parents ont divorcé quand j'étais petit. | انفصل والداي عندما كنت صغيرًا.
I have a stepbrother and a stepsister. | J'ai un demi-frère et une demi-sœur. | لدي أخ غير شقيق وأخت غير شقيقة.
My mother-in-law is a wonderful cook. | Ma belle-mère est une excellente cuisinière. | حماتي طباخة ماهرة.
My brother-in-law helped us move. | Mon beau-frère nous a aidés à déménager. | ساعدنا صهري في الانتقال.
Our children are grown up now. | Nos enfants sont grands maintenant. | أصبح أطفالنا كبارًا الآن.
Our daughter is studying in Montreal. | Notre fille fait ses études à Montréal. | تدرس ابنتنا في مونتريال.
Our grandchildren spend the summer with us. | Nos petits-enfants passent l'été chez nous. | يقضي أحفادنا الصيف عندنا.
Family is the most important thing for me. | La famille est ce qu'il y a de plus important pour moi. | العائلة أهم شيء بالنسبة إلي.
My husband and I met at university. | Mon mari et moi nous sommes rencontrés à l'université. | تعرفت على زوجي في الجامعة.
We've been married for twelve years. | Nous sommes mariés depuis douze ans. | نحن متزوجان منذ اثني عشر عامًا.
Our son looks just like his grandfather. | Notre fils ressemble beaucoup à son grand-père. | يشبه ابننا جده كثيرًا.
My wife is expecting our second child. | Ma femme attend notre deuxième enfant. | زوجتي حامل بطفلنا الثاني.
Please close the door behind you. | Ferme la porte derrière toi, s'il te plaît. | أغلق الباب خلفك من فضلك.
Could you lend me your vacuum cleaner? | Pourriez-vous me prêter votre aspirateur ? | هل يمكنكم أن تعيروني مكنستكم الكهربائية؟
Would you like a cup of tea? | Voulez-vous une tasse de thé ? | هل تريدون فنجان شاي؟
Please sit down. | Asseyez-vous, je vous en prie. | تفضلوا بالجلوس.
Don't slam the door! | Ne claque pas la porte ! | لا تغلق الباب بقوة!
Let's eat in the garden, it's nice today. | Mangeons dans le jardin, il fait beau aujourd'hui. | لنأكل في الحديقة، الجو جميل اليوم.
Let's paint the children's room yellow. | Peignons la chambre des enfants en jaune. | لندهن غرفة الأطفال باللون الأصفر.
Shall I help you carry the shopping? | Je t'aide à porter les courses ? | هل أساعدك في حمل المشتريات؟
Leave your coat on the chair. | Laisse ton manteau sur la chaise. | اترك معطفك على الكرسي.
Wipe your feet before coming in. | Essuie tes pieds avant d'entrer. | امسح قدميك قبل أن تدخل.
How many people live in your house? | Combien de personnes habitent dans ta maison ? | كم شخصًا يسكن في بيتك؟
Do you have any brothers or sisters? | Est-ce que tu as des frères et sœurs ? | هل لديك إخوة وأخوات؟
Where do your parents live? | Où habitent tes parents ? | أين يسكن والداك؟
What does your father do? | Que fait ton père ? | ماذا يعمل أبوك؟
Are you married? | Êtes-vous marié ? | هل أنت متزوج؟
Do you have children? | Avez-vous des enfants ? | هل لديك أطفال؟
What is your daughter's name? | Comment s'appelle ta fille ? | ما اسم ابنتك؟
Why is the kitchen so dirty? | Pourquoi la cuisine est-elle si sale ? | لماذا المطبخ متسخ إلى هذا الحد؟
When are you moving? | Quand est-ce que vous déménagez ? | متى ستنتقلون؟
How long have you lived in this flat? | Depuis combien de temps habitez-vous dans cet appartement ? | منذ متى تسكنون في هذه الشقة؟
Who is the man in this photo? | Qui est l'homme sur cette photo ? | من الرجل في هذه الصورة؟
It's my great-grandfather. | C'est mon arrière-grand-père. | إنه جد أبي.
Whose bag is this? | À qui est ce sac ? | لمن هذه الحقيبة؟
Which room is yours? | Quelle chambre est la tienne ? | أي غرفة هي غرفتك؟
Is the bathroom free? | La salle de bains est libre ? | هل الحمام فارغ؟
Have you seen my glasses? | As-tu vu mes lunettes ? | هل رأيت نظارتي؟
What time do you have dinner? | À quelle heure dînez-vous ? | في أي ساعة تتناولون العشاء؟
Can I use your washing machine? | Je peux utiliser ta machine à laver ? | هل يمكنني أن أستعمل غسالتك؟
Who made this cake? It's delicious! | Qui a fait ce gâteau ? Il est délicieux ! | من صنع هذه الكعكة؟ إنها لذيذة!
Where do you want to put the television? | Où veux-tu mettre la télévision ? | أين تريد أن تضع التلفاز؟
Our flat is 80 square metres. | Notre appartement fait 80 mètres carrés. | مساحة شقتنا 80 مترًا مربعًا.
The building has 12 floors. | L'immeuble a 12 étages. | في العمارة 12 طابقًا.
There are 24 flats in our building. | Il y a 24 appartements dans notre immeuble. | في عمارتنا 24 شقة.
My grandmother has 15 grandchildren. | Ma grand-mère a 15 petits-enfants. | لدى جدتي 15 حفيدًا.
We were 30 at the table for Eid. | Nous étions 30 à table pour l'Aïd. | كنا 30 شخصًا حول المائدة في العيد.
There were 200 guests at the wedding. | Il y avait 200 invités au mariage. | كان في حفل الزفاف 200 ضيف.
The house was built in 1975. | La maison a été construite en 1975. | بني البيت في عام 1975.
We pay 700 euros of rent per month. | Nous payons 700 euros de loyer par mois. | ندفع 700 يورو إيجارًا كل شهر.
The flat has 4 rooms and 2 balconies. | L'appartement a 4 pièces et 2 balcons. | للشقة 4 غرف وشرفتان.
My son is 18 months old. | Mon fils a 18 mois. | عمر ابني 18 شهرًا.
My brother and I get along very well. | Mon frère et moi nous entendons très bien. | أنا وأخي على وفاق تام.
My sisters argue all the time. | Mes sœurs se disputent tout le temps. | تتشاجر أخواتي طوال الوقت.
I love spending time with my grandparents. | J'adore passer du temps avec mes grands-parents. | أحب قضاء الوقت مع جدي وجدتي.
My mother is worried because my brother hasn't called. | Ma mère est inquiète parce que mon frère n'a pas appelé. | أمي قلقة لأن أخي لم يتصل.
My father is strict but fair. | Mon père est sévère mais juste. | أبي صارم لكنه عادل.
My grandmother always has a smile on her face. | Ma grand-mère a toujours le sourire. | جدتي مبتسمة دائمًا.
My uncle is the funniest person in the family. | Mon oncle est la personne la plus drôle de la famille. | عمي أظرف شخص في العائلة.
The children miss their father when he travels. | Leur père manque aux enfants quand il voyage. | يشتاق الأطفال إلى أبيهم عندما يسافر.
She takes care of her elderly mother. | Elle s'occupe de sa mère âgée. | تعتني بأمها المسنة.
We are a very close family. | Nous sommes une famille très unie. | نحن عائلة مترابطة جدًا.
I don't know my neighbours very well. | Je ne connais pas très bien mes voisins. | لا أعرف جيراني جيدًا.
Our neighbours invited us to their daughter's wedding. | Nos voisins nous ont invités au mariage de leur fille. | دعانا جيراننا إلى حفل زفاف ابنتهم.
The neighbour's children play football in the street. | Les enfants du voisin jouent au football dans la rue. | يلعب أطفال الجار كرة القدم في الشارع.
Can you keep our keys while we are on holiday? | Pouvez-vous garder nos clés pendant nos vacances ? | هل يمكنكم أن تحتفظوا بمفاتيحنا أثناء عطلتنا؟
The lady next door brings us cakes. | La dame d'à côté nous apporte des gâteaux. | تحضر لنا جارتنا الحلويات.
Our new neighbours come from Lebanon. | Nos nouveaux voisins viennent du Liban. | جيراننا الجدد من لبنان.
The caretaker cleans the stairs every Monday. | Le gardien nettoie l'escalier tous les lundis. | ينظف البواب الدرج كل يوم اثنين.
The residents' meeting is on Thursday evening. | La réunion des habitants de l'immeuble est jeudi soir. | اجتماع سكان العمارة مساء يوم الخميس.
Please don't park in front of the garage. | Merci de ne pas vous garer devant le garage. | يرجى عدم الوقوف أمام المرآب.
The music next door is too loud. | La musique des voisins est trop forte. | موسيقى الجيران صاخبة جدًا.
I get up at six every morning. | Je me lève à six heures tous les matins. | أستيقظ في الساعة السادسة كل صباح.
My mother makes coffee for everyone. | Ma mère fait du café pour tout le monde. | تعد أمي القهوة للجميع.
We watch a film together on Friday evenings. | Nous regardons un film ensemble le vendredi soir. | نشاهد فيلمًا معًا مساء كل يوم جمعة.
My father reads the newspaper in the living room. | Mon père lit le journal dans le salon. | يقرأ أبي الجريدة في غرفة الجلوس.
The children take a bath before dinner. | Les enfants prennent un bain avant le dîner. | يستحم الأطفال قبل العشاء.
I'm going to take a shower before dinner. | Je vais prendre une douche avant le dîner. | سأستحم قبل العشاء.
Clean towels are in the bathroom cupboard. | Les serviettes propres sont dans le placard de la salle de bains. | المناشف النظيفة في خزانة الحمام.
We always eat together on Sundays. | Nous mangeons toujours ensemble le dimanche. | نأكل معًا دائمًا أيام الأحد.
My grandmother waters her roses every evening. | Ma grand-mère arrose ses roses tous les soirs. | تسقي جدتي ورودها كل مساء.
The house is quiet when the children are at school. | La maison est calme quand les enfants sont à l'école. | البيت هادئ عندما يكون الأطفال في المدرسة.
I'm cooking, can you set the table? | Je cuisine, tu peux mettre la table ? | أنا أطبخ، هل يمكنك أن تجهز المائدة؟
Dinner will be ready in ten minutes. | Le dîner sera prêt dans dix minutes. | سيكون العشاء جاهزًا بعد عشر دقائق.
Something smells good in the kitchen! | Ça sent bon dans la cuisine ! | هناك رائحة طيبة في المطبخ!
Grandma's recipe is a family secret. | La recette de mamie est un secret de famille. | وصفة جدتي سر عائلي.
We bought a bigger table for family meals. | Nous avons acheté une plus grande table pour les repas de famille. | اشترينا طاولة أكبر لوجبات العائلة.
The children decorated the house for the party. | Les enfants ont décoré la maison pour la fête. | زين الأطفال البيت للحفلة.
My sister is coming home for the weekend. | Ma sœur rentre à la maison pour le week-end. | تعود أختي إلى البيت في نهاية الأسبوع.
I'll pick you up from your grandmother's at six. | Je viens te chercher chez ta grand-mère à six heures. | سآخذك من بيت جدتك في الساعة السادسة.
Leave the light on in the hallway for the children. | Laisse la lumière allumée dans le couloir pour les enfants. | اترك ضوء الممر مشتعلًا للأطفال.
The keys are hanging next to the door. | Les clés sont accrochées à côté de la porte. | المفاتيح معلقة بجانب الباب.
We have to leave the flat by the end of the month. | Nous devons quitter l'appartement avant la fin du mois. | يجب أن نغادر الشقة قبل نهاية الشهر.
The new owners are very nice. | Les nouveaux propriétaires sont très gentils. | المالكون الجدد لطفاء جدًا.
My parents are thinking of buying a smaller house. | Mes parents pensent acheter une maison plus petite. | يفكر والداي في شراء بيت أصغر.
The children each have their own room now. | Les enfants ont maintenant chacun leur chambre. | لكل واحد من الأطفال غرفته الخاصة الآن.
Our house is always full of people. | Notre maison est toujours pleine de monde. | بيتنا مليء بالناس دائمًا.
Mum, Dad, I have good news! | Maman, papa, j'ai une bonne nouvelle ! | أمي، أبي، لدي خبر سار!
My sister had a baby boy. | Ma sœur a eu un petit garçon. | أنجبت أختي ولدًا.
I'm going to be an uncle! | Je vais être tonton ! | سأصبح خالًا!
The whole family is coming to lunch on Sunday. | Toute la famille vient déjeuner dimanche. | ستأتي العائلة كلها إلى الغداء يوم الأحد.
We need more chairs for the guests. | Il nous faut plus de chaises pour les invités. | نحتاج إلى مزيد من الكراسي للضيوف.
Take a chair from the kitchen. | Prends une chaise dans la cuisine. | خذ كرسيًا من المطبخ.
My grandparents' house smells of jasmine. | La maison de mes grands-parents sent le jasmin. | تفوح رائحة الياسمين من بيت جدي وجدتي.
We spent our childhood in this garden. | Nous avons passé notre enfance dans ce jardin. | قضينا طفولتنا في هذه الحديقة.
Our neighbour fixed my bike. | Notre voisin a réparé mon vélo. | أصلح جارنا دراجتي.
Lock the door before going to bed. | Ferme la porte à clé avant d'aller te coucher. | أقفل الباب قبل أن تنام.
Did you lock the door? | Est-ce que tu as fermé la porte à clé ? | هل أقفلت الباب؟
I think I left the oven on. | Je crois que j'ai laissé le four allumé. | أظن أنني تركت الفرن مشتعلًا.
My brother borrowed my laptop without asking. | Mon frère a emprunté mon ordinateur portable sans demander. | استعار أخي حاسوبي المحمول دون أن يستأذن.
The children are hiding in the wardrobe. | Les enfants se cachent dans l'armoire. | يختبئ الأطفال في الخزانة.
My grandmother knits a scarf for each grandchild. | Ma grand-mère tricote une écharpe pour chaque petit-enfant. | تحيك جدتي وشاحًا لكل حفيد.
"""  # noqa: E501


def hand_written() -> list[Triple]:
    out = []
    for line in HAND.strip().splitlines():
        en, fr, ar = (x.strip() for x in line.split(" | "))
        out.append(_t(en, fr, ar))
    return out


# ----------------------------------------------------------------------------------------------- generate

TEMPLATES = [
    g_chores_pron(False),
    g_chores_pron(True),
    g_chores_question,
    g_chores_named,
    g_who,
    g_turn,
    g_must,
    g_request("could"),
    g_request("can"),
    g_request("imp"),
    g_request("forget"),
    g_neg_imp,
    g_location,
    g_where,
    g_room_adj,
    g_have_adj,
    g_count_home,
    g_count_objects,
    g_there_is,
    g_floor,
    g_compare_rooms,
    g_compare_poss,
    g_state,
    g_keep,
    g_broken,
    g_trade,
    g_intro,
    g_age,
    g_member_desc,
    g_plural_desc,
    g_state_pron,
    g_celebrate,
    g_visit,
    g_move,
    g_live,
    g_neighbour,
    g_pet_loc,
    g_have_count,
    g_cook,
    g_wedding,
    g_wedding_place,
    g_birthday,
    g_meals,
    g_invite,
    g_kids,
]
TARGET = 3000


def generate() -> list[Triple]:
    """About 3000 home-and-family triples: the hand-written ones, then templates drawn evenly."""
    hand = hand_written()
    templated = balanced(TEMPLATES, TARGET + 250 - len(hand), SEED)
    out: list[Triple] = []
    seen_en: set[str] = set()
    seen_fr: set[str] = set()
    for t in hand + templated:
        if t.en in seen_en or t.fr in seen_fr:
            continue
        seen_en.add(t.en)
        seen_fr.add(t.fr)
        out.append(t)
        if len(out) >= TARGET:
            break
    return out
