"""Benchmark: ingest 1,000,000 pairs (resampled from ../shared/corpora) — the studio's path vs a pandas baseline.

Both read the same TSV bytes, check every row (empty sides, Arabic-script target), remove exact and normalised
duplicates, assign splits and end with the rows in a DuckDB table. Each variant runs in a fresh process so
its peak memory is its own. Then the corpus browser's first render is timed with those rows in the store:
the queries it makes, and the whole Data page through Streamlit's AppTest.

    python -m bench.ingest [--rows 1000000]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from bench.common import SHARED_CORPORA, measure_in_subprocess, peak_rss_mib, write_results

SOURCES = ["manythings_eng_ara/eng-ara.tsv", "ntrex128/eng-ara.tsv", "flores200/eng-ara.dev.tsv"]


def build_tsv(path: Path, rows: int, seed: int = 0) -> None:
    """``rows`` lines resampled with replacement; half get a numbered variant so ~50% are unique pairs."""
    pairs = []
    for name in SOURCES:
        for line in (SHARED_CORPORA / name).read_text(encoding="utf-8").splitlines():
            src, tgt = line.split("\t")[:2]
            pairs.append((src, tgt))
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--variant", choices=["studio", "pandas", "browser"])
    parser.add_argument("--tsv")
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.variant:  # a child process measuring one variant
        func = {"studio": lambda: run_studio(Path(args.tsv), Path(args.db)),
                "pandas": lambda: run_pandas(Path(args.tsv), Path(args.db)),
                "browser": lambda: run_browser(Path(args.db))}[args.variant]
        print(json.dumps(func()))
        return

    with tempfile.TemporaryDirectory() as tmp:
        tsv = Path(tmp) / "pairs.tsv"
        build_tsv(tsv, args.rows)
        studio_db, pandas_db = Path(tmp) / "studio" / "studio.duckdb", Path(tmp) / "pandas.duckdb"
        studio_db.parent.mkdir()
        pandas = measure_in_subprocess("bench.ingest", "pandas", "--tsv", str(tsv), "--db", str(pandas_db))
        studio = measure_in_subprocess("bench.ingest", "studio", "--tsv", str(tsv), "--db", str(studio_db))
        browser = measure_in_subprocess("bench.ingest", "browser", "--db", str(studio_db))
    results = {
        "rows": args.rows, "pandas": pandas, "studio": studio, "browser_first_render": browser,
        "time_ratio_studio_over_pandas": round(studio["seconds"] / pandas["seconds"], 2),
        "memory_ratio_studio_over_pandas": round(studio["peak_rss_mib"] / pandas["peak_rss_mib"], 2),
    }
    path = write_results("ingest", results)
    print(f"ingest {args.rows:,} pairs: studio {studio['seconds']:.1f} s / {studio['peak_rss_mib']:.0f} MiB, "
          f"pandas {pandas['seconds']:.1f} s / {pandas['peak_rss_mib']:.0f} MiB -> time x"
          f"{results['time_ratio_studio_over_pandas']}, memory x{results['memory_ratio_studio_over_pandas']}")
    print(f"corpus browser first render: queries {browser['queries_s']:.2f} s, search {browser['search_s']:.2f} s, "
          f"Data page {browser['data_page_render_s']:.2f} s")
    print(f"results: {path}")


if __name__ == "__main__":
    main()
