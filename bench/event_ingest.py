"""Benchmark: the studio reading a long run's event log into the store (``engine.jobs.ingest.ingest_run``).

A run writes ``--steps`` metric events of 15 values (a PPO step's) and a log line every 10 steps through the jobs'
own :class:`~engine.jobs.events.EventWriter`; the studio then ingests the whole backlog at once — what happens when
it starts again while a long run went on, or after ``jobs resume`` from the command line. The studio gathers an event
batch's metric values and log lines and inserts them with one statement each. The baseline, measured in the same
run on a copy of the same events, is what ingest did before: one ``INSERT`` per value and per log line, in one
transaction. Rounds alternate the two; medians are reported with the ratio baseline / studio, and the load average.

    python -m bench.event_ingest [--steps 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import write_results

KEYS = tuple(f"ppo/metric_{k:02d}" for k in range(15))


def write_events(run_dir: Path, steps: int) -> int:
    """The run's event log: ``steps`` metric events of 15 values, a log line every 10 steps; returns the rows."""
    from engine.jobs.events import EventWriter

    writer = EventWriter(run_dir)
    try:
        writer.emit("status", status="running")
        for step in range(1, steps + 1):
            writer.emit("metric", step=step, values={k: 1.0 / (step + i) for i, k in enumerate(KEYS)})
            if step % 10 == 0:
                writer.emit("log", level="info", message=f"step {step}")
    finally:
        writer.close()
    return steps * len(KEYS) + steps // 10


def per_value_ingest(store, run_id: str, run_dir: Path) -> None:
    """The baseline: every event applied with one INSERT per metric value or log line (ingest before batching)."""
    from engine.jobs.events import read_events
    from engine.store.clock import from_unix

    events = read_events(run_dir, 0, -1).events
    with store.db.transaction() as cur:
        for event in events:
            when = from_unix(float(event.get("time", 0)))
            if event["type"] == "metric":
                for key, value in event["values"].items():
                    cur.execute("INSERT OR IGNORE INTO run_metrics (run_id, seq, step, key, value, time)"
                                " VALUES (?, ?, ?, ?, ?, ?)", [run_id, event["seq"], event["step"], key, value, when])
            elif event["type"] == "log":
                cur.execute("INSERT OR IGNORE INTO run_logs (run_id, seq, time, level, message)"
                            " VALUES (?, ?, ?, ?, ?)", [run_id, event["seq"], when, event["level"], event["message"]])


def one_round(base: Path, template: Path, variant: str, index: int, expected: tuple[int, int]) -> float:
    """Seconds to ingest the template run's events into a fresh store, the studio's way or the baseline's."""
    from engine.jobs.ingest import ingest_run
    from engine.store import Store

    root = base / f"{variant}-{index}"
    run_dir = root / "runs" / "r1"
    shutil.copytree(template, run_dir)
    store = Store(root / "studio.duckdb")
    try:
        store.runs.create("r1", "ppo", "long run", {}, str(run_dir))
        start = time.perf_counter()
        if variant == "studio":
            ingest_run(store, "r1")
        else:
            per_value_ingest(store, "r1", run_dir)
        seconds = time.perf_counter() - start
        metrics = store.db.query("SELECT count(*) FROM run_metrics WHERE run_id = 'r1'")[0][0]
        logs = store.db.query("SELECT count(*) FROM run_logs WHERE run_id = 'r1'")[0][0]
        assert (metrics, logs) == expected, f"{variant}: {metrics} metric values and {logs} log lines stored"
    finally:
        store.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        template = base / "template"
        template.mkdir()
        rows = write_events(template, args.steps)
        times: dict[str, list[float]] = {"studio": [], "per_value": []}
        for index in range(args.rounds):
            order = ("studio", "per_value") if index % 2 == 0 else ("per_value", "studio")
            for variant in order:
                times[variant].append(one_round(base, template, variant, index,
                                                (args.steps * len(KEYS), args.steps // 10)))
    studio, baseline = statistics.median(times["studio"]), statistics.median(times["per_value"])
    results = {
        "steps": args.steps, "rows": rows, "rounds": args.rounds,
        "studio_s": round(studio, 3), "per_value_s": round(baseline, 3),
        "studio_ms_per_row": round(1000 * studio / rows, 4), "per_value_ms_per_row": round(1000 * baseline / rows, 4),
        "ratio_per_value_over_studio": round(baseline / studio, 1),
        "times_s": {k: [round(v, 3) for v in vs] for k, vs in times.items()},
        "load_avg_at_start": [round(x, 2) for x in load_start],
        "load_avg_at_end": [round(x, 2) for x in os.getloadavg()],
    }
    path = write_results("event_ingest", results)
    print(f"{rows} rows: studio {studio:.2f} s, one INSERT per value {baseline:.2f} s "
          f"(×{baseline / studio:.1f}); load {results['load_avg_at_start']} → {results['load_avg_at_end']}; {path}")


if __name__ == "__main__":
    main()
