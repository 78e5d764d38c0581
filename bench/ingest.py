"""Benchmark: ingest 1,000,000 pairs (resampled from ../shared/corpora) — the studio's path vs a pandas baseline.

Both read the same TSV bytes, check every row (empty sides, Arabic-script target), remove exact and normalised
duplicates, assign splits and end with the rows in a DuckDB table. Each variant runs in a fresh process so
its peak memory is its own. Then the corpus browser's first render is timed with those rows in the store:
the queries it makes, and the whole Data page through Streamlit's AppTest.

Last, the Data page in a real browser: a corpus of exactly ``--rows`` segments (all distinct) is stored through the
studio's store, the studio is started for real (``python -m studio``) and driven in headless Chromium through
Playwright, as the browser tests do. After a warm-up load and search, each round opens the page in a new tab of a
browser that has loaded the studio before (a new studio session; first render: from navigation to the end of the
page's script run with the corpus browser drawn — rows, length histogram, last expander), searches it there (from
Enter to the new count on screen, a new word each round, so no answer comes from a cache), and opens the page once
more in a browser that never loaded the studio (``first_render_cold_browser``). The baseline is the same page on a
store of 1,000 segments, measured in the same rounds (alternating); the targets are 1.5 s and 1 s (medians).
``--only page`` measures just that and updates its part of ``bench/results/ingest.json``.

    python -m bench.ingest [--rows 1000000] [--only page] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import RESULTS, SHARED_CORPORA, measure_in_subprocess, peak_rss_mib, write_results
from studio.running import RunningStudio

SOURCES = ["manythings_eng_ara/eng-ara.tsv", "ntrex128/eng-ara.tsv", "flores200/eng-ara.dev.tsv"]
ROOT = Path(__file__).resolve().parents[1]
PAGE_TARGETS_S = {"first_render": 1.5, "search": 1.0}
"""The Data page's targets with 1,000,000 segments stored, the server warm (issue 19, item 8)."""
BASELINE_SEGMENTS = 1_000
SEARCH_WORDS = ("station", "water", "book", "الماء", "city", "morning", "يوم", "children", "house", "time")
"""One new search per round (a repeated word could be answered from a cache), the same in both stores."""


def _source_pairs() -> list[tuple[str, str]]:
    pairs = []
    for name in SOURCES:
        for line in (SHARED_CORPORA / name).read_text(encoding="utf-8").splitlines():
            src, tgt = line.split("\t")[:2]
            pairs.append((src, tgt))
    return pairs


def build_tsv(path: Path, rows: int, seed: int = 0) -> None:
    """``rows`` lines resampled with replacement; half get a numbered variant so ~50% are unique pairs."""
    pairs = _source_pairs()
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(rows):
            src, tgt = pairs[rng.randrange(len(pairs))]
            if rng.random() < 0.5:
                src, tgt = f"{src} ({i})", f"{tgt} ({i})"
            fh.write(f"{src}\t{tgt}\n")


def run_studio(tsv: Path, db: Path) -> dict:
    from engine.corpora import PrepareOptions, prepare_corpus
    from engine.store import Store

    data = tsv.read_bytes()
    t0 = time.perf_counter()
    prepared = prepare_corpus(data, PrepareOptions(format="tsv", pair="en-ar", skip_invalid_rows=True,
                                                   max_bytes=1 << 31))
    t1 = time.perf_counter()
    store = Store(db)
    store.corpora.add("bench", "en-ar", prepared.table, report=prepared.report())
    t2 = time.perf_counter()
    return {"seconds": round(t2 - t0, 3), "prepare_s": round(t1 - t0, 3), "store_s": round(t2 - t1, 3),
            "rows_stored": prepared.n_rows, "rows_rejected": len(prepared.errors),
            "exact_duplicates": prepared.n_exact_duplicates,
            "normalised_duplicates": prepared.n_normalised_duplicates, "peak_rss_mib": round(peak_rss_mib(), 1)}


def run_pandas(tsv: Path, db: Path) -> dict:
    """What one would write with pandas: read_csv, vectorised checks, drop_duplicates, sample splits, to DuckDB."""
    import csv

    import duckdb
    import numpy as np
    import pandas as pd

    t0 = time.perf_counter()
    df = pd.read_csv(tsv, sep="\t", header=None, names=["source", "target"], quoting=csv.QUOTE_NONE,
                     dtype=str, keep_default_na=False, on_bad_lines="skip")
    df["source"], df["target"] = df["source"].str.strip(), df["target"].str.strip()
    ok = (df["source"] != "") & (df["target"] != "")
    letters = df["target"].str.count(r"[^\W\d_]")
    arabic = df["target"].str.count("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
    ok &= arabic * 2 >= letters
    df = df[ok]
    n_exact = int(df.duplicated(["source", "target"]).sum())
    df = df.drop_duplicates(["source", "target"])
    key = (df["source"].str.normalize("NFKC").str.lower().str.replace(r"\s+", " ", regex=True) + "\n"
           + df["target"].str.normalize("NFKC").str.replace("\u0640", "", regex=False)
           .str.replace("[\u064B-\u0652\u0670]", "", regex=True).str.replace(r"[أإآٱ]", "ا", regex=True)
           .str.replace("ى", "ي", regex=False).str.replace(r"\s+", " ", regex=True))
    df = df.assign(norm_key=key)
    n_norm = int(df.duplicated("norm_key").sum())
    df = df.drop_duplicates("norm_key")
    rng = np.random.default_rng(0)
    df["split"] = rng.choice(["train", "valid", "test"], size=len(df), p=[0.9, 0.05, 0.05])
    t1 = time.perf_counter()
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE segments AS SELECT * FROM df")
    con.close()
    t2 = time.perf_counter()
    return {"seconds": round(t2 - t0, 3), "prepare_s": round(t1 - t0, 3), "store_s": round(t2 - t1, 3),
            "rows_stored": len(df), "exact_duplicates": n_exact, "normalised_duplicates": n_norm,
            "peak_rss_mib": round(peak_rss_mib(), 1)}


def run_browser(db: Path) -> dict:
    """The corpus browser's first render: its queries, then the whole Data page in AppTest."""
    import os

    from engine.store import Store

    store = Store(db)
    corpus_id = store.corpora.by_name("bench")["id"]
    t0 = time.perf_counter()
    store.corpora.list()
    store.corpora.count(corpus_id)
    store.corpora.page(corpus_id, limit=50)
    store.corpora.length_histogram(corpus_id)
    t1 = time.perf_counter()
    store.corpora.count(corpus_id, search="station")
    store.corpora.page(corpus_id, search="station", limit=50)
    t2 = time.perf_counter()
    store.close()

    from streamlit.testing.v1 import AppTest

    os.environ["TARJAMA_HOME"] = str(db.parent)
    app = str(Path(__file__).resolve().parents[1] / "studio" / "app.py")
    at = AppTest.from_file(app, default_timeout=120)
    at.run()
    t3 = time.perf_counter()
    at.switch_page("../pages/data.py")
    at.run()
    t4 = time.perf_counter()
    assert not at.exception, at.exception
    return {"queries_s": round(t1 - t0, 3), "search_s": round(t2 - t1, 3), "data_page_render_s": round(t4 - t3, 3),
            "peak_rss_mib": round(peak_rss_mib(), 1)}


def build_page_store(db: Path, rows: int, seed: int = 0) -> dict:
    """A workspace whose store holds one corpus of exactly ``rows`` distinct segments (every pair numbered), added
    through the studio's store as an upload is; returns the seconds it took to store."""
    import pyarrow as pa

    from engine.store import Store

    pairs = _source_pairs()
    rng = random.Random(seed)
    sources, targets, splits = [], [], []
    for i in range(rows):
        src, tgt = pairs[rng.randrange(len(pairs))]
        sources.append(f"{src} ({i + 1})")
        targets.append(f"{tgt} ({i + 1})")
        r = rng.random()
        splits.append("valid" if r < 0.05 else "test" if r < 0.1 else "train")
    table = pa.table({"line": pa.array(range(1, rows + 1), pa.int64()), "source": sources, "target": targets,
                      "pair": ["en-ar"] * rows, "split": splits,
                      "norm_key": [f"{s}\n{t}" for s, t in zip(sources, targets, strict=True)]})
    del sources, targets, splits
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(db)
    t0 = time.perf_counter()
    store.corpora.add(f"page-{rows}", "en-ar", table)
    seconds = time.perf_counter() - t0
    store.close()
    return {"segments": rows, "store_s": round(seconds, 3), "db_mib": round(db.stat().st_size / 2**20, 1)}


_PAGE_DONE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testScriptState === 'notRunning' && app.dataset.testConnectionState === 'CONNECTED'
    && !!document.querySelector('table.tarjama-table')
    && !!document.querySelector('svg.tarjama-histogram rect, [data-testid="stPlotlyChart"] .js-plotly-plot .main-svg')
    && [...document.querySelectorAll('summary')].some(e => e.innerText.includes('Delete this corpus'));
}"""
"""The Data page's script run has ended and its corpus browser is drawn: the rows, the length histogram (the SVG
of now, or the Plotly chart of before, so that the old page can be measured too) and the last expander."""
_MATCHING = """() => [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
  .map(e => e.innerText).find(t => / matching segments/.test(t)) || ''"""
_SEARCH_DONE = """(before) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const caption = (""" + _MATCHING + """)();
  return app.dataset.testScriptState === 'notRunning' && caption !== '' && caption !== before;
}"""
"""The search's rerun has ended and the count of matching segments on screen is the new one."""


def _open_data_page(context, url: str) -> tuple[object, float]:
    """A new tab (a new studio session) on the Data page; returns the page and the seconds from navigation to the
    end of the first script run with the corpus browser drawn (in its tab, which shows it without a rerun)."""
    page = context.new_page()
    page.set_default_timeout(300_000)
    t0 = time.perf_counter()
    page.goto(f"{url}/data", wait_until="commit")
    page.wait_for_function(_PAGE_DONE, polling=20)
    return page, time.perf_counter() - t0


def _search(page, word: str) -> tuple[float, str]:
    """Type ``word`` in the browser's search box and press Enter; seconds until the new count is shown."""
    page.get_by_role("tab", name="Browse corpora").click()
    before = page.evaluate(_MATCHING)
    box = page.get_by_label("Search (source or Arabic)")
    box.fill(word)
    t0 = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(_SEARCH_DONE, arg=before, polling=20)
    seconds = time.perf_counter() - t0
    return seconds, page.evaluate(_MATCHING)


def run_page(large: Path, small: Path, rounds: int) -> dict:
    """The Data page in headless Chromium on two studios (``large`` and the ``small`` baseline), alternately."""
    from playwright.sync_api import sync_playwright

    chromium = "/usr/bin/chromium"
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"]
    load_start = os.getloadavg()
    t_start = time.perf_counter()
    studios = {"large": RunningStudio(large.parent), "baseline": RunningStudio(small.parent)}
    server_start_s = round(time.perf_counter() - t_start, 3)
    kinds = ("first_render", "search", "first_render_cold_browser")
    times: dict[str, dict[str, list[float]]] = {n: {k: [] for k in kinds} for n in studios}
    captions: dict[str, list[str]] = {n: [] for n in studios}
    warm_up: dict[str, float] = {}
    viewport = {"viewport": {"width": 1400, "height": 1000}, "locale": "en-GB"}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=args, headless=True)
            contexts = {name: browser.new_context(**viewport) for name in studios}  # a user's browser, one a studio
            for name, studio in studios.items():  # the first load opens the store and imports the page's libraries
                page, seconds = _open_data_page(contexts[name], studio.url)
                _search(page, "warm-up")
                page.close()
                warm_up[name] = round(seconds, 3)
            for r in range(rounds):
                word = SEARCH_WORDS[r % len(SEARCH_WORDS)]
                order = list(studios) if r % 2 == 0 else list(reversed(studios))  # a load change hits both alike
                for name in order:
                    page, first = _open_data_page(contexts[name], studios[name].url)
                    seconds, caption = _search(page, word)
                    page.close()
                    cold = browser.new_context(**viewport)  # a browser that never loaded the studio's scripts
                    _, first_cold = _open_data_page(cold, studios[name].url)
                    cold.close()
                    times[name]["first_render"].append(round(first, 3))
                    times[name]["search"].append(round(seconds, 3))
                    times[name]["first_render_cold_browser"].append(round(first_cold, 3))
                    captions[name].append(f"{word}: {caption}")
            browser.close()
    finally:
        for studio in studios.values():
            studio.stop()
    load_end = os.getloadavg()
    out = {"rounds": rounds, "load_avg_at_start": [round(x, 2) for x in load_start],
           "load_avg_at_end": [round(x, 2) for x in load_end], "server_start_s": server_start_s,
           "cores": len(os.sched_getaffinity(0)),
           "warm_up_first_render_s": warm_up,
           "machine_busy": max(load_start[0], load_end[0]) > len(os.sched_getaffinity(0)) - 0.5}
    for name, measured in times.items():
        out[name] = {k: {"median_s": round(statistics.median(v), 3), "max_s": max(v), "all_s": v}
                     for k, v in measured.items()}
        out[name]["searches"] = captions[name]
    return out


def page_summary(page: dict, large_rows: int) -> dict:
    """Ratios against the baseline store and the targets met (judged on medians)."""
    large, base = page["large"], page["baseline"]
    return {
        "segments_stored": large_rows, "baseline_segments": BASELINE_SEGMENTS,
        "first_render_s": large["first_render"]["median_s"], "search_s": large["search"]["median_s"],
        "first_render_cold_browser_s": large["first_render_cold_browser"]["median_s"],
        "ratio_first_render_over_baseline": round(large["first_render"]["median_s"]
                                                  / base["first_render"]["median_s"], 2),
        "ratio_search_over_baseline": round(large["search"]["median_s"] / base["search"]["median_s"], 2),
        "targets_s": PAGE_TARGETS_S,
        "targets_met": (large["first_render"]["median_s"] <= PAGE_TARGETS_S["first_render"]
                        and large["search"]["median_s"] <= PAGE_TARGETS_S["search"]),
    }


def measure_page(tmp: Path, rows: int, rounds: int) -> dict:
    """Build the two stores, then measure the page in a fresh process."""
    large, small = tmp / "page-large" / "studio.duckdb", tmp / "page-small" / "studio.duckdb"
    stored = {"large": build_page_store(large, rows), "baseline": build_page_store(small, BASELINE_SEGMENTS)}
    page = measure_in_subprocess("bench.ingest", "page", "--db", str(large), "--small-db", str(small),
                                 "--rounds", str(rounds))
    return {**page_summary(page, rows), "stores": stored, **page}


def print_page(page: dict) -> None:
    large, base = page["large"], page["baseline"]
    cores = len(os.sched_getaffinity(0))
    print(f"Data page in Chromium, {page['segments_stored']:,} segments (baseline {page['baseline_segments']:,}), "
          f"median of {page['rounds']} rounds: first render {large['first_render']['median_s']:.2f} s "
          f"(baseline {base['first_render']['median_s']:.2f} s, x{page['ratio_first_render_over_baseline']}), "
          f"search {large['search']['median_s']:.2f} s (baseline {base['search']['median_s']:.2f} s, "
          f"x{page['ratio_search_over_baseline']}); targets {page['targets_s']['first_render']} s / "
          f"{page['targets_s']['search']} s: {'met' if page['targets_met'] else 'NOT met'}; first render in a browser "
          f"that never loaded the studio {page['first_render_cold_browser_s']:.2f} s "
          f"(baseline {base['first_render_cold_browser']['median_s']:.2f} s)")
    print(f"load average: start {page['load_avg_at_start'][0]:.2f}, end {page['load_avg_at_end'][0]:.2f} "
          f"on {cores} cores")
    if max(page["load_avg_at_start"][0], page["load_avg_at_end"][0]) > cores - 0.5:
        print("WARNING: other jobs shared the machine: absolute times are inflated; rerun on a quiet machine")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5, help="browser rounds of the Data page (median kept)")
    parser.add_argument("--only", choices=["page"], help="only the Data page in the browser (updates its part of "
                        "the results file)")
    parser.add_argument("--variant", choices=["studio", "pandas", "browser", "page"])
    parser.add_argument("--tsv")
    parser.add_argument("--db")
    parser.add_argument("--small-db")
    args = parser.parse_args()
    if args.variant:  # a child process measuring one variant
        func = {"studio": lambda: run_studio(Path(args.tsv), Path(args.db)),
                "pandas": lambda: run_pandas(Path(args.tsv), Path(args.db)),
                "browser": lambda: run_browser(Path(args.db)),
                "page": lambda: run_page(Path(args.db), Path(args.small_db), args.rounds)}[args.variant]
        print(json.dumps(func()))
        return

    if args.only == "page":
        with tempfile.TemporaryDirectory() as tmp:
            page = measure_page(Path(tmp), args.rows, args.rounds)
        previous = RESULTS / "ingest.json"
        results = json.loads(previous.read_text()) if previous.exists() else {"rows": args.rows}
        for key in ("benchmark", "when_utc", "machine"):
            results.pop(key, None)
        path = write_results("ingest", {**results, "data_page_browser": page})
        print_page(page)
        print(f"results: {path}")
        return

    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        tsv = Path(tmp) / "pairs.tsv"
        build_tsv(tsv, args.rows)
        studio_db, pandas_db = Path(tmp) / "studio" / "studio.duckdb", Path(tmp) / "pandas.duckdb"
        studio_db.parent.mkdir()
        pandas = measure_in_subprocess("bench.ingest", "pandas", "--tsv", str(tsv), "--db", str(pandas_db))
        studio = measure_in_subprocess("bench.ingest", "studio", "--tsv", str(tsv), "--db", str(studio_db))
        browser = measure_in_subprocess("bench.ingest", "browser", "--db", str(studio_db))
        page = measure_page(Path(tmp), args.rows, args.rounds)
    results = {
        "rows": args.rows, "load_avg_at_start": [round(x, 2) for x in load_start],
        "load_avg_at_end": [round(x, 2) for x in os.getloadavg()],
        "pandas": pandas, "studio": studio, "browser_first_render": browser, "data_page_browser": page,
        "time_ratio_studio_over_pandas": round(studio["seconds"] / pandas["seconds"], 2),
        "memory_ratio_studio_over_pandas": round(studio["peak_rss_mib"] / pandas["peak_rss_mib"], 2),
    }
    path = write_results("ingest", results)
    print(f"ingest {args.rows:,} pairs: studio {studio['seconds']:.1f} s / {studio['peak_rss_mib']:.0f} MiB, "
          f"pandas {pandas['seconds']:.1f} s / {pandas['peak_rss_mib']:.0f} MiB -> time x"
          f"{results['time_ratio_studio_over_pandas']}, memory x{results['memory_ratio_studio_over_pandas']}")
    print(f"corpus browser first render: queries {browser['queries_s']:.2f} s, search {browser['search_s']:.2f} s, "
          f"Data page {browser['data_page_render_s']:.2f} s")
    print_page(page)
    print(f"results: {path}")


if __name__ == "__main__":
    main()
