"""The demo: the bundled corpus (written for this project), the shipped demo SFT model, and training it anew.

*Set up the demo* (:func:`setup_demo`) stores the demo corpora with the train/valid/test splits fixed in their
files (``demo-en-ar``, ``demo-fr-ar``), the held-out pools of fresh sources for the RLHF stages
(``demo-en-ar-prefs``, ``demo-fr-ar-prefs``: never seen by the SFT model, stored as their train split, with the
demo valid split as their valid split), and
registers the model shipped in ``data/demo/model/`` as the SFT model — seconds, no training.
:func:`start_demo_training` trains the same kind of model from scratch as a ``bootstrap`` job instead; the
command that produced the shipped model is ``python -m engine demo train`` (:mod:`engine.demo.train`).
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pyarrow as pa

from engine.corpora import PreparedCorpus, PrepareOptions, prepare_corpus
from engine.services import Services
from engine.store.corpora import CorpusExistsError
from engine.store.glossaries import GlossaryExistsError

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"
DEMO_MODEL_DIR = DEMO_DIR / "model"
DEMO_CORPORA = {"demo-en-ar": "en-ar", "demo-fr-ar": "fr-ar"}
"""The demo corpora (train/valid/test, as fixed in their files) by name, with their language pair."""
PREFS_CORPORA = {"demo-en-ar-prefs": "en-ar", "demo-fr-ar-prefs": "fr-ar"}
"""The pools of sources for synthetic preferences and simulated feedback, held out of the SFT model's training."""
DEMO_SPLITS: tuple[str, ...] = ("train", "valid", "test")
PREFS_SPLIT = "prefs"
DEMO_MODEL_NAME = "demo-sft"
EXAMPLE_SENTENCES: tuple[tuple[str, str], ...] = (
    ("en-ar", "Where is the nearest pharmacy?"),
    ("en-ar", "My sister works in a big hospital."),
    ("en-ar", "We will travel to Cairo next week."),
    ("en-ar", "Could you close the window, please?"),
    ("fr-ar", "Je voudrais un café sans sucre, s'il vous plaît."),
    ("fr-ar", "Il fait très froid ce matin."),
)
"""Sentences the Start page shows with the shipped model's translation (recorded when it was trained)."""
TRAINING_RECORD = "training.json"
"""The shipped model's training record (config, corpus hash, steps, loss curve, chrF per split)."""


def demo_split_files(pair: str, demo_dir: Path = DEMO_DIR) -> dict[str, Path]:
    """The bundled files of one language pair by split: ``{pair}.train.tsv``, ``.valid.tsv``, ``.test.tsv`` and
    ``.prefs.tsv``."""
    files = {split: demo_dir / f"{pair}.{split}.tsv" for split in (*DEMO_SPLITS, PREFS_SPLIT)}
    missing = [p.name for p in files.values() if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"demo files missing in {demo_dir}: {', '.join(missing)}")
    return files


def read_demo_split(pair: str, split: str, demo_dir: Path = DEMO_DIR) -> list[tuple[str, str]]:
    """The (source, target) rows of one split of one language pair, in file order."""
    path = demo_split_files(pair, demo_dir)[split]
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            source, target = line.split("\t")
            rows.append((source, target))
    return rows


def prepare_demo_corpus(pair: str, demo_dir: Path = DEMO_DIR,
                        prefs: bool = False) -> tuple[PreparedCorpus, PrepareOptions]:
    """The demo corpus of ``pair`` checked like any upload, with each row's split the one of its file.

    ``prefs=True``: the pool of sources held out of the SFT model's training instead (``{pair}.prefs.tsv``) as its
    train split — the prompts of the RLHF stages — with the demo valid split as its valid split (the held-out
    sources a PPO run translates to watch chrF); never the test split.
    """
    files = demo_split_files(pair, demo_dir)
    chosen = {"train": files[PREFS_SPLIT], "valid": files["valid"]} if prefs else {s: files[s] for s in DEMO_SPLITS}
    chunks, split_by_line = [], []
    for split, path in chosen.items():
        data = path.read_bytes().rstrip(b"\n") + b"\n"
        chunks.append(data)
        split_by_line += [split] * data.count(b"\n")
    options = PrepareOptions(format="tsv", pair=pair, valid_fraction=0, test_fraction=0)
    prepared = prepare_corpus(b"".join(chunks), options)
    lines = prepared.table.column("line").to_pylist()
    splits = pa.array([split_by_line[n - 1] for n in lines], pa.string())
    index = prepared.table.column_names.index("split")
    prepared.table = prepared.table.set_column(index, "split", splits)
    return prepared, options


def load_demo_corpora(studio: Services, demo_dir: Path = DEMO_DIR) -> list[int]:
    """Store the demo corpora and the held-out pools (once; an existing one is reused) with their fixed splits;
    returns their ids (``DEMO_CORPORA`` then ``PREFS_CORPORA``)."""
    from dataclasses import asdict

    ids = []
    for prefs, corpora in ((False, DEMO_CORPORA), (True, PREFS_CORPORA)):
        for name, pair in corpora.items():
            existing = studio.store.corpora.by_name(name)
            if existing and not _is_demo_corpus(existing, pair):  # a corpus of the user's took the demo's name: it
                raise ValueError(  # was taken for the demo's (an fr-ar corpus of 2 segments as the EN→AR corpus)
                    f"cannot set up the demo: a corpus of yours is named {name!r} ({existing['pair']}, from "
                    f"{existing['source_file'] or 'no file'}) — the demo's corpora take that name: delete it on the "
                    "Data page, or add it again under another name first")
            if existing:
                ids.append(existing["id"])
                continue
            prepared, options = prepare_demo_corpus(pair, demo_dir, prefs=prefs)
            files = f"{pair}.prefs.tsv" if prefs else f"{pair}.{{train,valid,test}}.tsv"
            try:
                corpus_id = studio.store.corpora.add(
                    name, pair, prepared.table, source_file=f"{files} (demo)",
                    options={**asdict(options), "splits": "fixed by the demo files"}, report=prepared.report(),
                )
            except CorpusExistsError as exc:  # stored meanwhile by the same set-up in another tab: the same corpus
                stored = studio.store.corpora.by_name(name)
                if stored is None or not _is_demo_corpus(stored, pair):  # a corpus of the user's, named alike
                    raise ValueError(f"cannot set up the demo: {exc} — delete it on the Data page, or add it again "
                                     "under another name first") from exc
                corpus_id = stored["id"]
            ids.append(corpus_id)
    return ids


def _is_demo_corpus(row: dict, pair: str) -> bool:
    """Whether a stored corpus is the demo's of ``pair`` (stored by :func:`load_demo_corpora`: its pair, and a
    source file of the demo's — ``… (demo)``, or ``<pair>.demo.tsv`` as the first demo set-up named it: a workspace
    set up then was refused, review mend), not a corpus of the user's that took its name."""
    source_file = str(row.get("source_file") or "")
    return row["pair"] == pair and (source_file.endswith(" (demo)") or source_file == f"{pair}.demo.tsv")


def shipped_model_record(model_dir: Path = DEMO_MODEL_DIR) -> dict | None:
    """The shipped demo model's training record, or ``None`` when no model is shipped there."""
    path = model_dir / TRAINING_RECORD
    if not (model_dir / "model.safetensors").is_file() or not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def register_shipped_model(studio: Services, model_dir: Path = DEMO_MODEL_DIR, name: str = DEMO_MODEL_NAME) -> str:
    """Copy the shipped demo model into the workspace and register it as the SFT model; returns its name.

    A model of that name already registered is left as it is — unless it was archived: it is restored to the
    stage it had (*Set up the demo* on an archived demo model did nothing, and the Start page kept offering it).
    """
    record = shipped_model_record(model_dir)
    if record is None:
        raise FileNotFoundError(
            f"no shipped demo model in {model_dir}: train one with `python -m engine demo train`, "
            "or train the demo model from scratch on the Start page"
        )
    existing = studio.store.models.get(name)
    if existing is not None:
        if existing["stage"] == "archived":
            from engine.models.registry import restore

            restore(studio.store, name)
        return name
    target = studio.workspace.model_dir(name)
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(model_dir, tmp)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    chrf = record.get("chrf", {})
    metadata = {
        "prompt_format": "tags",
        "shipped": True,
        "parameters": record.get("parameters"),
        "valid_chrf": chrf.get("valid", {}).get("all"),
        "test_chrf": chrf.get("test", {}),
        "steps": record.get("steps"),
        "size": record.get("config", {}).get("size"),
        "pairs": sorted(DEMO_CORPORA.values()),
        "corpus_sha256": record.get("corpus_sha256"),
        "reproduce": record.get("command"),
    }
    studio.store.models.register(name, "policy", str(target), stage="sft", metadata=metadata)
    return name


DEMO_GLOSSARIES: dict[str, str] = {"demo-en-ar-glossary": "en-ar", "demo-fr-ar-glossary": "fr-ar"}
"""Glossary name -> language pair of the demo glossaries (``data/demo/glossary/{pair}.tsv``)."""


def load_demo_glossaries(studio: Services, demo_dir: Path = DEMO_DIR) -> list[str]:
    """Store the demo glossaries (once; an existing one is kept), checked like any upload; their names."""
    from engine.glossary import parse_glossary

    for name, pair in DEMO_GLOSSARIES.items():
        if studio.store.glossaries.by_name(name) is not None:
            continue
        path = demo_dir / "glossary" / f"{pair}.tsv"
        parsed = parse_glossary(path.read_bytes(), "tsv", pair)
        if not parsed.ok:
            raise ValueError(f"{path}: " + "; ".join(str(e) for e in parsed.errors))
        try:
            studio.store.glossaries.add(name, pair, parsed.entries, source_file=f"{pair}.tsv (demo)")
        except GlossaryExistsError as exc:  # stored meanwhile by the same set-up in another tab
            if studio.store.glossaries.by_name(name) is None:  # a glossary of the user's named the same up to case
                raise ValueError(f"cannot set up the demo: {exc}") from exc
    return list(DEMO_GLOSSARIES)


_SETUP_LOCK = threading.Lock()


def setup_demo(studio: Services, demo_dir: Path = DEMO_DIR, model_dir: Path = DEMO_MODEL_DIR) -> str:
    """The one-click demo set-up: store the demo corpora and glossaries and register the shipped SFT model
    (seconds). One at a time in a process: clicked in two tabs at once, both stored the corpora and copied the
    model into one temporary folder, and one tab showed DuckDB's constraint error as a traceback; the second set-up
    now finds the first's work done."""
    with _SETUP_LOCK:
        load_demo_corpora(studio, demo_dir)
        load_demo_glossaries(studio, demo_dir)
        return register_shipped_model(studio, model_dir)


def start_demo_training(studio: Services, **overrides) -> str:
    """Load the demo corpora and launch the bootstrap job that trains an SFT model from scratch; the run id."""
    from engine.jobs.bootstrap import BootstrapConfig

    corpus_ids = load_demo_corpora(studio)[: len(DEMO_CORPORA)]
    config = BootstrapConfig(corpus_ids=corpus_ids, **overrides)
    return studio.supervisor.start("bootstrap", config, title="Demo: train the SFT model from scratch")

