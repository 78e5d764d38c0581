"""Typed queries and writes for model comparison: test sets, cached evaluations, their scores, A/B judgements."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb

from engine.characters import MAX_PERSON_NAME_CHARS, check_label, label_key
from engine.store.clock import utc_now
from engine.store.database import Database

ROLES = ("linguist", "lead")


class AlreadyJudged(ValueError):
    """A blind A/B judgement of a sentence this linguist has judged already for the same two systems."""


def testset_id_for(rows: Iterable[dict]) -> str:
    """The content id of a test set: a hash of its (source, reference, pair) rows in order."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps([row["source"], row.get("reference") or "", row["pair"]],
                                 ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return "ts-" + digest.hexdigest()[:16]


def _parse(row: dict, *names: str) -> dict:
    for name in names:
        if name in row and isinstance(row[name], str):
            row[name] = json.loads(row[name] or "{}")
    return row


class EvaluationRepository:
    """Test sets, evaluations (one per model × test set × decoding), outputs, scores and A/B judgements."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- test sets -------------------------------------------------------------------------------------
    def add_testset(self, name: str, origin: str, rows: Sequence[dict], details: dict | None = None) -> str:
        """Store a test set (rows with ``source``, ``reference``, ``pair`` and optionally ``corpus_id``/``seg_id``)
        and return its content id. The same rows give the same id; storing them again changes nothing."""
        if not rows:
            raise ValueError("a test set needs at least one sentence")
        name = check_label(name, "test set")
        testset_id = testset_id_for(rows)
        with self.db.transaction() as cur:
            exists = cur.execute("SELECT count(*) FROM eval_testsets WHERE id = ?", [testset_id]).fetchone()[0]
            if exists:
                return testset_id
            cur.execute("INSERT INTO eval_testsets (id, name, origin, size, details, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        [testset_id, name, origin, len(rows), json.dumps(details or {}, ensure_ascii=False),
                         utc_now()])
            cur.executemany(
                "INSERT INTO eval_segments (testset_id, idx, source, reference, pair, corpus_id, seg_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [[testset_id, i, r["source"], r.get("reference"), r["pair"], r.get("corpus_id"), r.get("seg_id")]
                 for i, r in enumerate(rows)])
        return testset_id

    def get_testset(self, testset_id: str) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM eval_testsets WHERE id = ?", [testset_id])
        return _parse(rows[0], "details") if rows else None

    def testsets(self) -> list[dict]:
        """Test sets, newest first, with how many evaluations each has."""
        rows = self.db.query_dicts(
            "SELECT t.*, (SELECT count(*) FROM evaluations e WHERE e.testset_id = t.id) AS evaluations,"
            " (SELECT max(coalesce(e.updated_at, e.created_at)) FROM evaluations e WHERE e.testset_id = t.id)"
            " AS last_evaluated FROM eval_testsets t ORDER BY last_evaluated DESC NULLS LAST, t.created_at DESC")
        return [_parse(r, "details") for r in rows]

    def segments(self, testset_id: str) -> list[dict]:
        """The sentences of a test set, in order."""
        return self.db.query_dicts("SELECT idx, source, reference, pair, corpus_id, seg_id FROM eval_segments"
                                   " WHERE testset_id = ? ORDER BY idx", [testset_id])

    def export_testset(self, testset_id: str, path: Path) -> int:
        """Write a test set's sentences to Parquet for an evaluate job; returns the row count."""
        return self.db.copy_to_parquet(
            "SELECT idx, source, coalesce(reference, '') AS reference, pair FROM eval_segments"
            " WHERE testset_id = ? ORDER BY idx", [testset_id], path)

    # --- evaluations -----------------------------------------------------------------------------------
    def get(self, key: str) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM evaluations WHERE key = ?", [key])
        return _parse(rows[0], "decoding", "metrics", "settings") if rows else None

    def list(self, testset_id: str | None = None, run_id: str | None = None) -> list[dict]:
        """Evaluations (newest first), of one test set or touched by one run when given."""
        sql, params = "SELECT * FROM evaluations WHERE 1=1", []
        if testset_id:
            sql += " AND testset_id = ?"
            params.append(testset_id)
        if run_id:
            sql += " AND (run_id = ? OR scored_by = ?)"
            params += [run_id, run_id]
        rows = self.db.query_dicts(sql + " ORDER BY coalesce(updated_at, created_at) DESC, model", params)
        return [_parse(r, "decoding", "metrics", "settings") for r in rows]

    def export_outputs(self, key: str, path: Path) -> int:
        """Write an evaluation's outputs to Parquet (to score them again with new metrics); returns the rows."""
        return self.db.copy_to_parquet(
            "SELECT idx, output, strategy, n_candidates FROM eval_outputs WHERE eval_key = ? ORDER BY idx", [key], path)

    @staticmethod
    def load_evaluation(cur: duckdb.DuckDBPyConnection, run_id: str, event: dict) -> None:
        """Record an evaluate job's ``evaluation`` artifact (inside the ingest transaction; idempotent).

        ``event`` has ``key``, ``model``, ``model_path``, ``testset_id``, ``decoding``, ``decoding_label``,
        ``metrics`` (the metrics scored now → what computed them), ``settings``, ``scores`` (Parquet:
        idx, metric, value) and, when the run translated, ``outputs`` (Parquet: idx, output, strategy,
        n_candidates). Metrics scored again replace their earlier values; other metrics are kept.
        """
        key, now = event["key"], utc_now()
        new_metrics = dict(event.get("metrics") or {})
        row = cur.execute("SELECT metrics FROM evaluations WHERE key = ?", [key]).fetchone()
        translated = bool(event.get("outputs"))
        if row is None:
            cur.execute(
                "INSERT INTO evaluations (key, model, model_path, testset_id, decoding, decoding_label, run_id,"
                " scored_by, metrics, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, event["model"], event["model_path"], event["testset_id"],
                 json.dumps(event.get("decoding") or {}, ensure_ascii=False), event.get("decoding_label", ""),
                 run_id, run_id, json.dumps(new_metrics, ensure_ascii=False),
                 json.dumps(event.get("settings") or {}, ensure_ascii=False), now, now])
        else:
            merged = {**json.loads(row[0] or "{}"), **new_metrics}
            cur.execute("UPDATE evaluations SET metrics = ?, scored_by = ?, updated_at = ?"
                        + (", run_id = ?" if translated else "") + " WHERE key = ?",
                        [json.dumps(merged, ensure_ascii=False), run_id, now, *([run_id] if translated else []), key])
        if translated:
            cur.execute("DELETE FROM eval_outputs WHERE eval_key = ?", [key])
            cur.execute("INSERT INTO eval_outputs (eval_key, idx, output, strategy, n_candidates)"
                        " SELECT ?, idx, output, strategy, n_candidates FROM read_parquet(?)",
                        [key, str(event["outputs"])])
        if event.get("scores"):
            scores = str(event["scores"])
            cur.execute("DELETE FROM eval_scores WHERE eval_key = ? AND metric IN (SELECT DISTINCT metric"
                        " FROM read_parquet(?))", [key, scores])
            cur.execute("INSERT INTO eval_scores (eval_key, idx, metric, value) SELECT ?, idx, metric, value"
                        " FROM read_parquet(?)", [key, scores])

    def outputs(self, keys: Sequence[str]) -> dict[str, dict[int, str]]:
        """Outputs of some evaluations: key → sentence index → output."""
        out: dict[str, dict[int, str]] = {k: {} for k in keys}
        if not keys:
            return out
        for key, idx, text in self.db.query(
                f"SELECT eval_key, idx, output FROM eval_outputs WHERE eval_key IN ({', '.join('?' * len(keys))})",
                list(keys)):
            out[key][idx] = text
        return out

    def scores(self, keys: Sequence[str]) -> dict[str, dict[str, dict[int, float]]]:
        """Per-sentence metric values of some evaluations: key → metric → sentence index → value."""
        out: dict[str, dict[str, dict[int, float]]] = {k: {} for k in keys}
        if not keys:
            return out
        for key, idx, metric, value in self.db.query(
                "SELECT eval_key, idx, metric, value FROM eval_scores"
                f" WHERE eval_key IN ({', '.join('?' * len(keys))})", list(keys)):
            out[key].setdefault(metric, {})[idx] = value
        return out

    def delete(self, key: str) -> None:
        """Forget an evaluation (its outputs and scores); the next evaluate run translates again."""
        with self.db.transaction() as cur:
            for table, column in (("eval_scores", "eval_key"), ("eval_outputs", "eval_key"), ("evaluations", "key")):
                cur.execute(f"DELETE FROM {table} WHERE {column} = ?", [key])

    # --- blind A/B -------------------------------------------------------------------------------------
    def judge_name(self, name: str) -> str:
        """The name a blind A/B judge signs in with, as stored: checked as a linguist's is
        (:func:`~engine.characters.check_label`), and spelt as an earlier judge's that reads the same
        (:func:`~engine.characters.label_key`: case, width, invisible characters) — signed in again as ``amal`` or
        ``Amal`` + U+200B, one person judged the same sentences again as another judge. Raises ``ValueError``."""
        cleaned = check_label(name, "judge", max_chars=MAX_PERSON_NAME_CHARS, empty="enter your name")
        key = label_key(cleaned)
        known = [r[0] for r in self.db.query("SELECT DISTINCT linguist FROM ab_judgements ORDER BY linguist")]
        return next((k for k in known if label_key(k) == key), cleaned)

    def record_judgement(self, testset_id: str, idx: int, linguist: str, left: str, right: str, choice: str,
                         *, role: str = "linguist") -> int:
        """Store one blind judgement (``left``/``right``: the evaluations in the order shown); returns its id.
        Raises :class:`AlreadyJudged` when this linguist has judged that sentence of that pair already (in another
        tab: a second vote counted twice in the win rates and the gate's votes)."""
        linguist = check_label(linguist, "judge", max_chars=MAX_PERSON_NAME_CHARS,
                               empty="a judgement needs the linguist's name")
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        if choice not in ("left", "right", "tie"):
            raise ValueError("choice must be left, right or tie")
        if left == right:
            raise ValueError("a judgement compares two different systems")
        won = {"left": left, "right": right, "tie": None}[choice]
        with self.db.transaction() as cur:
            if cur.execute("SELECT 1 FROM ab_judgements WHERE linguist = ? AND testset_id = ? AND idx = ? AND"
                           " ((left_eval = ? AND right_eval = ?) OR (left_eval = ? AND right_eval = ?))",
                           [linguist, testset_id, int(idx), left, right, right, left]).fetchone():
                raise AlreadyJudged(f"{linguist} has judged sentence {int(idx) + 1} of these two systems "
                                    "already")
            return cur.execute(
                "INSERT INTO ab_judgements (testset_id, idx, linguist, role, left_eval, right_eval, choice, winner,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [testset_id, int(idx), linguist, role, left, right, choice, won, utc_now()]).fetchone()[0]

    def judgements(self, testset_id: str | None = None, systems: Sequence[str] | None = None) -> list[dict]:
        """Judgements (oldest first), optionally of one test set and only between the given evaluations."""
        sql, params = ("SELECT id, testset_id, idx, linguist, role, left_eval AS left, right_eval AS right, choice,"
                       " winner, created_at FROM ab_judgements WHERE 1=1"), []
        if testset_id:
            sql += " AND testset_id = ?"
            params.append(testset_id)
        if systems is not None:
            marks = ", ".join("?" * len(systems)) or "NULL"
            sql += f" AND left_eval IN ({marks}) AND right_eval IN ({marks})"
            params += [*systems, *systems]
        return self.db.query_dicts(sql + " ORDER BY id", params)

    def judged(self, linguist: str, testset_id: str, pair: tuple[str, str]) -> set[int]:
        """Sentences this linguist has already judged for this pair of evaluations (in either order)."""
        rows = self.db.query(
            "SELECT DISTINCT idx FROM ab_judgements WHERE linguist = ? AND testset_id = ? AND"
            " ((left_eval = ? AND right_eval = ?) OR (left_eval = ? AND right_eval = ?))",
            [linguist.strip(), testset_id, pair[0], pair[1], pair[1], pair[0]])
        return {r[0] for r in rows}
