"""Typed queries and writes for corpora and their segments (paged in SQL, never loaded whole).

The corpus browser asks the same questions on every rerun of the Data page, on corpora of a million segments and
more, so none of its questions scans every segment each time (``tests/engine/store/test_corpus_browse.py`` holds
them to it):

- counts per split and the length histogram are computed once, when a corpus is stored (``corpus_stats``,
  ``corpus_lengths``); a corpus never changes after that, it is only deleted;
- a search matches each side lower-cased once at ingest (``source_lower``, ``target_lower``: NULL where lower-casing
  changes nothing, as for nearly every Arabic target) with a plain substring test — what ``ILIKE '%term%'`` on each
  side means, without lower-casing a million Arabic targets per search — in one scan that finds every matching
  ``seg_id``; those ids are kept (:class:`SearchCache`, as 32-bit integers), keyed by the corpus and the store's
  version, so the count, the page and the next pages of the same search read no segment again;
- a page of rows is read by its ids or with ``LIMIT``, never the whole corpus.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pyarrow as pa

from engine.characters import check_label
from engine.corpora.normalise import KEY_SEPARATOR
from engine.store.clock import utc_now
from engine.store.database import Database, name_taken

SEGMENT_COLUMNS = ("line", "source", "target", "pair", "split", "norm_key")
LENGTH_BIN_CHARS = 10
"""The bin width of the length histogram kept for each corpus."""
SEARCH_SQL = ("(contains(coalesce(source_lower, source), lower(?))"
              " OR contains(coalesce(target_lower, target), lower(?)))")
"""A search: a substring of either side, lower-cased (as ILIKE compares), from the copies made at ingest."""

_versions = itertools.count(1)


def _folded(column: str) -> str:
    """SQL for a sentence folded to what two corpora's differently normalised copies of it share: no format
    characters (Unicode Cf: zero-width and bidi marks), each run of spaces (any Unicode space) one space, no outer
    spaces, no accents or Arabic diacritics, lower case."""
    return (rf"lower(strip_accents(trim(regexp_replace(regexp_replace({column}, '\p{{Cf}}', '', 'g'),"
            rf" '[\s\p{{Z}}]+', ' ', 'g'))))")


class CorpusExistsError(ValueError):
    """A corpus of that name is already in the store."""


class SearchCache:
    """The ``seg_id`` arrays of recent searches, least recently used first out.

    Keyed by (corpus id, split, term) within one version of the store. A corpus is never edited once stored, only
    deleted, and its id is never given to another corpus (a sequence), so its id names one version of its segments;
    the store's version changes whenever this repository adds or deletes a corpus, which empties the cache, and a
    search that was running meanwhile is not kept."""

    def __init__(self, max_entries: int = 16, max_ids: int = 8_000_000) -> None:
        self.max_entries, self.max_ids = max_entries, max_ids
        self._entries: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.version = next(_versions)

    def get(self, key: tuple) -> tuple[np.ndarray | None, int]:
        """The ids kept for ``key`` (or None) and the version they would belong to."""
        with self._lock:
            ids = self._entries.get(key)
            if ids is not None:
                self._entries.move_to_end(key)
            return ids, self.version

    def put(self, key: tuple, ids: np.ndarray, version: int) -> None:
        """Keep ``ids``, found in the store at ``version`` (dropped if the store changed since)."""
        with self._lock:
            if version != self.version:
                return
            self._entries[key] = ids
            self._entries.move_to_end(key)
            while len(self._entries) > 1 and (len(self._entries) > self.max_entries
                                              or sum(len(v) for v in self._entries.values()) > self.max_ids):
                self._entries.popitem(last=False)

    def invalidate(self) -> None:
        """A corpus was added or deleted: forget every search."""
        with self._lock:
            self._entries.clear()
            self.version = next(_versions)


class CorpusRepository:
    """Corpora and segments."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.searches = SearchCache()

    def add(self, name: str, pair: str, table: pa.Table, *, source_file: str = "", options: dict | None = None,
            report: dict | None = None) -> int:
        """Store a corpus and all its segments in one transaction (all rows or none); returns its id."""
        missing = [c for c in SEGMENT_COLUMNS if c not in table.column_names]
        if missing:
            raise ValueError(f"segment table lacks columns: {', '.join(missing)}")
        name = check_label(name, "corpus")
        incoming = table.select(list(SEGMENT_COLUMNS))
        with self.db.transaction() as cur:
            # checked inside the write transaction (they run one at a time): checked before it, two tabs adding one
            # name at once (Set up the demo clicked in both) both passed, and the second insert raised DuckDB's
            # constraint error as a traceback
            if (taken := name_taken(cur, "corpora", name)) is not None:
                raise CorpusExistsError(f"a corpus named {taken!r} already exists; choose another name"
                                        + ("" if taken == name else " (names that differ only in case, width "
                                                                     "or invisible characters are one name)"))
            corpus_id = cur.execute(
                "INSERT INTO corpora (name, pair, source_file, created_at, options, report)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                [name, pair, source_file, utc_now(), json.dumps(options or {}, ensure_ascii=False),
                 json.dumps(report or {}, ensure_ascii=False)],
            ).fetchone()[0]
            cur.register("incoming_segments", incoming)
            # unregistered only on success: after a failed insert the transaction is aborted and unregister would
            # raise "Current transaction is aborted" over the real error; the cursor is closed with it anyway
            cur.execute(
                "INSERT INTO segments (corpus_id, seg_id, line, source, target, pair, split, norm_key,"
                " source_lower, target_lower)"
                " SELECT ?, (row_number() OVER ())::INTEGER, line, source, target, pair, split, norm_key,"
                " nullif(lower(source), source), nullif(lower(target), target) FROM incoming_segments",
                [corpus_id],
            )
            cur.unregister("incoming_segments")
            self._store_statistics(cur, corpus_id)
        self.searches.invalidate()
        return corpus_id

    @staticmethod
    def _store_statistics(cur, corpus_id: int) -> None:
        """Counts per split and the length histogram of a corpus just stored (in the same transaction)."""
        cur.execute(
            "INSERT INTO corpus_stats (corpus_id, segments, train, valid, test)"
            " SELECT ?, count(*), count(*) FILTER (WHERE split = 'train'), count(*) FILTER (WHERE split = 'valid'),"
            " count(*) FILTER (WHERE split = 'test') FROM segments WHERE corpus_id = ?",
            [corpus_id, corpus_id],
        )
        cur.execute(
            "INSERT INTO corpus_lengths (corpus_id, side, length, segments)"
            " SELECT ?, side, (len // ?) * ?, count(*) FROM ("
            "  SELECT 'source' AS side, length(source) AS len FROM segments WHERE corpus_id = ?"
            "  UNION ALL SELECT 'target', length(target) FROM segments WHERE corpus_id = ? AND target IS NOT NULL"
            ") GROUP BY ALL",
            [corpus_id, LENGTH_BIN_CHARS, LENGTH_BIN_CHARS, corpus_id, corpus_id],
        )

    def delete(self, corpus_id: int) -> None:
        with self.db.transaction() as cur:
            cur.execute("DELETE FROM segments WHERE corpus_id = ?", [corpus_id])
            cur.execute("DELETE FROM corpus_lengths WHERE corpus_id = ?", [corpus_id])
            cur.execute("DELETE FROM corpus_stats WHERE corpus_id = ?", [corpus_id])
            cur.execute("DELETE FROM corpora WHERE id = ?", [corpus_id])
        self.searches.invalidate()

    def list(self) -> list[dict]:
        """Every corpus with its segment count per split (kept since it was stored: no segment is read)."""
        return self.db.query_dicts(
            "SELECT c.id, c.name, c.pair, c.source_file, c.created_at,"
            " coalesce(s.segments, 0) AS segments, coalesce(s.train, 0) AS train,"
            " coalesce(s.valid, 0) AS valid, coalesce(s.test, 0) AS test"
            " FROM corpora c LEFT JOIN corpus_stats s ON s.corpus_id = c.id ORDER BY c.id"
        )

    def get(self, corpus_id: int) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM corpora WHERE id = ?", [corpus_id])
        if not rows:
            return None
        row = rows[0]
        row["options"], row["report"] = json.loads(row["options"]), json.loads(row["report"])
        return row

    def targets(self, keys: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """The reference (target) of each ``(corpus_id, seg_id)`` that has one."""
        if not keys:
            return {}
        import pyarrow as pa

        wanted = pa.table({"corpus_id": [int(k[0]) for k in keys], "seg_id": [int(k[1]) for k in keys]})
        with self.db.cursor() as cur:
            cur.register("wanted_segments", wanted)
            try:
                rows = cur.execute(
                    "SELECT s.corpus_id, s.seg_id, s.target FROM segments s JOIN wanted_segments w"
                    " ON s.corpus_id = w.corpus_id AND s.seg_id = w.seg_id WHERE coalesce(s.target, '') <> ''"
                ).fetchall()
            finally:
                cur.unregister("wanted_segments")
        return {(int(c), int(sid)): t for c, sid, t in rows}

    def by_name(self, name: str) -> dict | None:
        rows = self.db.query("SELECT id FROM corpora WHERE name = ?", [name])
        return self.get(rows[0][0]) if rows else None

    @staticmethod
    def _filter(corpus_id: int, split: str | None, search: str | None) -> tuple[str, list]:
        """The WHERE clause of a split and a search (case-insensitive substring of the source or the target)."""
        sql, params = " WHERE corpus_id = ?", [corpus_id]
        if split:
            sql += " AND split = ?"
            params.append(split)
        if search:
            sql += " AND " + SEARCH_SQL
            params += [search, search]
        return sql, params

    def search_sql(self, corpus_id: int, split: str | None, search: str) -> tuple[str, list]:
        """The one query a search runs: every matching ``seg_id`` of the corpus, in order."""
        where, params = self._filter(corpus_id, split, search)
        return "SELECT seg_id FROM segments" + where + " ORDER BY seg_id", params

    def matching_ids(self, corpus_id: int, split: str | None, search: str) -> np.ndarray:
        """The ``seg_id`` of every segment matching ``search`` (and ``split``), from the cache when it was asked
        before for this version of the store."""
        key = (corpus_id, split or "", search)
        ids, version = self.searches.get(key)
        if ids is None:
            ids = self.db.query_column(*self.search_sql(corpus_id, split, search)).astype(np.int32, copy=False)
            self.searches.put(key, ids, version)
        return ids

    def count(self, corpus_id: int, split: str | None = None, search: str | None = None) -> int:
        """Segments of a corpus, of one split, or matching a search."""
        if search:
            return len(self.matching_ids(corpus_id, split, search))
        if split and split not in ("train", "valid", "test"):
            where, params = self._filter(corpus_id, split, None)
            return self.db.query("SELECT count(*) FROM segments" + where, params)[0][0]
        rows = self.db.query(f"SELECT {split or 'segments'} FROM corpus_stats WHERE corpus_id = ?", [corpus_id])
        return int(rows[0][0]) if rows else 0

    def page(self, corpus_id: int, *, split: str | None = None, search: str | None = None, limit: int = 50,
             offset: int = 0) -> list[dict]:
        """One page of segments (in SQL: LIMIT/OFFSET on the store, never the whole corpus; a search's page is read
        by the ids of its matches)."""
        columns = "SELECT seg_id, line, split, source, target FROM segments"
        if search:
            ids = self.matching_ids(corpus_id, split, search)[offset:offset + limit]
            if not len(ids):
                return []
            return self.db.query_dicts(
                columns + " WHERE corpus_id = ? AND seg_id IN (SELECT unnest(?::INTEGER[])) ORDER BY seg_id",
                [corpus_id, ids.tolist()],
            )
        where, params = self._filter(corpus_id, split, None)
        return self.db.query_dicts(columns + where + " ORDER BY seg_id LIMIT ? OFFSET ?", [*params, limit, offset])

    def length_histogram(self, corpus_id: int, bin_chars: int = LENGTH_BIN_CHARS) -> list[dict]:
        """Counts of source and target lengths in characters, binned (kept since the corpus was stored for the
        default bins; other bins are counted in SQL)."""
        if bin_chars == LENGTH_BIN_CHARS:
            return self.db.query_dicts(
                "SELECT side, length, segments FROM corpus_lengths WHERE corpus_id = ? ORDER BY side, length",
                [corpus_id],
            )
        return self.db.query_dicts(
            "SELECT side, (len // ?) * ? AS length, count(*) AS segments FROM ("
            "  SELECT 'source' AS side, length(source) AS len FROM segments WHERE corpus_id = ?"
            "  UNION ALL SELECT 'target', length(target) FROM segments WHERE corpus_id = ? AND target IS NOT NULL"
            ") GROUP BY ALL ORDER BY side, length",
            [bin_chars, bin_chars, corpus_id, corpus_id],
        )

    def export(self, corpus_ids: list[int], splits: tuple[str, ...], path: Path, limit: int | None = None,
               seed: int = 0) -> int:
        """Write segments of some corpora and splits to a Parquet file for a job; returns the row count.

        With ``limit``, a seeded random sample of that many rows is written. Held-out splits (no ``train`` among
        ``splits``) of several corpora leave out a source that is a training source of another of them: splits are
        drawn per corpus, and two corpora sharing sentences put one corpus's test sources in the other's train —
        a job reading both evaluated on, or held out, what it trained on.
        """
        if not corpus_ids:
            raise ValueError("choose at least one corpus")
        ids, split_list = [int(i) for i in corpus_ids], list(splits)
        # a deleted corpus named by a stored config (a pipeline resumed, the schedule, a hand-written config.yaml)
        # was left out without a word: the job ran on the others' rows only
        known = {r["id"] for r in self.db.query_dicts(
            f"SELECT id FROM corpora WHERE id IN ({', '.join('?' * len(ids))})", ids)}
        missing = [i for i in dict.fromkeys(ids) if i not in known]
        if missing:
            raise ValueError(f"no corpus {', '.join(map(str, missing))} (deleted?): choose the corpora again")
        sql = ("SELECT corpus_id, seg_id, pair, split, source, target FROM segments"
               f" WHERE corpus_id IN ({', '.join('?' * len(ids))}) AND split IN ({', '.join('?' * len(split_list))})")
        params: list = [*ids, *split_list]
        if "train" not in split_list and len(set(ids)) > 1:
            # by normalised key, and by the text itself folded (case, accents and diacritics, runs of spaces, format
            # characters): corpora normalised with other options — one keeping case or diacritics, one stored before
            # format characters left the key — have other keys for the same sentence
            # (two anti-joins, not one with OR: that is a nested loop — 170 s for two corpora of 50,000 rows)
            others = (f"FROM segments t WHERE t.corpus_id IN ({', '.join('?' * len(ids))})"
                      " AND t.corpus_id <> segments.corpus_id AND t.split = 'train'")
            sql += (f" AND NOT EXISTS (SELECT 1 {others}"
                    " AND split_part(t.norm_key, ?, 1) = split_part(segments.norm_key, ?, 1))"
                    f" AND NOT EXISTS (SELECT 1 {others} AND {_folded('t.source')} = {_folded('segments.source')})")
            params += [*ids, KEY_SEPARATOR, KEY_SEPARATOR, *ids]
        if limit is not None:
            sql += " ORDER BY hash(corpus_id, seg_id, ?) LIMIT ?"
            params += [int(seed), int(limit)]
        else:
            sql += " ORDER BY corpus_id, seg_id"
        return self.db.copy_to_parquet(sql, params, path)
