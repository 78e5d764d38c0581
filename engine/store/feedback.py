"""Typed queries and writes for human feedback: linguists, translation requests, judgements, review queues."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import duckdb

from engine.store.clock import utc_now
from engine.store.database import Database, Where

ASSIGNMENT_TIMEOUT = timedelta(minutes=30)
"""An item handed to a linguist who has not judged it within this time may be handed to someone else."""

_JSON_COLUMNS = ("shown", "ranking", "tags")


def _parse_judgement(row: dict) -> dict:
    for name in _JSON_COLUMNS:
        if name in row:
            row[name] = json.loads(row[name]) if row[name] is not None else None
    return row


class SubmissionConflict(ValueError):
    """A submission id already stored for another linguist or another translation request, or a second judgement
    of one translation by the same linguist."""


@dataclass(frozen=True)
class SubmitResult:
    """The outcome of storing a judgement: its number and whether this call stored it (False: a repeat)."""

    judgement_id: int
    stored: bool


class FeedbackRepository:
    """What linguists see and say: requests with ranked candidates, judgements, and review queues."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- linguists -----------------------------------------------------------------------------------
    def register_linguist(self, name: str) -> None:
        """Remember a linguist's name (idempotent), so the sign-in can offer it next time."""
        with self.db.transaction() as cur:
            cur.execute("INSERT INTO linguists (name, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        [name, utc_now()])

    def linguists(self) -> list[str]:
        """Every known linguist name, alphabetically."""
        return [r[0] for r in self.db.query("SELECT name FROM linguists ORDER BY lower(name), name")]

    # --- translation requests ------------------------------------------------------------------------
    def add_request(self, request: dict[str, Any], candidates: list[dict[str, Any]],
                    cur: duckdb.DuckDBPyConnection | None = None) -> str:
        """Store a request and its candidates (already in the reward model's order) in one transaction (``cur``'s
        when given)."""
        if cur is None:
            with self.db.transaction() as tx:
                return self.add_request(request, candidates, tx)
        cur.execute(
            "INSERT INTO translation_requests (id, created_at, linguist, source, pair, detected, model, rm,"
            " strategies, settings, generate_s, score_s, queue_id, item_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [request["id"], request.get("created_at") or utc_now(), request.get("linguist"), request["source"],
             request["pair"], request.get("detected"), request["model"], request.get("rm"),
             json.dumps(request.get("strategies") or []), json.dumps(request.get("settings") or {}),
             request.get("generate_s"), request.get("score_s"), request.get("queue_id"),
             request.get("item_id")])
        cur.executemany(
            "INSERT INTO request_candidates (request_id, position, text, rm_score, strategy, strategies,"
            " n_samples, rm_spread, cut) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[request["id"], i, c["text"], c.get("rm_score"), c["strategy"], ",".join(c.get("strategies") or []),
              int(c.get("n_samples") or 1), c.get("rm_spread"), bool(c.get("cut"))] for i, c in enumerate(candidates)])
        return request["id"]

    def request(self, request_id: str) -> dict | None:
        """A request with its candidates (``candidates``: position order, i.e. best reward first)."""
        rows = self.db.query_dicts("SELECT * FROM translation_requests WHERE id = ?", [request_id])
        if not rows:
            return None
        row = rows[0]
        row["strategies"], row["settings"] = json.loads(row["strategies"]), json.loads(row["settings"])
        row["candidates"] = self.db.query_dicts(
            "SELECT position, text, rm_score, rm_spread, strategy, strategies, n_samples, coalesce(cut, false) AS cut"
            " FROM request_candidates"
            " WHERE request_id = ? ORDER BY position", [request_id])
        return row

    # --- judgements ----------------------------------------------------------------------------------
    def add_judgement(self, judgement: Any, *, model: str, rm: str | None,
                      created_at: datetime | None = None, once_per_linguist: bool = False) -> SubmitResult:
        """Store a checked judgement once per submission id; returns a :class:`SubmitResult`. ``created_at``: when
        it was made, if not now (an import keeps the time the annotation tool recorded).

        Inside the serialised write transaction a repeat of the same submission is found first and answered with
        the stored judgement's number (``INSERT … ON CONFLICT DO NOTHING`` stays as the backstop). A submission id
        already stored for another linguist or another request is no repeat: it raises
        :class:`SubmissionConflict` rather than answer with somebody else's judgement (which would drop this one
        while confirming it). With ``once_per_linguist`` (the studio's forms) so does a second judgement of the
        same request by the same linguist: a queue item open in two tabs was judged twice, both ways. (An import
        may bring a linguist's revised judgement; their latest one counts where one per linguist is read.)
        """
        j = judgement
        now = utc_now()  # when it is stored (``stored_at``), whatever ``created_at`` says
        with self.db.transaction() as cur:
            # a repeat is answered before the INSERT: a refused INSERT still takes a number from the id sequence,
            # and the next judgement's number then skipped one (#1, then #3 after a double-clicked submit)
            existing = cur.execute("SELECT id, linguist, request_id FROM judgements WHERE submission_id = ?",
                                   [j.submission_id]).fetchone()
            earlier = None if existing or not once_per_linguist else cur.execute(
                "SELECT id FROM judgements WHERE linguist = ? AND request_id = ?", [j.linguist, j.request_id]
            ).fetchone()
            if earlier:  # the same queue item open in two tabs gave two contradictory judgements of one linguist
                raise SubmissionConflict(f"{j.linguist} already judged this translation (judgement #{earlier[0]}): "
                                         "one judgement per linguist and translation")
            queue_id, item_id = j.queue_id, j.item_id
            if queue_id is None and not existing:  # a queue item's candidates judged elsewhere (an import, the
                # Translate tab): that item's judgement — else the queue kept handing the item to its linguist
                item = cur.execute("SELECT queue_id, item_id FROM review_items WHERE request_id = ? "
                                   "ORDER BY queue_id, item_id LIMIT 1", [j.request_id]).fetchone()
                queue_id, item_id = item or (None, None)
            inserted = [] if existing else cur.execute(
                "INSERT INTO judgements (submission_id, request_id, linguist, kind, shown, ranking, best,"
                " none_acceptable, correction, tags, comment, model, rm, queue_id, item_id, created_at, stored_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
                [j.submission_id, j.request_id, j.linguist, j.kind, json.dumps(j.shown),
                 json.dumps(j.ranking) if j.ranking is not None else None, j.best, j.none_acceptable, j.correction,
                 json.dumps(j.tags, ensure_ascii=False), j.comment, model, rm, queue_id, item_id,
                 created_at or now, now],
            ).fetchall()
            if inserted:
                return SubmitResult(int(inserted[0][0]), True)
            existing = existing or cur.execute("SELECT id, linguist, request_id FROM judgements WHERE "
                                               "submission_id = ?", [j.submission_id]).fetchone()
        if (existing[1], existing[2]) != (j.linguist, j.request_id):
            raise SubmissionConflict("this form was already submitted for another judgement; reload the page and "
                                 "judge again")
        return SubmitResult(int(existing[0]), False)

    def judgement(self, submission_id: str) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM judgements WHERE submission_id = ?", [submission_id])
        return _parse_judgement(rows[0]) if rows else None

    @staticmethod
    def _filter(linguists: list[str] | None, since: datetime | None, until: datetime | None,
                models: list[str] | None, queue_id: int | None, request_id: str | None) -> tuple[str, list]:
        where = (Where().any_of("j.linguist", linguists).compare("j.created_at", ">=", since)
                 .compare("j.created_at", "<", until).any_of("j.model", models).compare("j.queue_id", "=", queue_id)
                 .compare("j.request_id", "=", request_id))
        return where.sql, where.params

    def judgements(self, *, linguists: list[str] | None = None, since: datetime | None = None,
                   until: datetime | None = None, models: list[str] | None = None, queue_id: int | None = None,
                   request_id: str | None = None, limit: int | None = None, offset: int = 0,
                   newest_first: bool = False) -> list[dict]:
        """Judgements with their request's source and pair, filtered; oldest first unless ``newest_first``."""
        where, params = self._filter(linguists, since, until, models, queue_id, request_id)
        sql = ("SELECT j.*, r.source, r.pair FROM judgements j JOIN translation_requests r ON r.id = j.request_id"
               f"{where} ORDER BY j.id {'DESC' if newest_first else 'ASC'}")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, int(limit), int(offset)]
        return [_parse_judgement(r) for r in self.db.query_dicts(sql, params)]

    def count_judgements(self, *, linguists: list[str] | None = None, since: datetime | None = None,
                         until: datetime | None = None, models: list[str] | None = None,
                         queue_id: int | None = None) -> int:
        where, params = self._filter(linguists, since, until, models, queue_id, None)
        return self.db.query(f"SELECT count(*) FROM judgements j{where}", params)[0][0]

    def volume(self) -> dict:
        """How much feedback exists: judgements, distinct linguists, and judgements per format."""
        per_kind = {kind: int(n) for kind, n in self.db.query("SELECT kind, count(*) FROM judgements GROUP BY kind")}
        linguists = self.db.query("SELECT count(DISTINCT linguist) FROM judgements")[0][0]
        return {"judgements": sum(per_kind.values()), "linguists": int(linguists), "per_kind": per_kind}

    def judged_models(self) -> list[str]:
        """The policy models that have judgements, alphabetically."""
        return [r[0] for r in self.db.query("SELECT DISTINCT model FROM judgements ORDER BY model")]

    def judging_linguists(self) -> list[str]:
        """The linguists that have judgements, alphabetically."""
        return [r[0] for r in self.db.query("SELECT DISTINCT linguist FROM judgements ORDER BY linguist")]

    def candidates_of(self, request_ids: list[str]) -> dict[str, list[dict]]:
        """The candidates of several requests, by request id (for exports)."""
        if not request_ids:
            return {}
        out: dict[str, list[dict]] = {}
        for row in self.db.query_dicts(
                "SELECT request_id, position, text, rm_score, strategy FROM request_candidates"
                f" WHERE request_id IN ({', '.join('?' * len(request_ids))}) ORDER BY request_id, position",
                list(request_ids)):
            out.setdefault(row.pop("request_id"), []).append(row)
        return out

    # --- review queues -------------------------------------------------------------------------------
    def create_queue(self, *, name: str, corpus_ids: list[int], split: str, k: int, model: str, rm: str | None,
                     strategies: list[str], settings: dict, linguists: list[str], created_by: str,
                     sample_size: int = 0, seed: int = 0, max_source_chars: int | None = None) -> int:
        """A queue and its items (the split's sources of the corpora, or a seeded sample) in one transaction; with
        ``max_source_chars``, only the sources that long at most (a longer one cannot be translated for review)."""
        ids = [int(i) for i in corpus_ids]
        splits = ("train", "valid", "test") if split == "all" else (split,)
        sql = ("SELECT corpus_id, seg_id, pair, source, target FROM segments"
               f" WHERE corpus_id IN ({', '.join('?' * len(ids))}) AND split IN ({', '.join('?' * len(splits))})")
        params: list[Any] = [*ids, *splits]
        if max_source_chars is not None:
            sql += " AND length(source) <= ?"
            params.append(int(max_source_chars))
        if sample_size:
            sql += " ORDER BY hash(corpus_id, seg_id, ?) LIMIT ?"
            params += [int(seed), int(sample_size)]
        else:
            sql += " ORDER BY corpus_id, seg_id"
        with self.db.transaction() as cur:
            queue_id = cur.execute(
                "INSERT INTO review_queues (name, corpus_ids, split, k, model, rm, strategies, settings, linguists,"
                " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [name, json.dumps(ids), split, int(k), model, rm, json.dumps(strategies), json.dumps(settings),
                 json.dumps(linguists, ensure_ascii=False), created_by, utc_now()]).fetchone()[0]
            cur.execute(
                "INSERT INTO review_items (queue_id, item_id, corpus_id, seg_id, pair, source, reference)"
                f" SELECT ?, (row_number() OVER ())::INTEGER, corpus_id, seg_id, pair, source, target FROM ({sql})",
                [queue_id, *params])
            n = cur.execute("SELECT count(*) FROM review_items WHERE queue_id = ?", [queue_id]).fetchone()[0]
            if n == 0:
                raise ValueError("the chosen corpora have no sources in that split" + (
                    f" of at most {max_source_chars:,} characters" if max_source_chars is not None else ""))
        return int(queue_id)

    def queue(self, queue_id: int) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM review_queues WHERE id = ?", [queue_id])
        if not rows:
            return None
        row = rows[0]
        for name in ("corpus_ids", "strategies", "settings", "linguists"):
            row[name] = json.loads(row[name])
        return row

    def queue_named(self, name: str) -> dict | None:
        """The review queue of that name (``id``, ``name``), or None."""
        rows = self.db.query_dicts("SELECT id, name FROM review_queues WHERE name = ?", [name])
        return rows[0] if rows else None

    def queues(self) -> list[dict]:
        """Every queue, newest first, with its size and progress (items with k judgements, judgements made)."""
        rows = self.db.query_dicts(
            "WITH per_item AS (SELECT queue_id, item_id, count(DISTINCT linguist) AS n FROM judgements"
            "  WHERE queue_id IS NOT NULL GROUP BY ALL)"
            " SELECT q.id, q.name, q.split, q.k, q.model, q.rm, q.linguists, q.created_by, q.created_at,"
            "  count(i.item_id) AS items, count(p.item_id) FILTER (WHERE p.n >= q.k) AS complete,"
            "  coalesce(sum(least(coalesce(p.n, 0), q.k)), 0)::BIGINT AS judged"
            " FROM review_queues q LEFT JOIN review_items i ON i.queue_id = q.id"
            " LEFT JOIN per_item p ON p.queue_id = i.queue_id AND p.item_id = i.item_id"
            " GROUP BY ALL ORDER BY q.id DESC")
        for row in rows:
            row["linguists"] = json.loads(row["linguists"])
        return rows

    def queue_items(self, queue_id: int) -> list[dict]:
        """Every item of a queue (``item_id``, ``source``, ``pair``), in order."""
        return self.db.query_dicts("SELECT item_id, source, pair FROM review_items WHERE queue_id = ? ORDER BY item_id",
                                   [queue_id])

    def item(self, queue_id: int, item_id: int) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM review_items WHERE queue_id = ? AND item_id = ?",
                                   [queue_id, item_id])
        return rows[0] if rows else None

    def claim_next(self, queue_id: int, linguist: str, k: int, *, now: datetime | None = None) -> dict | None:
        """The item this linguist should judge next, recorded as assigned to them; ``None`` when none is left.

        An item they were handed and have not judged comes back first (a reload loses nothing), unless their hold
        expired and the item was handed on to ``k`` others meanwhile. Otherwise the item closest to its ``k``
        judgements that they have not judged and that fewer than ``k`` linguists hold (judged, or handed out within
        :data:`ASSIGNMENT_TIMEOUT`) — so items fill up to ``k`` and overlap between linguists, which is what
        agreement needs; among those, the highest ``priority`` first (how unsure the reward models are, set by a
        ``queue_order`` run; items without one come after), then item order.
        """
        now = now or utc_now()
        fresh = now - ASSIGNMENT_TIMEOUT
        with self.db.transaction() as cur:
            # their own unjudged item, unless the hold expired and k others hold the item now (judged it, or were
            # handed it since): an expired item handed on must not be held by more than k
            open_item = cur.execute(
                "SELECT a.item_id FROM review_assignments a WHERE a.queue_id = ? AND a.linguist = ?"
                " AND NOT EXISTS (SELECT 1 FROM judgements j WHERE j.queue_id = a.queue_id AND j.item_id = a.item_id"
                "  AND j.linguist = a.linguist)"
                " AND (a.assigned_at >= ? OR (SELECT count(*) FROM ("
                "  SELECT linguist FROM judgements j WHERE j.queue_id = a.queue_id AND j.item_id = a.item_id UNION"
                "  SELECT linguist FROM review_assignments b WHERE b.queue_id = a.queue_id AND b.item_id = a.item_id"
                "   AND b.linguist <> a.linguist AND b.assigned_at >= ?)) < ?)"
                " ORDER BY a.assigned_at, a.item_id LIMIT 1",
                [queue_id, linguist, fresh, fresh, int(k)]).fetchone()
            if open_item is None:
                open_item = cur.execute(
                    "WITH judged AS (SELECT item_id, linguist FROM judgements WHERE queue_id = ? GROUP BY ALL),"
                    " held AS (SELECT item_id, linguist FROM judged UNION"
                    "  SELECT item_id, linguist FROM review_assignments WHERE queue_id = ? AND assigned_at >= ?),"
                    " load AS (SELECT item_id, count(*) AS n FROM held GROUP BY item_id)"
                    " SELECT i.item_id FROM review_items i LEFT JOIN load l ON l.item_id = i.item_id"
                    " WHERE i.queue_id = ? AND coalesce(l.n, 0) < ?"
                    " AND NOT EXISTS (SELECT 1 FROM judged d WHERE d.item_id = i.item_id AND d.linguist = ?)"
                    " ORDER BY coalesce(l.n, 0) DESC, i.priority DESC NULLS LAST, i.item_id LIMIT 1",
                    [queue_id, queue_id, fresh, queue_id, int(k), linguist]).fetchone()
                if open_item is None:
                    return None
            cur.execute(
                "INSERT INTO review_assignments (queue_id, item_id, linguist, assigned_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO UPDATE SET assigned_at = excluded.assigned_at",
                [queue_id, open_item[0], linguist, now])
            row = cur.execute("SELECT * FROM review_items WHERE queue_id = ? AND item_id = ?",
                              [queue_id, open_item[0]])
            names = [d[0] for d in row.description]
            return dict(zip(names, row.fetchone(), strict=True))

    def load_priorities(self, cur: Any, queue_id: int, path: str) -> None:
        """Set the items' priorities from a ``queue_order`` run's Parquet file (``item_id``, ``priority``), inside
        the ingest transaction ``cur``."""
        cur.execute(
            "UPDATE review_items SET priority = p.priority FROM read_parquet(?) p"
            " WHERE review_items.queue_id = ? AND review_items.item_id = p.item_id", [str(path), queue_id])

    def measured_items(self, queue_id: int) -> tuple[int, int]:
        """(items with a priority, all items) of a queue."""
        row = self.db.query("SELECT count(priority), count(*) FROM review_items WHERE queue_id = ?", [queue_id])[0]
        return int(row[0]), int(row[1])

    def set_item_request(self, queue_id: int, item_id: int, request_id: str) -> str:
        """Attach candidates to an item unless another linguist's were attached first; returns the item's request."""
        with self.db.transaction() as cur:
            cur.execute("UPDATE review_items SET request_id = ? WHERE queue_id = ? AND item_id = ?"
                        " AND request_id IS NULL", [request_id, queue_id, item_id])
            return cur.execute("SELECT request_id FROM review_items WHERE queue_id = ? AND item_id = ?",
                               [queue_id, item_id]).fetchone()[0]

    def progress(self, queue_id: int, linguist: str) -> dict[str, int]:
        """How far a queue is: items, items with k judgements, judgements made and wanted, and this linguist's."""
        row = self.db.query_dicts(
            "WITH per_item AS (SELECT item_id, count(DISTINCT linguist) AS n,"
            "  bool_or(linguist = ?) AS mine FROM judgements WHERE queue_id = ? GROUP BY item_id)"
            " SELECT count(i.item_id) AS items, count(p.item_id) FILTER (WHERE p.n >= q.k) AS complete,"
            "  coalesce(sum(least(coalesce(p.n, 0), q.k)), 0)::BIGINT AS judged,"
            "  count(i.item_id) * any_value(q.k) AS wanted,"
            "  count(p.item_id) FILTER (WHERE p.mine) AS mine"
            " FROM review_items i JOIN review_queues q ON q.id = i.queue_id"
            " LEFT JOIN per_item p ON p.item_id = i.item_id WHERE i.queue_id = ?",
            [linguist, queue_id, queue_id])[0]
        return {k: int(v or 0) for k, v in row.items()}
