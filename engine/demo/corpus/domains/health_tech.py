"""Health (body, pain, symptoms, doctor, pharmacy, medicine, hospital, sport, sleep, habits) and phones and
computers (calls, messages, charging, internet, Wi-Fi, passwords, apps, screens, files, printing, batteries).

Written for this project: templates over a small hand-made lexicon (verbs conjugated by hand per person and
tense in French and Arabic; only fully regular Arabic stems are expanded by rule) plus hand-written sentences.
"""

from __future__ import annotations

import random

from engine.demo.corpus.common import (
    PERSONS,
    SUBJECT_EN,
    SUBJECT_FR,
    Triple,
    balanced,
    capitalise,
    fr_elide,
)

DOMAIN = "health_tech"

IDX = {p: i for i, p in enumerate(PERSONS)}
FR6 = {"i": 0, "you_m": 1, "you_f": 1, "he": 2, "she": 2, "we": 3, "you_pl": 4, "they": 5}
AVOIR = "ai as as a a avons avez ont".split()
ETRE = "suis es es est est sommes êtes sont".split()
FUT_END = "ai as as a a ons ez ont".split()
SE = "me te te se se nous vous se".split()
POSS_EN = {"i": "my", "you_m": "your", "you_f": "your", "he": "his", "she": "her", "we": "our",
           "you_pl": "your", "they": "their"}
POSS_FR_M = "mon ton ton son son notre votre leur".split()
POSS_FR_F = "ma ta ta sa sa notre votre leur".split()
POSS_FR_PL = "mes tes tes ses ses nos vos leurs".split()
SUF_AR = ["ي", "ك", "كِ", "ه", "ها", "نا", "كم", "هم"]
BE_EN = {"i": "am", "you_m": "are", "you_f": "are", "he": "is", "she": "is", "we": "are", "you_pl": "are",
         "they": "are"}
HAVE_EN = {p: ("has" if p in ("he", "she") else "have") for p in PERSONS}


def T(en: str, fr: str, ar: str) -> Triple:
    return Triple(en, fr, ar, DOMAIN)


def fin_en(text: str, mark: str = ".") -> str:
    text = capitalise(" ".join(text.split()))
    return text if (mark == "." and text.endswith(".")) else text + mark


def fin_fr(text: str, mark: str = ".") -> str:
    text = capitalise(fr_elide(" ".join(text.split())))
    return text + (" " + mark if mark in "?!;:" else mark)


def fin_ar(text: str, mark: str = ".") -> str:
    return " ".join(text.split()) + {"?": "؟", ".": ".", "!": "!"}[mark]


# ---------------------------------------------------------------- subjects


class Subj:
    """A grammatical subject: a person of the verb tables, with optional explicit words (a name)."""

    def __init__(self, p: str, en: str | None = None, fr: str | None = None, ar: str | None = None,
                 fem: bool | None = None):
        self.p = p
        self.i = IDX[p]
        self.en = en or SUBJECT_EN[p]
        self.fr = fr or SUBJECT_FR[p]
        self.ar = ar
        self.fem = fem if fem is not None else p in ("you_f", "she")
        self.third = p in ("he", "she")


NAMES_M = [("Karim", "كريم"), ("Omar", "عمر"), ("Youssef", "يوسف"), ("Thomas", "توماس"), ("Paul", "بول"),
           ("Adam", "آدم"), ("Hugo", "هوغو"), ("Samir", "سمير"), ("Nabil", "نبيل"), ("Louis", "لويس")]
NAMES_F = [("Sarah", "سارة"), ("Nadia", "نادية"), ("Amina", "أمينة"), ("Marie", "ماري"), ("Léa", "ليا"),
           ("Yasmine", "ياسمين"), ("Julie", "جولي"), ("Salma", "سلمى"), ("Leila", "ليلى"), ("Emma", "إيما")]
FAMILY = [Subj("he", "my son", "mon fils", "ابني"), Subj("she", "my daughter", "ma fille", "ابنتي"),
          Subj("he", "my father", "mon père", "أبي"), Subj("she", "my mother", "ma mère", "أمي"),
          Subj("she", "my sister", "ma sœur", "أختي"), Subj("he", "my grandfather", "mon grand-père", "جدي")]


def name_subj(rng: random.Random, fem: bool) -> Subj:
    en, ar = rng.choice(NAMES_F if fem else NAMES_M)
    return Subj("she" if fem else "he", en, en, ar, fem)


def subjects(rng: random.Random, persons=("i", "you", "he", "she", "we", "they"), names: int = 2,
             family: int = 0) -> list[Subj]:
    """Pronoun subjects (one reading of "you" only, so English stays unambiguous) plus a few named ones."""
    out = []
    for p in persons:
        if p == "you":
            p = rng.choice(("you_m", "you_f", "you_pl"))
        out.append(Subj(p))
    for k in range(names):
        out.append(name_subj(rng, k % 2 == 1))
    for _ in range(family):
        out.append(rng.choice(FAMILY))
    return out


def you(rng: random.Random) -> Subj:
    return Subj(rng.choice(("you_m", "you_f", "you_pl")))


# ---------------------------------------------------------------- verbs


def ar_present(stem: str) -> list[str]:
    if " " in stem:
        return stem.split()
    return ["أ" + stem, "ت" + stem, "ت" + stem + "ين", "ي" + stem, "ت" + stem, "ن" + stem, "ت" + stem + "ون",
            "ي" + stem + "ون"]


def ar_past(stem: str) -> list[str]:
    if " " in stem:
        return stem.split()
    return [stem + "ت", stem + "ت", stem + "تِ", stem, stem + "ت", stem + "نا", stem + "تم", stem + "وا"]


def ar_subjunctive(pres: list[str]) -> list[str]:
    out = list(pres)
    out[2] = out[2][:-2] + "ي" if out[2].endswith("ين") else out[2]
    for k in (6, 7):
        out[k] = out[k][:-2] + "وا" if out[k].endswith("ون") else out[k]
    return out


class Verb:
    def __init__(self, en: str, fr_pres: str, fr_pp: str, fr_fut: str, fr_inf: str, ar_pres: str,
                 ar_pst: str, ar_jus: str | None = None, etre: bool = False, refl: bool = False,
                 agree: bool = True):
        self.en = en.split("|")  # base, 3sg, past, participle, -ing
        self.fr_pres = fr_pres.split()
        self.fr_pp = fr_pp
        self.fr_fut = fr_fut
        self.fr_inf = fr_inf
        self.ar_pres = ar_present(ar_pres)
        self.ar_past = ar_past(ar_pst)
        self.ar_subj = ar_subjunctive(self.ar_pres)
        self.ar_jus = ar_jus.split() if ar_jus else self.ar_subj
        self.etre = etre
        self.refl = refl
        self.agree = agree


PRENDRE = ("prends prends prend prenons prenez prennent", "pris", "prendr", "prendre")
FAIRE = ("fais fais fait faisons faites font", "fait", "fer", "faire")
NAM = ("أنام تنام تنامين ينام تنام ننام تنامون ينامون", "نمت نمت نمتِ نام نامت نمنا نمتم ناموا",
       "أنم تنم تنامي ينم تنم ننم تناموا يناموا")

DRINK = Verb("drink|drinks|drank|drunk|drinking", "bois bois boit buvons buvez boivent", "bu", "boir", "boire",
             "شرب", "شرب")
TAKE = Verb("take|takes|took|taken|taking", *PRENDRE, "تناول", "تناول")
WALK = Verb("walk|walks|walked|walked|walking", "marche marches marche marchons marchez marchent", "marché",
            "marcher", "marcher", "أمشي تمشي تمشين يمشي تمشي نمشي تمشون يمشون",
            "مشيت مشيت مشيتِ مشى مشت مشينا مشيتم مشوا", "أمش تمش تمشي يمش تمش نمش تمشوا يمشوا")
GO = Verb("go|goes|went|gone|going", "vais vas va allons allez vont", "allé", "ir", "aller", "ذهب", "ذهب",
          etre=True)
SEE = Verb("see|sees|saw|seen|seeing", "vois vois voit voyons voyez voient", "vu", "verr", "voir", "راجع",
           "راجع")
EAT = Verb("eat|eats|ate|eaten|eating", "mange manges mange mangeons mangez mangent", "mangé", "manger",
           "manger", "آكل تأكل تأكلين يأكل تأكل نأكل تأكلون يأكلون", "أكلت أكلت أكلتِ أكل أكلت أكلنا أكلتم أكلوا")
EXERCISE = Verb("exercise|exercises|exercised|exercised|exercising", *FAIRE, "مارس", "مارس")
BED = Verb("go|goes|went|gone|going", "couche couches couche couchons couchez couchent", "couché", "coucher",
           "{se} coucher", *NAM, refl=True)
REST = Verb("rest|rests|rested|rested|resting", "repose reposes repose reposons reposez reposent", "reposé",
            "reposer", "{se} reposer", "أرتاح ترتاح ترتاحين يرتاح ترتاح نرتاح ترتاحون يرتاحون",
            "ارتحت ارتحت ارتحتِ ارتاح ارتاحت ارتحنا ارتحتم ارتاحوا", "أرتح ترتح ترتاحي يرتح ترتح نرتح ترتاحوا يرتاحوا",
            refl=True)
BRUSH = Verb("brush|brushes|brushed|brushed|brushing", "brosse brosses brosse brossons brossez brossent",
             "brossé", "brosser", "{se} brosser", "نظف", "نظف", refl=True, agree=False)
RUN = Verb("run|runs|ran|run|running", "cours cours court courons courez courent", "couru", "courr", "courir",
           "ركض", "ركض")
SWIM = Verb("swim|swims|swam|swum|swimming", "nage nages nage nageons nagez nagent", "nagé", "nager", "nager",
            "سبح", "سبح")
MAKE = Verb("make|makes|made|made|making", *PRENDRE, "حجز", "حجز")
CALL = Verb("call|calls|called|called|calling", "appelle appelles appelle appelons appelez appellent",
            "appelé", "appeller", "appeler", "تصل", "اتصل")
STOP = Verb("stop|stops|stopped|stopped|stopping", "arrête arrêtes arrête arrêtons arrêtez arrêtent",
            "arrêté", "arrêter", "arrêter", "توقف", "توقف")
RIDE = Verb("ride|rides|rode|ridden|riding", *FAIRE, "ركب", "ركب")
CHARGE = Verb("charge|charges|charged|charged|charging",
              "charge charges charge chargeons chargez chargent", "chargé", "charger",
              "charger", "شحن", "شحن")
CHECK = Verb("check|checks|checked|checked|checking",
             "consulte consultes consulte consultons consultez consultent", "consulté", "consulter",
             "consulter", "تفقد", "تفقد")
UPDATE = Verb("update|updates|updated|updated|updating", "mets mets met mettons mettez mettent", "mis",
              "mettr", "mettre", "حدث", "حدث")
SEND = Verb("send|sends|sent|sent|sending", "envoie envoies envoie envoyons envoyez envoient", "envoyé",
            "enverr", "envoyer", "رسل", "أرسل")
PRINT = Verb("print|prints|printed|printed|printing", "imprime imprimes imprime imprimons imprimez impriment",
             "imprimé", "imprimer", "imprimer", "طبع", "طبع")
CHANGE = Verb("change|changes|changed|changed|changing", "change changes change changeons changez changent",
              "changé", "changer", "changer", "غير", "غير")
RESTART = Verb("restart|restarts|restarted|restarted|restarting",
               "redémarre redémarres redémarre redémarrons redémarrez redémarrent", "redémarré", "redémarrer",
               "redémarrer", "أعيد تعيد تعيدين يعيد تعيد نعيد تعيدون يعيدون",
               "أعدت أعدت أعدتِ أعاد أعادت أعدنا أعدتم أعادوا", "أعد تعد تعيدي يعد تعد نعد تعيدوا يعيدوا")
BACKUP = Verb("back|backs|backed|backed|backing",
              "sauvegarde sauvegardes sauvegarde sauvegardons sauvegardez sauvegardent", "sauvegardé",
              "sauvegarder", "sauvegarder", "حفظ", "حفظ")
DOWNLOAD = Verb("download|downloads|downloaded|downloaded|downloading",
                "télécharge télécharges télécharge téléchargeons téléchargez téléchargent", "téléchargé",
                "télécharger", "télécharger", "حمل", "حمل")
TURNOFF = Verb("turn|turns|turned|turned|turning", "éteins éteins éteint éteignons éteignez éteignent",
               "éteint", "éteindr", "éteindre", "أطفئ تطفئ تطفئين يطفئ تطفئ نطفئ تطفئون يطفئون",
               "أطفأت أطفأت أطفأتِ أطفأ أطفأت أطفأنا أطفأتم أطفؤوا")
PHOTO = Verb("take|takes|took|taken|taking", *PRENDRE, "لتقط", "التقط")
READ = Verb("read|reads|read|read|reading", "lis lis lit lisons lisez lisent", "lu", "lir", "lire",
            "أقرأ تقرأ تقرئين يقرأ تقرأ نقرأ تقرؤون يقرؤون", "قرأت قرأت قرأتِ قرأ قرأت قرأنا قرأتم قرؤوا")
CONNECT = Verb("connect|connects|connected|connected|connecting",
               "connecte connectes connecte connectons connectez connectent", "connecté", "connecter",
               "{se} connecter", "تصل", "اتصل", refl=True)
DELETE = Verb("delete|deletes|deleted|deleted|deleting",
              "supprime supprimes supprime supprimons supprimez suppriment", "supprimé", "supprimer",
              "supprimer", "حذف", "حذف")
ANSWER = Verb("answer|answers|answered|answered|answering", "réponds réponds répond répondons répondez répondent",
              "répondu", "répondr", "répondre", "أرد ترد تردين يرد ترد نرد تردون يردون",
              "رددت رددت رددتِ رد ردت رددنا رددتم ردوا")
WRITE = Verb("write|writes|wrote|written|writing", "écris écris écrit écrivons écrivez écrivent", "écrit",
             "écrir", "écrire", "كتب", "كتب")
WATCH = Verb("watch|watches|watched|watched|watching", "regarde regardes regarde regardons regardez regardent",
             "regardé", "regarder", "regarder", "شاهد", "شاهد")
FEEL = Verb("feel|feels|felt|felt|feeling", "sens sens sent sentons sentez sentent", "senti", "sentir",
            "{se} sentir", "شعر", "شعر", refl=True)
RECEIVE = Verb("receive|receives|received|received|receiving", "reçois reçois reçoit recevons recevez reçoivent",
               "reçu", "recevr", "recevoir", "أتلقى تتلقى تتلقين يتلقى تتلقى نتلقى تتلقون يتلقون",
               "تلقيت تلقيت تلقيتِ تلقى تلقت تلقينا تلقيتم تلقوا", "أتلق تتلق تتلقي يتلق تتلق نتلق تتلقوا يتلقوا")


# ---------------------------------------------------------------- verb phrases and clause building


class VP:
    """A verb with its object/complement in the three languages; placeholders refer to the subject:
    English ``{poss}``; French ``{pm}`` ``{pf}`` ``{pp}`` (possessive for a masculine, feminine, plural noun);
    Arabic: a word ending in ``+`` takes the possessive suffix of the subject."""

    def __init__(self, verb: Verb, en: str, fr: str, ar: str, fr_neg: str | None = None, hab: str = "D",
                 no: str = "", morning: bool = False, night: bool = False):
        self.v = verb
        self.en, self.fr, self.ar = en, fr, ar
        self.fr_neg = fr_neg
        self.hab = hab
        self.no = set(no.split())
        self.morning = morning
        self.night = night


def en_fill(text: str, s: Subj) -> str:
    return text.replace("{poss}", POSS_EN[s.p])


def fr_fill(text: str, s: Subj) -> str:
    i = s.i
    return (text.replace("{pm}", POSS_FR_M[i]).replace("{pf}", POSS_FR_F[i]).replace("{pp}", POSS_FR_PL[i])
            .replace("{se}", SE[i]))


def ar_fill(text: str, s: Subj | None) -> str:
    out = []
    for w in text.split(" "):
        if w.endswith("+"):
            w = w[:-1]
            if s is None:
                pass
            else:
                if w.endswith("ة"):
                    w = w[:-1] + "ت"
                w += SUF_AR[s.i]
        out.append(w)
    return " ".join(out)


def ar_strip(text: str) -> str:
    return text.replace("+", "")


def en_clause(s: Subj, vp: VP, form: str) -> str:
    b, s3, past, pp, ing = vp.v.en
    th = s.third
    w = {"pres": s3 if th else b, "pres_neg": ("doesn't " if th else "don't ") + b, "past": past,
         "past_neg": "didn't " + b, "fut": "will " + b, "fut_neg": "won't " + b}[form]
    return _j(s.en, w, en_fill(vp.en, s))


def fr_obj(s: Subj, vp: VP, neg: bool) -> str:
    return fr_fill(vp.fr_neg if (neg and vp.fr_neg) else vp.fr, s)


def fr_agr(s: Subj) -> str:
    return ("e" if s.fem else "") + ("s" if s.p in ("we", "you_pl", "they") else "")


def fr_clause(s: Subj, vp: VP, form: str) -> str:
    v = vp.v
    neg = form.endswith("neg")
    ne, pas = (["ne"], ["pas"]) if neg else ([], [])
    se = [SE[s.i]] if v.refl else []
    if form.startswith("past"):
        etre = v.etre or v.refl
        aux = (ETRE if etre else AVOIR)[s.i]
        pp = v.fr_pp + (fr_agr(s) if etre and v.agree else "")
        words = [s.fr] + ne + se + [aux] + pas + [pp]
    elif form.startswith("fut"):
        words = [s.fr] + ne + se + [v.fr_fut + FUT_END[s.i]] + pas
    else:
        words = [s.fr] + ne + se + [v.fr_pres[FR6[s.p]]] + pas
    return " ".join(words + [fr_obj(s, vp, neg)])


def fr_inf(s: Subj, vp: VP, neg: bool = False) -> str:
    return fr_fill(vp.v.fr_inf, s) + " " + fr_obj(s, vp, neg)


def ar_join(s: Subj, verb: str, rest: str, svo: bool) -> str:
    if s.ar is None:
        return f"{verb} {rest}"
    if svo:
        return f"{s.ar} {verb} {rest}"
    return f"{verb} {s.ar} {rest}"


def ar_clause(s: Subj, vp: VP, form: str, svo: bool | None = None) -> str:
    v, i = vp.v, s.i
    verb, default_svo = {
        "pres": (v.ar_pres[i], True), "pres_neg": ("لا " + v.ar_pres[i], True),
        "past": (v.ar_past[i], False), "past_neg": ("لم " + v.ar_jus[i], False),
        "fut": ("س" + v.ar_pres[i], True), "fut_neg": ("لن " + v.ar_subj[i], False)}[form]
    return ar_join(s, verb, ar_fill(vp.ar, s), default_svo if svo is None else svo)


def ar_subj_clause(s: Subj, vp: VP) -> str:
    return ar_join(s, vp.v.ar_subj[s.i], ar_fill(vp.ar, s), False)


# ---------------------------------------------------------------- time expressions

HAB = {
    "D": [("every day", "tous les jours", "كل يوم"), ("every morning", "tous les matins", "كل صباح"),
          ("every evening", "tous les soirs", "كل مساء")],
    "W": [("twice a week", "deux fois par semaine", "مرتين في الأسبوع"),
          ("on weekends", "le week-end", "في عطلة نهاية الأسبوع"),
          ("every Saturday", "tous les samedis", "كل يوم سبت")],
    "R": [("every month", "tous les mois", "كل شهر"), ("once a year", "une fois par an", "مرة في السنة"),
          ("regularly", "régulièrement", "بانتظام")],
}
PAST = [("yesterday", "hier", "أمس"), ("two days ago", "il y a deux jours", "قبل يومين"),
        ("on Monday", "lundi", "يوم الاثنين"), ("on Saturday", "samedi", "يوم السبت"),
        ("last week", "la semaine dernière", "الأسبوع الماضي")]
PAST_MORNING = [("this morning", "ce matin", "هذا الصباح")]
PAST_NIGHT = [("last night", "hier soir", "مساء أمس")]
FUT = [("tomorrow", "demain", "غدًا"), ("next week", "la semaine prochaine", "الأسبوع القادم"),
       ("on Monday", "lundi", "يوم الاثنين"), ("on Saturday", "samedi", "يوم السبت"),
       ("this weekend", "ce week-end", "في عطلة نهاية هذا الأسبوع")]
FUT_NIGHT = [("tonight", "ce soir", "الليلة")]
FUT_DAY = [("this afternoon", "cet après-midi", "بعد ظهر اليوم")]
NOW = [("today", "aujourd'hui", "اليوم"), ("right now", "en ce moment", "الآن"),
       ("this week", "cette semaine", "هذا الأسبوع")]
NONE = [("", "", "")]


def hab_times(vp: VP):
    return [t for k in vp.hab for t in HAB[k]]


def past_times(vp: VP):
    return PAST + (PAST_MORNING if vp.morning else []) + (PAST_NIGHT if vp.night else [])


def fut_times(vp: VP):
    return FUT + (FUT_NIGHT if vp.night else []) + (FUT_DAY if vp.morning else [])


# ---------------------------------------------------------------- verb phrases of the two domains

HEALTH_VPS = [
    VP(DRINK, "plenty of water", "beaucoup d'eau", "الكثير من الماء", hab="D", no="just prog", morning=True),
    VP(TAKE, "{poss} medicine", "{pp} médicaments", "أدوية+", hab="D", morning=True, night=True),
    VP(TAKE, "vitamins", "des vitamines", "الفيتامينات", fr_neg="de vitamines", hab="D", morning=True),
    VP(WALK, "for thirty minutes", "pendant trente minutes", "ثلاثين دقيقة", hab="D", no="prog", morning=True),
    VP(GO, "to the gym", "à la salle de sport", "إلى النادي الرياضي", hab="W", no="just prog", morning=True,
       night=True),
    VP(SEE, "the doctor", "le médecin", "الطبيب", hab="R", no="prog", morning=True),
    VP(BED, "to bed early", "tôt", "مبكرًا", hab="W", no="just prog", night=True),
    VP(EAT, "vegetables", "des légumes", "الخضار", fr_neg="de légumes", hab="D", no="just"),
    VP(EAT, "fruit", "des fruits", "الفاكهة", fr_neg="de fruits", hab="D", no="just"),
    VP(EXERCISE, "", "du sport", "الرياضة", fr_neg="de sport", hab="DW", morning=True),
    VP(REST, "after lunch", "après le déjeuner", "بعد الغداء", hab="W", no="just prog"),
    VP(BRUSH, "{poss} teeth", "les dents", "أسنان+", hab="D", morning=True, night=True),
    VP(RUN, "in the park", "dans le parc", "في الحديقة", hab="DW", morning=True),
    VP(SWIM, "at the pool", "à la piscine", "في المسبح", hab="W", morning=True),
    VP(MAKE, "an appointment with the dentist", "rendez-vous chez le dentiste", "موعدًا مع طبيب الأسنان",
       hab="", no="prog", morning=True),
    VP(CALL, "the doctor", "le médecin", "بالطبيب", hab="", morning=True),
    VP(GO, "to the pharmacy", "à la pharmacie", "إلى الصيدلية", hab="R", no="just prog", morning=True),
    VP(STOP, "smoking", "de fumer", "عن التدخين", hab="",
       no="prog just dont_forget q_past when past past_neg fut fut_neg going forgot pres_neg"),
    VP(RIDE, "{poss} bike", "du vélo", "دراجة+", fr_neg="de vélo", hab="W", no="just", morning=True),
    VP(EAT, "less sugar", "moins de sucre", "كمية أقل من السكر", hab="",
       no="prog just q_past when past past_neg forgot fut_neg pres_neg"),
]

TECH_VPS = [
    VP(CHARGE, "{poss} phone", "{pm} téléphone", "هاتف+", hab="D", morning=True, night=True),
    VP(CHARGE, "{poss} laptop", "{pm} ordinateur portable", "حاسوب+ المحمول", hab="D", morning=True, night=True),
    VP(CHECK, "{poss} emails", "{pp} e-mails", "بريد+ الإلكتروني", hab="D", morning=True, night=True),
    VP(UPDATE, "the app", "à jour l'application", "التطبيق", hab="", morning=True, night=True),
    VP(UPDATE, "{poss} computer", "à jour {pm} ordinateur", "نظام حاسوب+", hab="R", morning=True),
    VP(SEND, "a message to {poss} sister", "un message à {pf} sœur", "رسالة إلى أخت+",
       fr_neg="de message à {pf} sœur", hab="D", morning=True, night=True),
    VP(SEND, "the photos to {poss} friends", "les photos à {pp} amis", "الصور إلى أصدقائ+", hab="",
       morning=True, night=True),
    VP(PRINT, "the documents", "les documents", "المستندات", hab="", morning=True),
    VP(PRINT, "the report for the meeting", "le rapport pour la réunion", "تقرير الاجتماع", hab="",
       morning=True),
    VP(CHANGE, "{poss} password", "{pm} mot de passe", "كلمة مرور+", hab="R", morning=True),
    VP(RESTART, "{poss} computer", "{pm} ordinateur", "تشغيل حاسوب+", hab="", morning=True, night=True),
    VP(BACKUP, "up {poss} files", "{pp} fichiers", "نسخة احتياطية من ملفات+", hab="W", morning=True),
    VP(DOWNLOAD, "the update", "la mise à jour", "التحديث", hab="", morning=True, night=True),
    VP(TURNOFF, "off {poss} computer", "{pm} ordinateur", "حاسوب+", hab="D", night=True),
    VP(CALL, "{poss} mother", "{pf} mère", "بأم+", hab="D", morning=True, night=True),
    VP(PHOTO, "photos with {poss} phone", "des photos avec {pm} téléphone", "صورًا بهاتف+",
       fr_neg="de photos avec {pm} téléphone", hab="W", no="just", morning=True),
    VP(READ, "the news on {poss} phone", "les actualités sur {pm} téléphone", "الأخبار على هاتف+", hab="D",
       morning=True),
    VP(CONNECT, "to the Wi-Fi", "au wifi", "بشبكة الواي فاي", hab="", no="prog", morning=True, night=True),
    VP(DELETE, "{poss} old photos", "{pp} vieilles photos", "صور+ القديمة", hab="", morning=True),
    VP(ANSWER, "the phone", "au téléphone", "على الهاتف", hab="", no="just", morning=True, night=True),
    VP(WRITE, "an email to {poss} teacher", "un e-mail à {pm} professeur", "رسالة إلكترونية إلى أستاذ+",
       fr_neg="d'e-mail à {pm} professeur", hab="", morning=True, night=True),
    VP(WATCH, "videos on {poss} tablet", "des vidéos sur {pf} tablette", "مقاطع فيديو على جهاز+ اللوحي",
       fr_neg="de vidéos sur {pf} tablette", hab="D", no="just", night=True),
]


def _j(*parts: str) -> str:
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------- generic sentence patterns


def pat_hab(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "hab" in vp.no:
            continue
        for t in hab_times(vp):
            for s in subjects(rng):
                out.append(T(fin_en(_j(en_clause(s, vp, "pres"), t[0])), fin_fr(_j(fr_clause(s, vp, "pres"), t[1])),
                             fin_ar(_j(ar_clause(s, vp, "pres"), t[2]))))
    return out


def pat_pres_neg(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "pres_neg" in vp.no:
            continue
        for t in [x for x in hab_times(vp) if x[0] != "once a year"] or NONE:
            for s in subjects(rng, names=1, family=1):
                out.append(T(fin_en(_j(en_clause(s, vp, "pres_neg"), t[0])),
                             fin_fr(_j(fr_clause(s, vp, "pres_neg"), t[1])),
                             fin_ar(_j(ar_clause(s, vp, "pres_neg"), t[2]))))
    return out


def pat_tense(vps, seed, form):
    rng, out = random.Random(seed), []
    for vp in vps:
        if form in vp.no or form.split("_")[0] in vp.no:
            continue
        times = past_times(vp) if form.startswith("past") else fut_times(vp)
        for t in times:
            for s in subjects(rng, names=2, family=1):
                out.append(T(fin_en(_j(en_clause(s, vp, form), t[0])), fin_fr(_j(fr_clause(s, vp, form), t[1])),
                             fin_ar(_j(ar_clause(s, vp, form), t[2]))))
    return out


def pat_q_past(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "q_past" in vp.no:
            continue
        for t in past_times(vp) + NONE:
            for s in subjects(rng, persons=("you", "you", "he", "she", "they"), names=2, family=1):
                b = vp.v.en[0]
                en = f"Did {s.en} {b} {en_fill(vp.en, s)} {t[0]}"
                fr = "Est-ce que " + _j(fr_clause(s, vp, "past"), t[1])
                ar = "هل " + _j(ar_clause(s, vp, "past"), t[2])
                out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


def pat_q_fut(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "fut" in vp.no:
            continue
        for t in fut_times(vp):
            for s in subjects(rng, persons=("you", "you", "he", "she", "we", "they"), names=2):
                en = f"Will {s.en} {vp.v.en[0]} {en_fill(vp.en, s)} {t[0]}"
                fr = "Est-ce que " + _j(fr_clause(s, vp, "fut"), t[1])
                ar = "هل " + _j(ar_clause(s, vp, "fut", svo=False), t[2])
                out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


def pat_when(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "when" in vp.no:
            continue
        for s in subjects(rng, persons=("you", "you", "you", "he", "she", "they"), names=4, family=2):
            en = f"When did {s.en} last {vp.v.en[0]} {en_fill(vp.en, s)}"
            fr = "Quand est-ce que " + fr_clause(s, vp, "past") + " pour la dernière fois"
            ar = "متى كانت آخر مرة " + ar_join(s, vp.v.ar_past[s.i] + " فيها", ar_fill(vp.ar, s), False)
            out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


MODALS = {
    # key: (en per person, fr per person (6), ar per person (8) + "أن" or None, name position)
    "must": ({p: ("has to" if p in ("he", "she") else "have to") for p in PERSONS},
             "dois dois doit devons devez doivent".split(), None),
    "should": ({p: "should" for p in PERSONS}, "devrais devrais devrait devrions devriez devraient".split(), None),
    "want": ({p: ("wants to" if p in ("he", "she") else "want to") for p in PERSONS},
             "veux veux veut voulons voulez veulent".split(),
             "أريد تريد تريدين يريد تريد نريد تريدون يريدون".split()),
    "cant": ({p: "can't" for p in PERSONS}, "peux peux peut pouvons pouvez peuvent".split(),
             "أستطيع تستطيع تستطيعين يستطيع تستطيع نستطيع تستطيعون يستطيعون".split()),
    "going": ({p: BE_EN[p] + " going to" for p in PERSONS}, "vais vas va allons allez vont".split(), None),
}


def pat_modal(vps, seed, key, times_fn):
    rng, out = random.Random(seed), []
    en_m, fr_m, ar_m = MODALS[key]
    for vp in vps:
        if key in vp.no:
            continue
        for t in times_fn(vp):
            for s in subjects(rng, names=1, family=1):
                en = _j(s.en, en_m[s.p], vp.v.en[0], en_fill(vp.en, s), t[0])
                if key == "cant":
                    fr = _j(s.fr, "ne", fr_m[FR6[s.p]], "pas", fr_inf(s, vp, neg=True), t[1])
                else:
                    fr = _j(s.fr, fr_m[FR6[s.p]], fr_inf(s, vp), t[1])
                subj_v = vp.v.ar_subj[s.i]
                obj = ar_fill(vp.ar, s)
                if key == "must":
                    ar = _j("يجب أن", ar_join(s, subj_v, obj, False), t[2])
                elif key == "should":
                    ar = _j("ينبغي أن", ar_join(s, subj_v, obj, False), t[2])
                elif key == "going":
                    ar = _j(ar_join(s, "سوف " + vp.v.ar_pres[s.i], obj, True), t[2])
                elif key == "want":
                    ar = _j(ar_join(s, ar_m[s.i] + " أن " + subj_v, obj, True), t[2])
                else:
                    ar = _j(ar_join(s, "لا " + ar_m[s.i] + " أن " + subj_v, obj, True), t[2])
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


NASI = "نسيت نسيت نسيتِ نسي نسيت نسينا نسيتم نسوا".split()
VENIR = "viens viens vient venons venez viennent".split()


def pat_forgot(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "forgot" in vp.no:
            continue
        for t in past_times(vp) + NONE:
            for s in subjects(rng, names=2, family=1):
                en = _j(s.en, "forgot to", vp.v.en[0], en_fill(vp.en, s), t[0])
                fr = _j(s.fr, AVOIR[s.i], "oublié de", fr_inf(s, vp), t[1])
                ar = _j(ar_join(s, NASI[s.i], "أن " + vp.v.ar_subj[s.i] + " " + ar_fill(vp.ar, s), False), t[2])
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


def pat_just(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "just" in vp.no:
            continue
        for s in subjects(rng, names=4, family=3):
            en = _j(s.en, HAVE_EN[s.p], "just", vp.v.en[3], en_fill(vp.en, s))
            fr = _j(s.fr, VENIR[FR6[s.p]], "de", fr_inf(s, vp))
            ar = _j(ar_clause(s, vp, "past"), "للتو")
            out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


def pat_prog(vps, seed):
    rng, out = random.Random(seed), []
    etre6 = "suis es est sommes êtes sont".split()
    for vp in vps:
        if "prog" in vp.no:
            continue
        for s in subjects(rng, persons=("i", "you", "he", "she", "we", "they", "you"), names=2, family=2):
            be = BE_EN[s.p]
            if s.p.startswith("you") and rng.random() < 0.5:
                en = fin_en(_j(be, s.en, vp.v.en[4], en_fill(vp.en, s), "right now"), "?")
                fr = fin_fr(_j("Est-ce que", s.fr, etre6[FR6[s.p]], "en train de", fr_inf(s, vp)), "?")
                ar = fin_ar(_j("هل", ar_clause(s, vp, "pres"), "الآن"), "?")
            else:
                en = fin_en(_j(s.en, be, vp.v.en[4], en_fill(vp.en, s), "right now"))
                fr = fin_fr(_j(s.fr, etre6[FR6[s.p]], "en train de", fr_inf(s, vp)))
                ar = fin_ar(_j(ar_clause(s, vp, "pres"), "الآن"))
            out.append(T(en, fr, ar))
    return out


VOCATIVES = {
    "you_m": [(n, n, "يا " + a) for n, a in NAMES_M[:6]],
    "you_f": [(n, n, "يا " + a) for n, a in NAMES_F[:6]],
    "you_pl": [("Children", "Les enfants", "يا أطفال"), ("Dear colleagues", "Chers collègues", "أيها الزملاء"),
               ("Everyone", "Tout le monde", "يا جماعة")],
}


def pat_could(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "could" in vp.no:
            continue
        for t in (fut_times(vp) if "fut" not in vp.no else []) + NONE + [("please", "s'il te plaît", "من فضلك")]:
            for _ in range(3):
                s = you(rng)
                tfr = t[1]
                if s.p == "you_pl" and tfr == "s'il te plaît":
                    tfr = "s'il vous plaît"
                pr = "Pourriez-vous" if s.p == "you_pl" else "Pourrais-tu"
                can = {"you_m": "يمكنك", "you_f": "يمكنكِ", "you_pl": "يمكنكم"}[s.p]
                en = _j("Could you", vp.v.en[0], en_fill(vp.en, s)) + (", please" if t[0] == "please" else
                                                                        (" " + t[0] if t[0] else ""))
                fr = _j(pr, fr_inf(s, vp)) + (", " + tfr if t[0] == "please" else (" " + tfr if tfr else ""))
                ar = _j("هل", can, "أن", vp.v.ar_subj[s.i], ar_fill(vp.ar, s)) + (
                    "، " + t[2] if t[0] == "please" else (" " + t[2] if t[2] else ""))
                out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


def pat_dont_forget(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "dont_forget" in vp.no:
            continue
        times = (fut_times(vp) if "fut" not in vp.no else []) + NONE
        for t in times:
            for _ in range(3):
                s = you(rng)
                voc = rng.choice(VOCATIVES[s.p] + [None])
                fr_neg = "n'oubliez pas de" if s.p == "you_pl" else "n'oublie pas de"
                ar_neg = {"you_m": "لا تنس", "you_f": "لا تنسي", "you_pl": "لا تنسوا"}[s.p]
                en = _j("don't forget to", vp.v.en[0], en_fill(vp.en, s), t[0])
                fr = _j(fr_neg, fr_inf(s, vp), t[1])
                ar = _j(ar_neg, "أن", vp.v.ar_subj[s.i], ar_fill(vp.ar, s), t[2])
                if voc:
                    en, fr, ar = f"{voc[0]}, {en}", f"{voc[1]}, {fr}", f"{voc[2]}، {ar}"
                out.append(T(fin_en(en, "!"), fin_fr(fr, "!"), fin_ar(ar, "!")))
    return out


def pat_why_not(vps, seed):
    rng, out = random.Random(seed), []
    for vp in vps:
        if "why_not" in vp.no:
            continue
        for t in [x for x in hab_times(vp) if x[0] != "once a year"] + NONE:
            for s in subjects(rng, persons=("you", "you", "he", "she", "we", "they"), names=2):
                do = "doesn't" if s.third else "don't"
                en = _j("Why", do, s.en, vp.v.en[0], en_fill(vp.en, s), t[0])
                fr = _j("Pourquoi est-ce que", fr_clause(s, vp, "pres_neg"), t[1])
                ar = _j("لماذا", ar_clause(s, vp, "pres_neg", svo=False), t[2])
                out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


def generic_generators(vps, base):
    gens = [
        lambda: pat_hab(vps, base + 1),
        lambda: pat_pres_neg(vps, base + 2),
        lambda: pat_tense(vps, base + 3, "past"),
        lambda: pat_tense(vps, base + 4, "past_neg"),
        lambda: pat_tense(vps, base + 5, "fut"),
        lambda: pat_tense(vps, base + 6, "fut_neg"),
        lambda: pat_q_past(vps, base + 7),
        lambda: pat_q_fut(vps, base + 8),
        lambda: pat_when(vps, base + 9),
        lambda: pat_modal(vps, base + 10, "must", lambda vp: NONE + ([] if "fut" in vp.no else FUT[:2]) + [NOW[0]]),
        lambda: pat_modal(vps, base + 11, "should", lambda vp: NONE + (hab_times(vp) or FUT[:2])),
        lambda: pat_modal(vps, base + 12, "want", lambda vp: NONE + FUT),
        lambda: pat_modal(vps, base + 13, "cant", lambda vp: NONE + NOW),
        lambda: pat_modal(vps, base + 14, "going",
                          lambda vp: [] if "fut" in vp.no else fut_times(vp)),
        lambda: pat_forgot(vps, base + 15),
        lambda: pat_just(vps, base + 16),
        lambda: pat_prog(vps, base + 17),
        lambda: pat_could(vps, base + 18),
        lambda: pat_dont_forget(vps, base + 19),
        lambda: pat_why_not(vps, base + 20),
    ]
    return gens


# ---------------------------------------------------------------- specific templates: health

# body part: en, French "à + article" form, Arabic noun, Arabic gender (m, f, p = non-human plural, d = dual)
PARTS = [("head", "à la tête", "رأس", "m"), ("back", "au dos", "ظهر", "m"), ("stomach", "au ventre", "بطن", "m"),
         ("throat", "à la gorge", "حلق", "m"), ("neck", "au cou", "رقبة", "f"),
         ("shoulder", "à l'épaule", "كتف", "m"), ("knee", "au genou", "ركبة", "f"), ("arm", "au bras", "ذراع", "f"),
         ("leg", "à la jambe", "ساق", "f"), ("foot", "au pied", "قدم", "f"), ("ear", "à l'oreille", "أذن", "f"),
         ("chest", "à la poitrine", "صدر", "m"), ("wrist", "au poignet", "معصم", "m"),
         ("hand", "à la main", "يد", "f"), ("teeth", "aux dents", "أسنان", "p"), ("eyes", "aux yeux", "عينا", "d")]
HURT_AR = {"m": "يؤلم", "f": "تؤلم", "p": "تؤلم", "d": "تؤلمان"}
OBJ_SUF = {"i": "ني", "you_m": "ك", "you_f": "كِ", "he": "ه", "she": "ها"}


def ar_possessed(noun: str, g: str, p: str) -> str:
    if g == "d":
        return noun + ("ي" if p == "i" else SUF_AR[IDX[p]])
    if noun.endswith("ة"):
        noun = noun[:-1] + "ت"
    return noun + SUF_AR[IDX[p]]


def tpl_pain():
    rng, out = random.Random(101), []
    mods = [("", "", "", "", ""), ("a lot", "", "très", "كثيرًا", ""), ("a little", "", "un peu", "قليلًا", ""),
            ("", "since yesterday", "depuis hier", "منذ أمس", "since"),
            ("", "since this morning", "depuis ce matin", "منذ الصباح", "since"),
            ("", "for three days", "depuis trois jours", "منذ ثلاثة أيام", "since"),
            ("", "since Monday", "depuis lundi", "منذ يوم الاثنين", "since")]
    for en_part, fr_a, ar_n, g in PARTS:
        pl = g in ("p", "d")
        for adv, since, fr_mod, ar_mod, kind in mods:
            subs = [Subj("i"), Subj("he"), Subj("she"), name_subj(rng, False), name_subj(rng, True),
                    rng.choice(FAMILY), you(rng) if True else None]
            for s in subs:
                if s.p == "you_pl":
                    s = Subj(rng.choice(("you_m", "you_f")))
                fr_mal = ("un peu mal" if fr_mod == "un peu" else "très mal" if fr_mod == "très" else "mal")
                fr_tail = fr_mod if kind == "since" else ""
                q = s.p.startswith("you")
                if s.ar is not None:
                    owner_en = s.en + "'s"
                    ar_subj = ar_n + " " + s.ar
                else:
                    owner_en = POSS_EN[s.p]
                    ar_subj = ar_possessed(ar_n, g, s.p)
                verb = HURT_AR[g] + OBJ_SUF[s.p]
                if g == "d":
                    verb = HURT_AR[g] + ("ني" if s.p == "i" else OBJ_SUF[s.p])
                if q:
                    if kind == "since":
                        en = f"{'Have' if pl else 'Has'} your {en_part} been hurting {since}"
                    else:
                        en = _j("Do" if pl else "Does", "your", en_part, "hurt", adv)
                    fr = _j("Est-ce que", s.fr, "as", fr_mal, fr_a, fr_tail)
                    ar = _j("هل", verb, ar_subj, ar_mod)
                    out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
                    continue
                if kind == "since":
                    en = _j(owner_en, en_part, "have" if pl else "has", "been hurting", since)
                else:
                    en = _j(owner_en, en_part, "hurt" if pl else "hurts", adv)
                fr = _j(s.fr, "a" if s.p != "i" else "ai", fr_mal, fr_a, fr_tail)
                ar = _j(ar_subj, verb, ar_mod)
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


# symptom: en, fr (after "avoir"), fr after a negation, ar, ar gender
SYMPTOMS = [("a fever", "de la fièvre", "de fièvre", "حمى", "f"), ("a cough", "de la toux", "de toux", "سعال", "m"),
            ("a cold", "un rhume", "de rhume", "زكام", "m"),
            ("a headache", "mal à la tête", "mal à la tête", "صداع", "m"),
            ("a sore throat", "mal à la gorge", "mal à la gorge", "التهاب في الحلق", "m"),
            ("the flu", "la grippe", "la grippe", "إنفلونزا", "f"),
            ("a stomach ache", "mal au ventre", "mal au ventre", "ألم في البطن", "m"),
            ("a toothache", "mal aux dents", "mal aux dents", "ألم في الأسنان", "m"),
            ("a runny nose", "le nez qui coule", "le nez qui coule", "سيلان في الأنف", "m"),
            ("a rash", "des boutons", "de boutons", "طفح جلدي", "m"),
            ("nausea", "des nausées", "de nausées", "غثيان", "m"),
            ("an earache", "mal aux oreilles", "mal aux oreilles", "ألم في الأذن", "m")]
INDA = ["عندي", "عندك", "عندكِ", "عنده", "عندها", "عندنا", "عندكم", "عندهم"]
AVOIR6 = "ai as a avons avez ont".split()


def inda(s: Subj) -> str:
    return "عند " + s.ar if s.ar else INDA[s.i]


def tpl_symptoms():
    rng, out = random.Random(102), []
    forms = ["pres", "since", "past", "anymore", "q"]
    for en_s, fr_s, fr_n, ar_s, g in SYMPTOMS:
        kana = "كانت" if g == "f" else "كان"
        lam = "لم تعد" if g == "f" else "لم يعد"
        for form in forms:
            subs = subjects(rng, persons=("i", "you", "he", "she", "we", "they"), names=2, family=2)
            if form == "q":
                subs = [you(rng), Subj("he"), Subj("she"), name_subj(rng, True), name_subj(rng, False),
                        rng.choice(FAMILY)]
            for s in subs:
                av = AVOIR6[FR6[s.p]]
                if form == "pres":
                    t = rng.choice([("", "", ""), ("today", "aujourd'hui", "اليوم")])
                    en = _j(s.en, HAVE_EN[s.p], en_s, t[0])
                    fr = _j(s.fr, av, fr_s, t[1])
                    ar = _j(inda(s), ar_s, t[2])
                elif form == "since":
                    t = rng.choice([("since yesterday", "depuis hier", "منذ أمس"),
                                    ("since Sunday", "depuis dimanche", "منذ يوم الأحد"),
                                    ("for two days", "depuis deux jours", "منذ يومين"),
                                    ("for a week", "depuis une semaine", "منذ أسبوع")])
                    en = _j(s.en, HAVE_EN[s.p], "had", en_s, t[0])
                    fr = _j(s.fr, av, fr_s, t[1])
                    ar = _j(inda(s), ar_s, t[2])
                elif form == "past":
                    t = rng.choice(PAST)
                    en = _j(s.en, "had", en_s, t[0])
                    fr = _j(s.fr, AVOIR[s.i], "eu", fr_s, t[1])
                    ar = _j(kana, inda(s), ar_s, t[2])
                elif form == "anymore":
                    en = _j(s.en, "doesn't" if s.third else "don't", "have", en_s, "anymore")
                    fr = _j(s.fr, "ne", av, "plus", fr_n)
                    ar = _j(lam, inda(s), ar_s)
                else:
                    if s.third:
                        en = _j("Does", s.en, "have", en_s)
                    else:
                        en = _j("Do", s.en, "have", en_s)
                    fr = _j("Est-ce que", s.fr, av, fr_s)
                    ar = _j("هل", inda(s), ar_s)
                    out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
                    continue
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


def tpl_how_long():
    rng, out = random.Random(103), []
    inv = {"you_m": "as-tu", "you_f": "as-tu", "you_pl": "avez-vous", "he": "a-t-il", "she": "a-t-elle",
           "they": "ont-ils"}
    for en_s, fr_s, _, ar_s, _ in SYMPTOMS:
        for s in [you(rng), you(rng), Subj("he"), Subj("she"), Subj("they"), name_subj(rng, True),
                  name_subj(rng, False), rng.choice(FAMILY)]:
            if s.ar is None:
                en = _j("How long", "has" if s.third else "have", s.en, "had", en_s)
                fr = _j("Depuis quand", inv[s.p], fr_s)
            else:
                en = _j("How long has", s.en, "had", en_s)
                fr = _j("Depuis quand", s.fr, "a-t-elle" if s.fem else "a-t-il", fr_s)
            ar = _j("منذ متى", inda(s), ar_s)
            out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


# dose units: en sg/pl, fr sg/pl, fr gender, ar: one, two, plural (3-10), gender of the Arabic noun
UNITS = [("tablet", "tablets", "comprimé", "comprimés", "m", "قرصًا واحدًا", "قرصين", "أقراص", "m"),
         ("capsule", "capsules", "gélule", "gélules", "f", "كبسولة واحدة", "كبسولتين", "كبسولات", "f"),
         ("spoonful of syrup", "spoonfuls of syrup", "cuillère de sirop", "cuillères de sirop", "f",
          "ملعقة واحدة من الشراب", "ملعقتين من الشراب", "ملاعق من الشراب", "f"),
         ("drop", "drops", "goutte", "gouttes", "f", "قطرة واحدة", "قطرتين", "قطرات", "f")]
NUM_EN = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
NUM_FR = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}
NUM_AR_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة"}
NUM_AR_F = {3: "ثلاث", 4: "أربع", 5: "خمس"}
FREQS = [("once a day", "une fois par jour", "مرة واحدة في اليوم"),
         ("twice a day", "deux fois par jour", "مرتين في اليوم"),
         ("three times a day", "trois fois par jour", "ثلاث مرات في اليوم"),
         ("every eight hours", "toutes les huit heures", "كل ثماني ساعات"),
         ("in the morning and in the evening", "matin et soir", "صباحًا ومساءً"),
         ("after each meal", "après chaque repas", "بعد كل وجبة"),
         ("before breakfast", "avant le petit-déjeuner", "قبل الفطور"),
         ("before going to bed", "avant de se coucher", "قبل النوم")]


def dose(n: int, u) -> tuple[str, str, str]:
    en_sg, en_pl, fr_sg, fr_pl, fr_g, one, two, pl, g = u
    en = f"{NUM_EN[n]} {en_sg if n == 1 else en_pl}"
    fr_num = "une" if (n == 1 and fr_g == "f") else NUM_FR[n]
    fr = f"{fr_num} {fr_sg if n == 1 else fr_pl}"
    if n == 1:
        ar = one
    elif n == 2:
        ar = two
    else:
        ar = (NUM_AR_M if g == "m" else NUM_AR_F)[n] + " " + pl
    return en, fr, ar


def tpl_dose():
    rng, out = random.Random(104), []
    take_imp = {"you_m": ("Prends", "تناول"), "you_f": ("Prends", "تناولي"), "you_pl": ("Prenez", "تناولوا")}
    for u in UNITS:
        for n in (1, 2, 3, 4, 5):
            if u[0] != "drop" and n > 3:
                continue
            for fq in FREQS:
                d_en, d_fr, d_ar = dose(n, u)
                if "bed" in fq[0]:
                    fq_fr_self = fq[1]
                else:
                    fq_fr_self = fq[1]
                # third person: has to take
                s = rng.choice([name_subj(rng, True), name_subj(rng, False), rng.choice(FAMILY), Subj("he"),
                                Subj("she"), Subj("i"), Subj("we")])
                has = {"i": "have to", "we": "have to"}.get(s.p, "has to")
                fr_dev = {"i": "dois", "we": "devons"}.get(s.p, "doit")
                fqf = fq_fr_self.replace("de se coucher", "de " + SE[s.i] + " coucher")
                en = _j(s.en, has, "take", d_en, fq[0])
                fr = _j(s.fr, fr_dev, "prendre", d_fr, fqf)
                ar = _j("يجب أن", ar_join(s, TAKE.ar_subj[s.i], d_ar, False), fq[2])
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
                # imperative to one reading of "you"
                y = you(rng)
                fr_imp, ar_imp = take_imp[y.p]
                fqf = fq[1].replace("de se coucher", "de " + SE[y.i] + " coucher")
                pol = rng.choice([("", "", ""), ("Please", "", "من فضلك")])
                en = _j(pol[0], "take", d_en, fq[0])
                fr = _j(fr_imp, d_fr, fqf)
                ar = _j(ar_imp, d_ar, fq[2])
                if pol[0]:
                    fr += ", s'il vous plaît" if y.p == "you_pl" else ", s'il te plaît"
                    ar += "، من فضلك"
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


DOCTORS = [("the dentist", "le dentiste", "طبيب الأسنان"), ("the eye doctor", "l'ophtalmologue", "طبيب العيون"),
           ("the doctor", "le médecin", "الطبيب"),
           ("the physiotherapist", "le kinésithérapeute", "أخصائي العلاج الطبيعي"),
           ("the dermatologist", "le dermatologue", "طبيب الجلدية"),
           ("the paediatrician", "le pédiatre", "طبيب الأطفال"), ("the cardiologist", "le cardiologue", "طبيب القلب")]
DAYS = [("on Monday", "lundi", "يوم الاثنين", "for Monday", "pour lundi", "ليوم الاثنين"),
        ("on Tuesday", "mardi", "يوم الثلاثاء", "for Tuesday", "pour mardi", "ليوم الثلاثاء"),
        ("on Wednesday", "mercredi", "يوم الأربعاء", "for Wednesday", "pour mercredi", "ليوم الأربعاء"),
        ("on Thursday", "jeudi", "يوم الخميس", "for Thursday", "pour jeudi", "ليوم الخميس"),
        ("on Friday", "vendredi", "يوم الجمعة", "for Friday", "pour vendredi", "ليوم الجمعة"),
        ("tomorrow", "demain", "غدًا", "for tomorrow", "pour demain", "ليوم غد")]
HOURS = [("at 9 a.m.", "à 9 h", "في الساعة 9 صباحًا"), ("at 10:30 a.m.", "à 10 h 30", "في الساعة 10:30 صباحًا"),
         ("at 2 p.m.", "à 14 h", "في الساعة 2 بعد الظهر"), ("at 4:15 p.m.", "à 16 h 15", "في الساعة 4:15 بعد الظهر"),
         ("at 6 p.m.", "à 18 h", "في الساعة 6 مساءً"), ("at 11 a.m.", "à 11 h", "في الساعة 11 صباحًا")]
WOULD_FR = "voudrais voudrais voudrait voudrions voudriez voudraient".split()
WOULD_AR = "أود تود تودين يود تود نود تودون يودون".split()
IDTURR = "اضطررت اضطررت اضطررتِ اضطر اضطرت اضطررنا اضطررتم اضطروا".split()


def tpl_appointment():
    rng, out = random.Random(105), []
    for d_en, d_fr, d_ar in DOCTORS:
        for day in DAYS:
            for h in HOURS:
                s = rng.choice(subjects(rng, names=2, family=2))
                en = _j(s.en, HAVE_EN[s.p], "an appointment with", d_en, day[0], h[0])
                fr = _j(s.fr, AVOIR6[FR6[s.p]], "rendez-vous chez", d_fr, day[1], h[1])
                ar = _j(inda(s), "موعد مع", d_ar, day[2], h[2])
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


def tpl_appointment2():
    rng, out = random.Random(106), []
    reasons = [("", "", ""), ("because of work", "à cause du travail", "بسبب العمل"),
               ("because of the strike", "à cause de la grève", "بسبب الإضراب")]
    for d_en, d_fr, d_ar in DOCTORS:
        for day in DAYS:
            for s in subjects(rng, names=1, family=1)[:5]:
                en = _j(s.en, "would like to make an appointment with", d_en, day[3])
                fr = _j(s.fr, WOULD_FR[FR6[s.p]], "prendre rendez-vous chez", d_fr, day[4])
                ar = _j(ar_join(s, WOULD_AR[s.i] + " أن " + MAKE.ar_subj[s.i], "موعدًا مع " + d_ar, True), day[5])
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
        for r in reasons:
            for s in subjects(rng, names=2, family=1):
                en = _j(s.en, "had to cancel", POSS_EN[s.p], "appointment with", d_en, r[0])
                fr = _j(s.fr, AVOIR[s.i], "dû annuler", POSS_FR_M[s.i], "rendez-vous chez", d_fr, r[1])
                ar = _j(ar_join(s, IDTURR[s.i], "إلى إلغاء " + ar_fill("موعد+", s) + " مع " + d_ar, False), r[2])
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


# hospital places: en, fr, fr gender/number (m, f, fpl), ar, ar gender (m, f, p)
PLACES = [("the emergency room", "les urgences", "fpl", "قسم الطوارئ", "m"),
          ("the pharmacy", "la pharmacie", "f", "الصيدلية", "f"),
          ("the waiting room", "la salle d'attente", "f", "غرفة الانتظار", "f"),
          ("the lift", "l'ascenseur", "m", "المصعد", "m"),
          ("the reception desk", "l'accueil", "m", "مكتب الاستقبال", "m"),
          ("the radiology department", "le service de radiologie", "m", "قسم الأشعة", "m"),
          ("the laboratory", "le laboratoire", "m", "المختبر", "m"),
          ("the cafeteria", "la cafétéria", "f", "الكافتيريا", "f"),
          ("the maternity ward", "la maternité", "f", "قسم الولادة", "m"),
          ("the children's ward", "le service de pédiatrie", "m", "قسم الأطفال", "m"),
          ("the toilets", "les toilettes", "fpl", "دورات المياه", "p"),
          ("room 12", "la chambre 12", "f", "الغرفة 12", "f"),
          ("room 25", "la chambre 25", "f", "الغرفة 25", "f")]
FLOORS = [("on the ground floor", "au rez-de-chaussée", "في الطابق الأرضي"),
          ("on the first floor", "au premier étage", "في الطابق الأول"),
          ("on the second floor", "au deuxième étage", "في الطابق الثاني"),
          ("on the third floor", "au troisième étage", "في الطابق الثالث"),
          ("on the fourth floor", "au quatrième étage", "في الطابق الرابع")]


def tpl_hospital():
    rng, out = random.Random(107), []
    for en_p, fr_p, fg, ar_p, ag in PLACES:
        pl_en = en_p == "the toilets"
        est = "sont" if fg == "fpl" else "est"
        pron = {"m": "il", "f": "elle", "fpl": "elles"}[fg]
        for k, fl in enumerate(FLOORS):
            fl2 = FLOORS[(k + 1 + rng.randrange(len(FLOORS) - 1)) % len(FLOORS)]
            out.append(T(fin_en(_j(en_p, "are" if pl_en else "is", fl[0])), fin_fr(_j(fr_p, est, fl[1])),
                         fin_ar(_j(ar_p, fl[2]))))
            out.append(T(fin_en(_j("Are" if pl_en else "Is", en_p, fl[0]), "?"),
                         fin_fr(_j("Est-ce que", fr_p, est, fl[1]), "?"), fin_ar(_j("هل", ar_p, fl[2]), "?")))
            laysa = "ليس" if ag == "m" else "ليست"
            en = _j(en_p, "aren't" if pl_en else "isn't", fl[0] + ",", "they're" if pl_en else "it's", fl2[0])
            fr = _j(fr_p, "ne", est, "pas", fl[1] + ",", pron, est, fl2[1])
            ar = _j(laysa, ar_p, fl[2] + "،", "بل", fl2[2])
            out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
        for pre in [("Excuse me, where", "Excusez-moi, où", "عفوًا، أين"), ("Where", "Où", "أين"),
                    ("Could you tell me where", "Pourriez-vous me dire où", "هل يمكنك أن تقول لي أين")]:
            if pre[0].startswith("Could"):
                en = _j(pre[0], en_p, "are" if pl_en else "is")
                fr = _j(pre[1], "se trouve" if fg != "fpl" else "se trouvent", fr_p)
                ar = _j(pre[2], ar_p)
            else:
                en = _j(pre[0], "are" if pl_en else "is", en_p)
                fr = _j(pre[1], "sont" if fg == "fpl" else "est", fr_p)
                ar = _j(pre[2], ar_p)
            out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


FEELINGS = [("tired", "fatigué", "fatiguée", "fatigués", "fatiguées", "بالتعب"),
            ("sick", "malade", "malade", "malades", "malades", "بالمرض"),
            ("weak", "faible", "faible", "faibles", "faibles", "بالضعف"),
            ("much better", "beaucoup mieux", "beaucoup mieux", "beaucoup mieux", "beaucoup mieux", "بتحسن كبير"),
            ("a little better", "un peu mieux", "un peu mieux", "un peu mieux", "un peu mieux", "بتحسن بسيط"),
            ("stressed", "stressé", "stressée", "stressés", "stressées", "بالتوتر"),
            ("exhausted", "épuisé", "épuisée", "épuisés", "épuisées", "بإرهاق شديد"),
            ("relaxed", "détendu", "détendue", "détendus", "détendues", "بالاسترخاء"),
            ("dizzy", "étourdi", "étourdie", "étourdis", "étourdies", "بالدوار")]
SENT_IMPF = "sentais sentais sentait sentions sentiez sentaient".split()


def fr_adj(f, s: Subj) -> str:
    plural = s.p in ("we", "you_pl", "they")
    return f[1 + (1 if s.fem else 0) + (2 if plural else 0)]


def tpl_feel():
    rng, out = random.Random(108), []
    pres_t = [("today", "aujourd'hui", "اليوم"), ("this morning", "ce matin", "هذا الصباح"),
              ("after work", "après le travail", "بعد العمل"), ("", "", "")]
    past_t = [("yesterday", "hier", "أمس"), ("last night", "hier soir", "مساء أمس"),
              ("after the match", "après le match", "بعد المباراة")]
    for f in FEELINGS:
        for form in ("pres", "since", "past", "q"):
            times = {"pres": pres_t, "since": [("since yesterday", "depuis hier", "منذ أمس"),
                                               ("for a week", "depuis une semaine", "منذ أسبوع")],
                     "past": past_t, "q": pres_t}[form]
            for t in times:
                subs = ([you(rng), Subj("he"), Subj("she"), name_subj(rng, True)] if form == "q"
                        else subjects(rng, names=1, family=1))
                for s in subs:
                    adj = fr_adj(f, s)
                    if form == "pres":
                        en = en_clause(s, VP(FEEL, f[0], "", ""), "pres") + " " + t[0]
                        fr = _j(s.fr, SE[s.i], FEEL.fr_pres[FR6[s.p]], adj, t[1])
                        ar = _j(ar_join(s, FEEL.ar_pres[s.i], f[5], True), t[2])
                    elif form == "since":
                        en = _j(s.en, HAVE_EN[s.p], "been feeling", f[0], t[0])
                        fr = _j(s.fr, SE[s.i], FEEL.fr_pres[FR6[s.p]], adj, t[1])
                        ar = _j(ar_join(s, FEEL.ar_pres[s.i], f[5], True), t[2])
                    elif form == "past":
                        en = _j(s.en, "felt", f[0], t[0])
                        fr = _j(s.fr, SE[s.i], SENT_IMPF[FR6[s.p]], adj, t[1])
                        ar = _j(ar_join(s, FEEL.ar_past[s.i], f[5], False), t[2])
                    else:
                        en = _j("Does" if s.third else "Do", s.en, "feel", f[0], t[0])
                        fr = _j("Est-ce que", s.fr, SE[s.i], FEEL.fr_pres[FR6[s.p]], adj, t[1])
                        ar = _j("هل", ar_join(s, FEEL.ar_pres[s.i], f[5], False), t[2])
                        out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
                        continue
                    out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


# exercise with numbers: verb, en unit sg/pl, fr unit pl, ar plural (3-10), ar singular accusative (11-99)
def ar_count(n: int, pl: str, sg_acc: str) -> str:
    return f"{n} {pl}" if 3 <= n <= 10 else f"{n} {sg_acc}"


def tpl_exercise_numbers():
    rng, out = random.Random(109), []
    acts = [(WALK, "kilometres", "kilomètres", "كيلومترات", "كيلومترًا", (3, 4, 5, 6, 8, 10, 12, 15)),
            (RUN, "kilometres", "kilomètres", "كيلومترات", "كيلومترًا", (3, 5, 7, 10, 12, 15, 20, 21)),
            (SWIM, "minutes", "minutes", "دقائق", "دقيقة", (10, 15, 20, 25, 30, 40, 45)),
            (WALK, "minutes", "minutes", "دقائق", "دقيقة", (10, 15, 20, 30, 40, 45, 50)),
            (RUN, "minutes", "minutes", "دقائق", "دقيقة", (10, 15, 20, 30, 35, 40, 45)),
            (BED, "hours", "heures", "ساعات", "ساعة", (4, 5, 6, 7, 8, 9, 10, 11, 12))]
    for v, u_en, u_fr, pl, sg, nums in acts:
        for n in nums:
            num_ar = ar_count(n, pl, sg)
            if v is BED:
                vp = VP(Verb("sleep|sleeps|slept|slept|sleeping", "dors dors dort dormons dormez dorment",
                             "dormi", "dormir", "dormir", *NAM), f"for {n} hours", f"{n} heures", num_ar)
                pt = [("last night", "cette nuit", "الليلة الماضية"), ("on Sunday", "dimanche", "يوم الأحد")]
                ht = [("every night", "toutes les nuits", "كل ليلة")]
            else:
                en_obj = f"{n} {u_en}" if u_en == "kilometres" else f"for {n} minutes"
                fr_obj = f"{n} {u_fr}" if u_en == "kilometres" else f"pendant {n} minutes"
                vp = VP(v, en_obj, fr_obj, num_ar)
                pt = [("yesterday", "hier", "أمس"), ("this morning", "ce matin", "هذا الصباح"),
                      ("on Sunday", "dimanche", "يوم الأحد")]
                ht = [("every day", "tous les jours", "كل يوم"), ("every morning", "tous les matins", "كل صباح")]
            for s in subjects(rng, persons=("i", "he", "she", "we", "they", "you"), names=2, family=1):
                form = rng.choice(["past", "past", "pres"] + ([] if v is BED else ["fut"]))
                t = rng.choice({"past": pt, "pres": ht, "fut": [("tomorrow", "demain", "غدًا")]}[form])
                out.append(T(fin_en(_j(en_clause(s, vp, form), t[0])), fin_fr(_j(fr_clause(s, vp, form), t[1])),
                             fin_ar(_j(ar_clause(s, vp, form), t[2]))))
    return out


# "Is there a ... near here?"
AMENITIES = [("a pharmacy", "une pharmacie", "de pharmacie", "صيدلية", "f"),
             ("a hospital", "un hôpital", "d'hôpital", "مستشفى", "m"),
             ("a clinic", "une clinique", "de clinique", "عيادة", "f"),
             ("a gym", "une salle de sport", "de salle de sport", "صالة رياضية", "f"),
             ("a swimming pool", "une piscine", "de piscine", "مسبح", "m"),
             ("a phone shop", "un magasin de téléphones", "de magasin de téléphones", "متجر هواتف", "m"),
             ("a computer repair shop", "un réparateur d'ordinateurs", "de réparateur d'ordinateurs",
              "محل لتصليح الحواسيب", "m"),
             ("a dentist", "un dentiste", "de dentiste", "طبيب أسنان", "m"),
             ("an internet café", "un cybercafé", "de cybercafé", "مقهى إنترنت", "m"),
             ("a pharmacy open at night", "une pharmacie ouverte la nuit", "de pharmacie ouverte la nuit",
              "صيدلية مفتوحة في الليل", "f")]
NEAR = [("near here", "près d'ici", "بالقرب من هنا"), ("near the station", "près de la gare", "بالقرب من المحطة"),
        ("in this street", "dans cette rue", "في هذا الشارع"),
        ("in this neighbourhood", "dans ce quartier", "في هذا الحي"),
        ("near the university", "près de l'université", "بالقرب من الجامعة"),
        ("in the town centre", "au centre-ville", "في وسط المدينة"),
        ("near the hotel", "près de l'hôtel", "بالقرب من الفندق")]


def tpl_is_there():
    out = []
    for en_a, fr_a, fr_n, ar_a, g in AMENITIES:
        yujad = "توجد" if g == "f" else "يوجد"
        for en_l, fr_l, ar_l in NEAR:
            out.append(T(fin_en(_j("Is there", en_a, en_l), "?"), fin_fr(_j("Est-ce qu'il y a", fr_a, fr_l), "?"),
                         fin_ar(_j("هل", yujad, ar_a, ar_l), "?")))
            out.append(T(fin_en(_j("There is", en_a, en_l)), fin_fr(_j("Il y a", fr_a, fr_l)),
                         fin_ar(_j(yujad, ar_a, ar_l))))
            out.append(T(fin_en(_j("There isn't", en_a, en_l)), fin_fr(_j("Il n'y a pas", fr_n, fr_l)),
                         fin_ar(_j("لا", yujad, ar_a, ar_l))))
    return out


# ---------------------------------------------------------------- specific templates: phones and computers

# nouns for adjective sentences: en sg, en pl, fr sg, fr pl, fr gender, fr starts with a vowel sound,
# ar definite sg, ar definite pl, ar definite dual, ar gender, human, category
NOUNS = [
    ("phone", "phones", "téléphone", "téléphones", "m", False, "الهاتف", "الهواتف", "الهاتفان", "m", False, "dev"),
    ("computer", "computers", "ordinateur", "ordinateurs", "m", True, "الحاسوب", "الحواسيب", "الحاسوبان", "m",
     False, "dev"),
    ("laptop", "laptops", "ordinateur portable", "ordinateurs portables", "m", True, "الحاسوب المحمول",
     "الحواسيب المحمولة", "الحاسوبان المحمولان", "m", False, "dev"),
    ("tablet", "tablets", "tablette", "tablettes", "f", False, "الجهاز اللوحي", "الأجهزة اللوحية",
     "الجهازان اللوحيان", "m", False, "dev"),
    ("printer", "printers", "imprimante", "imprimantes", "f", True, "الطابعة", "الطابعات", "الطابعتان", "f",
     False, "dev"),
    ("screen", "screens", "écran", "écrans", "m", True, "الشاشة", "الشاشات", "الشاشتان", "f", False, "screen"),
    ("keyboard", "keyboards", "clavier", "claviers", "m", False, "لوحة المفاتيح", "لوحات المفاتيح",
     "لوحتا المفاتيح", "f", False, "kb"),
    ("charger", "chargers", "chargeur", "chargeurs", "m", False, "الشاحن", "الشواحن", "الشاحنان", "m", False,
     "acc"),
    ("battery", "batteries", "batterie", "batteries", "f", False, "البطارية", "البطاريات", "البطاريتان", "f",
     False, "acc"),
    ("room", "rooms", "chambre", "chambres", "f", False, "الغرفة", "الغرف", "الغرفتان", "f", False, "room"),
    ("bed", "beds", "lit", "lits", "m", False, "السرير", "الأسرّة", "السريران", "m", False, "bed"),
    ("hospital", "hospitals", "hôpital", "hôpitaux", "m", True, "المستشفى", "المستشفيات", "المستشفيان", "m",
     False, "room"),
    ("medicine", "medicines", "médicament", "médicaments", "m", False, "الدواء", "الأدوية", "الدواءان", "m",
     False, "med"),
    ("doctor", "doctors", "médecin", "médecins", "m", False, "الطبيب", "الأطباء", "الطبيبان", "m", True, "hum"),
    ("nurse", "nurses", "infirmière", "infirmières", "f", True, "الممرضة", "الممرضات", "الممرضتان", "f", True,
     "hum"),
]
# adjectives: en, fr m/f/mpl/fpl, ar m, ar f, ar human m pl, ar human f pl, ar m acc indefinite, ar m dual,
# ar f dual, categories
ADJS = [
    ("new", "nouveau", "nouvelle", "nouveaux", "nouvelles", "جديد", "جديدة", "جدد", "جديدات", "جديدًا",
     "جديدان", "جديدتان", "dev screen kb acc room bed hum"),
    ("old", "vieux", "vieille", "vieux", "vieilles", "قديم", "قديمة", None, None, "قديمًا", "قديمان", "قديمتان",
     "dev screen kb acc room bed"),
    ("expensive", "cher", "chère", "chers", "chères", "باهظ الثمن", "باهظة الثمن", None, None, "باهظ الثمن",
     "باهظا الثمن", "باهظتا الثمن", "dev screen med"),
    ("slow", "lent", "lente", "lents", "lentes", "بطيء", "بطيئة", None, None, "بطيئًا", "بطيئان", "بطيئتان",
     "dev"),
    ("fast", "rapide", "rapide", "rapides", "rapides", "سريع", "سريعة", None, None, "سريعًا", "سريعان",
     "سريعتان", "dev"),
    ("broken", "cassé", "cassée", "cassés", "cassées", "مكسور", "مكسورة", None, None, "مكسورًا", "مكسوران",
     "مكسورتان", "dev screen kb acc bed"),
    ("heavy", "lourd", "lourde", "lourds", "lourdes", "ثقيل", "ثقيلة", None, None, "ثقيلًا", "ثقيلان",
     "ثقيلتان", "dev"),
    ("light", "léger", "légère", "légers", "légères", "خفيف", "خفيفة", None, None, "خفيفًا", "خفيفان",
     "خفيفتان", "dev kb"),
    ("big", "grand", "grande", "grands", "grandes", "كبير", "كبيرة", None, None, "كبيرًا", "كبيران", "كبيرتان",
     "screen room bed"),
    ("small", "petit", "petite", "petits", "petites", "صغير", "صغيرة", None, None, "صغيرًا", "صغيران",
     "صغيرتان", "screen room bed dev"),
    ("clean", "propre", "propre", "propres", "propres", "نظيف", "نظيفة", None, None, "نظيفًا", "نظيفان",
     "نظيفتان", "room bed kb screen"),
    ("quiet", "calme", "calme", "calmes", "calmes", "هادئ", "هادئة", None, None, "هادئًا", "هادئان", "هادئتان",
     "room"),
    ("comfortable", "confortable", "confortable", "confortables", "confortables", "مريح", "مريحة", None, None,
     "مريحًا", "مريحان", "مريحتان", "room bed kb"),
    ("effective", "efficace", "efficace", "efficaces", "efficaces", "فعال", "فعالة", None, None, "فعالًا",
     "فعالان", "فعالتان", "med"),
    ("kind", "gentil", "gentille", "gentils", "gentilles", "لطيف", "لطيفة", "لطفاء", "لطيفات", "لطيفًا",
     "لطيفان", "لطيفتان", "hum"),
    ("busy", "occupé", "occupée", "occupés", "occupées", "مشغول", "مشغولة", "مشغولون", "مشغولات", "مشغولًا",
     "مشغولان", "مشغولتان", "hum"),
    ("tired", "fatigué", "fatiguée", "fatigués", "fatiguées", "متعب", "متعبة", "متعبون", "متعبات", "متعبًا",
     "متعبان", "متعبتان", "hum"),
    ("dirty", "sale", "sale", "sales", "sales", "متسخ", "متسخة", None, None, "متسخًا", "متسخان", "متسختان",
     "room kb screen"),
    ("full", "plein", "pleine", "pleins", "pleines", "ممتلئ", "ممتلئة", None, None, "ممتلئًا", "ممتلئان",
     "ممتلئتان", "acc"),
]
ADJ_ACC_HUM_PL = {"مشغولون": "مشغولين", "متعبون": "متعبين"}
DEGREE = [("", "", ""), ("very", "très", "جدًا"), ("a bit", "un peu", "بعض الشيء"), ("too", "trop", "أكثر من اللازم")]
POSITIVE = ("fast", "light", "clean", "quiet", "comfortable", "effective", "kind")


def degree_ok(adj, deg) -> bool:
    if adj[0] in ("new", "broken", "full"):
        return deg[0] == ""
    if adj[0] in POSITIVE:
        return deg[0] in ("", "very")
    return True


def compatible(noun, adj) -> bool:
    if adj[0] == "full":
        return noun[0] == "hospital"
    if noun[0] == "battery":
        return adj[0] in ("new", "old")
    return noun[11] in adj[12].split()


def fr_def(noun, plural: bool) -> str:
    if plural:
        return "les " + noun[3]
    return ("le " if noun[4] == "m" else "la ") + noun[2]


def fr_dem(noun, plural: bool) -> str:
    if plural:
        return "ces " + noun[3]
    if noun[4] == "f":
        return "cette " + noun[2]
    return ("cet " if noun[5] else "ce ") + noun[2]


def fr_a(adj, noun, plural: bool) -> str:
    return adj[1 + (1 if noun[4] == "f" else 0) + (2 if plural else 0)]


def ar_a(adj, noun, plural: bool) -> str:
    fem = noun[9] == "f"
    if plural:
        if noun[10]:
            return adj[8] if fem else adj[7]
        return adj[6]
    return adj[6] if fem else adj[5]


def tpl_adj_sg():
    rng, out = random.Random(110), []
    for n in NOUNS:
        for a in ADJS:
            if not compatible(n, a):
                continue
            for deg in DEGREE:
                if not degree_ok(a, deg):
                    continue
                kind = rng.choice(["the", "this", "q", "not", "the"])
                adj_en = _j(deg[0], a[0])
                adj_fr = _j(deg[1], fr_a(a, n, False))
                adj_ar = _j(ar_a(a, n, False), deg[2])
                if kind == "the":
                    out.append(T(fin_en(_j("the", n[0], "is", adj_en)), fin_fr(_j(fr_def(n, False), "est", adj_fr)),
                                 fin_ar(_j(n[6], adj_ar))))
                elif kind == "this":
                    dem = "هذه" if n[9] == "f" else "هذا"
                    out.append(T(fin_en(_j("this", n[0], "is", adj_en)), fin_fr(_j(fr_dem(n, False), "est", adj_fr)),
                                 fin_ar(_j(dem, n[6], adj_ar))))
                elif kind == "q":
                    out.append(T(fin_en(_j("is the", n[0], adj_en), "?"),
                                 fin_fr(_j("Est-ce que", fr_def(n, False), "est", adj_fr), "?"),
                                 fin_ar(_j("هل", n[6], adj_ar), "?")))
                else:
                    if deg[0] in ("too", "a bit"):
                        continue
                    laysa = "ليست" if n[9] == "f" else "ليس"
                    acc = ar_a(a, n, False) if n[9] == "f" else a[9]
                    out.append(T(fin_en(_j("the", n[0], "isn't", adj_en)),
                                 fin_fr(_j(fr_def(n, False), "n'est pas", adj_fr)),
                                 fin_ar(_j(laysa, n[6], acc, deg[2]))))
    return out


def tpl_adj_pl():
    rng, out = random.Random(111), []
    for n in NOUNS:
        for a in ADJS:
            if not compatible(n, a) or (n[10] and a[7] is None):
                continue
            for deg in DEGREE[:3]:
                if not degree_ok(a, deg):
                    continue
                kind = rng.choice(["the", "these", "not", "dual", "dual"])
                adj_en = _j(deg[0], a[0])
                adj_fr = _j(deg[1], fr_a(a, n, True))
                if kind == "dual":
                    dual = a[11] if n[9] == "f" else a[10]
                    out.append(T(fin_en(_j("the two", n[1], "are", adj_en)),
                                 fin_fr(_j("les deux", n[3], "sont", adj_fr)), fin_ar(_j(n[8], dual, deg[2]))))
                    continue
                adj_ar = _j(ar_a(a, n, True), deg[2])
                if kind == "the":
                    out.append(T(fin_en(_j("the", n[1], "are", adj_en)), fin_fr(_j(fr_def(n, True), "sont", adj_fr)),
                                 fin_ar(_j(n[7], adj_ar))))
                elif kind == "these":
                    dem = "هؤلاء" if n[10] else "هذه"
                    out.append(T(fin_en(_j("these", n[1], "are", adj_en)),
                                 fin_fr(_j(fr_dem(n, True), "sont", adj_fr)), fin_ar(_j(dem, n[7], adj_ar))))
                else:
                    if deg[0] == "a bit":
                        continue
                    if n[10]:
                        if n[9] == "m" and a[7] not in ADJ_ACC_HUM_PL:
                            continue
                        laysa = "ليس" if n[9] == "m" else "ليست"
                        acc = ADJ_ACC_HUM_PL.get(a[7], a[8]) if n[9] == "m" else a[8]
                    else:
                        laysa, acc = "ليست", a[6]
                    out.append(T(fin_en(_j("the", n[1], "aren't", adj_en)),
                                 fin_fr(_j(fr_def(n, True), "ne sont pas", adj_fr)),
                                 fin_ar(_j(laysa, n[7], acc, deg[2]))))
    return out


# countable tech items: en pl, fr pl, fr gender, ar plural (3-10), ar singular accusative (11-99), ar sg (kam)
ITEMS = [("messages", "messages", "m", "رسائل", "رسالة"), ("emails", "e-mails", "m", "رسائل إلكترونية",
                                                         "رسالة إلكترونية"),
         ("files", "fichiers", "m", "ملفات", "ملفًا"), ("photos", "photos", "f", "صور", "صورة"),
         ("missed calls", "appels manqués", "m", "مكالمات فائتة", "مكالمة فائتة"),
         ("notifications", "notifications", "f", "إشعارات", "إشعارًا"),
         ("voice messages", "messages vocaux", "m", "رسائل صوتية", "رسالة صوتية")]
NUMS = (3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50)
RECV_TIMES = [("this morning", "ce matin", "هذا الصباح"), ("today", "aujourd'hui", "اليوم"),
              ("yesterday", "hier", "أمس"), ("last night", "hier soir", "مساء أمس"),
              ("in an hour", "en une heure", "خلال ساعة"), ("since Monday", "depuis lundi", "منذ يوم الاثنين")]


def tpl_counts():
    rng, out = random.Random(112), []
    for en_i, fr_i, fg, ar_pl, ar_sg in ITEMS:
        for n in NUMS:
            t = rng.choice(RECV_TIMES)
            s = rng.choice(subjects(rng, names=2, family=1))
            if t[0] == "since Monday":
                en = _j(s.en, HAVE_EN[s.p], "received", str(n), en_i, t[0])
            else:
                en = _j(s.en, "received", str(n), en_i, t[0])
            fr = _j(s.fr, AVOIR[s.i], "reçu", str(n), fr_i, t[1])
            ar = _j(ar_join(s, RECEIVE.ar_past[s.i], ar_count(n, ar_pl, ar_sg), False), t[2])
            out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
        for t in RECV_TIMES[:5]:
            for s in [you(rng), Subj("he"), Subj("she"), Subj("they"), name_subj(rng, True),
                      name_subj(rng, False)]:
                pp = "reçu" + ("e" if fg == "f" else "") + "s"
                en = _j("How many", en_i, "did", s.en, "receive", t[0])
                inv = {"you_m": "as-tu", "you_f": "as-tu", "you_pl": "avez-vous", "he": "a-t-il",
                       "she": "a-t-elle", "they": "ont-ils"}[s.p]
                fr = _j("Combien de", fr_i, s.fr if s.ar else "", inv, pp, t[1])
                ar = _j("كم", ar_sg, ar_join(s, RECEIVE.ar_past[s.i], "", False), t[2])
                out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    places = [("files", "fichiers", "ملفات", "ملفًا", "in this folder", "dans ce dossier", "في هذا المجلد"),
              ("photos", "photos", "صور", "صورة", "in this album", "dans cet album", "في هذا الألبوم"),
              ("apps", "applications", "تطبيقات", "تطبيقًا", "on this tablet", "sur cette tablette",
               "على هذا الجهاز اللوحي"),
              ("contacts", "contacts", "جهات اتصال", "جهة اتصال", "on my phone", "dans mon téléphone",
               "في هاتفي"),
              ("computers", "ordinateurs", "حواسيب", "حاسوبًا", "in this room", "dans cette salle",
               "في هذه القاعة")]
    for en_i, fr_i, ar_pl, ar_sg, en_l, fr_l, ar_l in places:
        for n in NUMS:
            out.append(T(fin_en(_j("there are", str(n), en_i, en_l)), fin_fr(_j("il y a", str(n), fr_i, fr_l)),
                         fin_ar(_j(ar_l, ar_count(n, ar_pl, ar_sg)))))
    return out


def owner(s: Subj, en_noun: str, fr_noun: str, fr_g: str, fr_vowel: bool, ar_noun: str):
    """(en, fr, ar) of "my phone", "Sarah's phone"."""
    if s.ar is not None:
        if fr_g == "pl":
            art = "les "
        elif fr_vowel:
            art = "l'"
        else:
            art = "le " if fr_g == "m" else "la "
        return f"{s.en}'s {en_noun}", f"{art}{fr_noun} de {s.fr}", _ar_owned_by_name(ar_noun, s.ar)
    if fr_g == "pl":
        fr_p = POSS_FR_PL[s.i]
    elif fr_g == "f" and not fr_vowel:
        fr_p = POSS_FR_F[s.i]
    else:
        fr_p = POSS_FR_M[s.i]
    return f"{POSS_EN[s.p]} {en_noun}", f"{fr_p} {fr_noun}", ar_fill(ar_noun, s)


def _ar_owned_by_name(ar_noun: str, name: str) -> str:
    """"هاتف+" → "هاتف سارة"; "حاسوب+ المحمول" → "الحاسوب المحمول لسارة" is avoided: the name follows the
    possessed noun and its adjective becomes definite by the iDafa: "حاسوب سارة المحمول"."""
    words = ar_noun.split(" ")
    out = []
    for w in words:
        if w.endswith("+"):
            out.append(w[:-1] + " " + name)
        else:
            out.append(w)
    return " ".join(out)


DEVICES = [("phone", "téléphone", "m", False, "هاتف+", "m", "phone"),
           ("computer", "ordinateur", "m", True, "حاسوب+", "m", "comp"),
           ("laptop", "ordinateur portable", "m", True, "حاسوب+ المحمول", "m", "comp"),
           ("printer", "imprimante", "f", True, "طابعة+", "f", "printer"),
           ("tablet", "tablette", "f", False, "جهاز+ اللوحي", "m", "phone"),
           ("keyboard", "clavier", "m", False, "لوحة مفاتيح+", "f", "kb"),
           ("charger", "chargeur", "m", False, "شاحن+", "m", "charger"),
           ("screen", "écran", "m", True, "شاشة+", "f", "screen"),
           ("mouse", "souris", "f", False, "فأرة+", "f", "kb")]
PROBLEMS = [("doesn't work", "ne marche pas", "لا يعمل", "لا تعمل", "phone comp printer kb charger screen"),
            ("won't turn on", "ne s'allume plus", "لا يشتغل", "لا تشتغل", "phone comp printer screen"),
            ("is very slow", "est très lent{e}", "بطيء جدًا", "بطيئة جدًا", "phone comp printer"),
            ("keeps freezing", "se bloque tout le temps", "يتوقف باستمرار", "تتوقف باستمرار", "phone comp"),
            ("is broken", "est cassé{e}", "مكسور", "مكسورة", "phone comp printer kb charger screen"),
            ("is making a strange noise", "fait un bruit bizarre", "يصدر صوتًا غريبًا", "تصدر صوتًا غريبًا",
             "comp printer"),
            ("needs an update", "a besoin d'une mise à jour", "يحتاج إلى تحديث", "تحتاج إلى تحديث", "phone comp"),
            ("gets too hot", "chauffe trop", "يسخن كثيرًا", "تسخن كثيرًا", "phone comp charger"),
            ("is dirty", "est sale", "متسخ", "متسخة", "kb screen"),
            ("has stopped working", "ne fonctionne plus", "توقف عن العمل", "توقفت عن العمل",
             "phone comp printer kb charger screen"),
            ("keeps losing the connection", "perd tout le temps la connexion", "يفقد الاتصال باستمرار",
             "تفقد الاتصال باستمرار", "phone comp printer"),
            ("is flickering", "clignote", "يومض", "تومض", "screen")]
PREFIX = [("", "", ""), ("I think", "Je crois que", "أظن أن"), ("Unfortunately,", "Malheureusement,", "للأسف،"),
          ("It seems that", "On dirait que", "يبدو أن")]


def tpl_problems():
    rng, out = random.Random(113), []
    for dev in DEVICES:
        en_d, fr_d, fr_g, fr_v, ar_d, ar_g, cat = dev
        for pr in PROBLEMS:
            if cat not in pr[4].split():
                continue
            for s in subjects(rng, persons=("i", "you", "he", "she", "we", "they"), names=2):
                pre = rng.choice(PREFIX)
                o_en, o_fr, o_ar = owner(s, en_d, fr_d, fr_g, fr_v, ar_d)
                fr_pr = pr[1].replace("{e}", "e" if fr_g == "f" else "")
                ar_pr = pr[3] if ar_g == "f" else pr[2]
                en = _j(pre[0], o_en, pr[0])
                fr = _j(pre[1], o_fr, fr_pr)
                ar = _j(pre[2], o_ar, ar_pr)
                out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


BATT_DEV = [("phone", "téléphone", "m", False, "هاتف+"), ("laptop", "ordinateur portable", "m", True,
                                                          "حاسوب+ المحمول"),
            ("tablet", "tablette", "f", False, "جهاز+ اللوحي")]


def tpl_battery():
    rng, out = random.Random(114), []
    for d in BATT_DEV:
        for n in (3, 5, 8, 10, 12, 15, 18, 20, 25, 30, 40, 45, 50, 60, 75, 80, 90, 95):
            s = rng.choice(subjects(rng, names=2, family=1))
            o_en, o_fr, o_ar = owner(s, d[0], d[1], d[2], d[3], d[4])
            only = n <= 20 and rng.random() < 0.6
            en = _j(o_en, "battery is", "only" if only else "", f"at {n}%")
            fr = _j("la batterie de", o_fr, "n'est qu'à" if only else "est à", f"{n} %")
            ar = _j("بطارية", o_ar, "مشحونة بنسبة", f"{n}%", "فقط" if only else "")
            out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
            # charge level question / charging time
            y = you(rng)
            h = rng.choice([(1, "an hour", "une heure", "ساعة"), (2, "two hours", "deux heures", "ساعتين"),
                            (3, "three hours", "trois heures", "ثلاث ساعات"),
                            (0, "thirty minutes", "trente minutes", "ثلاثين دقيقة"),
                            (0, "forty minutes", "quarante minutes", "أربعين دقيقة")])
            o_en, o_fr, o_ar = owner(y, d[0], d[1], d[2], d[3], d[4])
            en = f"It takes {h[1]} to charge {o_en} to {n}%"
            fr = f"Il faut {h[2]} pour recharger {o_fr} à {n} %"
            ar = f"يستغرق شحن {o_ar} إلى {n}% {h[3]}"
            out.append(T(fin_en(en), fin_fr(fr), fin_ar(ar)))
    return out


LEND = [("phone", "téléphone", "m", False, "هاتف+"), ("charger", "chargeur", "m", False, "شاحن+"),
        ("computer", "ordinateur", "m", True, "حاسوب+"), ("laptop", "ordinateur portable", "m", True,
                                                         "حاسوب+ المحمول"),
        ("printer", "imprimante", "f", True, "طابعة+"), ("headphones", "écouteurs", "pl", True, "سماعات+"),
        ("tablet", "tablette", "f", False, "جهاز+ اللوحي"), ("cable", "câble", "m", False, "كابل+"),
        ("keyboard", "clavier", "m", False, "لوحة مفاتيح+")]


def tpl_can_i():
    rng, out = random.Random(115), []
    verbs = [("use", "utiliser", "أستخدم", "نستخدم"), ("borrow", "emprunter", "أستعير", "نستعير")]
    times = [("", "", ""), ("for a minute", "une minute", "لدقيقة"), ("this afternoon", "cet après-midi",
                                                                        "بعد الظهر"),
             ("tonight", "ce soir", "الليلة"), ("tomorrow", "demain", "غدًا")]
    for obj in LEND:
        for v in verbs:
            if v[0] == "use" and obj[0] == "charger":
                pass
            for t in times:
                y = you(rng)
                o_en, o_fr, o_ar = owner(y, *obj)
                we = rng.random() < 0.3
                mod = rng.choice(["can", "may"])
                if mod == "can":
                    en = _j("Can", "we" if we else "I", v[0], o_en, t[0])
                    fr = _j("Est-ce que", "nous pouvons" if we else "je peux", v[1], o_fr, t[1])
                    ar = _j("هل يمكننا أن" if we else "هل يمكنني أن", v[3] if we else v[2], o_ar, t[2])
                else:
                    en = _j("May", "we" if we else "I", v[0], o_en, t[0])
                    fr = _j("Pouvons-nous" if we else "Puis-je", v[1], o_fr, t[1])
                    ar = _j("هل لنا أن" if we else "هل لي أن", v[3] if we else v[2], o_ar, t[2])
                out.append(T(fin_en(en, "?"), fin_fr(fr, "?"), fin_ar(ar, "?")))
    return out


SENDABLE = [("a message", "un message", "رسالة"), ("an email", "un e-mail", "رسالة إلكترونية"),
            ("a photo", "une photo", "صورة"), ("a voice message", "un message vocal", "رسالة صوتية"),
            ("the file", "le fichier", "الملف"), ("the link", "le lien", "الرابط"),
            ("the address", "l'adresse", "العنوان"), ("the video", "la vidéo", "الفيديو")]


def tpl_send_call():
    rng, out = random.Random(116), []
    for o_en, o_fr, o_ar in SENDABLE:
        for form in ("past", "past_neg", "fut", "q"):
            for _ in range(6):
                rec = rng.choice(NAMES_M + NAMES_F)
                s = rng.choice(subjects(rng, names=2, family=1))
                if form == "q":
                    s = you(rng)
                t = rng.choice(PAST + PAST_MORNING + PAST_NIGHT) if form.startswith("past") or form == "q" else \
                    rng.choice(FUT + FUT_NIGHT)
                if s.ar == rec[1]:
                    continue
                fr_neg = ("de " + o_fr.split(" ", 1)[1]) if o_fr.split(" ")[0] in ("un", "une") else o_fr
                vp = VP(SEND, f"{o_en} to {rec[0]}", f"{o_fr} à {rec[0]}", f"{o_ar} إلى {rec[1]}",
                        fr_neg=f"{fr_neg} à {rec[0]}")
                if form == "q":
                    en = fin_en(_j("Did", s.en, "send", vp.en, t[0]), "?")
                    fr = fin_fr(_j("Est-ce que", fr_clause(s, vp, "past"), t[1]), "?")
                    ar = fin_ar(_j("هل", ar_clause(s, vp, "past"), t[2]), "?")
                else:
                    en = fin_en(_j(en_clause(s, vp, form), t[0]))
                    fr = fin_fr(_j(fr_clause(s, vp, form), t[1]))
                    ar = fin_ar(_j(ar_clause(s, vp, form), t[2]))
                out.append(T(en, fr, ar))
    for rec in NAMES_M + NAMES_F:
        for form in ("past", "past_neg", "fut", "fut_neg", "q"):
            s = rng.choice(subjects(rng, names=2, family=1)) if form != "q" else you(rng)
            t = rng.choice(PAST + PAST_MORNING + PAST_NIGHT) if form.startswith("past") or form == "q" else \
                rng.choice(FUT + FUT_NIGHT)
            vp = VP(CALL, rec[0], rec[0], "ب" + rec[1])
            if s.ar == rec[1]:
                continue
            if form == "q":
                en = fin_en(_j("Did", s.en, "call", rec[0], t[0]), "?")
                fr = fin_fr(_j("Est-ce que", fr_clause(s, vp, "past"), t[1]), "?")
                ar = fin_ar(_j("هل", ar_clause(s, vp, "past"), t[2]), "?")
            else:
                en = fin_en(_j(en_clause(s, vp, form), t[0]))
                fr = fin_fr(_j(fr_clause(s, vp, form), t[1]))
                ar = fin_ar(_j(ar_clause(s, vp, form), t[2]))
            out.append(T(en, fr, ar))
    return out


# ---------------------------------------------------------------- hand-written sentences

HANDWRITTEN = """
Where does it hurt? | Où avez-vous mal ? | أين تشعر بالألم؟
I need to see a doctor. | J'ai besoin de voir un médecin. | أحتاج إلى رؤية طبيب.
The doctor will see you in ten minutes. | Le médecin va vous recevoir dans dix minutes. | سيستقبلك الطبيب بعد عشر دقائق.
Take a deep breath. | Respirez profondément. | خذ نفسًا عميقًا.
How long have you been coughing? | Depuis combien de temps toussez-vous ? | منذ متى وأنت تسعل؟
Are you allergic to penicillin? | Êtes-vous allergique à la pénicilline ? | هل عندك حساسية من البنسلين؟
I am allergic to peanuts. | Je suis allergique aux cacahuètes. | عندي حساسية من الفول السوداني.
My blood pressure is a little high. | Ma tension est un peu élevée. | ضغط دمي مرتفع قليلًا.
The nurse took my temperature. | L'infirmière a pris ma température. | قاست الممرضة درجة حرارتي.
You need to rest for a few days. | Vous devez vous reposer quelques jours. | يجب أن ترتاح بضعة أيام.
Here is your prescription. | Voici votre ordonnance. | هذه وصفتك الطبية.
Can I buy this medicine without a prescription? | Est-ce que je peux acheter ce médicament sans ordonnance ? | هل يمكنني شراء هذا الدواء بدون وصفة طبية؟
This syrup is for children. | Ce sirop est pour les enfants. | هذا الشراب مخصص للأطفال.
Do not take this medicine on an empty stomach. | Ne prenez pas ce médicament à jeun. | لا تتناول هذا الدواء على معدة فارغة.
This medicine may make you sleepy. | Ce médicament peut provoquer de la somnolence. | قد يسبب هذا الدواء النعاس.
The pharmacy closes at eight in the evening. | La pharmacie ferme à vingt heures. | تغلق الصيدلية في الساعة الثامنة مساءً.
Is there a pharmacy open on Sunday? | Est-ce qu'il y a une pharmacie ouverte le dimanche ? | هل توجد صيدلية مفتوحة يوم الأحد؟
I would like something for a sore throat. | Je voudrais quelque chose contre le mal de gorge. | أريد شيئًا لالتهاب الحلق.
Keep this medicine in a cool place. | Conservez ce médicament dans un endroit frais. | احفظ هذا الدواء في مكان بارد.
Keep out of the reach of children. | Tenir hors de portée des enfants. | يحفظ بعيدًا عن متناول الأطفال.
Call an ambulance! | Appelez une ambulance ! | اتصلوا بسيارة إسعاف!
He broke his leg while skiing. | Il s'est cassé la jambe en faisant du ski. | كسر ساقه أثناء التزلج.
She fell down the stairs. | Elle est tombée dans l'escalier. | سقطت على الدرج.
My grandfather is in hospital. | Mon grand-père est à l'hôpital. | جدي في المستشفى.
Visiting hours are from two to six. | Les visites ont lieu de quatorze heures à dix-huit heures. | مواعيد الزيارة من الثانية إلى السادسة مساءً.
The operation went well. | L'opération s'est bien passée. | نجحت العملية.
He must stay in bed for a week. | Il doit rester au lit pendant une semaine. | يجب أن يبقى في السرير أسبوعًا.
She is getting better. | Elle va mieux. | حالتها تتحسن.
Get well soon! | Bon rétablissement ! | أتمنى لك الشفاء العاجل!
I cut my finger. | Je me suis coupé le doigt. | جرحت إصبعي.
Put some ice on your ankle. | Mets de la glace sur ta cheville. | ضع بعض الثلج على كاحلك.
I twisted my ankle playing football. | Je me suis tordu la cheville en jouant au foot. | التوى كاحلي وأنا ألعب كرة القدم.
I can't sleep at night. | Je n'arrive pas à dormir la nuit. | لا أستطيع النوم في الليل.
I wake up several times every night. | Je me réveille plusieurs fois chaque nuit. | أستيقظ عدة مرات كل ليلة.
He snores very loudly. | Il ronfle très fort. | يشخر بصوت مرتفع جدًا.
A nap after lunch is good for your health. | Une sieste après le déjeuner, c'est bon pour la santé. | القيلولة بعد الغداء مفيدة للصحة.
Turn off your screen an hour before bed. | Éteins ton écran une heure avant de dormir. | أطفئ شاشتك قبل النوم بساعة.
I drink too much coffee. | Je bois trop de café. | أشرب قهوة أكثر من اللازم.
Coffee keeps me awake. | Le café m'empêche de dormir. | القهوة تمنعني من النوم.
Smoking is bad for your health. | Le tabac est mauvais pour la santé. | التدخين مضر بالصحة.
My father stopped smoking last year. | Mon père a arrêté de fumer l'année dernière. | توقف أبي عن التدخين في السنة الماضية.
Walking is good for the heart. | La marche est bonne pour le cœur. | المشي مفيد للقلب.
The swimming pool is closed on Mondays. | La piscine est fermée le lundi. | المسبح مغلق أيام الاثنين.
Do you want to play tennis on Saturday? | Tu veux jouer au tennis samedi ? | هل تريد أن تلعب التنس يوم السبت؟
Our team won the match. | Notre équipe a gagné le match. | فاز فريقنا بالمباراة.
I am training for a marathon. | Je m'entraîne pour un marathon. | أتدرب استعدادًا لسباق ماراثون.
Don't forget to warm up before running. | N'oublie pas de t'échauffer avant de courir. | لا تنس الإحماء قبل الجري.
My muscles hurt after yesterday's workout. | J'ai des courbatures après la séance d'hier. | عضلاتي تؤلمني بعد تمرين أمس.
Yoga helps me relax. | Le yoga m'aide à me détendre. | تساعدني اليوغا على الاسترخاء.
She does yoga every Sunday morning. | Elle fait du yoga tous les dimanches matin. | تمارس اليوغا كل يوم أحد صباحًا.
He lifts weights at the gym. | Il soulève des poids à la salle de sport. | يرفع الأثقال في النادي الرياضي.
How many steps did you walk today? | Combien de pas as-tu faits aujourd'hui ? | كم خطوة مشيت اليوم؟
My watch counts my steps. | Ma montre compte mes pas. | ساعتي تحسب خطواتي.
I walked ten thousand steps today. | J'ai fait dix mille pas aujourd'hui. | مشيت عشرة آلاف خطوة اليوم.
Eat slowly and chew well. | Mange lentement et mâche bien. | كل ببطء وامضغ جيدًا.
Breakfast is the most important meal of the day. | Le petit-déjeuner est le repas le plus important de la journée. | الفطور أهم وجبة في اليوم.
I try to eat five fruits and vegetables a day. | J'essaie de manger cinq fruits et légumes par jour. | أحاول أن آكل خمس حصص من الفواكه والخضار يوميًا.
Too much salt is bad for your blood pressure. | Trop de sel, c'est mauvais pour la tension. | الإفراط في الملح مضر بضغط الدم.
She has been on a diet for a month. | Elle est au régime depuis un mois. | تتبع نظامًا غذائيًا منذ شهر.
He lost five kilos. | Il a perdu cinq kilos. | فقد خمسة كيلوغرامات.
Wash your hands before eating. | Lave-toi les mains avant de manger. | اغسل يديك قبل الأكل.
Cover your mouth when you cough. | Couvre-toi la bouche quand tu tousses. | غط فمك عندما تسعل.
The flu is spreading in the city. | La grippe se propage dans la ville. | تنتشر الإنفلونزا في المدينة.
Have you had your flu shot? | As-tu fait ton vaccin contre la grippe ? | هل أخذت لقاح الإنفلونزا؟
The children were vaccinated at school. | Les enfants ont été vaccinés à l'école. | تم تطعيم الأطفال في المدرسة.
She has a temperature of 39 degrees. | Elle a 39 degrés de fièvre. | حرارتها 39 درجة.
The baby cried all night. | Le bébé a pleuré toute la nuit. | بكى الطفل طوال الليل.
I feel dizzy when I stand up. | J'ai la tête qui tourne quand je me lève. | أشعر بالدوار عندما أقف.
My eyes are tired because of the screen. | Mes yeux sont fatigués à cause de l'écran. | عيناي متعبتان بسبب الشاشة.
You should wear glasses. | Tu devrais porter des lunettes. | ينبغي أن تلبس نظارة.
The dentist pulled out one of my teeth. | Le dentiste m'a arraché une dent. | خلع لي طبيب الأسنان سنًا.
I have a check-up every year. | Je fais un bilan de santé chaque année. | أجري فحصًا طبيًا كل سنة.
The blood test results are normal. | Les résultats de la prise de sang sont normaux. | نتائج تحليل الدم طبيعية.
You need an X-ray of your knee. | Il vous faut une radio du genou. | تحتاج إلى صورة أشعة لركبتك.
The waiting room is full. | La salle d'attente est pleine. | غرفة الانتظار ممتلئة.
Please wait here, we will call you. | Veuillez attendre ici, nous allons vous appeler. | انتظر هنا من فضلك، سننادي عليك.
Do you have your health insurance card? | Avez-vous votre carte d'assurance maladie ? | هل معك بطاقة التأمين الصحي؟
The consultation costs fifty euros. | La consultation coûte cinquante euros. | تكلف الاستشارة خمسين يورو.
The hospital is open day and night. | L'hôpital est ouvert jour et nuit. | المستشفى مفتوح ليلًا ونهارًا.
He left the hospital yesterday. | Il est sorti de l'hôpital hier. | خرج من المستشفى أمس.
The ambulance arrived in five minutes. | L'ambulance est arrivée en cinq minutes. | وصلت سيارة الإسعاف خلال خمس دقائق.
My sister is a nurse. | Ma sœur est infirmière. | أختي ممرضة.
Her husband is a surgeon. | Son mari est chirurgien. | زوجها جراح.
The doctors are doing their best. | Les médecins font de leur mieux. | الأطباء يبذلون قصارى جهدهم.
I'm not feeling well today. | Je ne me sens pas bien aujourd'hui. | لست على ما يرام اليوم.
What are your symptoms? | Quels sont vos symptômes ? | ما الأعراض التي تشعر بها؟
I have been sneezing since this morning. | J'éternue depuis ce matin. | أعطس منذ الصباح.
My nose is blocked. | J'ai le nez bouché. | أنفي مسدود.
Drink a lot of water when it's hot. | Bois beaucoup d'eau quand il fait chaud. | اشرب الكثير من الماء عندما يكون الجو حارًا.
Sunscreen protects your skin. | La crème solaire protège ta peau. | واقي الشمس يحمي بشرتك.
Stress can cause headaches. | Le stress peut provoquer des maux de tête. | قد يسبب التوتر الصداع.
I need to relax a little. | J'ai besoin de me détendre un peu. | أحتاج إلى الاسترخاء قليلًا.
Children need more sleep than adults. | Les enfants ont besoin de plus de sommeil que les adultes. | يحتاج الأطفال إلى نوم أكثر من الكبار.
I went to bed at midnight. | Je me suis couché à minuit. | نمت في منتصف الليل.
What time do you usually wake up? | À quelle heure te réveilles-tu d'habitude ? | متى تستيقظ عادة؟
I set my alarm for six o'clock. | J'ai mis mon réveil à six heures. | ضبطت المنبه على الساعة السادسة.
He had a nightmare last night. | Il a fait un cauchemar cette nuit. | رأى كابوسًا ليلة أمس.
The medicine isn't working. | Le médicament ne fait pas effet. | الدواء لا يعطي أي نتيجة.
Shake the bottle before use. | Agiter le flacon avant usage. | رج الزجاجة قبل الاستعمال.
Is it serious, doctor? | C'est grave, docteur ? | هل الأمر خطير يا دكتور؟
Don't worry, it's nothing serious. | Ne t'inquiète pas, ce n'est rien de grave. | لا تقلق، ليس الأمر خطيرًا.
Her leg is in a cast. | Elle a la jambe dans le plâtre. | ساقها في الجبس.
He walks with crutches. | Il marche avec des béquilles. | يمشي بعكازين.
The elevator is out of order. | L'ascenseur est en panne. | المصعد معطل.
My mother has diabetes. | Ma mère est diabétique. | أمي مصابة بالسكري.
She checks her blood sugar every morning. | Elle contrôle sa glycémie tous les matins. | تقيس نسبة السكر في دمها كل صباح.
He has asthma, so he always carries his inhaler. | Il est asthmatique, alors il a toujours son inhalateur sur lui. | هو مصاب بالربو، لذلك يحمل بخاخه دائمًا.
The heart beats about seventy times a minute. | Le cœur bat environ soixante-dix fois par minute. | ينبض القلب نحو سبعين مرة في الدقيقة.
Our bones need calcium. | Nos os ont besoin de calcium. | تحتاج عظامنا إلى الكالسيوم.
Laughing is good for your health. | Rire est bon pour la santé. | الضحك مفيد للصحة.
I have an appointment with a psychologist. | J'ai rendez-vous avec une psychologue. | عندي موعد مع أخصائية نفسية.
I haven't slept well for a week. | Je dors mal depuis une semaine. | لا أنام جيدًا منذ أسبوع.
Walk to work instead of taking the car. | Va au travail à pied au lieu de prendre la voiture. | اذهب إلى العمل مشيًا بدلًا من أخذ السيارة.
Take the stairs, not the lift. | Prends l'escalier, pas l'ascenseur. | استخدم الدرج بدلًا من المصعد.
We go hiking in the mountains every summer. | Nous faisons de la randonnée en montagne chaque été. | نذهب للمشي في الجبال كل صيف.
I'm out of breath. | Je suis essoufflé. | أشعر بضيق في التنفس.
The doctor listened to my heart. | Le médecin a écouté mon cœur. | استمع الطبيب إلى قلبي.
My son has chickenpox. | Mon fils a la varicelle. | ابني مصاب بجدري الماء.
Can you hear me? | Tu m'entends ? | هل تسمعني؟
The connection is bad. | La connexion est mauvaise. | الاتصال ضعيف.
I'll call you back in five minutes. | Je te rappelle dans cinq minutes. | سأعاود الاتصال بك بعد خمس دقائق.
Sorry, I missed your call. | Désolé, j'ai raté ton appel. | آسف، فاتتني مكالمتك.
Leave a message after the beep. | Laissez un message après le bip. | اترك رسالة بعد الصفارة.
My phone is on silent. | Mon téléphone est en mode silencieux. | هاتفي على الوضع الصامت.
Please turn off your phones during the film. | Veuillez éteindre vos téléphones pendant le film. | يرجى إطفاء هواتفكم أثناء الفيلم.
What's your phone number? | Quel est ton numéro de téléphone ? | ما رقم هاتفك؟
There's no signal here. | Il n'y a pas de réseau ici. | لا توجد شبكة هنا.
My battery is almost dead. | Ma batterie est presque vide. | بطاريتي على وشك النفاد.
Do you have a charger? | Tu as un chargeur ? | هل عندك شاحن؟
The charger is in my bag. | Le chargeur est dans mon sac. | الشاحن في حقيبتي.
This cable doesn't fit my phone. | Ce câble ne va pas avec mon téléphone. | هذا الكابل لا يناسب هاتفي.
My screen is cracked. | Mon écran est fissuré. | شاشتي مشروخة.
I dropped my phone in the water. | J'ai fait tomber mon téléphone dans l'eau. | أوقعت هاتفي في الماء.
How much does this phone cost? | Combien coûte ce téléphone ? | كم ثمن هذا الهاتف؟
I bought a new laptop last month. | J'ai acheté un nouvel ordinateur portable le mois dernier. | اشتريت حاسوبًا محمولًا جديدًا الشهر الماضي.
The Wi-Fi isn't working. | Le wifi ne marche pas. | الواي فاي لا يعمل.
What is the Wi-Fi password? | Quel est le mot de passe du wifi ? | ما كلمة مرور الواي فاي؟
The password is written on the router. | Le mot de passe est écrit sur le routeur. | كلمة المرور مكتوبة على جهاز الراوتر.
Is there free Wi-Fi in the hotel? | Est-ce qu'il y a du wifi gratuit à l'hôtel ? | هل يوجد واي فاي مجاني في الفندق؟
The internet is very slow today. | Internet est très lent aujourd'hui. | الإنترنت بطيء جدًا اليوم.
I forgot my password. | J'ai oublié mon mot de passe. | نسيت كلمة مروري.
Your password must contain at least eight characters. | Votre mot de passe doit contenir au moins huit caractères. | يجب أن تحتوي كلمة المرور على ثمانية أحرف على الأقل.
Never share your password. | Ne partagez jamais votre mot de passe. | لا تشارك كلمة مرورك أبدًا.
Click on the link to reset your password. | Cliquez sur le lien pour réinitialiser votre mot de passe. | انقر على الرابط لإعادة تعيين كلمة المرور.
This email looks suspicious. | Cet e-mail a l'air suspect. | تبدو هذه الرسالة الإلكترونية مشبوهة.
Don't open attachments from strangers. | N'ouvre pas les pièces jointes des inconnus. | لا تفتح المرفقات من الغرباء.
I sent you the file by email. | Je t'ai envoyé le fichier par e-mail. | أرسلت إليك الملف بالبريد الإلكتروني.
Did you get my email? | As-tu reçu mon e-mail ? | هل وصلتك رسالتي الإلكترونية؟
The attachment is too large. | La pièce jointe est trop lourde. | المرفق كبير جدًا.
Please reply before Friday. | Merci de répondre avant vendredi. | يرجى الرد قبل يوم الجمعة.
My inbox is full. | Ma boîte de réception est pleine. | صندوق بريدي ممتلئ.
Save the document before closing it. | Enregistre le document avant de le fermer. | احفظ المستند قبل إغلاقه.
I lost the file I was working on. | J'ai perdu le fichier sur lequel je travaillais. | فقدت الملف الذي كنت أعمل عليه.
Where did you save the photos? | Où as-tu enregistré les photos ? | أين حفظت الصور؟
The file is in the documents folder. | Le fichier est dans le dossier des documents. | الملف في مجلد المستندات.
Drag the file to the trash. | Fais glisser le fichier dans la corbeille. | اسحب الملف إلى سلة المهملات.
I deleted the photos by mistake. | J'ai supprimé les photos par erreur. | حذفت الصور عن طريق الخطأ.
You can recover them from the trash. | Tu peux les récupérer dans la corbeille. | يمكنك استرجاعها من سلة المهملات.
The printer is out of paper. | L'imprimante n'a plus de papier. | نفد الورق من الطابعة.
The printer has run out of ink. | Il n'y a plus d'encre dans l'imprimante. | نفد الحبر من الطابعة.
Can you print this page in colour? | Tu peux imprimer cette page en couleur ? | هل يمكنك طباعة هذه الصفحة بالألوان؟
The paper is stuck in the printer. | Le papier est coincé dans l'imprimante. | الورق عالق في الطابعة.
Print two copies, please. | Imprime deux exemplaires, s'il te plaît. | اطبع نسختين من فضلك.
A key is missing from the keyboard. | Il manque une touche au clavier. | هناك زر ناقص في لوحة المفاتيح.
Press the space bar. | Appuie sur la barre d'espace. | اضغط على مفتاح المسافة.
Press Enter to continue. | Appuyez sur Entrée pour continuer. | اضغط على مفتاح الإدخال للمتابعة.
My mouse isn't working. | Ma souris ne marche pas. | فأرتي لا تعمل.
Double-click on the icon. | Double-cliquez sur l'icône. | انقر نقرًا مزدوجًا على الأيقونة.
The screen is too bright. | L'écran est trop lumineux. | الشاشة ساطعة جدًا.
Turn down the brightness of your screen. | Baisse la luminosité de ton écran. | خفف سطوع شاشتك.
The computer crashed during the update. | L'ordinateur a planté pendant la mise à jour. | تعطل الحاسوب أثناء التحديث.
The update takes about twenty minutes. | La mise à jour prend environ vingt minutes. | يستغرق التحديث نحو عشرين دقيقة.
Don't turn off the computer during the update. | N'éteignez pas l'ordinateur pendant la mise à jour. | لا تطفئ الحاسوب أثناء التحديث.
A new version of the app is available. | Une nouvelle version de l'application est disponible. | يتوفر إصدار جديد من التطبيق.
This app is free. | Cette application est gratuite. | هذا التطبيق مجاني.
I deleted the app because it was too slow. | J'ai supprimé l'application parce qu'elle était trop lente. | حذفت التطبيق لأنه كان بطيئًا جدًا.
Which app do you use for your messages? | Quelle application utilises-tu pour tes messages ? | أي تطبيق تستخدم لرسائلك؟
She posted a photo of her cat. | Elle a publié une photo de son chat. | نشرت صورة لقطتها.
Send me the photos from the party. | Envoie-moi les photos de la fête. | أرسل لي صور الحفلة.
This photo is blurry. | Cette photo est floue. | هذه الصورة غير واضحة.
I take a lot of photos on holiday. | Je prends beaucoup de photos en vacances. | ألتقط الكثير من الصور في العطلة.
My phone's memory is full. | La mémoire de mon téléphone est pleine. | ذاكرة هاتفي ممتلئة.
I need more storage space. | J'ai besoin de plus d'espace de stockage. | أحتاج إلى مساحة تخزين أكبر.
Put your photos in the cloud. | Mets tes photos dans le cloud. | ضع صورك في السحابة.
Video calls use a lot of data. | Les appels vidéo consomment beaucoup de données. | تستهلك مكالمات الفيديو الكثير من البيانات.
I have no mobile data left. | Je n'ai plus de données mobiles. | نفدت باقة الإنترنت في هاتفي.
We had a video call with our grandparents. | Nous avons fait un appel vidéo avec nos grands-parents. | أجرينا مكالمة فيديو مع أجدادنا.
Turn on your camera, please. | Allume ta caméra, s'il te plaît. | شغل الكاميرا من فضلك.
You're on mute. | Ton micro est coupé. | صوتك مكتوم.
Can you share your screen? | Tu peux partager ton écran ? | هل يمكنك مشاركة شاشتك؟
The meeting link doesn't work. | Le lien de la réunion ne marche pas. | رابط الاجتماع لا يعمل.
The fan of my laptop is very loud. | Le ventilateur de mon ordinateur portable est très bruyant. | مروحة حاسوبي المحمول مزعجة جدًا.
Plug the charger into the socket. | Branche le chargeur sur la prise. | أدخل الشاحن في المقبس.
The socket is behind the desk. | La prise est derrière le bureau. | المقبس خلف المكتب.
Don't leave your phone charging all night. | Ne laisse pas ton téléphone en charge toute la nuit. | لا تترك هاتفك في الشحن طوال الليل.
My phone charges very quickly. | Mon téléphone se recharge très vite. | يشحن هاتفي بسرعة كبيرة.
The battery lasts two days. | La batterie tient deux jours. | تدوم البطارية يومين.
I need to change the battery. | Je dois changer la batterie. | يجب أن أغير البطارية.
The remote control needs new batteries. | La télécommande a besoin de piles neuves. | يحتاج جهاز التحكم عن بعد إلى بطاريات جديدة.
My grandmother doesn't know how to use a smartphone. | Ma grand-mère ne sait pas utiliser un smartphone. | جدتي لا تعرف كيف تستخدم الهاتف الذكي.
I'll show you how it works. | Je vais te montrer comment ça marche. | سأريك كيف يعمل.
Press this button to turn it on. | Appuie sur ce bouton pour l'allumer. | اضغط على هذا الزر لتشغيله.
Hold the button down for three seconds. | Maintiens le bouton enfoncé pendant trois secondes. | اضغط على الزر مطولًا لمدة ثلاث ثوان.
Your phone is ringing! | Ton téléphone sonne ! | هاتفك يرن!
Who was on the phone? | Qui était au téléphone ? | من كان على الهاتف؟
I'll text you when I arrive. | Je t'envoie un texto quand j'arrive. | سأرسل لك رسالة عندما أصل.
She never answers her messages. | Elle ne répond jamais à ses messages. | لا ترد أبدًا على رسائلها.
I don't have his number. | Je n'ai pas son numéro. | ليس عندي رقمه.
Add me to the group. | Ajoute-moi au groupe. | أضفني إلى المجموعة.
The group has twenty members. | Le groupe compte vingt membres. | تضم المجموعة عشرين عضوًا.
He spends too much time on his phone. | Il passe trop de temps sur son téléphone. | يقضي وقتًا طويلًا جدًا على هاتفه.
Put your phone away during dinner. | Range ton téléphone pendant le dîner. | ضع هاتفك جانبًا أثناء العشاء.
Screens are bad for children's eyes. | Les écrans sont mauvais pour les yeux des enfants. | الشاشات مضرة بعيون الأطفال.
I use my computer for work. | J'utilise mon ordinateur pour le travail. | أستخدم حاسوبي للعمل.
My brother repairs computers. | Mon frère répare des ordinateurs. | أخي يصلح الحواسيب.
How much does the repair cost? | Combien coûte la réparation ? | كم تكلفة الإصلاح؟
The repair will take three days. | La réparation prendra trois jours. | سيستغرق الإصلاح ثلاثة أيام.
Is the phone still under warranty? | Le téléphone est-il encore sous garantie ? | هل ما زال الهاتف تحت الضمان؟
I need to install an antivirus. | Je dois installer un antivirus. | يجب أن أثبت برنامجًا لمكافحة الفيروسات.
My computer has a virus. | Mon ordinateur a un virus. | حاسوبي مصاب بفيروس.
Log in with your email address. | Connectez-vous avec votre adresse e-mail. | سجل الدخول بعنوان بريدك الإلكتروني.
Don't forget to log out. | N'oublie pas de te déconnecter. | لا تنس تسجيل الخروج.
Create an account to continue. | Créez un compte pour continuer. | أنشئ حسابًا للمتابعة.
Your account has been blocked. | Votre compte a été bloqué. | تم حظر حسابك.
Enter the code you received by text message. | Saisissez le code reçu par SMS. | أدخل الرمز الذي وصلك في رسالة نصية.
The website is down. | Le site est en panne. | الموقع معطل.
Look it up on the internet. | Cherche-le sur Internet. | ابحث عنه على الإنترنت.
I found the recipe online. | J'ai trouvé la recette sur Internet. | وجدت الوصفة على الإنترنت.
We bought the tickets online. | Nous avons acheté les billets en ligne. | اشترينا التذاكر عبر الإنترنت.
Is this website safe? | Ce site est-il sûr ? | هل هذا الموقع آمن؟
The page won't load. | La page ne se charge pas. | الصفحة لا تفتح.
Refresh the page. | Actualise la page. | حدث الصفحة.
Close all the windows and restart. | Ferme toutes les fenêtres et redémarre. | أغلق كل النوافذ وأعد التشغيل.
The computer is very hot. | L'ordinateur est très chaud. | الحاسوب ساخن جدًا.
Copy and paste the text. | Copie et colle le texte. | انسخ النص والصقه.
I type with two fingers. | Je tape avec deux doigts. | أكتب بإصبعين.
She types very fast. | Elle tape très vite. | تكتب بسرعة كبيرة.
Copy the files onto a USB stick. | Copie les fichiers sur une clé USB. | انسخ الملفات على ذاكرة فلاش.
The tablet is for the children. | La tablette est pour les enfants. | الجهاز اللوحي للأطفال.
My phone fell and the screen broke. | Mon téléphone est tombé et l'écran s'est cassé. | سقط هاتفي وانكسرت الشاشة.
I need a case for my phone. | J'ai besoin d'une coque pour mon téléphone. | أحتاج إلى غطاء لهاتفي.
The headphones are in the drawer. | Les écouteurs sont dans le tiroir. | السماعات في الدرج.
I listen to music with my headphones. | J'écoute de la musique avec mes écouteurs. | أستمع إلى الموسيقى بسماعاتي.
Turn the volume down, please. | Baisse le son, s'il te plaît. | اخفض الصوت من فضلك.
Turn up the volume. | Monte le son. | ارفع الصوت.
I can't hear anything. | Je n'entends rien. | لا أسمع شيئًا.
The video won't play. | La vidéo ne se lance pas. | الفيديو لا يشتغل.
Download the document before the meeting. | Télécharge le document avant la réunion. | حمل المستند قبل الاجتماع.
The download is almost finished. | Le téléchargement est presque terminé. | اكتمل التنزيل تقريبًا.
My computer is five years old. | Mon ordinateur a cinq ans. | عمر حاسوبي خمس سنوات.
It's time to buy a new one. | Il est temps d'en acheter un nouveau. | حان الوقت لشراء واحد جديد.
Turn on Bluetooth on your phone. | Active le Bluetooth sur ton téléphone. | شغل البلوتوث في هاتفك.
The printer is connected to the Wi-Fi. | L'imprimante est connectée au wifi. | الطابعة متصلة بشبكة الواي فاي.
The internet connection was cut last night. | La connexion internet a été coupée hier soir. | انقطع الاتصال بالإنترنت مساء أمس.
The technician will come tomorrow morning. | Le technicien viendra demain matin. | سيأتي الفني صباح غد.
Have you tried restarting it? | As-tu essayé de le redémarrer ? | هل حاولت إعادة تشغيله؟
It works now, thank you! | Ça marche maintenant, merci ! | إنه يعمل الآن، شكرًا!
Thanks for your help with the computer. | Merci pour ton aide avec l'ordinateur. | شكرًا على مساعدتك في الحاسوب.
I have an appointment at the doctor's at three. | J'ai rendez-vous chez le médecin à trois heures. | عندي موعد عند الطبيب في الساعة الثالثة.
Can I change my appointment? | Est-ce que je peux changer mon rendez-vous ? | هل يمكنني تغيير موعدي؟
The doctor is running late. | Le médecin a du retard. | الطبيب متأخر.
The doctor isn't available this week. | Le médecin n'est pas disponible cette semaine. | الطبيب غير متاح هذا الأسبوع.
Bring your X-rays with you. | Apportez vos radios. | أحضر صور الأشعة معك.
He has a broken arm. | Il a le bras cassé. | ذراعه مكسورة.
The wound is healing well. | La plaie cicatrise bien. | الجرح يلتئم جيدًا.
Change the bandage every day. | Change le pansement tous les jours. | غير الضمادة كل يوم.
I have a bruise on my knee. | J'ai un bleu au genou. | عندي كدمة في ركبتي.
A bee stung me. | Une abeille m'a piqué. | لسعتني نحلة.
My skin is very dry in winter. | Ma peau est très sèche en hiver. | بشرتي جافة جدًا في الشتاء.
She has a rash on her arms. | Elle a des boutons sur les bras. | عندها طفح جلدي على ذراعيها.
He doesn't hear well. | Il entend mal. | سمعه ضعيف.
I need new glasses. | J'ai besoin de nouvelles lunettes. | أحتاج إلى نظارة جديدة.
I wear contact lenses. | Je porte des lentilles de contact. | أضع عدسات لاصقة.
Eating too late is bad for sleep. | Manger trop tard nuit au sommeil. | الأكل في وقت متأخر يضر بالنوم.
I run faster than my brother. | Je cours plus vite que mon frère. | أركض أسرع من أخي.
She is the best swimmer in her class. | C'est la meilleure nageuse de sa classe. | هي أفضل سباحة في صفها.
We play football every Friday. | Nous jouons au football tous les vendredis. | نلعب كرة القدم كل يوم جمعة.
The gym is closed for repairs. | La salle de sport est fermée pour travaux. | النادي الرياضي مغلق للصيانة.
How many times a week do you exercise? | Combien de fois par semaine fais-tu du sport ? | كم مرة تمارس الرياضة في الأسبوع؟
Stretch after your workout. | Étire-toi après ton entraînement. | قم بتمارين الإطالة بعد تمرينك.
Cycling is good for your knees. | Le vélo est bon pour les genoux. | ركوب الدراجة مفيد للركبتين.
The marathon starts at eight o'clock. | Le marathon commence à huit heures. | يبدأ الماراثون في الساعة الثامنة.
He hurt his shoulder at the gym. | Il s'est fait mal à l'épaule à la salle de sport. | أصيب في كتفه في النادي الرياضي.
Have you taken your medicine? | As-tu pris tes médicaments ? | هل تناولت أدويتك؟
This medicine tastes awful. | Ce médicament a un goût horrible. | طعم هذا الدواء سيئ جدًا.
Swallow the tablet with a glass of water. | Avalez le comprimé avec un verre d'eau. | ابلع القرص مع كوب من الماء.
Read the leaflet carefully. | Lisez attentivement la notice. | اقرأ النشرة بعناية.
Do not exceed the stated dose. | Ne dépassez pas la dose indiquée. | لا تتجاوز الجرعة المحددة.
The pharmacist gave me some advice. | Le pharmacien m'a donné quelques conseils. | أعطاني الصيدلي بعض النصائح.
Antibiotics don't work against viruses. | Les antibiotiques n'agissent pas contre les virus. | المضادات الحيوية لا تنفع ضد الفيروسات.
You must finish the treatment. | Tu dois finir le traitement. | يجب أن تكمل العلاج.
The treatment lasts ten days. | Le traitement dure dix jours. | يستمر العلاج عشرة أيام.
The hospital is looking for nurses. | L'hôpital cherche des infirmières. | يبحث المستشفى عن ممرضات.
The new hospital has three hundred beds. | Le nouvel hôpital a trois cents lits. | في المستشفى الجديد ثلاثمئة سرير.
Patients must wear a mask here. | Les patients doivent porter un masque ici. | يجب على المرضى ارتداء كمامة هنا.
Visits are not allowed after eight in the evening. | Les visites sont interdites après vingt heures. | لا يسمح بالزيارة بعد الساعة الثامنة مساءً.
Giving blood saves lives. | Le don du sang sauve des vies. | التبرع بالدم ينقذ الأرواح.
I gave blood this morning. | J'ai donné mon sang ce matin. | تبرعت بالدم هذا الصباح.
My daughter is afraid of injections. | Ma fille a peur des piqûres. | ابنتي تخاف من الحقن.
It won't hurt, I promise. | Ça ne va pas faire mal, je te le promets. | لن يؤلمك ذلك، أعدك.
Sit down and roll up your sleeve. | Asseyez-vous et remontez votre manche. | اجلس وارفع كمك.
She is seven months pregnant. | Elle est enceinte de sept mois. | هي حامل في شهرها السابع.
The baby weighs three kilos. | Le bébé pèse trois kilos. | يزن الطفل ثلاثة كيلوغرامات.
Congratulations on the birth of your son! | Félicitations pour la naissance de ton fils ! | مبروك على ولادة ابنك!
Happy people live longer. | Les gens heureux vivent plus longtemps. | يعيش السعداء مدة أطول.
Your heart rate is normal. | Votre rythme cardiaque est normal. | نبض قلبك طبيعي.
Lie down on the bed, please. | Allongez-vous sur le lit, s'il vous plaît. | استلق على السرير من فضلك.
Does it hurt when I press here? | Est-ce que ça fait mal quand j'appuie ici ? | هل يؤلمك عندما أضغط هنا؟
Someone stole my phone on the bus. | On m'a volé mon téléphone dans le bus. | سرق أحدهم هاتفي في الحافلة.
Lock your screen when you leave your desk. | Verrouille ton écran quand tu quittes ton bureau. | اقفل شاشتك عندما تغادر مكتبك.
My phone recognises my face. | Mon téléphone reconnaît mon visage. | هاتفي يتعرف على وجهي.
I prefer writing by hand. | Je préfère écrire à la main. | أفضل الكتابة باليد.
The children play games on the tablet. | Les enfants jouent à des jeux sur la tablette. | يلعب الأطفال ألعابًا على الجهاز اللوحي.
Limit screen time before bed. | Limitez le temps d'écran avant le coucher. | قلل وقت الشاشة قبل النوم.
My phone vibrates when I receive a message. | Mon téléphone vibre quand je reçois un message. | يهتز هاتفي عندما تصلني رسالة.
I changed the ringtone. | J'ai changé la sonnerie. | غيرت نغمة الرنين.
Set an alarm for seven o'clock. | Mets une alarme à sept heures. | اضبط منبهًا على الساعة السابعة.
There is a mistake in the email address. | Il y a une erreur dans l'adresse e-mail. | هناك خطأ في عنوان البريد الإلكتروني.
"""


def handwritten() -> list[Triple]:
    out = []
    for line in HANDWRITTEN.strip().splitlines():
        en, fr, ar = (x.strip() for x in line.split(" | "))
        out.append(T(en, fr, ar))
    return out


# ---------------------------------------------------------------- the domain


def generate() -> list[Triple]:
    """About 3000 EN/FR/AR triples of health and of phones and computers, deterministic."""
    gens = generic_generators(HEALTH_VPS, 1000) + generic_generators(TECH_VPS, 2000) + [
        tpl_pain, tpl_symptoms, tpl_how_long, tpl_dose, tpl_appointment, tpl_appointment2, tpl_hospital,
        tpl_feel, tpl_exercise_numbers, tpl_is_there, tpl_adj_sg, tpl_adj_pl, tpl_counts, tpl_problems,
        tpl_battery, tpl_can_i, tpl_send_call,
    ]
    out: list[Triple] = []
    seen_en: set[str] = set()
    seen_fr: set[str] = set()
    for t in handwritten() + balanced(gens, 2760, seed=7):
        if t.en in seen_en or t.fr in seen_fr:
            continue
        seen_en.add(t.en)
        seen_fr.add(t.fr)
        out.append(t)
    return out
