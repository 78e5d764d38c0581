"""The corpus browser's queries: the same answers as counting and searching every segment, without doing so.

Counts and length histograms are kept when a corpus is stored; a search tests the sides lower-cased at ingest in one
scan and keeps the matching ids; the Data page's reruns must not go back to scanning every segment (the shape of its
queries is checked in ``tests/pages/test_data.py``).
"""

from __future__ import annotations

import re

import pyarrow as pa
import pytest

from engine.store import Store
from engine.store.database import Database

ROWS = [
    ("Where is the STATION?", "أين المحطة؟", "train"),
    ("The station is closed.", "المحطة مغلقة.", "valid"),
    ("100% sure, my_friend", "متأكد ١٠٠٪ يا صديقي", "test"),
    ("a\\b backslash", "شرطة مائلة", "train"),
    ("İstanbul is big", "إسطنبول كبيرة", "train"),
    ("Straße und STRASSE", "شارع", "train"),
    ("Café au lait", "قهوة بالحليب Café", "test"),
    ("Nothing here", "لا شيء هنا", "train"),
]
TERMS = ["station", "STATION", "Station", "المحطة", "محطة", "%", "_", "100%", "my_friend", "my%friend", "a\\b",
         "\\", "istanbul", "İstanbul", "i̇stanbul", "straße", "STRASSE", "café", "CAFÉ", "é", "?", " ", "zzz"]


def _table(rows) -> pa.Table:
    return pa.Table.from_pylist([
        {"line": i + 1, "source": s, "target": t, "pair": "en-ar", "split": split, "norm_key": f"{s}\n{t}"}
        for i, (s, t, split) in enumerate(rows)])


def _ilike_ids(store: Store, corpus_id: int, term: str, split: str | None = None) -> list[int]:
    """The reference: what the browser searched before, both sides with ILIKE, every segment read."""
    like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = ("SELECT seg_id FROM segments WHERE corpus_id = ? AND (source ILIKE ? ESCAPE '\\'"
           " OR target ILIKE ? ESCAPE '\\')")
    params = [corpus_id, like, like]
    if split:
        sql += " AND split = ?"
        params.append(split)
    return [r[0] for r in store.db.query(sql + " ORDER BY seg_id", params)]


def _reference_histogram(store: Store, corpus_id: int) -> list[dict]:
    return store.db.query_dicts(
        "SELECT side, (len // 10) * 10 AS length, count(*) AS segments FROM ("
        " SELECT 'source' AS side, length(source) AS len FROM segments WHERE corpus_id = ?"
        " UNION ALL SELECT 'target', length(target) FROM segments WHERE corpus_id = ?)"
        " GROUP BY ALL ORDER BY side, length", [corpus_id, corpus_id])


@pytest.mark.parametrize("term", TERMS)
def test_search_finds_what_ilike_on_both_sides_finds(store, term):
    corpus_id = store.corpora.add("tricky", "en-ar", _table(ROWS))
    expected = _ilike_ids(store, corpus_id, term)
    assert store.corpora.count(corpus_id, search=term) == len(expected)
    assert [r["seg_id"] for r in store.corpora.page(corpus_id, search=term, limit=100)] == expected
    for split in ("train", "test"):
        assert store.corpora.count(corpus_id, split=split, search=term) == len(_ilike_ids(store, corpus_id, term,
                                                                                          split))


def test_search_pages_are_slices_of_the_matches_in_order(store):
    rows = [(f"station {i}", f"المحطة {i}", "train" if i % 3 else "test") for i in range(1, 121)]
    corpus_id = store.corpora.add("many", "en-ar", _table(rows))
    everything = [r["seg_id"] for r in store.corpora.page(corpus_id, search="STATION", limit=1000)]
    assert everything == list(range(1, 121))
    assert [r["seg_id"] for r in store.corpora.page(corpus_id, search="station", limit=25, offset=50)] == \
        everything[50:75]
    assert store.corpora.page(corpus_id, search="station", limit=25, offset=500) == []
    page = store.corpora.page(corpus_id, split="test", search="المحطة", limit=5)
    assert [r["seg_id"] for r in page] == [3, 6, 9, 12, 15]
    assert {r["split"] for r in page} == {"test"} and page[0]["source"] == "station 3"


def test_a_term_with_a_newline_never_matches_across_source_and_target(store):
    corpus_id = store.corpora.add("nl", "en-ar", _table([("ends with station", "محطة", "train")]))
    assert store.corpora.count(corpus_id, search="station\nمحطة") == 0


def test_counts_and_histogram_kept_at_ingest_equal_a_full_count(store):
    first = store.corpora.add("one", "en-ar", _table(ROWS))
    second = store.corpora.add("two", "en-ar", _table([(f"row {'x' * i}", "نص " * i, "train") for i in range(40)]))
    listed = {c["id"]: c for c in store.corpora.list()}
    for corpus_id in (first, second):
        counts = dict(store.db.query(
            "SELECT split, count(*) FROM segments WHERE corpus_id = ? GROUP BY split", [corpus_id]))
        total = sum(counts.values())
        assert (listed[corpus_id]["segments"], listed[corpus_id]["train"], listed[corpus_id]["valid"],
                listed[corpus_id]["test"]) == (total, counts.get("train", 0), counts.get("valid", 0),
                                               counts.get("test", 0))
        assert store.corpora.count(corpus_id) == total
        assert store.corpora.count(corpus_id, split="valid") == counts.get("valid", 0)
        assert store.corpora.length_histogram(corpus_id) == _reference_histogram(store, corpus_id)
    assert store.corpora.length_histogram(second, bin_chars=50)[0]["length"] == 0  # other bins: counted in SQL

    store.corpora.delete(first)
    assert [c["id"] for c in store.corpora.list()] == [second]
    for table in ("corpus_stats", "corpus_lengths"):
        assert store.db.query(f"SELECT count(*) FROM {table} WHERE corpus_id = ?", [first])[0][0] == 0


def test_a_search_reads_the_segments_once_then_its_pages_come_from_the_kept_ids(store, monkeypatch):
    corpus_id = store.corpora.add("p", "en-ar", _table([(f"station {i}", f"محطة {i}", "train") for i in range(200)]))
    scans = []
    query_column = Database.query_column
    monkeypatch.setattr(Database, "query_column", lambda self, sql, params=None: (
        scans.append(sql), query_column(self, sql, params))[1])
    for offset in (0, 50, 100):
        store.corpora.count(corpus_id, search="station")
        store.corpora.page(corpus_id, search="station", limit=50, offset=offset)
    assert len(scans) == 1
    store.corpora.count(corpus_id, search="محطة")
    assert len(scans) == 2

    # a new corpus (or a deleted one) is a new version of the store: nothing is answered from before it
    other = store.corpora.add("q", "en-ar", _table([("station", "محطة", "train")]))
    store.corpora.count(corpus_id, search="station")
    assert len(scans) == 3
    assert store.corpora.count(other, search="station") == 1


def test_the_search_is_one_substring_scan_of_the_lowercased_text(store):
    """EXPLAIN: the search reads ``segments`` once, testing the sides lower-cased at ingest, and nothing
    lower-cases or ILIKEs the stored text at search time."""
    corpus_id = store.corpora.add("x", "en-ar", _table(ROWS))
    sql, params = store.corpora.search_sql(corpus_id, None, "Station")
    plan = "\n".join(row[1] for row in store.db.query("EXPLAIN " + sql, params))
    assert len(re.findall(r"(?i)seq[ _]scan|table[ _]scan", plan)) == 1, plan
    assert len(re.findall(r"\bsegments\b", plan)) == 1, plan
    assert "source_lower" in plan and "target_lower" in plan, plan
    assert not re.search(r"(?i)ilike|lower\((source|target)", plan), plan


def test_migration_fills_statistics_and_lowercased_sides_of_corpora_stored_before_it(tmp_path):
    path = tmp_path / "old.duckdb"
    old = Database(path, upto=9)
    with old.transaction() as cur:
        cur.execute("INSERT INTO corpora (name, pair) VALUES ('old', 'en-ar')")
        for i, (src, tgt, split) in enumerate(ROWS, start=1):
            cur.execute("INSERT INTO segments (corpus_id, seg_id, line, source, target, pair, split, norm_key)"
                        " VALUES (1, ?, ?, ?, ?, 'en-ar', ?, ?)", [i, i, src, tgt, split, f"{src}\n{tgt}"])
    old.close()

    store = Store(path)
    assert store.corpora.list()[0]["segments"] == len(ROWS)
    assert store.corpora.count(1, split="test") == sum(1 for r in ROWS if r[2] == "test")
    assert store.corpora.length_histogram(1) == _reference_histogram(store, 1)
    assert store.corpora.count(1, search="STATION") == len(_ilike_ids(store, 1, "STATION")) == 2
