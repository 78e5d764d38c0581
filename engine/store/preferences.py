"""Typed queries and writes for candidates, their scores and preference pairs."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from engine.store.database import Database, Where

_STRATEGIES = "coalesce(nullif(strategies, ''), strategy)"
"""Every strategy that wrote a candidate, comma-separated (older candidates have only ``strategy``)."""
_WRITTEN_BY = f"list_contains(string_split({_STRATEGIES}, ','), ?)"
"""A candidate written by the strategy given as the parameter (as the first or a later one)."""

class PreferenceRepository:
    """Candidates of generate runs, scores of score runs, and preference pairs (synthetic and human)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- loading job outputs (inside the ingest transaction) -----------------------------------------
    @staticmethod
    def load_candidates(cur: duckdb.DuckDBPyConnection, run_id: str, chunk_dir: Path | str) -> None:
        """Load a generate run's chunk files (idempotent: rows are keyed by run and candidate id)."""
        cur.execute(
            "INSERT OR IGNORE INTO candidates (run_id, cand_id, corpus_id, seg_id, pair, split, source, reference,"
            " prompt, text, strategy, params, n_samples, strategies)"
            " SELECT ?, cand_id, corpus_id, seg_id, pair, split, source, reference, prompt, text, strategy, params,"
            " n_samples, strategies FROM read_parquet(?)",
            [run_id, str(Path(chunk_dir) / "chunk-*.parquet")],
        )

    @staticmethod
    def load_scores(cur: duckdb.DuckDBPyConnection, score_run_id: str, generate_run: str, path: Path | str) -> None:
        """Load a score run's per-candidate scores (idempotent)."""
        cur.execute(
            "INSERT OR IGNORE INTO candidate_scores (score_run_id, run_id, cand_id, metric, value)"
            " SELECT ?, ?, cand_id, metric, value FROM read_parquet(?)",
            [score_run_id, generate_run, str(path)],
        )

    @staticmethod
    def load_pairs(cur: duckdb.DuckDBPyConnection, run_id: str, origin: str, generate_run: str | None,
                   path: Path | str) -> None:
        """Replace the pairs of ``run_id`` with those of the file (so a repeated ingest adds nothing)."""
        cur.execute("DELETE FROM preference_pairs WHERE run_id = ?", [run_id])
        human = ", linguist, judgement_id, weight" if origin == "human" else ""  # who judged, which judgement
        cur.execute(
            "INSERT INTO preference_pairs (origin, run_id, gen_run_id, group_key, pair, source, prompt, chosen,"
            f" rejected, margin, chosen_quality, rejected_quality, chosen_cand, rejected_cand, split, strategy,"
            f" scores{human}) SELECT ?, ?, ?, group_key, pair, source, prompt, chosen, rejected, margin,"
            f" chosen_quality, rejected_quality, chosen_cand, rejected_cand, split, strategy, scores{human}"
            " FROM read_parquet(?)",
            [origin, run_id, generate_run, str(path)],
        )

    # --- exports for jobs ----------------------------------------------------------------------------
    def export_candidates(self, generate_run: str, path: Path) -> int:
        """Write a generate run's candidates to Parquet for a score job; returns the row count."""
        return self.db.copy_to_parquet(
            "SELECT cand_id, corpus_id, seg_id, pair, split, source, reference, prompt, text, strategy,"
            " coalesce(n_samples, 1) AS n_samples FROM candidates WHERE run_id = ? ORDER BY cand_id",
            [generate_run], path)

    def export_pairs(self, path: Path, *, run_ids: list[str] | None = None, origin: str | None = None,
                     split: str | None = None) -> int:
        """Write pairs (``prompt``, ``chosen``, ``rejected``, ``margin``, …) to Parquet for a training job."""
        where, params = self._pair_filter(run_ids, origin, split)
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = self.db.query_dicts(
            "SELECT id, origin, run_id, group_key, pair, source, prompt, chosen, rejected, margin, split, strategy,"
            f" coalesce(weight, 1.0) AS weight, linguist FROM preference_pairs{where} ORDER BY id", params)
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), path)
        return len(rows)

    @staticmethod
    def _pair_filter(run_ids: list[str] | None, origin: str | None, split: str | None,
                     min_margin: float | None = None) -> tuple[str, list]:
        where = (Where().any_of("run_id", run_ids).compare("origin", "=", origin or None)
                 .compare("split", "=", split or None).compare("margin", ">=", min_margin))
        return where.sql, where.params

    # --- queries for pages ---------------------------------------------------------------------------
    def pair_sets(self, origin: str | None = None) -> list[dict]:
        """One row per run that produced pairs: counts per split and mean margin."""
        where, params = self._pair_filter(None, origin, None)
        return self.db.query_dicts(
            "SELECT run_id, origin, any_value(gen_run_id) AS gen_run_id, count(*) AS pairs,"
            " count(*) FILTER (WHERE split = 'train') AS train, count(*) FILTER (WHERE split = 'valid') AS valid,"
            f" avg(margin) AS mean_margin, min(created_at) AS created_at FROM preference_pairs{where}"
            " GROUP BY run_id, origin ORDER BY created_at DESC", params)

    def pairs(self, *, run_ids: list[str] | None = None, origin: str | None = None, split: str | None = None,
              min_margin: float | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        """Pairs, in SQL pages."""
        where, params = self._pair_filter(run_ids, origin, split, min_margin)
        rows = self.db.query_dicts(
            f"SELECT * FROM preference_pairs{where} ORDER BY id LIMIT ? OFFSET ?", [*params, limit, offset])
        for row in rows:
            row["scores"] = json.loads(row["scores"] or "{}")
        return rows

    def count_pairs(self, *, run_ids: list[str] | None = None, origin: str | None = None, split: str | None = None,
                    min_margin: float | None = None) -> int:
        where, params = self._pair_filter(run_ids, origin, split, min_margin)
        return self.db.query(f"SELECT count(*) FROM preference_pairs{where}", params)[0][0]

    def margins(self, run_ids: list[str]) -> list[float]:
        """The margins of some pair sets (for a histogram)."""
        where, params = self._pair_filter(run_ids, None, None)
        return [r[0] for r in self.db.query(f"SELECT margin FROM preference_pairs{where}", params)]

    def run_strategies(self, generate_run: str) -> list[str]:
        """Every strategy that wrote a candidate of a generate run — one written by several counts for each (the
        ``strategy`` column holds the first only: a strategy that always matched an earlier one was not listed)."""
        rows = self.db.query(f"SELECT DISTINCT unnest(string_split({_STRATEGIES}, ',')) FROM candidates"
                             " WHERE run_id = ?", [generate_run])
        return sorted(r[0] for r in rows if r[0])

    def scored_sources(self, generate_run: str, score_run: str | None, *, strategy: str | None = None,
                       limit: int = 20, offset: int = 0) -> list[dict]:
        """Sources of a generate run (a page of them, those a ``strategy`` wrote a candidate of) with every
        candidate, its scores and pair roles."""
        groups = self.db.query(
            "SELECT corpus_id, seg_id FROM candidates WHERE run_id = ?"
            + (f" AND {_WRITTEN_BY}" if strategy else "")
            + " GROUP BY corpus_id, seg_id ORDER BY corpus_id, seg_id LIMIT ? OFFSET ?",
            [generate_run, *([strategy] if strategy else []), limit, offset])
        if not groups:
            return []
        keys = [f"{c}:{s}" for c, s in groups]
        cands = self.db.query_dicts(
            "SELECT c.cand_id, c.corpus_id, c.seg_id, c.source, c.reference, c.text, c.strategy, c.n_samples,"
            " c.strategies, c.corpus_id || ':' || c.seg_id AS group_key FROM candidates c WHERE c.run_id = ?"
            f" AND (c.corpus_id || ':' || c.seg_id) IN ({', '.join('?' * len(keys))}) ORDER BY c.cand_id",
            [generate_run, *keys])
        scores: dict[int, dict[str, float]] = {}
        roles: dict[int, set[str]] = {}
        if score_run:
            ids = [c["cand_id"] for c in cands]
            for cand_id, metric, value in self.db.query(
                    "SELECT cand_id, metric, value FROM candidate_scores WHERE score_run_id = ?"
                    f" AND cand_id IN ({', '.join('?' * len(ids))})", [score_run, *ids]):
                scores.setdefault(cand_id, {})[metric] = value
            for chosen, rejected in self.db.query(
                    "SELECT chosen_cand, rejected_cand FROM preference_pairs WHERE run_id = ?"
                    f" AND group_key IN ({', '.join('?' * len(keys))})", [score_run, *keys]):
                roles.setdefault(chosen, set()).add("chosen")
                roles.setdefault(rejected, set()).add("rejected")
        out: dict[str, dict] = {}
        for c in cands:
            entry = out.setdefault(c["group_key"], {"group_key": c["group_key"], "source": c["source"],
                                                    "reference": c["reference"], "candidates": []})
            entry["candidates"].append({**c, "scores": scores.get(c["cand_id"], {}),
                                        "roles": sorted(roles.get(c["cand_id"], set()))})
        return [out[k] for k in keys if k in out]

    def sources_with_choice(self, generate_run: str) -> int:
        """How many sources of a generate run have two or more distinct candidate texts (what a pair needs)."""
        return self.db.query("SELECT count(*) FROM (SELECT 1 FROM candidates WHERE run_id = ?"
                             " GROUP BY corpus_id, seg_id HAVING count(DISTINCT text) >= 2)", [generate_run])[0][0]

    def count_sources(self, generate_run: str, strategy: str | None = None) -> int:
        """How many sources a generate run has (that a ``strategy`` wrote a candidate of)."""
        return self.db.query("SELECT count(DISTINCT (corpus_id, seg_id)) FROM candidates WHERE run_id = ?"
                             + (f" AND {_WRITTEN_BY}" if strategy else ""),
                             [generate_run, *([strategy] if strategy else [])])[0][0]

    def score_table(self, score_run: str) -> list[dict]:
        """Wide rows (one per candidate: its strategy, every strategy that wrote it — ``strategies``, a list — and
        every metric) of a score run, for charts."""
        rows = self.db.query_dicts(
            f"SELECT s.cand_id, c.strategy, {_STRATEGIES} AS strategies, s.metric,"
            " s.value FROM candidate_scores s JOIN candidates c ON c.run_id = s.run_id AND c.cand_id = s.cand_id"
            " WHERE s.score_run_id = ?", [score_run])
        wide: dict[int, dict] = {}
        for r in rows:
            row = wide.setdefault(r["cand_id"], {"cand_id": r["cand_id"], "strategy": r["strategy"],
                                                 "strategies": [x for x in r["strategies"].split(",") if x]})
            row[r["metric"]] = r["value"]
        return list(wide.values())
