"""Typed queries and writes for runs, their metrics and their logs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import duckdb

from engine.store.clock import from_unix, utc_now
from engine.store.database import Database

ACTIVE = ("queued", "running")
MAX_NOTES = 50


def settings_of(run: dict) -> dict:
    """A run row's settings as a dict (the store keeps them as JSON text; a row the CLI read back holds the dict)."""
    config = run.get("config")
    return json.loads(config or "{}") if isinstance(config, str) else dict(config or {})


@dataclass
class IngestState:
    """How far, and how, a run's ``events.jsonl`` has been read (the ``run_ingest`` row; see migration 0009)."""

    file_id: str | None = None
    head_digest: str | None = None
    tail_start: int | None = None
    tail_digest: str | None = None
    seq_base: int = 0
    max_seq: int = 0
    bad_lines: int = 0
    duplicates: int = 0
    resets: int = 0
    notes: str = ""
    stopped_at: float | None = None
    """Unix seconds when reading stopped at an output that could not be loaded (None: reading goes on); lines
    written after are skipped until the run is launched again."""

    def add_note(self, text: str) -> None:
        """Append one finding (with the time, UTC), keeping the newest :data:`MAX_NOTES`."""
        lines = [*(self.notes.splitlines() if self.notes else []), f"{utc_now():%Y-%m-%d %H:%M:%S} UTC  {text}"]
        self.notes = "\n".join(lines[-MAX_NOTES:])


@dataclass
class EventRows:
    """Metric values ``(seq, step, key, value, time)`` and log lines ``(seq, time, level, message)`` gathered from
    events, inserted together by :meth:`RunRepository.add_rows`."""

    metrics: list[tuple] = field(default_factory=list)
    logs: list[tuple] = field(default_factory=list)


class RunRepository:
    """Runs as the studio sees them (ingested from each run's ``events.jsonl``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, run_id: str, kind: str, title: str, config: dict, run_dir: str) -> None:
        """Record a new queued run."""
        with self.db.transaction() as cur:
            cur.execute(
                "INSERT INTO runs (id, kind, title, status, config, run_dir, created_at)"
                " VALUES (?, ?, ?, 'queued', ?, ?, ?)",
                [run_id, kind, title, json.dumps(config, ensure_ascii=False), run_dir, utc_now()],
            )

    def set_config(self, run_id: str, config: dict) -> None:
        """Replace a run's recorded settings (a resume of a ``config.yaml`` edited by hand runs with the edit)."""
        with self.db.transaction() as cur:
            cur.execute("UPDATE runs SET config = ? WHERE id = ?", [json.dumps(config, ensure_ascii=False), run_id])

    def set_launched(self, run_id: str, pid: int) -> None:
        """A process was started for the run (first launch or resume): the old heartbeat no longer counts."""
        with self.db.transaction() as cur:
            cur.execute(
                "UPDATE runs SET pid = ?, launched_at = ?, status = 'queued', finished_at = NULL, heartbeat_at = NULL,"
                " error = NULL, cancel_requested_at = NULL WHERE id = ?",
                [pid, utc_now(), run_id],
            )

    def request_cancel(self, run_id: str) -> None:
        with self.db.transaction() as cur:
            cur.execute("UPDATE runs SET cancel_requested_at = ? WHERE id = ?", [utc_now(), run_id])

    def mark_final(self, cur: duckdb.DuckDBPyConnection, run_id: str, status: str, error: str | None,
                   when: Any = None) -> None:
        """Set a final status inside an open transaction (also used when ingesting ``status`` events)."""
        cur.execute(
            "UPDATE runs SET status = ?, error = coalesce(?, error), finished_at = ? WHERE id = ?",
            [status, error, when or utc_now(), run_id],
        )

    def get(self, run_id: str) -> dict | None:
        rows = self.db.query_dicts("SELECT * FROM runs WHERE id = ?", [run_id])
        return rows[0] if rows else None

    @staticmethod
    def _filter(kinds: tuple[str, ...] | None, statuses: tuple[str, ...] | None) -> tuple[str, list]:
        sql, params = "WHERE 1=1", []
        if kinds:
            sql += f" AND kind IN ({', '.join('?' * len(kinds))})"
            params += list(kinds)
        if statuses:
            sql += f" AND status IN ({', '.join('?' * len(statuses))})"
            params += list(statuses)
        return sql, params

    def list(self, kinds: tuple[str, ...] | None = None, statuses: tuple[str, ...] | None = None,
             limit: int = 200) -> list[dict]:
        """Runs, newest first, optionally of some kinds or statuses."""
        where, params = self._filter(kinds, statuses)
        return self.db.query_dicts(f"SELECT * FROM runs {where} ORDER BY created_at DESC, id DESC LIMIT ?",
                                   [*params, limit])

    def count(self, kinds: tuple[str, ...] | None = None, statuses: tuple[str, ...] | None = None) -> int:
        """How many runs there are, optionally of some kinds or statuses."""
        where, params = self._filter(kinds, statuses)
        return int(self.db.query(f"SELECT count(*) FROM runs {where}", params)[0][0])

    def kinds(self) -> list[str]:
        """The kinds of job that have runs, by name."""
        return [r[0] for r in self.db.query("SELECT DISTINCT kind FROM runs ORDER BY kind")]

    def active(self) -> list[dict]:
        """Runs that are queued or running."""
        return self.list(statuses=ACTIVE, limit=10_000)

    def metrics(self, run_id: str, keys: tuple[str, ...] | None = None, *, max_points: int | None = None,
                last: int | None = None) -> list[dict]:
        """Metric rows (step, key, value, time) of a run, in step order.

        ``max_points``: per key, at most about that many rows, evenly spaced over the run with its first and last
        kept (what a chart draws: a run of 50,000 steps sent 750,000 points to the browser on every refresh).
        ``last``: per key, only its last ``last`` rows (what the alarms read). A step logged twice — a run resumed
        from a checkpoint before it does those steps again — counts once, with its newest value (the charts drew both,
        zig-zagging back over the re-run steps)."""
        where, params = "run_id = ?", [run_id]
        if keys:
            where += f" AND key IN ({', '.join('?' * len(keys))})"
            params += list(keys)
        newest = (f"SELECT step, key, value, time, seq FROM run_metrics WHERE {where}"
                  " QUALIFY row_number() OVER (PARTITION BY key, step ORDER BY seq DESC) = 1")
        if not max_points and not last:
            return self.db.query_dicts(f"SELECT step, key, value, time FROM ({newest}) ORDER BY step, seq", params)
        kept = []
        if max_points:
            kept.append("n <= ? OR (i - 1) % ceil(n / ?) = 0 OR i = n")
            params += [int(max_points), int(max_points)]
        if last:
            kept.append("i > n - ?")
            params.append(int(last))
        return self.db.query_dicts(
            "SELECT step, key, value, time FROM (SELECT step, key, value, time, seq,"
            " row_number() OVER (PARTITION BY key ORDER BY step, seq) AS i, count(*) OVER (PARTITION BY key) AS n"
            f" FROM ({newest})) WHERE " + " AND ".join(f"({k})" for k in kept)
            + " ORDER BY step, seq", params)

    def metric_keys(self, run_id: str) -> list[str]:
        rows = self.db.query("SELECT DISTINCT key FROM run_metrics WHERE run_id = ? ORDER BY key", [run_id])
        return [r[0] for r in rows]

    def logs(self, run_id: str, tail: int = 200) -> list[dict]:
        """The last ``tail`` log lines of a run, oldest first."""
        rows = self.db.query_dicts(
            "SELECT seq, time, level, message FROM run_logs WHERE run_id = ? ORDER BY seq DESC LIMIT ?",
            [run_id, tail],
        )
        return rows[::-1]

    # --- ingestion state, inside the ingest transaction -------------------------------------------
    def events_offset(self, cur: duckdb.DuckDBPyConnection, run_id: str) -> int:
        """The byte of ``events.jsonl`` the next ingest reads from (inside the ingest transaction)."""
        return cur.execute("SELECT events_offset FROM runs WHERE id = ?", [run_id]).fetchone()[0]

    def set_events_offset(self, cur: duckdb.DuckDBPyConnection, run_id: str, offset: int) -> None:
        """Record how far ``events.jsonl`` has been ingested (inside the ingest transaction)."""
        cur.execute("UPDATE runs SET events_offset = ? WHERE id = ?", [offset, run_id])

    def ingest_state(self, cur: duckdb.DuckDBPyConnection, run_id: str) -> IngestState:
        """The run's :class:`IngestState` (a fresh one before its first ingestion)."""
        names = [f.name for f in fields(IngestState)]
        row = cur.execute(f"SELECT {', '.join(names)} FROM run_ingest WHERE run_id = ?", [run_id]).fetchone()
        if row:
            return IngestState(**dict(zip(names, row, strict=True)))
        # a run ingested before this state was kept: its stored rows already use seqs up to here
        stored = cur.execute("SELECT greatest((SELECT coalesce(max(seq), 0) FROM run_metrics WHERE run_id = ?),"
                             " (SELECT coalesce(max(seq), 0) FROM run_logs WHERE run_id = ?))",
                             [run_id, run_id]).fetchone()[0]
        return IngestState(max_seq=int(stored))

    def save_ingest_state(self, cur: duckdb.DuckDBPyConnection, run_id: str, state: IngestState) -> None:
        """Write the run's :class:`IngestState`."""
        values = asdict(state)
        cur.execute(
            f"INSERT OR REPLACE INTO run_ingest (run_id, {', '.join(values)})"
            f" VALUES (?, {', '.join('?' * len(values))})", [run_id, *values.values()],
        )

    def known_digests(self, cur: duckdb.DuckDBPyConnection, run_id: str, digests: list[str]) -> set[str]:
        """Which of ``digests`` (event contents) were already ingested for the run."""
        if not digests:
            return set()
        rows = cur.execute("SELECT digest FROM run_event_digests WHERE run_id = ? AND digest IN"
                           " (SELECT unnest(?::VARCHAR[]))", [run_id, digests]).fetchall()
        return {r[0] for r in rows}

    def add_digests(self, cur: duckdb.DuckDBPyConnection, run_id: str, digests: list[str]) -> None:
        """Remember event contents as ingested."""
        if digests:
            cur.execute("INSERT OR IGNORE INTO run_event_digests SELECT ?, unnest(?::VARCHAR[])", [run_id, digests])

    def ingest_report(self, run_id: str) -> dict[str, Any]:
        """What ingestion saw for a run: corrupt lines skipped, duplicates skipped, resets and notes (for the run's
        page and ``jobs show``)."""
        rows = self.db.query_dicts(
            "SELECT bad_lines, duplicates, resets, notes FROM run_ingest WHERE run_id = ?", [run_id])
        report = rows[0] if rows else {"bad_lines": 0, "duplicates": 0, "resets": 0, "notes": ""}
        report["notes"] = report["notes"].splitlines() if report["notes"] else []
        return report

    def add_rows(self, cur: duckdb.DuckDBPyConnection, run_id: str, rows: EventRows) -> None:
        """Insert gathered metric values and log lines in one statement each (idempotent by (run, seq)): one
        ``INSERT`` per value took ~2 ms, so a long run's backlog held the store for minutes."""
        if rows.metrics:
            seqs, steps, keys, values, times = (list(column) for column in zip(*rows.metrics, strict=True))
            cur.execute(
                "INSERT OR IGNORE INTO run_metrics (run_id, seq, step, key, value, time) SELECT ?, unnest(?::BIGINT[]),"
                " unnest(?::BIGINT[]), unnest(?::VARCHAR[]), unnest(?::DOUBLE[]), unnest(?::TIMESTAMP[])",
                [run_id, seqs, steps, keys, values, times])
        if rows.logs:
            seqs, times, levels, messages = (list(column) for column in zip(*rows.logs, strict=True))
            cur.execute(
                "INSERT OR IGNORE INTO run_logs (run_id, seq, time, level, message) SELECT ?, unnest(?::BIGINT[]),"
                " unnest(?::TIMESTAMP[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                [run_id, seqs, times, levels, messages])
        rows.metrics.clear()
        rows.logs.clear()

    # --- ingestion of one event, inside the ingest transaction -----------------------------------
    def apply_event(self, cur: duckdb.DuckDBPyConnection, run_id: str, event: dict,
                    rows: EventRows | None = None) -> None:
        """Fold one event into the run's rows (idempotent by (run, seq)). Metric values and log lines go into
        ``rows`` when given, for :meth:`add_rows` to insert all at once."""
        seq, when, type_ = int(event["seq"]), from_unix(float(event.get("time", 0))), event["type"]
        pending = rows if rows is not None else EventRows()
        if type_ == "metric":
            step = int(event.get("step", 0))
            for key, value in (event.get("values") or {}).items():
                pending.metrics.append((seq, step, key, value, when))
        elif type_ == "log":
            pending.logs.append((seq, when, event.get("level", "info"), str(event.get("message", ""))))
        if rows is None:
            self.add_rows(cur, run_id, pending)
        if type_ in ("metric", "log"):
            return
        if type_ == "progress":
            cur.execute(
                "UPDATE runs SET progress_done = ?, progress_total = ?, progress_unit = ?, eta_seconds = ?,"
                " message = coalesce(nullif(?, ''), message), heartbeat_at = greatest(heartbeat_at, ?)"
                " WHERE id = ?",
                [event.get("done"), event.get("total"), event.get("unit"), event.get("eta_s"),
                 event.get("message", ""), when, run_id],
            )
        elif type_ == "heartbeat":
            # a beat from before the run's last launch is the previous process's: an events.jsonl read again from
            # its start (a workspace restored from a copy: new inodes) put heartbeat_at back to the old run's last
            # beat, and the live resumed job was killed as silent
            cur.execute("UPDATE runs SET heartbeat_at = greatest(coalesce(heartbeat_at, ?), ?) WHERE id = ?"
                        " AND (launched_at IS NULL OR launched_at <= ?)",
                        [when, when, run_id, when])
        elif type_ == "status":
            status = event.get("status")
            if status == "running":
                cur.execute(
                    "UPDATE runs SET status = 'running', started_at = coalesce(started_at, ?),"
                    " heartbeat_at = greatest(coalesce(heartbeat_at, ?), ?) WHERE id = ?",
                    [when, when, when, run_id],
                )
            elif status in ("succeeded", "failed", "cancelled"):
                self.mark_final(cur, run_id, status, event.get("error"), when)
