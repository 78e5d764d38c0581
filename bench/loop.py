"""What the demo-loop benchmarks share: running jobs through the studio, evaluating models, paired comparisons,
simulated linguists, and the test sets (demo test split, its per-domain parts, FLORES dev, Tatoeba 500)."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.common import SHARED_CORPORA

TIMEOUT_S = 4 * 3600


def log(message: str) -> None:
    """A timestamped progress line."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def r(x: Any, nd: int = 4) -> Any:
    """``x`` rounded when it is a float."""
    return round(x, nd) if isinstance(x, float) else x


def open_copy(source: str | Path, copy: str | Path) -> Path:
    """Work in a copy of a finished benchmark workspace (made once; the original is left as it was): the copy's
    folder, set as the studio's home, with the hub offline unless the caller said otherwise."""
    import os
    import shutil

    copy = Path(copy)
    if not copy.exists():
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("*.lock", "*.wal"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ["TARJAMA_HOME"] = str(copy)
    return copy


@contextmanager
def studio_on_copy(source: str | Path, copy: str | Path, path: Path, benchmark: str,
                   **fields: Any) -> Iterator[tuple[Any, Path, dict]]:
    """A benchmark's run on a copy of a finished workspace (:func:`open_copy`): yields the studio open on the copy,
    the copy's folder and the results so far (``benchmark``, ``from``, ``workspace``, ``fields``, the load at the
    start); on leaving, however it is left, closes the studio and writes the results to ``path``
    (:func:`finish_results`)."""
    import os

    from engine.services import Services
    from engine.workspace import Workspace

    ws = open_copy(source, copy)
    results: dict[str, Any] = {"benchmark": benchmark, "from": source, "workspace": str(ws), **fields,
                               "load_start": [r(x, 2) for x in os.getloadavg()]}
    t0 = time.perf_counter()
    studio = Services.open(Workspace(ws))
    try:
        yield studio, ws, results
    finally:
        studio.close()
        finish_results(path, results, t0)


def run_job(studio, kind: str, config: Any, title: str = "") -> dict:
    """Start a job through the studio's supervisor, wait for it, and describe it (status, wall time, error)."""
    t0 = time.perf_counter()
    run_id = studio.supervisor.start(kind, config, title=title)
    log(f"{kind}: started {run_id}")
    return wait_run(studio, run_id, t0)


def wait_run(studio, run_id: str, t0: float | None = None) -> dict:
    """Wait for a started run (logging its progress each minute) and describe it; ``t0``: when it was started
    (``time.perf_counter``), for its wall time."""
    t0 = time.perf_counter() if t0 is None else t0
    status = None
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            status = studio.supervisor.wait(run_id, timeout_s=60, poll_s=0.5)
            break
        except TimeoutError:
            run = studio.store.runs.get(run_id)
            log(f"  {run_id}: {run['status']} {run['progress_done']}/{run['progress_total']} "
                f"{run['progress_unit'] or ''} · {run['message'] or ''}")
    if status is None:
        status = f"timed out ({studio.supervisor.cancel_and_wait(run_id, timeout_s=60)})"
    return describe_run(studio, run_id, time.perf_counter() - t0, status)


def describe_run(studio, run_id: str, wall: float, status: str) -> dict:
    """Status, wall time and (on failure) the error and the log's tail of one run."""
    run = studio.store.runs.get(run_id)
    out = {"run_id": run_id, "status": status, "wall_s": round(wall, 1)}
    log(f"  {run_id}: {status} in {wall:.0f} s")
    if status != "succeeded":
        out["error"] = run.get("error")
        stdout = Path(run["run_dir"]) / "stdout.log"
        tail = stdout.read_text(errors="replace").splitlines()[-60:] if stdout.exists() else []
        out["stdout_tail"] = "\n".join(tail)
        log(f"  error: {run.get('error')}\n" + "\n".join(tail[-30:]))
    return out


class StageFailed(RuntimeError):
    """A job did not succeed (its description is in the results)."""


def require(run: dict, what: str) -> None:
    """Raise :class:`StageFailed` unless the run succeeded."""
    if run["status"] != "succeeded":
        raise StageFailed(f"{what} run {run['run_id']} ended {run['status']}: {run.get('error')}")


def wait_pipeline(studio, pipeline_id: int) -> dict:
    """Advance a pipeline with the studio's own runner until it ends; its steps with their runs' wall times."""
    t0 = time.perf_counter()
    last = ""
    while True:
        studio.tick()
        pipeline = studio.store.pipelines.get(pipeline_id)
        state = " → ".join(f"{s['name']}:{s['status']}" for s in pipeline["steps"])
        if state != last:
            log(f"  pipeline {pipeline_id}: {state}")
            last = state
        if pipeline["status"] != "running":
            break
        time.sleep(1.0)
    steps = []
    for s in pipeline["steps"]:
        run = studio.store.runs.get(s["run_id"]) if s["run_id"] else None
        wall = None
        if run and run.get("started_at") and run.get("finished_at"):
            wall = round((run["finished_at"] - run["started_at"]).total_seconds(), 1)
        steps.append({"name": s["name"], "status": s["status"], "run_id": s["run_id"], "run_wall_s": wall})
    return {"id": pipeline_id, "status": pipeline["status"], "error": pipeline["error"],
            "wall_s": round(time.perf_counter() - t0, 1), "steps": steps}


def model_of_run(studio, run_id: str) -> dict | None:
    """The model a run registered (the newest), if any."""
    rows = studio.store.models.by_run(run_id) if run_id else []
    return rows[0] if rows else None


def metrics_of(studio, run_id: str) -> dict[str, list[tuple[int, float]]]:
    """A run's logged metrics as series."""
    from engine.rl.alarms import series_from_rows

    return series_from_rows(studio.store.runs.metrics(run_id))


# --- test sets ------------------------------------------------------------------------------------------
def read_tsv(path: Path) -> list[tuple[str, str]]:
    """(source, target) rows of a two-column TSV file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
            rows.append((parts[0].strip(), parts[1].strip()))
    return rows


def demo_domains() -> dict[tuple[str, str], str]:
    """``{(pair, source): domain}`` of the demo corpus, from its generator (the files carry no domain)."""
    from engine.demo.corpus.build import all_rows

    rows, _ = all_rows()
    return {(row.pair, row.source): row.domain.split(":")[0] for row in rows}


def add_testset(studio, name: str, rows: list[dict]) -> str:
    """Store ``rows`` (``source, reference, pair``) as an uploaded test set; its id."""
    return studio.store.evaluations.add_testset(name, "upload", rows)


def domain_testsets(studio, domain: str, split: str = "test") -> dict[str, tuple[str, int]]:
    """The demo ``split``'s sentences of ``domain`` and the rest, as uploaded test sets (reused when the workspace
    has them by name): ``{"feedback_domain": (id, n), "rest": (id, n)}``."""
    from engine.demo import read_demo_split

    have = {t["name"]: t["id"] for t in studio.store.evaluations.testsets()}
    domains = demo_domains()
    rows = [{"source": s, "reference": t, "pair": pair} for pair in ("en-ar", "fr-ar")
            for s, t in read_demo_split(pair, split)]
    out = {}
    for part, keep in ((domain, True), ("rest", False)):
        name = f"demo {split} · {part}"
        subset = [row for row in rows if (domains.get((row["pair"], row["source"])) == domain) == keep]
        out["feedback_domain" if keep else "rest"] = (have.get(name) or add_testset(studio, name, subset), len(subset))
    return out


def shared_testsets(studio, flores: int = 400) -> dict[str, str]:
    """The held-out test sets from ../shared/corpora as uploaded test sets: ``{name: testset id}``.

    FLORES-200 dev EN→AR and FR→AR (first ``flores`` lines) and a seeded random 500 (seed 0) of the ManyThings /
    Tatoeba EN→AR pairs.
    """
    out = {}
    many = SHARED_CORPORA / "manythings_eng_ara" / "eng-ara.tsv"
    if many.exists():
        rows = random.Random(0).sample(read_tsv(many), 500)
        out["tatoeba-500 en-ar"] = add_testset(studio, "tatoeba-500 en-ar",
                                               [{"source": s, "reference": t, "pair": "en-ar"} for s, t in rows])
    for name, file, pair in (("flores-dev en-ar", "flores200/eng-ara.dev.tsv", "en-ar"),
                             ("flores-dev fr-ar", "flores200/fra-ara.dev.tsv", "fr-ar")):
        path = SHARED_CORPORA / file
        if path.exists():
            rows = read_tsv(path)[:flores]
            out[name] = add_testset(studio, name, [{"source": s, "reference": t, "pair": pair} for s, t in rows])
    return out


def evaluate(studio, models: list[str], *, corpus_ids: list[int] | None = None, testset: str = "",
             split: str = "test", max_new_tokens: int = 48, **decoding: Any) -> dict[str, str]:
    """Evaluation (chrF, BLEU, TER, checks) of ``models`` through the evaluate job: ``{model: eval key}``. Greedy
    unless ``decoding`` sets other evaluate settings (e.g. ``best_of_n=16, best_of_n_pick="mbr"``)."""
    from engine.jobs.evaluate import EvaluateConfig, read_plan

    config = EvaluateConfig(**{"models": list(models), "corpus_ids": list(corpus_ids or []), "split": split,
                               "testset": testset, "decoding": "greedy", "metrics": ["chrf", "bleu", "ter"],
                               "max_new_tokens": max_new_tokens, "batch_size": 64, **decoding})
    run = run_job(studio, "evaluate", config)
    require(run, "evaluate")
    # the keys the studio planned for this run (a cached evaluation keeps its key and is not touched by the run)
    plan = read_plan(Path(studio.store.runs.get(run["run_id"])["run_dir"]) / "inputs")
    return {system.model: system.key for system in plan.systems}


def paired(studio, base_key: str, other_key: str, n_resamples: int = 1000) -> dict:
    """The Compare page's comparison of two evaluations: corpus chrF/BLEU of each, delta with interval and p
    (paired bootstrap on corpus statistics), and the degenerate-output rates."""
    from engine.compare.comparison import CompareSettings, build_comparison

    comparison = build_comparison(studio.store, [base_key, other_key], CompareSettings(n_resamples=n_resamples))
    out: dict[str, Any] = {"n": len(comparison.sentences)}
    for metric in ("chrf", "bleu"):
        pair = next(p for p in comparison.pairs if p["metric"] == metric and p["level"] == "corpus")
        sign = 1.0 if pair["key_b"] == other_key else -1.0
        out[metric] = {"base": r(pair["mean_a"] if sign > 0 else pair["mean_b"], 2),
                       "new": r(pair["mean_b"] if sign > 0 else pair["mean_a"], 2),
                       "gain": r(sign * pair["delta"], 2), "ci": sorted([r(sign * pair["low"], 2),
                                                                         r(sign * pair["high"], 2)]),
                       "p_value": r(pair["p"], 4)}
    for key, label in ((base_key, "base"), (other_key, "new")):
        row = comparison.summary_row(key, "hallucination", "sentence")
        out.setdefault("degenerate_rate", {})[label] = r(row["value"], 4) if row else None
    return out


def finish_results(path: Path, results: dict, t0: float) -> None:
    """Stamp a benchmark's results with its wall time since ``t0`` (``time.perf_counter``), the load at its end
    and the time, and write them to ``path``."""
    import os

    results["wall_s"] = round(time.perf_counter() - t0, 1)
    results["load_end"] = [r(x, 2) for x in os.getloadavg()]
    results["when_utc"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    write_json(path, results)
    log(f"results in {path}")


def write_json(path: Path, data: dict) -> None:
    """Write ``data`` as indented JSON."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
