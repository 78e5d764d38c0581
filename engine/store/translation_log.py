"""Typed queries and writes for the translation log: every translation the studio served, and its review samples."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from engine.store.clock import utc_now
from engine.store.database import Database, Where

ORIGINS = ("translate", "batch", "endpoint")
"""Where a logged translation was served: the Translate page, a batch translation job, the HTTP endpoint."""

_COLUMNS = (
    "created_at",
    "origin",
    "model",
    "rm",
    "pair",
    "source",
    "output",
    "reward",
    "qe",
    "qe_model",
    "degenerate",
    "flags",
    "request_id",
    "run_id",
    "line",
)


_NON_TEXT = {"created_at": pa.timestamp("us"), "reward": pa.float64(), "qe": pa.float64(), "degenerate": pa.bool_(),
             "line": pa.int32()}
_ARROW_TYPES = {name: _NON_TEXT.get(name, pa.string()) for name in _COLUMNS}
"""The log's columns as Arrow types, for a batch inserted in one statement."""


def _column(rows: list[list[Any]], index: int, kind: pa.DataType) -> list[Any]:
    """One column of the rows, a text column's values as text (the database cast them when rows went one by one)."""
    values = [r[index] for r in rows]
    return [None if v is None else str(v) for v in values] if kind == pa.string() else values


def _row(entry: dict[str, Any]) -> list[Any]:
    if entry.get("origin") not in ORIGINS:
        raise ValueError(f"log origin must be one of {ORIGINS}, not {entry.get('origin')!r}")
    values = {
        **entry,
        "created_at": entry.get("created_at") or utc_now(),
        "flags": ",".join(entry.get("flags") or []),
        "degenerate": bool(entry.get("degenerate")),
    }
    return [values.get(name) for name in _COLUMNS]


LOG_QUEUE_PREFIX = "Translation log · "
"""How the translation log's review queues are named (one per model); a lead's queue may not take such a name."""


class TranslationLogRepository:
    """The translation log (``translation_log``), its review samples and the monitor's settings."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, entries: list[dict[str, Any]], cur: duckdb.DuckDBPyConnection | None = None) -> list[int | None]:
        """Append log entries (dicts with the table's columns; ``flags`` a list); returns their ids, one per entry.

        A batch entry whose (``run_id``, ``line``) is already logged — or comes twice — is skipped and its id is
        ``None`` (an ingested file read twice). The lines already logged are read in one query for the entries
        (a lookup per entry scanned the whole log each time)."""
        if cur is None:
            with self.db.transaction() as tx:
                return self.add(entries, tx)
        runs = sorted({e["run_id"] for e in entries if e.get("run_id") is not None})
        logged = set() if not runs else {
            (r, line) for r, line in cur.execute(
                f"SELECT run_id, line FROM translation_log WHERE run_id IN ({', '.join('?' * len(runs))})", runs
            ).fetchall()}
        new: list[int] = []  # positions of the entries to log
        for position, entry in enumerate(entries):
            if entry.get("run_id") is not None:
                key = (entry["run_id"], entry.get("line"))
                if key in logged:
                    continue
                logged.add(key)
            new.append(position)
        rows = [_row(entries[p]) for p in new]
        ids: list[int | None] = [None] * len(entries)
        if not rows:
            return ids
        # one INSERT of the whole batch, with ids drawn from the log's sequence in order: a statement per row held
        # the store's write lock for ~1 ms each (8,000 rows of a batch run: 7 s)
        drawn = sorted(int(r[0]) for r in cur.execute(
            "SELECT nextval('translation_log_id_seq') FROM range(?)", [len(rows)]).fetchall())
        table = pa.Table.from_arrays(
            [pa.array(drawn, pa.int64()), *(pa.array(_column(rows, i, _ARROW_TYPES[name]), _ARROW_TYPES[name])
                                             for i, name in enumerate(_COLUMNS))],
            names=["id", *_COLUMNS])
        cur.register("_log_batch", table)
        try:
            cur.execute(f"INSERT INTO translation_log (id, {', '.join(_COLUMNS)}) SELECT id, {', '.join(_COLUMNS)}"
                        " FROM _log_batch")
        finally:
            cur.unregister("_log_batch")
        for position, log_id in zip(new, drawn, strict=True):
            ids[position] = log_id
        return ids

    def get(self, log_id: int) -> dict | None:
        """One log entry (``flags`` as a list), or None."""
        rows = self.entries(ids=[log_id])
        return rows[0] if rows else None

    def entries(
        self,
        *,
        models: list[str] | None = None,
        origins: list[str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        ids: list[int] | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[dict]:
        """Log entries filtered by model, origin and time (``until`` exclusive), oldest first unless
        ``newest_first``; each with ``queue_id`` / ``item_id`` when it was sampled for review."""
        where = (Where().any_of("l.model", models).any_of("l.origin", origins).any_of("l.id", ids)
                 .compare("l.created_at", ">=", since).compare("l.created_at", "<", until))
        params = where.params
        sql = (
            "SELECT l.*, r.queue_id, r.item_id FROM translation_log l"
            f" LEFT JOIN translation_log_reviews r ON r.log_id = l.id{where.sql}"
            f" ORDER BY l.created_at {'DESC' if newest_first else 'ASC'}, l.id {'DESC' if newest_first else 'ASC'}"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self.db.query_dicts(sql, params)
        for row in rows:
            row["flags"] = [f for f in row["flags"].split(",") if f]
        return rows

    def scores(self, *, models: list[str] | None = None) -> list[dict]:
        """What the monitor measures of each log entry (of ``models``, else all), oldest first: ``model``, ``rm``,
        ``qe_model``, ``created_at``, ``reward``, ``qe`` and ``degenerate`` — without the texts, flags and review
        samples :meth:`entries` reads (a first Monitor open on 50,000 entries read them all)."""
        where = Where().any_of("model", models)
        return self.db.query_dicts(
            f"SELECT model, rm, qe_model, created_at, reward, qe, degenerate FROM translation_log{where.sql}"
            " ORDER BY created_at, id", where.params)

    def count(self, *, model: str | None = None) -> int:
        """How many translations are logged (of one model)."""
        if model is None:
            return int(self.db.query("SELECT count(*) FROM translation_log")[0][0])
        return int(self.db.query("SELECT count(*) FROM translation_log WHERE model = ?", [model])[0][0])

    def models(self) -> list[str]:
        """The models with logged translations, in the order they were first logged."""
        return [
            r[0]
            for r in self.db.query("SELECT model FROM translation_log GROUP BY model ORDER BY min(created_at), model")
        ]

    # --- review samples ------------------------------------------------------------------------------
    @staticmethod
    def review_queue_name(model: str) -> str:
        """The review queue that holds the sampled translations of ``model``."""
        return f"{LOG_QUEUE_PREFIX}{model}"

    def add_review(
        self,
        cur: duckdb.DuckDBPyConnection,
        *,
        log_id: int,
        model: str,
        rm: str | None,
        k: int,
        pair: str,
        source: str,
        request_id: str,
    ) -> tuple[int, int]:
        """Put a log entry into its model's review queue (created on first use: split ``log``, no corpus) as an item
        whose candidates are the request ``request_id``; inside ``cur``'s transaction. Returns (queue, item).

        The item has no corpus segment: ``corpus_id`` 0 and ``seg_id`` the log entry's number."""
        name = self.review_queue_name(model)
        row = cur.execute("SELECT id FROM review_queues WHERE name = ?", [name]).fetchone()
        if row is None:
            row = cur.execute(
                "INSERT INTO review_queues (name, corpus_ids, split, k, model, rm, strategies, settings, linguists,"
                " created_by, created_at) VALUES (?, '[]', 'log', ?, ?, ?, '[]', '{}', '[]', 'monitor', ?)"
                " RETURNING id",
                [name, int(k), model, rm, utc_now()],
            ).fetchone()
        queue_id = int(row[0])
        item_id = int(
            cur.execute(
                "SELECT coalesce(max(item_id), 0) + 1 FROM review_items WHERE queue_id = ?", [queue_id]
            ).fetchone()[0]
        )
        cur.execute(
            "INSERT INTO review_items (queue_id, item_id, corpus_id, seg_id, pair, source, reference,"
            " request_id) VALUES (?, ?, 0, ?, ?, ?, NULL, ?)",
            [queue_id, item_id, int(log_id), pair, source, request_id],
        )
        cur.execute(
            "INSERT INTO translation_log_reviews (log_id, queue_id, item_id, request_id, sampled_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [log_id, queue_id, item_id, request_id, utc_now()],
        )
        # a judgement already made of these candidates (on the Translate tab) is the item's: the queue handed the
        # item back to its linguist forever, and their submit was refused as a second judgement
        cur.execute("UPDATE judgements SET queue_id = ?, item_id = ? WHERE request_id = ? AND queue_id IS NULL",
                    [queue_id, item_id, request_id])
        return queue_id, item_id

    def sampled_count(self) -> int:
        """How many log entries were sampled for review."""
        return int(self.db.query("SELECT count(*) FROM translation_log_reviews")[0][0])

    # --- settings ------------------------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """The stored monitor settings (keys that were never saved are absent)."""
        return {k: json.loads(v) for k, v in self.db.query("SELECT key, value FROM monitor_settings")}

    def save_settings(self, values: dict[str, Any]) -> None:
        """Store monitor settings (each value as JSON), replacing earlier values of the same keys; a review k applies
        to the log's review queues at once."""
        with self.db.transaction() as cur:
            for key, value in values.items():
                cur.execute(
                    "INSERT INTO monitor_settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, json.dumps(value)],
                )
            if "review_k" in values:  # the log queues made before keep no k of their own: k=3 saved after the
                # first sample left every later item at the k of then
                cur.execute("UPDATE review_queues SET k = ? WHERE split = 'log'", [int(values["review_k"])])
