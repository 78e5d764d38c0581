"""Shared benchmark plumbing: run a measurement in a fresh process (for an honest peak memory), write results."""

from __future__ import annotations

import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def measure_in_subprocess(module: str, variant: str, *args: str) -> dict:
    """Run ``python -m MODULE --variant VARIANT ARGS`` and return its JSON result plus its peak RSS (MiB)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", module, "--variant", variant, *args], capture_output=True,
                          text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{module} {variant} failed:\n{proc.stdout}\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_wall_s"] = round(wall, 3)
    return result


def timing_summary(values: list[float]) -> dict:
    """Median, mean, min, max and 90th percentile (the value below which 90 % of the sorted values fall) of a list
    of durations in seconds, rounded to the millisecond."""
    ordered = sorted(values)
    return {"median_s": round(statistics.median(ordered), 3), "mean_s": round(statistics.fmean(ordered), 3),
            "min_s": round(ordered[0], 3), "max_s": round(ordered[-1], 3),
            "p90_s": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 3)}


def peak_rss_mib() -> float:
    """This process's peak resident memory, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_results(name: str, results: dict) -> Path:
    """Write ``bench/results/<name>.json`` with the machine it ran on."""
    RESULTS.mkdir(exist_ok=True)
    results = {"benchmark": name, "when_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
               "machine": {"python": platform.python_version(), "cpus": _cpus(), "platform": platform.platform()},
               **results}
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return path


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))
