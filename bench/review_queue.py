"""Benchmark: a linguist working through a review queue in the real studio — from clicking *Submit judgement* to
the confirmation, and the server's CPU for each judgement.

The journey of ``tests/e2e/test_two_linguists.py`` for one linguist, timed: a fresh workspace holds a queue of
``--items`` sources whose candidates are already attached (nothing is sampled), the studio runs as its own process
(``python -m studio``), and headless Chromium (Debian's, driven by Playwright) signs in, clicks *Next item* once, then
for every item ticks "the order shown is right" and clicks *Submit judgement* (double-clicks every other one) — each
wait on the page's state. Every judgement is one script run of the *Review queue* tab's fragment: the submit
button's callback stores it, and the run confirms it and shows the next item (two runs before 2026-12-03's
afternoon: the submit, then a rerun to confirm it).

Variants, interleaved per round in a rotating order so that they see the same machine load:

``studio``
    the studio as it ships: the libraries' objects frozen out of the garbage collector's walk once imported
    (:mod:`studio.gc_freeze`), so Streamlit's collection after each script run walks only what the pages made;
``unfrozen``
    the same studio with ``TARJAMA_GC_FREEZE=0``: Streamlit's own behaviour, a full collection over every object
    of torch, transformers, pandas and the engine after each script run (the baseline).

``--against REF``
    adds the studio at git commit ``REF`` (a branch, a tag, ``HEAD~1``), checked out into a temporary worktree and
    started from there with the same environment, Python and model: a change to the pages, measured against the
    code before it in the same run. Only the studio's code differs; the journey and its waits are this checkout's
    (so ``REF`` needs a Review queue that hands the next item with each confirmation: commits from 2026-12-03 on).

Reported per variant (medians over rounds): the journey's wall time, the median and 90th-percentile latency from
the submit click to the confirmation, the server process's CPU seconds per judgement (user + system; what a
judgement costs whatever else the machine does) and its resident memory at the end (frozen objects are never
collected: this shows what that costs), with the ratios of every other variant over ``studio``. Results:
``bench/results/review_queue.json`` (``--name`` for another file), with the load average at the start and end of
each run.

    python -m bench.review_queue [--items 30] [--rounds 2] [--variants studio,unfrozen] [--against REF]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.common import timing_summary, write_results

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {"studio": {}, "unfrozen": {"TARJAMA_GC_FREEZE": "0"}}
"""Each variant's additions to the studio process's environment."""


async def _journey(url: str, items: int) -> dict:
    from playwright.async_api import async_playwright, expect

    from tests.e2e.conftest import APP_WAIT_MS, CHROMIUM, CHROMIUM_ARGS
    from tests.e2e.test_two_linguists import judge_queue

    expect.set_options(timeout=APP_WAIT_MS)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = await browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
            page = await context.new_page()
            return await judge_queue(page, url, "Amina", asyncio.Barrier(1), n_items=items)
        finally:
            await browser.close()


@contextlib.contextmanager
def checkout_of(ref: str) -> Iterator[Path]:
    """This repository at commit ``ref`` in a temporary git worktree (detached), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="tarjama-at-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), ref], check=True)
        try:
            yield tree
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


def run_once(variant: str, items: int, policy: Path, root: Path = ROOT) -> dict:
    """One journey of ``items`` judgements on a fresh workspace with the studio started as ``variant`` (its
    environment from :data:`VARIANTS`, none for a variant not there) from the checkout ``root``."""
    import psutil

    from studio.running import RunningStudio
    from tests.e2e.test_two_linguists import seed_queue

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "workspace"
        seed_queue(home, policy, n_items=items)
        server = RunningStudio(home, env=VARIANTS.get(variant, {}), log_path=Path(tmp) / "studio.log", root=root)
        try:
            process = psutil.Process(server.proc.pid)
            load_start = os.getloadavg()
            cpu_start = sum(process.cpu_times()[:2])
            started = time.monotonic()
            result = asyncio.run(_journey(server.url, items))
            wall = time.monotonic() - started
            cpu = sum(process.cpu_times()[:2]) - cpu_start
            rss_mib = process.memory_info().rss / 2**20
            load_end = os.getloadavg()
        finally:
            server.stop()
    latencies = timing_summary(result["latencies"])
    if len(result["done"]) != items:
        raise RuntimeError(f"{variant}: {len(result['done'])} of {items} judgements confirmed")
    return {"variant": variant, "wall_s": round(wall, 2),
            "submit_to_saved_median_s": latencies["median_s"], "submit_to_saved_p90_s": latencies["p90_s"],
            "server_cpu_s_per_judgement": round(cpu / items, 3), "server_rss_mib_at_end": round(rss_mib, 1),
            "load_avg_at_start": [round(x, 2) for x in load_start], "load_avg_at_end": [round(x, 2) for x in load_end]}


def main() -> None:
    """Run every variant ``--rounds`` times, interleaved; print and write the medians and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=30, help="judgements per journey")
    parser.add_argument("--rounds", type=int, default=2, help="journeys per variant (interleaved)")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help=f"which of {', '.join(VARIANTS)} to run, comma-separated (studio is always run)")
    parser.add_argument("--against", metavar="REF", help="also run the studio at this git commit (see above)")
    parser.add_argument("--name", default="review_queue", help="results file: bench/results/NAME.json")
    parser.add_argument("--model", default=str(ROOT / "data" / "demo" / "model"),
                        help="the policy registered in the workspace (nothing is sampled with it)")
    args = parser.parse_args()
    asked = [v.strip() for v in args.variants.split(",") if v.strip()]
    if unknown := [v for v in asked if v not in VARIANTS]:
        parser.error(f"unknown variant(s) {', '.join(unknown)}: choose among {', '.join(VARIANTS)}")
    names = ["studio", *(v for v in asked if v != "studio")]
    with contextlib.ExitStack() as stack:
        roots = {name: ROOT for name in names}
        commit = None
        if args.against:
            commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.against],
                                    capture_output=True, text=True, check=True).stdout.strip()
            label = f"at {commit}"
            roots[label] = stack.enter_context(checkout_of(args.against))
            names.append(label)
        runs: list[dict] = []
        for r in range(args.rounds):
            for variant in names[r % len(names):] + names[:r % len(names)]:
                run = run_once(variant, args.items, Path(args.model), roots[variant])
                runs.append(run)
                print(f"  round {r + 1} {variant}: {run['wall_s']} s, submit→saved median "
                      f"{run['submit_to_saved_median_s']} s, server CPU {run['server_cpu_s_per_judgement']} s a "
                      f"judgement (load {run['load_avg_at_start'][0]:.1f})", flush=True)
    summary = {}
    for variant in names:
        mine = [run for run in runs if run["variant"] == variant]
        summary[variant] = {key: round(statistics.median(run[key] for run in mine), 3) for key in (
            "wall_s", "submit_to_saved_median_s", "submit_to_saved_p90_s", "server_cpu_s_per_judgement",
            "server_rss_mib_at_end")}
    over_studio = {variant: {key: round(summary[variant][key] / summary["studio"][key], 2)
                             for key in summary["studio"]} for variant in names[1:]}
    print(f"review queue, {args.items} judgements: {summary}; over studio: {over_studio}")
    path = write_results(args.name, {"items": args.items, "rounds": args.rounds, "model": args.model,
                                     "against": commit, "variants": summary, "over_studio": over_studio,
                                     "runs": runs})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
