"""Applicable terms, kept / missed on constructed translations, merged glossaries, the job file."""

from __future__ import annotations

from engine.glossary import GlossaryEntry, TermIndex, corpus_share, read_entries, write_entries
from engine.glossary.files import index_from_file

HOME = [
    GlossaryEntry("remote control", ("جهاز التحكم",), "not الريموت"),
    GlossaryEntry("plant", ("نبات", "نبتة")),
    GlossaryEntry("control", ("تحكم",)),
]
HEALTH = [GlossaryEntry("hôpital", ("مستشفى",)), GlossaryEntry("plant", ("نبتة طبية",))]


def index() -> TermIndex:
    return TermIndex([("home", e) for e in HOME] + [("health", e) for e in HEALTH])


def test_applicable_terms_in_source_order_longest_first():
    terms = index().applicable("Water the plants, then find the remote controls.")
    assert [t.source for t in terms] == ["plant", "remote control"]  # not "control" inside "remote control"
    assert terms[1].notes == ("not الريموت",)
    plant = terms[0]
    assert plant.arabic == ("نبات", "نبتة", "نبتة طبية") and plant.glossaries == ("home", "health")


def test_kept_and_missed_on_constructed_candidates():
    idx = index()
    source = "Water the plants and bring the remote control."
    both = idx.score(source, "اسق النباتات وأحضر جهاز التحكم.")
    one = idx.score(source, "اسق الزرع وأحضر جهاز التحكم.")
    none = idx.score(source, "اسق الزرع وأحضر الريموت.")
    assert (both.applicable, both.kept, both.score) == (2, 2, 1.0)
    assert (one.kept, one.score, [t.source for t in one.missed]) == (1, 0.5, ["plant"])
    assert none.score == 0.0
    kept = [c for c in both.checks if c.term.source == "remote control"][0]
    text = "اسق النباتات وأحضر جهاز التحكم."
    assert [text[a:b] for a, b in kept.spans] == ["جهاز التحكم"]


def test_no_applicable_term_is_undefined_and_corpus_share_counts_terms():
    idx = index()
    assert idx.score("Good morning.", "صباح الخير.").score is None
    scores = idx.scores(
        ["Good morning.", "The plant.", "L'hôpital and the plants."], ["صباح الخير.", "النبتة.", "المستشفى والزهرة."]
    )
    assert [s.score for s in scores] == [None, 1.0, 0.5]
    assert corpus_share(scores) == (2 / 3, 2, 3)
    assert corpus_share([]) == (None, 0, 0)


def test_the_job_file_round_trips(tmp_path):
    path = write_entries(
        tmp_path / "g.jsonl", [("home", "en-ar", e) for e in HOME] + [("santé", "fr-ar", e) for e in HEALTH]
    )
    assert [e for _, e in read_entries(path, "en-ar")] == HOME
    assert len(read_entries(path)) == 5
    assert len(index_from_file(path, "fr-ar")) == 2
    (tmp_path / "bad.jsonl").write_text('{"glossary": "x"}\n', encoding="utf-8")
    import pytest

    with pytest.raises(ValueError, match="line 1 is not a glossary entry"):
        read_entries(tmp_path / "bad.jsonl")


def test_a_line_separator_inside_a_term_reads_back(tmp_path):
    # json.dumps keeps U+2028 as text; str.splitlines() broke the line there ("line 1 is not a glossary entry")
    entry = GlossaryEntry("data\u2028base", ("قاعدة بيانات",))
    path = write_entries(tmp_path / "g.jsonl", [("g", "en-ar", entry)])
    assert read_entries(path) == [("g", entry)]


def terms_in(entries: list[tuple[str, str]], sentence: str) -> list[tuple[str, list[str]]]:
    """The applicable terms of ``sentence`` as ``(term, [the words it took])``, the same whatever the entry order."""
    results = []
    for ordered in (entries, entries[::-1]):
        idx = TermIndex(("g", GlossaryEntry(s, (a,))) for s, a in ordered)
        results.append([(t.source, [sentence[a:b] for a, b in t.spans]) for t in idx.applicable(sentence)])
    assert results[0] == results[1]
    return results[0]


PLAN = [("plan", "خطة"), ("plane", "طائرة")]
CARE = [("car", "سيارة"), ("care", "رعاية"), ("cares", "هموم")]
HOPE = [("hop", "قفزة"), ("hope", "أمل")]
AMI = [("ami", "صديق"), ("amie", "صديقة")]


def test_the_term_closest_to_the_text_takes_a_word_several_terms_match():
    # terms of one length were tried in alphabetical order, and the first took the word: a shorter stem won
    assert terms_in(PLAN, "The planes landed.") == [("plane", ["planes"])]
    assert terms_in(PLAN, "We planned a plan, planning it.") == [("plan", ["planned", "plan", "planning"])]
    assert terms_in(CARE, "He cares.") == [("cares", ["cares"])]
    assert terms_in(CARE, "He cared and is caring.") == [("care", ["cared", "caring"])]
    assert terms_in(CARE, "Two cars and a care.") == [("car", ["cars"]), ("care", ["care"])]
    assert terms_in(HOPE, "Hoping, not hopping.") == [("hope", ["Hoping"]), ("hop", ["hopping"])]
    assert terms_in(AMI, "Mes amies et mon ami.") == [("amie", ["amies"]), ("ami", ["ami"])]


def test_more_words_still_win_over_a_closer_single_word():
    entries = [("remote control", "جهاز التحكم"), ("controls", "ضوابط")]
    assert terms_in(entries, "The remote controls.") == [("remote control", ["remote controls"])]


VEHICLES = [GlossaryEntry("bus", ("حافلة",)), GlossaryEntry("coach", ("حافلة",))]


def test_one_arabic_word_keeps_one_term():
    # bus and coach share a rendering: "الحافلة." once was credited to both, 2 of 2 kept
    idx = TermIndex(("g", e) for e in VEHICLES)
    source = "The bus and the coach."
    once = idx.score(source, "الحافلة.")
    assert (once.kept, once.applicable) == (1, 2)
    assert [c.spans for c in once.checks if not c.kept] == [()]
    twice = idx.score(source, "الحافلة والحافلة.")
    assert (twice.kept, twice.applicable) == (2, 2)
    assert sorted(c.spans for c in twice.checks) == [((0, 7),), ((8, 16),)]  # each term its own word


def test_a_multi_word_rendering_and_a_word_inside_it_are_one_rendering():
    idx = index()
    source = "The remote control has a control for volume."
    assert idx.score(source, "جهاز التحكم به تحكم بالصوت.").kept == 2
    assert idx.score(source, "جهاز التحكم للصوت.").kept == 1  # التحكم is inside جهاز التحكم


def test_assign_spans_gives_as_many_terms_a_span_as_it_can():
    from engine.glossary.terms import assign_spans

    assert assign_spans([[(0, 3), (5, 8)], [(0, 3)]]) == [(5, 8), (0, 3)]
    assert assign_spans([[(0, 3)], [(0, 3)], []]) in ([(0, 3), None, None], [None, (0, 3), None])
    assert assign_spans([[(0, 10)], [(2, 5)], [(6, 9)]]) == [None, (2, 5), (6, 9)]  # overlapping spans conflict
