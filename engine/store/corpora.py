"""Typed queries and writes for corpora and their segments (paged in SQL, never loaded whole)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from engine.store.clock import utc_now
from engine.store.database import Database

SEGMENT_COLUMNS = ("line", "source", "target", "pair", "split", "norm_key")


class CorpusExistsError(ValueError):
    """A corpus of that name is already in the store."""


class CorpusRepository:
    """Corpora and segments."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, pair: str, table: pa.Table, *, source_file: str = "", options: dict | None = None,
            report: dict | None = None) -> int:
        """Store a corpus and all its segments in one transaction (all rows or none); returns its id."""
        missing = [c for c in SEGMENT_COLUMNS if c not in table.column_names]
        if missing:
            raise ValueError(f"segment table lacks columns: {', '.join(missing)}")
        name = name.strip()
        if not name:
            raise ValueError("a corpus needs a name")
        if self.db.query("SELECT 1 FROM corpora WHERE name = ?", [name]):
            raise CorpusExistsError(f"a corpus named {name!r} already exists; choose another name")
        incoming = table.select(list(SEGMENT_COLUMNS))
        with self.db.transaction() as cur:
            corpus_id = cur.execute(
                "INSERT INTO corpora (name, pair, source_file, created_at, options, report)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                [name, pair, source_file, utc_now(), json.dumps(options or {}, ensure_ascii=False),
                 json.dumps(report or {}, ensure_ascii=False)],
            ).fetchone()[0]
            cur.register("incoming_segments", incoming)
            try:
                cur.execute(
                    "INSERT INTO segments (corpus_id, seg_id, line, source, target, pair, split, norm_key)"
                    " SELECT ?, (row_number() OVER ())::INTEGER, line, source, target, pair, split, norm_key"
                    " FROM incoming_segments",
                    [corpus_id],
                )
            finally:
                cur.unregister("incoming_segments")
        return corpus_id

    def delete(self, corpus_id: int) -> None:
        with self.db.transaction() as cur:
            cur.execute("DELETE FROM segments WHERE corpus_id = ?", [corpus_id])
            cur.execute("DELETE FROM corpora WHERE id = ?", [corpus_id])

    def list(self) -> list[dict]:
        """Every corpus with its segment count per split."""
        return self.db.query_dicts(
            "SELECT c.id, c.name, c.pair, c.source_file, c.created_at,"
            " count(s.seg_id) AS segments,"
            " count(s.seg_id) FILTER (WHERE s.split = 'train') AS train,"
            " count(s.seg_id) FILTER (WHERE s.split = 'valid') AS valid,"
            " count(s.seg_id) FILTER (WHERE s.split = 'test') AS test"
            " FROM corpora c LEFT JOIN segments s ON s.corpus_id = c.id"
            " GROUP BY ALL ORDER BY c.id"
        )

    def get(self, corpus_id: int) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM corpora WHERE id = ?", [corpus_id])
        if not rows:
            return None
        row = rows[0]
        row["options"], row["report"] = json.loads(row["options"]), json.loads(row["report"])
        return row

    def by_name(self, name: str) -> dict | None:
        rows = self.db.query("SELECT id FROM corpora WHERE name = ?", [name])
        return self.get(rows[0][0]) if rows else None

    @staticmethod
    def _filter(corpus_id: int, split: str | None, search: str | None) -> tuple[str, list]:
        sql, params = " WHERE corpus_id = ?", [corpus_id]
        if split:
            sql += " AND split = ?"
            params.append(split)
        if search:
            sql += " AND (source ILIKE ? OR target ILIKE ?)"
            like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [like, like]
            sql = sql.replace("ILIKE ?", "ILIKE ? ESCAPE '\\'")
        return sql, params

    def count(self, corpus_id: int, split: str | None = None, search: str | None = None) -> int:
        where, params = self._filter(corpus_id, split, search)
        return self.db.query("SELECT count(*) FROM segments" + where, params)[0][0]

    def page(self, corpus_id: int, *, split: str | None = None, search: str | None = None, limit: int = 50,
             offset: int = 0) -> list[dict]:
        """One page of segments (in SQL: LIMIT/OFFSET on the store, never the whole corpus)."""
        where, params = self._filter(corpus_id, split, search)
        return self.db.query_dicts(
            "SELECT seg_id, line, split, source, target FROM segments" + where
            + " ORDER BY seg_id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def length_histogram(self, corpus_id: int, bin_chars: int = 10) -> list[dict]:
        """Counts of source and target lengths in characters, binned in SQL."""
        return self.db.query_dicts(
            "SELECT side, (len // ?) * ? AS length, count(*) AS segments FROM ("
            "  SELECT 'source' AS side, length(source) AS len FROM segments WHERE corpus_id = ?"
            "  UNION ALL SELECT 'target', length(target) FROM segments WHERE corpus_id = ?"
            ") GROUP BY ALL ORDER BY side, length",
            [bin_chars, bin_chars, corpus_id, corpus_id],
        )

    def export(self, corpus_ids: list[int], splits: tuple[str, ...], path: Path, limit: int | None = None,
               seed: int = 0) -> int:
        """Write segments of some corpora and splits to a Parquet file for a job; returns the row count.

        With ``limit``, a seeded random sample of that many rows is written.
        """
        if not corpus_ids:
            raise ValueError("choose at least one corpus")
        path.parent.mkdir(parents=True, exist_ok=True)
        ids = ", ".join(str(int(i)) for i in corpus_ids)
        split_list = ", ".join("'" + s.replace("'", "") + "'" for s in splits)
        sql = (f"SELECT corpus_id, seg_id, pair, split, source, target FROM segments"
               f" WHERE corpus_id IN ({ids}) AND split IN ({split_list})")
        if limit is not None:
            sql += f" ORDER BY hash(corpus_id, seg_id, {int(seed)}) LIMIT {int(limit)}"
        else:
            sql += " ORDER BY corpus_id, seg_id"
        with self.db.cursor() as cur:
            cur.execute(f"COPY ({sql}) TO '{_sql_path(path)}' (FORMAT parquet)")
            return cur.execute(f"SELECT count(*) FROM read_parquet('{_sql_path(path)}')").fetchone()[0]


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
