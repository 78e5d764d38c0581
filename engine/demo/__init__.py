"""The demo set-up: the bundled corpus (written for this project) and the bootstrap of a small SFT model."""

from __future__ import annotations

from pathlib import Path

from engine.corpora import PrepareOptions
from engine.studio import Studio

DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"
DEMO_CORPORA = {"demo-en-ar": "en-ar", "demo-fr-ar": "fr-ar"}


def demo_files(pair: str) -> list[Path]:
    """The bundled TSV files of one language pair (``en-ar.*.tsv`` / ``fr-ar.*.tsv``)."""
    return sorted(DEMO_DIR.glob(f"{pair}.*.tsv"))


def load_demo_corpora(studio: Studio) -> list[int]:
    """Store the demo corpora (once; an existing one is reused) and return their ids."""
    ids = []
    for name, pair in DEMO_CORPORA.items():
        existing = studio.store.corpora.by_name(name)
        if existing:
            ids.append(existing["id"])
            continue
        files = demo_files(pair)
        if not files:
            raise FileNotFoundError(f"no demo files for {pair} in {DEMO_DIR}")
        data = b"".join(f.read_bytes().rstrip(b"\n") + b"\n" for f in files)
        corpus_id, _ = studio.add_corpus(
            name, data, PrepareOptions(format="tsv", pair=pair, valid_fraction=0.05, test_fraction=0.05, seed=13),
            filename=f"{pair}.demo.tsv",
        )
        ids.append(corpus_id)
    return ids


def start_demo_setup(studio: Studio, **overrides) -> str:
    """Load the demo corpora and launch the bootstrap job that trains and registers the SFT model."""
    from engine.jobs.bootstrap import BootstrapConfig

    corpus_ids = load_demo_corpora(studio)
    config = BootstrapConfig(corpus_ids=corpus_ids, **overrides)
    return studio.supervisor.start("bootstrap", config, title="Demo set-up: bootstrap the SFT model")
