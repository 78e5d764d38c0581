"""The corpus repository beyond browsing (``test_corpus_browse.py`` holds search, counts and the histogram): storing
a corpus whole or not at all, names, deletion, references by segment, and the Parquet export for jobs."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.store.corpora import CorpusExistsError

ROWS = [
    ("Good morning.", "صباح الخير.", "en-ar", "train"),
    ("Bonjour.", "مرحبا.", "fr-ar", "valid"),
    ("Thank you.", "شكرا.", "en-ar", "test"),
    ("No reference yet.", None, "en-ar", "train"),
    ("Empty reference.", "", "en-ar", "train"),
    ("See you tomorrow.", "أراك غدا.", "en-ar", "valid"),
]


def _table(rows=ROWS) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "line": 10 + i,
                "source": s,
                "target": t,
                "pair": p,
                "split": split,
                "norm_key": f"{s}\n{t}",
                "extra": "ignored",
            }
            for i, (s, t, p, split) in enumerate(rows)
        ]
    )


def test_add_then_get_round_trips_the_corpus_and_numbers_segments_in_file_order(store):
    corpus_id = store.corpora.add(
        "  daily  ",
        "en-ar",
        _table(),
        source_file="daily.tsv",
        options={"dedupe": True},
        report={"rejected": 2, "note": "سطر"},
    )
    corpus = store.corpora.get(corpus_id)
    assert (corpus["name"], corpus["pair"], corpus["source_file"]) == ("daily", "en-ar", "daily.tsv")
    assert corpus["options"] == {"dedupe": True} and corpus["report"] == {"rejected": 2, "note": "سطر"}
    assert store.corpora.by_name("daily") == corpus
    rows = store.corpora.page(corpus_id, limit=100)
    assert [(r["seg_id"], r["line"], r["source"], r["target"], r["split"]) for r in rows] == [
        (i + 1, 10 + i, s, t, split) for i, (s, t, _, split) in enumerate(ROWS)
    ]
    assert set(rows[0]) == {"seg_id", "line", "split", "source", "target"}


def test_unknown_corpus_answers_none_or_nothing(store):
    assert store.corpora.get(42) is None and store.corpora.by_name("nope") is None
    assert store.corpora.count(42) == 0 and store.corpora.count(42, split="train") == 0
    assert store.corpora.page(42) == [] and store.corpora.length_histogram(42) == []
    assert store.corpora.list() == []
    assert store.corpora.targets([]) == {} and store.corpora.targets([(42, 1)]) == {}


def test_a_table_without_the_segment_columns_is_refused_by_name(store):
    with pytest.raises(ValueError, match="lacks columns: split, norm_key"):
        store.corpora.add("c", "en-ar", _table().drop(["split", "norm_key"]))
    assert store.corpora.list() == []


@pytest.mark.parametrize(("name", "message"), [
    ("", "give the corpus a name"), ("   ", "give the corpus a name"),
    ("news\x00", r"name contains a control character \(U\+0000\)"),
    ("news \u202eevil", "name contains a bidirectional control"), ("\ufffe", "which is not a character"),
    ("x" * 201, "longer than 200 characters"),
    # controls str.split() splits at became spaces unrefused; names of invisible characters only were stored
    ("a\x1fb", r"control character \(U\+001F\)"), ("news\x85", r"U\+0085"), ("a\u2028b", "line break"),
    ("\u200b\u2060\ufeff", "give the corpus a name"), ("\u3164\u2800 \u034f\u115f", "give the corpus a name"),
])
def test_a_corpus_needs_a_name_a_page_can_show(store, name, message):
    # a NUL or an override stored as a name cut or reordered what every page shows beside it
    with pytest.raises(ValueError, match=message):
        store.corpora.add(name, "en-ar", _table())
    assert store.corpora.list() == []


def test_glossaries_and_test_sets_take_names_the_same_way(store):
    from engine.glossary.parsing import GlossaryEntry

    entries = [GlossaryEntry(source="tea", arabic=("شاي",))]
    with pytest.raises(ValueError, match="the glossary's name contains a control character"):
        store.glossaries.add("terms\x00", "en-ar", entries)
    store.glossaries.add("  my   terms ", "en-ar", entries)
    assert store.glossaries.by_name("my terms") is not None
    rows = [{"source": "Tea.", "reference": "شاي.", "pair": "en-ar"}]
    with pytest.raises(ValueError, match="the test set's name contains a bidirectional control"):
        store.evaluations.add_testset("=evil\u202e", "upload", rows)
    assert store.evaluations.get_testset(store.evaluations.add_testset(" ok\tname ", "upload", rows))["name"] == \
        "ok name"


def test_a_duplicate_name_is_refused_even_with_spaces_around_it(store):
    first = store.corpora.add("daily", "en-ar", _table())
    with pytest.raises(CorpusExistsError, match="'daily' already exists"):
        store.corpora.add(" daily ", "fr-ar", _table(ROWS[:1]))
    assert [c["id"] for c in store.corpora.list()] == [first]
    assert store.corpora.count(first) == len(ROWS)


def test_names_that_differ_only_in_case_or_width_are_one_name(store):
    # "Clinic" and "clinic" were stored side by side: two corpora no picker told apart
    from engine.glossary.parsing import GlossaryEntry

    store.corpora.add("Clinic", "en-ar", _table())
    for same in ("clinic", "CLINIC", "\uff23linic", "Clinic\u200b", "Cli\u00adnic"):  # invisible: two names alike
        with pytest.raises(CorpusExistsError, match="'Clinic' already exists.*differ only in case, width or invisible"):
            store.corpora.add(same, "en-ar", _table(ROWS[:1]))
    assert [c["name"] for c in store.corpora.list()] == ["Clinic"]
    entries = [GlossaryEntry(source="tea", arabic=("شاي",))]
    store.glossaries.add("Terms", "en-ar", entries)
    with pytest.raises(ValueError, match="'Terms' already exists"):
        store.glossaries.add("terms", "en-ar", entries)


def test_a_bad_row_stores_nothing_of_the_corpus(store):
    rows = [*ROWS, ("Bad split.", "سيء.", "en-ar", "dev")]
    with pytest.raises(duckdb.ConstraintException):
        store.corpora.add("daily", "en-ar", _table(rows))
    assert store.corpora.list() == [] and store.corpora.by_name("daily") is None
    assert store.db.query("SELECT count(*) FROM segments")[0][0] == 0
    assert store.db.query("SELECT count(*) FROM corpus_stats")[0][0] == 0
    with pytest.raises(duckdb.ConstraintException):
        store.corpora.add("other", "de-ar", _table())  # a pair the studio does not translate
    corpus_id = store.corpora.add("daily", "en-ar", _table())  # the name is free again
    assert store.corpora.count(corpus_id) == len(ROWS)


def test_list_counts_each_corpus_and_delete_removes_it_whole_without_reusing_its_id(store):
    a = store.corpora.add("a", "en-ar", _table())
    b = store.corpora.add("b", "fr-ar", _table(ROWS[:2]))
    assert [
        (c["id"], c["name"], c["pair"], c["segments"], c["train"], c["valid"], c["test"]) for c in store.corpora.list()
    ] == [(a, "a", "en-ar", 6, 3, 2, 1), (b, "b", "fr-ar", 2, 1, 1, 0)]
    store.corpora.delete(a)
    assert store.corpora.get(a) is None and store.corpora.count(a) == 0
    assert store.db.query("SELECT count(*) FROM segments WHERE corpus_id = ?", [a])[0][0] == 0
    assert store.corpora.count(b) == 2
    store.corpora.delete(a)  # deleting again changes nothing
    c = store.corpora.add("a", "en-ar", _table(ROWS[:1]))
    assert c not in (a, b)
    assert [r["source"] for r in store.corpora.page(c)] == ["Good morning."]


def test_pages_without_a_search_follow_split_limit_and_offset(store):
    corpus_id = store.corpora.add("c", "en-ar", _table())
    assert [r["seg_id"] for r in store.corpora.page(corpus_id, split="train")] == [1, 4, 5]
    assert [r["seg_id"] for r in store.corpora.page(corpus_id, limit=2, offset=3)] == [4, 5]
    assert store.corpora.page(corpus_id, limit=2, offset=6) == []
    assert store.corpora.count(corpus_id, split="other") == 0


def test_targets_answers_the_references_that_exist(store):
    a = store.corpora.add("a", "en-ar", _table())
    b = store.corpora.add("b", "fr-ar", _table(ROWS[1:2]))
    found = store.corpora.targets([(a, 1), (a, 4), (a, 5), (a, 6), (b, 1), (b, 2), (a + b + 1, 1)])
    assert found == {(a, 1): "صباح الخير.", (a, 6): "أراك غدا.", (b, 1): "مرحبا."}  # NULL and '' left out


def test_export_writes_the_chosen_splits_in_order_and_reads_back(store, tmp_path):
    a = store.corpora.add("a", "en-ar", _table())
    b = store.corpora.add("b", "fr-ar", _table(ROWS[:3]))
    path = tmp_path / "l'export" / "segments.parquet"  # a new folder, with a quote in its name
    assert store.corpora.export([b, a], ("train", "valid"), path) == 7
    table = pq.read_table(path)
    assert table.column_names == ["corpus_id", "seg_id", "pair", "split", "source", "target"]
    assert [(r["corpus_id"], r["seg_id"], r["split"]) for r in table.to_pylist()] == [
        (a, 1, "train"),
        (a, 2, "valid"),
        (a, 4, "train"),
        (a, 5, "train"),
        (a, 6, "valid"),
        (b, 1, "train"),
        (b, 2, "valid"),
    ]
    assert table.to_pylist()[2]["target"] is None and table.to_pylist()[1]["pair"] == "fr-ar"
    assert store.corpora.export([a], ("test",), tmp_path / "t.parquet") == 1
    assert store.corpora.export([a], ("nope'); DROP TABLE segments; --",), tmp_path / "n.parquet") == 0
    assert store.corpora.count(a) == 6


def test_a_limited_export_is_a_seeded_sample(store, tmp_path):
    corpus_id = store.corpora.add(
        "big", "en-ar", _table([(f"sentence {i}", f"جملة {i}", "en-ar", "train") for i in range(200)])
    )

    def sample(seed: int, name: str) -> list[int]:
        assert store.corpora.export([corpus_id], ("train",), tmp_path / name, limit=20, seed=seed) == 20
        return pq.read_table(tmp_path / name).column("seg_id").to_pylist()

    first, again, other = sample(1, "a.parquet"), sample(1, "b.parquet"), sample(2, "c.parquet")
    assert first == again and len(set(first)) == 20
    assert set(first) != set(other) and set(first) <= set(range(1, 201))


def test_an_export_needs_a_corpus(store, tmp_path):
    with pytest.raises(ValueError, match="choose at least one corpus"):
        store.corpora.export([], ("train",), tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()


def test_an_export_naming_a_deleted_corpus_is_refused_not_narrowed(store, tmp_path):
    # a stopped pipeline's later step, the schedule or a hand-written config still naming a deleted corpus: the job
    # ran on the other corpora's rows alone, without a word
    a = store.corpora.add("a", "en-ar", _table())
    b = store.corpora.add("b", "fr-ar", _table(ROWS[:3]))
    store.corpora.delete(b)
    with pytest.raises(ValueError, match=rf"no corpus {b} \(deleted\?\)"):
        store.corpora.export([a, b], ("train",), tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()
    assert store.corpora.export([a, a], ("train",), tmp_path / "y.parquet") == 3


def test_held_out_splits_of_several_corpora_leave_out_the_others_training_sources(store, tmp_path):
    # splits are drawn per corpus: the same sentences in two corpora put one's test sources in the other's train,
    # and a job reading both was evaluated on (or held out) what it trained on
    a = store.corpora.add("a", "en-ar", _table([("Good morning.", "صباح الخير.", "en-ar", "train"),
                                                ("Thank you.", "شكرا.", "en-ar", "test"),
                                                ("See you.", "أراك.", "en-ar", "test")]))
    b = store.corpora.add("b", "en-ar", _table([("Good morning.", "صباح النور.", "en-ar", "test"),  # a's train
                                                ("Thank you.", "شكرا لك.", "en-ar", "train"),  # a's test
                                                ("Welcome.", "أهلا.", "en-ar", "valid")]))

    def sources(ids, splits):
        n = store.corpora.export(ids, splits, tmp_path / "x.parquet")
        rows = pq.read_table(tmp_path / "x.parquet").to_pylist()
        assert n == len(rows)
        return sorted((r["corpus_id"], r["source"]) for r in rows)

    assert sources([a, b], ("test",)) == [(a, "See you.")]
    # a third corpus normalised with other options (its key keeps case): the same sentence still found
    c = store.corpora.add("c", "en-ar", _table([("SEE YOU.", "أراك.", "en-ar", "train")]))
    assert sources([a, c], ("test",)) == [(a, "Thank you.")]
    # nor do other inner spaces (a no-break one), accents, or a format character a key stored before kept
    d = store.corpora.add("d", "en-ar", _table([("  thank\u00a0 YOU.", "شكرا.", "en-ar", "train"),
                                                ("Sée\u200b you.", "أراك.", "en-ar", "train")]))
    assert sources([a, d], ("test",)) == []
    assert sources([a, b], ("valid", "test")) == [(a, "See you."), (b, "Welcome.")]
    # one corpus alone holds out its own test split; training exports are untouched
    assert sources([b], ("test",)) == [(b, "Good morning.")]
    assert sources([a, b], ("train",)) == [(a, "Good morning."), (b, "Thank you.")]
