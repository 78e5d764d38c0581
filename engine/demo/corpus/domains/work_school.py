"""Work and the office, school and study: English / French / Arabic triples written for the demo corpus.

Templates over a small hand-written lexicon (verbs conjugated per person and tense in the three languages,
nouns with their Arabic plural, dual, gender and accusative, adjectives with their agreement forms), plus a
list of hand-written sentences. Everything here was written for this project; nothing is copied from a corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from engine.demo.corpus.common import PERSONS, SUBJECT_EN, SUBJECT_FR, Triple, balanced, capitalise, fr_elide

DOMAIN = "work_school"
TOTAL = 3000

FR_INDEX = {"i": 0, "you_m": 1, "you_f": 1, "he": 2, "she": 2, "we": 3, "you_pl": 4, "they": 5}
AR_SUFFIX = {"i": "ي", "you_m": "ك", "you_f": "كِ", "he": "ه", "she": "ها", "we": "نا", "you_pl": "كم",
             "they": "هم"}
EN_POSS = {"i": "my", "you_m": "your", "you_f": "your", "he": "his", "she": "her", "we": "our", "you_pl": "your",
           "they": "their"}
FR_POSS = {  # (masculine singular, feminine singular, plural)
    "i": ("mon", "ma", "mes"), "you_m": ("ton", "ta", "tes"), "you_f": ("ton", "ta", "tes"),
    "he": ("son", "sa", "ses"), "she": ("son", "sa", "ses"), "we": ("notre", "notre", "nos"),
    "you_pl": ("votre", "votre", "vos"), "they": ("leur", "leur", "leurs")}
VOWELS = "aeiouéèêàâîïôûh"

FR_AVOIR = ["ai", "as", "a", "avons", "avez", "ont"]
FR_ETRE = ["suis", "es", "est", "sommes", "êtes", "sont"]
FR_ETRE_IMPF = ["étais", "étais", "était", "étions", "étiez", "étaient"]
FR_FUT_END = ["ai", "as", "a", "ons", "ez", "ont"]
FR_VOULOIR = ["veux", "veux", "veut", "voulons", "voulez", "veulent"]
FR_DEVOIR = ["dois", "dois", "doit", "devons", "devez", "doivent"]
FR_POUVOIR = ["peux", "peux", "peut", "pouvons", "pouvez", "peuvent"]
FR_PRENDRE_FUT = ["prendrai", "prendras", "prendra", "prendrons", "prendrez", "prendront"]

AR_KANA = {"i": "كنت", "you_m": "كنت", "you_f": "كنتِ", "he": "كان", "she": "كانت", "we": "كنا", "you_pl": "كنتم",
           "they": "كانوا"}
AR_LAYSA = {"i": "لست", "you_m": "لست", "you_f": "لستِ", "he": "ليس", "she": "ليست", "we": "لسنا", "you_pl": "لستم",
            "they": "ليسوا"}
AR_LADAY = {"i": "لدي", "you_m": "لديك", "you_f": "لديكِ", "he": "لديه", "she": "لديها", "we": "لدينا",
            "you_pl": "لديكم", "they": "لديهم"}
AR_URID = {"i": "أريد", "you_m": "تريد", "you_f": "تريدين", "he": "يريد", "she": "تريد", "we": "نريد",
           "you_pl": "تريدون", "they": "يريدون"}
AR_ASTATI = {"i": "أستطيع", "you_m": "تستطيع", "you_f": "تستطيعين", "he": "يستطيع", "she": "تستطيع", "we": "نستطيع",
             "you_pl": "تستطيعون", "they": "يستطيعون"}
AR_AKHUDH_FUT = {"i": "سآخذ", "you_m": "ستأخذ", "you_f": "ستأخذين", "he": "سيأخذ", "she": "ستأخذ", "we": "سنأخذ",
                 "you_pl": "ستأخذون", "they": "سيأخذون"}
AR_PRONOUN = {"i": "أنا", "you_m": "أنت", "you_f": "أنتِ", "he": "هو", "she": "هي", "we": "نحن", "you_pl": "أنتم",
              "they": "هم"}


def T(en: str, fr: str, ar: str) -> Triple:
    return Triple(en, fr, ar, DOMAIN)


def sentence(en: str, fr: str, ar: str, mark: str = ".") -> Triple:
    """Capitalised, elided, punctuated triple (French gets a space before ? and !)."""
    ar_mark = {"?": "؟"}.get(mark, mark)
    fr_end = " " + mark if mark in "?!" else mark
    en = " ".join(en.split())
    fr = " ".join(fr.split())
    ar = " ".join(ar.split())
    return T(capitalise(en) + mark, fr_elide(capitalise(fr)) + fr_end, ar + ar_mark)


def j(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def en3(person: str) -> bool:
    return person in ("he", "she")


def en_be(person: str, past: bool = False) -> str:
    if past:
        return "was" if person in ("i", "he", "she") else "were"
    return {"i": "am", "he": "is", "she": "is"}.get(person, "are")


def en_have(person: str) -> str:
    return "has" if en3(person) else "have"


def en_do(person: str) -> str:
    return "does" if en3(person) else "do"


def fr_poss(person: str, gender: str, plural: bool, word: str) -> str:
    m, f, pl = FR_POSS[person]
    if plural:
        return pl
    if gender == "f" and word[:1].lower() not in VOWELS:
        return f
    return m


def ar_poss(noun: str, person: str) -> str:
    """Noun + possessive suffix (ta marbuta becomes ta)."""
    base = noun[:-1] + "ت" if noun.endswith("ة") else noun
    return base + AR_SUFFIX[person]


# --------------------------------------------------------------------------------------------- verbs


def ar_sound(pres: str, past: str, imp: str) -> dict:
    """Arabic forms of a sound verb (checked by hand for every verb that uses it)."""
    return {
        "pres": {"i": "أ" + pres, "you_m": "ت" + pres, "you_f": "ت" + pres + "ين", "he": "ي" + pres,
                 "she": "ت" + pres, "we": "ن" + pres, "you_pl": "ت" + pres + "ون", "they": "ي" + pres + "ون"},
        "subj": {"i": "أ" + pres, "you_m": "ت" + pres, "you_f": "ت" + pres + "ي", "he": "ي" + pres,
                 "she": "ت" + pres, "we": "ن" + pres, "you_pl": "ت" + pres + "وا", "they": "ي" + pres + "وا"},
        "past": {"i": past + "ت", "you_m": past + "ت", "you_f": past + "تِ", "he": past, "she": past + "ت",
                 "we": past + "نا", "you_pl": past + "تم", "they": past + "وا"},
        "imp": (imp, imp + "ي", imp + "وا"),
    }


def ar_table(pres: str, subj: str, past: str, imp: str) -> dict:
    """Arabic forms written out by hand: space-separated, in the order of PERSONS (imp: m, f, pl)."""
    return {"pres": dict(zip(PERSONS, pres.split(), strict=True)),
            "subj": dict(zip(PERSONS, subj.split(), strict=True)),
            "past": dict(zip(PERSONS, past.split(), strict=True)), "imp": tuple(imp.split())}


def fr_er(inf: str) -> dict:
    stem = inf[:-2]
    return {"inf": inf, "pres": [stem + e for e in ("e", "es", "e", "ons", "ez", "ent")], "pp": stem + "é",
            "fut": inf, "imp": (stem + "e", stem + "ez")}


def fr_table(inf: str, pres: str, pp: str, fut: str, imp: str) -> dict:
    return {"inf": inf, "pres": pres.split(), "pp": pp, "fut": fut, "imp": tuple(imp.split())}


class Obj:
    def __init__(self, en: str, fr: str, ar: str, roles: str, flags: str):
        self.en, self.fr, self.ar, self.roles, self.flags = en, fr, ar, roles, flags
        # after a negation a French direct object loses its indefinite article: "pas de dictionnaire"
        first, _, rest = fr.partition(" ")
        self.fr_neg = "de " + rest if first in ("un", "une") else fr


class VP:
    def __init__(self, en: str, fr: dict, ar: dict, objs: list[Obj]):
        self.base, self.s3, self.past, self.pp, self.ing = en.split()
        self.fr, self.ar, self.objs = fr, ar, objs

    def en_pres(self, person: str) -> str:
        return self.s3 if en3(person) else self.base

    def fr_pres(self, person: str) -> str:
        return self.fr["pres"][FR_INDEX[person]]

    def fr_fut(self, person: str) -> str:
        return self.fr["fut"] + FR_FUT_END[FR_INDEX[person]]


VERBS: list[VP] = [
    VP("write writes wrote written writing",
       fr_table("écrire", "écris écris écrit écrivons écrivez écrivent", "écrit", "écrir", "écris écrivez"),
       ar_sound("كتب", "كتب", "اكتب"),
       [Obj("the report", "le rapport", "التقرير", "w", "hrpm"),
        Obj("an essay on history", "une dissertation d'histoire", "مقالًا عن التاريخ", "s", "rpm"),
        Obj("the minutes of the meeting", "le compte rendu de la réunion", "محضر الاجتماع", "w", "hrpm"),
        Obj("a letter to the headmistress", "une lettre à la directrice", "رسالة إلى المديرة", "ws", "rpm")]),
    VP("send sends sent sent sending",
       fr_table("envoyer", "envoie envoies envoie envoyons envoyez envoient", "envoyé", "enverr",
                "envoie envoyez"),
       ar_sound("رسل", "أرسل", "أرسل"),
       [Obj("the file to the client", "le dossier au client", "الملف إلى العميل", "w", "rpm"),
        Obj("the invoices", "les factures", "الفواتير", "w", "hrpm"),
        Obj("the timetable to the students", "l'emploi du temps aux élèves", "الجدول الدراسي إلى الطلاب", "t",
            "rm"),
        Obj("an email to the whole team", "un e-mail à toute l'équipe", "رسالة إلكترونية إلى الفريق كله", "w",
            "hrpm")]),
    VP("prepare prepares prepared prepared preparing", fr_er("préparer"), ar_sound("جهز", "جهز", "جهز"),
       [Obj("the presentation", "la présentation", "العرض التقديمي", "ws", "rpm"),
        Obj("the agenda for the meeting", "l'ordre du jour de la réunion", "جدول أعمال الاجتماع", "w", "hrpm"),
        Obj("the lesson", "le cours", "الدرس", "t", "hrpm")]),
    VP("finish finishes finished finished finishing", fr_er("terminer"), ar_sound("كمل", "أكمل", "أكمل"),
       [Obj("the project", "le projet", "المشروع", "ws", "rpm"),
        Obj("the maths homework", "les devoirs de maths", "واجبات الرياضيات", "s", "hrpm"),
        Obj("the exercise", "l'exercice", "التمرين", "s", "rpm"),
        Obj("the translation", "la traduction", "الترجمة", "w", "rpm")]),
    VP("read reads read read reading",
       fr_table("lire", "lis lis lit lisons lisez lisent", "lu", "lir", "lis lisez"),
       ar_table("أقرأ تقرأ تقرئين يقرأ تقرأ نقرأ تقرؤون يقرؤون", "أقرأ تقرأ تقرئي يقرأ تقرأ نقرأ تقرؤوا يقرؤوا",
                "قرأت قرأت قرأتِ قرأ قرأت قرأنا قرأتم قرؤوا", "اقرأ اقرئي اقرؤوا"),
       [Obj("the contract", "le contrat", "العقد", "w", "rpm"),
        Obj("the third chapter", "le troisième chapitre", "الفصل الثالث", "s", "rpm"),
        Obj("the instructions", "les consignes", "التعليمات", "ws", "rm"),
        Obj("the teacher's comments", "les commentaires du professeur", "ملاحظات المعلم", "s", "rpm")]),
    VP("correct corrects corrected corrected correcting",
       fr_table("corriger", "corrige corriges corrige corrigeons corrigez corrigent", "corrigé", "corriger",
                "corrige corrigez"),
       ar_sound("صحح", "صحح", "صحح"),
       [Obj("the exam papers", "les copies", "أوراق الامتحان", "t", "hrpm"),
        Obj("the mistakes in the report", "les erreurs du rapport", "الأخطاء في التقرير", "w", "rpm"),
        Obj("the homework", "les devoirs", "الواجبات", "t", "hrpm")]),
    VP("review reviews reviewed reviewed reviewing", fr_er("réviser"), ar_sound("راجع", "راجع", "راجع"),
       [Obj("the lessons", "les leçons", "الدروس", "s", "hrpm"),
        Obj("the grammar rules", "les règles de grammaire", "قواعد النحو", "s", "rpm"),
        Obj("the vocabulary", "le vocabulaire", "المفردات", "s", "hrpm")]),
    VP("organize organizes organized organized organizing", fr_er("organiser"), ar_sound("نظم", "نظم", "نظم"),
       [Obj("a meeting with the team", "une réunion avec l'équipe", "اجتماعًا مع الفريق", "w", "hrm"),
        Obj("the files", "les dossiers", "الملفات", "w", "rpm"),
        Obj("a school trip", "une sortie scolaire", "رحلة مدرسية", "t", "rm")]),
    VP("print prints printed printed printing", fr_er("imprimer"), ar_sound("طبع", "طبع", "اطبع"),
       [Obj("the documents", "les documents", "المستندات", "w", "hrpm"),
        Obj("the timetable", "l'emploi du temps", "الجدول الدراسي", "st", "rm"),
        Obj("the slides", "les diapositives", "الشرائح", "ws", "rpm")]),
    VP("answer answers answered answered answering",
       fr_table("répondre", "réponds réponds répond répondons répondez répondent", "répondu", "répondr",
                "réponds répondez"),
       ar_table("أرد ترد تردين يرد ترد نرد تردون يردون", "أرد ترد تردي يرد ترد نرد تردوا يردوا",
                "رددت رددت رددتِ رد ردت رددنا رددتم ردوا", "رد ردي ردوا"),
       [Obj("the emails", "aux e-mails", "على الرسائل الإلكترونية", "w", "hrpm"),
        Obj("the teacher's questions", "aux questions du professeur", "على أسئلة المعلم", "s", "hrm"),
        Obj("the customers' questions", "aux questions des clients", "على أسئلة العملاء", "w", "hrpm")]),
    VP("attend attends attended attended attending", fr_er("assister"), ar_sound("حضر", "حضر", "احضر"),
       [Obj("the meeting", "à la réunion", "الاجتماع", "w", "hrm"),
        Obj("the lecture", "au cours", "المحاضرة", "s", "hrm"),
        Obj("the training course", "à la formation", "الدورة التدريبية", "w", "rm")]),
    VP("explain explains explained explained explaining", fr_er("expliquer"), ar_sound("شرح", "شرح", "اشرح"),
       [Obj("the lesson", "la leçon", "الدرس", "t", "hrpm"),
        Obj("the new project to the team", "le nouveau projet à l'équipe", "المشروع الجديد للفريق", "w", "rpm"),
        Obj("the exercise to the students", "l'exercice aux élèves", "التمرين للطلاب", "t", "rpm")]),
    VP("study studies studied studied studying", fr_er("étudier"), ar_sound("درس", "درس", "ادرس"),
       [Obj("mathematics", "les mathématiques", "الرياضيات", "s", "hpm"),
        Obj("for the exam", "pour l'examen", "للامتحان", "s", "hrpm"),
        Obj("in the library", "à la bibliothèque", "في المكتبة", "s", "hpm")]),
    VP("learn learns learned learned learning",
       fr_table("apprendre", "apprends apprends apprend apprenons apprenez apprennent", "appris", "apprendr",
                "apprends apprenez"),
       ar_sound("تعلم", "تعلم", "تعلم"),
       [Obj("the new words", "les nouveaux mots", "الكلمات الجديدة", "s", "hrpm"),
        Obj("Spanish", "l'espagnol", "اللغة الإسبانية", "s", "hpm"),
        Obj("the poem", "le poème", "القصيدة", "s", "rpm")]),
    VP("check checks checked checked checking", fr_er("vérifier"), ar_sound("تحقق", "تحقق", "تحقق"),
       [Obj("the figures", "les chiffres", "من الأرقام", "w", "hrpm"),
        Obj("the answers", "les réponses", "من الإجابات", "s", "rpm"),
        Obj("the schedule", "le planning", "من الجدول", "w", "hrm")]),
    VP("sign signs signed signed signing", fr_er("signer"), ar_sound("وقع", "وقع", "وقع"),
       [Obj("the contract", "le contrat", "العقد", "w", "rm"),
        Obj("the form", "le formulaire", "الاستمارة", "ws", "rm"),
        Obj("the attendance sheet", "la feuille de présence", "ورقة الحضور", "ws", "hrm")]),
    VP("call calls called called calling",
       fr_table("appeler", "appelle appelles appelle appelons appelez appellent", "appelé", "appeller",
                "appelle appelez"),
       ar_sound("تصل", "اتصل", "اتصل"),
       [Obj("the client", "le client", "بالعميل", "w", "hrpm"),
        Obj("the school", "l'école", "بالمدرسة", "ws", "rm"),
        Obj("the supplier", "le fournisseur", "بالمورد", "w", "rpm")]),
    VP("help helps helped helped helping", fr_er("aider"), ar_sound("ساعد", "ساعد", "ساعد"),
       [Obj("the new colleagues", "les nouveaux collègues", "الزملاء الجدد", "w", "hrm"),
        Obj("the students with their homework", "les élèves à faire leurs devoirs", "الطلاب في واجباتهم", "t",
            "hrpm")]),
    VP("use uses used used using", fr_er("utiliser"), ar_sound("ستخدم", "استخدم", "استخدم"),
       [Obj("the new software", "le nouveau logiciel", "البرنامج الجديد", "w", "hrpm"),
        Obj("a dictionary", "un dictionnaire", "قاموسًا", "s", "hrpm"),
        Obj("the printer on the second floor", "l'imprimante du deuxième étage", "الطابعة في الطابق الثاني", "w",
            "hrm")]),
    VP("discuss discusses discussed discussed discussing", fr_er("discuter"), ar_sound("ناقش", "ناقش", "ناقش"),
       [Obj("the budget", "du budget", "الميزانية", "w", "rpm"),
        Obj("the results of the exam", "des résultats de l'examen", "نتائج الامتحان", "st", "rpm"),
        Obj("the new schedule", "du nouveau planning", "الجدول الجديد", "w", "rpm")]),
    VP("do does did done doing",
       fr_table("faire", "fais fais fait faisons faites font", "fait", "fer", "fais faites"),
       ar_sound("نجز", "أنجز", "أنجز"),
       [Obj("the grammar exercises", "les exercices de grammaire", "تمارين القواعد", "s", "hrpm"),
        Obj("the exercises on page ten", "les exercices de la page dix", "تمارين الصفحة العاشرة", "s", "rpm")]),
    VP("pass passes passed passed passing",
       fr_table("réussir", "réussis réussis réussit réussissons réussissez réussissent", "réussi", "réussir",
                "réussis réussissez"),
       ar_sound("نجح", "نجح", "انجح"),
       [Obj("the exam", "l'examen", "في الامتحان", "s", "m"),
        Obj("the entrance exam", "le concours d'entrée", "في امتحان القبول", "s", "m")]),
    VP("meet meets met met meeting", fr_er("rencontrer"), ar_sound("قابل", "قابل", "قابل"),
       [Obj("the new client", "le nouveau client", "العميل الجديد", "w", "rm"),
        Obj("the students' parents", "les parents des élèves", "أولياء أمور الطلاب", "t", "rm")]),
    VP("apply applies applied applied applying", fr_er("postuler"), ar_sound("تقدم", "تقدم", "تقدم"),
       [Obj("for a job at the bank", "à un poste à la banque", "لوظيفة في البنك", "w", "m"),
        Obj("for a job in a big company", "à un poste dans une grande entreprise", "لوظيفة في شركة كبيرة", "w",
            "m")]),
    VP("work works worked worked working", fr_er("travailler"), ar_sound("عمل", "عمل", "اعمل"),
       [Obj("from home", "à la maison", "من البيت", "w", "hpm"),
        Obj("on the new project", "sur le nouveau projet", "على المشروع الجديد", "w", "hpm"),
        Obj("late", "tard", "حتى وقت متأخر", "w", "h")]),
]


class Subj:
    """A subject: a pronoun (``ar`` empty: dropped in Arabic) or a noun (Arabic verb-first, singular verb)."""

    def __init__(self, en: str, fr: str, ar: str, person: str, roles: str = "wst", ar_gender: str = "m"):
        self.en, self.fr, self.ar, self.person, self.roles = en, fr, ar, person, roles
        self.vperson = person if not ar else ("she" if ar_gender == "f" else "he")


PRONOUNS = [Subj(SUBJECT_EN[p], SUBJECT_FR[p], "", p) for p in PERSONS]
NAMES_M = [("Karim", "كريم"), ("Omar", "عمر"), ("Youssef", "يوسف"), ("Marc", "مارك"), ("Rachid", "رشيد"),
           ("Thomas", "توماس"), ("Adam", "آدم"), ("Samir", "سمير")]
NAMES_F = [("Sarah", "سارة"), ("Leila", "ليلى"), ("Amina", "أمينة"), ("Julie", "جولي"), ("Nadia", "نادية"),
           ("Claire", "كلير"), ("Yasmine", "ياسمين"), ("Fatima", "فاطمة")]
NOUN_SUBJECTS = (
    [Subj(n, n, a, "he") for n, a in NAMES_M] + [Subj(n, n, a, "she", ar_gender="f") for n, a in NAMES_F] + [
        Subj("my colleague", "mon collègue", "زميلي", "he", "w"),
        Subj("the manager", "le directeur", "المدير", "he", "w"),
        Subj("the new secretary", "la nouvelle secrétaire", "السكرتيرة الجديدة", "she", "w", "f"),
        Subj("the accountant", "le comptable", "المحاسب", "he", "w"),
        Subj("the interns", "les stagiaires", "المتدربون", "they", "w"),
        Subj("my colleagues", "mes collègues", "زملائي", "they", "w"),
        Subj("the teacher", "le professeur", "المعلم", "he", "t"),
        Subj("the maths teacher", "le professeur de maths", "معلم الرياضيات", "he", "t"),
        Subj("the headmistress", "la directrice", "المديرة", "she", "t", "f"),
        Subj("the students", "les étudiants", "الطلاب", "they", "s"),
        Subj("the pupils", "les élèves", "التلاميذ", "they", "s"),
        Subj("my sister", "ma sœur", "أختي", "she", "s", "f"),
        Subj("my brother", "mon frère", "أخي", "he", "ws"),
        Subj("her son", "son fils", "ابنها", "he", "s"),
    ])

HABIT = [("every morning", "tous les matins", "كل صباح"), ("every day", "tous les jours", "كل يوم"),
         ("on Mondays", "le lundi", "أيام الاثنين"), ("every week", "chaque semaine", "كل أسبوع"),
         ("in the afternoon", "l'après-midi", "بعد الظهر"), ("on Fridays", "le vendredi", "أيام الجمعة"),
         ("in the evening", "le soir", "في المساء"), ("at the weekend", "le week-end", "في عطلة نهاية الأسبوع")]
PAST_T = [("yesterday", "hier", "أمس"), ("last week", "la semaine dernière", "الأسبوع الماضي"),
          ("this morning", "ce matin", "صباح اليوم"), ("on Friday", "vendredi", "يوم الجمعة"),
          ("two days ago", "il y a deux jours", "قبل يومين"), ("yesterday afternoon", "hier après-midi",
                                                               "أمس بعد الظهر"),
          ("last month", "le mois dernier", "الشهر الماضي"), ("after the meeting", "après la réunion",
                                                               "بعد الاجتماع")]
FUT_T = [("tomorrow", "demain", "غدًا"), ("next week", "la semaine prochaine", "الأسبوع المقبل"),
         ("this afternoon", "cet après-midi", "بعد ظهر اليوم"), ("on Monday", "lundi", "يوم الاثنين"),
         ("tomorrow morning", "demain matin", "صباح الغد"), ("before the meeting", "avant la réunion",
                                                            "قبل الاجتماع"),
         ("after lunch", "après le déjeuner", "بعد الغداء"), ("on Thursday", "jeudi", "يوم الخميس")]
TODAY_T = [("today", "aujourd'hui", "اليوم"), ("this week", "cette semaine", "هذا الأسبوع"),
           ("before Friday", "avant vendredi", "قبل يوم الجمعة"),
           ("before the end of the day", "avant la fin de la journée", "قبل نهاية اليوم"),
           ("", "", ""), ("this evening", "ce soir", "هذا المساء")]
CLASH = ("meeting", "lunch", "exam")
TODAY_EN = {t[0] for t in TODAY_T if t[0]}


NO_DEADLINE = {"attend", "study", "help", "use", "meet", "work", "learn"}


def clash(a: str, b: str) -> bool:
    return any(w in a and w in b for w in CLASH)


def time_ok(te: str, vp: VP, o: Obj) -> bool:
    """Keep time adverbs compatible with the verb phrase."""
    if clash(te, o.en):
        return False
    if "meeting" in te and "w" not in o.roles:
        return False
    if te.startswith("before") and vp.base in NO_DEADLINE:
        return False
    if o.en == "late" and "morning" in te:
        return False
    if vp.base == "pass" and te in TODAY_EN:
        return False
    return not (o.roles == "t" and te in ("in the evening", "at the weekend"))


def pick_vp(rng: random.Random, subj: Subj, flag: str) -> tuple[VP, Obj] | None:
    for _ in range(30):
        vp = rng.choice(VERBS)
        obj = rng.choice(vp.objs)
        if (not flag or flag in obj.flags) and set(obj.roles) & set(subj.roles):
            return vp, obj
    return None


def pick_subj(rng: random.Random, exclude: tuple[str, ...] = ()) -> Subj:
    while True:
        s = rng.choice(PRONOUNS) if rng.random() < 0.5 else rng.choice(NOUN_SUBJECTS)
        if s.ar or s.person not in exclude:
            return s


def ar_clause(verb: str, subj: Subj, obj: str, *rest: str) -> str:
    """Arabic verb-first clause: the verb, then the subject noun (if any), the object and the rest."""
    return j(verb, subj.ar, obj, *rest)


def vp_gen(seed: int, flag: str, build: Callable, n: int = 260, exclude: tuple[str, ...] = ()) -> list[Triple]:
    rng = random.Random(seed)
    out = []
    for _ in range(n * 3):
        subj = pick_subj(rng, exclude)
        pv = pick_vp(rng, subj, flag)
        if pv is None:
            continue
        t = build(rng, subj, *pv)
        if t is not None:
            out.append(t)
        if len(out) >= n:
            break
    return out


def g_present() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(HABIT)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, vp.en_pres(p), o.en, te), j(s.fr, vp.fr_pres(p), o.fr, tf),
                        ar_clause(vp.ar["pres"][s.vperson], s, o.ar, ta))
    return vp_gen(101, "h", build)


def g_past() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(PAST_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, vp.past, o.en, te), j(s.fr, FR_AVOIR[FR_INDEX[p]], vp.fr["pp"], o.fr, tf),
                        ar_clause(vp.ar["past"][s.vperson], s, o.ar, ta))
    return vp_gen(102, "", build)


def g_future() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(FUT_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, "will", vp.base, o.en, te), j(s.fr, vp.fr_fut(p), o.fr, tf),
                        ar_clause("س" + vp.ar["pres"][s.vperson], s, o.ar, ta))
    return vp_gen(103, "", build)


def g_neg_present() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(HABIT)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, en_do(p) + "n't", vp.base, o.en, te),
                        j(s.fr, "ne", vp.fr_pres(p), "pas", o.fr_neg, tf),
                        ar_clause("لا " + vp.ar["pres"][s.vperson], s, o.ar, ta))
    return vp_gen(104, "h", build)


def g_neg_past() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(PAST_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, "didn't", vp.base, o.en, te),
                        j(s.fr, "ne", FR_AVOIR[FR_INDEX[p]], "pas", vp.fr["pp"], o.fr_neg, tf),
                        ar_clause("لم " + vp.ar["subj"][s.vperson], s, o.ar, ta))
    return vp_gen(105, "", build)


def g_neg_future() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(FUT_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, "won't", vp.base, o.en, te), j(s.fr, "ne", vp.fr_fut(p), "pas", o.fr_neg, tf),
                        ar_clause("لن " + vp.ar["subj"][s.vperson], s, o.ar, ta))
    return vp_gen(106, "", build)


def g_q_present() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(HABIT)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(en_do(p), s.en, vp.base, o.en, te), j("est-ce que", s.fr, vp.fr_pres(p), o.fr, tf),
                        "هل " + ar_clause(vp.ar["pres"][s.vperson], s, o.ar, ta), "?")
    return vp_gen(107, "h", build, exclude=("i",))


def g_q_past() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(PAST_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j("did", s.en, vp.base, o.en, te),
                        j("est-ce que", s.fr, FR_AVOIR[FR_INDEX[p]], vp.fr["pp"], o.fr, tf),
                        "هل " + ar_clause(vp.ar["past"][s.vperson], s, o.ar, ta), "?")
    return vp_gen(108, "", build, exclude=("i",))


def g_q_future() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(FUT_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j("will", s.en, vp.base, o.en, te), j("est-ce que", s.fr, vp.fr_fut(p), o.fr, tf),
                        "هل " + ar_clause("س" + vp.ar["pres"][s.vperson], s, o.ar, ta), "?")
    return vp_gen(109, "", build, exclude=("i",))


def g_want() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(TODAY_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        neg = rng.random() < 0.35
        want = "wants" if en3(p) else "want"
        en_v = (en_do(p) + "n't want" if neg else want)
        fr_v = j("ne" if neg else "", FR_VOULOIR[FR_INDEX[p]], "pas" if neg else "")
        ar_v = ("لا " if neg else "") + AR_URID[s.vperson]
        return sentence(j(s.en, en_v, "to", vp.base, o.en, te),
                        j(s.fr, fr_v, vp.fr["inf"], o.fr_neg if neg else o.fr, tf),
                        j(ar_v, s.ar, "أن", vp.ar["subj"][p], o.ar, ta))
    return vp_gen(110, "m", build)


def g_must() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(TODAY_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, en_have(p), "to", vp.base, o.en, te),
                        j(s.fr, FR_DEVOIR[FR_INDEX[p]], vp.fr["inf"], o.fr, tf),
                        j("يجب أن", vp.ar["subj"][s.vperson], s.ar, o.ar, ta))
    return vp_gen(111, "m", build)


def g_cannot() -> list[Triple]:
    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(TODAY_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        return sentence(j(s.en, "can't", vp.base, o.en, te),
                        j(s.fr, "ne", FR_POUVOIR[FR_INDEX[p]], "pas", vp.fr["inf"], o.fr_neg, tf),
                        j("لا", AR_ASTATI[s.vperson], s.ar, "أن", vp.ar["subj"][p], o.ar, ta))
    return vp_gen(112, "m", build)


def g_progressive() -> list[Triple]:
    def build(rng, s, vp, o):
        p = s.person
        en_now = rng.choice(["now", "right now", "at the moment"])
        fr_now = {"now": "", "right now": "", "at the moment": "en ce moment"}[en_now]
        ar_now = "الآن" if en_now != "at the moment" else "في هذه اللحظة"
        return sentence(j(s.en, en_be(p), vp.ing, o.en, en_now),
                        j(s.fr, FR_ETRE[FR_INDEX[p]], "en train de", vp.fr["inf"], o.fr, fr_now),
                        ar_clause(vp.ar["pres"][s.vperson], s, o.ar, ar_now))
    return vp_gen(113, "p", build)


def g_already() -> list[Triple]:
    def build(rng, s, vp, o):
        p = s.person
        return sentence(j(s.en, en_have(p), "already", vp.pp, o.en),
                        j(s.fr, FR_AVOIR[FR_INDEX[p]], "déjà", vp.fr["pp"], o.fr),
                        ar_clause(vp.ar["past"][s.vperson], s, o.ar, "بالفعل"))
    return vp_gen(114, "", build)


def g_not_yet() -> list[Triple]:
    def build(rng, s, vp, o):
        p = s.person
        return sentence(j(s.en, en_have(p) + "n't", vp.pp, o.en, "yet"),
                        j(s.fr, "ne", FR_AVOIR[FR_INDEX[p]], "pas encore", vp.fr["pp"], o.fr_neg),
                        ar_clause("لم " + vp.ar["subj"][s.vperson], s, o.ar, "بعد"))
    return vp_gen(115, "", build)


def g_why_not() -> list[Triple]:
    inv = {"you_m": "n'as-tu pas", "you_f": "n'as-tu pas", "you_pl": "n'avez-vous pas", "he": "n'a-t-il pas",
           "she": "n'a-t-elle pas", "we": "n'avons-nous pas", "they": "n'ont-ils pas"}

    def build(rng, s, vp, o):
        te, tf, ta = rng.choice(PAST_T)
        if not time_ok(te, vp, o):
            return None
        p = s.person
        if s.ar or rng.random() < 0.4:
            fr = j("pourquoi est-ce que", s.fr, "ne", FR_AVOIR[FR_INDEX[p]], "pas", vp.fr["pp"], o.fr_neg, tf)
        else:
            fr = j("pourquoi", inv[p], vp.fr["pp"], o.fr_neg, tf)
        return sentence(j("why didn't", s.en, vp.base, o.en, te), fr,
                        "لماذا " + ar_clause("لم " + vp.ar["subj"][s.vperson], s, o.ar, ta), "?")
    return vp_gen(116, "", build, exclude=("i",))


def g_when_will() -> list[Triple]:
    def build(rng, s, vp, o):
        p = s.person
        return sentence(j("when will", s.en, vp.base, o.en), j("quand est-ce que", s.fr, vp.fr_fut(p), o.fr),
                        "متى " + ar_clause("س" + vp.ar["pres"][s.vperson], s, o.ar), "?")
    return vp_gen(117, "m", build, exclude=("i", "we"))


VOCATIVES = [  # en, fr, ar, French register (0 tu, 1 vous), Arabic person
    ("Karim", "Karim", "يا كريم", 0, "you_m"), ("Omar", "Omar", "يا عمر", 0, "you_m"),
    ("Sarah", "Sarah", "يا سارة", 0, "you_f"), ("Leila", "Leila", "يا ليلى", 0, "you_f"),
    ("Nadia", "Nadia", "يا نادية", 0, "you_f"), ("Youssef", "Youssef", "يا يوسف", 0, "you_m"),
    ("Mr Martin", "Monsieur Martin", "سيد مارتن", 1, "you_m"),
    ("Mrs Dubois", "Madame Dubois", "سيدة دوبوا", 1, "you_f"),
    ("Dear colleagues", "Chers collègues", "أيها الزملاء الأعزاء", 1, "you_pl"),
    ("Children", "Les enfants", "يا أطفال", 1, "you_pl"),
    ("", "", "", 0, "you_m"), ("", "", "", 0, "you_f"), ("", "", "", 1, "you_pl"),
]
AR_PLEASE = {"you_m": "من فضلك", "you_f": "من فضلكِ", "you_pl": "من فضلكم"}
AR_IMP_INDEX = {"you_m": 0, "you_f": 1, "you_pl": 2}


def _voc_ok(voc, obj: Obj) -> bool:
    if voc[0] == "Children":
        return "s" in obj.roles
    if voc[0] == "Dear colleagues":
        return "w" in obj.roles
    return True


def req_gen(seed: int, build: Callable, n: int = 220) -> list[Triple]:
    rng = random.Random(seed)
    out = []
    for _ in range(n * 3):
        voc = rng.choice(VOCATIVES)
        vp = rng.choice(VERBS)
        obj = rng.choice(vp.objs)
        if "r" not in obj.flags or not _voc_ok(voc, obj):
            continue
        t = build(rng, voc, vp, obj)
        if t:
            out.append(t)
        if len(out) >= n:
            break
    return out


def g_imperative() -> list[Triple]:
    def build(rng, voc, vp, o):
        ven, vfr, var, vous, p = voc
        te, tf, ta = rng.choice(TODAY_T)
        if not time_ok(te, vp, o):
            return None
        fr_imp = vp.fr["imp"][vous]
        fr_please = "s'il vous plaît" if vous else "s'il te plaît"
        ar_imp = vp.ar["imp"][AR_IMP_INDEX[p]]
        en = j(ven + "," if ven else "", "please", vp.base, o.en, te)
        fr = j(vfr + "," if vfr else "", fr_imp, o.fr, tf + ",", fr_please) if tf else \
            j(vfr + "," if vfr else "", fr_imp, o.fr + ",", fr_please)
        ar = j(var + "،" if var else "", ar_imp, o.ar, ta, AR_PLEASE[p])
        return sentence(en, fr, ar)
    return req_gen(118, build)


def g_could_you() -> list[Triple]:
    def build(rng, voc, vp, o):
        ven, vfr, var, vous, p = voc
        head_fr = "pourriez-vous" if vous else rng.choice(["tu pourrais", "est-ce que tu peux"])
        fr_please = "s'il vous plaît" if vous else "s'il te plaît"
        en = j(ven + "," if ven else "", "could you", vp.base, o.en + ",", "please")
        fr = j(vfr + "," if vfr else "", head_fr, vp.fr["inf"], o.fr + ",", fr_please)
        ar_can = {"you_m": "يمكنك", "you_f": "يمكنكِ", "you_pl": "يمكنكم"}[p]
        ar = j(var + "،" if var else "", "هل", ar_can, "أن", vp.ar["subj"][p], o.ar, AR_PLEASE[p])
        return sentence(en, fr, ar, "?")
    return req_gen(119, build)


def g_dont_forget() -> list[Triple]:
    def build(rng, voc, vp, o):
        ven, vfr, var, vous, p = voc
        te, tf, ta = rng.choice(TODAY_T)
        if not time_ok(te, vp, o):
            return None
        fr_neg = "n'oubliez pas de" if vous else "n'oublie pas de"
        ar_neg = {"you_m": "لا تنس", "you_f": "لا تنسي", "you_pl": "لا تنسوا"}[p]
        en = j(ven + "," if ven else "", "don't forget to", vp.base, o.en, te)
        fr = j(vfr + "," if vfr else "", fr_neg, vp.fr["inf"], o.fr, tf)
        ar = j(var + "،" if var else "", ar_neg, "أن", vp.ar["subj"][p], o.ar, ta)
        return sentence(en, fr, ar, "!")
    return req_gen(120, build)


# --------------------------------------------------------------------------------------------- nouns


class Adj:
    """A predicative adjective: English, French (m, f, m pl, f pl), Arabic (m, f, m accusative)."""

    def __init__(self, en: str, fr: str, ar: str, very: bool = True):
        self.en = en
        self.fr = dict(zip(("m", "f", "mp", "fp"), fr.split("|"), strict=True))
        self.ar_m, self.ar_f, self.ar_acc = ar.split("|")
        self.very = very

    def fr_form(self, gender: str, plural: bool) -> str:
        return self.fr[gender + ("p" if plural else "")]


ADJ = {
    "difficult": Adj("difficult", "difficile|difficile|difficiles|difficiles", "صعب|صعبة|صعبًا"),
    "easy": Adj("easy", "facile|facile|faciles|faciles", "سهل|سهلة|سهلًا"),
    "long": Adj("long", "long|longue|longs|longues", "طويل|طويلة|طويلًا"),
    "short": Adj("short", "court|courte|courts|courtes", "قصير|قصيرة|قصيرًا"),
    "important": Adj("important", "important|importante|importants|importantes", "مهم|مهمة|مهمًا"),
    "interesting": Adj("interesting", "intéressant|intéressante|intéressants|intéressantes",
                       "مثير للاهتمام|مثيرة للاهتمام|مثيرًا للاهتمام"),
    "useful": Adj("useful", "utile|utile|utiles|utiles", "مفيد|مفيدة|مفيدًا"),
    "boring": Adj("boring", "ennuyeux|ennuyeuse|ennuyeux|ennuyeuses", "ممل|مملة|مملًا"),
    "ready": Adj("ready", "prêt|prête|prêts|prêtes", "جاهز|جاهزة|جاهزًا", False),
    "clean": Adj("clean", "propre|propre|propres|propres", "نظيف|نظيفة|نظيفًا"),
    "quiet": Adj("quiet", "calme|calme|calmes|calmes", "هادئ|هادئة|هادئًا"),
    "open": Adj("open", "ouvert|ouverte|ouverts|ouvertes", "مفتوح|مفتوحة|مفتوحًا", False),
    "closed": Adj("closed", "fermé|fermée|fermés|fermées", "مغلق|مغلقة|مغلقًا", False),
    "broken": Adj("out of order", "en panne|en panne|en panne|en panne", "معطل|معطلة|معطلًا", False),
    "modern": Adj("modern", "moderne|moderne|modernes|modernes", "حديث|حديثة|حديثًا"),
    "new": Adj("new", "neuf|neuve|neufs|neuves", "جديد|جديدة|جديدًا", False),
    "big": Adj("big", "grand|grande|grands|grandes", "كبير|كبيرة|كبيرًا"),
    "small": Adj("small", "petit|petite|petits|petites", "صغير|صغيرة|صغيرًا"),
    "clear": Adj("clear", "clair|claire|clairs|claires", "واضح|واضحة|واضحًا"),
    "urgent": Adj("urgent", "urgent|urgente|urgents|urgentes", "عاجل|عاجلة|عاجلًا", False),
    "late": Adj("late", "en retard|en retard|en retard|en retard", "متأخر|متأخرة|متأخرًا", False),
    "slow": Adj("slow", "lent|lente|lents|lentes", "بطيء|بطيئة|بطيئًا"),
    "fast": Adj("fast", "rapide|rapide|rapides|rapides", "سريع|سريعة|سريعًا"),
    "famous": Adj("famous", "célèbre|célèbre|célèbres|célèbres", "مشهور|مشهورة|مشهورًا"),
    "full": Adj("full", "plein|pleine|pleins|pleines", "ممتلئ|ممتلئة|ممتلئًا", False),
    "good": Adj("good", "bon|bonne|bons|bonnes", "جيد|جيدة|جيدًا"),
    "excellent": Adj("excellent", "excellent|excellente|excellents|excellentes", "ممتاز|ممتازة|ممتازًا", False),
    "low": Adj("low", "bas|basse|bas|basses", "منخفض|منخفضة|منخفضًا"),
    "high": Adj("high", "élevé|élevée|élevés|élevées", "مرتفع|مرتفعة|مرتفعًا"),
    "busy": Adj("busy", "chargé|chargée|chargés|chargées", "مزدحم|مزدحمة|مزدحمًا"),
    "cold": Adj("cold", "froid|froide|froids|froides", "بارد|باردة|باردًا"),
}
TEMPORARY = {"open", "closed", "broken", "full", "cold", "quiet", "busy"}


class Noun:
    """A non-human noun: en sg/pl, fr sg/pl + gender, ar sg / plural / gender / dual (nom, gen) / accusative."""

    def __init__(self, en: str, fr: str, ar: str, adjs: str = "", event: bool = False):
        self.en, self.en_pl = en.split("|")
        self.fr, self.fr_pl, self.fr_g = fr.split("|")
        self.ar, self.ar_pl, self.ar_g, self.du, self.du_gen, self.acc = ar.split("|")
        self.adjs = adjs.split()
        self.event = event

    def ar_def(self, plural: bool = False) -> str:
        return "ال" + (self.ar_pl if plural else self.ar)

    def fr_def(self, plural: bool = False) -> str:
        return "les " + self.fr_pl if plural else ("le " if self.fr_g == "m" else "la ") + self.fr

    def fr_indef(self) -> str:
        return ("un " if self.fr_g == "m" else "une ") + self.fr

    def ar_sg_gender(self, plural: bool) -> str:
        """Gender of agreement: non-human plurals agree in the feminine singular."""
        return "f" if plural else self.ar_g


N = {
    "exam": Noun("exam|exams", "examen|examens|m", "امتحان|امتحانات|m|امتحانان|امتحانين|امتحانًا",
                 "difficult easy long short important", True),
    "lesson": Noun("lesson|lessons", "leçon|leçons|f", "درس|دروس|m|درسان|درسين|درسًا",
                   "interesting boring long short clear difficult easy useful", True),
    "meeting": Noun("meeting|meetings", "réunion|réunions|f", "اجتماع|اجتماعات|m|اجتماعان|اجتماعين|اجتماعًا",
                    "long short important boring useful", True),
    "report": Noun("report|reports", "rapport|rapports|m", "تقرير|تقارير|m|تقريران|تقريرين|تقريرًا",
                   "long short ready clear important late"),
    "office": Noun("office|offices", "bureau|bureaux|m", "مكتب|مكاتب|m|مكتبان|مكتبين|مكتبًا",
                   "big small clean quiet modern cold"),
    "classroom": Noun("classroom|classrooms", "salle de classe|salles de classe|f", "فصل|فصول|m|فصلان|فصلين|فصلًا",
                      "big small clean quiet cold full"),
    "library": Noun("library|libraries", "bibliothèque|bibliothèques|f", "مكتبة|مكتبات|f|مكتبتان|مكتبتين|مكتبة",
                    "big quiet modern open closed full"),
    "printer": Noun("printer|printers", "imprimante|imprimantes|f", "طابعة|طابعات|f|طابعتان|طابعتين|طابعة",
                    "broken new slow fast"),
    "computer": Noun("computer|computers", "ordinateur|ordinateurs|m", "حاسوب|حواسيب|m|حاسوبان|حاسوبين|حاسوبًا",
                     "broken new slow fast"),
    "question": Noun("question|questions", "question|questions|f", "سؤال|أسئلة|m|سؤالان|سؤالين|سؤالًا",
                     "difficult easy clear important"),
    "exercise": Noun("exercise|exercises", "exercice|exercices|m", "تمرين|تمارين|m|تمرينان|تمرينين|تمرينًا",
                     "difficult easy long short"),
    "task": Noun("task|tasks", "tâche|tâches|f", "مهمة|مهام|f|مهمتان|مهمتين|مهمة", "difficult easy urgent important"),
    "company": Noun("company|companies", "entreprise|entreprises|f", "شركة|شركات|f|شركتان|شركتين|شركة",
                    "big small modern famous"),
    "university": Noun("university|universities", "université|universités|f", "جامعة|جامعات|f|جامعتان|جامعتين|جامعة",
                       "big modern famous"),
    "school": Noun("school|schools", "école|écoles|f", "مدرسة|مدارس|f|مدرستان|مدرستين|مدرسة",
                   "big small modern quiet"),
    "contract": Noun("contract|contracts", "contrat|contrats|m", "عقد|عقود|m|عقدان|عقدين|عقدًا",
                     "long short clear ready"),
    "salary": Noun("salary|salaries", "salaire|salaires|m", "راتب|رواتب|m|راتبان|راتبين|راتبًا", "good low high"),
    "result": Noun("result|results", "résultat|résultats|m", "نتيجة|نتائج|f|نتيجتان|نتيجتين|نتيجة",
                   "good excellent important"),
    "dictionary": Noun("dictionary|dictionaries", "dictionnaire|dictionnaires|m",
                       "قاموس|قواميس|m|قاموسان|قاموسين|قاموسًا", "new useful big small"),
    "book": Noun("book|books", "livre|livres|m", "كتاب|كتب|m|كتابان|كتابين|كتابًا",
                 "new interesting boring long useful"),
    "notebook": Noun("notebook|notebooks", "cahier|cahiers|m", "دفتر|دفاتر|m|دفتران|دفترين|دفترًا", "new small big"),
    "timetable": Noun("timetable|timetables", "emploi du temps|emplois du temps|m", "جدول|جداول|m|جدولان|جدولين|جدولًا",
                      "busy clear ready"),
    "page": Noun("page|pages", "page|pages|f", "صفحة|صفحات|f|صفحتان|صفحتين|صفحة", ""),
    "email": Noun("message|messages", "message|messages|m", "رسالة|رسائل|f|رسالتان|رسالتين|رسالة", "long short urgent"),
    "lecture": Noun("lecture|lectures", "cours magistral|cours magistraux|m",
                    "محاضرة|محاضرات|f|محاضرتان|محاضرتين|محاضرة",
                    "long interesting boring", True),
    "hour": Noun("hour|hours", "heure|heures|f", "ساعة|ساعات|f|ساعتان|ساعتين|ساعة", ""),
    "minute": Noun("minute|minutes", "minute|minutes|f", "دقيقة|دقائق|f|دقيقتان|دقيقتين|دقيقة", ""),
    "day": Noun("day|days", "jour|jours|m", "يوم|أيام|m|يومان|يومين|يومًا", ""),
    "week": Noun("week|weeks", "semaine|semaines|f", "أسبوع|أسابيع|m|أسبوعان|أسبوعين|أسبوعًا", ""),
    "month": Noun("month|months", "mois|mois|m", "شهر|أشهر|m|شهران|شهرين|شهرًا", ""),
    "year": Noun("year|years", "an|ans|m", "سنة|سنوات|f|سنتان|سنتين|سنة", ""),
    "language": Noun("language|languages", "langue|langues|f", "لغة|لغات|f|لغتان|لغتين|لغة", ""),
}


class Human:
    """A human counted noun: en sg/pl, fr sg/pl + gender, ar sg, plural after 3-10 (genitive), gender, dual, acc."""

    def __init__(self, en: str, fr: str, ar: str):
        self.en, self.en_pl = en.split("|")
        self.fr, self.fr_pl, self.fr_g = fr.split("|")
        self.ar, self.ar_pl, self.ar_g, self.du, self.du_gen, self.acc = ar.split("|")


HUMAN = {
    "student": Human("student|students", "étudiant|étudiants|m", "طالب|طلاب|m|طالبان|طالبين|طالبًا"),
    "employee": Human("employee|employees", "employé|employés|m", "موظف|موظفين|m|موظفان|موظفين|موظفًا"),
    "teacher": Human("teacher|teachers", "professeur|professeurs|m", "معلم|معلمين|m|معلمان|معلمين|معلمًا"),
    "girl": Human("girl|girls", "fille|filles|f", "بنت|بنات|f|بنتان|بنتين|بنتًا"),
    "engineer": Human("engineer|engineers", "ingénieur|ingénieurs|m", "مهندس|مهندسين|m|مهندسان|مهندسين|مهندسًا"),
}

NUM_WORDS = {2: ("two", "deux"), 3: ("three", "trois", "ثلاثة", "ثلاث"), 4: ("four", "quatre", "أربعة", "أربع"),
             5: ("five", "cinq", "خمسة", "خمس"), 6: ("six", "six", "ستة", "ست"), 7: ("seven", "sept", "سبعة", "سبع"),
             8: ("eight", "huit", "ثمانية", "ثماني"), 9: ("nine", "neuf", "تسعة", "تسع"),
             10: ("ten", "dix", "عشرة", "عشر")}


def count_np(n: int, noun, case: str = "nom") -> tuple[str, str, str]:
    """(en, fr, ar) of "n nouns" with Arabic number agreement; case: nom, acc or gen (for the dual)."""
    if n == 1:
        one = "واحد" if noun.ar_g == "m" else "واحدة"
        return (f"one {noun.en}", ("un " if noun.fr_g == "m" else "une ") + noun.fr, f"{noun.ar} {one}")
    if n == 2:
        return (f"two {noun.en_pl}", f"deux {noun.fr_pl}", noun.du if case == "nom" else noun.du_gen)
    if n <= 10:
        en, fr, ar_m, ar_f = NUM_WORDS[n]
        return (f"{en} {noun.en_pl}", f"{fr} {noun.fr_pl}", f"{ar_m if noun.ar_g == 'm' else ar_f} {noun.ar_pl}")
    return (f"{n} {noun.en_pl}", f"{n} {noun.fr_pl}", f"{n} {noun.acc}")


def g_adj_present() -> list[Triple]:
    rng = random.Random(201)
    out = []
    for noun in N.values():
        for a in noun.adjs:
            adj = ADJ[a]
            for plural in (False, True):
                for very in (False, True):
                    if very and not adj.very:
                        continue
                    g = noun.ar_sg_gender(plural)
                    ar_adj = adj.ar_m if g == "m" else adj.ar_f
                    te, tf, ta = rng.choice([("today", "aujourd'hui", "اليوم"), ("this morning", "ce matin",
                                                                                    "هذا الصباح"), ("", "", "")]) \
                        if a in TEMPORARY else ("", "", "")
                    en = j("the", noun.en_pl if plural else noun.en, "are" if plural else "is", "very" if very else "",
                           adj.en, te)
                    fr = j(noun.fr_def(plural), "sont" if plural else "est", "très" if very else "",
                           adj.fr_form(noun.fr_g, plural), tf)
                    ar = j(noun.ar_def(plural), ar_adj, "جدًا" if very else "", ta)
                    out.append(sentence(en, fr, ar))
    return out


EVENT_QUAL = [("yesterday's", "de hier", "أمس"), ("last week's", "de la semaine dernière", "الأسبوع الماضي"),
              ("this morning's", "de ce matin", "هذا الصباح"), ("", "", "")]


def g_adj_past() -> list[Triple]:
    out = []
    for noun in N.values():
        quals = EVENT_QUAL if noun.event else [("", "", "")]
        for a in noun.adjs:
            adj = ADJ[a]
            for plural in (False, True):
                for qe, qf, qa in quals:
                    for very in (False, True):
                        if very and not adj.very:
                            continue
                        g = noun.ar_sg_gender(plural)
                        ar_adj = adj.ar_acc if g == "m" else adj.ar_f
                        en_np = (qe + " " if qe else "the ") + (noun.en_pl if plural else noun.en)
                        fr_np = j(noun.fr_def(plural), qf)
                        ar_np = j(noun.ar_pl if plural else noun.ar, qa) if qa else noun.ar_def(plural)
                        en = j(en_np, "were" if plural else "was", "very" if very else "", adj.en)
                        fr = j(fr_np, "étaient" if plural else "était", "très" if very else "",
                               adj.fr_form(noun.fr_g, plural))
                        ar = j("كان" if g == "m" else "كانت", ar_np, ar_adj, "جدًا" if very else "")
                        out.append(sentence(en, fr, ar))
    return out


def g_adj_neg_question() -> list[Triple]:
    out = []
    rng = random.Random(203)
    for noun in N.values():
        for a in noun.adjs:
            adj = ADJ[a]
            for plural in (False, True):
                g = noun.ar_sg_gender(plural)
                n_en = noun.en_pl if plural else noun.en
                fr_adj = adj.fr_form(noun.fr_g, plural)
                # negative
                en = j("the", n_en, "aren't" if plural else "isn't", adj.en)
                fr = j(noun.fr_def(plural), "ne", "sont" if plural else "est", "pas", fr_adj)
                ar = j(noun.ar_def(plural), "ليس" if g == "m" else "ليست", adj.ar_acc if g == "m" else adj.ar_f)
                out.append(sentence(en, fr, ar))
                # question
                en = j("are" if plural else "is", "the", n_en, adj.en)
                if rng.random() < 0.5:
                    fr = j("est-ce que", noun.fr_def(plural), "sont" if plural else "est", fr_adj)
                else:
                    pron = {("m", False): "est-il", ("f", False): "est-elle", ("m", True): "sont-ils",
                            ("f", True): "sont-elles"}[(noun.fr_g, plural)]
                    fr = j(noun.fr_def(plural), pron, fr_adj)
                ar = j("هل", noun.ar_def(plural), adj.ar_m if g == "m" else adj.ar_f)
                out.append(sentence(en, fr, ar, "?"))
    return out


class HAdj:
    """A human adjective: en, fr (m|f|mp|fp), ar (m|f|mp|fp|acc m|acc mp)."""

    def __init__(self, en: str, fr: str, ar: str, first_person: bool = True, stative: bool = False):
        self.en, self.stative = en, stative
        self.fr = dict(zip(("m", "f", "mp", "fp"), fr.split("|"), strict=True))
        forms = ar.split("|")
        self.ar = dict(zip(("m", "f", "mp", "fp"), forms[:4], strict=True))
        self.acc = {"m": forms[4], "f": forms[1], "mp": forms[5], "fp": forms[3],
                    "md": forms[0] + "ين", "fd": forms[1][:-1] + "تين"}
        self.ar["md"] = forms[0] + "ان"
        self.ar["fd"] = forms[1][:-1] + "تان"
        self.first_person = first_person


HADJ = [
    HAdj("tired", "fatigué|fatiguée|fatigués|fatiguées", "متعب|متعبة|متعبون|متعبات|متعبًا|متعبين"),
    HAdj("busy", "occupé|occupée|occupés|occupées", "مشغول|مشغولة|مشغولون|مشغولات|مشغولًا|مشغولين"),
    HAdj("happy", "content|contente|contents|contentes", "سعيد|سعيدة|سعداء|سعيدات|سعيدًا|سعداء"),
    HAdj("hard-working", "travailleur|travailleuse|travailleurs|travailleuses",
         "مجتهد|مجتهدة|مجتهدون|مجتهدات|مجتهدًا|مجتهدين", False, True),
    HAdj("absent", "absent|absente|absents|absentes", "غائب|غائبة|غائبون|غائبات|غائبًا|غائبين"),
    HAdj("late", "en retard|en retard|en retard|en retard", "متأخر|متأخرة|متأخرون|متأخرات|متأخرًا|متأخرين"),
    HAdj("stressed", "stressé|stressée|stressés|stressées", "متوتر|متوترة|متوترون|متوترات|متوترًا|متوترين"),
    HAdj("ready", "prêt|prête|prêts|prêtes", "مستعد|مستعدة|مستعدون|مستعدات|مستعدًا|مستعدين"),
    HAdj("worried", "inquiet|inquiète|inquiets|inquiètes", "قلق|قلقة|قلقون|قلقات|قلقًا|قلقين"),
    HAdj("kind", "gentil|gentille|gentils|gentilles", "لطيف|لطيفة|لطفاء|لطيفات|لطيفًا|لطفاء", False, True),
]
AR_LAYSA_KIND = {"m": "ليس", "f": "ليست", "mp": "ليسوا", "fp": "لسن", "md": "ليسا", "fd": "ليستا"}
AR_KANA_KIND = {"m": "كان", "f": "كانت", "mp": "كان", "fp": "كانت", "md": "كان", "fd": "كانت"}
"""The verb before its subject stays singular and agrees in gender with the (first) subject noun."""


class HSubj:
    """A human subject of a nominal sentence: kind is m, f, mp, fp, md, fd; person for pronouns."""

    def __init__(self, en: str, fr: str, ar: str, kind: str, person: str = ""):
        self.en, self.fr, self.ar, self.kind, self.person = en, fr, ar, kind, person
        self.fr_g = {"md": "mp", "fd": "fp"}.get(kind, kind)
        self.en_person = person or ("they" if kind[-1] in "pd" else "he")


H_SUBJECTS = [HSubj(SUBJECT_EN[p], SUBJECT_FR[p], AR_PRONOUN[p], k, p) for p, k in (
    ("i", "m"), ("i", "f"), ("you_m", "m"), ("you_f", "f"), ("he", "m"), ("she", "f"), ("we", "mp"), ("we", "fp"),
    ("you_pl", "mp"), ("they", "mp"))] + [HSubj(n, n, a, "m") for n, a in NAMES_M[:5]] + [
    HSubj(n, n, a, "f") for n, a in NAMES_F[:5]] + [
    HSubj("the teacher", "le professeur", "المعلم", "m"), HSubj("the headmistress", "la directrice", "المديرة", "f"),
    HSubj("the students", "les étudiants", "الطلاب", "mp"), HSubj("the girls", "les filles", "البنات", "fp"),
    HSubj("my colleagues", "mes collègues", "زملائي", "mp"), HSubj("the employees", "les employés", "الموظفون", "mp"),
    HSubj("the new teachers", "les nouveaux professeurs", "المعلمون الجدد", "mp"),
    HSubj("Karim and Omar", "Karim et Omar", "كريم وعمر", "md"),
    HSubj("Sarah and Leila", "Sarah et Leila", "سارة وليلى", "fd"),
    HSubj("the two secretaries", "les deux secrétaires", "السكرتيرتان", "fd"),
    HSubj("my two colleagues", "mes deux collègues", "زميلاي", "md"),
    HSubj("the nurses", "les infirmières", "الممرضات", "fp"),
]
H_TIME_PRES = [("", "", ""), ("today", "aujourd'hui", "اليوم"), ("this week", "cette semaine", "هذا الأسبوع")]
H_TIME_PAST = [("yesterday", "hier", "أمس"), ("last week", "la semaine dernière", "الأسبوع الماضي"),
               ("this morning", "ce matin", "صباح اليوم")]


def _fr_person(s: HSubj) -> int:
    return FR_INDEX[s.person] if s.person else (5 if s.kind[-1] in "pd" else 2)


def g_human_adj() -> list[Triple]:
    out = []
    rng = random.Random(204)
    for s in H_SUBJECTS:
        for a in HADJ:
            if s.person in ("i", "we", "you_m", "you_f", "you_pl") and not a.first_person:
                continue
            fr_a = a.fr[s.fr_g]
            p = s.en_person
            # present
            te, tf, ta = ("", "", "") if a.stative else rng.choice(H_TIME_PRES)
            out.append(sentence(j(s.en, en_be(p), a.en, te), j(s.fr, FR_ETRE[_fr_person(s)], fr_a, tf),
                                j(s.ar, a.ar[s.kind], ta)))
            # past
            te, tf, ta = ("", "", "") if a.stative else rng.choice(H_TIME_PAST)
            if s.person:
                ar = j(AR_KANA[s.person], a.acc[s.kind], ta)
            else:
                ar = j(AR_KANA_KIND[s.kind], s.ar, a.acc[s.kind], ta)
            out.append(sentence(j(s.en, en_be(p, True), a.en, te), j(s.fr, FR_ETRE_IMPF[_fr_person(s)], fr_a, tf),
                                ar))
            # negative
            te, tf, ta = ("", "", "") if a.stative else rng.choice(H_TIME_PRES)
            neg_en = {"am": "am not", "is": "isn't", "are": "aren't"}[en_be(p)]
            if s.person:
                ar = j(AR_LAYSA[s.person], a.acc[s.kind], ta)
            else:
                ar = j(s.ar, AR_LAYSA_KIND[s.kind], a.acc[s.kind], ta)
            out.append(sentence(j(s.en, neg_en, a.en, te), j(s.fr, "ne", FR_ETRE[_fr_person(s)], "pas", fr_a, tf),
                                ar))
    return out


# --------------------------------------------------------------------------------------------- jobs


class Prof:
    """A profession: en (a/an + noun | plural), fr (m|f|mp|fp), ar (m|f|mp|fp|acc m|acc mp), workplaces."""

    def __init__(self, en: str, fr: str, ar: str, places: list[tuple[str, str, str]]):
        self.en_a, self.en_pl = en.split("|")
        self.fr = dict(zip(("m", "f", "mp", "fp"), fr.split("|"), strict=True))
        f = ar.split("|")
        self.ar = {"m": f[0], "f": f[1], "mp": f[2], "fp": f[3], "md": f[0] + "ان", "fd": f[1][:-1] + "تان"}
        self.acc = {"m": f[4], "f": f[1], "mp": f[5], "fp": f[3], "md": f[0] + "ين", "fd": f[1][:-1] + "تين"}
        self.places = places


P_BIG = ("in a big company", "dans une grande entreprise", "في شركة كبيرة")
P_SMALL = ("in a small company", "dans une petite entreprise", "في شركة صغيرة")
P_HOSP = ("at the hospital", "à l'hôpital", "في المستشفى")
P_SCHOOL = ("in a primary school", "dans une école primaire", "في مدرسة ابتدائية")
P_BANK = ("in a bank", "dans une banque", "في بنك")
P_HALL = ("at the town hall", "à la mairie", "في البلدية")
P_PAPER = ("for a newspaper", "pour un journal", "في صحيفة")
P_PHARM = ("in a pharmacy", "dans une pharmacie", "في صيدلية")
P_UNI = ("at the university", "à l'université", "في الجامعة")
P_LAB = ("in a laboratory", "dans un laboratoire", "في مختبر")
P_HOTEL = ("in a hotel", "dans un hôtel", "في فندق")
P_HIGH = ("in a secondary school", "dans un lycée", "في مدرسة ثانوية")

PROFS = [
    Prof("a teacher|teachers", "enseignant|enseignante|enseignants|enseignantes",
         "معلم|معلمة|معلمون|معلمات|معلمًا|معلمين", [P_SCHOOL, P_HIGH]),
    Prof("an engineer|engineers", "ingénieur|ingénieure|ingénieurs|ingénieures",
         "مهندس|مهندسة|مهندسون|مهندسات|مهندسًا|مهندسين", [P_BIG, P_SMALL, P_LAB]),
    Prof("a doctor|doctors", "médecin|médecin|médecins|médecins", "طبيب|طبيبة|أطباء|طبيبات|طبيبًا|أطباء", [P_HOSP]),
    Prof("a nurse|nurses", "infirmier|infirmière|infirmiers|infirmières", "ممرض|ممرضة|ممرضون|ممرضات|ممرضًا|ممرضين",
         [P_HOSP, P_SCHOOL]),
    Prof("an accountant|accountants", "comptable|comptable|comptables|comptables",
         "محاسب|محاسبة|محاسبون|محاسبات|محاسبًا|محاسبين", [P_BANK, P_BIG, P_HALL]),
    Prof("a journalist|journalists", "journaliste|journaliste|journalistes|journalistes",
         "صحفي|صحفية|صحفيون|صحفيات|صحفيًا|صحفيين", [P_PAPER]),
    Prof("a translator|translators", "traducteur|traductrice|traducteurs|traductrices",
         "مترجم|مترجمة|مترجمون|مترجمات|مترجمًا|مترجمين", [P_BIG, P_UNI]),
    Prof("a programmer|programmers", "programmeur|programmeuse|programmeurs|programmeuses",
         "مبرمج|مبرمجة|مبرمجون|مبرمجات|مبرمجًا|مبرمجين", [P_BIG, P_SMALL, P_BANK]),
    Prof("a pharmacist|pharmacists", "pharmacien|pharmacienne|pharmaciens|pharmaciennes",
         "صيدلاني|صيدلانية|صيادلة|صيدلانيات|صيدلانيًا|صيادلة", [P_PHARM, P_HOSP]),
    Prof("a researcher|researchers", "chercheur|chercheuse|chercheurs|chercheuses",
         "باحث|باحثة|باحثون|باحثات|باحثًا|باحثين", [P_UNI, P_LAB]),
    Prof("a secretary|secretaries", "secrétaire|secrétaire|secrétaires|secrétaires",
         "سكرتير|سكرتيرة|سكرتيرون|سكرتيرات|سكرتيرًا|سكرتيرين", [P_HALL, P_SCHOOL, P_HOTEL]),
    Prof("an employee|employees", "employé|employée|employés|employées", "موظف|موظفة|موظفون|موظفات|موظفًا|موظفين",
         [P_BANK, P_HALL, P_HOTEL]),
]

J_SUBJECTS = [HSubj(SUBJECT_EN[p], SUBJECT_FR[p], AR_PRONOUN[p], k, p) for p, k in (
    ("i", "m"), ("i", "f"), ("you_m", "m"), ("you_f", "f"), ("he", "m"), ("she", "f"), ("we", "mp"),
    ("you_pl", "mp"), ("they", "mp"))] + [HSubj(n, n, a, "m") for n, a in NAMES_M] + [
    HSubj(n, n, a, "f") for n, a in NAMES_F] + [
    HSubj("my brother", "mon frère", "أخي", "m"), HSubj("my sister", "ma sœur", "أختي", "f"),
    HSubj("my father", "mon père", "أبي", "m"), HSubj("my mother", "ma mère", "أمي", "f"),
    HSubj("her husband", "son mari", "زوجها", "m"), HSubj("his wife", "sa femme", "زوجته", "f"),
    HSubj("my uncle", "mon oncle", "عمي", "m"), HSubj("my cousin Nadia", "ma cousine Nadia", "ابنة عمي نادية", "f"),
    HSubj("Karim and Omar", "Karim et Omar", "كريم وعمر", "md"), HSubj("Sarah and Leila", "Sarah et Leila",
                                                                        "سارة وليلى", "fd"),
    HSubj("Youssef and Amina", "Youssef et Amina", "يوسف وأمينة", "md"),
    HSubj("my parents", "mes parents", "والداي", "md"), HSubj("my two sisters", "mes deux sœurs", "أختاي", "fd"),
]
FR_TRAVAILLER = fr_er("travailler")
AR_AMAL = ar_sound("عمل", "عمل", "اعمل")
AR_AMAL_DUAL = {"md": ("يعملان", "عملا"), "fd": ("تعملان", "عملتا")}


def _j_fr_noun(s: HSubj, prof: Prof) -> str:
    return prof.fr[s.fr_g]


def _plural_kind(s: HSubj) -> bool:
    return s.kind in ("mp", "fp", "md", "fd")


def g_profession() -> list[Triple]:
    out = []
    rng = random.Random(301)
    for s in J_SUBJECTS:
        for prof in PROFS:
            p = s.en_person
            en_noun = prof.en_pl if _plural_kind(s) else prof.en_a
            fr_noun = _j_fr_noun(s, prof)
            if rng.random() < 0.7:
                out.append(sentence(j(s.en, en_be(p), en_noun), j(s.fr, FR_ETRE[_fr_person(s)], fr_noun),
                                    j(s.ar, prof.ar[s.kind])))
            else:
                neg_en = {"am": "am not", "is": "isn't", "are": "aren't"}[en_be(p)]
                laysa = AR_LAYSA[s.person] if s.person else AR_LAYSA_KIND[s.kind]
                ar = j(laysa, prof.acc[s.kind]) if s.person else j(s.ar, laysa, prof.acc[s.kind])
                out.append(sentence(j(s.en, neg_en, en_noun), j(s.fr, "ne", FR_ETRE[_fr_person(s)], "pas", fr_noun),
                                    ar))
    return out


def g_works_as() -> list[Triple]:
    out = []
    rng = random.Random(302)
    for s in J_SUBJECTS:
        for prof in PROFS:
            pe, pf, pa = rng.choice(prof.places)
            p = s.en_person
            en_noun = prof.en_pl if _plural_kind(s) else prof.en_a
            fr_noun = _j_fr_noun(s, prof)
            fi = _fr_person(s)
            if s.kind in ("md", "fd"):
                pres, past = AR_AMAL_DUAL[s.kind]
                # compound subjects: subject first, the verb in the dual after it
                ar_pres = j(s.ar, pres, prof.acc[s.kind], pa)
                ar_past_head = j("عمل" if s.kind == "md" else "عملت", s.ar)
            elif s.person:
                ar_pres = j(AR_AMAL["pres"][s.person], prof.acc[s.kind], pa)
                ar_past_head = AR_AMAL["past"][s.person]
            else:
                vp = "he" if s.kind == "m" else "she"
                ar_pres = j(AR_AMAL["pres"][vp], s.ar, prof.acc[s.kind], pa)
                ar_past_head = j(AR_AMAL["past"][vp], s.ar)
            if rng.random() < 0.55:
                out.append(sentence(j(s.en, "works" if en3(p) else "work", "as", en_noun, pe),
                                    j(s.fr, FR_TRAVAILLER["pres"][fi], "comme", fr_noun, pf), ar_pres))
            else:
                n = rng.choice([2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20])
                en_y, fr_y, ar_y = count_np(n, N["year"], "gen")
                if n == 2:
                    ar_y = "سنتين"
                out.append(sentence(j(s.en, "worked as", en_noun, pe, "for", en_y),
                                    j(s.fr, FR_AVOIR[fi], "travaillé comme", fr_noun, pf, "pendant", fr_y),
                                    j(ar_past_head, prof.acc[s.kind], pa, "لمدة", ar_y)))
    return out


# --------------------------------------------------------------------------------------------- numbers

COUNT_SCENES = [  # noun, container (en, fr, ar), biggest plausible number
    (HUMAN["student"], ("in my class", "dans ma classe", "في صفي"), 35),
    (HUMAN["student"], ("in the lecture hall", "dans l'amphithéâtre", "في المدرج"), 90),
    (HUMAN["employee"], ("in our company", "dans notre entreprise", "في شركتنا"), 90),
    (HUMAN["teacher"], ("in this school", "dans cette école", "في هذه المدرسة"), 60),
    (HUMAN["engineer"], ("in the new team", "dans la nouvelle équipe", "في الفريق الجديد"), 12),
    (HUMAN["girl"], ("in my sister's class", "dans la classe de ma sœur", "في صف أختي"), 20),
    (N["printer"], ("on this floor", "à cet étage", "في هذا الطابق"), 6),
    (N["computer"], ("in the library", "à la bibliothèque", "في المكتبة"), 40),
    (N["question"], ("in the exam", "dans l'examen", "في الامتحان"), 30),
    (N["page"], ("in the report", "dans le rapport", "في التقرير"), 80),
    (N["office"], ("on the third floor", "au troisième étage", "في الطابق الثالث"), 20),
    (N["exercise"], ("on this page", "sur cette page", "في هذه الصفحة"), 12),
    (N["book"], ("on the shelf", "sur l'étagère", "على الرف"), 50),
    (N["classroom"], ("in our school", "dans notre école", "في مدرستنا"), 30),
    (N["dictionary"], ("in the classroom", "dans la salle de classe", "في الفصل"), 25),
    (N["library"], ("at the university", "à l'université", "في الجامعة"), 5),
    (N["email"], ("in my inbox", "dans ma boîte de réception", "في بريدي الوارد"), 60),
]


def g_count() -> list[Triple]:
    out = []
    for noun, (ce, cf, ca), top in COUNT_SCENES:
        numbers = [1, 2] + list(range(3, min(top, 10) + 1)) + [n for n in (12, 15, 18, 20, 24, 25, 30, 32, 40, 45, 60,
                                                                          75, 80, 90) if n <= top]
        for n in numbers:
            en_np, fr_np, ar_np = count_np(n, noun)
            if n == 1:
                fr_one = ("un seul " if noun.fr_g == "m" else "une seule ") + noun.fr
                out.append(sentence(j("there is only", en_np, ce), j("il n'y a qu'", fr_np, cf).replace("qu' ", "qu'"),
                                    j(ca, ar_np, "فقط")))
                out.append(sentence(j("there is just", en_np, ce), j("il y a", fr_one, cf), j(ca, ar_np)))
            else:
                out.append(sentence(j("there are", en_np, ce), j("il y a", fr_np, cf), j(ca, ar_np)))
    return out


HOW_MANY_SCENES = [  # noun, container with "your" (en, fr per tu/vous, ar by person) or a fixed one
    (HUMAN["student"], "class", ("classe", "f"), "صف"),
    (HUMAN["employee"], "company", ("entreprise", "f"), "شركة"),
    (HUMAN["teacher"], "school", ("école", "f"), "مدرسة"),
    (N["computer"], "office", ("bureau", "m"), "مكتب"),
    (N["book"], "bag", ("sac", "m"), "حقيبة"),
    (N["page"], "report", ("rapport", "m"), "تقرير"),
]
HAVE_ITEMS = [N["meeting"], N["exam"], N["lesson"], N["task"], N["lecture"]]
HAVE_TIMES = [("today", "aujourd'hui", "اليوم"), ("this week", "cette semaine", "هذا الأسبوع"),
              ("tomorrow", "demain", "غدًا"), ("on Monday", "lundi", "يوم الاثنين")]


def g_how_many() -> list[Triple]:
    out = []
    rng = random.Random(303)
    for noun, en_c, (fr_c, fr_g), ar_c in HOW_MANY_SCENES:
        for p in ("you_m", "you_f", "you_pl", "he", "she", "they"):
            poss_fr = fr_poss(p, fr_g, False, fr_c)
            fr = j("combien", fr_elide("de " + noun.fr_pl), "y a-t-il dans", poss_fr, fr_c)
            en = j("how many", noun.en_pl, "are there in", EN_POSS[p], en_c)
            out.append(sentence(en, fr, j("كم", noun.acc, "في", ar_poss(ar_c, p)), "?"))
    for noun in HAVE_ITEMS:
        for s in NOUN_SUBJECTS[:16] + PRONOUNS[1:5] + PRONOUNS[6:]:
            te, tf, ta = rng.choice(HAVE_TIMES)
            p = s.person
            fr_de = fr_elide("de " + noun.fr_pl)
            if s.ar:
                fr = j("combien", fr_de, "est-ce que", s.fr, FR_AVOIR[FR_INDEX[p]], tf)
                ar = j("كم", noun.acc, "لدى", s.ar, ta)
            else:
                inv = {"you_m": "as-tu", "you_f": "as-tu", "he": "a-t-il", "she": "a-t-elle", "you_pl": "avez-vous",
                       "they": "ont-ils"}[p]
                fr = j("combien", fr_de, inv, tf)
                ar = j("كم", noun.acc, AR_LADAY[p], ta)
            en = j("how many", noun.en_pl, en_do(p), s.en, "have", te)
            out.append(sentence(en, fr, ar, "?"))
    return out


HAVE_THINGS = [  # en, en negative, fr, fr negative, ar, ar negative (after ليس لدي)
    ("a job interview", "a job interview", "un entretien d'embauche", "d'entretien d'embauche", "مقابلة عمل"),
    ("an exam", "an exam", "un examen", "d'examen", "امتحان"),
    ("an important meeting", "an important meeting", "une réunion importante", "de réunion importante",
     "اجتماع مهم"),
    ("a maths test", "a maths test", "un contrôle de maths", "de contrôle de maths", "اختبار في الرياضيات"),
    ("two exams", "", "deux examens", "", "امتحانان"),
    ("two meetings", "", "deux réunions", "", "اجتماعان"),
    ("three meetings", "", "trois réunions", "", "ثلاثة اجتماعات"),
    ("four lessons", "", "quatre cours", "", "أربعة دروس"),
    ("two lectures", "", "deux cours magistraux", "", "محاضرتان"),
    ("a lot of work", "much work", "beaucoup de travail", "beaucoup de travail", "الكثير من العمل"),
    ("a lot of homework", "much homework", "beaucoup de devoirs", "beaucoup de devoirs", "الكثير من الواجبات"),
    ("an English class", "an English class", "un cours d'anglais", "de cours d'anglais", "درس في اللغة الإنجليزية"),
    ("a day off", "a day off", "un jour de congé", "de jour de congé", "يوم إجازة"),
    ("a dentist appointment", "", "un rendez-vous chez le dentiste", "", "موعد عند طبيب الأسنان"),
    ("a lot of emails to answer", "", "beaucoup d'e-mails à traiter", "", "الكثير من الرسائل للرد عليها"),
]
HAVE_WHEN = [("today", "aujourd'hui", "اليوم"), ("tomorrow", "demain", "غدًا"),
             ("this afternoon", "cet après-midi", "بعد ظهر اليوم"), ("on Monday", "lundi", "يوم الاثنين"),
             ("this week", "cette semaine", "هذا الأسبوع"), ("next week", "la semaine prochaine", "الأسبوع المقبل"),
             ("tomorrow morning", "demain matin", "صباح الغد")]


def g_have() -> list[Triple]:
    out = []
    rng = random.Random(304)
    for en_a, en_neg, fr_a, fr_neg, ar_a in HAVE_THINGS:
        for s in PRONOUNS + NOUN_SUBJECTS[:18]:
            te, tf, ta = rng.choice(HAVE_WHEN)
            p = s.person
            fi = FR_INDEX[p]
            ar_have = j("لدى", s.ar) if s.ar else AR_LADAY[p]
            if en_neg and rng.random() < 0.4:
                out.append(sentence(j(s.en, en_do(p) + "n't have", en_neg, te),
                                    j(s.fr, "ne", FR_AVOIR[fi], "pas", fr_neg, tf),
                                    j("ليس", ar_have, ar_a, ta)))
            else:
                out.append(sentence(j(s.en, en_have(p), en_a, te), j(s.fr, FR_AVOIR[fi], fr_a, tf),
                                    j(ar_have, ar_a, ta)))
    return out


# --------------------------------------------------------------------------------------------- possession, places

POSS_NOUNS = [  # noun, plural?, adjectives, can be asked for with "where"
    (N["office"], False, "big small quiet cold", False), (N["computer"], False, "new slow fast broken", False),
    (N["report"], False, "ready long short", True), (N["timetable"], False, "busy", True),
    (N["dictionary"], False, "new", True), (N["notebook"], False, "new", True),
    (N["school"], False, "big small modern", False), (N["university"], False, "big modern famous", False),
    (N["salary"], False, "good low high", False),
    (N["company"], False, "big small", False), (N["book"], True, "new heavy", True),
    (N["result"], True, "good excellent", False), (N["exam"], True, "difficult easy", False),
    (N["lesson"], True, "interesting long", False), (N["notebook"], True, "new", True),
    (N["email"], True, "long short", False),
]
ADJ["heavy"] = Adj("heavy", "lourd|lourde|lourds|lourdes", "ثقيل|ثقيلة|ثقيلًا")


def g_possessive() -> list[Triple]:
    out = []
    rng = random.Random(305)
    for noun, plural, adjs, where in POSS_NOUNS:
        for p in PERSONS:
            a = ADJ[rng.choice(adjs.split())]
            fr_word = noun.fr_pl if plural else noun.fr
            poss = fr_poss(p, noun.fr_g, plural, fr_word)
            g = noun.ar_sg_gender(plural)
            ar_n = ar_poss(noun.ar_pl if plural else noun.ar, p)
            en_n = j(EN_POSS[p], noun.en_pl if plural else noun.en)
            fr_n = j(poss, fr_word)
            out.append(sentence(j(en_n, "are" if plural else "is", a.en),
                                j(fr_n, "sont" if plural else "est", a.fr_form(noun.fr_g, plural)),
                                j(ar_n, a.ar_m if g == "m" else a.ar_f)))
            if where and (p in ("i", "we", "he", "she", "they") or rng.random() < 0.5):
                out.append(sentence(j("where", "are" if plural else "is", en_n),
                                    j("où", "sont" if plural else "est", fr_n), j("أين", ar_n), "?"))
    return out


POSS_PEOPLE = [  # en, fr m / f, ar m / f
    ("manager", "directeur", "directrice", "مدير", "مديرة"), ("colleague", "collègue", "collègue", "زميل", "زميلة"),
    ("teacher", "professeur", "professeure", "معلم", "معلمة"),
]


def g_possessive_people() -> list[Triple]:
    out = []
    for en, fr_m, fr_f, ar_m, ar_f in POSS_PEOPLE:
        for p in PERSONS:
            for g in ("m", "f"):
                for a in HADJ:
                    if a.en in ("absent", "late") and en == "teacher":
                        continue
                    fr_word = fr_m if g == "m" else fr_f
                    poss = fr_poss(p, g, False, fr_word)
                    out.append(sentence(j(EN_POSS[p], en, "is", a.en), j(poss, fr_word, "est", a.fr[g]),
                                        j(ar_poss(ar_m if g == "m" else ar_f, p), a.ar[g])))
    return out


ROOMS = [  # en, fr (with article), ar (definite), ar gender, plural
    ("the library", "la bibliothèque", "المكتبة", "f", False),
    ("the meeting room", "la salle de réunion", "قاعة الاجتماعات", "f", False),
    ("the manager's office", "le bureau du directeur", "مكتب المدير", "m", False),
    ("the staff room", "la salle des professeurs", "غرفة المعلمين", "f", False),
    ("the printer", "l'imprimante", "الطابعة", "f", False),
    ("the photocopier", "la photocopieuse", "آلة التصوير", "f", False),
    ("the canteen", "la cantine", "المقصف", "m", False),
    ("the computer room", "la salle informatique", "قاعة الحاسوب", "f", False),
    ("the lift", "l'ascenseur", "المصعد", "m", False),
    ("the classrooms", "les salles de classe", "الفصول", "f", True),
    ("the new offices", "les nouveaux bureaux", "المكاتب الجديدة", "f", True),
    ("the accounts department", "le service comptable", "قسم المحاسبة", "m", False),
]
ROOM_PLACES = [
    ("on the second floor", "au deuxième étage", "في الطابق الثاني"),
    ("on the third floor", "au troisième étage", "في الطابق الثالث"),
    ("on the ground floor", "au rez-de-chaussée", "في الطابق الأرضي"),
    ("at the end of the corridor", "au bout du couloir", "في نهاية الممر"),
    ("next to the entrance", "à côté de l'entrée", "بجانب المدخل"),
    ("opposite the lift", "en face de l'ascenseur", "مقابل المصعد"),
    ("next to the meeting room", "à côté de la salle de réunion", "بجانب قاعة الاجتماعات"),
    ("in the other building", "dans l'autre bâtiment", "في المبنى الآخر"),
]
THINGS = [
    ("the files", "les dossiers", "الملفات", "f", True),
    ("the dictionaries", "les dictionnaires", "القواميس", "f", True),
    ("the exam papers", "les copies", "أوراق الامتحان", "f", True),
    ("the office keys", "les clés du bureau", "مفاتيح المكتب", "f", True),
    ("the report", "le rapport", "التقرير", "m", False), ("the contract", "le contrat", "العقد", "m", False),
    ("the stapler", "l'agrafeuse", "الدباسة", "f", False), ("the register", "le cahier d'appel", "دفتر الحضور", "m",
                                                             False),
    ("the new laptop", "le nouvel ordinateur portable", "الحاسوب المحمول الجديد", "m", False),
    ("the envelopes", "les enveloppes", "الأظرف", "f", True),
]
THING_PLACES = [
    ("on the shelf", "sur l'étagère", "على الرف"), ("in the cupboard", "dans l'armoire", "في الخزانة"),
    ("on the manager's desk", "sur le bureau du directeur", "على مكتب المدير"),
    ("in the top drawer", "dans le tiroir du haut", "في الدرج العلوي"),
    ("next to the printer", "à côté de l'imprimante", "بجانب الطابعة"),
    ("on the teacher's desk", "sur le bureau du professeur", "على مكتب المعلم"),
    ("in the secretary's office", "dans le bureau de la secrétaire", "في مكتب السكرتيرة"),
]


def g_places() -> list[Triple]:
    out = []
    rng = random.Random(306)
    for items, places in ((ROOMS, ROOM_PLACES), (THINGS, THING_PLACES)):
        for en, fr, ar, g, pl in items:
            for pe, pf, pa in places:
                if set(en.split()[1:]) & set(pe.split()[1:]) - {"the", "of", "new"}:
                    continue
                r = rng.random()
                if r < 0.55:
                    out.append(sentence(j(en, "are" if pl else "is", pe), j(fr, "sont" if pl else "est", pf),
                                        j(ar, pa)))
                elif r < 0.75:
                    out.append(sentence(j(en, "aren't" if pl else "isn't", pe),
                                        j(fr, "ne", "sont" if pl else "est", "pas", pf),
                                        j(ar, "ليس" if g == "m" else "ليست", pa)))
                else:
                    fr_q = j("est-ce que", fr, "sont" if pl else "est", pf)
                    out.append(sentence(j("are" if pl else "is", en, pe), fr_q, j("هل", ar, pa), "?"))
            lead = rng.choice([("", "", ""), ("excuse me,", "excusez-moi,", "عفوًا،")])
            out.append(sentence(j(lead[0], "where", "are" if pl else "is", en),
                                j(lead[1], "où", "sont" if pl else "est", fr), j(lead[2], "أين", ar), "?"))
    return out


OWNERS = [("Karim's", "de Karim", "كريم"), ("Sarah's", "de Sarah", "سارة"), ("the manager's", "du directeur", "المدير"),
          ("the teacher's", "du professeur", "المعلم"), ("Leila's", "de Leila", "ليلى"),
          ("my brother's", "de mon frère", "أخي"), ("Omar's", "d'Omar", "عمر"), ("the secretary's", "de la secrétaire",
                                                                                  "السكرتيرة")]
OWNED = [  # en, fr (definite), fr gender, plural, ar head (construct), ar gender for agreement, adjectives/places
    ("office", "le bureau", "m", False, "مكتب", "m", "big small quiet cold"),
    ("computer", "l'ordinateur", "m", False, "حاسوب", "m", "new slow broken"),
    ("report", "le rapport", "m", False, "تقرير", "m", "ready long clear late"),
    ("timetable", "l'emploi du temps", "m", False, "جدول", "m", "busy"),
    ("salary", "le salaire", "m", False, "راتب", "m", "good low high"),
    ("results", "les résultats", "m", True, "نتائج", "f", "good excellent"),
    ("questions", "les questions", "f", True, "أسئلة", "f", "difficult clear"),
    ("car", "la voiture", "f", False, "سيارة", "f", "new small big"),
]


def g_idafa() -> list[Triple]:
    out = []
    for oe, of_, oa in OWNERS:
        for en, fr, fg, pl, ar, ag, adjs in OWNED:
            for a in adjs.split():
                adj = ADJ[a]
                out.append(sentence(j(oe, en, "are" if pl else "is", adj.en),
                                    j(fr, of_, "sont" if pl else "est", adj.fr_form(fg, pl)),
                                    j(ar, oa, adj.ar_m if ag == "m" else adj.ar_f)))
            if en == "office":
                for pe, pf, pa in ROOM_PLACES:
                    out.append(sentence(j(oe, "office is", pe), j("le bureau", of_, "est", pf), j("مكتب", oa, pa)))
    places = [("school", "de l'école", "المدرسة"), ("university", "de l'université", "الجامعة"),
              ("company", "de l'entreprise", "الشركة")]
    heads = [("library", "la bibliothèque", "f", "مكتبة", "f", "big quiet modern closed open"),
             ("canteen", "la cantine", "f", "مقصف", "m", "big closed open"),
             ("car park", "le parking", "m", "موقف سيارات", "m", "big small full"),
             ("website", "le site web", "m", "موقع", "m", "modern clear"),
             ("results", "les résultats", "m", "نتائج", "f", "good excellent")]
    for pe, pf, pa in places:
        for he, hf, hg, ha, hag, adjs in heads:
            pl = he == "results"
            for a in adjs.split():
                adj = ADJ[a]
                ar_head = ha if ha != "موقف سيارات" else "موقف سيارات"
                if ha == "موقف سيارات":
                    ar_np = j("موقف سيارات", pa)
                else:
                    ar_np = j(ar_head, pa)
                en = j("the", pe + "'s" if pl else pe, he, "are" if pl else "is", adj.en)
                fr = j(hf, pf, "sont" if pl else "est", adj.fr_form(hg, pl))
                out.append(sentence(en, fr, j(ar_np, adj.ar_m if hag == "m" else adj.ar_f)))
    return out


# --------------------------------------------------------------------------------------------- schedules

EVENTS = [  # en, fr (definite), fr gender, ar (definite), ar gender
    ("the meeting", "la réunion", "f", "الاجتماع", "m"), ("the exam", "l'examen", "m", "الامتحان", "m"),
    ("the interview", "l'entretien", "m", "المقابلة", "f"),
    ("the English class", "le cours d'anglais", "m", "درس اللغة الإنجليزية", "m"),
    ("the training session", "la formation", "f", "الدورة التدريبية", "f"),
    ("the parents' meeting", "la réunion des parents", "f", "اجتماع أولياء الأمور", "m"),
    ("the presentation", "la présentation", "f", "العرض التقديمي", "m"),
    ("the lecture", "le cours magistral", "m", "المحاضرة", "f"),
    ("the history test", "le contrôle d'histoire", "m", "اختبار التاريخ", "m"),
]
HOURS = [("at eight", "à huit heures", "في الساعة الثامنة"), ("at nine", "à neuf heures", "في الساعة التاسعة"),
         ("at half past nine", "à neuf heures et demie", "في الساعة التاسعة والنصف"),
         ("at ten", "à dix heures", "في الساعة العاشرة"),
         ("at a quarter past ten", "à dix heures et quart", "في الساعة العاشرة والربع"),
         ("at eleven", "à onze heures", "في الساعة الحادية عشرة"), ("at noon", "à midi", "عند الظهر"),
         ("at two in the afternoon", "à quatorze heures", "في الساعة الثانية بعد الظهر"),
         ("at three in the afternoon", "à quinze heures", "في الساعة الثالثة بعد الظهر"),
         ("at four in the afternoon", "à seize heures", "في الساعة الرابعة بعد الظهر"),
         ("at 8:30", "à 8 h 30", "في الساعة 8:30"), ("at 10:45", "à 10 h 45", "في الساعة 10:45")]
DAYS = [("on Monday", "lundi", "يوم الاثنين"), ("on Tuesday", "mardi", "يوم الثلاثاء"),
        ("on Wednesday", "mercredi", "يوم الأربعاء"), ("on Thursday", "jeudi", "يوم الخميس"),
        ("on Friday", "vendredi", "يوم الجمعة"), ("tomorrow", "demain", "غدًا"),
        ("next Tuesday", "mardi prochain", "يوم الثلاثاء المقبل"), ("on Saturday", "samedi", "يوم السبت")]


def g_schedule() -> list[Triple]:
    out = []
    rng = random.Random(401)
    for en, fr, _fg, ar, ag in EVENTS:
        for de, df, da in DAYS:
            for _ in range(2):
                he, hf, ha = rng.choice(HOURS)
                r = rng.random()
                if r < 0.35:
                    out.append(sentence(j(en, "is", de, he), j(fr, "a lieu", df, hf), j(ar, da, ha)))
                elif r < 0.6:
                    out.append(sentence(j(en, "will be", de, he), j(fr, "aura lieu", df, hf),
                                        j("سيكون" if ag == "m" else "ستكون", ar, da, ha)))
                elif r < 0.8:
                    out.append(sentence(j("is", en, de, he), j("est-ce que", fr, "a lieu", df, hf),
                                        j("هل", ar, da, ha), "?"))
                else:
                    i = rng.randrange(0, 8)
                    k = rng.randrange(i + 1, min(i + 4, 10))
                    if "half" in HOURS[k][0] or "quarter" in HOURS[k][0] or "noon" in HOURS[i][0]:
                        continue
                    se, sf, sa = HOURS[i]
                    ee, ef, ea = HOURS[k]
                    begin, end = ("يبدأ", "وينتهي") if ag == "m" else ("تبدأ", "وتنتهي")
                    out.append(sentence(j(en, "starts", se, "and ends", ee), j(fr, "commence", sf, "et finit", ef),
                                        j(begin, ar, sa, end, ea)))
        q_begin = "يبدأ" if ag == "m" else "تبدأ"
        out.append(sentence(j("what time does", en, "start"), j("à quelle heure commence", fr),
                            j("في أي ساعة", q_begin, ar), "?"))
        out.append(sentence(j("when is", en), j("quand a lieu", fr), j("متى", ar), "?"))
    return out


PLURAL_EVENTS = [("the exams", "les examens", "m", "الامتحانات"), ("the classes", "les cours", "m", "الدروس"),
                 ("the meetings", "les réunions", "f", "الاجتماعات"),
                 ("the interviews", "les entretiens", "m", "المقابلات")]
REASONS = [("because the teacher is ill", "parce que le professeur est malade", "لأن المعلم مريض"),
           ("because of the strike", "à cause de la grève", "بسبب الإضراب"),
           ("because of the snow", "à cause de la neige", "بسبب الثلج"),
           ("because the manager is travelling", "parce que le directeur est en voyage", "لأن المدير مسافر"),
           ("", "", "")]


def g_postponed() -> list[Triple]:
    out = []
    items = [(e, f, g, False, a) for e, f, g, a, _ in EVENTS] + [(e, f, g, True, a) for e, f, g, a in PLURAL_EVENTS]
    for en, fr, fg, pl, ar in items:
        agree = ("e" if fg == "f" else "") + ("s" if pl else "")
        for de, df, da in DAYS:
            if de.startswith("on "):
                de_to = "until " + de[3:]
            elif de == "tomorrow":
                de_to = "until tomorrow"
            else:
                de_to = "until " + de
            out.append(sentence(j(en, "have" if pl else "has", "been postponed", de_to),
                                j(fr, "ont" if pl else "a", "été reporté" + agree, fr_elide("à " + df)),
                                j("تم تأجيل", ar, "إلى", da if da != "غدًا" else "الغد")))
        for re_, rf, ra in REASONS:
            if "teacher" in re_ and "meeting" in en:
                continue
            out.append(sentence(j(en, "have" if pl else "has", "been cancelled", re_),
                                j(fr, "ont" if pl else "a", "été annulé" + agree, rf),
                                j("تم إلغاء", ar, ra)))
    return out


DOCS = [  # en, fr (definite), fr gender, fr plural, ar (definite), ar agreement (m, f)
    ("the report", "le rapport", "m", False, "التقرير", "m"),
    ("the presentation", "la présentation", "f", False, "العرض التقديمي", "m"),
    ("the invoices", "les factures", "f", True, "الفواتير", "f"),
    ("the files", "les dossiers", "m", True, "الملفات", "f"),
    ("the translation", "la traduction", "f", False, "الترجمة", "f"),
    ("the contract", "le contrat", "m", False, "العقد", "m"),
    ("the budget", "le budget", "m", False, "الميزانية", "f"),
    ("the exam questions", "les sujets d'examen", "m", True, "أسئلة الامتحان", "f"),
    ("the timetable", "l'emploi du temps", "m", False, "الجدول الدراسي", "m"),
]
HAND_IN = [("the homework", "les devoirs", "m", True, "الواجبات"),
           ("the essay", "la dissertation", "f", False, "المقال"),
           ("the project", "le projet", "m", False, "المشروع"), ("the reports", "les rapports", "m", True, "التقارير"),
           ("the exercises", "les exercices", "m", True, "التمارين")]
BY = [("by Friday", "d'ici vendredi", "قبل يوم الجمعة"), ("by Monday", "d'ici lundi", "قبل يوم الاثنين"),
      ("by tomorrow morning", "d'ici demain matin", "قبل صباح الغد"),
      ("by the end of the week", "d'ici la fin de la semaine", "قبل نهاية الأسبوع"),
      ("by the end of the month", "avant la fin du mois", "قبل نهاية الشهر"), ("by noon", "avant midi", "قبل الظهر"),
      ("by Thursday evening", "avant jeudi soir", "قبل مساء الخميس")]


def g_deadline() -> list[Triple]:
    out = []
    for en, fr, fg, pl, ar, ag in DOCS:
        agree = ("e" if fg == "f" else "") + ("s" if pl else "")
        for be, bf, ba in BY:
            out.append(sentence(j(en, "must be ready", be), j(fr, "doivent" if pl else "doit", "être prêt" + agree, bf),
                                j("يجب أن", "يكون" if ag == "m" else "تكون", ar, "جاهزًا" if ag == "m" else "جاهزة",
                                  ba)))
            out.append(sentence(j(en, "must be sent", be),
                                j(fr, "doivent" if pl else "doit", "être envoyé" + agree, bf),
                                j("يجب إرسال", ar, ba)))
    for en, fr, fg, pl, ar in HAND_IN:
        agree = ("e" if fg == "f" else "") + ("s" if pl else "")
        for be, bf, ba in BY:
            out.append(sentence(j(en, "must be handed in", be),
                                j(fr, "doivent" if pl else "doit", "être rendu" + agree, bf), j("يجب تسليم", ar, ba)))
    return out


SAL_AMOUNTS = [1200, 1500, 1800, 2000, 2200, 2500, 2800, 3000, 3500, 4000, 4500, 5000]
CURRENCIES = [("euros", "euros", "يورو"), ("dollars", "dollars", "دولار"), ("dinars", "dinars", "دينار")]
AR_KASAB = ar_sound("كسب", "كسب", "اكسب")
FR_GAGNER = fr_er("gagner")


def _fmt(n: int) -> tuple[str, str, str]:
    return f"{n:,}", f"{n:,}".replace(",", " "), str(n)


def g_salary() -> list[Triple]:
    out = []
    rng = random.Random(403)
    for s in PRONOUNS + NOUN_SUBJECTS[:18]:
        for _ in range(4):
            n = rng.choice(SAL_AMOUNTS)
            ce, cf, ca = rng.choice(CURRENCIES)
            ne, nf, na = _fmt(n)
            p = s.person
            if rng.random() < 0.7:
                en = j(s.en, "earns" if en3(p) else "earn", ne, ce, "a month")
                fr = j(s.fr, FR_GAGNER["pres"][FR_INDEX[p]], nf, cf, "par mois")
                ar = j(AR_KASAB["pres"][s.vperson], s.ar, na, ca, "في الشهر")
            else:
                n *= 12
                ne, nf, na = _fmt(n)
                en = j(s.en, "earned", ne, ce, "last year")
                fr = j(s.fr, FR_AVOIR[FR_INDEX[p]], "gagné", nf, cf, "l'année dernière")
                ar = j(AR_KASAB["past"][s.vperson], s.ar, na, ca, "في السنة الماضية")
            out.append(sentence(en, fr, ar))
    jobs = [("this job", "ce poste", "هذه الوظيفة"), ("the new position", "le nouveau poste", "المنصب الجديد"),
            ("an engineer", "un ingénieur", "المهندس"), ("a nurse", "une infirmière", "الممرضة"),
            ("a young teacher", "un jeune enseignant", "المعلم الشاب")]
    for je, jf, ja in jobs:
        for n in (1500, 2000, 2400, 3200):
            ce, cf, ca = rng.choice(CURRENCIES)
            ne, nf, na = _fmt(n)
            if je.startswith("a"):
                ar_head = "راتب " + ja
            else:
                ar_head = "راتب " + ja
            out.append(sentence(j("the salary of", je, "is", ne, ce, "a month"),
                                j("le salaire", fr_elide("de " + jf), "est de", nf, cf, "par mois"),
                                j(ar_head, na, ca, "في الشهر")))
    return out


LEAVE_UNTIL = [("until Monday", "jusqu'à lundi", "حتى يوم الاثنين"), ("until next week", "jusqu'à la semaine prochaine",
                                                                        "حتى الأسبوع المقبل"),
               ("until the end of the month", "jusqu'à la fin du mois", "حتى نهاية الشهر"),
               ("until Thursday", "jusqu'à jeudi", "حتى يوم الخميس"),
               ("until 15 August", "jusqu'au 15 août", "حتى 15 أغسطس")]
LEAVE_LEN = [("two days", "deux jours", "يومين"), ("three days", "trois jours", "ثلاثة أيام"),
             ("five days", "cinq jours", "خمسة أيام"), ("a week", "une semaine", "أسبوع"),
             ("two weeks", "deux semaines", "أسبوعين"), ("ten days", "dix jours", "عشرة أيام"),
             ("15 days", "15 jours", "15 يومًا"), ("three weeks", "trois semaines", "ثلاثة أسابيع")]
LEAVE_WHEN = [("in July", "en juillet", "في شهر يوليو"), ("next month", "le mois prochain", "الشهر المقبل"),
              ("in August", "en août", "في شهر أغسطس"), ("after the exams", "après les examens", "بعد الامتحانات"),
              ("in December", "en décembre", "في شهر ديسمبر"), ("next week", "la semaine prochaine",
                                                                  "الأسبوع المقبل")]
AR_FI_IJAZA = "في إجازة"


def g_leave() -> list[Triple]:
    out = []
    rng = random.Random(404)
    for s in PRONOUNS + NOUN_SUBJECTS[:18]:
        p = s.person
        fi = FR_INDEX[p]
        for ue, uf, ua in rng.sample(LEAVE_UNTIL, 2):
            ar_subj = s.ar or AR_PRONOUN[p]
            out.append(sentence(j(s.en, en_be(p), "on holiday", ue), j(s.fr, FR_ETRE[fi], "en congé", uf),
                                j(ar_subj, AR_FI_IJAZA, ua)))
        for _ in range(2):
            le, lf, la = rng.choice(LEAVE_LEN)
            we, wf, wa = rng.choice(LEAVE_WHEN)
            fut_fr = FR_PRENDRE_FUT[fi]
            ar_v = AR_AKHUDH_FUT[s.vperson]
            out.append(sentence(j(s.en, "will take", le, "off", we), j(s.fr, fut_fr, lf, "de congé", wf),
                                j(ar_v, s.ar, "إجازة لمدة", la, wa)))
    return out


# --------------------------------------------------------------------------------------------- school subjects

SUBJECTS = [  # en, fr (definite), fr bare (after "en" / "de"), fr gender, fr plural, ar (definite)
    ("maths", "les maths", "maths", "f", True, "الرياضيات"),
    ("physics", "la physique", "physique", "f", False, "الفيزياء"),
    ("chemistry", "la chimie", "chimie", "f", False, "الكيمياء"),
    ("history", "l'histoire", "histoire", "f", False, "التاريخ"),
    ("geography", "la géographie", "géographie", "f", False, "الجغرافيا"),
    ("biology", "la biologie", "biologie", "f", False, "الأحياء"),
    ("philosophy", "la philosophie", "philosophie", "f", False, "الفلسفة"),
    ("music", "la musique", "musique", "f", False, "الموسيقى"),
    ("economics", "l'économie", "économie", "f", False, "الاقتصاد"),
    ("computer science", "l'informatique", "informatique", "f", False, "علوم الحاسوب"),
    ("literature", "la littérature", "littérature", "f", False, "الأدب"),
    ("English", "l'anglais", "anglais", "m", False, "اللغة الإنجليزية"),
    ("French", "le français", "français", "m", False, "اللغة الفرنسية"),
    ("Arabic", "l'arabe", "arabe", "m", False, "اللغة العربية"),
]
GRADE_SUBJECTS = [  # + persons for grades: pronouns and names
    s for s in PRONOUNS + NOUN_SUBJECTS[:16] + [NOUN_SUBJECTS[-3], NOUN_SUBJECTS[-1], NOUN_SUBJECTS[-5]]]
AR_HASAL = ar_sound("حصل", "حصل", "احصل")
MARKS = [("a good mark", "une bonne note", "علامة جيدة"), ("a bad mark", "une mauvaise note", "علامة سيئة"),
         ("the best mark in the class", "la meilleure note de la classe", "أفضل علامة في الصف"),
         ("an excellent mark", "une excellente note", "علامة ممتازة")]
MARK_TIME = [("", "", ""), ("in the last exam", "au dernier examen", "في الامتحان الأخير"),
             ("this term", "ce trimestre", "هذا الفصل الدراسي"), ("last week", "la semaine dernière",
                                                                       "الأسبوع الماضي")]


def g_grades() -> list[Triple]:
    out = []
    rng = random.Random(501)
    for s in GRADE_SUBJECTS:
        for _ in range(6):
            se, sf, sfb, sg, spl, sa = rng.choice(SUBJECTS)
            te, tf, ta = rng.choice(MARK_TIME)
            p = s.person
            if rng.random() < 0.5:
                n = rng.randint(5, 19)
                me, mf, ma = f"{n} out of 20", f"{n} sur 20", f"{n} من 20"
            else:
                me, mf, ma = rng.choice(MARKS)
                if "best" in me and te == "this term":
                    continue
            out.append(sentence(j(s.en, "got", me, "in", se, te),
                                j(s.fr, FR_AVOIR[FR_INDEX[p]], "eu", mf, "en", sfb, tf),
                                j(AR_HASAL["past"][s.vperson], s.ar, "على", ma, "في", sa, ta)))
    return out


AR_AHABB = ar_sound("حب", "أحب", "أحبب")
FR_AIMER = fr_er("aimer")
FR_PREFERER = ["préfère", "préfères", "préfère", "préférons", "préférez", "préfèrent"]
AR_FADDAL = ar_sound("فضل", "فضل", "فضل")


def g_likes() -> list[Triple]:
    out = []
    rng = random.Random(502)
    for s in PRONOUNS + NOUN_SUBJECTS[:16] + [NOUN_SUBJECTS[-3], NOUN_SUBJECTS[-4], NOUN_SUBJECTS[-5]]:
        p = s.person
        fi = FR_INDEX[p]
        for _ in range(4):
            a, b = rng.sample(SUBJECTS, 2)
            r = rng.random()
            if r < 0.35:
                out.append(sentence(j(s.en, "likes" if en3(p) else "like", a[0]), j(s.fr, FR_AIMER["pres"][fi], a[1]),
                                    j(AR_AHABB["pres"][s.vperson], s.ar, a[5])))
            elif r < 0.6:
                out.append(sentence(j(s.en, en_do(p) + "n't like", a[0]),
                                    j(s.fr, "ne", FR_AIMER["pres"][fi], "pas", a[1]),
                                    j("لا", AR_AHABB["pres"][s.vperson], s.ar, a[5])))
            else:
                out.append(sentence(j(s.en, "prefers" if en3(p) else "prefer", a[0], "to", b[0]),
                                    j(s.fr, FR_PREFERER[fi], a[1], "à", b[1]),
                                    j(AR_FADDAL["pres"][s.vperson], s.ar, a[5], "على", b[5])))
    # favourite subject
    for p in PERSONS:
        for se, sf, _sfb, _sg, _spl, sa in SUBJECTS:
            if rng.random() < 0.55:
                continue
            pron = "هي"
            out.append(sentence(j(EN_POSS[p], "favourite subject is", se),
                                j(FR_POSS[p][1] if p not in ("we", "you_pl", "they") else FR_POSS[p][0],
                                  "matière préférée est", sf),
                                j(ar_poss("مادة", p), "المفضلة", pron, sa)))
    return out


SUPERLATIVES = [("the most difficult", "la plus difficile", "أصعب"), ("the easiest", "la plus facile", "أسهل"),
                ("the most interesting", "la plus intéressante", "أمتع"),
                ("the most important", "la plus importante", "أهم")]
COMPARATIVES_EXAM = [("harder", "plus difficile", "أصعب"), ("easier", "plus facile", "أسهل"),
                     ("longer", "plus long", "أطول"), ("shorter", "plus court", "أقصر")]
COMPARATIVES_CLASS = [("more interesting", "plus intéressant", "أمتع"), ("more boring", "plus ennuyeux", "أكثر مللًا"),
                      ("harder", "plus difficile", "أصعب"), ("easier", "plus facile", "أسهل")]


def g_compare() -> list[Triple]:
    out = []
    rng = random.Random(503)
    for a in SUBJECTS:
        for b in SUBJECTS:
            if a is b:
                continue
            r = rng.random()
            if r < 0.3:
                ce, cf, ca = rng.choice(COMPARATIVES_EXAM)
                out.append(sentence(j("the", a[0], "exam was", ce, "than the", b[0], "exam"),
                                    j("l'examen", fr_elide("de " + a[2]), "était", cf, "que l'examen",
                                      fr_elide("de " + b[2])),
                                    j("كان امتحان", a[5], ca, "من امتحان", b[5])))
            elif r < 0.55:
                ce, cf, ca = rng.choice(COMPARATIVES_CLASS)
                out.append(sentence(j("the", a[0], "class is", ce, "than the", b[0], "class"),
                                    j("le cours", fr_elide("de " + a[2]), "est", cf, "que le cours",
                                      fr_elide("de " + b[2])),
                                    j("درس", a[5], ca, "من درس", b[5])))
    for se, sf, _sfb, _sg, spl, sa in SUBJECTS:
        for sup_e, sup_f, sup_a in SUPERLATIVES:
            lead = rng.choice([("", "", ""), ("for me,", "pour moi,", "بالنسبة لي،"),
                               ("in my opinion,", "à mon avis,", "في رأيي،")])
            verb = "sont" if spl else "est"
            out.append(sentence(j(lead[0], se, "is", sup_e, "subject"), j(lead[1], sf, verb, "la matière", sup_f),
                                j(lead[2], sa, "هي" if sa not in ("التاريخ", "الاقتصاد", "الأدب") else "هو",
                                  sup_a, "مادة")))
    return out


LANGS = [("English", "l'anglais", "anglais", "الإنجليزية"), ("French", "le français", "français", "الفرنسية"),
         ("Arabic", "l'arabe", "arabe", "العربية"), ("Spanish", "l'espagnol", "espagnol", "الإسبانية"),
         ("German", "l'allemand", "allemand", "الألمانية"), ("Italian", "l'italien", "italien", "الإيطالية"),
         ("Chinese", "le chinois", "chinois", "الصينية"), ("Japanese", "le japonais", "japonais", "اليابانية"),
         ("Russian", "le russe", "russe", "الروسية"), ("Turkish", "le turc", "turc", "التركية"),
         ("Portuguese", "le portugais", "portugais", "البرتغالية")]
MANNERS = [("fluently", "couramment", "بطلاقة"), ("well", "bien", "جيدًا"), ("a little", "un peu", "قليلًا"),
           ("very well", "très bien", "جيدًا جدًا")]
AR_TAHADDATH = ar_sound("تحدث", "تحدث", "تحدث")
FR_PARLER = fr_er("parler")


def g_languages() -> list[Triple]:
    out = []
    rng = random.Random(504)
    for s in PRONOUNS + NOUN_SUBJECTS[:18]:
        p = s.person
        fi = FR_INDEX[p]
        for _ in range(4):
            le, lf, lfb, la = rng.choice(LANGS)
            ar_lang = "اللغة " + la
            r = rng.random()
            if r < 0.45:
                me, mf, ma = rng.choice(MANNERS)
                out.append(sentence(j(s.en, "speaks" if en3(p) else "speak", le, me),
                                    j(s.fr, FR_PARLER["pres"][fi], mf, lf),
                                    j(AR_TAHADDATH["pres"][s.vperson], s.ar, ar_lang, ma)))
            elif r < 0.65:
                out.append(sentence(j(s.en, en_do(p) + "n't speak", le),
                                    j(s.fr, "ne", FR_PARLER["pres"][fi], "pas", lfb),
                                    j("لا", AR_TAHADDATH["pres"][s.vperson], s.ar, ar_lang)))
            elif r < 0.8 and p != "i":
                out.append(sentence(j(en_do(p), s.en, "speak", le), j("est-ce que", s.fr, FR_PARLER["pres"][fi], lfb),
                                    j("هل", AR_TAHADDATH["pres"][s.vperson], s.ar, ar_lang), "?"))
            else:
                n = rng.choice([2, 3, 4, 5])
                en_n, fr_n, ar_n = count_np(n, N["language"])
                out.append(sentence(j(s.en, "speaks" if en3(p) else "speak", en_n),
                                    j(s.fr, FR_PARLER["pres"][fi], fr_n),
                                    j(AR_TAHADDATH["pres"][s.vperson], s.ar, ar_n)))
    return out


DURATIONS = [  # en, fr, ar, length in years (rounded up)
    ("a year", "un an", "سنة"), ("two years", "deux ans", "سنتين"), ("three years", "trois ans", "ثلاث سنوات"),
             ("four years", "quatre ans", "أربع سنوات"), ("five years", "cinq ans", "خمس سنوات"),
             ("ten years", "dix ans", "عشر سنوات"), ("12 years", "12 ans", "12 سنة"), ("six months", "six mois",
                                                                                      "ستة أشهر"),
             ("two months", "deux mois", "شهرين"), ("three weeks", "trois semaines", "ثلاثة أسابيع"),
             ("two weeks", "deux semaines", "أسبوعين"), ("eight months", "huit mois", "ثمانية أشهر")]
DUR_YEARS = {"a year": 1, "two years": 2, "three years": 3, "four years": 4, "five years": 5, "ten years": 10,
             "12 years": 12, "six months": 1, "two months": 1, "three weeks": 1, "two weeks": 1, "eight months": 1}
SINCE_ACTS = [  # en -ing phrase, fr verb table, fr complement, ar verb table, ar complement, roles, longest duration
    ("learning {lang}", fr_table("apprendre", "apprends apprends apprend apprenons apprenez apprennent", "appris",
                                 "apprendr", "apprends apprenez"), "{lang_fr}", ar_sound("تعلم", "تعلم", "تعلم"),
     "{lang_ar}", "ws", 12),
    ("working at this company", fr_er("travailler"), "dans cette entreprise", ar_sound("عمل", "عمل", "اعمل"),
     "في هذه الشركة", "w", 12),
    ("working at the town hall", fr_er("travailler"), "à la mairie", ar_sound("عمل", "عمل", "اعمل"), "في البلدية", "w",
     12),
    ("studying medicine", fr_er("étudier"), "la médecine", ar_sound("درس", "درس", "ادرس"), "الطب", "s", 5),
    ("studying law", fr_er("étudier"), "le droit", ar_sound("درس", "درس", "ادرس"), "القانون", "s", 5),
    ("studying economics", fr_er("étudier"), "l'économie", ar_sound("درس", "درس", "ادرس"), "الاقتصاد", "s", 5),
    ("working on this project", fr_er("travailler"), "sur ce projet", ar_sound("عمل", "عمل", "اعمل"),
     "على هذا المشروع", "w", 2),
    ("looking for a job", fr_er("chercher"), "du travail", ar_sound("بحث", "بحث", "ابحث"), "عن عمل", "ws", 1),
]


def g_since() -> list[Triple]:
    out = []
    rng = random.Random(505)
    for s in PRONOUNS + NOUN_SUBJECTS[:18]:
        p = s.person
        fi = FR_INDEX[p]
        for _ in range(5):
            en_act, fr_v, fr_c, ar_v, ar_c, roles, longest = rng.choice(SINCE_ACTS)
            if not set(roles) & set(s.roles):
                continue
            le, lf, lfb, la = rng.choice(LANGS)
            en_act = en_act.format(lang=le)
            fr_c = fr_c.format(lang_fr=lf)
            ar_c = ar_c.format(lang_ar="اللغة " + la)
            de, df, da = rng.choice([d for d in DURATIONS if DUR_YEARS[d[0]] <= longest])
            if rng.random() < 0.75 or s.person == "i":
                out.append(sentence(j(s.en, en_have(p), "been", en_act, "for", de),
                                    j(s.fr, fr_v["pres"][fi], fr_c, "depuis", df),
                                    j(ar_v["pres"][s.vperson], s.ar, ar_c, "منذ", da)))
            else:
                fr_q = j("depuis combien de temps est-ce que", s.fr, fr_v["pres"][fi], fr_c)
                out.append(sentence(j("how long", en_have(p), s.en, "been", en_act), fr_q,
                                    j("منذ متى", ar_v["pres"][s.vperson], s.ar, ar_c), "?"))
    return out


# --------------------------------------------------------------------------------------------- groups of people

GROUPS = [  # en, fr, ar, kind (mp, fp, md, fd), role (s: school, w: work, t: teachers)
    ("the students", "les étudiants", "الطلاب", "mp", "s"), ("the girls", "les filles", "البنات", "fp", "s"),
    ("the boys", "les garçons", "الأولاد", "mp", "s"), ("the employees", "les employés", "الموظفون", "mp", "w"),
    ("my colleagues", "mes collègues", "زملائي", "mp", "w"),
    ("Sarah and Leila", "Sarah et Leila", "سارة وليلى", "fd", "s"),
    ("Karim and Omar", "Karim et Omar", "كريم وعمر", "md", "w"),
    ("the two new teachers", "les deux nouveaux professeurs", "المعلمان الجديدان", "md", "t"),
    ("the two secretaries", "les deux secrétaires", "السكرتيرتان", "fd", "w"),
    ("the secretaries", "les secrétaires", "السكرتيرات", "fp", "w"),
    ("the interns", "les stagiaires", "المتدربون", "mp", "w"),
    ("the teachers", "les professeurs", "المعلمون", "mp", "t"),
]
GROUP_VERBS = [  # en -ing, en past, fr verb table, ar present stem, ar past, roles, places allowed
    ("waiting", "waited", fr_table("attendre", "attends attends attend attendons attendez attendent", "attendu",
                                   "attendr", "attends attendez"), "نتظر", "انتظر", "swt",
     "corridor library entrance staff meeting"),
    ("working", "worked", fr_er("travailler"), "عمل", "عمل", "swt", "library meeting office classroom"),
    ("studying", "studied", fr_er("réviser"), "درس", "درس", "s", "library classroom"),
    ("having lunch", "had lunch", fr_er("déjeuner"), "تناول الغداء", "تناول الغداء", "swt",
     "canteen courtyard staff"),
    ("chatting", "chatted", fr_er("discuter"), "تحدث", "تحدث", "swt", "corridor courtyard canteen entrance"),
]
PLACE_ROLES = {"corridor": "swt", "library": "st", "entrance": "swt", "staff": "t", "meeting": "w", "office": "w",
               "classroom": "st", "canteen": "swt", "courtyard": "st"}
GROUP_PLACES = {
    "corridor": ("in the corridor", "dans le couloir", "في الممر"),
    "library": ("in the library", "à la bibliothèque", "في المكتبة"),
    "entrance": ("at the entrance", "à l'entrée", "عند المدخل"),
    "staff": ("in the staff room", "dans la salle des professeurs", "في غرفة المعلمين"),
    "meeting": ("in the meeting room", "dans la salle de réunion", "في قاعة الاجتماعات"),
    "office": ("in the office", "au bureau", "في المكتب"),
    "classroom": ("in the classroom", "dans la salle de classe", "في الفصل"),
    "canteen": ("in the canteen", "à la cantine", "في المقصف"),
    "courtyard": ("in the courtyard", "dans la cour", "في الساحة"),
}
GROUP_PAST_T = [("this morning", "ce matin", "صباح اليوم"), ("yesterday afternoon", "hier après-midi",
                                                                 "أمس بعد الظهر"),
                ("for an hour", "pendant une heure", "لمدة ساعة"), ("for two hours", "pendant deux heures",
                                                                     "لمدة ساعتين"),
                ("after the exam", "après l'examen", "بعد الامتحان")]


def _ar_group_verb(stem: str, kind: str, past: bool) -> str:
    verb, _, rest = stem.partition(" ")
    if past:
        form = verb + ("ت" if kind in ("fp", "fd") else "")  # verb first: singular, gender of the subject
    else:
        form = {"mp": "ي" + verb + "ون", "fp": "ي" + verb + "ن", "md": "ي" + verb + "ان", "fd": "ت" + verb + "ان"}[kind]
    return j(form, rest)


def g_groups() -> list[Triple]:
    out = []
    rng = random.Random(601)
    for en, fr, ar, kind, role in GROUPS:
        for ing, past, frv, ar_pres, ar_past, roles, places in GROUP_VERBS:
            if role not in roles:
                continue
            for key in places.split():
                pe, pf, pa = GROUP_PLACES[key]
                if role not in PLACE_ROLES[key]:
                    continue
                out.append(sentence(j(en, "are", ing, pe), j(fr, frv["pres"][5], pf),
                                    j(ar, _ar_group_verb(ar_pres, kind, False), pa)))
                te, tf, ta = rng.choice(GROUP_PAST_T if role != "w" else GROUP_PAST_T[:4])
                if ing == "having lunch":
                    te, tf, ta = rng.choice([("yesterday", "hier", "أمس"), ("at noon", "à midi", "عند الظهر")])
                verb, _, obj = ar_past.partition(" ")
                out.append(sentence(j(en, past, pe, te), j(fr, "ont", frv["pp"], pf, tf),
                                    j(_ar_group_verb(verb, kind, True), ar, obj, pa, ta)))
    return out


DUR_EVENTS = [("the meeting", "la réunion", "f", "الاجتماع", "m"), ("the exam", "l'examen", "m", "الامتحان", "m"),
              ("the interview", "l'entretien", "m", "المقابلة", "f"),
              ("the lecture", "le cours magistral", "m", "المحاضرة", "f"),
              ("the training session", "la formation", "f", "الدورة التدريبية", "f"),
              ("the presentation", "la présentation", "f", "العرض التقديمي", "m")]


def g_duration() -> list[Triple]:
    out = []
    for en, fr, _fg, ar, ag in DUR_EVENTS:
        for n, unit in [(1, "hour"), (2, "hour"), (3, "hour"), (4, "hour"), (5, "hour"), (2, "minute"), (20, "minute"),
                        (30, "minute"), (40, "minute"), (45, "minute"), (90, "minute"), (15, "minute"), (10, "minute")]:
            noun = N[unit]
            if n == 1:
                en_d, fr_d, ar_d = "an hour", "une heure", "ساعة واحدة"
            elif n == 2:
                en_d, fr_d, ar_d = f"two {noun.en_pl}", f"deux {noun.fr_pl}", noun.du_gen
            else:
                en_d, fr_d, ar_d = count_np(n, noun)
            if unit == "minute" and n == 2:
                continue
            out.append(sentence(j(en, "lasted", en_d), j(fr, "a duré", fr_d),
                                j("استمر" if ag == "m" else "استمرت", ar, ar_d)))
            out.append(sentence(j(en, "will last", en_d), j(fr, "durera", fr_d),
                                j("سيستمر" if ag == "m" else "ستستمر", ar, ar_d)))
    return out


# --------------------------------------------------------------------------------------------- hand-written

HANDWRITTEN = """
Good morning, everyone.
Bonjour à tous.
صباح الخير للجميع.

The meeting starts in five minutes.
La réunion commence dans cinq minutes.
يبدأ الاجتماع بعد خمس دقائق.

Where is the meeting room?
Où est la salle de réunion ?
أين قاعة الاجتماعات؟

I'm sorry, I'm late because of the traffic.
Désolé, je suis en retard à cause des embouteillages.
آسف، تأخرت بسبب زحمة السير.

Can I use your stapler?
Je peux utiliser ton agrafeuse ?
هل يمكنني أن أستخدم دباستك؟

The printer is out of paper again.
L'imprimante n'a plus de papier, encore une fois.
نفد الورق من الطابعة مرة أخرى.

Who has the key to the cupboard?
Qui a la clé de l'armoire ?
من معه مفتاح الخزانة؟

My computer is very slow this morning.
Mon ordinateur est très lent ce matin.
حاسوبي بطيء جدًا هذا الصباح.

I forgot my password.
J'ai oublié mon mot de passe.
نسيت كلمة المرور.

Could you send me the file by email?
Pourriez-vous m'envoyer le fichier par e-mail ?
هل يمكنك أن ترسل لي الملف بالبريد الإلكتروني؟

I'll call you back after the meeting.
Je te rappelle après la réunion.
سأتصل بك بعد الاجتماع.

The boss wants to see you in his office.
Le patron veut te voir dans son bureau.
يريد المدير أن يراك في مكتبه.

We need to talk about the budget.
Nous devons parler du budget.
يجب أن نتحدث عن الميزانية.

The coffee machine is broken.
La machine à café est en panne.
آلة القهوة معطلة.

Let's have lunch together tomorrow.
Déjeunons ensemble demain.
لنتناول الغداء معًا غدًا.

I have a lot of work today.
J'ai beaucoup de travail aujourd'hui.
لدي الكثير من العمل اليوم.

She is in a meeting until noon.
Elle est en réunion jusqu'à midi.
هي في اجتماع حتى الظهر.

He works from home on Fridays.
Il travaille de chez lui le vendredi.
يعمل من البيت أيام الجمعة.

Our office is on the fourth floor.
Notre bureau est au quatrième étage.
مكتبنا في الطابق الرابع.

The company has two hundred employees.
L'entreprise compte deux cents employés.
في الشركة مئتا موظف.

The new manager is very kind.
Le nouveau directeur est très gentil.
المدير الجديد لطيف جدًا.

I don't agree with this decision.
Je ne suis pas d'accord avec cette décision.
لست موافقًا على هذا القرار.

What time does the office open?
À quelle heure ouvre le bureau ?
في أي ساعة يفتح المكتب؟

The office closes at six in the evening.
Le bureau ferme à dix-huit heures.
يغلق المكتب في الساعة السادسة في المساء.

I take the train to work every day.
Je prends le train pour aller au travail tous les jours.
أركب القطار إلى العمل كل يوم.

It takes me forty minutes to get to the office.
Il me faut quarante minutes pour aller au bureau.
أحتاج إلى أربعين دقيقة للوصول إلى المكتب.

The report is on your desk.
Le rapport est sur ton bureau.
التقرير على مكتبك.

Please close the door when you leave.
Fermez la porte en sortant, s'il vous plaît.
أغلقوا الباب عند خروجكم من فضلكم.

Have you read my email?
Tu as lu mon e-mail ?
هل قرأت رسالتي الإلكترونية؟

I haven't received your message.
Je n'ai pas reçu ton message.
لم تصلني رسالتك.

The client is waiting at the reception.
Le client attend à l'accueil.
العميل ينتظر في الاستقبال.

We signed a contract with a new supplier.
Nous avons signé un contrat avec un nouveau fournisseur.
وقعنا عقدًا مع مورد جديد.

Sales increased by ten percent this year.
Les ventes ont augmenté de dix pour cent cette année.
ارتفعت المبيعات بنسبة عشرة في المئة هذه السنة.

The project is behind schedule.
Le projet a pris du retard.
المشروع متأخر عن الجدول الزمني.

We have to finish everything before the holidays.
Nous devons tout terminer avant les vacances.
يجب أن ننهي كل شيء قبل العطلة.

The deadline is next Friday.
La date limite est vendredi prochain.
آخر موعد هو يوم الجمعة المقبل.

I need one more day to finish the report.
J'ai besoin d'un jour de plus pour terminer le rapport.
أحتاج إلى يوم إضافي لإكمال التقرير.

Can we move the meeting to Thursday?
Est-ce qu'on peut déplacer la réunion à jeudi ?
هل يمكننا نقل الاجتماع إلى يوم الخميس؟

Who is taking notes today?
Qui prend des notes aujourd'hui ?
من يكتب الملاحظات اليوم؟

Let's start with the first point on the agenda.
Commençons par le premier point de l'ordre du jour.
لنبدأ بالنقطة الأولى في جدول الأعمال.

Does anyone have a question?
Quelqu'un a une question ?
هل لدى أحدكم سؤال؟

Thank you for your presentation.
Merci pour votre présentation.
شكرًا على عرضكم.

The slides are very clear.
Les diapositives sont très claires.
الشرائح واضحة جدًا.

I'll send you the minutes this afternoon.
Je vous envoie le compte rendu cet après-midi.
سأرسل لكم محضر الاجتماع بعد ظهر اليوم.

My colleague is on sick leave this week.
Mon collègue est en arrêt maladie cette semaine.
زميلي في إجازة مرضية هذا الأسبوع.

I'm going on holiday next month.
Je pars en vacances le mois prochain.
سأذهب في إجازة الشهر المقبل.

How many days off do you have left?
Combien de jours de congé te reste-t-il ?
كم يومًا من الإجازة بقي لك؟

I have twelve days of leave left.
Il me reste douze jours de congé.
بقي لي اثنا عشر يومًا من الإجازة.

He asked for a week off in April.
Il a demandé une semaine de congé en avril.
طلب إجازة لمدة أسبوع في شهر أبريل.

The manager approved my leave.
Le directeur a accepté mon congé.
وافق المدير على إجازتي.

We work from nine to five.
Nous travaillons de neuf heures à dix-sept heures.
نعمل من الساعة التاسعة إلى الساعة الخامسة.

She often works late.
Elle travaille souvent tard.
هي تعمل غالبًا حتى وقت متأخر.

I'm very busy this week.
Je suis très occupé cette semaine.
أنا مشغول جدًا هذا الأسبوع.

Are you free this afternoon?
Tu es libre cet après-midi ?
هل أنت متفرغ بعد ظهر اليوم؟

Sorry, I can't come to the meeting.
Désolée, je ne peux pas venir à la réunion.
آسفة، لا أستطيع أن أحضر الاجتماع.

The team did excellent work.
L'équipe a fait un excellent travail.
قام الفريق بعمل ممتاز.

Congratulations on your promotion!
Félicitations pour ta promotion !
مبروك على ترقيتك!

She was promoted last month.
Elle a été promue le mois dernier.
تمت ترقيتها الشهر الماضي.

He is looking for a new job.
Il cherche un nouveau travail.
هو يبحث عن عمل جديد.

I sent my CV to three companies.
J'ai envoyé mon CV à trois entreprises.
أرسلت سيرتي الذاتية إلى ثلاث شركات.

The job interview went very well.
L'entretien d'embauche s'est très bien passé.
جرت مقابلة العمل بشكل جيد جدًا.

Why do you want to work with us?
Pourquoi voulez-vous travailler avec nous ?
لماذا تريد أن تعمل معنا؟

Tell me about your experience.
Parlez-moi de votre expérience.
حدثني عن خبرتك.

I have five years of experience in marketing.
J'ai cinq ans d'expérience dans le marketing.
لدي خمس سنوات من الخبرة في التسويق.

When can you start?
Quand pouvez-vous commencer ?
متى يمكنك أن تبدأ؟

I can start next month.
Je peux commencer le mois prochain.
يمكنني أن أبدأ الشهر المقبل.

We get paid at the end of each month.
Nous sommes payés à la fin de chaque mois.
نتقاضى رواتبنا في نهاية كل شهر.

He asked his boss for a raise.
Il a demandé une augmentation à son patron.
طلب من مديره زيادة في الراتب.

They hired three new engineers.
Ils ont embauché trois nouveaux ingénieurs.
وظفوا ثلاثة مهندسين جدد.

She resigned last week.
Elle a démissionné la semaine dernière.
استقالت الأسبوع الماضي.

My contract ends in June.
Mon contrat se termine en juin.
ينتهي عقدي في شهر يونيو.

I work part-time in a bookshop.
Je travaille à temps partiel dans une librairie.
أعمل بدوام جزئي في مكتبة لبيع الكتب.

My father is retired.
Mon père est à la retraite.
أبي متقاعد.

What is your job?
Quel est ton métier ?
ما هي مهنتك؟

I'm a nurse at the city hospital.
Je suis infirmière à l'hôpital de la ville.
أنا ممرضة في مستشفى المدينة.

My sister is a lawyer.
Ma sœur est avocate.
أختي محامية.

My brother wants to become a pilot.
Mon frère veut devenir pilote.
يريد أخي أن يصبح طيارًا.

She works in a bank in the city centre.
Elle travaille dans une banque du centre-ville.
تعمل في بنك في وسط المدينة.

He's been unemployed for six months.
Il est au chômage depuis six mois.
هو عاطل عن العمل منذ ستة أشهر.

The factory employs three hundred workers.
L'usine emploie trois cents ouvriers.
يعمل في المصنع ثلاثمئة عامل.

Work starts at eight o'clock sharp.
Le travail commence à huit heures précises.
يبدأ العمل في الساعة الثامنة تمامًا.

Don't forget to turn off your computer.
N'oublie pas d'éteindre ton ordinateur.
لا تنس أن تطفئ حاسوبك.

The Wi-Fi isn't working in the office.
Le wifi ne marche pas au bureau.
الإنترنت اللاسلكي لا يعمل في المكتب.

Can you print two copies of this document?
Tu peux imprimer deux copies de ce document ?
هل يمكنك أن تطبع نسختين من هذا المستند؟

There is no more ink in the printer.
Il n'y a plus d'encre dans l'imprimante.
لم يبق حبر في الطابعة.

I'll ask the technician to fix it.
Je vais demander au technicien de la réparer.
سأطلب من الفني أن يصلحها.

The meeting was cancelled at the last minute.
La réunion a été annulée à la dernière minute.
تم إلغاء الاجتماع في اللحظة الأخيرة.

We'll discuss it tomorrow.
Nous en discuterons demain.
سنناقش ذلك غدًا.

I agree with you.
Je suis d'accord avec toi.
أنا متفق معك.

That's a good idea.
C'est une bonne idée.
هذه فكرة جيدة.

Let's take a short break.
Faisons une petite pause.
لنأخذ استراحة قصيرة.

The conference room is booked until three.
La salle de conférence est réservée jusqu'à quinze heures.
قاعة المؤتمرات محجوزة حتى الساعة الثالثة.

I have to prepare my presentation for Monday.
Je dois préparer ma présentation pour lundi.
يجب أن أجهز عرضي التقديمي ليوم الاثنين.

The director is travelling to Paris tomorrow.
Le directeur part à Paris demain.
يسافر المدير إلى باريس غدًا.

She speaks to clients on the phone all day.
Elle parle aux clients au téléphone toute la journée.
تتحدث مع العملاء على الهاتف طوال اليوم.

Please fill in this form.
Veuillez remplir ce formulaire.
املأ هذه الاستمارة من فضلك.

Sign here, please.
Signez ici, s'il vous plaît.
وقع هنا من فضلك.

The documents are in the blue folder.
Les documents sont dans la chemise bleue.
المستندات في الملف الأزرق.

We are a team of eight people.
Nous sommes une équipe de huit personnes.
نحن فريق من ثمانية أشخاص.

Everyone must wear a badge.
Tout le monde doit porter un badge.
يجب على الجميع أن يحملوا بطاقة.

Smoking is not allowed in the building.
Il est interdit de fumer dans le bâtiment.
التدخين ممنوع في المبنى.

The staff meeting is every Monday morning.
La réunion du personnel a lieu tous les lundis matin.
اجتماع الموظفين كل يوم اثنين صباحًا.

I'm working on a new project.
Je travaille sur un nouveau projet.
أعمل على مشروع جديد.

The results are better than last year.
Les résultats sont meilleurs que l'année dernière.
النتائج أفضل من السنة الماضية.

Our company opened an office in Casablanca.
Notre entreprise a ouvert un bureau à Casablanca.
افتتحت شركتنا مكتبًا في الدار البيضاء.

He travels a lot for work.
Il voyage beaucoup pour son travail.
يسافر كثيرًا من أجل العمل.

I'm tired of these long meetings.
J'en ai assez de ces longues réunions.
سئمت من هذه الاجتماعات الطويلة.

The training lasts three days.
La formation dure trois jours.
تستمر الدورة التدريبية ثلاثة أيام.

The new employees start on Monday.
Les nouveaux employés commencent lundi.
يبدأ الموظفون الجدد يوم الاثنين.

Welcome to the team!
Bienvenue dans l'équipe !
مرحبًا بك في الفريق!

I'll show you your desk.
Je vais te montrer ton bureau.
سأريك مكتبك.

The canteen is on the ground floor.
La cantine est au rez-de-chaussée.
المقصف في الطابق الأرضي.

Lunch break is from noon to one.
La pause déjeuner est de midi à treize heures.
استراحة الغداء من الظهر حتى الساعة الواحدة.

The school year starts in September.
L'année scolaire commence en septembre.
تبدأ السنة الدراسية في شهر سبتمبر.

Open your books at page twenty.
Ouvrez vos livres à la page vingt.
افتحوا كتبكم على الصفحة العشرين.

Listen carefully, please.
Écoutez bien, s'il vous plaît.
استمعوا جيدًا من فضلكم.

Raise your hand before you speak.
Levez la main avant de parler.
ارفعوا أيديكم قبل أن تتكلموا.

Who knows the answer?
Qui connaît la réponse ?
من يعرف الإجابة؟

Repeat after me.
Répétez après moi.
كرروا ورائي.

Write the date on the board.
Écris la date au tableau.
اكتب التاريخ على السبورة.

Can you repeat the question, please?
Pouvez-vous répéter la question, s'il vous plaît ?
هل يمكنك أن تعيد السؤال من فضلك؟

I don't understand this exercise.
Je ne comprends pas cet exercice.
لا أفهم هذا التمرين.

What does this word mean?
Que veut dire ce mot ?
ماذا تعني هذه الكلمة؟

How do you say "book" in Arabic?
Comment dit-on « livre » en arabe ?
كيف نقول «كتاب» بالعربية؟

Can I go to the toilet?
Je peux aller aux toilettes ?
هل يمكنني أن أذهب إلى الحمام؟

The bell has rung.
La sonnerie a retenti.
رن الجرس.

The lesson is over.
Le cours est terminé.
انتهى الدرس.

Don't forget your homework for tomorrow.
N'oubliez pas vos devoirs pour demain.
لا تنسوا واجباتكم للغد.

I haven't done my homework.
Je n'ai pas fait mes devoirs.
لم أنجز واجباتي.

My dog ate my homework.
Mon chien a mangé mes devoirs.
أكل كلبي واجباتي.

The maths teacher gives a lot of homework.
Le professeur de maths donne beaucoup de devoirs.
يعطي معلم الرياضيات الكثير من الواجبات.

We have a test on Thursday.
Nous avons un contrôle jeudi.
لدينا اختبار يوم الخميس.

I'm afraid of the exam.
J'ai peur de l'examen.
أنا خائف من الامتحان.

Good luck with your exam!
Bonne chance pour ton examen !
حظًا سعيدًا في امتحانك!

I passed all my exams.
J'ai réussi tous mes examens.
نجحت في كل امتحاناتي.

He failed the driving test.
Il a raté l'examen du permis de conduire.
رسب في امتحان القيادة.

She got the best grade in the class.
Elle a eu la meilleure note de la classe.
حصلت على أفضل علامة في الصف.

The results will be published on Monday.
Les résultats seront publiés lundi.
ستنشر النتائج يوم الاثنين.

My parents are proud of me.
Mes parents sont fiers de moi.
والداي فخوران بي.

The exam lasts two hours.
L'examen dure deux heures.
يستمر الامتحان ساعتين.

Phones are forbidden during the exam.
Les téléphones sont interdits pendant l'examen.
الهواتف ممنوعة أثناء الامتحان.

You have ten minutes left.
Il vous reste dix minutes.
بقيت لكم عشر دقائق.

Put your pens down, please.
Posez vos stylos, s'il vous plaît.
ضعوا أقلامكم من فضلكم.

Write your name at the top of the page.
Écrivez votre nom en haut de la page.
اكتبوا أسماءكم في أعلى الصفحة.

Read the text and answer the questions.
Lisez le texte et répondez aux questions.
اقرؤوا النص وأجيبوا عن الأسئلة.

This question is not clear.
Cette question n'est pas claire.
هذا السؤال ليس واضحًا.

My son is in the third year of primary school.
Mon fils est en troisième année de primaire.
ابني في السنة الثالثة من المدرسة الابتدائية.

My daughter starts secondary school next year.
Ma fille entre au collège l'année prochaine.
تبدأ ابنتي المدرسة الإعدادية السنة المقبلة.

The school is next to the park.
L'école est à côté du parc.
المدرسة بجانب الحديقة.

The children go to school on foot.
Les enfants vont à l'école à pied.
يذهب الأطفال إلى المدرسة مشيًا.

The school bus leaves at half past seven.
Le bus scolaire part à sept heures et demie.
تنطلق الحافلة المدرسية في الساعة السابعة والنصف.

Classes finish at four o'clock.
Les cours se terminent à seize heures.
تنتهي الدروس في الساعة الرابعة.

There is no school on Saturday.
Il n'y a pas d'école le samedi.
لا توجد دراسة يوم السبت.

The pupils are playing in the playground.
Les élèves jouent dans la cour de récréation.
التلاميذ يلعبون في ساحة المدرسة.

The teacher is writing on the board.
Le professeur écrit au tableau.
المعلم يكتب على السبورة.

Our teacher is strict but fair.
Notre professeur est sévère mais juste.
معلمنا صارم لكنه عادل.

The new teacher explains things very well.
La nouvelle professeure explique très bien.
المعلمة الجديدة تشرح الأمور جيدًا جدًا.

She teaches history at a secondary school.
Elle enseigne l'histoire dans un lycée.
تعمل معلمة للتاريخ في مدرسة ثانوية.

I sit next to Karim in class.
Je suis assis à côté de Karim en classe.
أجلس بجانب كريم في الصف.

There are thirty pupils in my son's class.
Il y a trente élèves dans la classe de mon fils.
في صف ابني ثلاثون تلميذًا.

My best friend is in the same class as me.
Mon meilleur ami est dans la même classe que moi.
صديقي المفضل في نفس صفي.

Do you have a spare pen?
Tu as un stylo en plus ?
هل لديك قلم إضافي؟

Can I borrow your ruler?
Je peux emprunter ta règle ?
هل يمكنني أن أستعير مسطرتك؟

I forgot my pencil case at home.
J'ai oublié ma trousse à la maison.
نسيت مقلمتي في البيت.

My school bag is very heavy.
Mon cartable est très lourd.
حقيبتي المدرسية ثقيلة جدًا.

We need a new dictionary.
Nous avons besoin d'un nouveau dictionnaire.
نحتاج إلى قاموس جديد.

The library is closed on Sundays.
La bibliothèque est fermée le dimanche.
المكتبة مغلقة أيام الأحد.

You can borrow three books for two weeks.
Tu peux emprunter trois livres pendant deux semaines.
يمكنك أن تستعير ثلاثة كتب لمدة أسبوعين.

I have to return these books tomorrow.
Je dois rendre ces livres demain.
يجب أن أعيد هذه الكتب غدًا.

Please be quiet in the library.
Silence dans la bibliothèque, s'il vous plaît.
الرجاء الهدوء في المكتبة.

I'm looking for a book about Egyptian history.
Je cherche un livre sur l'histoire de l'Égypte.
أبحث عن كتاب عن تاريخ مصر.

The librarian helped me find the book.
Le bibliothécaire m'a aidé à trouver le livre.
ساعدني أمين المكتبة في العثور على الكتاب.

I study better in the morning.
J'étudie mieux le matin.
أدرس بشكل أفضل في الصباح.

We are revising together for the exam.
Nous révisons ensemble pour l'examen.
نراجع معًا للامتحان.

I stayed up late to study.
J'ai veillé tard pour réviser.
سهرت حتى وقت متأخر لأدرس.

He studies medicine at the University of Algiers.
Il étudie la médecine à l'université d'Alger.
يدرس الطب في جامعة الجزائر.

She is in her second year of law.
Elle est en deuxième année de droit.
هي في السنة الثانية من دراسة القانون.

I want to study engineering in Canada.
Je veux étudier l'ingénierie au Canada.
أريد أن أدرس الهندسة في كندا.

The university is far from the city centre.
L'université est loin du centre-ville.
الجامعة بعيدة عن وسط المدينة.

The campus is very big.
Le campus est très grand.
الحرم الجامعي كبير جدًا.

Registration closes on 30 September.
Les inscriptions ferment le 30 septembre.
يغلق التسجيل في 30 سبتمبر.

Tuition fees are very high.
Les frais de scolarité sont très élevés.
الرسوم الدراسية مرتفعة جدًا.

She got a scholarship to study abroad.
Elle a obtenu une bourse pour étudier à l'étranger.
حصلت على منحة للدراسة في الخارج.

The lecture hall is full.
L'amphithéâtre est plein.
المدرج ممتلئ.

The professor speaks too fast.
Le professeur parle trop vite.
يتحدث الأستاذ بسرعة كبيرة.

I took notes during the lecture.
J'ai pris des notes pendant le cours.
دونت ملاحظات أثناء المحاضرة.

Can I copy your notes?
Je peux copier tes notes ?
هل يمكنني أن أنسخ ملاحظاتك؟

My thesis is about renewable energy.
Mon mémoire porte sur les énergies renouvelables.
رسالتي عن الطاقة المتجددة.

I'm writing my thesis this year.
J'écris mon mémoire cette année.
أكتب رسالتي هذه السنة.

He graduated last year.
Il a obtenu son diplôme l'année dernière.
تخرج السنة الماضية.

She has a master's degree in economics.
Elle a un master en économie.
لديها شهادة ماجستير في الاقتصاد.

I'm doing an internship in a bank.
Je fais un stage dans une banque.
أقوم بتدريب في بنك.

The internship lasts six months.
Le stage dure six mois.
يستمر التدريب ستة أشهر.

The students are on strike today.
Les étudiants sont en grève aujourd'hui.
الطلاب مضربون اليوم.

The exams start in two weeks.
Les examens commencent dans deux semaines.
تبدأ الامتحانات بعد أسبوعين.

I have four exams next week.
J'ai quatre examens la semaine prochaine.
لدي أربعة امتحانات الأسبوع المقبل.

The summer holidays start in July.
Les grandes vacances commencent en juillet.
تبدأ العطلة الصيفية في شهر يوليو.

I'm learning Arabic at an evening school.
J'apprends l'arabe dans un cours du soir.
أتعلم العربية في مدرسة مسائية.

Arabic grammar is difficult but interesting.
La grammaire arabe est difficile mais intéressante.
قواعد اللغة العربية صعبة لكنها ممتعة.

I can read Arabic, but I can't write it well.
Je sais lire l'arabe, mais je ne l'écris pas bien.
أستطيع أن أقرأ العربية، لكنني لا أكتبها جيدًا.

She speaks four languages.
Elle parle quatre langues.
تتحدث أربع لغات.

My pronunciation isn't very good.
Ma prononciation n'est pas très bonne.
نطقي ليس جيدًا جدًا.

Practice every day and you will improve.
Pratique tous les jours et tu progresseras.
تدرب كل يوم وستتحسن.

I watch films in English to learn new words.
Je regarde des films en anglais pour apprendre de nouveaux mots.
أشاهد أفلامًا باللغة الإنجليزية لأتعلم كلمات جديدة.

Could you speak more slowly, please?
Pourriez-vous parler plus lentement, s'il vous plaît ?
هل يمكنك أن تتكلم ببطء أكثر من فضلك؟

Sorry, I didn't understand.
Pardon, je n'ai pas compris.
عفوًا، لم أفهم.

How do you spell your name?
Comment s'écrit ton nom ?
كيف تكتب اسمك؟

Is French harder than Spanish?
Le français est-il plus difficile que l'espagnol ?
هل الفرنسية أصعب من الإسبانية؟

Languages open many doors.
Les langues ouvrent beaucoup de portes.
اللغات تفتح أبوابًا كثيرة.

The teacher corrected my mistakes.
Le professeur a corrigé mes fautes.
صحح المعلم أخطائي.

I make a lot of spelling mistakes.
Je fais beaucoup de fautes d'orthographe.
أرتكب الكثير من الأخطاء الإملائية.

We learned twenty new words today.
Nous avons appris vingt nouveaux mots aujourd'hui.
تعلمنا عشرين كلمة جديدة اليوم.

Translate this sentence into French.
Traduis cette phrase en français.
ترجم هذه الجملة إلى الفرنسية.

This text is too long to translate in one day.
Ce texte est trop long pour être traduit en un jour.
هذا النص طويل جدًا لترجمته في يوم واحد.

The dictionary is on the teacher's desk.
Le dictionnaire est sur le bureau du professeur.
القاموس على مكتب المعلم.

Open the window, it's hot in the classroom.
Ouvre la fenêtre, il fait chaud dans la classe.
افتح النافذة، الجو حار في الفصل.

Turn off your phones, please.
Éteignez vos téléphones, s'il vous plaît.
أطفئوا هواتفكم من فضلكم.

The headmaster wants to see your parents.
Le directeur veut voir tes parents.
يريد المدير أن يرى والديك.

The parents' meeting is on Thursday evening.
La réunion des parents a lieu jeudi soir.
اجتماع أولياء الأمور مساء الخميس.

My son had a good term.
Mon fils a eu un bon trimestre.
كان فصل ابني الدراسي جيدًا.

Her report card is excellent.
Son bulletin est excellent.
كشف درجاتها ممتاز.

He needs to work harder in maths.
Il doit travailler davantage en maths.
يجب أن يجتهد أكثر في الرياضيات.

Karim helps his little sister with her homework.
Karim aide sa petite sœur à faire ses devoirs.
يساعد كريم أخته الصغيرة في واجباتها.

The students went on a trip to the museum.
Les élèves sont allés au musée en sortie scolaire.
ذهب الطلاب في رحلة إلى المتحف.

We planted trees in the schoolyard.
Nous avons planté des arbres dans la cour de l'école.
زرعنا أشجارًا في ساحة المدرسة.

The school has a new computer room.
L'école a une nouvelle salle informatique.
لدى المدرسة قاعة حاسوب جديدة.

Each student has a laptop.
Chaque élève a un ordinateur portable.
لكل طالب حاسوب محمول.

Physical education is on Wednesday afternoon.
L'éducation physique a lieu le mercredi après-midi.
حصة التربية البدنية يوم الأربعاء بعد الظهر.

Music is my favourite class.
La musique est mon cours préféré.
الموسيقى هي حصتي المفضلة.

I'm good at maths but bad at history.
Je suis bon en maths mais nul en histoire.
أنا جيد في الرياضيات لكنني ضعيف في التاريخ.

She wants to become a doctor like her mother.
Elle veut devenir médecin comme sa mère.
تريد أن تصبح طبيبة مثل أمها.

What do you want to do after school?
Que veux-tu faire après le lycée ?
ماذا تريد أن تفعل بعد المدرسة؟

I'd like to study abroad.
J'aimerais faire mes études à l'étranger.
أود أن أدرس في الخارج.

Sarah is the best student in her class.
Sarah est la meilleure élève de sa classe.
سارة أفضل طالبة في صفها.

Omar is always late for class.
Omar est toujours en retard en cours.
عمر يتأخر دائمًا عن الدرس.

Leila never misses a lesson.
Leila ne manque jamais un cours.
لا تتغيب ليلى عن أي درس.

The two sisters go to the same school.
Les deux sœurs vont à la même école.
الأختان تذهبان إلى المدرسة نفسها.

Both teachers are from Tunis.
Les deux professeurs viennent de Tunis.
المعلمان كلاهما من تونس.

The two exams were on the same day.
Les deux examens ont eu lieu le même jour.
كان الامتحانان في اليوم نفسه.

I read two chapters last night.
J'ai lu deux chapitres hier soir.
قرأت فصلين مساء أمس.

The course has two parts.
Le cours comporte deux parties.
يتكون المقرر من جزأين.

The school has three floors.
L'école a trois étages.
للمدرسة ثلاثة طوابق.

There are five teachers in the staff room.
Il y a cinq professeurs dans la salle des professeurs.
في غرفة المعلمين خمسة معلمين.

We study eight subjects this year.
Nous étudions huit matières cette année.
ندرس ثماني مواد هذه السنة.

Eleven students were absent today.
Onze élèves étaient absents aujourd'hui.
كان أحد عشر طالبًا غائبين اليوم.

How many students passed the exam?
Combien d'étudiants ont réussi l'examen ?
كم طالبًا نجح في الامتحان؟

How many hours do you work a day?
Combien d'heures travailles-tu par jour ?
كم ساعة تعمل في اليوم؟

How many languages do you speak?
Combien de langues parlez-vous ?
كم لغة تتحدث؟

How much does the course cost?
Combien coûte la formation ?
كم تكلف الدورة؟

When does the school year end?
Quand se termine l'année scolaire ?
متى تنتهي السنة الدراسية؟

Why are you late?
Pourquoi es-tu en retard ?
لماذا تأخرت؟

Where do you work?
Où travailles-tu ?
أين تعمل؟

Where did you study?
Où as-tu étudié ?
أين درست؟

What are you studying?
Qu'est-ce que tu étudies ?
ماذا تدرس؟

Which university did you go to?
Dans quelle université es-tu allée ?
في أي جامعة درستِ؟

Who is your English teacher?
Qui est ton professeur d'anglais ?
من هو معلمك للغة الإنجليزية؟

Is the exam difficult?
Est-ce que l'examen est difficile ?
هل الامتحان صعب؟

Did you finish the exercise?
Tu as fini l'exercice ?
هل أكملت التمرين؟

Have you seen my notebook?
Tu as vu mon cahier ?
هل رأيت دفتري؟

Is this seat free?
Cette place est libre ?
هل هذا المقعد شاغر؟

The lesson was very interesting today.
Le cours était très intéressant aujourd'hui.
كان الدرس ممتعًا جدًا اليوم.

I didn't understand anything in the physics lesson.
Je n'ai rien compris au cours de physique.
لم أفهم شيئًا في درس الفيزياء.

The teacher was absent, so we went home early.
Le professeur était absent, alors nous sommes rentrés tôt.
كان المعلم غائبًا، فعدنا إلى البيت مبكرًا.

She works hard to pass her exams.
Elle travaille dur pour réussir ses examens.
تجتهد لتنجح في امتحاناتها.

If you study, you will pass.
Si tu étudies, tu réussiras.
إذا درست فستنجح.

I wish I had studied more.
J'aurais aimé étudier davantage.
ليتني درست أكثر.

Learning never stops.
On n'arrête jamais d'apprendre.
التعلم لا يتوقف أبدًا.

Knowledge is power.
Le savoir, c'est le pouvoir.
المعرفة قوة.

The meeting room is too small for twenty people.
La salle de réunion est trop petite pour vingt personnes.
قاعة الاجتماعات صغيرة جدًا لعشرين شخصًا.

Two colleagues are on holiday this week.
Deux collègues sont en vacances cette semaine.
هناك زميلان في إجازة هذا الأسبوع.

Our two offices are in the same street.
Nos deux bureaux sont dans la même rue.
مكتبانا في الشارع نفسه.

The company has offices in two cities.
L'entreprise a des bureaux dans deux villes.
للشركة مكاتب في مدينتين.

I work with three engineers and a designer.
Je travaille avec trois ingénieurs et un designer.
أعمل مع ثلاثة مهندسين ومصمم واحد.

She manages a team of fifteen people.
Elle dirige une équipe de quinze personnes.
تدير فريقًا من خمسة عشر شخصًا.

The meeting lasted more than three hours.
La réunion a duré plus de trois heures.
استمر الاجتماع أكثر من ثلاث ساعات.

We received forty applications for this position.
Nous avons reçu quarante candidatures pour ce poste.
تلقينا أربعين طلبًا لهذا المنصب.

I answered twenty emails this morning.
J'ai répondu à vingt e-mails ce matin.
رددت على عشرين رسالة إلكترونية صباح اليوم.

The report has fifty pages.
Le rapport fait cinquante pages.
يتكون التقرير من خمسين صفحة.

The manager isn't in his office.
Le directeur n'est pas dans son bureau.
المدير ليس في مكتبه.

The files aren't ready yet.
Les dossiers ne sont pas encore prêts.
الملفات ليست جاهزة بعد.

The secretary isn't here today.
La secrétaire n'est pas là aujourd'hui.
السكرتيرة ليست هنا اليوم.

We won't finish before eight in the evening.
Nous ne finirons pas avant vingt heures.
لن ننتهي قبل الساعة الثامنة ليلًا.

I didn't go to work yesterday because I was ill.
Je ne suis pas allé au travail hier parce que j'étais malade.
لم أذهب إلى العمل أمس لأنني كنت مريضًا.

She doesn't work on Wednesdays.
Elle ne travaille pas le mercredi.
لا تعمل أيام الأربعاء.

They won't accept these conditions.
Ils n'accepteront pas ces conditions.
لن يقبلوا هذه الشروط.

Don't be late tomorrow!
Ne sois pas en retard demain !
لا تتأخر غدًا!

Don't touch the documents on my desk.
Ne touchez pas aux documents sur mon bureau.
لا تلمسوا المستندات على مكتبي.

Be careful, the floor is wet.
Attention, le sol est mouillé.
انتبه، الأرض مبللة.

Turn left after the lift.
Tournez à gauche après l'ascenseur.
انعطف يسارًا بعد المصعد.

Room 204 is on the second floor.
La salle 204 est au deuxième étage.
القاعة 204 في الطابق الثاني.

The meeting is in room 12.
La réunion a lieu dans la salle 12.
الاجتماع في القاعة 12.

My phone number is on the card.
Mon numéro de téléphone est sur la carte.
رقم هاتفي على البطاقة.

Here is my business card.
Voici ma carte de visite.
هذه بطاقتي المهنية.

Nice to meet you.
Enchanté de faire votre connaissance.
تشرفت بمعرفتك.

Let me introduce my colleague, Nadia.
Je vous présente ma collègue, Nadia.
أقدم لكم زميلتي نادية.

Nadia is in charge of the accounts department.
Nadia est responsable du service comptable.
نادية مسؤولة عن قسم المحاسبة.

Youssef works in human resources.
Youssef travaille aux ressources humaines.
يعمل يوسف في قسم الموارد البشرية.

The sales department is very busy this month.
Le service commercial est très occupé ce mois-ci.
قسم المبيعات مشغول جدًا هذا الشهر.

We have a video call with the Tunis office at ten.
Nous avons une visioconférence avec le bureau de Tunis à dix heures.
لدينا مكالمة فيديو مع مكتب تونس في الساعة العاشرة.

The connection is bad; I can't hear you.
La connexion est mauvaise ; je ne t'entends pas.
الاتصال سيئ؛ لا أسمعك.

Can you share your screen?
Tu peux partager ton écran ?
هل يمكنك أن تشارك شاشتك؟

I'll check my calendar and get back to you.
Je vais vérifier mon agenda et je te redis.
سأتحقق من جدولي وأعود إليك.

Thursday suits me.
Jeudi me convient.
يوم الخميس يناسبني.

I'm not available on Friday morning.
Je ne suis pas disponible vendredi matin.
لست متاحًا صباح يوم الجمعة.

Thank you for your help.
Merci pour ton aide.
شكرًا على مساعدتك.

You're welcome.
Je t'en prie.
عفوًا.

See you tomorrow at the office.
À demain au bureau.
أراك غدًا في المكتب.

Have a good weekend!
Bon week-end !
عطلة نهاية أسبوع سعيدة!

Have a good day at school!
Bonne journée à l'école !
يومًا سعيدًا في المدرسة!

Did you have a good day at work?
Tu as passé une bonne journée au travail ?
هل قضيت يومًا جيدًا في العمل؟

Work is going well, thank you.
Le travail se passe bien, merci.
العمل يسير على ما يرام، شكرًا.
"""


def handwritten() -> list[Triple]:
    """The hand-written triples: English, French and Arabic on three lines, a blank line between triples."""
    out = []
    for block in HANDWRITTEN.strip().split("\n\n"):
        en, fr, ar = (line.strip() for line in block.strip().splitlines())
        out.append(T(en, fr, ar))
    return out


# --------------------------------------------------------------------------------------------- the corpus

TEMPLATES: list[Callable[[], list[Triple]]] = [
    g_present, g_past, g_future, g_neg_present, g_neg_past, g_neg_future, g_q_present, g_q_past, g_q_future,
    g_want, g_must, g_cannot, g_progressive, g_already, g_not_yet, g_why_not, g_when_will, g_imperative,
    g_could_you, g_dont_forget, g_adj_present, g_adj_past, g_adj_neg_question, g_human_adj, g_profession,
    g_works_as, g_count, g_how_many, g_have, g_possessive, g_possessive_people, g_places, g_idafa, g_schedule,
    g_postponed, g_deadline, g_salary, g_leave, g_grades, g_likes, g_compare, g_languages, g_since, g_groups,
    g_duration,
]


def generate() -> list[Triple]:
    """About 3000 work/school triples: the hand-written ones, then the templates, each capped (deterministic)."""
    seen_en: set[str] = set()
    seen_fr: set[str] = set()
    out: list[Triple] = []

    def add(ts: list[Triple], limit: int) -> None:
        for t in ts:
            if len(out) >= limit:
                return
            if t.en in seen_en or t.fr in seen_fr:
                continue
            seen_en.add(t.en)
            seen_fr.add(t.fr)
            out.append(t)

    add(handwritten(), TOTAL)
    pool = balanced(TEMPLATES, int((TOTAL - len(out)) * 1.06), seed=2024)
    random.Random(2024).shuffle(pool)  # the few extra triples (lost to duplicates) come from every template
    add(pool, TOTAL)
    return out
